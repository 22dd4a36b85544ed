"""Deadlines as real plans write them: years in brackets after a task, lists of months,
merged table cells, the closing summary's rhythm, counting dates that bound nothing."""

from __future__ import annotations

from pipeline.extract.deadlines import find_deadlines

HEAD = ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "Số: 235/KH-UBND", "Thanh Hóa, ngày 18 tháng 11 năm 2025",
        "KẾ HOẠCH", "QUAN TRẮC MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN NĂM 2026",
        "Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân "
        "tỉnh ban hành Kế hoạch như sau:")


def _rows(make_plan, *lines):
    return [(d.date, d.period, d.kind, d.raw) for d in find_deadlines(make_plan(*HEAD, *lines))]


def test_a_title_in_capitals_gives_the_year_of_dates_written_without_one(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG", "- Lấy mẫu nước từ tháng 3 đến tháng 10.") == [
        ("2026-10-31", "2026-10", "until", "từ tháng 3 đến tháng 10")]


def test_years_in_brackets_closing_a_listed_task_bound_it(make_plan):
    assert _rows(make_plan, "I. NHIỆM VỤ",
                 "1. Hoàn thiện phần mềm quản lý dữ liệu, tiến tới thí điểm (2025 - 2026).",
                 "2. Kết nối dữ liệu với Trung tâm dữ liệu quốc gia (2026 trở đi).",
                 "3. Đào tạo nhân lực (xuyên suốt 2025 - 2035).",
                 "4. Tổ chức Hội nghị điển hình tiên tiến lần thứ I (2025-2030).",
                 "5. Báo cáo tổng kết công tác khen thưởng 05 năm (2020-2025).",
                 "Kinh phí thực hiện theo Chương trình mục tiêu quốc gia (2021 - 2025).") == [
        ("2026-12-31", "2026", "until", "2025 - 2026"),
        ("2026-12-31", "2026", "within", "2026 trở đi"),
        ("2035-12-31", "2035", "until", "2025 - 2035")]


def test_time_labels_and_from_now_on(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu cụ thể", "- Đến năm 2030, 100% hộ nuôi được tập huấn.",
                 "2. Thời gian: từ nay đến năm 2030.", "II. NHIỆM VỤ", "1. Bãi bỏ thủ tục cấp phép",
                 "Lộ trình thực hiện: Năm 2025 - 2026.") == [
        ("2030-12-31", "2030", "until", "từ nay đến năm 2030"),
        ("2026-12-31", "2026", "until", "Năm 2025 - 2026")]


def test_rhythms_of_reports_plans_and_budgets(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN", "1. Sở Nông nghiệp và Môi trường",
                 "- Tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch quan trắc môi trường nuôi trồng "
                 "thủy sản trên địa bàn tỉnh hàng năm.",
                 "- Báo cáo tình hình dịch bệnh 02 lần/ngày (trước 9h00 và 16h00).",
                 "- Tiếp công dân định kỳ 02 ngày trong tháng.",
                 "2. Nguồn ngân sách: Hàng năm, các xã xây dựng dự toán kinh phí gửi Sở Tài chính.",
                 "Trên đây là Kế hoạch quan trắc năm 2026. Định kỳ hằng năm (trước ngày 30 tháng 11), "
                 "các đơn vị báo cáo kết quả về Sở Nông nghiệp và Môi trường.",
                 "Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Xuân Liêm") == [
        ("", "yearly", "periodic", "hàng năm"),
        ("", "daily", "periodic", "02 lần/ngày"),
        ("", "monthly", "periodic", "định kỳ 02 ngày trong tháng"),
        ("", "yearly", "periodic", "Hàng năm"),
        ("", "yearly", "periodic", "Định kỳ hằng năm (trước ngày 30 tháng 11)")]


def test_a_date_a_figure_is_counted_at_bounds_nothing_but_a_span_of_clock_times_does(make_plan):
    assert _rows(make_plan, "I. TÌNH HÌNH", "Tính đến hết ngày 31/10/2025, giải ngân vốn đạt 72,4% kế hoạch.",
                 "II. NỘI DUNG", "- Tạm dừng hệ thống từ 18h00 tối Thứ Bảy ngày 22/11/2025 đến 03h00 "
                 "sáng Chủ Nhật ngày 23/11/2025.") == [
        ("2025-11-23", "", "until",
         "từ 18h00 tối Thứ Bảy ngày 22/11/2025 đến 03h00 sáng Chủ Nhật ngày 23/11/2025")]


def test_a_table_row_merged_with_the_one_above_keeps_its_time(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN", "Các sở thực hiện theo Phụ lục.",
                 "PHỤ LỤC",
                 "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
                 "| I | Xây dựng hạ tầng |",
                 "| 1 | Xây dựng trung tâm dữ liệu | Sở Tài chính | Công an tỉnh | Quý IV/2026 |",
                 "| Xây dựng hạ tầng dự phòng | Trung tâm Chuyển đổi số | |",
                 "| II. ĐÀO TẠO |", "| B | PHÁT TRIỂN XÃ HỘI SỐ |",
                 "| Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |", "PHỤ LỤC II",
                 "| TT | Đối tượng | Thông số | Tần suất | Thời gian quan trắc | Số mẫu |",
                 "| 1 | Nguồn nước cấp | Độ mặn, pH | 02 lần/tháng | 08 tháng (từ tháng 3 đến tháng 10) | 15 |",
                 "| Kim loại nặng | 02 lần/năm | 02 tháng (tháng 4 và tháng 8) | 15 |") == [
        ("2026-12-31", "2026-Q4", "within", "Quý IV/2026"),
        ("2026-12-31", "2026-Q4", "within", "Quý IV/2026"),
        ("2026-10-31", "2026-10", "until", "08 tháng (từ tháng 3 đến tháng 10)"),
        ("2026-04-30", "2026-04", "within", "02 tháng (tháng 4 và tháng 8)"),
        ("2026-08-31", "2026-08", "within", "02 tháng (tháng 4 và tháng 8)")]


def test_a_title_s_horizon_or_cited_date_is_not_the_year_it_plans_for(make_plan):
    plan = make_plan("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Số: 12/KH-UBND", "Đồng Tháp, ngày 19 tháng 11 năm 2025",
                     "KẾ HOẠCH", "THỰC HIỆN LỘ TRÌNH ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2035",
                     "I. TỔ CHỨC THỰC HIỆN", "- Các sở báo cáo kết quả trước ngày 20/11.")
    assert [(d.date, d.kind) for d in find_deadlines(plan)] == [("2025-11-20", "by")]


def test_listed_days_working_days_and_a_last_day_after_its_task(make_plan):
    assert _rows(make_plan, "I. LỊCH TIẾP CÔNG DÂN",
                 "- Giám đốc Sở tiếp công dân vào các ngày: 02/5/2026 và ngày 16/5/2026.",
                 "- Chánh Thanh tra Sở tiếp công dân vào các ngày làm việc trong tuần.",
                 "- Thời gian chậm nhất gửi báo cáo về Ban Thường trực ngày 23/3/2026.") == [
        ("2026-05-02", "", "within", "vào các ngày: 02/5/2026"),
        ("2026-05-16", "", "within", "ngày 16/5/2026"),
        ("", "daily", "periodic", "vào các ngày làm việc trong tuần"),
        ("2026-03-23", "", "by", "chậm nhất gửi báo cáo về Ban Thường trực ngày 23/3/2026")]


def test_an_item_s_lead_named_after_its_time_line_is_responsible(make_plan):
    plan = make_plan(*HEAD, "I. NỘI DUNG", "1. Hội nghị hiệp thương lần thứ nhất",
                     "1.1. Nội dung: Hiệp thương về cơ cấu người ứng cử.",
                     "- Thời gian: Dự kiến ngày 05/12/2025.", "- Thành phần: Ban Thường trực.",
                     "- Đơn vị chủ trì: Ban Công tác mặt trận thôn.")
    assert [(d.date, d.responsible) for d in find_deadlines(plan)] == [
        ("2025-12-05", "Ban Công tác mặt trận thôn")]
