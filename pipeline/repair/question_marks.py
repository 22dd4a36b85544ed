"""Letters a text lost to "?" (Vietnamese saved in Latin-1 or cp1252): lost glyphs again.

Why: an editor that saves Vietnamese in a one-byte code page writes "?" for every
letter the page lacks (ư, ơ, đ, ạ, ủ …): "S?: 227/KH-UBND", "Ch? t?ch". That is
lost-glyph damage with "?" where the PDF case leaves a space, so each such "?"
becomes one space and the glyph-loss decoder restores the letter. Only a document
where "?" sits inside many words is touched: a clean plan's question marks end
sentences, in far fewer than one word in twenty.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.repair.lines import RawLine

_IN_WORD = re.compile(r"(?<=[^\W\d_])\?+|\?+(?=[^\W\d_])")
MIN_WORDS = 3  # words holding a "?" beside a letter, at least
MIN_SHARE = 0.05  # ... and at least this share of all words


def question_marks_to_gaps(lines: list[RawLine]) -> tuple[list[RawLine], int]:
    """Each "?" beside a letter as one space, in a document that lost letters to "?"."""
    words = [w for line in lines for w in line.text.split()]
    marked = sum(bool(_IN_WORD.search(w)) for w in words)
    if marked < MIN_WORDS or marked < MIN_SHARE * len(words):
        return lines, 0
    count = sum(len(m) for line in lines for m in _IN_WORD.findall(line.text))
    return [replace(line, text=_IN_WORD.sub(lambda m: " " * len(m.group()), line.text))
            for line in lines], count
