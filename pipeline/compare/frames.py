"""The run's tables as compare reads them: every contract column present, text as NFC strings.

Why: compare runs over rows that come from a fresh run (dataclasses turned into frames),
from CSV files read back, or from DuckDB. Missing columns, ``NaN`` and non-NFC text
would otherwise turn into "nan" strings and missed matches deep inside a check.
"""

from __future__ import annotations

import unicodedata
from collections import namedtuple
from collections.abc import Iterator, MutableMapping
from typing import Any, Protocol, TypeVar, cast

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from pipeline.models import TABLES, columns

# Columns no check reads, left out of the copy: a section's text is the largest column
# of a run (half its rows' memory); copied as Python strings it doubled compare's peak.
UNREAD: dict[str, tuple[str, ...]] = {"sections": ("text",)}

# The tables compare reads, each with its every column (the row models' fields) it reads.
INPUT_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(c for c in columns(TABLES[name]) if c not in UNREAD.get(name, ()))
    for name in ("plans", "sections", "references", "deadlines", "responsibilities", "criteria")}


T = TypeVar("T")


def recalled(memo: MutableMapping[str, object], key: str, kind: type[T], default: T) -> T:
    """What the last run's compare left in ``memo`` under ``key``, when it is what this
    code keeps there (a memo is only ever a shortcut: anything else is ignored)."""
    found = memo.get(key)
    return found if isinstance(found, kind) else default


class TextRow(Protocol):
    """A row whose cells read through it are strings: of a prepared table, or one read from CSV."""

    def __getattr__(self, column: str) -> str: ...


def text_rows(frame: pd.DataFrame, index: bool = True) -> Iterator[TextRow]:
    """The rows ``frame.itertuples()`` gives, typed as what they hold.

    Why: pandas types a cell as any scalar; a table of strings says so once, here, instead
    of at every cell a check reads. Built from whole columns (``tolist``): itertuples
    reads an Arrow string column one Python call per cell, a quarter of compare's time
    when a re-run had little else to compare.
    """
    names = (["Index"] if index else []) + [str(c) for c in frame.columns]
    row = namedtuple("Row", names, rename=True)  # type: ignore[misc]  # columns known at run time
    columns = [frame.iloc[:, k].tolist() for k in range(frame.shape[1])]
    if index:
        columns.insert(0, frame.index.tolist())
    return cast(Iterator[TextRow], map(row._make, zip(*columns, strict=True)))


def empty(columns: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """A table with no rows and the given columns (all text)."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def nfc(value: Any) -> str:  # Any: a cell of any dtype, as pandas gives it
    """Any cell as an NFC string; missing values (None, NaN, NaT) become ""."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def _nfc_column(column: pd.Series) -> pd.Series:
    """:func:`nfc` over a column, vectorised for string columns (most cells of a run)."""
    if pd.api.types.is_string_dtype(column) and column.dtype != object:
        # Arrow strings, and the run's own column when it is NFC already (a fresh run's
        # are): as Python objects, copies of a run's text took three times its memory.
        if _clean(column):
            return column
        text = column.fillna("").str.normalize("NFC").str.strip()
        return column if column.notna().all() and text.equals(column) else text
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "iub":
        return column.astype("str")  # numpy ints and booleans: never missing, str() of each
    return pd.Series([nfc(v) for v in column], index=column.index, dtype="str")


def _clean(column: pd.Series) -> bool:
    """Whether every cell is present, NFC and stripped already, checked once per distinct value.

    Why: a run's own text is, and pandas normalises Arrow strings one Python call per
    cell into a new array: 1.4 s for one column of 435,000 headings, three times this.
    Distinct values come from Arrow in C++ (an archive repeats its doc_ids, labels,
    section numbers and headings): a fifth of checking every cell at 10,000 plans.
    """
    if column.hasnans:
        return False
    values = column.array
    distinct = (pc.unique(values.__arrow_array__()).to_pylist()
                if hasattr(values, "__arrow_array__") else values.tolist())
    return all(unicodedata.is_normalized("NFC", v) and v == v.strip() for v in distinct)


def prepare(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Copy each input table with every contract column compare reads, text cells as NFC
    strings.

    ``sections.level`` becomes an int (0 when unknown) because checks compare it with 1.
    Extra columns are kept, also as strings; :data:`UNREAD` ones are not copied.
    """
    out = {}
    for name, wanted in INPUT_COLUMNS.items():
        frame = tables.get(name)
        unread = [c for c in UNREAD.get(name, ()) if frame is not None and c in frame.columns]
        frame = empty(wanted) if frame is None else frame.drop(columns=unread)
        for column in wanted:
            if column not in frame.columns:
                frame[column] = ""
        for column in frame.columns:
            if column != "level":
                frame[column] = _nfc_column(frame[column])
        out[name] = frame.reset_index(drop=True)
    levels = pd.to_numeric(out["sections"]["level"], errors="coerce").fillna(0)
    out["sections"]["level"] = levels.astype(int)
    return out
