"""Deterministic damage for clean plans: each kind repair must undo, applied on purpose.

Why our own corruption: real damaged plans come without their true text, so
repair is measured by damaging clean plans the way PDFs, old fonts and OCR do,
with a fixed seed so every run of the benchmark sees the same damage. The
legacy encodings are produced by glibc's iconv where it knows them (TCVN3 as
TCVN5712-1, VISCII), not by the tables the repair reads.
"""

from __future__ import annotations

import random
import re
import subprocess
import unicodedata
from functools import cache

from pipeline import patterns
from pipeline.lang.syllables import is_syllable
from pipeline.lang.tones import TONE_MARKS, place_tone, split_tone
from pipeline.repair.build_legacy_tables import as_cp1252, cp1252_punctuation

SEED = 20240
_WORD = re.compile(r"[^\W\d_]+")


def lose_glyphs(text: str, letters: str, rate: float, seed: int = SEED) -> str:
    """Each glyph of ``letters`` dropped to one space with probability ``rate``."""
    rng = random.Random(seed)
    return "".join(" " if c in letters and rng.random() < rate else c for c in text)


@cache
def _iconv_char(char: str, encoding: str) -> str:
    """One character through iconv; characters the encoding lacks (curly quotes) stay."""
    done = subprocess.run(["iconv", "-f", "UTF-8", "-t", encoding], input=char.encode("utf-8"),
                          capture_output=True, check=False)
    return as_cp1252(done.stdout) if done.returncode == 0 else char


def _iconv(text: str, encoding: str) -> str:
    return "".join(_iconv_char(c, encoding) for c in unicodedata.normalize("NFC", text))


def _tcvn3_char(char: str) -> str:
    """TCVN3 has no toned capitals: typists set them in the capital font, as the small letter."""
    out = _iconv_char(char, "TCVN5712-1")
    if char.isalpha() and len(out) == 1 and (ord(out) < 32 or cp1252_punctuation(out)):
        return _iconv_char(char.lower(), "TCVN5712-1")
    return out


def tcvn3(text: str) -> str:
    """TCVN3 read as cp1252; lines in capitals typed in the capital font (.VnTimeH) style."""
    lines = []
    for line in unicodedata.normalize("NFC", text).split("\n"):
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 3 and all(c.isupper() for c in letters):
            lower = "".join(map(_tcvn3_char, line.lower()))
            lines.append("".join(c.upper() if c.isascii() else c for c in lower))
        else:
            lines.append("".join(map(_tcvn3_char, line)))
    return "\n".join(lines)


def viscii(text: str) -> str:
    return _iconv(text, "VISCII")


@cache
def _vni_encoder() -> tuple[re.Pattern[str], dict[str, str]]:
    table = patterns.load("legacy_encodings")["vni"]
    inverse = {letter: seq for seq, letter in sorted(table.items(), key=lambda kv: -len(kv[0]))}
    return re.compile("|".join(map(re.escape, inverse))), inverse


def vni(text: str) -> str:
    """VNI-Windows read as cp1252 (the layout is public; iconv does not know it)."""
    pattern, inverse = _vni_encoder()
    return pattern.sub(lambda m: inverse[m.group(0)], unicodedata.normalize("NFC", text))


_VIQR_SIGNS = {"\u0306": "(", "\u0302": "^", "\u031b": "+", "\u0301": "'", "\u0300": "`",
               "\u0309": "?", "\u0303": "~", "\u0323": "."}


def viqr(text: str) -> str:
    """Vietnamese in ASCII signs after each letter (RFC 1456): "Việt" -> "Vie^.t", đ -> dd."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in "đĐ":
            out.append("dd" if char == "đ" else "DD")
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        shapes = [_VIQR_SIGNS[m] for m in marks if m in "\u0306\u0302\u031b"]
        tones = [_VIQR_SIGNS[m] for m in marks if m in _VIQR_SIGNS and _VIQR_SIGNS[m] not in "(^+"]
        out.append(base + "".join(shapes + tones) if marks and len(shapes + tones) == len(marks)
                   else char)
    return "".join(out)


def mojibake(text: str) -> str:
    """UTF-8 bytes read as cp1252."""
    return as_cp1252(text.encode("utf-8"))


def homoglyphs(text: str, rate: float = 0.1, seed: int = SEED) -> str:
    """In a share of words, Latin letters swapped for their Cyrillic or Greek look-alikes."""
    rng = random.Random(seed)
    table = {latin: other for other, latin in patterns.load("homoglyphs").items()}

    def swap(m: re.Match[str]) -> str:
        if rng.random() >= rate:
            return m.group(0)
        return "".join(table.get(c, c) for c in m.group(0))

    return _WORD.sub(swap, text)


def tone_slips(text: str, rate: float = 0.04, seed: int = SEED) -> str:
    """A share of syllables read with another tone, the way OCR confuses marks."""
    rng = random.Random(seed)

    def slip(m: re.Match[str]) -> str:
        word = m.group(0)
        if rng.random() >= rate or not is_syllable(word):
            return word
        bare, tone = split_tone(word)
        options = [place_tone(bare, t) for t in ("",) + tuple(TONE_MARKS) if t != tone]
        options = [w for w in options if is_syllable(w)]
        return rng.choice(options) if options else word

    return _WORD.sub(slip, text)


def hoi_as_sac(text: str, rate: float = 0.3, seed: int = SEED) -> str:
    """A share of syllables with the hỏi mark read as sắc (tổ → tố, biểu → biếu).

    Tesseract ``vie``'s commonest slip on real scans, per the OCR issue's measurements.
    """
    rng = random.Random(seed)
    hoi, sac = "\u0309", "\u0301"

    def slip(m: re.Match[str]) -> str:
        bare, tone = split_tone(m.group(0))
        if tone != hoi or rng.random() >= rate:
            return m.group(0)
        return unicodedata.normalize("NFC", place_tone(bare, sac))

    return _WORD.sub(slip, text)


def hard_wrap(text: str, width: int = 78, page_lines: int = 40,
              header: str = "") -> list[list[str]]:
    """Paragraphs wrapped at ``width`` into pages, each with a running header and a page number."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words, line = paragraph.split(), ""
        for word in words:
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            lines.append(line)
    pages = []
    for number, start in enumerate(range(0, len(lines), page_lines), start=1):
        body = lines[start:start + page_lines]
        pages.append(([header] if header and number > 1 else []) + body + [f"- {number} -"])
    return pages
