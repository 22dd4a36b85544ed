"""The run's tables as one Excel workbook for readers who do not use CSV or SQL.

One sheet per table, Vietnamese sheet names and column titles (data:
``patterns/column_titles.yaml``), frozen header, auto-filter and widths fitted to the
text. The file is written to a temporary name beside the target and moved into place,
so a reader never opens a half-written workbook and a failed export keeps the old one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline import patterns
from pipeline.export.atomic import write_atomic

MAX_CELL = 32767  # characters Excel holds in one cell
MIN_WIDTH, MAX_WIDTH = 8, 60
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def write_workbook(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """Write every table as a sheet of ``path`` (xlsx), atomically.

    Sheets follow the reading order of ``column_titles.yaml`` (documents, then their
    rows, then comparisons), whatever order the tables come in.
    """
    path = Path(path)
    titles = patterns.load("column_titles")
    book = Workbook()
    if book.active is not None:  # a new workbook's one blank sheet
        book.remove(book.active)
    used: set[str] = set()
    order = {name: i for i, name in enumerate(titles["sheets"])}
    for name in sorted(tables, key=lambda n: order.get(n, len(order))):
        sheet = book.create_sheet(sheet_name(titles["sheets"].get(name, name), used))
        columns = {**titles["columns"], **titles.get("table_columns", {}).get(name, {})}
        fill(sheet, tables[name], columns)
    if not book.worksheets:
        book.create_sheet(sheet_name("Trống", used))
    write_atomic(path, lambda tmp: book.save(tmp))


def sheet_name(wanted: str, used: set[str]) -> str:
    """A valid, unique sheet name: forbidden characters to spaces, at most 31 characters."""
    base = " ".join(_BAD_SHEET_CHARS.sub(" ", wanted).split())[:31].strip() or "Sheet"
    name, n = base, 1
    while name.casefold() in used:
        n += 1
        name = f"{base[:31 - len(str(n)) - 1]} {n}"
    used.add(name.casefold())
    return name


def cell_value(value: Any) -> object:  # Any: a cell of any dtype, as pandas gives it
    """A cell as Excel can hold it: missing → empty, text cleaned of control characters
    and cut at Excel's limit, numbers and booleans kept as such."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value)
                         and pd.isna(value)):
        return None
    if isinstance(value, bool | int | float):
        return value
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_CELL]


def fill(sheet: Worksheet, frame: pd.DataFrame, titles: dict[str, str]) -> None:
    """Header of Vietnamese titles, the rows, frozen header, filter and column widths."""
    sheet.append([titles.get(str(c), str(c)) for c in frame.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in frame.itertuples(index=False, name=None):
        sheet.append([cell_value(v) for v in row])
    _keep_text_as_text(sheet)
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
    for index, column in enumerate(frame.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width(
            titles.get(str(column), str(column)), frame[column])


def _keep_text_as_text(sheet: Worksheet) -> None:
    """Text starting with "=" stays text, in the header too: a cited phrase or a file
    name must never run as a formula. Cells are written as typed strings, so + - @
    openings never become formulas in xlsx."""
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def width(title: str, values: pd.Series) -> float:
    """Width in characters: the longer of the title's longest word and most values
    (90th percentile of lengths, so one long paragraph does not widen the column)."""
    lengths = values.map(lambda v: len(str(v)) if cell_value(v) is not None else 0)
    typical = float(lengths.quantile(0.9)) if len(lengths) else 0.0
    longest_word = max((len(w) for w in title.split()), default=0)
    return float(min(MAX_WIDTH, max(MIN_WIDTH, typical + 2, longest_word + 2, len(title) * 0.6)))
