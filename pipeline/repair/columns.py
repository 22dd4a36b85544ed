"""Tables laid out in columns of spaces (PDF text layers) written as rows of cells.

Why here: re-flow collapses runs of spaces, after which nothing tells one column
from the next and a wrapped cell ("Trung tâm Thông tin và Xúc" / "tiến du lịch")
is glued to its neighbours. Before that, the header row gives each column's
start; every following line whose pieces (split at two or more spaces) each
start under a column belongs to the table. A line with text in the first
column opens a row; other lines continue the cells they stand under. Rows come
out as "| cell | cell |", the shape of a markdown table, which re-flow keeps and
the extract stage reads by column.
"""

from __future__ import annotations

import re

from pipeline.markers import match_marker
from pipeline.repair.furniture import is_page_number
from pipeline.repair.lines import RawLine
from pipeline.table_header import is_task_header

_PIECE = re.compile(r"\S+(?: \S+)*")
# Gutters: a gap between two columns is a stripe of at least two spaces running down
# this many lines that have text on both sides of it. Lost letters leave gaps too,
# but never one stripe through several lines in a row.
GUTTER_LINES = 4
GUTTER_REACH = 12  # lines looked at above and below
_INNER_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_WIDE_RUN = re.compile(r"\S {10,}\S")
MIN_WIDE_LINES = 3  # lines with a wide gap that show a text keeps its columns
_NUMBERED = re.compile(r"^(?:\d{1,3}|[IVX]+)[.)]?$")
TOLERANCE = 2  # a piece may start this many characters off its column's start


def tables_to_rows(lines: list[RawLine]) -> tuple[list[RawLine], int]:
    """Every column-laid table replaced by pipe rows; count the tables."""
    out: list[RawLine] = []
    i, tables = 0, 0
    while i < len(lines):
        starts = _header_columns(lines[i].text)
        if not starts:
            out.append(lines[i])
            i += 1
            continue
        rows, i = _read_table(lines, i, starts)
        out.extend(rows)
        tables += 1
    return out, tables


def _header_columns(text: str) -> list[int]:
    """Column starts when ``text`` is a table header (its cells name column kinds)."""
    pieces = list(_PIECE.finditer(text))
    return [p.start() for p in pieces] if is_task_header([p.group(0) for p in pieces]) else []


def _read_table(lines: list[RawLine], at: int, starts: list[int]) -> tuple[list[RawLine], int]:
    """Pipe rows of the table whose header is ``lines[at]``, and the index after it."""
    header = _split(lines[at].text, starts)
    assert header is not None, "the columns are the header's own pieces: each stands under one"
    rows: list[list[str]] = [header]
    pages = [lines[at].page]
    header_lines = {_key(lines[at].text)}  # the header and its wrapped words, repeated per page
    i = at + 1
    while i < len(lines):
        text = lines[i].text
        if not text.strip() or _key(text) in header_lines or is_page_number(text):
            i += 1
            continue
        cells = _split(text, starts)
        if cells is None:
            break
        if _opens_row(cells):
            rows.append(cells)
            pages.append(lines[i].page)
        elif _is_numbered(cells):
            break  # "2. Phòng Quản lý du lịch" under the table: the outline goes on
        else:
            if len(rows) == 1:
                header_lines.add(_key(text))
            rows[-1] = [" ".join(filter(None, (a, b))) for a, b in zip(rows[-1], cells, strict=True)]
        i += 1
    if len(rows) == 1:  # a line that only looked like a header: leave it as it is
        return [lines[at]], at + 1
    return [RawLine("| " + " | ".join(r) + " |", p) for r, p in zip(rows, pages, strict=True)], i


def _key(text: str) -> str:
    return " ".join(text.split())


def _is_numbered(cells: list[str]) -> bool:
    """A continuation line that opens with an outline number is prose, not a wrapped cell."""
    first = next((c for c in cells if c), "")
    marker = match_marker(first)
    return bool(marker and not marker.is_bullet)


def _opens_row(cells: list[str]) -> bool:
    """A numbered first cell opens a row; so does a first cell beside others (no number
    column); a line with nothing in the first column continues the row above."""
    first = cells[0]
    return bool(first) and (bool(_NUMBERED.match(first)) or sum(bool(c) for c in cells) >= 2)


def _split(text: str, starts: list[int]) -> list[str] | None:
    """The line's pieces by column, or None when a piece stands under no column."""
    cells = [""] * len(starts)
    for piece in _PIECE.finditer(text):
        column = _column_at(piece.start(), starts)
        if column is None or (column + 1 < len(starts)
                              and piece.end() > starts[column + 1] + TOLERANCE):
            return None
        cells[column] = " ".join(filter(None, (cells[column], piece.group(0))))
    return cells


def _column_at(pos: int, starts: list[int]) -> int | None:
    """The rightmost column starting at or before ``pos`` (an indented cell is its column's)."""
    return next((c for c in range(len(starts) - 1, -1, -1) if starts[c] - TOLERANCE <= pos), None)


def column_gutters(lines: list[str]) -> dict[int, tuple[tuple[int, int], ...]]:
    """Per line index, its runs of spaces that are a column table's gutters: ``(start, end)``.

    Why: in a layout-keeping text whose glyphs were lost, a table's header no
    longer names its columns, so :func:`tables_to_rows` cannot find it before
    the glyphs are restored; the restorer must then not read the gaps between
    cells as lost letters. Only texts that keep columns (a few lines with a
    gap of ten spaces or more) are searched.
    """
    if sum(bool(_WIDE_RUN.search(line)) for line in lines) < MIN_WIDE_LINES:
        return {}
    found = {}
    for i, line in enumerate(lines):
        runs = tuple(m.span() for m in _INNER_RUN.finditer(line)
                     if any(_is_gutter(lines, i, x) for x in range(m.start(), m.end() - 1)))
        if runs:
            found[i] = runs
    return found


def _is_gutter(lines: list[str], at: int, x: int) -> bool:
    """Whether columns ``x`` and ``x + 1`` are blank in a block of lines around ``at``
    of which :data:`GUTTER_LINES` have text on both sides of them."""
    count = 0
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(lines) and abs(i - at) <= GUTTER_REACH and not lines[i][x:x + 2].strip():
            count += _beside(lines[i], x)
            i += step
    return count + 1 >= GUTTER_LINES


def _beside(line: str, x: int) -> bool:
    return bool(line[:x].strip()) and bool(line[x + 2:].strip())
