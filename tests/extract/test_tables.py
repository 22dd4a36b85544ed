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


DECISION = ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 1250/QĐ-UBND", "Bắc Ninh, ngày 20 tháng 11 năm 2025",
            "QUYẾT ĐỊNH", "Phê duyệt Đề án chuyển đổi số trong quản lý hạ tầng",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", "QUYẾT ĐỊNH:",
            "Điều 1. Phê duyệt Đề án chuyển đổi số trong quản lý hạ tầng, với các nhiệm vụ tại Phụ lục kèm theo.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Nơi nhận:", "- Như Điều 2;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình",
            "PHỤ LỤC", "DANH MỤC NHIỆM VỤ",
            "(Kèm theo Quyết định số 1250/QĐ-UBND ngày 20 tháng 11 năm 2025 của Chủ tịch UBND tỉnh)",
            "| STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian triển khai |",
            "| I | CƠ CHẾ, CHÍNH SÁCH | | | |",
            "| 1 | Gán mã định danh cho công trình hạ tầng | Sở Xây dựng | Sở Khoa học và Công nghệ | 2026 |",
            "| 2 | Xây dựng hệ thống điều hành tập trung | Sở Xây dựng | Các sở, ngành liên quan | 2026-2028 |")


def test_an_annex_that_is_one_task_table_is_read_and_a_bare_year_is_the_tasks_year(make_plan):
    found = [(d.date, d.period, d.kind, d.responsible, d.task) for d in find_deadlines(make_plan(*DECISION))]
    assert found == [
        ("2026-12-31", "2026", "within", "Sở Xây dựng", "gán mã định danh cho công trình hạ tầng"),
        ("2028-12-31", "2028", "until", "Sở Xây dựng", "xây dựng hệ thống điều hành tập trung"),
    ]
    rows = {(r.body, r.role) for r in find_responsibilities(make_plan(*DECISION))}
    assert {("Sở Xây dựng", "lead"), ("Sở Khoa học và Công nghệ", "coordinate")} <= rows


def test_a_table_of_units_or_measures_assigns_nothing(make_plan):
    """A list of schools and their fees, or amounts with their unit of measure, has a column
    whose title holds "đơn vị" but no task and no time: no body leads anything there."""
    fees = LINES[:14] + ("| STT | Tên đơn vị | Mức học phí năm học 2025-2026 |",
                         "| 1 | Trường Trung học cơ sở Nguyễn Du | 300.000 |")
    units = LINES[:14] + ("| STT | Nội dung | Đơn vị tính | Mức chi |",
                          "| 1 | Chi hội nghị | đồng/người | 200.000 |")
    for lines in (fees, units):
        assert not [r for r in find_responsibilities(make_plan(*lines)) if r.role == "lead"]


def test_a_lead_cell_holding_a_step_a_number_or_a_duration_names_no_body(make_plan):
    lines = LINES[:14] + ("| TT | Nội dung công việc | Đơn vị thực hiện | Thời gian |",
                          "| 1 | Tiếp nhận hồ sơ | Bước 2 | 01 ngày |",
                          "| 2 | Thẩm định hồ sơ | 03 ngày làm việc | |",
                          "| 3 | Trình phê duyệt | Sở Y tế | 02 ngày |")
    leads = {r.body for r in find_responsibilities(make_plan(*lines)) if r.role == "lead"}
    assert "Sở Y tế" in leads and not leads & {"Bước 2", "03 ngày làm việc"}


def test_a_column_titled_as_leading_is_a_task_table_by_itself(make_plan):
    lines = LINES[:14] + ("| TT | Chỉ tiêu | Chủ trì |",
                          "| 1 | Tỷ lệ dân số có tài khoản ngân hàng đạt 95% | Ngân hàng nhà nước khu vực XII |")
    rows = {(r.body, r.role) for r in find_responsibilities(make_plan(*lines))}
    assert ("Ngân hàng nhà nước khu vực XII", "lead") in rows
