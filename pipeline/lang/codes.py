"""Số ký hiệu: split "227/KH-UBND" into number and symbol, and build the linking key."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline import patterns

_NUMBER = re.compile(r"^(?P<num>\d+)\s*[/-]\s*(?P<sym>\S.*)$")
# What a scan makes of a handwritten number's digits ("2£9", "#6"): a character class.
NUMBER_MARKS = r"[\d#£$§?!*~^]"
# A number OCR could not read: digits mixed with those marks, before the symbol.
_UNREADABLE_NUMBER = re.compile(rf"^(?=[^/]*[^\d/]){NUMBER_MARKS}{{1,5}}/")


def split_code(code: str) -> tuple[str, str]:
    """``("227", "KH-UBND")`` for "227/KH-UBND"; ``("34", "CT/TW")`` for "34-CT/TW".

    The number is the part before the first "/" or "-"; the symbol is the rest.
    A code with no number ("/KH-UBND", a number left blank to be handwritten)
    gives an empty number.
    """
    code = re.sub(r"\s+", "", code)
    m = _NUMBER.match(code)
    if m:
        return m.group("num"), m.group("sym")
    return "", code.lstrip("/-")


@lru_cache(maxsize=1 << 16)
def ref_key(code: str) -> str:
    """Normalised key for linking: number, then each symbol part, joined by "-", upper case.

    "34-CT/TW" and "34/CT-TW" both give "34-CT-TW", so a plan citing either finds the other.
    Cached: an archive cites the same laws and plans over and over, and compare keys every
    citation of the run again on each run.
    """
    parts = [p for p in re.split(r"[/\-\s]+", code.upper()) if p]
    return "-".join(parts)


def unreadable_number(code: str) -> str:
    """A code whose number a scan garbled ("2£9/TB-TTr") as one with the number left out
    ("/TB-TTr"): what is left is still the document's symbol."""
    return _UNREADABLE_NUMBER.sub("/", code, count=1)


@cache
def _type_symbols() -> frozenset[str]:
    return frozenset(s for row in patterns.load("doc_types") for s in row["symbols"])


def restore_type_bar(symbol: str) -> str:
    """"QD-UBND" -> "QĐ-UBND": a scan or an ASCII copy loses the bar of Đ; the symbol's type
    part gets it back when only the barred form is a document type ("DA", Dự án, stays)."""
    head = re.match(r"[^/-]+", symbol)
    if not head or head.group(0) in _type_symbols():
        return symbol
    barred = head.group(0).replace("D", "Đ")
    return barred + symbol[head.end():] if barred in _type_symbols() else symbol
