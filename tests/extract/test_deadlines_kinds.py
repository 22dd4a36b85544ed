"""Deadline kinds first met on plans written after the rules: spans of days in words, what
a span already over or a benefit's rhythm says, and rhythms of a month in every year."""

from __future__ import annotations

from pipeline.extract.deadlines import find_deadlines

HEAD = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Số: 88/KH-UBND", "An Giang, ngày 18 tháng 11 năm 2025",
        "KẾ HOẠCH", "CHI TRẢ TRỢ CẤP XÃ HỘI KHÔNG DÙNG TIỀN MẶT NĂM 2025")


def _rows(make_plan, *lines):
    return [(d.date, d.period, d.kind, d.raw) for d in find_deadlines(make_plan(*HEAD, *lines))]


def test_a_span_of_days_written_in_words_ends_on_its_last_day(make_plan):
    assert _rows(make_plan, "I. THỜI GIAN",
                 "- Đợt 01: Cao điểm (từ ngày 20 tháng 11 năm 2025 đến ngày 03 tháng 12 năm 2025);",
                 "- Đợt 02: Thực hiện vét (từ ngày 08 đến ngày 10 tháng 12 năm 2025).") == [
        ("2025-12-03", "", "until", "từ ngày 20 tháng 11 năm 2025 đến ngày 03 tháng 12 năm 2025"),
        ("2025-12-10", "", "until", "từ ngày 08 đến ngày 10 tháng 12 năm 2025")]


def test_a_span_or_a_day_over_before_the_plan_was_signed_bounds_no_task(make_plan):
    assert _rows(make_plan, "I. ĐÁNH GIÁ TÌNH HÌNH",
                 "- Từ ngày 15/11 đến ngày 17/11/2025, trên địa bàn tỉnh xảy ra mưa lớn.",
                 "- Biên bản ghi nhớ được ký vào ngày 31/10/2022.",
                 "II. NHIỆM VỤ", "- Các xã rà soát thiệt hại từ ngày 19/11 đến ngày 25/11/2025.",
                 "- Các xã báo cáo trước ngày 15/11/2025; chi trả từ ngày 01/11/2025.") == [
        ("2025-11-25", "", "until", "từ ngày 19/11 đến ngày 25/11/2025"),
        ("2025-11-15", "", "by", "trước ngày 15/11/2025"),
        ("2025-11-01", "", "within", "từ ngày 01/11/2025")]


def test_a_rhythm_after_what_is_paid_is_no_deadline(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG",
                 "- Các xã cập nhật dữ liệu người đang hưởng trợ cấp xã hội hàng tháng.",
                 "- Phòng Văn hóa - Xã hội báo cáo kết quả chi trả hàng tháng.") == [
        ("", "monthly", "periodic", "hàng tháng")]


def test_a_month_or_a_span_of_months_in_every_year_is_a_yearly_rhythm(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                 "- Tháng 11 hằng năm, Trung tâm có văn bản báo cáo Ủy ban nhân dân tỉnh.",
                 "- Lấy mẫu quan trắc từ tháng 3 đến tháng 11 hằng năm.",
                 "- Dự toán chi thường xuyên đến ngày 30 tháng 6 hàng năm chưa phân bổ thì thu hồi.") == [
        ("", "yearly", "periodic", "Tháng 11 hằng năm"),
        ("", "yearly", "periodic", "từ tháng 3 đến tháng 11 hằng năm")]


def test_a_clause_opening_with_its_rhythm_after_a_semicolon(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                 "1. Sở Y tế hướng dẫn các xã; hằng năm, tổ chức hội nghị giao ban toàn tỉnh.",
                 "2. Sở Tài chính bố trí vốn đầu tư trung hạn, hằng năm theo quy định.") == [
        ("", "yearly", "periodic", "hằng năm")]


def test_a_limit_in_an_earlier_year_says_who_qualifies_and_a_day_of_next_year_is_yearly(make_plan):
    assert _rows(make_plan, "I. ĐỐI TƯỢNG",
                 "- Hộ gia đình sử dụng đất ổn định trước ngày 01 tháng 7 năm 2014.",
                 "II. TỔ CHỨC THỰC HIỆN",
                 "- Các xã báo cáo kết quả về Sở Y tế trước ngày 31 tháng 01 của năm tiếp theo.") == [
        ("", "yearly", "periodic", "trước ngày 31 tháng 01 của năm tiếp theo")]


def test_a_day_of_the_last_month_of_a_quarter_or_of_the_next_month_is_a_rhythm(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                 "- Các xã gửi báo cáo tiến độ trước ngày 15 tháng cuối của quý.",
                 "- Các phòng gửi báo cáo tháng trước ngày 05 của tháng kế tiếp.") == [
        ("", "quarterly", "periodic", "trước ngày 15 tháng cuối của quý"),
        ("", "monthly", "periodic", "trước ngày 05 của tháng kế tiếp")]


def test_the_day_an_event_is_held_under_its_time_label_is_within_that_day(make_plan):
    """"2. Thời gian: 14 giờ 00 phút, ngày 16/11/2020" says when the meeting happens, not a
    span that ends there."""
    assert _rows(make_plan, "I. NỘI DUNG", "1. Hội nghị tổng kết công tác chi trả năm 2025.",
                 "2. Thời gian: 14 giờ 00 phút, ngày 26/12/2025 (thứ sáu).", "3. Địa điểm: Hội trường UBND tỉnh.") == [
        ("2025-12-26", "", "within", "14 giờ 00 phút, ngày 26/12/2025")]


def test_a_day_without_its_year_under_a_bare_dinh_ky_comes_back_every_year(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                 "- Các sở xây dựng kế hoạch chi tiết hằng năm và định kỳ báo cáo kết quả thực hiện "
                 "trước ngày 20/11 về Sở Khoa học và Công nghệ.",
                 "- Các xã thực hiện báo cáo định kỳ (trước ngày 15 tháng 12), đột xuất theo yêu cầu.",
                 "- Sở Y tế định kỳ báo cáo trước ngày 20/11/2025.") == [
        ("", "yearly", "periodic", "hằng năm"),
        ("", "yearly", "periodic", "trước ngày 20/11"),
        ("", "yearly", "periodic", "trước ngày 15 tháng 12"),
        ("2025-11-20", "", "by", "trước ngày 20/11/2025")]


def test_a_rhythm_in_brackets_after_dinh_ky(make_plan):
    assert _rows(make_plan, "I. LỘ TRÌNH THỰC HIỆN",
                 "- Kiểm tra, đánh giá: định kỳ (hằng năm) đánh giá tiến độ thực hiện các mục tiêu.",
                 "- Sở Tài chính tổng hợp (định kỳ hằng năm) dự toán kinh phí.") == [
        ("", "yearly", "periodic", "định kỳ (hằng năm)"),
        ("", "yearly", "periodic", "định kỳ hằng năm")]


def test_a_roadmap_phase_bounds_its_tasks_and_a_line_led_by_its_time_its_own(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Giai đoạn 2026 - 2030", "- 100% hồ sơ được số hóa.",
                 "II. LỘ TRÌNH THỰC HIỆN",
                 "1. Giai đoạn 1 (2026 - 2027) - Định hình quản trị bằng dữ liệu:", "(1) Năm 2026:",
                 "- Tháng 6/2026: Chính thức triển khai diện rộng.",
                 "- Quý IV/2026: Hoàn thiện và nâng cấp các tính năng.",
                 "(2) Năm 2027: Vận hành toàn diện mô hình.",
                 "2. Giai đoạn 2028 - 2030", "- Chuẩn hóa khung tiêu chí.",
                 "III. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế", "- Năm 2026: phối hợp triển khai.") == [
        ("2027-12-31", "2027", "until", "Giai đoạn 1 (2026 - 2027)"),
        ("2026-06-30", "2026-06", "within", "Tháng 6/2026"),
        ("2026-12-31", "2026-Q4", "within", "Quý IV/2026"),
        ("2027-12-31", "2027", "within", "(2) Năm 2027"),
        ("2030-12-31", "2030", "until", "Giai đoạn 2028 - 2030")]
