"""Synthetic plan documents with known text: PDFs, scans and broken text layers.

Why synthetic: real scans come without their true text, so OCR cannot be
measured on them. Typesetting the sample plans ourselves gives pages whose every
line is known, in reading order, and lets tests, ``eval_ocr`` and ``bench_ocr``
apply the same damage (skew, blur, speckle, JPEG) to the same pages.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFilter

RAW_DIR = Path(__file__).resolve().parents[2] / "data" / "raw"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core covers Vietnamese
DPI = 300

# The sample texts lack their letterhead's agency column; these are the issuers'.
AGENCIES: dict[str, tuple[str, ...]] = {
    "002_1d0c97eeb57a3117": ("ỦY BAN NHÂN DÂN", "HUYỆN THỦY NGUYÊN"),
    "004_e58006d243a02151": ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"),
}
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_HEADING = re.compile(r"^[IVX]+\.")
_OPENING = ("Thực hiện", "Căn cứ")  # the first paragraph after the title


@dataclass(frozen=True)
class PlanText:
    """A sample plan split into its letterhead columns and its body lines."""

    left: tuple[str, ...]  # agency lines, then "Số: ..."
    right: tuple[str, ...]  # quốc hiệu, motto, then place-and-date
    body: tuple[str, ...]


@dataclass(frozen=True)
class Damage:
    """What a scanner does to a page; every field 0 leaves the page clean."""

    rotate: float = 0.0  # degrees
    blur: float = 0.0  # Gaussian radius in pixels
    noise: float = 0.0  # Gaussian noise sigma, grey levels
    speckle: float = 0.0  # share of pixels flipped to black or white
    jpeg: int = 0  # JPEG quality; 0 for none
    border: int = 0  # dark scanner-edge band, pixels


CLEAN = Damage()
MILD = Damage(rotate=0.6, blur=0.6, noise=8, speckle=0.0005, jpeg=75, border=40)
HARSH = Damage(rotate=1.0, blur=1.1, noise=28, speckle=0.003, jpeg=45, border=80)


def sample_plan(stem: str) -> PlanText:
    """Read ``data/raw/<stem>.txt``: its "Số:" and date lines and the body after them."""
    lines = [ln.replace("**", "").lstrip("#").strip() for ln in (RAW_DIR / f"{stem}.txt").read_text(
        encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    code = next(i for i, ln in enumerate(lines) if ln.startswith("Số:"))
    date = next(i for i, ln in enumerate(lines) if ", ngày" in ln)
    left = (*AGENCIES[stem], lines[code])
    right = (*MOTTO, lines[date])
    return PlanText(left, right, tuple(lines[max(code, date) + 1:]))


def write_text_pdf(plan: PlanText, path: Path, max_pages: int = 2) -> list[list[str]]:
    """Typeset a plan as an A4 PDF with a real text layer; return each page's true lines.

    The letterhead is two columns side by side, as in real plans; its true
    reading order is the left column's lines, then the right column's.
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(30, 20, 20)
    for style, name in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf")):
        pdf.add_font("Serif", style, str(FONT_DIR / name))
    pdf.add_page()
    pages: list[list[str]] = [[*plan.left, *plan.right]]
    _letterhead(pdf, plan)
    opening = next(i for i, p in enumerate(plan.body) if p.startswith(_OPENING))
    for number, paragraph in enumerate(plan.body):
        title = number < opening  # "KẾ HOẠCH" and its title lines are centred and bold
        pdf.set_font("Serif", "B" if title or _HEADING.match(paragraph) else "", 13)
        # output="LINES" gives the wrapped lines (fpdf2 types the return for every output kind)
        wrapped = cast(list[str], pdf.multi_cell(0, 7, paragraph, dry_run=True, output="LINES"))
        for line in wrapped:
            if pdf.get_y() + 7 > 297 - 20:
                if len(pages) == max_pages:
                    pdf.output(str(path))
                    return pages
                pdf.add_page()
                pages.append([])
            pdf.cell(0, 7, line, align="C" if title else "L", new_x="LMARGIN", new_y="NEXT")
            pages[-1].append(line)
        pdf.ln(2)
    pdf.output(str(path))
    return pages


def _letterhead(pdf, plan: PlanText) -> None:
    """Agency and code on the left (75 mm), quốc hiệu and date on the right."""
    styles = (("B", 12), ("B", 12), ("", 13))
    for row, ((left, right), (style, size)) in enumerate(
            zip(zip(plan.left, plan.right, strict=True), styles, strict=True)):
        y = 20 + row * 8 + (4 if row == 2 else 0)
        pdf.set_font("Serif", style, size)
        pdf.set_xy(20, y)
        pdf.cell(75, 7, left, align="C")
        pdf.set_font("Serif", style, 11 if row == 0 else size)
        pdf.set_xy(95, y)
        pdf.cell(100, 7, right, align="C")
    pdf.line(42, 36, 73, 36)
    pdf.line(122, 36, 168, 36)
    pdf.set_y(20 + 3 * 8 + 10)


def render(pdf: Path, dpi: int = DPI) -> list[Image.Image]:
    """Rasterise every page with poppler's pdftoppm, as a scanner would see it (grey)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf),
                        f"{tmp}/page"], check=True)
        files = sorted(Path(tmp).glob("page*.png"))
        return [Image.open(f).convert("L") for f in files]


def scan(image: Image.Image, damage: Damage, seed: int = 0) -> Image.Image:
    """Apply a scanner's damage to a clean grey page image."""
    rng = np.random.default_rng(seed)
    img = image.convert("L")
    if damage.rotate:
        img = img.rotate(damage.rotate, resample=Image.Resampling.BICUBIC, expand=False,
                         fillcolor=255)
    if damage.blur:
        img = img.filter(ImageFilter.GaussianBlur(damage.blur))
    if damage.border:
        draw = ImageDraw.Draw(img)
        draw.rectangle((0, 0, damage.border // 2, img.height), fill=40)
        draw.rectangle((0, img.height - damage.border, img.width, img.height), fill=60)
    pixels: npt.NDArray[np.floating] = np.asarray(img, dtype=np.float32)
    if damage.noise:
        pixels = pixels + rng.normal(0, damage.noise, pixels.shape)
    if damage.speckle:
        flips = rng.random(pixels.shape)
        pixels[flips < damage.speckle / 2] = 0
        pixels[flips > 1 - damage.speckle / 2] = 255
    img = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return _jpeg(img, damage.jpeg) if damage.jpeg else img


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    with tempfile.SpooledTemporaryFile() as buf:
        img.save(buf, format="JPEG", quality=quality)
        buf.seek(0)
        return Image.open(buf).copy()


def stamp(image: Image.Image, centre: tuple[int, int], radius: int = 190) -> Image.Image:
    """A colour copy of the page with a red seal over it, as every signed plan has."""
    from PIL import ImageFont

    page = image.convert("RGB")
    overlay = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(overlay)
    x, y = centre
    red = (205, 35, 40)
    for r, width in ((radius, 9), (radius - 40, 4)):
        draw.ellipse((x - r, y - r, x + r, y + r), outline=red, width=width)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 44)
    draw.text((x, y), "ỦY BAN NHÂN DÂN", fill=red, font=font, anchor="mm")
    draw.text((x, y + 60), "★", fill=red, font=font, anchor="mm")
    return Image.fromarray(np.minimum(np.asarray(page), np.asarray(overlay)))


def images_to_pdf(images: list[Image.Image], path: Path, dpi: int = DPI) -> Path:
    """A scanned PDF: one image a page and no text layer."""
    first, *rest = [im.convert("L") for im in images]
    first.save(path, save_all=True, append_images=rest, resolution=dpi)
    return path


def garble(text: str) -> str:
    """What a broken font map makes of a line: "SỞ CÔNG THƯƠNG" → "6Ӣ CÔNG 7+ѬѪ1*".

    Code points are shifted as a subset font's private glyph ids would be:
    ASCII letters down by 29, other letters into the Cyrillic block.
    """
    out = []
    for ch in text:
        if ch.isascii() and ch.isalpha():
            out.append(chr(ord(ch) - 29))
        elif ch.isalpha():
            out.append(chr(0x0400 + ord(ch) % 0xFF))
        else:
            out.append(ch)
    return "".join(out)


def write_broken_layer_pdf(images: list[Image.Image], pages: list[list[str]],
                           path: Path, dpi: int = DPI) -> Path:
    """Pages that look right but whose text layer is garbage, as with a broken font map.

    Each page is its picture plus invisible text: the garbled true lines at
    their usual places, so a text extractor finds plenty of "letters".
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("Sans", "", str(FONT_DIR / "DejaVuSans.ttf"))
    for image, lines in zip(images, pages, strict=True):
        pdf.add_page()
        pdf.image(image.convert("L"), x=0, y=0, w=210, h=297)
        pdf.set_font("Sans", "", 12)
        pdf.text_mode = "INVISIBLE"
        for row, line in enumerate(lines):
            pdf.text(30, 25 + row * 7, garble(line))
        pdf.text_mode = "FILL"
    pdf.output(str(path))
    return path


def unmap_glyphs(pdf: Path, letters: str, path: Path) -> Path:
    """A copy of ``pdf`` whose fonts map the glyphs of ``letters`` to no character.

    The damage behind seed 001: the glyphs print, but the font's ToUnicode map
    lacks them, so text extractors lose them ("(cid:36)" in pdfminer). The
    maps are edited in qpdf's editable form and the file repaired by fix-qdf.
    """
    with tempfile.TemporaryDirectory() as tmp:
        editable = Path(tmp) / "qdf.pdf"
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(editable)],
                       check=True)
        targets = tuple(f"<{ord(c):04X}>".encode() for c in letters)

        def drop(m: re.Match[bytes]) -> bytes:
            rows = m.group(2).split(b"\n")
            kept = [r for r in rows if not r.strip().endswith(targets)]
            return b"%d beginbfchar%sendbfchar" % (int(m.group(1)) - len(rows) + len(kept),
                                                  b"\n".join(kept))

        edited = re.sub(rb"(\d+) beginbfchar(.*?)endbfchar", drop, editable.read_bytes(),
                        flags=re.S)
        editable.write_bytes(edited)
        with path.open("wb") as out:
            subprocess.run(["fix-qdf", str(editable)], stdout=out, check=True)
    return path


def flat(lines: list[str] | tuple[str, ...]) -> str:
    """One string with single spaces: CER then counts letters, not line wrapping."""
    return " ".join(" ".join(lines).split())
