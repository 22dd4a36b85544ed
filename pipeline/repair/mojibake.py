"""UTF-8 read as cp1252 or Latin-1 ("KẾ HOáº CH"), undone by ftfy.

Only ftfy's encoding repair is used: its other fixes (quote uncurling, width
folding) would change text that is not damaged.

A line whose every character is printable ASCII or a Vietnamese letter is
passed by without asking ftfy: every UTF-8 sequence read in a single-byte code
page leaves at least one character that is neither (the reading of a byte
0x80-0xBF: "º", "°", "‘", "∫"), and ftfy costs as much as the rest of the
character-level steps together.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import ftfy

from pipeline.lang.letters import LOWER_LETTERS, UPPER_LETTERS

_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)


@cache
def _plain() -> re.Pattern[str]:
    return re.compile(f"[\t\x20-\x7e{LOWER_LETTERS}{UPPER_LETTERS}]*")


def fix_mojibake(text: str) -> str:
    if _plain().fullmatch(text):
        return unicodedata.normalize("NFC", text)
    return ftfy.fix_text(text, config=_CONFIG)
