"""UTF-8 read as cp1252 or Latin-1 ("KẾ HOáº CH"), undone by ftfy.

Only ftfy's encoding repair is used: its other fixes (quote uncurling, width
folding) would change text that is not damaged.
"""

from __future__ import annotations

import ftfy

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


def fix_mojibake(text: str) -> str:
    return ftfy.fix_text(text, config=_CONFIG)
