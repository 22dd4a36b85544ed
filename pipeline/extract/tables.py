"""Task tables: a row's body in charge, its partners and its time, read by column.

Why by column: plans often list their tasks as a table (in Tổ chức thực hiện or in
an annex after the signature) whose cells carry no sentence: "Sở Y tế" under
"Cơ quan chủ trì" leads, "Quý II/2026" under "Thời gian hoàn thành" is a bound
though no "trước" or "trong" says so. The header row tells the columns apart
(patterns/tables.yaml); rows that group others ("I | Phát triển hạ tầng số")
have no body and no time and give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pipeline import patterns
from pipeline.extract.common import Unit, block_unit, tidy
from pipeline.markers import is_table_row
from pipeline.models import Block, DeadlineKind, Plan
from pipeline.table_header import column_kinds

_SEPARATOR = re.compile(r"^:?-{2,}:?$")


@dataclass(frozen=True)
class Row:
    """One data row of a task table: its cells by column kind, each located in the text."""

    cells: dict[str, Unit]

    def text(self, kind: str) -> str:
        cell = self.cells.get(kind)
        return tidy(cell.text) if cell else ""


def task_rows(plan: Plan) -> Iterator[Row]:
    """The data rows of every task table of the plan, in reading order."""
    for table in _tables(plan):
        kinds = column_kinds([c.text for c in _cells(block_unit(table[0]))])
        if "lead" not in kinds.values() and "time" not in kinds.values():
            continue
        for block in table[1:]:
            cells = _cells(block_unit(block))
            if all(_SEPARATOR.match(c.text.strip()) or not c.text.strip() for c in cells):
                continue
            row = Row({kind: cells[i] for i, kind in kinds.items() if i < len(cells)})
            if row.text("lead") or row.text("time"):
                yield row


def split_cell_bodies(cell: str) -> list[str]:
    """The bodies listed in one cell ("Công an tỉnh; Viettel Tuyên Quang")."""
    parts = re.split(_rules()["body_separators"], cell)
    return [tidy(p).strip(" .;,") for p in parts if tidy(p).strip(" .;,")]


@cache
def cell_rules() -> tuple[tuple[DeadlineKind, re.Pattern[str]], ...]:
    """(kind, rule) for a time cell, each to match the whole cell."""
    return tuple((kind, re.compile(rf"^\s*(?:{rx})\s*\.?\s*$", re.IGNORECASE))
                 for kind, rules in _rules()["cells"].items() for rx in rules)


@cache
def _rules() -> dict:
    return patterns.load("tables")


def _tables(plan: Plan) -> Iterator[list[Block]]:
    """Runs of consecutive table rows."""
    run: list[Block] = []
    for block in plan.blocks:
        if block.role == "row" and is_table_row(block.line.text):
            run.append(block)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _cells(unit: Unit) -> list[Unit]:
    """The cells of a row, each a :class:`Unit` of its own text (no "|")."""
    text = unit.text
    bars = [i for i, c in enumerate(text) if c == "|"]
    return [unit.sub(a + 1, b) for a, b in zip(bars, bars[1:], strict=False)]
