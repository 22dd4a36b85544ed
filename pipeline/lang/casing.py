"""Case of names written in capitals in letterheads ("ỦY BAN NHÂN DÂN HUYỆN THỦY NGUYÊN").

Why: plans.csv wants the issuer "in full words" as running text writes it
("Ủy ban nhân dân huyện Thủy Nguyên"). The best source is the document itself:
the same name in mixed case elsewhere in the text. Failing that, Vietnamese
naming rules: the body's type word and the first word of its proper name are
capitalised, tier words (huyện, xã ...) are not, place names are title case.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from pipeline import patterns
from pipeline.lang.syllables import is_syllable
from pipeline.lang.tiers import tier_words


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
    """The same words as ``name`` written in mixed case in ``text`` (the form written most
    often, the first of equals: one "Ủy ban nhân dân Tỉnh Đồng Tháp" among many "tỉnh"), or ""."""
    words = name.split()
    if not words:
        return ""
    rx = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    forms = Counter(" ".join(m.group(0).split()) for m in rx.finditer(text) if not m.group(0).isupper())
    return forms.most_common(1)[0][0] if forms else ""


def name_case(name: str) -> str:
    """Running-text case for a name written in capitals, by naming rules."""
    low = " ".join(name.lower().split())
    header = patterns.load("header")
    for head in header["place_heads"]:
        if low.startswith(head.lower() + " "):
            return head + " " + low[len(head) + 1:].title()
    for tier in tier_words():
        for m in re.finditer(rf"\s{tier}\s+(?P<place>(?P<first>\S+).*)$", low):
            if m.group("first") not in header["not_places"]:
                head = low[: m.start("place")]
                return _capitalise_head(head.strip()) + " " + m.group("place").title()
    return _capitalise_head(low)


@cache
def issuer_heads() -> tuple[str, ...]:
    """Heads of body names (Ủy ban nhân dân, Sở, Ban Chỉ đạo ...), longest first."""
    return tuple(sorted(patterns.load("header")["issuer_heads"], key=len, reverse=True))


def _capitalise_head(low: str) -> str:
    """Body heads in their usual case, the first word of each proper part capitalised.

    A head of several words may follow another ("Ban Chấp hành Hội Liên hiệp Phụ
    nữ"); a one-word head counts only at the start, so "xã hội" stays lower case.
    """
    words, out, proper_next = low.split(), [], True
    i = 0
    while i < len(words):
        head = _head_at_word(words, i, nested=i > 0)
        if head:
            out.append(head)
            i += len(head.split())
            proper_next = True
            continue
        w = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        if (w in tier_words() or w in ("thành", "phố", "thị", "trấn")) and \
                following not in patterns.load("header")["not_places"]:
            out.append(w)
            proper_next = False
        elif w.isalpha() and not is_syllable(w):
            out.append(w.upper())  # an acronym inside the name: THCS, CNTT
        else:
            out.append(w.capitalize() if proper_next or not out else w)
            proper_next = w in ("và", "-")
        i += 1
    return " ".join(out)


def _head_at_word(words: list[str], i: int, nested: bool) -> str:
    rest = " ".join(words[i:])
    for head in issuer_heads():
        if nested and " " not in head:
            continue
        if rest == head.lower() or rest.startswith(head.lower() + " "):
            return head
    return ""
