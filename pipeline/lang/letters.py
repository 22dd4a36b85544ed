"""Character classes of Vietnamese letters for regular expressions.

Why not ``[A-ZĐÀ-Ỹ]``: in Unicode the accented capitals and small letters
alternate (Ạ ạ Ả ả ...), so a range from À to Ỹ also takes "đ", "ạ", "ồ":
"Hội đồng" would read as two capitalised words. The classes here list the
letters themselves.
"""

from __future__ import annotations

import unicodedata

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_LOWER = sorted(set("abcdefghijklmnopqrstuvwxyzđ")
                | {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES})

LOWER_LETTERS = "".join(_LOWER)
UPPER_LETTERS = "".join(c.upper() for c in _LOWER)
# A capital letter of Vietnamese (or English) text, as a regex class.
UPPER = f"[{UPPER_LETTERS}]"
