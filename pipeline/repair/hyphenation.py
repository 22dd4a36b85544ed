"""Words split by a hyphen at the end of a line ("tri-" / "ển khai").

Why checked against the syllable list: Vietnamese words are syllables and are
rarely split, while codes wrap at their own hyphens ("39/CTr-" / "LMHTX") and
lists end lines with a dash; only a split whose halves make one syllable, and
are not both syllables on their own (a wrapped "Ba-" / "ri-a"), is joined.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.lang.syllables import is_syllable
from pipeline.repair.lines import RawLine

_HEAD = re.compile(r"(?<![\w-])([^\W\d_]+)-\s*$")
_TAIL = re.compile(r"^\s*([^\W\d_]+)")


def join_hyphenated(lines: list[RawLine]) -> tuple[list[RawLine], int]:
    """Move the tail of a split syllable up to its head; count the joins."""
    out = list(lines)
    joins = 0
    for i in range(len(out) - 1):
        head = _HEAD.search(out[i].text)
        j = _next_text(out, i)
        tail = _TAIL.match(out[j].text) if j is not None else None
        if not head or not tail or j is None:
            continue
        a, b = head.group(1), tail.group(1)
        if is_syllable(a + b) and not (is_syllable(a) and is_syllable(b)):
            out[i] = replace(out[i], text=out[i].text[:head.start()] + a + b)
            out[j] = replace(out[j], text=out[j].text[tail.end():].lstrip())
            joins += 1
    return out, joins


def _next_text(lines: list[RawLine], i: int) -> int | None:
    """Index of the next line with text (PDF text layers put blank lines between)."""
    return next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].text.strip()), None)
