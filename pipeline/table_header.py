"""Task-table headers ("STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành"): which
column is which, from the header's words (patterns/tables.yaml).

Shared by ingest (Word tables), repair (PDF tables laid out in spaces) and extract
(reading rows by column), like :mod:`pipeline.markers`.
"""

from __future__ import annotations

from functools import cache

from pipeline import patterns

MIN_COLUMNS = 3
HEADER_WORDS = 5  # words in one header cell at most ("Cơ quan, đơn vị phối hợp")


@cache
def _column_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((k, tuple(v)) for k, v in patterns.load("tables")["columns"].items())


@cache
def _not_columns() -> tuple[str, ...]:
    return tuple(patterns.load("tables")["not_columns"])


def column_kinds(cells: list[str]) -> dict[int, str]:
    """Column index → lead / coordinate / time / task; each kind once, leftmost first."""
    out: dict[int, str] = {}
    for i, cell in enumerate(cells):
        low = cell.strip().lower()
        if any(w in low for w in _not_columns()):
            continue
        for kind, words in _column_words():
            if kind not in out.values() and any(w in low for w in words):
                out[i] = kind
                break
    return out


def is_task_header(cells: list[str]) -> bool:
    """Three or more short cells naming at least two kinds of column."""
    if len(cells) < MIN_COLUMNS or any(len(c.split()) > HEADER_WORDS for c in cells):
        return False
    return len(set(column_kinds(cells).values())) >= 2
