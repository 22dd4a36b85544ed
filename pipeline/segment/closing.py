"""The closing: the summary paragraph, the Nơi nhận list and the signature block.

In text layers the Nơi nhận list (left column) and the signature (right column)
are often run together line by line, so the signature is read from anywhere in
the closing lines: the authority prefix (TM., KT. ...), position lines in
capitals, and the signer's name as the last name-shaped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import patterns
from pipeline.lang.letters import UPPER
from pipeline.models import Line

_NAME_WORD = rf"{UPPER}[a-zđà-ỹ]+"
_NAME = re.compile(rf"(?:^|\s)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})\s*$")
_UPPER_NAME = re.compile(rf"^(?P<name>{UPPER}+(?:\s+{UPPER}+){{1,4}})$")


@dataclass(frozen=True)
class Signature:
    signing_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""


@cache
def _authority_rx() -> re.Pattern[str]:
    prefixes = patterns.load("header")["signing_authorities"]
    alts = "|".join(re.escape(p.rstrip(".")) for p in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?P<auth>{alts})(?:\s*[./]\s*|\s+)(?={UPPER}{{2}})")  # "KT.CHỦ TỊCH"


@cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(patterns.load("header")["signer_titles"], key=len, reverse=True))


def closing_start(lines: tuple[Line, ...], body_start: int) -> int:
    """Index of the first closing line: "Trên đây ..." or "Nơi nhận", or a signature prefix."""
    openers = patterns.load("header")["closing_openers"]
    for i in range(body_start, len(lines)):
        text = lines[i].text.strip()
        low = text.lower()
        if any(low.startswith(o) for o in openers):
            return i
        if _authority_rx().match(text) and text.isupper():
            return i
    return len(lines)


def annex_start(lines: tuple[Line, ...], close: int) -> int:
    """Index of an annex heading after the closing ("PHỤ LỤC ..."), else the end."""
    rx = patterns.regex("header", "annex_heading")
    return next((i for i in range(close, len(lines)) if rx.match(lines[i].text.strip())), len(lines))


# The signer's name stands within this many lines under the position line.
NAME_WITHIN = 8


def parse_signature(lines: list[str]) -> Signature:
    """Signature fields from the closing lines (possibly interleaved with Nơi nhận).

    The name is looked for under the last position line first, so an appendix
    after the signature does not hide it; failing that, from the bottom up.
    """
    authority, title, last = "", "", -1
    for i, text in enumerate(lines):
        text = text.strip()
        # The last prefix of a line: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" (a wrap joined) signs KT.
        if m := next(reversed(list(_authority_rx().finditer(text))), None):
            authority = _canonical_authority(m.group("auth"))
            title = _title_in(text[m.end():]) or title
            last = i
        elif found := _upper_title(text) or _title_run(text) or _cut_title(text):
            title, last = found, i
    below = lines[last + 1: last + 1 + NAME_WITHIN] if last >= 0 else []
    name = _first_name(below) or _signer_name(lines)
    return Signature(authority, title, name)


def _first_name(lines: list[str]) -> str:
    for text in lines:
        text = " ".join(text.split())
        m = _NAME.search(text) or _UPPER_NAME.match(text)
        if m and not _looks_like_body(m.group("name")):
            return _person_case(m.group("name"))
    return ""


def _person_case(name: str) -> str:
    return name.title() if name.isupper() else name


def _canonical_authority(auth: str) -> str:
    return auth.replace("/", "").upper() + "."


def _upper_title(text: str) -> str:
    """A position written in capitals at the end of a line ("... CHỦ TỊCH")."""
    if not text or not text.split()[-1].isupper():
        return ""
    return _title_in(text, at_end=True)


_CAPITALS_RUN = re.compile(rf"(?<!\S){UPPER}+(?:\s+{UPPER}+)+(?!\S)")


def _title_run(text: str) -> str:
    """A position in capitals inside a line of the Nơi nhận list, the signature's column run
    into it ("- Như thành phần dự họp tại GM số PHÓ CHÁNH VĂN PHÒNG 314/GM-UBND ...")."""
    for m in _CAPITALS_RUN.finditer(text):
        low = " ".join(m.group(0).lower().split())
        if found := next((t for t in _titles() if t.lower() == low), ""):
            return found
    return ""


# A position line cut short by a stamp or the scan's edge ("CHÁNH THANH T") still names
# its position when it begins exactly one of them and keeps this many letters.
CUT_TITLE_LETTERS = 8


def _cut_title(text: str) -> str:
    """The one position a line of capitals is the start of ("CHÁNH THANH T" -> Chánh Thanh tra)."""
    line = " ".join(text.split())
    if len(line.split()) < 2 or not line.isupper() or sum(c.isalpha() for c in line) < CUT_TITLE_LETTERS:
        return ""
    found = [t for t in _titles() if t.upper().startswith(line) and t.upper() != line]
    return found[0] if len(found) == 1 else ""


def _title_in(text: str, at_end: bool = False) -> str:
    low = " ".join(text.lower().split())
    for title in _titles():
        t = title.lower()
        if (low.endswith(t) if at_end else low.startswith(t)):
            before = low[: -len(t)] if at_end else ""
            if at_end and before and not before.endswith((" ", ";", ":")):
                continue
            return title
    return ""


def _signer_name(lines: list[str]) -> str:
    """The last line (from the bottom) that is a person's name, mixed case or capitals."""
    for text in reversed(lines):
        text = " ".join(text.split())
        if not text or (text.isupper() and _upper_title(text)):
            continue
        m = _NAME.search(text) or _UPPER_NAME.match(text)
        if m and not _looks_like_body(m.group("name")):
            return _person_case(m.group("name"))
        if len(text) > 3:
            break
    return ""


def _looks_like_body(name: str) -> bool:
    """A body or a position, not a person ("CHỦ TỊCH HĐND TỈNH" under "TRƯỞNG ĐOÀN")."""
    low = name.lower()
    return (any(low.startswith(h) for h in ("ủy ban", "uỷ ban", "nơi nhận", "lưu", "ban ", "sở ", "phòng "))
            or any(low.startswith(t.lower() + " ") for t in _titles()))
