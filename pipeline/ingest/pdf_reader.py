"""PDFs, page by page: the text layer where it is good, OCR where it is missing or garbage.

Why per page: one plan often mixes typed pages with a scanned signature or
annex page, and a broken font map may spoil only the pages set in that font.
PDFium reads every page's text fast enough to judge all of them; pdfplumber,
about 50× slower but with word boxes, is used only on the pages kept, so the
letterhead's columns can be put in order; the rest go to :mod:`pipeline.ingest.ocr`.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.layout import Word, reading_order
from pipeline.ingest.ocr import PageJob, ocr_pages
from pipeline.ingest.options import IngestOptions, LayoutOptions, Limits, TextLayerOptions
from pipeline.ingest.quality import letter_count, syllable_share
from pipeline.models import Page, Source


@dataclass(frozen=True)
class Layer:
    """What PDFium says of a page before anything costly: its text, whether anything at
    all is drawn on it, and its size in points."""

    text: str
    blank: bool
    width: float
    height: float


def read_pdf(path: Path, doc_id: str, options: IngestOptions | None = None) -> Source:
    """Read a PDF; raise IngestError for encrypted, corrupt, empty or oversized files.

    A page on which nothing is drawn is kept as an empty page instead of being
    OCR'd (2,000 blank pages took over an hour); a page to OCR must fit the
    pixel limit at the OCR resolution.
    """
    options = options or IngestOptions()
    layers = text_layers(path, options.limits)
    if not layers:
        raise IngestError("PDF has no pages")
    keep = [i for i, layer in enumerate(layers) if usable_text(layer.text, options.text_layer)]
    blank = [i for i, layer in enumerate(layers) if layer.blank and i not in keep]
    scans = [PageJob(path, i, i + 1, "pdf") for i in range(len(layers)) if i not in keep + blank]
    for job in scans:
        _check_pixels(layers[job.index], job.number, options)
    pages = (_text_pages(path, keep, options.layout) + ocr_pages(scans, options)
             + [Page(i + 1, (), "blank") for i in blank])
    return Source(doc_id, path, "pdf", tuple(sorted(pages, key=lambda p: p.number)))


def text_layers(path: Path, limits: Limits | None = None) -> list[Layer]:
    """Every page's raw text as PDFium extracts it ("" for a page without text)."""
    import pypdfium2

    limits = limits or Limits()
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as err:
        raise IngestError(_reason(err)) from err
    try:
        if len(document) > limits.max_pages:
            raise IngestError(f"too large: {len(document)} pages (the limit is {limits.max_pages} "
                              f"pages per document; --max-pages)")
        return [_layer(document[i]) for i in range(len(document))]
    finally:
        document.close()


def _layer(page) -> Layer:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    width, height = page.get_size()
    return Layer(text, not any(True for _ in page.get_objects(max_depth=1)), width, height)


def _check_pixels(layer: Layer, number: int, options: IngestOptions) -> None:
    """Refuse a page whose image at the OCR resolution exceeds the pixel limit."""
    scale = options.ocr.dpi / 72
    width, height = round(layer.width * scale), round(layer.height * scale)
    if width * height > options.limits.max_page_pixels:
        raise IngestError(f"too large: page {number} is {width}×{height} pixels at {options.ocr.dpi} dpi "
                          f"(the limit is {options.limits.max_page_pixels:,} pixels per page; "
                          f"--max-page-pixels)")


def usable_text(text: str, options: TextLayerOptions) -> bool:
    """Enough letters, and mostly real Vietnamese syllables (not a broken font map)."""
    return (letter_count(text) >= options.min_letters
            and syllable_share(text) >= options.min_syllable_share)


def _text_pages(path: Path, indexes: list[int], layout: LayoutOptions) -> list[Page]:
    """The kept pages' words through pdfplumber, laid out column by column."""
    if not indexes:
        return []
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(str(path)) as pdf:
            return [_text_page(pdf.pages[i], i + 1, layout) for i in indexes]
    except (PDFPasswordIncorrect, PdfminerException, PDFSyntaxError) as err:
        raise IngestError(_reason(err)) from err


# A glyph the font maps to no character: pdfminer writes "(cid:36)". Each becomes one
# space, the shape repair reads as a lost glyph ("t(cid:36)i đua" -> "t i đua" -> "thi đua").
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)|\ufffd")


def _text_page(page, number: int, layout: LayoutOptions) -> Page:
    start = time.perf_counter()
    words = [Word(_UNMAPPED_GLYPH.sub(" ", w["text"]), w["x0"], w["top"], w["x1"], w["bottom"])
             for w in page.extract_words()]
    lines = reading_order(words, layout) if words else []
    return Page(number, tuple(lines), "text", None, time.perf_counter() - start)


def _reason(err: Exception) -> str:
    text = f"{err.__class__.__name__}: {err}".lower()
    if "password" in text or "encrypt" in text:
        return "PDF is encrypted or password-protected"
    return "not a readable PDF (corrupt or not a PDF)"
