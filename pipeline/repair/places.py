"""Vietnam's administrative units, from the shipped gazetteer ``models/places.tsv.gz``.

Why a gazetteer: place names are the words a language model trained on a few
plans knows least ("xã Bình Lương" is in no other plan), yet every plan names
its commune, district and province after a tier word ("xã", "huyện", "tỉnh").
The official lists (before and after the July 2025 reform) tell which names
exist at which tier; :mod:`pipeline.repair.glyph_loss` reads damaged names
against them and the segmenter may ask whether a phrase is a place.
Built by ``models/build_places.py``; nothing is fetched at run time.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline.lang.syllables import canonical, normalize_tones
from pipeline.lang.tiers import tier_words

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "places.tsv.gz"
# Tier words as written before a name, lower case (patterns/tiers.yaml).
TIERS = tier_words()
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")
# The last model token of each tier word: a decoder path ending in one may go on with a name.
TIER_ENDS = frozenset(t.split()[-1] for t in TIERS)
MAX_NAME = 24  # characters in the longest name the decoder tries to read
_NAME_SPAN = re.compile(r"([^\w ]*)((?:[^\W\d_]| )*?)([^\w ]*)")


class Place(NamedTuple):
    """One unit: its tier word, its name, its district and province ("" where none), its list."""

    tier: str
    name: str
    district: str
    province: str
    list: str


def key(name: str) -> str:
    """How names are compared: NFC, house tone style, lower case, single spaces."""
    text = normalize_tones(unicodedata.normalize("NFC", name))
    return _SPACES.sub(" ", text).strip().lower()


@cache
def places(path: Path = DEFAULT_PATH) -> tuple[Place, ...]:
    """Every row of the gazetteer, read once per process."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return tuple(Place(*line.rstrip("\n").split("\t")) for line in f)


@cache
def _tiers_by_name() -> dict[str, frozenset[str]]:
    """Tier words per name key; the artefact is in the house tone style already."""
    found: dict[str, set[str]] = {}
    for place in places():
        found.setdefault(place.name.lower(), set()).add(place.tier)
    return {name: frozenset(tiers) for name, tiers in found.items()}


def place_tier(name: str) -> set[str]:
    """The tier words ``name`` is found under ("Như Xuân" -> {"huyện"}); empty if none."""
    return set(_tiers_by_name().get(key(name), ()))


def is_place(name: str, tier: str | None = None) -> bool:
    """Whether ``name`` is a unit's name (at ``tier``, a tier word, when given)."""
    tiers = _tiers_by_name().get(key(name), frozenset())
    return bool(tiers) and (tier is None or tier.lower() in tiers)


@cache
def names(tier: str | None = None) -> frozenset[str]:
    """Every name as written in the gazetteer (of one tier word when given)."""
    return frozenset(p.name for p in places() if tier is None or p.tier == tier)


@cache
def place_words() -> frozenset[str]:
    """Lower-case words of two letters or more in unit names ("đắk", "krông", "hoằng").

    They are valid tokens where they occur, though many are no Kinh syllable
    and no word list has them.
    """
    words = {w for n in names() for w in _WORD.findall(n) if len(w) > 1}
    return frozenset(map(canonical, words))


def tiers_after(context: tuple[str, ...]) -> frozenset[str]:
    """The tier words the last model tokens spell ("thị", "xã") -> {"xã", "thị xã"}."""
    return frozenset(t for t in TIERS if t in (" ".join(context[-1:]), " ".join(context[-2:])))


@cache
def name_cost(tiers: frozenset[str]) -> float:
    """Negative log probability of one name of these tiers, all equally likely."""
    return math.log(max(1, sum(len(names(t)) for t in tiers)))


@cache
def _names_by_length() -> dict[int, tuple[str, dict[str, tuple[str, ...]]]]:
    """Per length: the lower-case names of letters and spaces, one a line, and their spellings.

    A damaged span is matched against one length's names by a single regular
    expression over that text: building it costs a tenth of a per-letter index.
    """
    spellings: dict[str, set[str]] = {}
    for name in names():
        if len(name) <= MAX_NAME and _NAME_SPAN.fullmatch(name) and not any(map(str.isdigit, name)):
            spellings.setdefault(name.lower(), set()).add(name)
    by_length: dict[int, dict[str, tuple[str, ...]]] = {}
    for lower, written in spellings.items():
        by_length.setdefault(len(lower), {})[lower] = tuple(sorted(written))
    return {size: ("\n".join(group), group) for size, group in by_length.items()}


def _readings(core: str) -> list[str]:
    """Names of ``core``'s length with each of its kept letters in place (spaces = lost)."""
    text, spellings = _names_by_length().get(len(core), ("", {}))
    pattern = "".join("." if c == " " else re.escape(c) for c in core.lower())
    return [name for lower in re.findall(f"^{pattern}$", text, re.MULTILINE)
            for name in spellings[lower]]


@lru_cache(maxsize=1 << 14)
def place_fillings(span: str, tiers: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Names of ``tiers`` that ``span`` reads as with lost letters: ``(text, letters filled)``.

    Each space of the span is a space of the name or one of its lost letters;
    every letter kept must be the name's. Names with nothing lost are left to
    the model (they need no restoring).
    """
    m = _NAME_SPAN.fullmatch(span)
    if not m or " " not in m.group(2) or not tiers:
        return ()
    lead, core, trail = m.groups()
    if not core.strip(" "):
        return ()
    found = []
    for name in _readings(core):
        if not tiers & _tiers_by_name()[name.lower()]:
            continue
        letters = [c for c in core if c != " "]
        text = name.upper() if len(letters) > 1 and all(c.isupper() for c in letters) else name
        fills = "".join(b for a, b in zip(core, text, strict=True) if a == " " and b != " ")
        if fills:
            found.append((lead + text + trail, fills))
    return tuple(sorted(found))
