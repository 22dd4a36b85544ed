"""Word's automatic numbering put back in front of its paragraphs ("I.", "1.", "a)", "-").

Why: a heading numbered by a Word list ("MỤC ĐÍCH, YÊU CẦU" shown as "I. MỤC ĐÍCH,
YÊU CẦU") keeps its number in numbering.xml, not in its text; without it the
outline of a Word plan is lost. Each paragraph's list (numId) and level (ilvl)
come from its own properties or its style's; counters run per list definition
and level, a level's counter restarting when a higher level moves on.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LETTERS = string.ascii_lowercase  # Word's own letters (no đ), as the reader sees them


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """The numbering definitions of a document and the counters of its lists so far."""

    levels: dict[str, dict[int, Level]]  # numId → ilvl → Level
    abstract_of: dict[str, str]  # numId → abstractNumId (lists sharing one count together)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return cls({}, {})
        abstract = {a.get(f"{_W}abstractNumId"): _levels(a) for a in root.iter(f"{_W}abstractNum")}
        levels, abstract_of = {}, {}
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None and ref.get(f"{_W}val") in abstract:
                levels[num.get(f"{_W}numId")] = abstract[ref.get(f"{_W}val")]
                abstract_of[num.get(f"{_W}numId")] = ref.get(f"{_W}val")
        return cls(levels, abstract_of)

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` ("II.", "1.", "a)", "-"), or ""."""
        num_id, level = _num_pr(paragraph)
        defs = self.levels.get(num_id or "", {})
        if level not in defs:
            return ""
        counts = self.counters.setdefault(self.abstract_of[num_id or ""], {})
        counts[level] = counts.get(level, defs[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        lvl = defs[level]
        if lvl.fmt == "bullet" or lvl.fmt == "none":
            return "-" if lvl.fmt == "bullet" else ""
        return re.sub(r"%(\d)", lambda m: _shown(defs, counts, int(m.group(1)) - 1), lvl.text)


def _shown(defs: dict[int, Level], counts: dict[int, int], level: int) -> str:
    """Level ``level``'s number as it stands now ("%1" in "%1.%2.")."""
    lvl = defs.get(level, Level("decimal", "", 1))
    return _format(counts.get(level, lvl.start), lvl.fmt)


def _levels(abstract) -> dict[int, Level]:
    out = {}
    for lvl in abstract.iter(f"{_W}lvl"):
        fmt, text, start = lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}lvlText"), lvl.find(f"{_W}start")
        out[int(lvl.get(f"{_W}ilvl"))] = Level(
            fmt.get(f"{_W}val") if fmt is not None else "decimal",
            text.get(f"{_W}val") if text is not None else "",
            int(start.get(f"{_W}val")) if start is not None else 1)
    return out


def _num_pr(paragraph) -> tuple[str | None, int]:
    """(numId, ilvl) from the paragraph's properties, else from its style and the styles it is based on."""
    holders = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        holders.append(style.element.pPr)
        style = style.base_style
    for ppr in holders:
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is not None:
            num_id, ilvl = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
            return (num_id.get(f"{_W}val") if num_id is not None else None,
                    int(ilvl.get(f"{_W}val")) if ilvl is not None else 0)
    return None, 0


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = _LETTERS[(n - 1) % len(_LETTERS)]
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, symbol in _ROMAN:
        while n >= value:
            out.append(symbol)
            n -= value
    return "".join(out)
