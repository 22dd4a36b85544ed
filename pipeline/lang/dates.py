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
