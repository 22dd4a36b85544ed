"""Pairs of syllables written together in the dictionary ("cộng hòa", "tự do", "tổ chức").

Why: the shipped language model knows only the phrasing of a few plans, so for
most syllable pairs it has no evidence and falls back on single-word
frequency, which prefers the commoner syllable ("công" over "cộng"). The
compound words of underthesea's Viet74K are evidence of which neighbours belong
together, whatever the topic, and cost nothing to download.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline.lang.syllables import canonical, viet74k_path

_SYLLABLE = re.compile(r"[^\W\d_]+")


@cache
def word_pairs() -> frozenset[tuple[str, str]]:
    """Adjacent syllables of every multi-syllable dictionary word, in canonical form.

    Read once per process, and only by processes that repair OCR pages.
    """
    path = viet74k_path()
    if path is None:
        return frozenset()
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    forms = {w: canonical(w) for w in set(_SYLLABLE.findall(text))}
    pairs: set[tuple[str, str]] = set()
    for line in text.splitlines():
        words = [forms[w] for w in _SYLLABLE.findall(line)]
        pairs.update(zip(words, words[1:], strict=False))
    return frozenset(pairs)
