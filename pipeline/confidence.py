"""OCR confidence of text made of several read lines: shared by repair and segment.

A line read by OCR carries the mean Tesseract confidence (0..100) of its words;
a line from a text layer, a Word file or a plain file carries None. Text joined
from several lines (a re-flowed paragraph, a header field over two lines) gets
their mean weighted by characters, so a short unsure line does not weigh as much
as a long sure one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class Read(Protocol):
    """A line with its OCR confidence (a repair RawLine, a Text Line)."""

    @property
    def text(self) -> str: ...

    @property
    def confidence(self) -> float | None: ...


def mean_confidence(parts: Iterable[Read]) -> float | None:
    """The parts' confidences' mean weighted by their characters (spaces not counted),
    over the parts read by OCR; None when none was (or none of those has a character).
    A single such part keeps its own confidence exactly."""
    read = [(part.confidence, sum(not ch.isspace() for ch in part.text))
            for part in parts if part.confidence is not None]
    read = [(conf, chars) for conf, chars in read if chars]
    if len(read) == 1:
        return read[0][0]
    weight = sum(chars for _, chars in read)
    return sum(conf * chars for conf, chars in read) / weight if weight else None
