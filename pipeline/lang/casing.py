"""Case of names written in capitals in letterheads ("ỦY BAN NHÂN DÂN HUYỆN THỦY NGUYÊN").

Why: plans.csv wants the issuer "in full words" as running text writes it
("Ủy ban nhân dân huyện Thủy Nguyên"). The best source is the document itself:
the same name in mixed case elsewhere in the text. Failing that, Vietnamese
naming rules: the body's type word and the first word of its proper name are
capitalised, tier words (huyện, xã ...) are not, place names are title case.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline import patterns

_TIER_WORDS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")


@cache
def abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    table = patterns.load("abbreviations")
    keys = sorted(table, key=len, reverse=True)
    return tuple((re.compile(rf"(?<![\wĐđ]){re.escape(k)}(?![\wĐđ])"), table[k]) for k in keys)


def expand_abbreviations(text: str) -> str:
    """UBND → Ủy ban nhân dân, HTX → Hợp tác xã ... (whole words only)."""
    for rx, full in abbreviations():
        text = rx.sub(full, text)
    return text


def find_mixed_case(name: str, text: str) -> str:
    """The same words as ``name`` written in mixed case in ``text``, or ""."""
    words = name.split()
    if not words:
        return ""
    rx = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    for m in rx.finditer(text):
        found = m.group(0)
        if not found.isupper():
            return " ".join(found.split())
    return ""


def name_case(name: str) -> str:
    """Running-text case for a name written in capitals, by naming rules."""
    low = " ".join(name.lower().split())
    for tier in _TIER_WORDS:
        m = re.search(rf"(?:^|\s){tier}\s+(?P<place>\S.*)$", low)
        if m:
            head = low[: m.start("place")]
            return _capitalise_head(head.strip()) + " " + m.group("place").title()
    return _capitalise_head(low)


def _capitalise_head(low: str) -> str:
    """Capitalise the first word, and the first word of each proper part of the name."""
    words = low.split()
    if not words:
        return ""
    out = [words[0].capitalize()]
    proper_next = words[0] in ("sở", "phòng", "ban", "cục", "vụ", "trung", "hội", "đài", "báo")
    for w in words[1:]:
        if w in _TIER_WORDS or w in ("thành", "phố", "thị", "trấn"):
            out.append(w)
            proper_next = False
        elif proper_next or w == "-":
            out.append(w.capitalize())
            proper_next = w == "-"
        else:
            out.append(w)
            proper_next = w in ("và", "-")
    return " ".join(out)
