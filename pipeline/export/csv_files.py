"""CSV for auditors: UTF-8 with a BOM (Excel opens Vietnamese correctly), one header row.

Cells that a spreadsheet would run as a formula are written as text (OWASP's
CSV-injection guidance): a value beginning with = + - @, a tab or a carriage
return gets a leading apostrophe. Why: titles, cited phrases and doc_ids come
from documents and file names anyone can write ("=HYPERLINK(...)"), and a list
item "- Tuyên truyền ..." would otherwise open as "#NAME?". A number such as
"-5%" or "+2" is left as it is, since a spreadsheet reading it as a number is right.
A carriage return inside a cell becomes a line feed: the CSV writer quotes only
cells holding its line terminator, so a bare one would split the row in two.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.export.atomic import write_atomic

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d[\d .,]*%?")


def as_text(value: object) -> object:
    """``value`` as a spreadsheet shows it as text: an apostrophe before a formula start."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def from_text(value: object) -> object:
    """Undo :func:`as_text` on a value read back from a CSV of a run."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    safe = frame.rename(columns=_cell)
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(_cell)
    write_atomic(path, lambda tmp: safe.to_csv(tmp, index=False, encoding="utf-8-sig",
                                               lineterminator="\n"))


def _cell(value: object) -> object:
    if isinstance(value, str) and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return as_text(value)


def read_csv(path: Path) -> pd.DataFrame:
    """A table of a run as text, with the apostrophes :func:`write_csv` added removed."""
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    frame = frame.rename(columns=from_text)
    return frame.apply(lambda column: column.map(from_text)) if len(frame.columns) else frame
