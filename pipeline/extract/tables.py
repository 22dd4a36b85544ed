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
from pipeline.table_header import column_kinds, is_task_header

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
        header = row_cells(block_unit(table[0]))
        kinds = column_kinds([c.text for c in header])
        if not _reads_as_header([c.text for c in header]) or not _is_task_table(header, kinds):
            continue
        above: dict[str, Unit] = {}
        for block in table[1:]:
            cells = row_cells(block_unit(block))
            texts = [c.text for c in cells]
            if all(_SEPARATOR.match(t.strip()) or not t.strip() for t in texts) or is_task_header(texts):
                continue  # a separator, or the header repeated on a new page
            row = Row(_without_non_bodies(_row_cells(cells, kinds, len(header), above)))
            above = row.cells
            if row.text("lead") or row.text("time"):
                yield row


def _without_non_bodies(cells: dict[str, Unit]) -> dict[str, Unit]:
    """The row's cells, less a lead or partner cell holding a number, a duration or a step."""
    rx = patterns.regex("tables", "not_body_cell")
    return {kind: cell for kind, cell in cells.items()
            if kind not in ("lead", "coordinate") or not rx.match(cell.text)}


def _is_task_table(header: list[Unit], kinds: dict[int, str]) -> bool:
    """A table of tasks has a time column, a column of bodies beside one of tasks, or one
    titled as leading ("Chủ trì"): a list of units with their fees ("STT | Tên đơn vị |
    Mức học phí") assigns nothing."""
    found = set(kinds.values())
    if "time" in found or {"lead", "task"} <= found:
        return True
    titles = patterns.load("tables")["lead_titles"]
    return any(kind == "lead" and any(t in header[i].text.lower() for t in titles)
               for i, kind in kinds.items())


def _reads_as_header(cells: list[str]) -> bool:
    """Whether a table's first row titles its columns: it opens with no row number.

    Why: a table without a header row ("| 2 | Thành phần hồ sơ thực hiện TTHC | Bản
    chính |" in a procedure) holds header words inside its data ("thực hiện"), and its
    every row was read as a body leading a task.
    """
    return not _ROW_NUMBER.match(cells[0] if cells else "")


def _row_cells(cells: list[Unit], kinds: dict[int, str], width: int,
               above: dict[str, Unit]) -> dict[str, Unit]:
    """A row's cells by column kind. A row shorter than the header lost the cells merged
    with the row above (a Word table's vertical merge): when its last cells still hold the
    time, the merged ones were on the left ("| - Kim loại nặng | 02 lần/năm | 02 tháng (tháng
    4 và tháng 8) |"); else, unless it opens with its own number, it lost the number on the
    left and takes the merged cells it lacks (the time) from the row above, when it names
    its own body in charge (a row grouping others names none).
    """
    if len(cells) >= width or not above:
        return {kind: cells[i] for i, kind in kinds.items() if i < len(cells)}
    shift = width - len(cells)
    right = {kind: cells[i - shift] for i, kind in kinds.items() if i >= shift}
    if re.search(r"\d", right["time"].text if "time" in right else ""):
        return right
    if _ROW_NUMBER.match(cells[0].text):
        return {kind: cells[i] for i, kind in kinds.items() if i < len(cells)}
    left = {kind: cells[i - 1] for i, kind in kinds.items()
            if 0 < i <= len(cells) and cells[i - 1].text.strip()}
    if "lead" not in left:
        return left  # a row grouping others ("| II. HOÀN THIỆN CƠ CHẾ ... |") has no task of its own
    return {**{k: v for k, v in above.items() if k == "time"}, **left}


# The number a row opens with ("1", "II", "2.3", "B"): a row of its own, not the rest of a merged one.
_ROW_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[IVXLC]+|[A-ZĐ])\.?\s*$")


def split_cell_bodies(cell: str) -> list[str]:
    """The bodies listed in one cell ("Công an tỉnh; Viettel Tuyên Quang")."""
    parts = patterns.regex("tables", "body_separators").split(cell)
    return [tidy(p).strip(" .;,") for p in parts if tidy(p).strip(" .;,")]


@cache
def cell_rules() -> tuple[tuple[DeadlineKind, re.Pattern[str]], ...]:
    """(kind, rule) for a time cell, each to match the whole cell."""
    return tuple((kind, _whole_cell("cells", kind, i)) for kind, rules in _rules()["cells"].items()
                 for i in range(len(rules)))


def _whole_cell(*path: str | int) -> re.Pattern[str]:
    """A rule of tables.yaml anchored to match a whole cell, with the rule's own flags."""
    rule = patterns.source("tables", *path)
    return re.compile(rf"^\s*(?:{rule})\s*\.?\s*$", patterns.flags("tables", *path))


@cache
def month_list() -> re.Pattern[str]:
    """A time cell listing months ("02 tháng (tháng 4 và tháng 8)"): a bound for each."""
    return patterns.regex("tables", "month_list")


@cache
def _rules() -> dict:
    return patterns.load("tables")


def _tables(plan: Plan) -> Iterator[list[Block]]:
    """Runs of consecutive table rows. An annex that is one table ("PHỤ LỤC ... (Kèm theo
    Quyết định số ...)" over "| STT | Nhiệm vụ | Cơ quan chủ trì | ... |") has no heading
    above its rows, so the outline left them in its preamble: they are a table all the same."""
    run: list[Block] = []
    for block in plan.blocks:
        if block.role in ("row", "preamble") and is_table_row(block.line.text):
            run.append(block)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def row_cells(unit: Unit) -> list[Unit]:
    """The cells of a row, each a :class:`Unit` of its own text (no "|")."""
    text = unit.text
    bars = [i for i, c in enumerate(text) if c == "|"]
    return [unit.sub(a + 1, b) for a, b in zip(bars, bars[1:], strict=False)]
