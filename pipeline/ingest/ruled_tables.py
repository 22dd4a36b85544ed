"""Ruled tables on a page image: the grid of drawn lines, so OCR'd words go to their cells.

Why: a task table's cells wrap over several lines ("Đại diện Chi bộ nói rõ nhiệm vụ,
quyền" / "hạn của người Đảng viên ..."), and Tesseract's words, laid out row by row,
interleave the wraps of neighbouring cells. The rules drawn around the cells say which
words belong together: each cell's words are read as one text and each table row is
one line, "| 1 | Nội dung | Chi ủy |", as the Word reader writes table rows.
A rule is a run of ink far longer than any letter: horizontal rules at least an
eighth of the page wide, vertical ones crossing the whole table between its first
and last horizontal rule. Everything is numpy on the cleaned page, a few tens of ms.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

DARK = 128  # grey level below which a pixel is ink
H_RULE = 1 / 8  # a horizontal rule spans at least this share of the page width
H_FILL = 0.9  # ... with at least this share of its window inked (scans break rules)
V_FILL = 0.85  # a vertical rule is inked over this share of the table's height
V_SLACK = 3  # pixels
EDGE = 60  # pixels (5 mm): a vertical rule this near a horizontal rule's end is the table's side
MIN_ROWS = 2  # a table has at least this many rows of cells
MIN_COLUMNS = 2


@dataclass(frozen=True)
class Grid:
    """A ruled table: the y of each horizontal rule, the x of each vertical one (pixels)."""

    rows: tuple[float, ...]
    columns: tuple[float, ...]

    @property
    def top(self) -> float:
        return self.rows[0]

    @property
    def bottom(self) -> float:
        return self.rows[-1]

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the cell holding the point, None outside the grid."""
        if not (self.rows[0] <= y < self.rows[-1] and self.columns[0] <= x < self.columns[-1]):
            return None
        return (int(np.searchsorted(self.rows, y, side="right")) - 1,
                int(np.searchsorted(self.columns, x, side="right")) - 1)


def find_grids(page: Image.Image) -> list[Grid]:
    """The ruled tables of a cleaned grey page, top to bottom."""
    ink = np.asarray(page.convert("L")) < DARK
    height, width = ink.shape
    window = max(8, int(width * H_RULE))
    rules = _horizontal_rules(ink, window)
    grids = []
    for group in _groups(rules):
        top, bottom = group[0][0], group[-1][0]
        x0, x1 = min(r[1] for r in group), max(r[2] for r in group)
        columns = [int(c) + x0 for c in _vertical_rules(ink[top:bottom + 1, x0:x1 + 1])]
        # The horizontal rules' ends are the table's sides, drawn or broken by the scan.
        columns = sorted(columns + [x for x in (x0, x1) if all(abs(x - c) > EDGE for c in columns)])
        if len(group) >= MIN_ROWS + 1 and len(columns) >= MIN_COLUMNS + 1:
            grids.append(Grid(tuple(float(r[0]) for r in group), tuple(float(c) for c in columns)))
    return grids


def _horizontal_rules(ink: np.ndarray, window: int) -> list[tuple[int, int, int]]:
    """(y, x0, x1) of each horizontal rule, adjacent pixel rows of one rule merged."""
    sums = np.cumsum(ink, axis=1, dtype=np.int32)
    runs = sums[:, window:] - sums[:, :-window]
    ys = np.flatnonzero((runs >= H_FILL * window).any(axis=1))
    rules: list[tuple[int, int, int]] = []
    for y in ys:
        xs = np.flatnonzero(runs[y] >= H_FILL * window)
        x0, x1 = int(xs[0]), int(xs[-1]) + window
        if rules and y - rules[-1][0] <= 6:  # one thick or slightly slanted rule
            prev = rules[-1]
            rules[-1] = (prev[0], min(prev[1], x0), max(prev[2], x1))
        else:
            rules.append((int(y), x0, x1))
    return rules


def _groups(rules: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Rules of one table: consecutive rules of about the same extent (not an underline)."""
    groups: list[list[tuple[int, int, int]]] = []
    for rule in rules:
        if groups:
            last = groups[-1][-1]
            overlap = min(last[2], rule[2]) - max(last[1], rule[1])
            if overlap >= 0.8 * max(last[2] - last[1], rule[2] - rule[1]):
                groups[-1].append(rule)
                continue
        groups.append([rule])
    return [g for g in groups if len(g) >= MIN_ROWS + 1]


def _vertical_rules(ink: np.ndarray) -> np.ndarray:
    """x of each vertical rule inside a table's box, adjacent pixel columns merged."""
    if ink.size == 0:
        return np.array([], dtype=int)
    # A thin rule wanders a pixel or two across its height (skew left, scanning): a column
    # counts as inked where any of its neighbours within V_SLACK pixels is.
    wide = ink.copy()
    for shift in range(1, V_SLACK + 1):
        wide[:, shift:] |= ink[:, :-shift]
        wide[:, :-shift] |= ink[:, shift:]
    xs = np.flatnonzero(wide.mean(axis=0) >= V_FILL)
    if not xs.size:
        return xs
    starts = np.concatenate(([0], np.flatnonzero(np.diff(xs) > 2 * V_SLACK) + 1))
    ends = np.concatenate((starts[1:], [len(xs)])) - 1
    return np.array([(int(xs[a]) + int(xs[b])) // 2 for a, b in zip(starts, ends, strict=True)])
