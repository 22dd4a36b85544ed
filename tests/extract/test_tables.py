"""Task tables read by column: lead and partner bodies, and time cells without trigger words."""

from __future__ import annotations

from pipeline.extract.deadlines import find_deadlines
from pipeline.extract.responsibilities import find_responsibilities

LINES = ("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "Số: 210/KH-UBND", "Tuyên Quang, ngày 18 tháng 12 năm 2025",
         "KẾ HOẠCH", "Chuyển đổi số năm 2026",
         "Thực hiện Nghị quyết số 12-NQ/TU ngày 02/3/2025 của Tỉnh ủy, UBND tỉnh ban hành Kế hoạch:",
         "I. TỔ CHỨC THỰC HIỆN", "Các sở, ngành thực hiện theo Phụ lục kèm theo.",
         "Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Quốc Thành",
         "PHỤ LỤC: DANH MỤC NHIỆM VỤ",
         "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
         "|---|---|---|---|---|",
         "| I | Phát triển hạ tầng số | | | |",
         "| 1 | Nâng cấp Trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | Công an tỉnh; Viettel Tuyên Quang | Quý II/2026 |",
         "| 2 | Đánh giá mức độ chuyển đổi số | Văn phòng UBND tỉnh | | Hằng năm |",
         "| 3 | Phủ sóng di động đến các thôn | Sở Khoa học và Công nghệ | | 2026-2027 |")


def test_table_columns_give_lead_and_coordinate_rows_even_in_an_annex(make_plan):
    rows = {(r.body, r.role) for r in find_responsibilities(make_plan(*LINES))}
    assert {("Sở Khoa học và Công nghệ", "lead"), ("Công an tỉnh", "coordinate"),
            ("Viettel Tuyên Quang", "coordinate"), ("Văn phòng UBND tỉnh", "lead")} <= rows
    assert not any(body.startswith(("|", "Phát triển")) for body, _ in rows)


def test_time_cells_are_bounds_without_a_trigger_word(make_plan):
    found = [(d.date, d.period, d.kind, d.responsible, d.task) for d in find_deadlines(make_plan(*LINES))]
    assert found == [
        ("2026-06-30", "2026-Q2", "within", "Sở Khoa học và Công nghệ", "nâng cấp Trung tâm dữ liệu tỉnh"),
        ("", "yearly", "periodic", "Văn phòng UBND tỉnh", "đánh giá mức độ chuyển đổi số"),
        ("2027-12-31", "2027", "until", "Sở Khoa học và Công nghệ", "phủ sóng di động đến các thôn"),
    ]


def test_a_table_without_a_header_row_gives_no_bodies(make_plan):
    """A procedure's table starts with data ("| 2 | Thành phần hồ sơ thực hiện TTHC | ..."):
    the words "thực hiện" inside it title no column, and its steps name no body in charge."""
    lines = LINES[:14] + (
        "| 2 | Thành phần hồ sơ thực hiện TTHC | Bản chính | Bản sao |",
        "| 1 | Tờ trình của Hội đồng cơ sở gửi Hội đồng cấp Bộ | X | |",
        "| 3 | Tiếp nhận hồ sơ, kiểm tra thành phần hồ sơ | Bộ phận một cửa | 01 ngày |")
    rows = {(r.body, r.role) for r in find_responsibilities(make_plan(*lines))}
    assert not any(body.startswith(("Tờ trình", "Tiếp nhận", "Bản chính")) for body, _ in rows)
