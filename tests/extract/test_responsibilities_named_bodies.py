"""Bodies named in ways the head lists did not know: by the part they play in a task ("Cơ
quan chủ trì"), and a bare kind that is no body at all ("Đơn vị tính", "Cơ quan quản lý ...")."""

from __future__ import annotations

from pipeline.extract.responsibilities import find_responsibilities

HEAD = ("QUY CHẾ", "Phối hợp giải quyết thủ tục hành chính")


def _pairs(make_plan, *lines):
    return [(r.body, r.role) for r in find_responsibilities(make_plan(*HEAD, *lines))]


def test_a_body_named_by_its_part_in_a_task_is_a_body(make_plan):
    assert _pairs(make_plan, "Điều 5. Lấy ý kiến",
                  "1. Cơ quan chủ trì có văn bản đề nghị gửi đến các cơ quan phối hợp.",
                  "2. Cơ quan phối hợp trả lời bằng văn bản trong thời hạn 05 ngày.") == [
        ("Cơ quan chủ trì", "assigned"), ("Cơ quan phối hợp", "assigned")]


def test_a_heading_naming_a_body_by_the_task_it_leads_owns_its_items(make_plan):
    assert _pairs(make_plan, "II. TRÁCH NHIỆM PHỐI HỢP",
                  "3. Cơ quan chủ trì thẩm định hồ sơ",
                  "a) Hướng dẫn chủ đầu tư hoàn thiện hồ sơ.",
                  "b) Chủ động phối hợp với các cơ quan liên quan.",
                  "c) Chủ trì tổng hợp ý kiến thẩm định.") == [
        ("Cơ quan chủ trì thẩm định hồ sơ", "assigned"),
        ("Cơ quan chủ trì thẩm định hồ sơ", "coordinate"),
        ("Cơ quan chủ trì thẩm định hồ sơ", "lead")]


def test_a_bare_kind_cut_from_its_name_is_no_body(make_plan):
    assert _pairs(make_plan, "Điều 3. Thực hiện",
                  "Đơn vị tính: đồng.",
                  "Cơ quan quản lý nhà nước về điện lực tại Bộ Công Thương hướng dẫn thực hiện.",
                  "Các đơn vị chủ động triển khai thực hiện.") == [("Các đơn vị", "assigned")]


def test_a_minister_is_named_with_the_ministry(make_plan):
    assert _pairs(make_plan, "Điều 9. Tổ chức thực hiện",
                  "1. Bộ trưởng Bộ Nội vụ chủ trì, phối hợp với các bộ hướng dẫn thi hành.",
                  "2. Bộ trưởng Bộ Tư pháp quyết định thu hồi nội dung đã phân cấp.") == [
        ("Bộ trưởng Bộ Nội vụ", "lead"), ("Bộ trưởng Bộ Tư pháp", "assigned")]


def test_party_committees_written_in_lower_case_are_bodies(make_plan):
    assert _pairs(make_plan, "Điều 5. Trách nhiệm",
                  "1. Cấp ủy cấp xã lãnh đạo, chỉ đạo các chi bộ thực hiện.",
                  "2. Ban thường vụ cấp ủy cấp tỉnh kiểm tra, giám sát việc thực hiện.",
                  "3. Trên cơ sở đó, cấp ủy các cấp lãnh đạo thực hiện.") == [
        ("Cấp ủy cấp xã", "assigned"), ("Ban thường vụ cấp ủy cấp tỉnh", "assigned"),
        ("Cấp ủy các cấp", "assigned")]



def test_the_head_of_a_body_named_in_lower_case_is_an_addressee(make_plan):
    assert _pairs(make_plan, "III. TỔ CHỨC THỰC HIỆN",
                  "1. Các tổ chức thành viên, Thủ trưởng sở, ban, ngành thành phố tổ chức quán triệt.",
                  "2. Thủ trưởng cơ quan, đơn vị chỉ đạo thực hiện.") == [
        ("Các tổ chức thành viên", "assigned"), ("Thủ trưởng sở, ban, ngành thành phố", "assigned"),
        ("Thủ trưởng cơ quan, đơn vị", "assigned")]


def test_a_task_table_cell_that_names_no_body_gives_no_row(make_plan):
    assert _pairs(make_plan, "Điều 4. Quy trình nội bộ",
                  "| Bước | Nội dung | Trách nhiệm thực hiện | Thời gian |",
                  "|---|---|---|---|",
                  "| 1 | Tiếp nhận hồ sơ | Vào sổ, đóng dấu | 0,5 ngày |",
                  "| 2 | Phí thẩm định | 146.300 | 01 ngày |",
                  "| 3 | Phân công thụ lý hồ sơ | Lãnh đạo Phòng Quản lý môi trường | 0,5 ngày |",
                  "| 4 | Trưng bày hiện vật | Bảo tàng tỉnh; Viettel Tuyên Quang | Quý III/2026 |") == [
        ("Lãnh đạo Phòng Quản lý môi trường", "lead"), ("Bảo tàng tỉnh", "lead"),
        ("Viettel Tuyên Quang", "lead")]


def test_a_listed_body_whose_head_the_tagger_reads_as_a_verb_is_named_whole(make_plan):
    assert _pairs(make_plan, "II. TRÁCH NHIỆM",
                  "1. Sở Xây dựng, Ban quản lý Khu Kinh tế tỉnh và Sở Tài chính có trách nhiệm phối hợp "
                  "công bố thông tin quy hoạch.",
                  "2. Ban quản lý dự án tỉnh chịu trách nhiệm chủ trì thẩm định hồ sơ.") == [
        ("Sở Xây dựng", "coordinate"), ("Ban quản lý Khu Kinh tế tỉnh", "coordinate"),
        ("Sở Tài chính", "coordinate"), ("Ban quản lý dự án tỉnh", "lead")]


def test_a_closing_article_keeps_a_name_that_holds_a_comma(make_plan):
    assert _pairs(make_plan, "Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế, Giám đốc Sở Văn hóa, "
                  "Thể thao và Du lịch và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành "
                  "Quyết định này./.") == [
        ("Chánh Văn phòng Bộ", "assigned"), ("Vụ trưởng Vụ Pháp chế", "assigned"),
        ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "assigned"),
        ("Các cơ quan, đơn vị có liên quan", "assigned")]


def test_a_verb_that_opens_statements_ends_the_name_before_a_role_verb(make_plan):
    assert _pairs(make_plan, "Điều 4. Tổ chức thực hiện",
                  "1. Giao Sở Công Thương tổ chức triển khai và hướng dẫn thực hiện Quyết định này.",
                  "2. Sở Xây dựng, Sở Tài chính tổ chức rà soát cơ sở vật chất của các cơ sở cai nghiện.",
                  "3. Hiệu trưởng Trường Cao đẳng Y tế quyết định cử viên chức đi đào tạo.",
                  "4. Phòng Giáo dục thể chất chủ trì xây dựng điều lệ giải.") == [
        ("Sở Công Thương", "assigned"), ("Sở Xây dựng", "assigned"), ("Sở Tài chính", "assigned"),
        ("Hiệu trưởng Trường Cao đẳng Y tế", "assigned"), ("Phòng Giáo dục thể chất", "lead")]


def test_a_clause_saying_where_a_body_sits_belongs_to_its_name(make_plan):
    assert _pairs(make_plan, "Điều 6. Ứng phó sự cố",
                  "1. Ủy ban nhân dân cấp xã nơi xảy ra sự cố công bố kết thúc giai đoạn ứng phó.",
                  "2. Đảng ủy xã nơi có trụ sở Trường chỉ đạo các chi bộ thực hiện.") == [
        ("Ủy ban nhân dân cấp xã nơi xảy ra sự cố", "assigned"),
        ("Đảng ủy xã nơi có trụ sở Trường", "assigned")]


def test_a_delegation_of_the_assembly_written_in_lower_case_is_named_whole(make_plan):
    assert _pairs(make_plan, "Điều 3. Tổ chức thực hiện",
                  "3. Đoàn đại biểu Quốc hội tỉnh Lào Cai, trong phạm vi nhiệm vụ, quyền hạn của mình, "
                  "giám sát việc thực hiện Nghị quyết này.") == [
        ("Đoàn đại biểu Quốc hội tỉnh Lào Cai", "assigned")]


def test_a_statement_word_the_tagger_glued_to_a_name_is_the_statement(make_plan):
    assert _pairs(make_plan, "Điều 5. Trình tự thực hiện",
                  "1. Bộ trưởng Bộ Dân tộc và Tôn giáo căn cứ quy định tại Điều 4 chỉ đạo rà soát danh sách.",
                  "2. Sở Khoa học và Công nghệ thông báo kết quả cho tổ chức đề xuất.",
                  "3. Hội đồng thẩm định tổ chức họp thẩm định hồ sơ.") == [
        ("Bộ trưởng Bộ Dân tộc và Tôn giáo", "assigned"), ("Sở Khoa học và Công nghệ", "assigned"),
        ("Hội đồng thẩm định", "assigned")]


def test_a_procedure_step_names_its_body_after_the_label(make_plan):
    assert _pairs(make_plan, "II. NỘI DUNG THỦ TỤC", "1.1. Trình tự thực hiện",
                  "Bước 1: Ủy ban nhân dân các xã, phường (sau đây viết tắt là Ủy ban nhân dân cấp xã) "
                  "tổng hợp danh sách gửi Sở Y tế.",
                  "Bước 2: Trong thời hạn 10 ngày kể từ ngày nhận đủ hồ sơ, Sở Y tế thẩm định hồ sơ.",
                  "Bước 3: Tiếp nhận hồ sơ.") == [
        ("Ủy ban nhân dân các xã, phường", "assigned"), ("Sở Y tế", "assigned")]


def test_a_procedure_named_in_a_lead_column_is_no_body(make_plan):
    assert _pairs(make_plan, "Điều 2. Danh mục",
                  "| STT | Tên thủ tục | Cơ quan thực hiện | Thời gian |",
                  "|---|---|---|---|",
                  "| 1 | Đăng ký lễ hội | Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã | 05 ngày |",
                  "| 2 | Cấp giấy | Thủ tục thông báo tổ chức lễ hội cấp xã | 03 ngày |",
                  "| 3 | Trưng bày | Bảo tàng tỉnh | Quý III/2026 |") == [("Bảo tàng tỉnh", "lead")]


def test_a_label_stating_what_a_body_decides_names_only_the_body(make_plan):
    assert _pairs(make_plan, "Điều 4. Thẩm quyền",
                  "1. Trường Chính trị tỉnh tổ chức bồi dưỡng các chương trình sau:",
                  "a) Chương trình bồi dưỡng lý luận chính trị.",
                  "2. Ủy ban nhân dân cấp xã[14] căn cứ tình hình thực tế tại địa phương bố trí quỹ đất.") == [
        ("Trường Chính trị tỉnh", "assigned"), ("Ủy ban nhân dân cấp xã", "assigned")]


def test_a_procedure_field_naming_who_handles_it_is_no_body_itself(make_plan):
    assert _pairs(make_plan, "II. NỘI DUNG THỦ TỤC", "1. Thủ tục công nhận",
                  "1.6. Cơ quan giải quyết thủ tục hành chính: Bộ Dân tộc và Tôn giáo.") == [
        ("Bộ Dân tộc và Tôn giáo", "assigned")]


def test_what_a_related_group_deals_with_belongs_to_its_name(make_plan):
    assert _pairs(make_plan, "Điều 2. Tổ chức thực hiện",
                  "1. Các cơ quan, đơn vị có liên quan đến công tác phòng cháy phối hợp kiểm tra.",
                  "2. Các hội, đoàn thể liên quan tới hoạt động từ thiện, nhân đạo chủ động vận động.") == [
        ("Các cơ quan, đơn vị có liên quan đến công tác phòng cháy", "coordinate"),
        ("Các hội, đoàn thể liên quan tới hoạt động từ thiện, nhân đạo", "assigned")]


def test_a_related_groups_pointer_back_to_the_document_is_no_part_of_its_name(make_plan):
    assert _pairs(make_plan, "Điều 2. Tổ chức thực hiện",
                  "1. Các sở, ngành có liên quan tới việc thực hiện Quyết định này có trách nhiệm báo cáo.",
                  "2. Các đơn vị có liên quan đến các thủ tục nêu tại Điều 1 của Quyết định này, có trách "
                  "nhiệm công bố kết quả.") == [
        ("Các sở, ngành có liên quan", "assigned"),
        ("Các đơn vị có liên quan đến các thủ tục", "assigned")]


def test_other_bodies_of_a_group_are_named_with_khac(make_plan):
    assert _pairs(make_plan, "III. TỔ CHỨC THỰC HIỆN",
                  "1. Các phòng, ban khác",
                  "- Phối hợp với Phòng Nội vụ tổ chức tuyên truyền.",
                  "2. Các cơ quan chuyên môn, đơn vị khác, trạm y tế thuộc huyện bố trí kinh phí.") == [
        ("Các phòng, ban khác", "coordinate"),
        ("Các cơ quan chuyên môn, đơn vị khác, trạm y tế thuộc huyện", "assigned")]


def test_the_groups_a_document_applies_to_are_given_no_task(make_plan):
    assert _pairs(make_plan, "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
                  "1. Quyết định này quy định mức chi hỗ trợ cho công tác hòa giải.",
                  "2. Quyết định này áp dụng đối với:",
                  "a) Các tổ hòa giải ở cơ sở;",
                  "b) Các cơ quan, tổ chức, cá nhân khác có liên quan đến công tác hòa giải.",
                  "Điều 2. Tổ chức thực hiện",
                  "Sở Tư pháp hướng dẫn thực hiện.") == [("Sở Tư pháp", "assigned")]


def test_a_quota_under_a_group_heading_gives_it_no_task(make_plan):
    assert _pairs(make_plan, "IV. SỐ LƯỢNG KHEN THƯỞNG",
                  "1. Các cơ quan, đơn vị cấp huyện có liên quan đến công tác bầu cử:",
                  "- Ban bầu cử của huyện: Không quá 03 cá nhân;",
                  "- Các cơ quan, đơn vị cấp huyện còn lại có liên quan đến công tác tham mưu, tổ chức "
                  "thực hiện bầu cử: chọn không quá 01 trường hợp.",
                  "V. TỔ CHỨC THỰC HIỆN",
                  "Phòng Nội vụ hướng dẫn thực hiện.") == [("Phòng Nội vụ", "assigned")]


def test_where_a_group_works_belongs_to_its_name(make_plan):
    assert _pairs(make_plan, "III. TỔ CHỨC THỰC HIỆN",
                  "1. Các hợp tác xã hoạt động trong lĩnh vực xây dựng, vận tải và du lịch trên địa bàn huyện",
                  "- Chủ động phối hợp ứng dụng nền tảng số.",
                  "2. Các doanh nghiệp hoạt động trên địa bàn xã chủ động đăng ký tham gia.") == [
        ("Các hợp tác xã hoạt động trong lĩnh vực xây dựng, vận tải và du lịch trên địa bàn huyện", "coordinate"),
        ("Các doanh nghiệp hoạt động trên địa bàn xã", "assigned")]
