"""Targets and quotas as real plans write them: several targets in one item, time horizons,
named sub-lists, quotas over a list of names, and lines that state no criterion."""

from __future__ import annotations

from pipeline.extract.criteria import find_criteria

HEAD = ("KẾ HOẠCH", "Phát triển sản xuất nông nghiệp giai đoạn 2026 - 2030",
        "Thực hiện Nghị quyết số 12-NQ/TU ngày 02/01/2026 của Tỉnh ủy,")


def _rows(make_plan, *lines):
    return [(c.group, c.text, c.value) for c in find_criteria(make_plan(*HEAD, *lines))]


def test_a_specific_target_list_below_a_bare_goal_heading_keeps_items_without_figures(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu chung",
                 "Phát triển nông nghiệp bền vững.", "2. Mục tiêu cụ thể",
                 "- Hoàn thành quy hoạch vùng nguyên liệu tập trung.",
                 "- 100% hợp tác xã được tập huấn kỹ thuật.", "II. NHIỆM VỤ",
                 "1. Tổ chức tập huấn cho 100% hợp tác xã.") == [
        ("Mục tiêu cụ thể", "Hoàn thành quy hoạch vùng nguyên liệu tập trung", ""),
        ("Mục tiêu cụ thể", "100% hợp tác xã được tập huấn kỹ thuật", "100%")]


def test_an_item_stating_several_targets_gives_a_row_per_figure(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU",
                 "1. Phấn đấu giá trị xuất khẩu đến năm 2030 đạt 400 triệu USD, tăng bình quân "
                 "10 - 13%/năm. Trong đó: Giá trị nông sản, thực phẩm đạt 395 triệu USD; Giá trị "
                 "hàng công nghiệp đạt 05 triệu USD.") == [
        ("Mục tiêu", "Phấn đấu giá trị xuất khẩu đến năm 2030 đạt 400 triệu USD", "400"),
        ("Mục tiêu", "tăng bình quân 10 - 13%/năm", "10 - 13%"),
        ("Mục tiêu", "Giá trị nông sản, thực phẩm đạt 395 triệu USD", "395"),
        ("Mục tiêu", "Giá trị hàng công nghiệp đạt 05 triệu USD", "05")]


def test_a_clause_without_a_figure_stays_with_the_target_before_it(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu cụ thể",
                 "- 100% người dân vùng bão, áp thấp nhiệt đới; các vùng sạt lở đất và ít nhất 50% "
                 "người dân các vùng khác được phổ biến kiến thức.") == [
        ("Mục tiêu cụ thể", "100% người dân vùng bão, áp thấp nhiệt đới; các vùng sạt lở đất", "100%"),
        ("Mục tiêu cụ thể", "ít nhất 50% người dân các vùng khác được phổ biến kiến thức", "50%")]


def test_a_clause_after_a_semicolon_with_its_own_figure_is_a_target_however_it_opens(make_plan):
    """"; số vụ ... tăng trên 3%" opens with what it counts, a word no head list can name."""
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Chỉ tiêu cụ thể",
                 "a) Hằng năm, số vụ vi phạm về môi trường được phát hiện tăng trên 3%; số cơ sở "
                 "gây ô nhiễm được xử lý dứt điểm tăng trên 5%.") == [
        ("Chỉ tiêu cụ thể", "Hằng năm, số vụ vi phạm về môi trường được phát hiện tăng trên 3%", "3%"),
        ("Chỉ tiêu cụ thể", "số cơ sở gây ô nhiễm được xử lý dứt điểm tăng trên 5%", "5%")]


def test_a_time_horizon_before_a_target_is_part_of_it_not_a_field(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu cụ thể",
                 "a) Đến hết năm 2025: Có ≥ 30% hợp tác xã ứng dụng công nghệ số.",
                 "b) Đến hết năm 2030: 100% hợp tác xã ứng dụng công nghệ số.") == [
        ("Mục tiêu cụ thể", "Đến hết năm 2025: Có ≥ 30% hợp tác xã ứng dụng công nghệ số", "30%"),
        ("Mục tiêu cụ thể", "Đến hết năm 2030: 100% hợp tác xã ứng dụng công nghệ số", "100%")]


def test_a_line_naming_only_a_time_leads_into_the_targets_below_it(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu cụ thể", "- Giai đoạn 2026-2027",
                 "+ 100% hồ sơ được số hóa.", "+ Hoàn thành kho dữ liệu dùng chung.") == [
        ("Mục tiêu cụ thể", "100% hồ sơ được số hóa", "100%"),
        ("Mục tiêu cụ thể", "Hoàn thành kho dữ liệu dùng chung", "")]


def test_a_goal_heading_with_its_horizon_names_the_list(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "Hiện nay toàn tỉnh có khoảng 180 hợp tác xã.",
                 "1. Mục tiêu đến hết năm 2026",
                 "- Hoàn thành bổ sung quy hoạch vùng nuôi.") == [
        ("Mục tiêu đến hết năm 2026", "Hoàn thành bổ sung quy hoạch vùng nuôi", "")]


def test_numbered_goals_name_their_field_and_labelled_targets_count_without_a_figure(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu 1: Trong lĩnh vực y tế",
                 "- Chỉ tiêu 1: Tỷ lệ tử vong bà mẹ dưới 4/100.000 trẻ sinh ra sống.",
                 "- Chỉ tiêu 2: Giảm số giờ làm việc nội trợ còn 1,7 lần.",
                 "- Chỉ tiêu 3: Nội dung về giới được đưa vào chương trình giảng dạy.",
                 "2. Mục tiêu 2. Trong lĩnh vực giáo dục", "- Chỉ tiêu 1: Tỷ lệ biết chữ đạt 98%.") == [
        ("Lĩnh vực y tế", "Tỷ lệ tử vong bà mẹ dưới 4/100.000 trẻ sinh ra sống", "4/100.000"),
        ("Lĩnh vực y tế", "Giảm số giờ làm việc nội trợ còn 1,7 lần", "1,7"),
        ("Lĩnh vực y tế", "Nội dung về giới được đưa vào chương trình giảng dạy", ""),
        ("Lĩnh vực giáo dục", "Tỷ lệ biết chữ đạt 98%", "98%")]


def test_a_named_line_of_a_target_list_names_the_targets_under_it(make_plan):
    assert _rows(make_plan, "I. CHỈ TIÊU XUẤT KHẨU", "1. Sản phẩm nông sản",
                 "- Các sản phẩm trái cây: Tổng sản lượng xuất khẩu đạt trên 46.200 tấn, tốc độ "
                 "tăng bình quân 05 - 06%/năm. Một số sản phẩm chủ yếu:",
                 "+ Tổng sản lượng Xoài xuất khẩu đạt 18.000 tấn. Thị trường: Trung Quốc, Úc.",
                 "2. Phát triển thị trường", "- Mở rộng thị trường châu Âu.") == [
        ("Các sản phẩm trái cây", "Tổng sản lượng xuất khẩu đạt trên 46.200 tấn", "46.200"),
        ("Các sản phẩm trái cây", "tốc độ tăng bình quân 05 - 06%/năm", "05 - 06%"),
        ("Các sản phẩm trái cây", "Tổng sản lượng Xoài xuất khẩu đạt 18.000 tấn", "18.000")]


def test_a_quota_bounds_the_names_listed_before_it_and_a_further_count_is_a_row(make_plan):
    assert _rows(make_plan, "I. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG", "1. Cấp tỉnh",
                 "- Đối với Công an tỉnh; Sở Tài chính; Sở Nội vụ mỗi đơn vị đề nghị không quá "
                 "01 tập thể, 03 cá nhân;",
                 "- Các đơn vị còn lại: chọn không quá 01 trường hợp (tập thể hoặc cá nhân).",
                 "2. Khen thưởng cấp Nhà nước: Sở Nội vụ tổng hợp, báo cáo Ủy ban nhân dân tỉnh.") == [
        ("Cấp tỉnh", "Đối với Công an tỉnh; Sở Tài chính; Sở Nội vụ mỗi đơn vị đề nghị không quá 01 tập thể",
         "01"),
        ("Cấp tỉnh", "03 cá nhân", "03"),
        ("Cấp tỉnh", "Các đơn vị còn lại: chọn không quá 01 trường hợp (tập thể hoặc cá nhân)", "01")]


def test_a_share_from_which_upward_is_a_quota_and_the_rest_of_the_item_a_criterion(make_plan):
    assert _rows(make_plan, "I. TIÊU CHUẨN KHEN THƯỞNG", "1. Đối với tập thể",
                 "- Có tỷ lệ cử tri đi bầu đạt từ 98% trở lên; kết quả bầu cử bảo đảm cơ cấu hợp lý.") == [
        ("Đối với tập thể", "Có tỷ lệ cử tri đi bầu đạt từ 98% trở lên", "98%"),
        ("Đối với tập thể", "kết quả bầu cử bảo đảm cơ cấu hợp lý", "")]


def test_lines_that_send_the_reader_elsewhere_or_lead_in_state_no_criterion(make_plan):
    assert _rows(make_plan, "I. TIÊU CHUẨN KHEN THƯỞNG",
                 "1. Bằng khen của Thủ tướng Chính phủ: Thực hiện theo quy định tại Hướng dẫn số "
                 "7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ.",
                 "2. Đối với cá nhân: Các cá nhân có thành tích xuất sắc, đạt các tiêu chuẩn sau:",
                 "- Gương mẫu chấp hành chủ trương của Đảng.",
                 "3. Giấy khen", "Các cơ quan, đơn vị căn cứ thành tích để bình xét theo thẩm quyền.") == [
        ("Đối với cá nhân", "Gương mẫu chấp hành chủ trương của Đảng", "")]


def test_a_line_naming_a_list_holds_until_a_line_of_its_own_rank(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG", "1. Hội nghị cử tri",
                 "- Số lượng cử tri dự hội nghị:", "+ Nơi có dưới 100 cử tri: đạt ít nhất 50% cử tri.",
                 "- Khách mời: Chủ tịch Ủy ban nhân dân xã.",
                 "2. Hội nghị lập danh sách sơ bộ căn cứ vào các tiêu chí:",
                 "- Tiêu chuẩn của đại biểu Hội đồng nhân dân.") == [
        ("Số lượng", "Nơi có dưới 100 cử tri: đạt ít nhất 50% cử tri", "50%"),
        ("Tiêu chí", "Tiêu chuẩn của đại biểu Hội đồng nhân dân", "")]


def test_a_length_of_time_is_no_quota_and_a_leading_count_is_a_target_figure(make_plan):
    assert _rows(make_plan, "I. NỘI DUNG", "1. Chỉ tiêu tuyển dụng: 01 Đại học Luật Kinh tế.",
                 "II. TỔ CHỨC THỰC HIỆN",
                 "- Gửi báo cáo về Sở Nội vụ trước khi kiểm tra ít nhất 05 ngày.") == [
        ("Chỉ tiêu", "01 Đại học Luật Kinh tế", "01")]


def test_a_short_line_with_lines_below_it_names_them_and_a_lone_label_stays_in_the_text(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu cụ thể", "- Nông nghiệp công nghệ cao",
                 "Phấn đấu trên 50% diện tích sản xuất ứng dụng công nghệ cao.",
                 "- Tại địa bàn đô thị: 100% trẻ em được chăm sóc an toàn.") == [
        ("Nông nghiệp công nghệ cao", "Phấn đấu trên 50% diện tích sản xuất ứng dụng công nghệ cao", "50%"),
        ("Mục tiêu cụ thể", "Tại địa bàn đô thị: 100% trẻ em được chăm sóc an toàn", "100%")]


def test_a_bracketed_number_before_a_criterion_is_its_label(make_plan):
    assert _rows(make_plan, "I. TIÊU CHÍ ĐÁNH GIÁ",
                 "(1) Ít nhất 85% người hưởng trợ cấp mở tài khoản ngân hàng;") == [
        ("Tiêu chí đánh giá", "Ít nhất 85% người hưởng trợ cấp mở tài khoản ngân hàng", "85%")]


def test_a_sentence_setting_its_own_figure_is_a_target_of_its_own(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu chung", "Phát triển kinh tế số.",
                 "2. Mục tiêu cụ thể",
                 "- Hình thành hệ sinh thái đổi mới sáng tạo hoàn chỉnh, có sự tham gia của các viện. "
                 "Trong đó, ít nhất 40% doanh nghiệp nhỏ và vừa có hợp tác nghiên cứu.",
                 "- 100% điểm du lịch ứng dụng công nghệ số. Đồng thời, phát triển ít nhất 10 sản phẩm "
                 "du lịch thông minh.",
                 "- Năm 2025 đạt 60% cơ quan có lãnh đạo chủ chốt là nữ. Đối với ngành có tỷ lệ nữ "
                 "dưới 30% có thể điều chỉnh mục tiêu.") == [
        ("Mục tiêu cụ thể", "Hình thành hệ sinh thái đổi mới sáng tạo hoàn chỉnh, có sự tham gia của các viện",
         ""),
        ("Mục tiêu cụ thể", "ít nhất 40% doanh nghiệp nhỏ và vừa có hợp tác nghiên cứu", "40%"),
        ("Mục tiêu cụ thể", "100% điểm du lịch ứng dụng công nghệ số", "100%"),
        ("Mục tiêu cụ thể", "phát triển ít nhất 10 sản phẩm du lịch thông minh", "10"),
        ("Mục tiêu cụ thể", "Năm 2025 đạt 60% cơ quan có lãnh đạo chủ chốt là nữ. Đối với ngành có tỷ lệ "
         "nữ dưới 30% có thể điều chỉnh mục tiêu", "60%")]


def test_a_least_figure_from_which_is_the_targets_value(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Mục tiêu cụ thể",
                 "- Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu mở chất lượng cao.",
                 "- Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh.") == [
        ("Mục tiêu cụ thể", "Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu mở chất lượng cao", "05"),
        ("Mục tiêu cụ thể", "Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh",
         "18")]


def test_a_first_clause_without_a_figure_before_one_with_its_own_is_a_target_of_its_own(make_plan):
    assert _rows(make_plan, "I. MỤC TIÊU", "1. Các chỉ tiêu chủ yếu",
                 "- Hằng năm, giảm số người nghiện ma túy; phấn đấu đến năm 2030 đạt ít nhất 50% số xã "
                 "không ma túy.",
                 "- 100% người dân vùng bão; các vùng sạt lở đất được phổ biến kiến thức.") == [
        ("Chỉ tiêu chủ yếu", "Hằng năm, giảm số người nghiện ma túy", ""),
        ("Chỉ tiêu chủ yếu", "phấn đấu đến năm 2030 đạt ít nhất 50% số xã không ma túy", "50%"),
        ("Chỉ tiêu chủ yếu", "100% người dân vùng bão; các vùng sạt lở đất được phổ biến kiến thức", "100%")]
