"""The bad-input corpus: small files, made here, each as a careless or hostile user sends it.

Each maker writes one file into a folder and returns the start of the doc_id it
gets and the words its errors.csv reason must contain. The limits the run is
given (LIMITS) are small so that "too large" cases stay a few KB on disk.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from fpdf import FPDF
from PIL import Image

from tests.reliability.conftest import docx_file, zip_file

LIMITS = ("--max-pages", "20", "--max-page-pixels", "40000000", "--max-unzipped-mb", "20")


def empty(folder: Path) -> tuple[str, str]:
    (folder / "empty.txt").write_bytes(b"")
    return "empty", "empty file"


def zip_bomb(folder: Path) -> tuple[str, str]:
    """A .docx whose document part unzips to 60 MiB from about 60 KB."""
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as part:
            block = b"<w:p/>" * (1 << 14)
            for _ in range(60 * (1 << 20) // len(block)):
                part.write(block)
    return "bomb", "unzips to 60 MiB"


def password_zip(folder: Path) -> tuple[str, str]:
    """A Word package whose entries carry the zip 'encrypted' flag (as a zip tool with a password writes)."""
    path = docx_file(folder / "zip_password.docx", ["Kế hoạch"])
    data = bytearray(path.read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            data[at + flag_at] |= 0x1
            start = at + 4
    path.write_bytes(bytes(data))
    return "zip_password", "password-protected zip"


def plain_zip(folder: Path) -> tuple[str, str]:
    zip_file(folder / "plain_zip.docx", {"notes.txt": "xin chào".encode()})
    return "plain_zip", "plain zip archive"


def garbage_pk(folder: Path) -> tuple[str, str]:
    (folder / "garbage_pk.docx").write_bytes(b"PK" + bytes(range(256)) * 8)
    return "garbage_pk", "not a Word file"


def workbook_as_docx(folder: Path) -> tuple[str, str]:
    zip_file(folder / "workbook.docx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"})
    return "workbook", "not a Word document"


def blank_pages(path: Path, pages: int) -> Path:
    """A PDF of ``pages`` A4 pages with nothing drawn on them (a few hundred bytes a page)."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    pdf.output(str(path))
    return path


def blank_pdf(folder: Path) -> tuple[str, str]:
    blank_pages(folder / "blank_pages.pdf", 3)
    return "blank_pages", "no text on any of its 3 pages"


def many_pages(folder: Path) -> tuple[str, str]:
    blank_pages(folder / "many_pages.pdf", 30)
    return "many_pages", "too large: 30 pages"


def huge_page(folder: Path) -> tuple[str, str]:
    """A 1 KB PDF with one 5000 pt page, a line drawn on it (so it is not blank)."""
    pdf = FPDF(unit="pt", format=(5000, 5000))
    pdf.add_page()
    pdf.line(10, 10, 4000, 4000)
    pdf.output(str(folder / "huge_page.pdf"))
    return "huge_page", "20833×20833 pixels"


def many_frames(folder: Path) -> tuple[str, str]:
    frames = [Image.new("L", (60, 80), 255) for _ in range(30)]
    frames[0].save(folder / "frames.tif", save_all=True, append_images=frames[1:])
    return "frames", "too large: 30 frames"


def huge_image(folder: Path) -> tuple[str, str]:
    """A 9000 × 9000 one-bit PNG: 10 KB on disk, 81 million pixels to OCR."""
    Image.new("1", (9000, 9000), 1).save(folder / "huge_image.png", dpi=(300, 300))
    return "huge_image", "81,000,000 pixels"


def blank_image(folder: Path) -> tuple[str, str]:
    Image.new("L", (2480, 3508), 255).save(folder / "blank_scan.png", dpi=(300, 300))
    return "blank_scan", "no text on the page"


def truncated_pdf(folder: Path) -> tuple[str, str]:
    pdf = FPDF()
    pdf.add_page()
    data = bytes(pdf.output())
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    return "truncated", "PDF"


def renamed_image(folder: Path) -> tuple[str, str]:
    buffer = io.BytesIO()
    Image.new("L", (50, 50), 255).save(buffer, format="PNG")
    (folder / "renamed.pdf").write_bytes(buffer.getvalue())
    return "renamed", "not a PDF"


def english(folder: Path) -> tuple[str, str]:
    (folder / "english.txt").write_text("The quick brown fox jumps over the lazy dog. " * 20)
    return "english", "not Vietnamese"


def binary_txt(folder: Path) -> tuple[str, str]:
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return "binary", "binary content"


def unsupported(folder: Path) -> tuple[str, str]:
    (folder / "notes.json").write_text("{}")
    return "notes", "unsupported file type"


MAKERS = (empty, zip_bomb, password_zip, plain_zip, garbage_pk, workbook_as_docx, blank_pdf,
          many_pages, huge_page, many_frames, huge_image, blank_image, truncated_pdf,
          renamed_image, english, binary_txt, unsupported)
