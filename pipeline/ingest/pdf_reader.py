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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline import patterns
from pipeline.ingest.errors import IngestError
from pipeline.ingest.layout import Word, reading_order
from pipeline.ingest.ocr import PageJob, ocr_pages
from pipeline.ingest.options import IngestOptions, LayoutOptions, Limits, TextLayerOptions
from pipeline.ingest.quality import letter_count, syllable_share
from pipeline.lang.dates import iso
from pipeline.models import Page, Source


@dataclass(frozen=True)
class Layer:
    """What PDFium says of a page before anything costly: its text, whether anything at
    all is drawn on it, and its size in points."""

    text: str
    blank: bool
    width: float
    height: float
    fields: tuple[Word, ...] = ()  # text drawn by form widgets, see :func:`_widget_texts`
    stamps: tuple[str, ...] = ()  # text of the signature stamps among them


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
    pages = (_text_pages(path, {i: layers[i].fields for i in keep}, options.layout)
             + ocr_pages(scans, options)
             + [Page(i + 1, (), "blank") for i in blank])
    return Source(doc_id, path, "pdf", tuple(sorted(pages, key=lambda p: p.number)),
                  signed_on=signing_days(stamp for layer in layers for stamp in layer.stamps))


def signing_days(texts: Iterable[str]) -> tuple[str, ...]:
    """The days these signature stamps were signed, in ISO form, once each."""
    stamp = patterns.regex("header", "signing_time")
    days = (iso(int(m["y"]), int(m["m"]), int(m["d"])) for text in texts for m in stamp.finditer(text))
    return tuple(dict.fromkeys(day for day in days if day))


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
        return [_layer(document, i) for i in range(len(document))]
    finally:
        document.close()


def _layer(document, index: int) -> Layer:
    page = document[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    width, height = page.get_size()
    blank = not any(True for _ in page.get_objects(max_depth=1))
    fields, stamps = _widget_texts(document, index)
    return Layer(text, blank, width, height, fields, stamps)


# A widget drawing one short line (a number, a day) fills a blank of the page's own text.
MAX_FIELD_CHARS = 12


def _widget_texts(document, index: int) -> tuple[tuple[Word, ...], tuple[str, ...]]:
    """Words that form widgets draw on the page, where each is drawn (top-down, in points),
    and the text of the signature stamps among them.

    Why: documents signed electronically leave the number and the day blank in
    the text ("Số:    /TB-VPUBND", "ngày    tháng 10") and draw them with a
    signature widget at the signing; only the widget's appearance holds them.
    The page is flattened (widgets merged into its content) to read that text;
    a widget drawing several lines is a signature stamp ("Người ký: ...
    Thời gian ký: ..."), not part of the document's sentences: it is kept apart,
    for the day it was signed.
    """
    from pypdfium2 import raw as pdfium_c

    page = document[index]
    rects = _widget_rects(page, pdfium_c)
    if not rects:
        return (), ()
    before = page.get_textpage().count_chars()
    if pdfium_c.FPDFPage_Flatten(page, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
        return (), ()
    page = document[index]  # reloaded: the flattened content
    textpage = page.get_textpage()
    height = page.get_size()[1]
    chars = [(textpage.get_text_range(i, 1), textpage.get_charbox(i))
             for i in range(before, textpage.count_chars())]
    words, stamps = [], []
    for left, bottom, right, top in rects:
        inside = [(c, box) for c, box in chars
                  if left <= (box[0] + box[2]) / 2 <= right and bottom <= (box[1] + box[3]) / 2 <= top]
        text = "".join(c for c, _ in inside).strip()
        if text and len(text) <= MAX_FIELD_CHARS and not any(c in text for c in "\r\n"):
            words.append(_word(text, [box for c, box in inside if c.strip()], height))
        elif text:
            stamps.append(text)
    return tuple(words), tuple(stamps)


def _word(text: str, boxes: list[tuple[float, float, float, float]], height: float) -> Word:
    """A word over its characters' boxes (PDF units, y up) in top-down coordinates."""
    return Word(" ".join(text.split()), min(b[0] for b in boxes), height - max(b[3] for b in boxes),
                max(b[2] for b in boxes), height - min(b[1] for b in boxes))


def _widget_rects(page, pdfium_c) -> list[tuple[float, float, float, float]]:
    """The boxes (left, bottom, right, top; PDF units) of the page's form widgets."""
    rects = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        try:
            rect = pdfium_c.FS_RECTF()
            if (pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET
                    and pdfium_c.FPDFAnnot_GetRect(annot, rect)):
                rects.append((rect.left, rect.bottom, rect.right, rect.top))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return rects


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


def _text_pages(path: Path, fields: dict[int, tuple[Word, ...]], layout: LayoutOptions) -> list[Page]:
    """The kept pages' words through pdfplumber with their widgets' words, laid out column by column."""
    if not fields:
        return []
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(str(path)) as pdf:
            return [_text_page(pdf.pages[i], i + 1, layout, more) for i, more in fields.items()]
    except (PDFPasswordIncorrect, PdfminerException, PDFSyntaxError) as err:
        raise IngestError(_reason(err)) from err


# A glyph the font maps to no character: pdfminer writes "(cid:36)". Each becomes one
# space, the shape repair reads as a lost glyph ("t(cid:36)i đua" -> "t i đua" -> "thi đua").
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)|\ufffd")


def _text_page(page, number: int, layout: LayoutOptions, fields: tuple[Word, ...] = ()) -> Page:
    start = time.perf_counter()
    words = [Word(_UNMAPPED_GLYPH.sub(" ", w["text"]), w["x0"], w["top"], w["x1"], w["bottom"])
             for w in page.extract_words()] + list(fields)
    lines = reading_order(words, layout) if words else []
    return Page(number, tuple(lines), "text", None, time.perf_counter() - start)


def _reason(err: Exception) -> str:
    text = f"{err.__class__.__name__}: {err}".lower()
    if "password" in text or "encrypt" in text:
        return "PDF is encrypted or password-protected"
    return "not a readable PDF (corrupt or not a PDF)"
