"""Whole-document segmentation: metadata of plans written in the style of real ones."""

from dataclasses import replace
from pathlib import Path

from pipeline.models import Page, Source
from pipeline.repair import repair
from pipeline.segment import segment
from tests.conftest import plan_from_text

FULL = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG ANH Độc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND Đông Anh, ngày 14 tháng 02 năm 2025
KẾ HOẠCH
Triển khai công tác chuyển đổi số
trên địa bàn huyện năm 2025
Căn cứ Quyết định số 05/QĐ-UBND ngày 06/01/2025 của UBND thành phố, Ủy ban nhân dân huyện Đông Anh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về chuyển đổi số.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin: chủ trì, theo dõi.
Nơi nhận:
- UBND thành phố;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Vũ Đức Thắng
"""


def test_metadata_of_a_district_plan():
    meta = plan_from_text(FULL).meta
    assert meta.doc_type == "Kế hoạch"
    assert (meta.number, meta.symbol, meta.code) == ("88", "KH-UBND", "88/KH-UBND")
    assert (meta.place, meta.issue_date) == ("Đông Anh", "2025-02-14")
    assert meta.issuer == "Ủy ban nhân dân huyện Đông Anh"
    assert meta.issuer_level == "district"
    assert meta.title == "Triển khai công tác chuyển đổi số trên địa bàn huyện năm 2025"
    assert (meta.signing_authority, meta.signer_title, meta.signer_name) == (
        "KT.", "Phó Chủ tịch", "Vũ Đức Thắng")


def test_roles_of_lines():
    plan = plan_from_text(FULL)
    roles = [b.role for b in plan.blocks]
    assert roles[:3] == ["header", "header", "header"]
    assert roles[3:5] == ["title", "title"]  # the wrapped title line is re-flowed into one
    assert roles[5] == "preamble"
    assert roles[-6:] == ["closing"] * 6


def test_plan_without_header_leaves_header_fields_empty():
    body = FULL.split("KẾ HOẠCH\n", 1)[1]
    meta = plan_from_text("KẾ HOẠCH\n" + body).meta
    assert (meta.code, meta.issue_date, meta.place) == ("", "", "")
    assert meta.issuer == "Ủy ban nhân dân huyện Đông Anh"


def test_a_preamble_opening_with_the_issuer_is_not_title():
    text = FULL.replace("Căn cứ Quyết định số 05/QĐ-UBND ngày 06/01/2025 của UBND thành phố, Ủy ban", "Ủy ban")
    plan = plan_from_text(text)
    assert plan.meta.title == "Triển khai công tác chuyển đổi số trên địa bàn huyện năm 2025"
    assert [b.role for b in plan.blocks][5] == "preamble"


def test_a_plan_issued_with_a_decision_records_its_code():
    text = FULL.replace("trên địa bàn huyện năm 2025\n",
                        "trên địa bàn huyện năm 2025\n(Ban hành kèm theo Quyết định số 215/QĐ-UBND "
                        "ngày 14/02/2025 của Ủy ban nhân dân huyện)\n")
    assert plan_from_text(text).meta.attached_code == "215/QĐ-UBND"
    assert plan_from_text(FULL).meta.attached_code == ""


def test_an_invitation_is_a_document_type_and_kinh_gui_is_no_title():
    plan = plan_from_text("HỘI ĐỒNG NHÂN DÂN\nHUYỆN TUẦN GIÁO\nSố: 06/GM-HĐND\n"
                          "Tuần Giáo, ngày 12 tháng 11 năm 2020\nGIẤY MỜI\nKính gửi: Các đại biểu\n"
                          "1. Thành phần: Thường trực HĐND huyện.")
    assert (plan.meta.doc_type, plan.meta.title, plan.meta.place) == ("Giấy mời", "", "Tuần Giáo")


def _meta_of(doc_id: str, text: str, method: str):
    lines = tuple(text.splitlines())
    scanned = method == "ocr"
    page = Page(1, lines, method, 80.0 if scanned else None,
                line_confidences=(80.0,) * len(lines) if scanned else ())
    return segment(repair(Source(doc_id, Path(f"{doc_id}.pdf"), "pdf", (page,)))).meta


HANDWRITTEN_NUMBER = FULL.replace("Số: 88/KH-UBND", "Số: #£ /KH-UBND")


def test_a_scans_unreadable_number_comes_from_the_file_name():
    meta = _meta_of("88_KH_chuyen_doi_so", HANDWRITTEN_NUMBER, "ocr")
    assert (meta.number, meta.symbol, meta.code) == ("88", "KH-UBND", "88/KH-UBND")


def test_a_typed_number_left_blank_stays_blank_whatever_the_file_name():
    meta = _meta_of("88_KH_chuyen_doi_so", FULL.replace("Số: 88/KH-UBND", "Số:     /KH-UBND"),
                    "text")
    assert (meta.number, meta.code) == ("", "/KH-UBND")


def test_a_scan_read_with_its_number_keeps_it_over_the_file_name():
    meta = _meta_of("12_KH_chuyen_doi_so", FULL, "ocr")
    assert meta.code == "88/KH-UBND"


def test_a_day_lost_on_a_scan_is_the_day_its_electronic_signature_was_stamped():
    text = FULL.replace("ngày 14 tháng 02", "ngày/4} tháng 02")
    page = Page(1, tuple(text.splitlines()), "ocr", 80.0)
    source = Source("kh", Path("kh.pdf"), "pdf", (page,))
    assert segment(repair(source)).meta.issue_date == ""
    signed = replace(source, signed_on=("2025-02-17",))
    assert segment(repair(signed)).meta.issue_date == "2025-02-17"
    stamped_later = replace(source, signed_on=("2025-03-02",))  # another month: not this day
    assert segment(repair(stamped_later)).meta.issue_date == ""
