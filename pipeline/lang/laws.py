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


def known_name_at(text: str, pos: int) -> int:
    """Length of the longest known law name standing at ``text[pos:]`` (whole words), else 0."""
    low = text[pos:pos + 200].casefold()
    for name in law_names():
        if low.startswith(name) and not re.match(r"[\wÀ-ỹđ]", low[len(name):len(name) + 1]):
            return len(name)
    return 0
