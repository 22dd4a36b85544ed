"""Plain text and Markdown: detect the byte encoding, split pages on form feeds."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.models import Page, Source

# Byte-order marks decide the encoding outright.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Windows-1258 is kept when it reads as Vietnamese; otherwise the bytes are read
# as cp1252 (Latin-1 when cp1252 cannot), the reading the repair stage expects
# of legacy TCVN3/VNI/VISCII text.
VIETNAMESE_SHARE = 0.6


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise IngestError when nothing decodes."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    if _looks_utf16(data):
        name = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_8bit(data)


def _latin1(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):  # registered for decoding only
        raise error
    return error.object[error.start:error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "plan_miner_latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1)


def _decode_8bit(data: bytes) -> tuple[str, str]:
    from pipeline.lang.syllables import valid_share

    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
        if valid_share(text) >= VIETNAMESE_SHARE:
            return text, "cp1258"
    except UnicodeDecodeError:
        pass
    # cp1252 with Latin-1 for the five bytes cp1252 leaves undefined: a TCVN3 or VISCII
    # file uses them, and one of them must not turn every other byte into Latin-1,
    # which the repair stage's tables (built on cp1252 views) would not recognise.
    return data.decode("cp1252", errors=_LATIN1_FALLBACK), "cp1252"


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: a NUL in every other byte of ASCII-heavy text."""
    sample = data[:4000]
    return len(sample) >= 4 and sample.count(0) > len(sample) // 4


def read_plain_text(path: Path, doc_id: str, options: object = None) -> Source:
    """Read a .txt or .md file (``options`` unused: text has no pages to OCR)."""
    data = path.read_bytes()
    if b"\x00" in data[:4000] and not _looks_utf16(data) and not data.startswith(
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError("binary content in a text file")
    text, encoding = decode_bytes(data)
    pages = tuple(
        Page(number=i, lines=tuple(chunk.splitlines()), method="text")
        for i, chunk in enumerate(text.split("\f"), start=1)
    )
    fmt = path.suffix.lower().lstrip(".") or "txt"
    return Source(doc_id=doc_id, path=path, format=fmt, pages=pages, encoding=encoding)
