"""The unit repair steps work on: one raw line with the page it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawLine:
    """A line before re-flow. Repair steps return new RawLines; they never mutate."""

    text: str
    page: int


def map_lines(lines: list[RawLine], fix) -> tuple[list[RawLine], int]:
    """Apply a string-to-string ``fix`` to every line; count the lines it changed."""
    out, changed = [], 0
    for line in lines:
        new = fix(line.text)
        if new != line.text:
            changed += 1
            line = RawLine(new, line.page)
        out.append(line)
    return out, changed
