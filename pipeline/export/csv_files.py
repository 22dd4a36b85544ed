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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

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


CHUNK_ROWS = 20_000  # rows made safe and handed to the writer at a time
# From this many rows a table goes through DuckDB's writer; below, pandas' (no engine
# to start: a run writes 16 tables, most of them small).
LARGE_TABLE = 20_000
BOM = "\ufeff"


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` with formula-safe cells, :data:`CHUNK_ROWS` rows at a time (made
    safe all at once, a run's largest table was copied several times over: a gigabyte
    at 10,000 documents, when the run's memory peaks).

    Large tables go through DuckDB's CSV writer. Why: pandas' writer formats cells in
    Python holding the interpreter's lock (sections.csv alone, 215 MB at 10,000 plans,
    took 9 s, half of a re-run's export); DuckDB writes in C++, without the lock, while
    the database is built beside it. Both writers give the same bytes (see
    :func:`_write_large`).
    """
    named = frame.rename(columns=_cell)
    write = _write_large if len(named) >= LARGE_TABLE else _write_small
    write_atomic(path, lambda tmp: write(named, tmp))


def _write_small(named: pd.DataFrame, tmp: Path) -> None:
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        for start in range(0, max(len(named), 1), CHUNK_ROWS):
            _safe_rows(named.iloc[start:start + CHUNK_ROWS]).to_csv(
                handle, index=False, header=start == 0, lineterminator="\n")


def _write_large(named: pd.DataFrame, tmp: Path) -> None:
    """pandas' CSV to the byte (minimal quoting, empty cells bare, ``True``, ``1.5``, the
    BOM) from DuckDB: every cell is handed over as the text pandas makes of it, empty
    text as NULL (which DuckDB writes bare), the BOM in the first header; rows go as
    Arrow batches of :data:`CHUNK_ROWS`, so no table is copied whole."""
    headers = [str(c) for c in named.columns]
    schema = pa.schema([(f"c{i}", pa.large_string()) for i in range(len(headers))])

    def batches() -> Iterator[pa.RecordBatch]:
        for start in range(0, len(named), CHUNK_ROWS):
            rows = _as_text(_safe_rows(named.iloc[start:start + CHUNK_ROWS]))
            yield pa.RecordBatch.from_arrays(
                [pa.array(rows.iloc[:, i], type=pa.large_string()) for i in range(len(headers))],
                schema=schema)

    cells = ", ".join(f"nullif(c{i}, '') AS {_identifier((BOM if i == 0 else '') + h)}"
                      for i, h in enumerate(headers))
    con = duckdb.connect(config={"memory_limit": "128MB"})
    try:
        con.register("rows", pa.RecordBatchReader.from_batches(schema, batches()))
        target = str(tmp).replace("'", "''")
        con.execute(f"COPY (SELECT {cells} FROM rows) TO '{target}' "
                    "(HEADER, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NEW_LINE '\\n')")
    finally:
        con.close()


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _as_text(rows: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text pandas' CSV writer makes of it: numbers and booleans by
    ``str``, missing values (None, NaN) as ""."""
    out = {}
    for column in rows.columns:
        values = rows[column]
        if pd.api.types.is_string_dtype(values) and values.dtype != object:
            out[column] = values.fillna("")
        elif values.dtype.kind in "iub":  # never missing: str() of each, in one pass
            out[column] = values.astype("str")
        else:
            out[column] = values.map(_text_of)
    return pd.DataFrame(out, index=rows.index)


def _text_of(value: Any) -> str:  # Any: a cell of any dtype, as pandas gives it
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


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
