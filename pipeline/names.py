"""File names as a run shows them: doc_ids that are safe file names, paths that are printable.

Why: a doc_id becomes ``text/<doc_id>.txt``, a CSV cell, a DuckDB value and a
workbook header. A name that is not UTF-8 (a zip made on Windows), 250 bytes
long, NFD-spelled (macOS) or holding "/" must still give one doc_id that every
one of those can hold, and the same file must get the same doc_id on every run.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

# A doc_id's budget: ``text/<doc_id>.txt`` and its temporary twin must stay far
# below the 255 bytes a Linux file name may hold.
MAX_ID_CHARS = 100
MAX_ID_BYTES = 150
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\ufffd]')


def display_path(path: Path | str) -> str:
    """The path as text any file can hold: undecodable bytes written as ``\\xff``."""
    return os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")


def safe_stem(path: Path) -> str:
    """The file's stem as a doc_id: NFC, no character a file name or a shell finds
    special, no leading dot (a hidden text file), at most MAX_ID_CHARS characters.

    A stem that had to be cut keeps a short hash of the whole name, so two long
    names that share their beginning stay two doc_ids.
    """
    raw = os.fsencode(path.name)
    name = unicodedata.normalize("NFC", raw.decode("utf-8", errors="replace"))
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    stem = _UNSAFE.sub("_", stem).strip().lstrip(".").strip() or "document"
    if len(stem) <= MAX_ID_CHARS and len(stem.encode("utf-8")) <= MAX_ID_BYTES \
            and raw.decode("utf-8", errors="ignore").encode("utf-8") == raw:
        return stem
    digest = hashlib.sha1(raw).hexdigest()[:8]
    cut = stem[:MAX_ID_CHARS - 9]
    while len(cut.encode("utf-8")) > MAX_ID_BYTES - 9:
        cut = cut[:-1]
    return f"{cut.rstrip()}~{digest}"
