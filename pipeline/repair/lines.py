"""The unit repair steps work on: one raw line with the page it came from."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.confidence import mean_confidence


@dataclass(frozen=True)
class RawLine:
    """A line before re-flow. Repair steps return new RawLines; they never mutate.

    ``confidence``: the mean OCR word confidence (0..100) of the line, None when
    it was not read by OCR. A step that rewrites a line keeps it (:func:`replace`);
    one that joins lines gives the joined line the
    :func:`~pipeline.confidence.mean_confidence` of its parts (:func:`joined_line`).
    """

    text: str
    page: int
    confidence: float | None = None


def map_lines(lines: list[RawLine], fix) -> tuple[list[RawLine], int]:
    """Apply a string-to-string ``fix`` to every line; count the lines it changed."""
    out, changed = [], 0
    for line in lines:
        new = fix(line.text)
        if new != line.text:
            changed += 1
            line = replace(line, text=new)
        out.append(line)
    return out, changed


def joined_line(parts: list[RawLine], text: str) -> RawLine:
    """The line ``text`` made of ``parts``: the first part's page, their mean confidence."""
    return RawLine(text, parts[0].page, mean_confidence(parts))
