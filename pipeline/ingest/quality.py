"""Is a text layer worth keeping? The share of its words that are Vietnamese syllables.

Why whole words and syllables only: a broken font map turns "SỞ CÔNG THƯƠNG"
into "6Ӣ CÔNG 7+ѬѪ1*" and "thi" into "WKL"; split into letter runs and allowed
abbreviations, such garbage passes as capitals ("WKL", "ѬѪ"). Counting only
whitespace words that are themselves syllables keeps real pages above 0.8
(abbreviations, codes and names cost a few percent) and garbage near 0.
Character tricks (share of odd symbols) would fail on real plans, which hold
long runs of spaces and "-----" rules.
"""

from __future__ import annotations

import re

from pipeline.lang.syllables import is_syllable

_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def letter_count(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def syllable_share(text: str) -> float:
    """Share of words holding a letter that are Vietnamese syllables (0.0 for none)."""
    words = [_EDGE_PUNCTUATION.sub("", w) for w in text.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if not words:
        return 0.0
    return sum(map(is_syllable, words)) / len(words)
