"""Deadlines: bounds with their trigger words, implied years, and dates that are not deadlines."""

from __future__ import annotations

from pipeline.extract.deadlines import find_deadlines

HEAD = ("ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC", "Số: 88/KH-UBND", "Krông Pắc, ngày 20 tháng 01 năm 2026",
        "KẾ HOẠCH", "Tổ chức Lễ hội Cà phê huyện năm 2026",
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh về văn hóa,")


def _rows(make_plan, *lines):
    return [(d.date, d.period, d.kind, d.raw, d.responsible)
            for d in find_deadlines(make_plan(*HEAD, *lines))]


def test_day_bounds_and_a_date_without_its_year(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN", "1. Phòng Văn hóa và Thông tin",
                 "- Xây dựng kịch bản chương trình, hoàn thành trước ngày 15/02/2026.",
                 "- Tổng hợp kết quả, báo cáo UBND huyện chậm nhất ngày 10/3.") == [
        ("2026-02-15", "", "by", "hoàn thành trước ngày 15/02/2026", "Phòng Văn hóa và Thông tin"),
        ("2026-03-10", "", "by", "chậm nhất ngày 10/3", "Phòng Văn hóa và Thông tin")]


def test_quarter_month_year_and_periodic_bounds(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG",
                 "- Các xã tổ chức hội thi trong Quý II năm 2026.",
                 "- Lắp đặt cổng chào vào cuối tháng 3.",
                 "- Thời gian thực hiện: từ ngày ban hành đến hết năm 2026.",
                 "- Phòng Nội vụ định kỳ 6 tháng báo cáo UBND huyện.",
                 "- Văn phòng HĐND và UBND huyện tổng hợp, báo cáo hằng tháng.") == [
        ("2026-06-30", "2026-Q2", "within", "trong Quý II năm 2026", "Các xã"),
        ("2026-03-31", "2026-03", "within", "vào cuối tháng 3", ""),
        ("2026-12-31", "2026", "until", "từ ngày ban hành đến hết năm 2026", ""),
        ("", "half-yearly", "periodic", "định kỳ 6 tháng", "Phòng Nội vụ"),
        ("", "monthly", "periodic", "hằng tháng", "Văn phòng HĐND và UBND huyện")]


def test_timeframe_task_and_span(make_plan):
    plan = make_plan(*HEAD, "II. THỜI GIAN THỰC HIỆN", "Thời gian: Từ khi ban hành Kế hoạch đến hết năm 2026.")
    (row,) = find_deadlines(plan)
    assert row.task == "thực hiện Kế hoạch"
    assert plan.text.string[row.span.start:row.span.end] == "Từ khi ban hành Kế hoạch đến hết năm 2026"


def test_dates_that_are_not_obligations(make_plan):
    assert _rows(make_plan, "I. MỤC ĐÍCH",
                 "- Chào mừng kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025) trong giai đoạn "
                 "2021-2025; lễ hội diễn ra ngày 10/3/2026 tại sân vận động.",
                 "- Cân đối kinh phí được giao hàng năm; tổ chức sinh hoạt định kỳ tại cơ sở.") == []


def test_an_items_time_line_is_a_bound_of_its_task_led_by_its_lead(make_plan):
    # Real plans close each task with labelled lines; the time needs no trigger word.
    plan = make_plan(*HEAD, "II. NỘI DUNG", "1. Hoàn thiện thể chế",
                     "- Ra mắt AI pháp luật hỗ trợ cho cán bộ, công chức.",
                     "Đơn vị chủ trì tham mưu thực hiện: Sở Khoa học và Công nghệ.",
                     "Đơn vị phối hợp thực hiện: Sở Tư pháp.",
                     "Thời gian thực hiện: Tháng 12/2025.",
                     "- Tổ chức hội nghị trao đổi nghiệp vụ.",
                     "Thời gian thực hiện: Năm 2026 và các năm tiếp theo.",
                     "- Báo cáo kết quả.", "Thời gian hoàn thành: Quí IV-2025.")
    rows = [(d.date, d.period, d.kind, d.task, d.responsible) for d in find_deadlines(plan)]
    assert rows == [
        ("2025-12-31", "2025-12", "within", "ra mắt AI pháp luật hỗ trợ cho cán bộ, công chức",
         "Sở Khoa học và Công nghệ"),
        ("2026-12-31", "2026", "within", "tổ chức hội nghị trao đổi nghiệp vụ", ""),
        ("2025-12-31", "2025-Q4", "within", "báo cáo kết quả", "")]


def test_a_day_of_every_year_twice_is_half_yearly(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                 "- Các sở báo cáo định kỳ trước ngày 01/6 và 15/11 hằng năm.",
                 "- Các xã báo cáo hằng năm (trước ngày 15 tháng 11).") == [
        ("", "half-yearly", "periodic", "trước ngày 01/6 và 15/11 hằng năm", "Các sở"),
        ("", "yearly", "periodic", "hằng năm (trước ngày 15 tháng 11)", "Các xã")]


def test_a_day_the_task_happens_on_and_a_start_alone(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG",
                 "- Hội nghị hiệp thương lần thứ nhất dự kiến ngày 05/02/2026.",
                 "- Các tổ bắt đầu tiếp công dân từ ngày 04/02/2026.",
                 "- Quan trắc vào tháng 4 và tháng 8 năm 2026.",
                 "- Nhận hồ sơ trong khoảng thời gian từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026.",
                 "- Quyết định có hiệu lực từ ngày 01/01/2026.") == [
        ("2026-02-05", "", "within", "dự kiến ngày 05/02/2026", ""),
        ("2026-02-04", "", "within", "từ ngày 04/02/2026", "Các tổ"),
        ("2026-04-30", "2026-04", "within", "vào tháng 4", ""),
        ("2026-08-31", "2026-08", "within", "tháng 8 năm 2026", ""),  # each month listed (real gold)
        ("2026-02-01", "", "until", "từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026", "")]


def test_a_yearly_report_and_half_yearly_with_its_day(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                 "- Sở Công Thương tổng hợp báo cáo định kỳ 6 tháng (trước ngày 18/5).",
                 "- Tổ chức đánh giá, báo cáo kết quả thực hiện Đề án hàng năm.",
                 "- Đưa kết quả vào đánh giá, xếp loại đảng viên hằng năm.") == [
        ("", "half-yearly", "periodic", "định kỳ 6 tháng (trước ngày 18/5)", "Sở Công Thương"),
        ("", "yearly", "periodic", "hàng năm", "")]


def test_a_dated_target_is_no_deadline(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu cụ thể",
                 "- Đến hết năm 2030: 100% xã có điểm phục vụ.", "II. NỘI DUNG",
                 "- Sở Nội vụ hoàn thành trước ngày 30/6/2026.") == [
        ("2026-06-30", "", "by", "hoàn thành trước ngày 30/6/2026", "Sở Nội vụ")]
