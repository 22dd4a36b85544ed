"""Is a token a Vietnamese syllable? And how much of a text is made of them?

Why both spelling rules and word lists: the rules (onset + vowel group + final,
stop finals take only sắc/nặng, k/gh/ngh before front vowels) reject garbage
that no word list would; the word lists (underthesea's Viet74K, Debian's
hunspell-vi) reject syllables that are well formed but never written. A token
is a syllable when it passes both. Tone placement is normalised first
(see :mod:`pipeline.lang.tones`), so "hoà" and "hòa" are the same syllable.

The inventory is shipped as ``models/syllables.txt.gz`` (built by
``models/build_syllables.py`` from the word lists): reading and filtering the
word lists took most of a second, more than repairing a whole plan.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from pipeline import patterns
from pipeline.lang.tones import TONE_MARKS, normalize_tone, place_tone, split_onset, split_tone

HUNSPELL_DIC = Path("/usr/share/hunspell/vi_VN.dic")
INVENTORY_PATH = Path(__file__).resolve().parents[2] / "models" / "syllables.txt.gz"
_TOKEN = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_STOP_TONES = ("\u0301", "\u0323")
_FRONT = ("i", "e", "ê", "y")
ABBREVIATION_MAX = 8


def viet74k_path() -> Path | None:
    """Viet74K as shipped inside the underthesea package, if installed.

    Found through the import system without importing underthesea, whose own
    import costs most of a second.
    """
    spec = importlib.util.find_spec("underthesea")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            return path
    return None


@cache
def _rules() -> dict[str, frozenset[str]]:
    table = patterns.load("vietnamese")
    return {key: frozenset(values) for key, values in table.items()}


def well_formed(syllable: str) -> bool:
    """Does a lower-case NFC syllable follow Vietnamese spelling rules?"""
    bare, tone = split_tone(syllable)
    if not bare or any(c in TONE_MARKS for c in unicodedata.normalize("NFD", bare)):
        return False
    rules = _rules()
    onset, rhyme = split_onset(bare)
    if onset and onset not in rules["onsets"]:
        return False
    coda = next((c for c in ("ng", "nh", "ch") if rhyme.endswith(c)), rhyme[-1:])
    if coda in rules["codas"]:
        nucleus, nuclei = rhyme[: -len(coda)], rules["closed_nuclei"]
        if coda in rules["stop_codas"] and tone not in _STOP_TONES:
            return False
    else:
        nucleus, nuclei = rhyme, rules["open_nuclei"]
    if nucleus not in nuclei:
        return False
    front = nucleus[0] in _FRONT
    return not (onset in rules["front_only"] and not front
                or onset in rules["front_never"] and front)


def canonical(token: str) -> str:
    """Lower case, NFC, tone mark in the house style: the key of the inventory."""
    bare, tone = split_tone(token.lower())
    return place_tone(bare, tone)


def _word_list_syllables() -> set[str]:
    words: set[str] = set()
    sources = [p for p in (viet74k_path(), HUNSPELL_DIC) if p and p.is_file()]
    for path in sources:
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(_TOKEN.findall(line.split("/")[0]))
    return words


def word_list_inventory() -> frozenset[str]:
    """Every syllable written in the word lists that also follows the spelling rules."""
    keys = {canonical(unicodedata.normalize("NFC", w)) for w in _word_list_syllables()}
    return frozenset(k for k in keys if well_formed(k))


@cache
def inventory() -> frozenset[str]:
    """The shipped :func:`word_list_inventory`, read once per process."""
    with gzip.open(INVENTORY_PATH, "rt", encoding="utf-8") as f:
        return frozenset(f.read().split())


@lru_cache(maxsize=1 << 16)
def is_syllable(token: str) -> bool:
    """A valid Vietnamese syllable (any case, any tone placement, NFC or not).

    Cached: a document's words repeat, and legacy detection reads every word
    of a document once per encoding.
    """
    return canonical(unicodedata.normalize("NFC", token)) in inventory()


@cache
def _bare_pieces() -> frozenset[str]:
    """Every run of letters inside a toneless syllable of the inventory ("ng", "ưc", "oa")."""
    pieces: set[str] = set()
    for bare in {split_tone(syllable)[0] for syllable in inventory()}:  # tones share a bare form
        pieces.update(bare[i:j] for i in range(len(bare)) for j in range(i + 1, len(bare) + 1))
    return frozenset(pieces)


@lru_cache(maxsize=1 << 16)
def is_syllable_piece(token: str) -> bool:
    """Could ``token`` be what is left of a syllable whose other letters were lost?

    Why: letters lost from a text layer leave pieces of syllables ("tổ chức" reads
    "ổ hức"), whereas an English word, a unit or a URL's parts ("Huawei", "kWh",
    "https") fit in no syllable: they are no sign of loss. Tone marks are ignored,
    so a piece keeps counting whatever tone placement the document uses.
    """
    return split_tone(unicodedata.normalize("NFC", token).lower())[0] in _bare_pieces()


@lru_cache(maxsize=1 << 14)
def is_abbreviation(token: str) -> bool:
    """Capitals with at most one lower-case tail ("UBND", "HĐND", "CTr", "KH", "TƯ").

    No tone mark: an abbreviation is made of initials, which drop it ("Ủy ban"
    gives "UB"), so "ĐIỂ" in a heading is "ĐIỂM" that lost its M, not an abbreviation.
    """
    capitals = sum(c.isupper() for c in token)
    return (2 <= len(token) <= ABBREVIATION_MAX and capitals >= len(token) - 2
            and token[0].isupper()
            and not any(c in TONE_MARKS for c in unicodedata.normalize("NFD", token)))


def syllable_share(text: str) -> float:
    """Share of alphabetic tokens that are syllables (abbreviations not counted).

    Stricter than :func:`valid_share`: legacy-encoded capitals ("KÕ HO¹CH")
    look like abbreviations, so only this share shows that decoding helps.
    """
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", text))
    return sum(map(is_syllable, tokens)) / len(tokens) if tokens else 0.0


def valid_share(text: str) -> float:
    """Share of alphabetic tokens that are syllables or abbreviations (0.0 for no tokens).

    A clean Vietnamese text scores above 0.95; a garbled PDF text layer, a
    legacy-encoded text read as cp1252, or a text in another language far less.
    """
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", text))
    if not tokens:
        return 0.0
    good = sum(is_syllable(t) or is_abbreviation(t) or bool(_ROMAN.match(t)) for t in tokens)
    return good / len(tokens)


def normalize_tones(text: str) -> str:
    """Every Vietnamese syllable of ``text`` with its mark in the house style; other words as they are."""
    return _TOKEN.sub(lambda m: _house_style(m.group(0)), text)


@lru_cache(maxsize=1 << 15)
def _house_style(word: str) -> str:
    """The word in the house style when that is a syllable; cached, as words repeat."""
    placed = normalize_tone(word)
    return placed if placed != word and is_syllable(placed) else word
