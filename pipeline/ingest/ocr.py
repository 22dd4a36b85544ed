"""OCR of page images with Tesseract ``vie``, one process per page.

Why processes and one thread each: on these machines Tesseract's own OpenMP
threads make a page 5–10× slower, so ``OMP_THREAD_LIMIT=1`` is set and the
parallelism is over pages instead. Callers that already run documents in a
process pool pass ``workers=1`` so pools do not nest.

Tesseract returns words with boxes (``image_to_data``); lines are rebuilt from
the boxes by :mod:`pipeline.ingest.layout` so that the two-column letterhead
comes out column by column, as the text-layer path does.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shlex
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import median

import pytesseract
from PIL import Image, ImageOps

from pipeline.ingest.errors import IngestError
from pipeline.ingest.layout import Word, laid_lines
from pipeline.ingest.options import IngestOptions, OcrOptions
from pipeline.ingest.preprocess import prepare
from pipeline.ingest.quality import syllable_share
from pipeline.ingest.ruled_tables import find_grids
from pipeline.ingest.stems import recount_roman_ones
from pipeline.ingest.tessdata import tessdata_dir
from pipeline.lang.syllables import is_syllable
from pipeline.models import Page

MIN_SCALED_DPI = 0.8  # images below this share of the target dpi are enlarged
MAX_SCALE = 3.0  # never enlarge more (memory), whatever the resolution says
MAX_PAGE_INCHES = 17.0  # an A3 page's long side is 16.5 in
A4_WIDTH_INCHES, A4_RATIO, A4_RATIO_SLACK = 8.27, 1.414, 0.06
SPECK_CONFIDENCE = 50.0  # lone punctuation below this confidence is a speck
SPECK_SIZE = 0.15  # ... and so is one smaller than this share of the line height
JUNK_SIZE = 0.3  # a letter smaller than this share of the page's median word height is a mark


@dataclass(frozen=True)
class PageJob:
    """One page to OCR, named by file so a worker loads it itself (no pickled pixels)."""

    path: Path
    index: int  # 0-based page of a PDF or frame of an image
    number: int  # page number in the Source, 1-based
    kind: str  # "pdf" or "image"


def ocr_pages(jobs: list[PageJob], options: IngestOptions) -> list[Page]:
    """OCR every job, in parallel over ``options.workers`` processes, in job order.

    Inside a worker process (a run that reads documents in parallel) pages are
    read one after another: the cores are already busy, and pools must not nest.
    """
    workers = min(options.workers, len(jobs))
    if workers <= 1 or multiprocessing.parent_process() is not None:
        return [ocr_job(job, options) for job in jobs]
    single = replace(options, workers=1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(ocr_job, jobs, [single] * len(jobs)))


def ocr_job(job: PageJob, options: IngestOptions) -> Page:
    """Load, clean and read one page; the Page records method, confidence and time."""
    start = time.perf_counter()
    image = load_page(job, options.ocr.dpi)
    read = ocr_lines(image, options)
    return Page(job.number, read.lines, "ocr", read.confidence, time.perf_counter() - start,
                read.line_confidences)


def load_page(job: PageJob, dpi: int) -> Image.Image:
    """The page at ``dpi``, in colour where it has colour (see :func:`prepare`):
    PDFs rendered by PDFium, images as stored."""
    if job.kind == "pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(str(job.path))
        try:
            return document[job.index].render(scale=dpi / 72).to_pil()
        finally:
            document.close()
    with Image.open(job.path) as image:
        image.seek(job.index)
        stored = float((image.info.get("dpi") or (0,))[0])
        page = ImageOps.exif_transpose(image)
    return _at_dpi(page, stored, dpi)


def _at_dpi(image: Image.Image, stored: float, dpi: int) -> Image.Image:
    """Enlarge a low-resolution image (Tesseract's models expect text about 300 dpi high)
    and record the resolution, which Tesseract reads to size its line finding."""
    actual = page_dpi(image.size, stored) or dpi
    if actual < dpi * MIN_SCALED_DPI:
        scale = min(dpi / actual, MAX_SCALE)
        image = image.resize((round(image.width * scale), round(image.height * scale)),
                             Image.Resampling.BICUBIC)
        actual *= scale
    image.info["dpi"] = (actual, actual)
    return image


def page_dpi(size: tuple[int, int], stored: float) -> float:
    """The image's resolution: as stored when that gives a paper-sized page (a phone
    photo says 72 dpi for a 4000-pixel picture: 55 inches), else from the width of an
    A4 page when the picture has A4's shape, else 0 for unknown."""
    long_side, short_side = max(size), min(size)
    if stored and long_side / stored <= MAX_PAGE_INCHES:
        return stored
    if abs(long_side / short_side - A4_RATIO) < A4_RATIO_SLACK:
        return short_side / A4_WIDTH_INCHES
    return 0.0


@dataclass(frozen=True)
class OcrLines:
    """A page as OCR read it: lines in reading order, each line's mean word confidence,
    and the page's mean word confidence (None for a blank page)."""

    lines: tuple[str, ...]
    line_confidences: tuple[float | None, ...]
    confidence: float | None


def ocr_image(image: Image.Image, options: IngestOptions) -> tuple[list[str], float | None]:
    """Lines in reading order and the mean word confidence (None for a blank page)."""
    read = ocr_lines(image, options)
    return list(read.lines), read.confidence


def ocr_lines(image: Image.Image, options: IngestOptions) -> OcrLines:
    """:func:`ocr_image` with the confidence of every line (the mean of its words')."""
    dpi = float(image.info.get("dpi", (options.ocr.dpi,))[0])
    page = prepare(image, options.ocr)
    words = _words(page, dpi, options.ocr)
    if _share(words) < options.ocr.upright_below:  # also no words: sideways lines read as none
        turned = upright(page, dpi, options.ocr)
        again = _words(turned, dpi, options.ocr) if turned else []
        if turned is not None and _share(again) > _share(words):
            page, words = turned, again
    if not words:
        return OcrLines((), (), None)
    layout = replace(options.layout, column_gap=options.layout.ocr_column_gap,
                     number_after_letterhead=True)
    grids = find_grids(page) if options.ocr.ruled_tables else []
    lines = laid_lines([replace(w, confidence=c) for w, c in words], layout, grids)
    return OcrLines(tuple(ln.text for ln in lines), tuple(ln.confidence for ln in lines),
                    round(sum(c for _, c in words) / len(words), 1))


def _words(page: Image.Image, dpi: float, options: OcrOptions) -> list[tuple[Word, float]]:
    words = without_junk(without_specks(tesseract_words(page, dpi, options)), options)
    return recount_roman_ones(words, page)


def _share(words: list[tuple[Word, float]]) -> float:
    return syllable_share(" ".join(w.text for w, _ in words))


def upright(page: Image.Image, dpi: float, options: OcrOptions) -> Image.Image | None:
    """The page turned as Tesseract's orientation detector says, or None when it
    finds the page upright or cannot tell. Asked only when a first reading is
    not Vietnamese, since it costs about half a page's OCR."""
    try:
        with _as_file(page, dpi) as picture:
            osd = pytesseract.image_to_osd(picture, config="--psm 0",
                                           output_type=pytesseract.Output.DICT,
                                           timeout=options.timeout)
    except (RuntimeError, pytesseract.TesseractError):  # too little text, or timed out
        return None
    return page.rotate(-osd["rotate"], expand=True, fillcolor=255) if osd["rotate"] else None


@contextmanager
def _as_file(image: Image.Image, dpi: float) -> Iterator[str]:
    """The image as an uncompressed file (pytesseract's default PNG costs a third of a
    second a page), with its resolution, which Tesseract reads to size its line finding."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        picture = Path(tmp) / "page.bmp"
        image.save(picture, dpi=(dpi, dpi))
        yield str(picture)


def tesseract_words(image: Image.Image, dpi: float,
                    options: OcrOptions) -> list[tuple[Word, float]]:
    """Tesseract's words with boxes and confidences, in one run of the engine."""
    try:
        with _as_file(image, dpi) as picture:
            data = pytesseract.image_to_data(
                picture, lang=options.lang, config=tesseract_config(options),
                output_type=pytesseract.Output.DICT, timeout=options.timeout)
    except RuntimeError as err:  # pytesseract's timeout
        raise IngestError(f"OCR timed out after {options.timeout:.0f} s on a page") from err
    except pytesseract.TesseractError as err:
        raise IngestError(f"OCR failed: {err.message.strip()[:120]}") from err
    return [
        (Word(text, left, top, left + width, top + height), float(conf))
        for text, left, top, width, height, conf in zip(
            data["text"], data["left"], data["top"], data["width"], data["height"],
            data["conf"], strict=True)
        if text.strip() and float(conf) >= 0
    ]


def without_specks(words: list[tuple[Word, float]]) -> list[tuple[Word, float]]:
    """Drop stray marks read as punctuation ("_", ";", "-") where a scan has specks.

    A lone punctuation word is kept only when Tesseract is fairly sure of it and
    it is not a dot-sized box: a real dash is a third of a line height wide.
    """
    if not words:
        return words
    height = median(w.height for w, _ in words)
    return [(w, conf) for w, conf in words
            if any(ch.isalnum() for ch in w.text)
            or (conf >= SPECK_CONFIDENCE and max(w.height, w.x1 - w.x0) >= SPECK_SIZE * height)]


# A word that is no syllable but may be text all the same: a code ("/SLĐTBXH", "KH-UBND"),
# a number, an abbreviation in capitals ("UBND"), a list marker ("a)", "1.", "-").
_CODE_LIKE = re.compile(r"^[(\[]?(?:[0-9A-ZĐ]+(?:[/.,\-–&][0-9A-ZĐa-zđ]*)*|[a-zđ][)/.])[)\].,;:]*$")
_CODE_LIKE_ANY = re.compile(r"[/]")
# The syllable a junk-tailed word starts with ("ngày/4}" is "ngày" and a handwritten day).
_SYLLABLE_HEAD = re.compile(r"^[^\W\d_]+[.,;:]*(?:\./\.)?")
_EDGE = re.compile(r"^\W+|\W+$")


def without_junk(words: list[tuple[Word, float]], options: OcrOptions) -> list[tuple[Word, float]]:
    """Drop what a seal, a signature or a handwritten fill-in is read as ("',Áz¿'", "#2", "c2").

    Tesseract is unsure of such "words" (confidence under ``options.junk_below``) and
    they are no Vietnamese syllable and no code; a word that starts with a syllable
    and ends in junk ("ngày/4}") keeps its syllable. Marks far smaller than the
    page's letters (a signature's loops read as "v", "s") go too. A dropped word
    keeps its box with no text: the layout still sees it where it stood, so the
    gap it leaves does not split its line into columns.
    """
    if not words or not options.junk_below:
        return words
    height = median(w.height for w, _ in words)
    kept = []
    for word, conf in words:
        text = word.text
        if conf >= options.junk_below or _readable(text):
            small = word.height < JUNK_SIZE * height and any(ch.isalnum() for ch in text)
            kept.append((replace(word, text="") if small else word, conf))
            continue
        head = _SYLLABLE_HEAD.match(text)
        syllable = head.group(0) if head else ""
        keep = len(syllable) >= 2 and is_syllable(_EDGE.sub("", syllable))
        kept.append((replace(word, text=syllable if keep else ""), conf))
    return kept


def _readable(text: str) -> bool:
    """Could this be text? A syllable, a number, a code, or a run of small letters
    (a syllable misread, "ngàyftháng"); not "c2", "CN", "Ø4-", ";Wittm", "1inn"."""
    core = _EDGE.sub("", text)
    return (not any(ch.isalnum() for ch in text) or is_syllable(core) or core.isdigit()
            or bool(_CODE_LIKE.match(text)) and len(core) >= 3
            or bool(_CODE_LIKE_ANY.search(text)) or bool(_WORDLIKE.fullmatch(core)))


_LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_WORDLIKE = re.compile(f"[{_LOWER}{_LOWER.upper()}]?[{_LOWER}]{{3,}}")


def tesseract_config(options: OcrOptions) -> str:
    """Command-line options: engine, page segmentation and the model's folder."""
    config = f"--oem {options.oem} --psm {options.psm}"
    folder = tessdata_dir(options.model, options.lang)
    return f"{config} --tessdata-dir {shlex.quote(str(folder))}" if folder else config
