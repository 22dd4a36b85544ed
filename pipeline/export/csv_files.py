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
_NUMBER = re.compile(r"[+-]?[0-9][0-9 .,]*%?")


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


CHUNK_ROWS = 20_000  # rows made safe and written at a time


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` with formula-safe cells, :data:`CHUNK_ROWS` rows at a time: made safe
    all at once, a run's largest table was copied several times over (a gigabyte at
    10,000 documents, when the run's memory peaks)."""
    named = frame.rename(columns=_cell)

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            for start in range(0, max(len(named), 1), CHUNK_ROWS):
                _safe_rows(named.iloc[start:start + CHUNK_ROWS]).to_csv(
                    handle, index=False, header=start == 0, lineterminator="\n")
    write_atomic(path, write)


def _safe_rows(rows: pd.DataFrame) -> pd.DataFrame:
    safe = rows.copy(deep=False)
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = _safe_column(safe[column])
    return safe


def _safe_column(column: pd.Series) -> pd.Series:
    """:func:`_cell` over a column; string columns in vectorised steps (a run's tables
    hold hundreds of thousands of cells, and a Python call per cell dominated export)."""
    if not pd.api.types.is_string_dtype(column) or column.dtype == object:
        return column.map(_cell)
    text = column
    if text.str.contains("\r", regex=False).any():  # rare: a pass to find, not two to rewrite
        text = text.str.replace("\r\n", "\n", regex=False).str.replace("\r", "\n", regex=False)
    starts = text.str.startswith(FORMULA_START).fillna(False).astype(bool)
    if not starts.any():
        return text
    risky = text[starts]  # a few cells of a column: only those are matched and changed
    risky = risky[~risky.str.fullmatch(_NUMBER.pattern).fillna(False).astype(bool)]
    if risky.empty:
        return text
    text = text.copy()
    text[risky.index] = "'" + risky
    return text


def _cell(value: object) -> object:
    if isinstance(value, str) and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return as_text(value)


def read_csv(path: Path) -> pd.DataFrame:
    """A table of a run as text, with the apostrophes :func:`write_csv` added removed."""
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    frame = frame.rename(columns=from_text)
    return frame.apply(lambda column: column.map(from_text)) if len(frame.columns) else frame
