"""Cyrillic and Greek look-alikes inside Vietnamese words ("Kế hоạch" with a Cyrillic о).

Why only inside mixed words, or words that spell Vietnamese once swapped: a
word written wholly in Cyrillic or Greek is usually a real foreign word; a
Latin word with one look-alike in it is damage, and it
breaks every later match ("Kế hоạch" is not "Kế hoạch" to a regex). Combining
marks stay where they are, so "о" + U+0323 becomes "ọ" after NFC.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline import patterns

_WORD = re.compile(r"[\w\u0300-\u036f]+")  # letters with their combining marks


@cache
def _table() -> dict[int, str]:
    return str.maketrans(patterns.load("homoglyphs"))


def _is_latin(c: str) -> bool:
    return c.isalpha() and unicodedata.name(c, "").startswith("LATIN")


def _reads_vietnamese(word: str) -> bool:
    """A word made wholly of look-alikes that spells a Vietnamese syllable or an abbreviation."""
    from pipeline.lang.syllables import is_abbreviation, is_syllable

    composed = unicodedata.normalize("NFC", word)
    return all(_is_latin(c) or unicodedata.combining(c) for c in word) and (
        is_syllable(composed) or is_abbreviation(composed))


@cache
def _lookalike() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(map(chr, _table()))) + "]")


def fix_homoglyphs(text: str) -> str:
    """Replace look-alikes in words that also contain Latin letters."""
    table = _table()
    if not _lookalike().search(text):
        return unicodedata.normalize("NFC", text)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        latin = word.translate(table)
        if any(_is_latin(c) for c in word) or _reads_vietnamese(latin):
            return latin
        return word

    return unicodedata.normalize("NFC", _WORD.sub(fix, unicodedata.normalize("NFD", text)))
