"""PDF text layer through pdfplumber, page by page."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.models import Page, Source

# A page with fewer letters than this has no usable text layer (a scan).
MIN_LETTERS_PER_PAGE = 40


def read_pdf(path: Path, doc_id: str) -> Source:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = tuple(
                Page(i, tuple((page.extract_text() or "").splitlines()), "text")
                for i, page in enumerate(pdf.pages, start=1)
            )
    except (PDFPasswordIncorrect, PdfminerException, PDFSyntaxError) as err:
        raise IngestError(_reason(err)) from err
    if not pages:
        raise IngestError("PDF has no pages")
    letters = sum(ch.isalpha() for p in pages for line in p.lines for ch in line)
    if letters < MIN_LETTERS_PER_PAGE * len(pages):
        raise IngestError("PDF has no usable text layer (scanned pages need OCR)")
    return Source(doc_id, path, "pdf", pages)


def _reason(err: Exception) -> str:
    # pdfplumber wraps pdfminer's errors: the cause (PDFPasswordIncorrect) is in args.
    text = " ".join([err.__class__.__name__, str(err), *map(repr, err.args)]).lower()
    if "password" in text or "encrypt" in text:
        return "PDF is encrypted or password-protected"
    return "not a readable PDF (corrupt or not a PDF)"
