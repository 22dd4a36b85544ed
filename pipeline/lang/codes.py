"""Số ký hiệu: split "227/KH-UBND" into number and symbol, and build the linking key."""

from __future__ import annotations

import re
import unicodedata
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


# A file name's words: runs of digits or of letters ("120QD_Noi_quy" -> 120, qd, noi, quy).
_NAME_TOKEN = re.compile(r"\d+|[a-z]+")
_YEAR = re.compile(r"(?:19|20)\d\d")


def number_in_file_name(name: str) -> str:
    """The document number a file's name carries beside a document type's symbol, or "".

    Why: offices name the files they publish by the document's number ("120QD_Noi_quy",
    "Bc_207_cong_khai", "quyet-dinh-46-qd-bcdcchc", "CV-so-651_16-04-2019"), and a
    scanned document's number is often handwritten after printing, which OCR cannot
    read. Read beside a symbol only (a bare "2" or a timestamp is no number); a year
    between number and symbol is skipped ("06.2022.QD" is 06); a name that gives two
    different numbers gives none.
    """
    words = _NAME_TOKEN.findall(_folded(name))
    found: set[str] = set()
    for at, word in enumerate(words):
        if word in _folded_symbols():
            found.update(n for n in (_number_near(words, at, -1), _number_near(words, at, 1)) if n)
    return found.pop() if len(found) == 1 else ""


def _number_near(words: list[str], at: int, step: int) -> str:
    """The number next to ``words[at]`` in direction ``step``, past a "so" (số) and, to the
    left, a year."""
    i = at + step
    if 0 <= i < len(words) and words[i] == "so":
        i += step
    if step < 0 and 0 <= i < len(words) and _YEAR.fullmatch(words[i]) and i + step >= 0:
        i += step
    if not 0 <= i < len(words):
        return ""
    word = words[i]
    return word if word.isdigit() and len(word) <= 5 and not _YEAR.fullmatch(word) else ""


def _folded(text: str) -> str:
    """Lower case without tone marks or the bar of đ: file names are written either way."""
    bare = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in bare if not unicodedata.combining(c))


@cache
def _folded_symbols() -> frozenset[str]:
    return frozenset(_folded(s) for s in _type_symbols())
