"""Unicode normal form and the look-alike characters PDF fonts put in place of Vietnamese letters.

Why: a Vietnamese letter can be one code point or a base plus combining marks,
and some PDF fonts map ư/Ư to U+01B0's look-alikes ƣ/Ƣ (U+01A3/U+01A2, "oi"),
or Đ to Ð (U+00D0, Icelandic eth). Every later stage matches on NFC text with
the real letters, so this runs first.
"""

from __future__ import annotations

import unicodedata

# Letters a broken font map substitutes for Vietnamese ones.
FONT_SUBSTITUTES = str.maketrans({
    "\u01a3": "ư",  # ƣ LATIN SMALL LETTER OI
    "\u01a2": "Ư",  # Ƣ LATIN CAPITAL LETTER OI
    "\u00d0": "Đ",  # Ð LATIN CAPITAL LETTER ETH
    "\u0110": "Đ",
    "\u00a0": " ",  # no-break space
    "\u200b": "",   # zero-width space
    "\ufeff": "",   # stray byte-order mark
    "\u00ad": "",   # soft hyphen
})


def normalize(text: str) -> str:
    """NFC with font substitutes replaced."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).translate(FONT_SUBSTITUTES))
