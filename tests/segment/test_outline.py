from tests.conftest import plan_from_text

PLAN = """KẾ HOẠCH
Tổ chức Ngày hội Văn hóa các dân tộc năm 2026

Căn cứ tình hình thực tế, Ủy ban nhân dân xã xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Tôn vinh bản sắc văn hóa.
2. Yêu cầu: Tổ chức trang trọng, tiết kiệm.
II. THỜI GIAN, KINH PHÍ
1. Thời gian: Trong tháng 9 năm 2026.
2. Kinh phí: Từ ngân sách xã.
IV. TỔ CHỨC THỰC HIỆN:
1. Công chức Văn hóa - Xã hội
a) Chủ trì xây dựng chương trình.
b) Phối hợp với các thôn.
+ Báo cáo kết quả.
2. Công an xã
2.1. Bảo đảm an ninh trật tự.
Trên đây là Kế hoạch của Ủy ban nhân dân xã.
"""


def level1(plan):
    return [(s.number, s.heading, s.labels) for s in plan.sections if s.level == 1]


def test_top_level_headings_as_printed_with_labels_and_no_invented_numbers():
    assert level1(plan_from_text(PLAN)) == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", ("purpose",)),
        ("II", "THỜI GIAN, KINH PHÍ", ("timeframe", "budget")),
        ("IV", "TỔ CHỨC THỰC HIỆN", ("organization",)),
    ]


def test_nested_levels_get_path_ids():
    ids = {s.section_id: s.level for s in plan_from_text(PLAN).sections}
    assert ids["I.2"] == 2
    assert ids["IV.1.a"] == 3
    assert ids["IV.1.b"] == 3
    assert ids["IV.2"] == 2
    assert ids["IV.2.1"] == 3


def test_heading_text_stops_at_a_colon_and_the_rest_is_its_body():
    section = plan_from_text(PLAN).section("I.2")
    assert section.heading == "Yêu cầu"
    assert section.text == "Tổ chức trang trọng, tiết kiệm."


def test_bullets_are_items_of_their_section_not_headings():
    plan = plan_from_text(PLAN)
    items = [b for b in plan.blocks if b.role == "item"]
    assert [(b.section_id, b.marker, b.content) for b in items] == [
        ("I.1", "-", "Tôn vinh bản sắc văn hóa."),
        ("IV.1.b", "+", "Báo cáo kết quả."),
    ]


def test_plan_whose_top_level_is_arabic():
    text = PLAN.replace("I. MỤC ĐÍCH, YÊU CẦU", "1. MỤC ĐÍCH, YÊU CẦU")
    text = text.replace("II. THỜI GIAN", "2. THỜI GIAN").replace("IV. TỔ CHỨC", "3. TỔ CHỨC")
    text = text.replace("\n1. Mục đích", "\na) Mục đích").replace("\n2. Yêu cầu", "\nb) Yêu cầu")
    text = text.replace("\n1. Thời gian", "\na) Thời gian").replace("\n2. Kinh phí", "\nb) Kinh phí")
    text = text.replace("\n1. Công chức", "\na) Công chức").replace("\n2. Công an", "\nc) Công an")
    text = text.replace("\n2.1. Bảo", "\n- Bảo")
    assert [n for n, _, _ in level1(plan_from_text(text))] == ["1", "2", "3"]


def test_closing_summary_is_not_part_of_the_last_section():
    plan = plan_from_text(PLAN)
    closing = [b.line.text for b in plan.blocks if b.role == "closing"]
    assert closing == ["Trên đây là Kế hoạch của Ủy ban nhân dân xã."]


def test_parts_whose_heading_is_printed_on_the_next_line_are_the_top_level():
    text = PLAN.replace("I. MỤC ĐÍCH, YÊU CẦU", "Phần I\nMỤC ĐÍCH, YÊU CẦU")
    text = text.replace("II. THỜI GIAN", "PHẦN II.\nTHỜI GIAN").replace("IV. TỔ CHỨC", "Phần III:\nTỔ CHỨC")
    plan = plan_from_text(text)
    assert level1(plan) == [("Phần I", "MỤC ĐÍCH, YÊU CẦU", ("purpose",)),
                            ("Phần II", "THỜI GIAN, KINH PHÍ", ("timeframe", "budget")),
                            ("Phần III", "TỔ CHỨC THỰC HIỆN", ("organization",))]
    assert [s.section_id for s in plan.sections if s.level == 2][:2] == ["Phần I.1", "Phần I.2"]
    heading = next(s for s in plan.sections if s.section_id == "Phần II")
    assert plan.text.string[heading.span.start:heading.span.end] == "PHẦN II.\nTHỜI GIAN, KINH PHÍ"


def test_a_part_above_roman_headings_stays_a_divider():
    text = PLAN.replace("I. MỤC ĐÍCH, YÊU CẦU", "PHẦN I\nI. MỤC ĐÍCH, YÊU CẦU")
    assert [n for n, _, _ in level1(plan_from_text(text))] == ["I", "II", "IV"]


ANNEX = """KẾ HOẠCH
Đơn giản hóa thủ tục hành chính năm 2026

Phần I. DANH MỤC THỦ TỤC HÀNH CHÍNH
1. Thủ tục cấp giấy phép
Phần II. NỘI DUNG ĐƠN GIẢN HÓA
I. LĨNH VỰC Y TẾ
1. Thủ tục cấp giấy phép
a) Nội dung đơn giản hóa: bỏ bản sao.
II. LĨNH VỰC GIÁO DỤC
1. Thủ tục công nhận trường
"""


def test_titled_parts_that_open_the_outline_are_its_top_level_over_roman_numerals():
    plan = plan_from_text(ANNEX)
    assert [(n, h) for n, h, _ in level1(plan)] == [("Phần I", "DANH MỤC THỦ TỤC HÀNH CHÍNH"),
                                                   ("Phần II", "NỘI DUNG ĐƠN GIẢN HÓA")]
    assert [s.section_id for s in plan.sections if s.level == 2] == ["Phần I.1", "Phần II.I", "Phần II.II"]


def test_a_roman_one_inside_roman_numbering_and_before_a_two_is_an_arabic_one_misread():
    text = PLAN.replace("1. Mục đích", "I. Mục đích\na) Tôn vinh.")
    plan = plan_from_text(text)
    assert [n for n, _, _ in level1(plan)] == ["I", "II", "IV"]
    assert next(s for s in plan.sections if s.section_id == "I.1").heading == "Mục đích"


def test_a_numbered_paragraph_without_a_colon_is_headed_by_its_first_sentence():
    text = """THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh

Ngày 06/10/2023, Chủ tịch UBND tỉnh kết luận như sau:
1. UBND tỉnh đồng ý chủ trương thu hồi đất tại TP. Buôn Ma Thuột để sử dụng vào mục đích tôn giáo. Giao Sở Tài nguyên và Môi trường hướng dẫn thủ tục.
2. Giao UBND thành phố kiểm tra, báo cáo trước ngày 10/12/2023.
"""
    sections = plan_from_text(text).sections
    assert [s.heading for s in sections] == [
        "UBND tỉnh đồng ý chủ trương thu hồi đất tại TP. Buôn Ma Thuột để sử dụng vào mục đích tôn giáo",
        "Giao UBND thành phố kiểm tra, báo cáo trước ngày 10/12/2023."]
