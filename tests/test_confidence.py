"""The OCR confidence of a line joined from several: the mean of theirs weighted by characters."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from pipeline.confidence import mean_confidence
from pipeline.ingest.layout import Word, laid_lines
from pipeline.models import Page, Source, Text
from pipeline.repair import repair
from pipeline.repair.lines import RawLine
from pipeline.repair.reflow import reflow_lines
from pipeline.segment import segment


def test_mean_over_joined_lines_is_weighted_by_characters_not_spaces():
    parts = [RawLine("abcd efgh", 1, 90.0), RawLine(" ijkl ", 1, 60.0)]  # 8 and 4 characters
    assert mean_confidence(parts) == pytest.approx((90 * 8 + 60 * 4) / 12)


def test_lines_not_read_by_ocr_count_for_nothing():
    assert mean_confidence([RawLine("text layer", 1), RawLine("ocr", 2, 70.0)]) == 70.0
    assert mean_confidence([RawLine("text layer", 1), RawLine("plain", 1)]) is None
    assert mean_confidence([]) is None
    assert mean_confidence([RawLine("   ", 1, 50.0)]) is None  # no character to weigh


def test_a_single_line_keeps_its_confidence_exactly():
    assert mean_confidence([RawLine("Số: 227/KH-UBND", 1, 93.37)]) == 93.37


def test_reflow_joins_wrapped_ocr_lines_with_their_mean_and_leaves_the_others_alone():
    lines = [
        RawLine("I. MỤC ĐÍCH", 1, 91.0),
        RawLine("Kịp thời biểu dương gương điển hình", 1, 80.0),  # 29 characters
        RawLine("tiên tiến.", 2, 50.0),  # 9 characters, wrapped onto page 2
        RawLine("II. TỔ CHỨC THỰC HIỆN", 2, 95.5),
    ]
    flowed = reflow_lines(lines)
    assert [(ln.text, ln.page) for ln in flowed] == [
        ("I. MỤC ĐÍCH", 1), ("Kịp thời biểu dương gương điển hình tiên tiến.", 1),
        ("II. TỔ CHỨC THỰC HIỆN", 2)]
    assert [ln.confidence for ln in flowed] == [
        91.0, pytest.approx((80 * 29 + 50 * 9) / 38), 95.5]


def test_reflow_of_text_without_ocr_has_no_confidence():
    flowed = reflow_lines([RawLine("Kịp thời biểu dương gương", 1), RawLine("điển hình.", 1)])
    assert [(ln.text, ln.confidence) for ln in flowed] == [("Kịp thời biểu dương gương điển hình.", None)]


def test_repair_carries_each_ocr_line_confidence_to_the_text_and_leaves_other_pages_without():
    slip = "Kế hoạch tố chức phong trào thí đua yêu nước"
    pages = (Page(1, ("I. MỤC ĐÍCH", slip, "trên địa bàn huyện."), "ocr", 85.0,
                  line_confidences=(97.0, 88.0, 64.0)),
             Page(2, ("II. TỔ CHỨC THỰC HIỆN",), "text"))
    text = repair(Source("x", Path("x.pdf"), "pdf", pages))
    assert [ln.text for ln in text.lines] == [
        "I. MỤC ĐÍCH", "Kế hoạch tổ chức phong trào thi đua yêu nước trên địa bàn huyện.",
        "II. TỔ CHỨC THỰC HIỆN"]
    slip_chars, tail_chars = len(slip.replace(" ", "")), len("trênđịabànhuyện.")
    assert [ln.confidence for ln in text.lines] == [
        97.0, pytest.approx((88 * slip_chars + 64 * tail_chars) / (slip_chars + tail_chars)), None]


def test_a_line_laid_out_from_ocr_words_has_the_mean_of_its_words():
    words = [Word("Số:", 0, 0, 30, 20, 90.0), Word("227/KH-UBND", 40, 0, 150, 20, 70.0),
             Word("", 160, 0, 170, 20, 5.0),  # junk OCR dropped: it only held its place
             Word("Kế", 0, 40, 20, 60, 96.0), Word("hoạch", 30, 40, 80, 60, 94.0)]
    lines = laid_lines(words)
    assert [(ln.text, ln.confidence) for ln in lines] == [("Số: 227/KH-UBND", 80.0),
                                                          ("Kế hoạch", 95.0)]
    text_layer = [Word("Kế", 0, 40, 20, 60), Word("hoạch", 30, 40, 80, 60)]
    assert [ln.confidence for ln in laid_lines(text_layer)] == [None]


# A scanned plan's lines as OCR lays them out, each with a confidence of its own.
SCANNED = [
    ("ỦY BAN NHÂN DÂN", 91.0),
    ("HUYỆN ĐÔNG ANH", 89.0),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 95.0),
    ("Độc lập - Tự do - Hạnh phúc", 94.0),
    ("Số: 88/KH-UBND", 62.5),
    ("Đông Anh, ngày 14 tháng 02 năm 2025", 71.0),
    ("KẾ HOẠCH", 97.0),
    ("Triển khai công tác chuyển đổi số", 80.0),
    ("Căn cứ Quyết định số 05/QĐ-UBND ngày 06/01/2025 của UBND thành phố, "
     "Ủy ban nhân dân huyện Đông Anh ban hành Kế hoạch như sau:", 93.0),
    ("I. MỤC ĐÍCH, YÊU CẦU", 96.0),
    ("1. Nâng cao nhận thức về chuyển đổi số.", 90.0),
    ("Nơi nhận:", 92.0),
    ("- Lưu: VT.", 88.0),
    ("KT. CHỦ TỊCH", 95.0),
    ("PHÓ CHỦ TỊCH", 94.0),
    ("Vũ Đức Thắng", 55.0),
]


def _plan(rows: list[tuple[str, float | None]]):
    return segment(Text.from_strings("scan", [(t, 1) for t, _ in rows], (), [c for _, c in rows]))


def test_each_header_field_takes_the_confidence_of_the_lines_it_was_read_from():
    meta = _plan(SCANNED).meta
    assert (meta.code, meta.issue_date, meta.place) == ("88/KH-UBND", "2025-02-14", "Đông Anh")
    assert meta.issuer == "Ủy ban nhân dân huyện Đông Anh"  # from the preamble's sentence
    assert meta.title == "Triển khai công tác chuyển đổi số"
    assert meta.signer_name == "Vũ Đức Thắng"
    assert (meta.code_confidence, meta.issue_date_confidence, meta.place_confidence,
            meta.issuer_confidence, meta.title_confidence, meta.signer_name_confidence) == (
        62.5, 71.0, 71.0, 93.0, 80.0, 55.0)


def test_a_code_whose_number_label_stands_alone_takes_both_lines():
    rows = [*SCANNED[:4], ("Số:", 40.0), ("88/KH-UBND", 80.0), *SCANNED[5:]]
    meta = _plan(rows).meta
    assert meta.code == "88/KH-UBND"
    assert meta.code_confidence == round((40 * 3 + 80 * 10) / 13, 1)


def test_an_issuer_read_from_the_letterhead_takes_its_agency_lines():
    rows = [(t, c) for t, c in SCANNED if not t.startswith("Căn cứ")]
    meta = _plan(rows).meta
    assert meta.issuer == "Ủy ban nhân dân huyện Đông Anh"
    assert meta.issuer_confidence == round((91 * 12 + 89 * 12) / 24, 1)


def test_empty_fields_and_text_not_read_by_ocr_have_no_confidence():
    meta = _plan([(t, c) for t, c in SCANNED if t != "Vũ Đức Thắng"]).meta
    assert meta.signer_name == "" and meta.signer_name_confidence is None
    assert meta.code_confidence == 62.5
    typed = _plan([(t, None) for t, _ in SCANNED]).meta
    assert typed.code == "88/KH-UBND"
    assert [getattr(typed, f.name) for f in fields(typed) if f.name.endswith("_confidence")] == [None] * 6
