"""Tone marks: take a syllable apart into its letters and its tone, and put it back.

Style chosen: the one current government texts use (Decree 30/2020 documents,
"Ủy ban", "hòa", "khỏe", "thủy"): in an open ``oa``, ``oe``, ``uy`` the mark sits
on the first vowel; with a final consonant it sits on the second ("hoàng",
"khuyến"); a vowel with a hat or horn (â ê ô ơ ư ă) always takes it ("thuở",
"người"). Every syllable is normalised to this one style, so "hoà" and "hòa"
are one word for matching, counting and the language model.

Writing the house style over running text needs the syllable inventory: that is
:func:`pipeline.lang.syllables.normalize_tones`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_SHAPED = set("ăâêôơư")
_VOWELS = set("aăâeêioôơuưy")
_ONSET = re.compile(r"^(ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnpqrstvx])?")


def split_tone(syllable: str) -> tuple[str, str]:
    """``(toneless NFC letters, tone mark or "")``; at most one tone mark is taken."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in TONE_MARKS]
    bare = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), (tones[0] if tones else "")


def split_onset(bare: str) -> tuple[str, str]:
    """``(onset, rhyme)`` of a toneless lower-case syllable.

    ``gi`` and ``qu`` are onsets only when a vowel follows ("gì" is g + ì).
    """
    match = _ONSET.match(bare)
    onset = match.group(0) if match else ""
    rest = bare[len(onset):]
    if onset in ("gi", "qu") and not any(c in _VOWELS for c in rest):
        onset = onset[0]
        rest = bare[1:]
    return onset, rest


def tone_index(bare: str) -> int:
    """Index in ``bare`` (lower case, toneless) of the vowel that carries the tone."""
    onset, rhyme = split_onset(bare)
    vowels = [i for i, c in enumerate(rhyme) if c in _VOWELS]
    if not vowels:
        return -1
    shaped = [i for i in vowels if rhyme[i] in _SHAPED]
    if shaped:
        index = shaped[-1]
    elif vowels[-1] < len(rhyme) - 1:  # a final consonant follows
        index = vowels[-1]
    elif len(vowels) == 3:
        index = vowels[1]
    else:
        index = vowels[0]
    return len(onset) + index


@cache
def place_tone(bare: str, tone: str) -> str:
    """Write ``tone`` on the right vowel of ``bare`` (any case), NFC."""
    if not tone:
        return bare
    index = tone_index(bare.lower())
    if index < 0:
        return bare
    return unicodedata.normalize("NFC", bare[: index + 1] + tone + bare[index + 1:])


def normalize_tone(syllable: str) -> str:
    """The syllable with its tone mark moved to the chosen place."""
    bare, tone = split_tone(syllable)
    return place_tone(bare, tone)

