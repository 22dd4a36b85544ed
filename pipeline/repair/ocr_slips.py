"""Tone-mark slips of Tesseract's ``vie`` model ("thi" read "thí", "QUYÉT" for "QUYẾT").

Why the language model decides: a slip turns one syllable into another valid
one, so spelling cannot see it; only context can ("thi đua" is common, "thí
đua" is not). Each syllable is compared with its neighbours under the other
tone marks and hats (the letters OCR confuses), and replaced only when the
model prefers the alternative by a wide margin (:data:`MARGIN` nats) and only
context speaks for it: the alternative must pair with a neighbour (in the
model's counts or as a dictionary word, :mod:`word_pairs`) where the word as
read pairs with neither. A small model otherwise swaps a rare syllable for a
common one on frequency alone ("CỘNG HÒA" read back as "CÔNG HÓA").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline.lang.syllables import canonical, inventory, is_syllable
from pipeline.lang.tones import place_tone, split_tone
from pipeline.repair.lm import UNK, LanguageModel, lm_token
from pipeline.repair.word_pairs import word_pairs

MARGIN = 4.0
_LETTERS = re.compile(r"[^\W\d_]+")
# Vowels OCR reads for one another (hat or horn lost or added).
_CONFUSED = ("aăâ", "eê", "oôơ", "uư")


@cache
def _skeleton_index() -> dict[str, tuple[str, ...]]:
    """Syllables by their letters with tone and hats stripped ("thi", "thí", "thị" -> "thi")."""
    index: dict[str, list[str]] = {}
    for syllable in inventory():
        index.setdefault(_skeleton(syllable), []).append(syllable)
    return {k: tuple(v) for k, v in index.items()}


def _skeleton(syllable: str) -> str:
    bare, _ = split_tone(syllable)
    for group in _CONFUSED:
        for c in group[1:]:
            bare = bare.replace(c, group[0])
    return bare


def _restore_case(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def fix_ocr_slips(lines: list[str], lm: LanguageModel) -> tuple[list[str], int]:
    """Lines with confident tone/hat corrections applied, and how many words changed.

    A word that is no syllable ("QUYÉT") takes the best syllable with its letters;
    a valid syllable is replaced only when the model prefers another by MARGIN.
    """
    out, changed = [], 0
    for line in lines:
        words = list(_LETTERS.finditer(line))
        tokens = [lm_token(m.group(0)) for m in words]
        pieces, last = [], 0
        for i, m in enumerate(words):
            best = _best_alternative(m.group(0), tokens, i, lm)
            pieces.append(line[last:m.start()])
            if best:
                tokens[i] = best
                pieces.append(_restore_case(m.group(0), _spell(best)))
                changed += 1
            else:
                pieces.append(m.group(0))
            last = m.end()
        out.append("".join(pieces) + line[last:])
    return out, changed


def _spell(token: str) -> str:
    bare, tone = split_tone(token)
    return unicodedata.normalize("NFC", place_tone(bare, tone))


def _score(tokens: list[str], i: int, word: str, lm: LanguageModel) -> float:
    """Log probability of ``word`` at ``i`` and of the two words after it."""
    seq = tokens[max(0, i - 2):i] + [word] + tokens[i + 1:i + 3]
    start = min(i, 2)
    return sum(lm.logprob(seq[k], tuple(seq[max(0, k - 2):k])) for k in range(start, len(seq)))


def _best_alternative(raw: str, tokens: list[str], i: int, lm: LanguageModel) -> str | None:
    word = tokens[i]
    if len(raw) < 2 or word != UNK and lm.count((word,)) and not is_syllable(raw):
        return None  # single letters and abbreviations the model knows
    alternatives = [s for s in _skeleton_index().get(_skeleton(canonical(raw)), ()) if s != word]
    if not alternatives:
        return None
    score, best = max((_score(tokens, i, alt, lm), alt) for alt in alternatives)
    if not is_syllable(raw):
        return best
    if _paired(tokens, i, word, lm) or not _paired(tokens, i, best, lm):
        return None
    return best if score - _score(tokens, i, word, lm) >= MARGIN else None


def _paired(tokens: list[str], i: int, word: str, lm: LanguageModel) -> bool:
    """Does ``word`` at ``i`` form a known pair with the token before or after it?"""
    pairs = [(tokens[i - 1], word)] if i else []
    pairs += [(word, tokens[i + 1])] if i + 1 < len(tokens) else []
    return any(pair in word_pairs() or lm.count(pair) for pair in pairs)
