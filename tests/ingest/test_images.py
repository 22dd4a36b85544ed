"""Scans delivered as images: JPEG, PNG and multi-page TIFF go through the same OCR."""

from __future__ import annotations

import pytest

from pipeline.evaluation import synth
from pipeline.ingest import IngestError, IngestOptions, read_source

# As OCR orders it (the transcription conventions): both letterhead columns, then number and date.
LETTERHEAD_004 = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Số: 237/KH-UBND", "Hải Phòng, ngày 24 tháng 7 năm 2019"]
TOP = (0, 0, 2481, 1000)  # the letterhead and title of an A4 page at 300 dpi


def test_a_harshly_scanned_jpeg_comes_back_with_code_date_and_headings(plan_004, tmp_path):
    path = tmp_path / "scan.jpg"
    synth.scan(plan_004.images[0], synth.HARSH, seed=4).save(path, quality=90, dpi=(300, 300))
    source = read_source(path)
    page = source.pages[0]
    assert source.format == "image" and page.method == "ocr"
    assert list(page.lines[:6]) == LETTERHEAD_004
    assert "KẾ HOẠCH" in page.lines
    assert "I. MỤC ĐÍCH, YÊU CẦU" in page.lines


def test_every_frame_of_a_tiff_is_a_page_in_order(plan_002, plan_004, tmp_path):
    path = tmp_path / "two.tif"
    first, second = (plan.images[0].crop(TOP).convert("L") for plan in (plan_002, plan_004))
    first.save(path, save_all=True, append_images=[second], dpi=(300, 300))
    source = read_source(path, options=IngestOptions(workers=2))
    assert [p.number for p in source.pages] == [1, 2]
    assert "Số: 227 /KH-UBND" in source.pages[0].lines
    assert "Số: 237/KH-UBND" in source.pages[1].lines


def test_a_low_resolution_png_is_enlarged_before_ocr(plan_004, tmp_path):
    path = tmp_path / "fax.png"
    top = plan_004.images[0].crop(TOP).convert("L")
    top.resize((top.width // 2, top.height // 2)).save(path, dpi=(150, 150))
    assert "Hải Phòng, ngày 24 tháng 7 năm 2019" in read_source(path).pages[0].lines


@pytest.mark.parametrize("name, data, reason", [
    ("text.png", b"Ke hoach so 12", "not a PNG"),
    ("cut.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "not a readable image"),
    ("doc.tiff", b"%PDF-1.4", "not a TIFF"),
])
def test_a_file_that_is_not_the_image_it_claims_is_refused(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason):
        read_source(path)


def test_text_under_a_red_seal_is_read(plan_002, tmp_path):
    path = tmp_path / "sealed.jpg"
    sealed = synth.stamp(plan_002.images[1], centre=(1300, 1500)).crop((0, 1000, 2481, 2000))
    sealed.save(path, quality=85, dpi=(300, 300))
    lines = read_source(path).pages[0].lines
    for covered in ("biệt là dịp kỷ niệm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi",
                    "đua ái quốc (11/6/2025) và 70 năm ngày Giải phóng Hải Phòng",
                    "- Các cơ quan, đơn vị chủ động phát hiện, xây dựng và lựa chọn"):
        assert covered in lines
