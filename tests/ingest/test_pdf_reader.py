"""PDFs: the text layer where it is good, OCR where it is garbage or missing, per page."""

from __future__ import annotations

import subprocess

import pytest

from pipeline.evaluation import synth
from pipeline.evaluation.eval_ocr import conventional_order
from pipeline.ingest import IngestError, IngestOptions, read_source
from pipeline.ingest.pdf_reader import signing_days, text_layers
from tests.conftest import ROOT

LETTERHEAD_002 = ["ỦY BAN NHÂN DÂN", "HUYỆN THỦY NGUYÊN", "Số: 227 /KH-UBND",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Thủy Nguyên, ngày 31 tháng 10 năm 2024"]


def test_a_good_text_layer_is_read_as_it_is_with_the_letterhead_columns_apart(plan_002):
    source = read_source(plan_002.pdf)
    assert [p.method for p in source.pages] == ["text", "text"]
    assert [list(p.lines) for p in source.pages] == plan_002.pages
    assert list(source.pages[0].lines[:6]) == LETTERHEAD_002
    assert all(p.confidence is None and p.seconds > 0 for p in source.pages)


@pytest.fixture(scope="module")
def broken_layer(plan_002, tmp_path_factory):
    """Page 1 looks right but its text layer is a broken font map's garbage."""
    path = tmp_path_factory.mktemp("broken") / "broken.pdf"
    return synth.write_broken_layer_pdf(plan_002.images[:1], plan_002.pages[:1], path)


def test_a_garbage_text_layer_is_detected_and_the_page_read_by_ocr(broken_layer):
    page = read_source(broken_layer).pages[0]
    assert page.method == "ocr"
    assert list(page.lines[:6]) == list(conventional_order(LETTERHEAD_002))  # OCR's order
    assert "I. MỤC ĐÍCH, YÊU CẦU" in page.lines
    assert 80 < page.confidence <= 100 and page.seconds > 0


def test_a_scanned_page_among_typed_pages_goes_to_ocr_alone(plan_002, tmp_path):
    scan = synth.images_to_pdf([synth.scan(plan_002.images[1], synth.MILD, seed=2)],
                               tmp_path / "scan.pdf")
    mixed = tmp_path / "mixed.pdf"
    subprocess.run(["qpdf", "--empty", "--pages", str(plan_002.pdf), "1", str(scan), "--",
                    str(mixed)], check=True)
    source = read_source(mixed, options=IngestOptions(workers=1))
    assert [p.method for p in source.pages] == ["text", "ocr"]
    assert [p.number for p in source.pages] == [1, 2]
    assert "II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN" in source.pages[1].lines


def test_an_encrypted_pdf_is_refused_with_the_reason(plan_002, tmp_path):
    locked = tmp_path / "locked.pdf"
    subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--",
                    str(plan_002.pdf), str(locked)], check=True)
    with pytest.raises(IngestError, match="encrypted"):
        read_source(locked)


def test_a_corrupt_pdf_is_refused(plan_002, tmp_path):
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(IngestError, match="not a readable PDF"):
        read_source(corrupt)


def test_a_binary_renamed_pdf_is_refused(tmp_path):
    fake = tmp_path / "photo.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(IngestError, match="not a PDF"):
        read_source(fake)


def test_glyphs_a_font_maps_to_no_letter_become_one_space_each(plan_002, tmp_path):
    """Seed 001's damage made real: h and y print but have no character in the text layer.
    pdfminer writes "(cid:36)"; the reader leaves one space, which repair fills back in."""
    from pipeline.evaluation.corrupt import lose_glyphs
    from pipeline.repair import repair

    damaged = synth.unmap_glyphs(plan_002.pdf, "hy", tmp_path / "unmapped.pdf")
    source = read_source(damaged)
    assert [p.method for p in source.pages] == ["text", "text"]
    assert [list(p.lines) for p in source.pages] == [
        lose_glyphs("\n".join(page), "hy", 1.0).split("\n") for page in plan_002.pages]
    assert "Thủy Nguyên, ngày 31 tháng 10 năm 2024" in repair(source).string


SITES = ROOT.parent / "shared" / "corpus" / "sites"
SIGNED_PERMIT = SITES / "tnmt__gp_btnmt_nm_2019_1069_gp-btnmt.pdf"  # number and day drawn by widgets
STAMPED_NOTICE = SITES / "stc__251TB_Lich_tiep_Cong_dan_Thang_7.pdf"  # "Người ký: ..." stamps


@pytest.mark.skipif(not SIGNED_PERMIT.is_file(), reason="the shared corpus is not beside the repository")
def test_a_number_and_a_date_drawn_by_signature_widgets_are_read_in_their_blanks():
    lines = read_source(SIGNED_PERMIT).pages[0].lines
    assert "Số: 1069 /GP-BTNMT" in lines
    assert "Hà Nội, ngày 02 tháng 5 năm 2019" in lines


@pytest.mark.skipif(not STAMPED_NOTICE.is_file(), reason="the shared corpus is not beside the repository")
def test_a_signature_stamp_of_several_lines_is_not_read_into_the_text():
    text = "\n".join(read_source(STAMPED_NOTICE).pages[0].lines)
    assert "Người ký" not in text and "Thời gian ký" not in text
    assert "Số: 251/TB-STC" in text.replace(" /", "/")


SIGNED_SCAN = SITES / "thanhtra__bc_317_1signed_20190618050516647640_000.00.00.H16.pdf"


@pytest.mark.skipif(not SIGNED_SCAN.is_file(), reason="the shared corpus is not beside the repository")
def test_the_day_a_scan_was_signed_is_read_from_its_signature_stamp():
    layers = text_layers(SIGNED_SCAN)
    assert signing_days(stamp for layer in layers for stamp in layer.stamps) == ("2019-06-18",)


def test_a_stamp_without_a_clock_time_and_zone_gives_no_day():
    assert signing_days(["Ngày ký: 18.06.2019", "18.06.2019 16:52:00"]) == ()
    assert signing_days(["18.06.2019 16:52:00 +07:00", "18/06/2019 16:52 +0700"]) == ("2019-06-18",)
