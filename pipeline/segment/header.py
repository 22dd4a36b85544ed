"""The header block above the document type: agency lines, quốc hiệu, số ký hiệu, place and date.

Text layers often run the two columns of the letterhead into one line
("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), so the national motto is
cut out of every line before the rest is read as the agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline import patterns
from pipeline.lang.codes import NUMBER_MARKS, restore_type_bar, split_code, unreadable_number
from pipeline.lang.dates import DATE_WORDS, iso
from pipeline.lang.letters import UPPER

_NUMBER_LINE = re.compile(
    rf"(?:^|\s)(?:Số|SỐ)\s*[:.]?\s*(?P<code>{NUMBER_MARKS}*\s*[/-]?\s*[0-9A-ZĐƯƠÂÊÔĂ][0-9A-Za-zĐđƯưƠơÂâÊêÔôĂă/&.-]*"
    r"(?:\s*[/-]\s*[0-9A-ZĐ][0-9A-Za-zĐđ&.-]*)*)"
)
_PLACE_DATE = re.compile(
    rf"(?P<place>{UPPER}[^,\d:]{{1,40}}?)\s*,\s*ngày\s*(?P<d>\d{{1,2}}|[.…\s]*|\S{{1,4}})\s*tháng\s*"
    r"(?P<m>\d{1,2}|[.…\s]*|\S{1,4})\s*năm\s*(?P<y>\d{4})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Header:
    number: str = ""
    symbol: str = ""
    code: str = ""
    place: str = ""
    issue_date: str = ""
    agency_lines: tuple[str, ...] = field(default_factory=tuple)
    month: str = ""  # "2019-06" of a date line whose day is blank or unreadable


@cache
def _motto_rx() -> re.Pattern[str]:
    phrases = sorted(patterns.load("header")["national_motto"], key=len, reverse=True)
    return re.compile("|".join(_loose(p) for p in phrases), re.IGNORECASE)


def _loose(phrase: str) -> str:
    """A motto phrase matched with any spacing and any kind of dash."""
    words = [re.escape(w) for w in phrase.replace("-", " - ").split()]
    return r"\s*".join("[-–—]" if w == r"\-" else w for w in words)


def strip_motto(text: str) -> str:
    return " ".join(_motto_rx().sub(" ", text).split())


def parse_header(texts: list[str]) -> Header:
    """Read the header fields from the lines above the document type."""
    number = symbol = code = place = issue_date = month = ""
    agency: list[str] = []
    lines = [strip_motto(raw) for raw in _joined_number_lines(texts)]
    # "Số: 1105/KH-ĐKT" opening its line is the document's own number; a "số" inside a
    # line ("ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT") cites another document's.
    own_line = any((m := _NUMBER_LINE.search(text)) and not text[:m.start()].strip() for text in lines)
    for text in lines:
        m = _NUMBER_LINE.search(text)
        if m and own_line and text[:m.start()].strip():
            m = None
        if not code and m:
            code = unreadable_number(re.sub(r"\s+", "", m.group("code")).strip(".-"))
            number, printed = split_code(code)
            symbol = restore_type_bar(printed)
            code = code[:len(code) - len(printed)] + symbol
            text = (text[: m.start()] + text[m.end():]).strip()
        if not place and (m := _PLACE_DATE.search(text)):
            place = " ".join(m.group("place").split())
            issue_date = _date_of(m)
            month = "" if issue_date else _month_of(m)
            text = text[: m.start()].strip()
        if _is_agency(text):
            agency.append(text)
    return Header(number, symbol, code, place, issue_date, tuple(agency), month)


_BARE_NUMBER_LABEL = re.compile(r"^\s*(?:Số|SỐ)\s*[:.]?\s*$")


def _joined_number_lines(texts: list[str]) -> list[str]:
    """"Số:" alone on its line joined to the code on the next ("Số:⏎2820/QĐ-UBND")."""
    out: list[str] = []
    for text in texts:
        if out and _BARE_NUMBER_LABEL.match(out[-1]) and text.strip() not in ("", "|"):
            out[-1] = f"{out[-1].strip()} {text.strip()}"
        else:
            out.append(text)
    return out


def _date_of(m: re.Match[str]) -> str:
    d, mo = m.group("d").strip(), m.group("m").strip()
    if not (d.isdigit() and mo.isdigit()):
        return ""  # "ngày ... tháng ..." left blank for a handwritten date, or unreadable ("ngày/4}")
    return iso(int(m.group("y")), int(mo), int(d))


def _month_of(m: re.Match[str]) -> str:
    mo = m.group("m").strip()
    return f"{m.group('y')}-{int(mo):02d}" if mo.isdigit() and 1 <= int(mo) <= 12 else ""


def _is_agency(text: str) -> bool:
    """An agency line: capitals, not a rule, not a date line."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)
            and not DATE_WORDS.search(text))
