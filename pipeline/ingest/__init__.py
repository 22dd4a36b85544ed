"""Stage 1, ingest: read any supported file into a :class:`~pipeline.models.Source`.

One reader per format, chosen by the file's magic bytes first and its suffix
second, so a binary file renamed ``.pdf`` or ``.txt`` is told apart from a real one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.ingest.docx_reader import read_docx
from pipeline.ingest.errors import IngestError
from pipeline.ingest.pdf_reader import read_pdf
from pipeline.ingest.plain_text import read_plain_text
from pipeline.models import Source

Reader = Callable[[Path, str], Source]

READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".md": read_plain_text,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
SUPPORTED_SUFFIXES = frozenset(READERS)
MAX_BYTES = 200 * 1024 * 1024

__all__ = ["IngestError", "READERS", "SUPPORTED_SUFFIXES", "read_source"]


def read_source(path: Path, doc_id: str | None = None) -> Source:
    """Read one file; raise :class:`IngestError` with a one-line reason when it cannot."""
    doc_id = doc_id or path.stem
    if not path.is_file():
        raise IngestError("file not found")
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file")
    if size > MAX_BYTES:
        raise IngestError(f"file too large ({size // (1024 * 1024)} MiB > {MAX_BYTES >> 20} MiB)")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type '{path.suffix or '(none)'}'")
    _check_magic(path)
    return reader(path, doc_id)


def _check_magic(path: Path) -> None:
    """Refuse a file whose bytes contradict its suffix (e.g. an image renamed .pdf)."""
    head = path.read_bytes()[:8]
    suffix = path.suffix.lower()
    if suffix == ".pdf" and not head.startswith(b"%PDF"):
        raise IngestError("not a PDF: the file does not start with %PDF")
    if suffix == ".docx" and not head.startswith(b"PK"):
        raise IngestError("not a Word .docx: the file is not a zip package")
