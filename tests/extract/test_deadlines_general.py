"""Deadlines in shapes the seed plans never used: month bounds, month/year written with a
slash, a day of every month, rhythms at a period's end and lists of rhythms."""

from __future__ import annotations

from pipeline.extract.deadlines import find_deadlines

HEAD = ("ỦY BAN NHÂN DÂN TỈNH KON TUM", "Số: 31/KH-UBND", "Kon Tum, ngày 14 tháng 02 năm 2024",
        "KẾ HOẠCH", "Tổng điều tra kinh tế năm 2024",
        "Thực hiện Quyết định số 12/QĐ-TTg ngày 05/01/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh "
        "ban hành Kế hoạch như sau:")


def _rows(make_plan, *lines):
    return [(d.date, d.period, d.kind, d.raw, d.responsible)
            for d in find_deadlines(make_plan(*HEAD, *lines))]


def test_month_bounds_of_a_timeframe(make_plan):
    assert _rows(make_plan, "I. THỜI GIAN THỰC HIỆN",
                 "- Thu thập thông tin từ tháng 5/2024 đến tháng 8/2024.",
                 "- Xử lý số liệu: từ ngày kết thúc thu thập đến hết tháng 10 năm 2024.",
                 "- Công bố kết quả sơ bộ từ tháng 11 đến tháng 12.") == [
        ("2024-08-31", "2024-08", "until", "từ tháng 5/2024 đến tháng 8/2024", ""),
        ("2024-10-31", "2024-10", "until", "từ ngày kết thúc thu thập đến hết tháng 10 năm 2024", ""),
        ("2024-12-31", "2024-12", "until", "từ tháng 11 đến tháng 12", "")]


def test_month_written_with_its_year_after_a_slash(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG", "- Tập huấn điều tra viên trong tháng 4/2024.") == [
        ("2024-04-30", "2024-04", "within", "trong tháng 4/2024", "")]


def test_a_day_of_every_month_and_the_end_of_every_quarter_are_rhythms(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN", "1. Cục Thống kê tỉnh",
                 "- Báo cáo tiến độ về Ban Chỉ đạo trước ngày 20 hằng tháng.",
                 "- Kiểm tra chất lượng phiếu vào cuối mỗi quý.") == [
        ("", "monthly", "periodic", "trước ngày 20 hằng tháng", "Cục Thống kê tỉnh"),
        ("", "quarterly", "periodic", "vào cuối mỗi quý", "Cục Thống kê tỉnh")]


def test_each_rhythm_of_a_list_is_a_row(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                 "- Ủy ban nhân dân các huyện báo cáo định kỳ hằng quý, hằng năm về Cục Thống kê tỉnh.",
                 "- Các sở, ngành định kỳ 6 tháng và hằng năm gửi báo cáo về Sở Kế hoạch và Đầu tư.") == [
        ("", "quarterly", "periodic", "định kỳ hằng quý", "Ủy ban nhân dân các huyện"),
        ("", "yearly", "periodic", "hằng năm", "Ủy ban nhân dân các huyện"),
        ("", "half-yearly", "periodic", "định kỳ 6 tháng", "Các sở, ngành"),
        ("", "yearly", "periodic", "hằng năm", "Các sở, ngành")]


def test_responsible_from_a_heading_naming_two_bodies_is_written_as_the_heading(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN", "1. Sở Tài chính, Kho bạc Nhà nước tỉnh",
                 "- Cấp kinh phí cho Ban Chỉ đạo trước ngày 15/3/2024.") == [
        ("2024-03-15", "", "by", "trước ngày 15/3/2024", "Sở Tài chính, Kho bạc Nhà nước tỉnh")]


def test_a_yearly_budget_is_still_not_a_rhythm(make_plan):
    assert _rows(make_plan, "I. KINH PHÍ", "- Từ nguồn ngân sách được giao hàng năm của các đơn vị.") == []


def test_quarter_written_with_its_year_after_a_slash(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG", "- Mở lớp bồi dưỡng nghiệp vụ trong Quý IV/2024.") == [
        ("2024-12-31", "2024-Q4", "within", "trong Quý IV/2024", "")]
