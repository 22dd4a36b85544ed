"""Outline and list markers at the start of a line (I. / 1. / 1.1. / a) / - / +).

Shared by repair (a marker starts a new paragraph when re-flowing) and segment
(a marker opens a heading or list item). The shapes live in patterns/outline.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import patterns

# A drawn rule ("-----", "___", "***") under a title or a letterhead: no text, no marker.
_RULE = re.compile(r"^[-–—_=.*·•\s]{3,}$")


def is_rule(text: str) -> bool:
    return bool(_RULE.match(text))


def is_table_row(text: str) -> bool:
    """A row of a table, cells between "|" (markdown exports; PDF columns once repaired)."""
    return text.lstrip().startswith("|")


@dataclass(frozen=True)
class Marker:
    kind: str  # roman, part, decimal, arabic, letter, dash, plus
    number: str  # as printed: "II", "2", "4.1", "b", "-"
    end: int  # offset where the content after the marker starts

    @property
    def is_bullet(self) -> bool:
        return self.kind in _bullets()


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    kinds = patterns.load("outline")["markers"]
    return tuple((kind, patterns.regex("outline", "markers", kind)) for kind in kinds)


@cache
def _bullets() -> frozenset[str]:
    return frozenset(patterns.load("outline")["bullets"])


def match_marker(text: str) -> Marker | None:
    """The marker that opens ``text`` (already stripped), or None (a drawn rule has none)."""
    if is_rule(text):
        return None
    for kind, rx in _compiled():
        m = rx.match(text)
        if m and m.group("num") != "" and m.end() < len(text):
            return Marker(kind, m.group("num").rstrip("."), m.end())
    return None
