"""Heading markers made of I's are recounted from the picture (bold serif "II" reads as "I.")."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.evaluation.synth import FONT_DIR
from pipeline.ingest.layout import Word
from pipeline.ingest.stems import recount_roman_ones, stem_count

FONT = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif-Bold.ttf"), 54)  # 13 pt at 300 dpi


def _line(text: str) -> tuple[Image.Image, list[Word]]:
    """A heading line drawn in bold serif, and each word's true box."""
    image = Image.new("L", (1400, 100), 255)
    draw = ImageDraw.Draw(image)
    words, x = [], 20
    for token in text.split():
        left, top, right, bottom = draw.textbbox((x, 20), token, font=FONT)
        draw.text((x, 20), token, font=FONT, fill=0)
        words.append(Word(token, left, top, right, bottom))
        x = right + 18
    return image, words


@pytest.mark.parametrize("marker, ones", [("I.", 1), ("II.", 2), ("III.", 3)])
def test_the_stems_of_a_roman_marker_are_counted(marker, ones):
    image, words = _line(f"{marker} NỘI DUNG")
    box = words[0]
    assert stem_count(image.crop((box.x0, box.top, box.x1, box.bottom))) == ones


def test_a_second_section_read_as_one_is_given_back_its_second_i():
    image, words = _line("II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN")
    misread = [(Word("I.", w.x0, w.top, w.x1, w.bottom) if i == 0 else w, 90.0)
               for i, w in enumerate(words)]
    assert [w.text for w, _ in recount_roman_ones(misread, image)][:2] == ["II.", "NỘI"]


def test_huyen_abbreviated_in_running_text_and_arabic_numbers_are_left_alone():
    image, words = _line("H. Thủy Nguyên 1. MỤC")
    scored = [(w, 90.0) for w in words]
    assert [w.text for w, _ in recount_roman_ones(scored, image)] == [
        "H.", "Thủy", "Nguyên", "1.", "MỤC"]
