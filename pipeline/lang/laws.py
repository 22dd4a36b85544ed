"""Names of Vietnamese laws, learned from real documents (``models/law_names.txt``).

A law cited by name has no closing mark, so where its name stops is read from
the names documents closed themselves (built by ``models/build_law_names.py``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "law_names.txt"


@cache
def law_names(path: Path = DEFAULT_PATH) -> tuple[str, ...]:
    """Known names, longest first, casefolded (documents vary the case of a name's words)."""
    if not path.exists():
        return ()
    names = {line.strip().casefold() for line in path.read_text(encoding="utf-8").splitlines()}
    return tuple(sorted((n for n in names if n), key=len, reverse=True))


MAX_WORDS = 16
# A name a document closes itself: its number, its date, its year or "được sửa đổi" follows it.
CLOSED = re.compile(
    r"(?<![\wÀ-ỹđĐ])Luật\s+(?P<name>[A-ZĐÀ-Ỹ][^;:.()\n“”\"]{2,160}?)\s*,?\s+"
    r"(?:(?P<number>số\s*\d+/\d{4}/QH\d+)|ngày\s+\d{1,2}(?:/|\s+tháng)|năm\s+\d{4}|được sửa đổi)")


def closed_names(text: str) -> dict[str, bool]:
    """Law names ``text`` closes itself, each with whether a law number closed it."""
    found: dict[str, bool] = {}
    for m in CLOSED.finditer(text):
        name = m.group("name").strip(" ,")
        if len(name.split()) <= MAX_WORDS and not re.search(r"\b(?:Luật|số|Nghị)\b", name):
            found[name] = found.get(name, False) or bool(m.group("number"))
    return found


def names_with(own: dict[str, bool] | tuple[str, ...]) -> tuple[str, ...]:
    """The shipped names and a document's own (names it closes itself), casefolded, longest first:
    computed once per document, then passed to :func:`known_name_at`."""
    return tuple(sorted({*(n.casefold() for n in own), *law_names()}, key=len, reverse=True))


def known_name_at(text: str, pos: int, names: tuple[str, ...] | None = None) -> int:
    """Length of the longest known law name standing at ``text[pos:]`` (whole words), else 0."""
    low = text[pos:pos + 200].casefold()
    for name in law_names() if names is None else names:
        if low.startswith(name) and not re.match(r"[\wÀ-ỹđ]", low[len(name):len(name) + 1]):
            return len(name)
    return 0
