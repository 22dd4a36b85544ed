"""Fuzzy text alignment for Vietnamese rows: normalise, score, pick the best partner.

Why this score: plans at different levels restate the same task or criterion with small
edits (a word added, clauses reordered, a locality swapped). ``token_sort_ratio`` alone
punishes reordering little but punishes an added clause a lot; ``token_set_ratio`` alone
gives 100 to any short text whose syllables all occur in a long one ("tổ chức Hội nghị").
Their mean keeps restatements above 70 while different items of the same list stay
below 65 on the sample plans.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from rapidfuzz import fuzz, process

from pipeline.repair.tones import normalize_tone

MATCH_AT = 70.0  # a pair scoring at least this is "the same item"

_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """NFC, case-folded, punctuation to spaces, one tone style ("hoà" = "hòa"), one space."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(normalize_tone(w) for w in _NOT_WORD.sub(" ", text).split())


def score(a: str, b: str, **_: object) -> float:
    """Similarity 0..100 of two normalised texts (see the module docstring)."""
    if not a or not b:
        return 0.0
    return (fuzz.token_sort_ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2


def matrix(left: list[str], right: list[str]) -> np.ndarray:
    """Scores of every left text against every right text (normalised here)."""
    if not left or not right:
        return np.zeros((len(left), len(right)))
    return process.cdist([normalise(t) for t in left], [normalise(t) for t in right],
                         scorer=score, dtype=np.float32)
