"""Vietnamese calendar dates: "ngày 31 tháng 10 năm 2024", "31/10/2024", "07/4/2014".

Why one module: the header's signing date, cited documents' dates and deadlines
all use the same shapes, and a date must be read the same way everywhere.
"""

from __future__ import annotations

import re
from datetime import date

DATE_WORDS = re.compile(
    r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*(?:năm|,)\s*(?P<y>\d{4})", re.IGNORECASE
)
DATE_NUMERIC = re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?!\d)")
DATE_ANY = re.compile(f"(?:{DATE_WORDS.pattern})|(?:{DATE_NUMERIC.pattern.replace('?P<', '?P<n')})",
                      re.IGNORECASE)


def iso(year: int, month: int, day: int) -> str:
    """ISO date, or "" when the parts are not a real calendar date."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> tuple[str, re.Match[str] | None]:
    """The first date in ``text`` as ISO, with its match; ``("", None)`` if none."""
    m = DATE_ANY.search(text)
    if not m:
        return "", None
    parts = m.groupdict()
    d, mo, y = (parts["d"], parts["m"], parts["y"]) if parts["d"] else (
        parts["nd"], parts["nm"], parts["ny"])
    return iso(int(y), int(mo), int(d)), m


# ------------------------------------------------- deadline helpers ----
# Why here: deadlines need the same date shapes as headers, plus the ones a
# plan writes when the year is obvious to its reader ("trước ngày 10/12") and
# the calendar bounds of a quarter or month.

DAY_MONTH = re.compile(
    r"(?<![\d/.])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?!\s*[/.-]?\s*\d)"
    r"|ngày\s*(?P<wd>\d{1,2})\s*tháng\s*(?P<wm>\d{1,2})(?!\s*(?:năm|,)\s*\d)",
    re.IGNORECASE,
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def parse_date_or_day(text: str, year: int | None) -> tuple[str, re.Match[str] | None]:
    """The first full date in ``text``, or failing that a day/month read in ``year``.

    A date written without its year takes the year the document implies; the
    caller knows it (its own issue year or the year it plans for).
    """
    found, m = parse_date(text)
    if m:
        return found, m
    m = DAY_MONTH.search(text)
    if not m or year is None:
        return "", None
    d, mo = (m.group("d"), m.group("m")) if m.group("d") else (m.group("wd"), m.group("wm"))
    return iso(year, int(mo), int(d)), m


def quarter_number(token: str) -> int:
    """1..4 for "I".."IV" or "1".."4"; 0 when the token is not a quarter."""
    low = token.strip().lower()
    if low in ROMAN:
        return ROMAN[low]
    return int(low) if low.isdigit() and 1 <= int(low) <= 4 else 0


def month_end(year: int, month: int) -> str:
    """Last day of a month, ISO."""
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1).isoformat()


def quarter_end(year: int, quarter: int) -> str:
    """Last day of a quarter, ISO."""
    return month_end(year, quarter * 3)
