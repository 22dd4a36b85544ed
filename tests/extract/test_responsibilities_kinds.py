"""Responsibilities in kinds of writing the real development set showed missed or misread:
lists of standards and quotas, outlines numbered twice, the role a heading gives the list
under it."""

from __future__ import annotations

from pipeline.extract.responsibilities import find_responsibilities

HEAD = ("KẾ HOẠCH", "Phong trào thi đua năm 2026")


def _pairs(make_plan, *lines):
    return [(r.body, r.role) for r in find_responsibilities(make_plan(*HEAD, *lines))]


def test_bodies_in_a_list_of_standards_are_given_no_task(make_plan):
    assert _pairs(make_plan, "III. TIÊU CHUẨN KHEN THƯỞNG",
                  "1. Đối với các sở, ban, ngành",
                  "- Các cơ quan, đơn vị cấp tỉnh nội bộ đoàn kết, chấp hành tốt chủ trương của Đảng.",
                  "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Nội vụ hướng dẫn khen thưởng.") == [("Sở Nội vụ", "assigned")]


def test_bodies_listed_as_who_is_covered_are_given_no_task(make_plan):
    assert _pairs(make_plan, "I. MỤC TIÊU, ĐỐI TƯỢNG",
                  "2. Đối tượng áp dụng",
                  "a) Các doanh nghiệp, hợp tác xã trên địa bàn tỉnh",
                  "b) Các cơ quan, tổ chức cung cấp nền tảng số",
                  "II. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Công Thương chủ trì triển khai Kế hoạch.") == [("Sở Công Thương", "lead")]


def test_a_quota_per_body_is_no_task(make_plan):
    assert _pairs(make_plan, "IV. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG",
                  "1. Sở Nội vụ phối hợp với các cơ quan liên quan báo cáo Hội đồng Thi đua tỉnh.",
                  "2. Đối với các cơ quan cấp tỉnh",
                  "- Đối với Ban Tổ chức Tỉnh ủy; Công an tỉnh mỗi đơn vị đề nghị không quá 01 tập thể;",
                  "3. Đối với xã, phường: Mỗi xã, phường chọn 02 trường hợp.") == [("Sở Nội vụ", "coordinate")]


def test_an_outline_numbered_twice_keeps_each_heading_its_own_body(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Công Thương",
                  "- Tổ chức tập huấn kiến thức hội nhập.",
                  "V. CHẾ ĐỘ BÁO CÁO",
                  "1. Các sở, ngành: Định kỳ báo cáo kết quả thực hiện.") == [
        ("Sở Công Thương", "assigned"), ("Các sở, ngành", "assigned")]


def test_items_under_a_lead_heading_are_led_tasks(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Nông nghiệp và Môi trường",
                  "a) Chủ trì, phối hợp với các sở, ngành, UBND các xã, phường",
                  "- Hướng dẫn doanh nghiệp áp dụng quy trình sản xuất tốt.",
                  "b) Phối hợp với các sở, ngành",
                  "- Tổ chức quảng bá sản phẩm.",
                  "2. Sở Y tế chủ trì, phối hợp với Sở Nông nghiệp và Môi trường thực hiện các chương trình sau:",
                  "- Nâng cao năng lực ứng phó thiên tai.") == [
        ("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Nông nghiệp và Môi trường", "coordinate"),
        ("Sở Y tế", "lead")]


def test_items_under_the_last_clause_of_a_heading_take_its_role(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Tài chính là cơ quan đầu mối, chủ trì hướng dẫn thực hiện Đề án; tổ chức thực hiện "
                  "các nhiệm vụ sau:",
                  "- Xây dựng kế hoạch hằng năm.") == [("Sở Tài chính", "lead"), ("Sở Tài chính", "assigned")]


def test_a_duty_heading_names_the_body_whose_tasks_follow(make_plan):
    assert _pairs(make_plan, "Điều 2. Nhiệm vụ của Tổ tiếp công dân, xử lý đơn thư:",
                  "- Tiếp công dân, tiếp nhận đơn thư theo quy định.",
                  "Điều 3. Trách nhiệm của các cơ quan quản lý cấp trên (bao gồm cả cơ quan đại diện chủ sở hữu)",
                  "- Đôn đốc, hướng dẫn đơn vị cấp dưới thực hiện kiểm kê.",
                  "Điều 4. Trách nhiệm của Sở Tư pháp hướng dẫn, phổ biến pháp luật về đăng ký.") == [
        ("Tổ tiếp công dân, xử lý đơn thư", "assigned"), ("Các cơ quan quản lý cấp trên", "assigned"),
        ("Sở Tư pháp", "assigned")]


def test_a_heading_that_opens_with_giao_heads_the_tasks_below(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì hướng dẫn thực hiện "
                  "Đề án; tổ chức thực hiện các nhiệm vụ sau:",
                  "- Xây dựng kế hoạch hằng năm.") == [
        ("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Nông nghiệp và Môi trường", "assigned")]


def test_a_topic_heading_over_tasks_names_their_body(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "3. Đối với các đoàn kiểm tra do thành viên Ban Chỉ đạo làm Trưởng đoàn:",
                  "- Thông báo kết quả kiểm tra bằng văn bản.") == [
        ("Các đoàn kiểm tra do thành viên Ban Chỉ đạo làm Trưởng đoàn", "assigned")]


def test_a_heading_over_bodies_of_their_own_is_given_no_task(make_plan):
    assert _pairs(make_plan, "Điều 2. Trách nhiệm của các cơ quan, đơn vị",
                  "1. Sở Tài chính",
                  "a) Đăng tải công khai danh mục thủ tục hành chính.",
                  "2. Sở Khoa học và Công nghệ chủ trì cập nhật dữ liệu.") == [
        ("Sở Tài chính", "assigned"), ("Sở Khoa học và Công nghệ", "lead")]


def test_the_tier_a_group_serves_at_is_part_of_its_name(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Căn cứ kế hoạch này, Giám đốc các Sở, Thủ trưởng các ngành, cơ quan cấp tỉnh xây dựng "
                  "kế hoạch cụ thể.",
                  "2. Ban Thường trực Ủy ban MTTQ Việt Nam cấp xã lập báo cáo tình hình.") == [
        ("Giám đốc các Sở", "assigned"), ("Thủ trưởng các ngành, cơ quan cấp tỉnh", "assigned"),
        ("Ban Thường trực Ủy ban MTTQ Việt Nam cấp xã", "assigned")]


def test_cases_and_society_are_no_bodies(make_plan):
    assert _pairs(make_plan, "II. TÁC ĐỘNG",
                  "1. Đối với xã hội",
                  "- Tiết kiệm chi phí tuân thủ cho người dân.",
                  "2. Đối với các trường hợp quy định tại khoản 1",
                  "- Gửi thông báo bằng văn bản.") == []


def test_items_after_a_lead_in_of_duties_are_assigned(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "4. Công chức Văn phòng Thống kê là đầu mối, chủ trì tham mưu tổ chức thực hiện Kế hoạch "
                  "có trách nhiệm:",
                  "- Theo dõi, đôn đốc các thôn tổ chức thực hiện kế hoạch.") == [
        ("Công chức Văn phòng Thống kê", "lead"), ("Công chức Văn phòng Thống kê", "assigned")]


def test_a_request_to_a_list_parted_by_semicolons_names_each_body(make_plan):
    assert _pairs(make_plan, "III. TỔ CHỨC THỰC HIỆN",
                  "3. Đề nghị người đứng đầu cấp ủy; thủ trưởng cơ quan, đơn vị, địa phương trực tiếp chỉ đạo "
                  "thực hiện các nhiệm vụ.",
                  "Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường; Thủ trưởng "
                  "các cơ quan, đơn vị có liên quan triển khai thực hiện nghiêm túc Chỉ thị này./.") == [
        ("Người đứng đầu cấp ủy", "requested"), ("Thủ trưởng cơ quan, đơn vị, địa phương", "requested"),
        ("Giám đốc các sở, ban, ngành", "assigned"), ("Chủ tịch Ủy ban nhân dân các xã, phường", "assigned"),
        ("Thủ trưởng các cơ quan, đơn vị có liên quan", "assigned")]


def test_a_body_asking_others_to_act_gives_them_the_task(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành Thành phố, UBND phường, xã nghiêm túc "
                  "triển khai thực hiện; định kỳ trước ngày 30 tháng 11 hằng năm báo cáo kết quả.") == [
        ("Các Sở, ban, ngành Thành phố", "assigned"), ("UBND phường, xã", "assigned")]


def test_closing_formulas_are_no_tasks(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Nội vụ hướng dẫn thực hiện.",
                  "Yêu cầu các sở, ban, ngành; UBND các phường, xã căn cứ nhiệm vụ được phân công triển khai "
                  "thực hiện tốt Kế hoạch này.",
                  "Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.") == [
        ("Sở Nội vụ", "assigned")]


def test_a_label_whose_bodies_follow_on_the_next_lines_is_no_body(make_plan):
    assert _pairs(make_plan, "III. NHIỆM VỤ",
                  "1. Tuyên truyền về bình đẳng giới",
                  "- Cơ quan thực hiện:",
                  "+ Sở Văn hóa và Thể thao chủ trì tổ chức truyền thông.") == [
        ("Sở Văn hóa và Thể thao", "lead")]


def test_bodies_named_in_lower_case_after_their_head(make_plan):
    assert _pairs(make_plan, "Điều 2. Ban bầu cử thực hiện nhiệm vụ, quyền hạn theo quy định.",
                  "Trưởng ban bầu cử chịu trách nhiệm phân công nhiệm vụ cho từng thành viên.",
                  "a) Tổ công tác số 01: tổ chức làm việc trực tiếp với UBND các huyện.",
                  "- Đoàn kiểm tra, giám sát làm việc với đối tượng giám sát bằng hình thức trực tiếp.",
                  "Các Bộ, cơ quan ngang bộ nghiên cứu, xử lý kiến nghị của tỉnh.") == [
        ("Ban bầu cử", "assigned"), ("Trưởng ban bầu cử", "assigned"), ("Tổ công tác số 01", "assigned"),
        ("Đoàn kiểm tra, giám sát", "assigned"), ("Các Bộ, cơ quan ngang bộ", "assigned")]


def test_a_count_per_body_is_a_quota(make_plan):
    assert _pairs(make_plan, "2. Khen thưởng các tổ chức phụ trách bầu cử",
                  "- Ban bầu cử đại biểu Quốc hội: 01 cá nhân/01 ban;") == []


def test_one_body_written_several_ways_is_one_row(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Ủy ban nhân dân phường, xã, đặc khu triển khai Kế hoạch tại địa phương.",
                  "2. UBND xã, phường, đặc khu báo cáo kết quả thực hiện.",
                  "3. Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh tổ chức hội nghị.",
                  "4. Ban Thường trực Ủy ban MTTQ Việt Nam cấp xã lập báo cáo.",
                  "5. Ban Thường trực Ủy ban MTTQ Việt Nam xã theo dõi, đôn đốc.") == [
        ("Ủy ban nhân dân phường, xã, đặc khu", "assigned"), ("Ban Thường trực Ủy ban MTTQ Việt Nam xã", "assigned")]


def test_a_cell_whose_lines_each_name_a_body_is_split(make_plan):
    assert _pairs(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                  "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
                  "|---|---|---|---|---|",
                  "| 1 | Bố trí nhân lực | Các sở, ngành, UBND xã, phường, đặc khu Sở Tài chính | "
                  "Sở Khoa học và Công nghệ Sở Công Thương | Năm 2026 |",
                  "| 2 | Sơ kết | Văn phòng Sở | Các phòng, đơn vị thuộc Sở | Quý IV/2026 |") == [
        ("Các sở, ngành", "lead"), ("UBND xã, phường, đặc khu", "lead"), ("Sở Tài chính", "lead"),
        ("Sở Khoa học và Công nghệ", "coordinate"), ("Sở Công Thương", "coordinate"), ("Văn phòng Sở", "lead"),
        ("Các phòng, đơn vị thuộc Sở", "coordinate")]


def test_the_subject_after_a_condition_or_a_topic_is_the_body(make_plan):
    assert _pairs(make_plan, "II. TRÌNH TỰ",
                  "- Trường hợp cơ quan không có người đủ điều kiện thì người đứng đầu cơ quan, tổ chức, đơn vị "
                  "kịp thời báo cáo Ban Thường trực.",
                  "- Đối với các nội dung thuộc thẩm quyền giải quyết, Sở Y tế phối hợp các cơ quan liên quan "
                  "tham mưu.",
                  "- Trong quá trình thực hiện, nếu có khó khăn, các cơ quan phản ánh về Sở Y tế.") == [
        ("Người đứng đầu cơ quan, tổ chức, đơn vị", "assigned"), ("Sở Y tế", "coordinate")]


def test_a_request_goes_on_to_the_sentences_after_it_in_the_item(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phát huy thành quả các phong trào thi đua. "
                  "Các tổ chức thành viên phát huy vai trò nòng cốt vận động xã hội.") == [
        ("Ủy ban Mặt trận Tổ quốc tỉnh", "requested"), ("Các tổ chức thành viên", "requested")]


def test_a_group_among_body_headings_is_a_body_too(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Khoa học và Công nghệ",
                  "- Theo dõi, đôn đốc các doanh nghiệp viễn thông.",
                  "2. Ban Quản lý Khu kinh tế",
                  "- Đề xuất các khu công nghiệp cần ứng dụng IoT.",
                  "3. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp",
                  "- Bố trí mặt bằng lắp đặt trạm phát sóng.",
                  "4. Doanh nghiệp, cộng đồng, tổ chức, cá nhân: Quan tâm hỗ trợ nhu yếu phẩm.",
                  "5. Kinh phí thực hiện",
                  "- Từ ngân sách tỉnh.") == [
        ("Sở Khoa học và Công nghệ", "assigned"), ("Ban Quản lý Khu kinh tế", "assigned"),
        ("Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp", "assigned"),
        ("Doanh nghiệp, cộng đồng, tổ chức, cá nhân", "assigned")]
