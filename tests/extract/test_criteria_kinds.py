"""Criteria kinds first met on plans written after the rules: a list opened by a lead-in
sentence, composite headings that list other topics beside their criteria, and targets
that open with their verb."""

from __future__ import annotations

from pipeline.extract.criteria import find_criteria

HEAD = ("KẾ HOẠCH", "Phát động thi đua chi trả trợ cấp không dùng tiền mặt năm 2025",
        "Thực hiện Chỉ thị số 21/CT-TTg ngày 11/7/2025 của Thủ tướng Chính phủ,")


def _rows(make_plan, *lines):
    return [(c.group, c.text, c.value) for c in find_criteria(make_plan(*HEAD, *lines))]


def test_a_lead_in_naming_specific_targets_opens_a_target_list_of_numbered_paragraphs(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG THI ĐUA",
                 "Vận động người hưởng trợ cấp mở tài khoản, được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:",
                 "(1) 100% người hưởng trợ cấp được tuyên truyền;",
                 "(2) Ít nhất 85% người hưởng trợ cấp mở tài khoản ngân hàng.",
                 "Các xã tổ chức tuyên truyền trên loa phát thanh.") == [
        ("Chỉ tiêu cụ thể", "100% người hưởng trợ cấp được tuyên truyền", "100%"),
        ("Chỉ tiêu cụ thể", "Ít nhất 85% người hưởng trợ cấp mở tài khoản ngân hàng", "85%")]


def test_a_lead_in_naming_the_conditions_to_meet_opens_a_list(make_plan):
    assert _rows(make_plan, "I. HỖ TRỢ", "Hộ được hỗ trợ phải đáp ứng đầy đủ các điều kiện sau đây:",
                 "- Có hộ khẩu thường trú tại xã;", "- Không vi phạm pháp luật.") == [
        ("Điều kiện", "Có hộ khẩu thường trú tại xã", ""),
        ("Điều kiện", "Không vi phạm pháp luật", "")]


def test_a_composite_heading_makes_only_its_criteria_subsections_lists(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG THI ĐUA, TIÊU CHÍ ĐÁNH GIÁ VÀ CÁCH THỨC XẾP HẠNG",
                 "1. Nội dung thi đua", "- Tuyên truyền lợi ích của thanh toán không dùng tiền mặt.",
                 "2. Tiêu chí đánh giá", "a) Trên cơ sở kết quả kiểm tra, Hội đồng thi đua họp xét.",
                 "b) Tỷ lệ người hưởng trợ cấp mở tài khoản.", "3. Cách thức xếp hạng",
                 "- Đơn vị có tổng điểm cao hơn xếp hạng cao hơn.") == [
        ("Tiêu chí đánh giá", "Tỷ lệ người hưởng trợ cấp mở tài khoản", "")]


def test_a_target_opening_with_its_verb_after_and_is_a_row_of_its_own(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu cụ thể",
                 "- Phấn đấu tăng thêm ít nhất 20% số nhóm trẻ và tăng thêm ít nhất 10% số trường có nhóm trẻ; "
                 "đồng thời có ít nhất 50 cơ sở đạt chuẩn.",
                 "- Giá trị nông sản, thực phẩm đạt 395 triệu USD.") == [
        ("Mục tiêu cụ thể", "Phấn đấu tăng thêm ít nhất 20% số nhóm trẻ", "20%"),
        ("Mục tiêu cụ thể", "tăng thêm ít nhất 10% số trường có nhóm trẻ", "10%"),
        ("Mục tiêu cụ thể", "có ít nhất 50 cơ sở đạt chuẩn", "50"),
        ("Mục tiêu cụ thể", "Giá trị nông sản, thực phẩm đạt 395 triệu USD", "395")]


def test_a_bodys_organisation_is_no_list_of_criteria(make_plan):
    assert _rows(make_plan, "I. CƠ CẤU TỔ CHỨC", "1. Lãnh đạo Sở", "- Giám đốc và không quá 03 Phó Giám đốc.",
                 "2. Các phòng chuyên môn, nghiệp vụ", "- Văn phòng Sở;", "- Phòng Kế hoạch - Tài chính.",
                 "II. THÀNH PHẦN, CƠ CẤU", "- Đại biểu điển hình tiên tiến khoảng 70%.") == [
        ("Thành phần, cơ cấu", "Đại biểu điển hình tiên tiến khoảng 70%", "70%")]


def test_a_scoring_table_gives_its_criteria_column_grouped_by_its_heading_rows(make_plan):
    assert _rows(make_plan, "I. TỔ CHỨC THỰC HIỆN", "Sở Y tế chấm điểm theo Phụ lục.",
                 "| STT | TIÊU CHÍ THI ĐUA | ĐIỂM CHUẨN | HƯỚNG DẪN CHẤM ĐIỂM |",
                 "| I | NHÓM XÃ, PHƯỜNG | 115 |",
                 "| 1 | Tỷ lệ % người hưởng trợ cấp được tuyên truyền | 20 | Kiểm tra ngẫu nhiên 50 người |",
                 "- Mỗi người xác nhận đã được tuyên truyền thì chấm 0,4 điểm.",
                 "| 2 | Điểm cộng | 15 |",
                 "| 2.1 | Đơn vị đạt tỷ lệ 100% người hưởng mở tài khoản | 5 |",
                 "| II | NHÓM TỔ CHỨC CHI TRẢ |",
                 "| 1 | Số tài khoản mở mới | 10 |",
                 "| STT | Nội dung | Thời gian |", "| 1 | Tổng kết phong trào | Tháng 12/2025 |") == [
        ("Nhóm xã, phường", "Tỷ lệ % người hưởng trợ cấp được tuyên truyền", ""),
        ("Điểm cộng", "Đơn vị đạt tỷ lệ 100% người hưởng mở tài khoản", "100%"),
        ("Nhóm tổ chức chi trả", "Số tài khoản mở mới", "")]
