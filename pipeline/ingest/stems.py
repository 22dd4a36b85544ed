"""Roman numerals made of I's, recounted from the picture.

Why: in bold serif type the serifs of "II" touch, and Tesseract's ``vie``
models read the heading "II. NỘI DUNG" as "I.", "H." or "IL." on half the
pages measured; the outline then loses a section. The number of upright
stems in the middle band of the word's box (above the period, between the
serifs, below an H's crossbar gap) is the number of I's, and is read reliably
even on harsh scans. Only a short I-like word ending in "." that opens an
upper-case heading is recounted, so "H." for huyện in running text and
arabic "1." are left alone.
"""

from __future__ import annotations

import re

import numpy as np
from PIL import Image

from pipeline.ingest.layout import Word

_I_RUN = re.compile(r"^[IHLl|]{1,3}\.$")  # what Tesseract makes of "I.", "II.", "III."
BAND = (0.3, 0.7)  # rows of the box, as shares of its height, where only stems have ink
STEM_INK = 0.6  # a column with ink in this share of the band's rows is part of a stem
INK = 128


def recount_roman_ones(words: list[tuple[Word, float]],
                       image: Image.Image) -> list[tuple[Word, float]]:
    """Rewrite each I-run heading marker as as many I's as the picture has stems."""
    fixed = list(words)
    for i, ((word, conf), (after, _)) in enumerate(zip(words, words[1:], strict=False)):
        if _I_RUN.match(word.text) and _opens_heading(word, after):
            ones = stem_count(image.crop((int(word.x0), int(word.top),
                                          int(word.x1), int(word.bottom))))
            if 1 <= ones <= 3:
                fixed[i] = (Word("I" * ones + ".", word.x0, word.top, word.x1, word.bottom), conf)
    return fixed


def _opens_heading(word: Word, after: Word) -> bool:
    """The next word is on the same line, just right of it, and in capitals."""
    same_line = abs(after.middle - word.middle) < word.height / 2
    return same_line and after.x0 > word.x1 and after.text.isupper()


def stem_count(crop: Image.Image) -> int:
    """Upright strokes crossing the middle band of a glyph box."""
    ink = np.asarray(crop.convert("L")) < INK
    height = ink.shape[0]
    band = ink[int(height * BAND[0]):max(int(height * BAND[1]), int(height * BAND[0]) + 1)]
    if band.size == 0:
        return 0
    stem = band.mean(axis=0) > STEM_INK
    return int(stem[0]) + int(np.count_nonzero(stem[1:] & ~stem[:-1]))
