"""OCR of a page image: orientation, blank pages, stray specks."""

from __future__ import annotations

from PIL import Image

from pipeline.ingest import IngestOptions
from pipeline.ingest.layout import Word
from pipeline.ingest.ocr import (
    PageJob,
    ocr_image,
    ocr_job,
    page_dpi,
    without_junk,
    without_specks,
)

TOP = (0, 0, 2481, 1400)  # letterhead, title and first lines of an A4 page at 300 dpi


def test_a_page_scanned_sideways_is_turned_upright_and_read(plan_004):
    sideways = plan_004.images[0].crop(TOP).rotate(90, expand=True)
    lines, confidence = ocr_image(sideways, IngestOptions())
    assert lines[:5] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         "Số: 237/KH-UBND"]
    assert confidence > 80


def test_a_blank_page_gives_no_lines_and_no_confidence(tmp_path):
    path = tmp_path / "blank.png"
    Image.new("L", (1240, 1754), 255).save(path, dpi=(150, 150))
    page = ocr_job(PageJob(path, 0, 3, "image"), IngestOptions())
    assert (page.number, page.lines, page.method, page.confidence) == (3, (), "ocr", None)


def test_specks_read_as_punctuation_are_dropped_but_a_real_dash_is_kept():
    def word(text, x0, x1, top=0.0, bottom=50.0):
        return Word(text, x0, top, x1, bottom)

    words = [(word("kinh", 0, 80), 95.0), (word("tế", 90, 130), 95.0),
             (word("-", 145, 162, 20, 27), 93.0),  # a dash: a third of a line wide
             (word("xã", 175, 215), 95.0),
             (word("_", 300, 302, 40, 42), 69.0),  # a speck: dot-sized
             (word(";", 400, 410, 10, 31), 26.0)]  # unsure of itself
    assert [w.text for w, _ in without_specks(words)] == ["kinh", "tế", "-", "xã"]


def test_image_resolution_is_taken_from_metadata_only_when_it_gives_a_paper_sized_page():
    assert page_dpi((1240, 500), stored=150) == 150  # a strip cut from a 150 dpi scan
    assert page_dpi((4000, 3000), stored=72) == 0  # a phone photo: "55 inches" wide
    assert round(page_dpi((1240, 1754), stored=0)) == 150  # an A4 scan without metadata
    assert page_dpi((800, 600), stored=0) == 0  # unknown: left as it is


def test_what_a_seal_or_a_handwritten_fill_in_is_read_as_keeps_its_place_but_no_text():
    def word(text, x0, conf, height=50.0):
        return (Word(text, x0, 0, x0 + 20 * len(text), height), conf)

    words = [word("Số:", 0, 90), word("GŠÁ", 80, 42), word("/SLĐTBXH", 160, 30),
             word("tháng4}", 400, 9), word("',Áz¿'", 600, 0), word("tuyễn:", 800, 45),
             word("s", 900, 80, height=10)]
    kept = without_junk(words, IngestOptions().ocr)
    assert [w.text for w, _ in kept] == ["Số:", "", "/SLĐTBXH", "tháng", "", "tuyễn:", ""]
    assert [w.x0 for w, _ in kept] == [w.x0 for w, _ in words]
