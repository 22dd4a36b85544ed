"""Số ký hiệu: split "227/KH-UBND" into number and symbol, and build the linking key."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^(?P<num>\d+)\s*[/-]\s*(?P<sym>\S.*)$")


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


def ref_key(code: str) -> str:
    """Normalised key for linking: number, then each symbol part, joined by "-", upper case.

    "34-CT/TW" and "34/CT-TW" both give "34-CT-TW", so a plan citing either finds the other.
    """
    parts = [p for p in re.split(r"[/\-\s]+", code.upper()) if p]
    return "-".join(parts)
