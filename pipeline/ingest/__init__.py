"""Stage 1, ingest: read any supported file into a :class:`~pipeline.models.Source`.

One reader per format, chosen by the file's magic bytes first and its suffix
second, so a binary file renamed ``.pdf`` or ``.txt`` is told apart from a real one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.ingest.doc_reader import read_doc, read_word
from pipeline.ingest.errors import IngestError
from pipeline.ingest.image_reader import read_image
from pipeline.ingest.options import IngestOptions, Limits, OcrOptions
from pipeline.ingest.pdf_reader import read_pdf
from pipeline.ingest.plain_text import read_plain_text
from pipeline.models import Source

Reader = Callable[[Path, str, IngestOptions], Source]

READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".md": read_plain_text,
    ".docx": read_word,
    ".doc": read_doc,
}
# Readers that may OCR pages, and so take the OCR settings and the worker count.
OCR_READERS: dict[str, Reader] = {
    ".pdf": read_pdf,
    ".png": read_image,
    ".jpg": read_image,
    ".jpeg": read_image,
    ".tif": read_image,
    ".tiff": read_image,
}
SUPPORTED_SUFFIXES = frozenset(READERS) | frozenset(OCR_READERS)
MAX_BYTES = 200 * 1024 * 1024

# Leading bytes each binary format must start with, and the reason when it does not.
MAGIC: dict[str, tuple[tuple[bytes, ...], str]] = {
    ".pdf": ((b"%PDF",), "not a PDF: the file does not start with %PDF"),
    ".png": ((b"\x89PNG\r\n\x1a\n",), "not a PNG image"),
    ".jpg": ((b"\xff\xd8\xff",), "not a JPEG image"),
    ".jpeg": ((b"\xff\xd8\xff",), "not a JPEG image"),
    ".tif": ((b"II*\x00", b"MM\x00*"), "not a TIFF image"),
    ".tiff": ((b"II*\x00", b"MM\x00*"), "not a TIFF image"),
}

__all__ = ["IngestError", "IngestOptions", "Limits", "OcrOptions", "READERS", "OCR_READERS",
           "SUPPORTED_SUFFIXES", "read_source"]


def read_source(path: Path, doc_id: str | None = None,
                options: IngestOptions | None = None) -> Source:
    """Read one file; raise :class:`IngestError` with a one-line reason when it cannot.

    ``options.workers`` is how many processes may OCR this file's pages; a
    caller that already reads documents in parallel passes ``workers=1``.
    """
    doc_id = doc_id or path.stem
    if not path.is_file():
        raise IngestError("file not found")
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file")
    if size > MAX_BYTES:
        raise IngestError(f"file too large ({size // (1024 * 1024)} MiB > {MAX_BYTES >> 20} MiB)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"unsupported file type '{path.suffix or '(none)'}'")
    _check_magic(path, suffix)
    return {**READERS, **OCR_READERS}[suffix](path, doc_id, options or IngestOptions())


def _check_magic(path: Path, suffix: str) -> None:
    """Refuse a file whose bytes contradict its suffix (e.g. an image renamed .pdf)."""
    if suffix not in MAGIC:
        return
    with path.open("rb") as handle:
        head = handle.read(8)
    starts, reason = MAGIC[suffix]
    if not head.startswith(starts):
        raise IngestError(reason)
