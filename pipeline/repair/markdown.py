"""Markdown left by Word or web converters: emphasis, heading hashes, escapes, page furniture.

Web exports of legal documents wrap lines hard inside emphasis ("**Điều⏎1.**",
"**ỦY BAN NHÂN⏎DÂN**"), so a line with an emphasis left open is joined to the lines
that close it before the stars go; and they put the portal's panel and footer around
the document, which are cut (phrases in ``patterns/web_pages.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline import patterns
from pipeline.repair.lines import RawLine, joined_line

_HEADING_HASHES = re.compile(r"^\s*#{1,6}\s+")
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])|__(?=\S)|(?<=\S)__")
_ESCAPE = re.compile(r"\\([*_#\-.()\[\]])")
_STARS = re.compile(r"\*+")
# An emphasis open over more lines than this is a stray star, not a wrapped span.
MAX_SPAN_LINES = 8
PANEL_LINES = 80  # the portal's panel stands within the opening lines


def strip_markdown(text: str) -> str:
    text = _HEADING_HASHES.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return text.replace("**", "")


def is_markdown(lines: list[RawLine]) -> bool:
    """Emphasis stars on several lines: a Markdown export."""
    return sum("**" in ln.text for ln in lines) >= 3


def join_emphasis(lines: list[RawLine]) -> tuple[list[RawLine], int]:
    """Join the lines of an emphasis span wrapped over several lines ("**Điều⏎1.**")."""
    if not is_markdown(lines):
        return lines, 0
    out: list[RawLine] = []
    joined = i = 0
    while i < len(lines):
        line, end = lines[i], _span_end(lines, i)
        if end > i:
            text = " ".join(ln.text.strip() for ln in lines[i:end + 1])
            out.append(joined_line(lines[i:end + 1], text))
            joined += end - i
            i = end + 1
        else:
            out.append(line)
            i += 1
    return out, joined


def _span_end(lines: list[RawLine], start: int) -> int:
    """Index of the line closing an emphasis that ``lines[start]`` leaves open, else ``start``."""
    if not _open_after(lines[start].text):
        return start
    text = lines[start].text
    for j in range(start + 1, min(len(lines), start + MAX_SPAN_LINES)):
        if not lines[j].text.strip():
            return start  # a paragraph break: the star was stray
        text += " " + lines[j].text
        if not _open_after(text):
            return j
    return start


def _open_after(text: str) -> bool:
    """Whether ``text`` leaves a bold (``**``) or italic (``*``) span open."""
    runs = _STARS.findall(text)
    bold = sum(len(r) // 2 for r in runs)
    italic = sum(len(r) % 2 for r in runs)
    return bool(bold % 2 or italic % 2)


@cache
def _web_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = patterns.load("web_pages")
    fields = "|".join(re.escape(f) for f in spec["panel_fields"])
    ends = "|".join(re.escape(p) for p in spec["page_end"])
    return (re.compile(rf"^\W*(?:{fields})\s*:\W*$", re.IGNORECASE),
            re.compile(rf"^[\W_]*(?:{ends})", re.IGNORECASE))


def is_panel_field(text: str) -> bool:
    return bool(_web_patterns()[0].match(text.strip()))


def is_page_end(text: str) -> bool:
    return bool(_web_patterns()[1].match(text.strip()))


def cut_web_page(lines: list[RawLine]) -> tuple[list[RawLine], int]:
    """Drop a web portal's panel before the document and its page after it.

    Only a page that shows the panel is cut at its end phrases: without the panel
    there is no sign that the text came from the portal.
    """
    start = _panel_end(lines)
    if not start:
        return lines, 0
    end = next((i for i in range(start, len(lines)) if is_page_end(lines[i].text)), len(lines))
    kept = lines[start:end]
    return kept, len(lines) - len(kept)


def _panel_end(lines: list[RawLine]) -> int:
    """Index after the panel's last field and its value, or 0 without a panel."""
    fields = [i for i, ln in enumerate(lines[:PANEL_LINES]) if is_panel_field(ln.text)]
    if len(fields) < 2:
        return 0
    value = fields[-1] + 1
    while value < len(lines) and lines[value].text.strip() in ("", "|"):
        value += 1
    return value + 1


# A table exported one cell a line, cells between lines holding only "|", rows between
# two such lines, becomes "| cell | cell |" rows when it has this many columns: fewer
# columns are the letterhead's and the signature's layout, which stay lines. A "cell"
# longer than MAX_CELL_LINES is the document's running text caught between two layout
# tables (exports without blank lines), and is never part of a table.
TABLE_COLUMNS = 3
MAX_CELL_LINES = 12


def cell_tables_to_rows(lines: list[RawLine]) -> tuple[list[RawLine], int]:
    """Rows of a table written one cell a line ("|⏎1⏎|⏎Xây dựng ...⏎|⏎Sở ...⏎|⏎|") as pipe rows."""
    out: list[RawLine] = []
    rows_made = i = 0
    while i < len(lines):
        if not _is_bar(lines[i].text):
            out.append(lines[i])
            i += 1
            continue
        end = i
        while end + 1 < len(lines) and lines[end + 1].text.strip():
            end += 1
        for segment, is_text in _segments(lines[i:end + 1]):
            rows = [] if is_text else _cell_rows(segment)
            if len(rows) >= 2 and max(len(cells) for _, cells in rows) >= TABLE_COLUMNS:
                out.extend(RawLine("| " + " | ".join(cells) + " |", page) for page, cells in rows)
                rows_made += len(rows)
            else:
                out.extend(segment)
        i = end + 1
    return out, rows_made


def _is_bar(text: str) -> bool:
    return text.strip() == "|"


def _segments(region: list[RawLine]) -> list[tuple[list[RawLine], bool]]:
    """The region cut around cells too long to be cells: (lines, is_running_text) in order."""
    out: list[tuple[list[RawLine], bool]] = []
    current: list[RawLine] = []
    cell: list[RawLine] = []
    for line in [*region, RawLine("|", region[-1].page)]:
        if not _is_bar(line.text):
            cell.append(line)
            continue
        if len(cell) > MAX_CELL_LINES or _is_annex_title(cell):
            out += [(current, False), (cell, True)]
            current = []
        else:
            current += cell
        current.append(line)
        cell = []
    current.pop()  # the bar added to close the last cell
    out.append((current, False))
    return [(seg, is_text) for seg, is_text in out if seg]


def _is_annex_title(cell: list[RawLine]) -> bool:
    """An annex's title and note caught between the signature's cell and the annex's table
    ("|⏎**KT. THỦ TƯỚNG** ...⏎|⏎**PHỤ LỤC I**⏎DANH MỤC ...⏎*(Kèm theo Quyết định số ...)*⏎|⏎
    **TT**⏎|"): no cell, but the title of what follows (in 41 tvpl exports the annex's
    title, header and rows were glued onto the signature as one row)."""
    first = strip_markdown(cell[0].text).strip() if cell else ""
    return (first.startswith("PHỤ LỤC") and patterns.regex("header", "annex_heading").match(first) is not None
            and any(patterns.regex("header", "attached_note").match(line.text) for line in cell[1:]))


def _cell_rows(region: list[RawLine]) -> list[tuple[int, list[str]]]:
    """(page, cells) of each row: a cell is the lines between two bars, a row ends at two bars."""
    rows: list[tuple[int, list[str]]] = []
    cells: list[str] = []
    current: list[str] = []
    page = region[0].page
    for prev, line in zip([None, *region], region, strict=False):
        if not _is_bar(line.text):
            current.append(line.text.strip())
            continue
        if current:
            cells.append(" ".join(current))
            current = []
        elif prev is not None and _is_bar(prev.text) and cells:
            rows.append((page, cells))
            cells, page = [], line.page
    if current:
        cells.append(" ".join(current))
    if cells:
        rows.append((page, cells))
    return rows
