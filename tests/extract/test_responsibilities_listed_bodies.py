"""Bodies listed together: a group whose members follow a colon ("Ủy ban nhân dân các xã: Hòa
Bình, Tân Lập") is one row named with its members; groups and bodies joined by commas or "và"
are a row each, a group that names its kinds and a tier is one."""

from __future__ import annotations

from pipeline.extract.bodies import find_subject, split_bodies, split_label
from pipeline.extract.responsibilities import find_responsibilities

HEAD = ("KẾ HOẠCH", "Phát triển du lịch cộng đồng")


def _pairs(make_plan, *lines):
    return [(r.body, r.role) for r in find_responsibilities(make_plan(*HEAD, *lines))]


def test_a_heading_naming_a_group_and_its_members_is_one_body(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "3. Ủy ban nhân dân các xã: Hòa Bình, Tân Lập, Phú Mỹ",
                  "- Chủ trì tổ chức các lớp tập huấn tại địa phương.",
                  "- Phối hợp với Sở Văn hóa kiểm tra các điểm du lịch.") == [
        ("Ủy ban nhân dân các xã: Hòa Bình, Tân Lập, Phú Mỹ", "lead"),
        ("Ủy ban nhân dân các xã: Hòa Bình, Tân Lập, Phú Mỹ", "coordinate")]


def test_a_subject_naming_a_group_and_its_members_keeps_them(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Xây dựng và Ủy ban nhân dân các tỉnh: Hòa Bình, Lạng Sơn và Cao Bằng "
                  "hoàn thành việc rà soát trong quý I.") == [
        ("Sở Xây dựng", "assigned"), ("Ủy ban nhân dân các tỉnh: Hòa Bình, Lạng Sơn và Cao Bằng", "assigned")]


def test_departments_listed_after_their_kind_go_on_in_lower_case():
    found = find_subject("Các Sở: Giao thông vận tải, Nông nghiệp và Môi trường, Công an tỉnh "
                         "theo chức năng, nhiệm vụ triển khai thực hiện.")
    assert found is not None
    assert found.body == "Các Sở: Giao thông vận tải, Nông nghiệp và Môi trường, Công an tỉnh"
    assert found.rest.startswith("theo chức năng")
    # members holding a body's head ("Công an", "Văn phòng") are the group's, not bodies apart
    assert split_bodies("Các bộ, cơ quan: Công an, Văn phòng Chính phủ; Sở Tư pháp") == [
        "Các bộ, cơ quan: Công an, Văn phòng Chính phủ", "Sở Tư pháp"]


def test_a_group_and_its_members_after_another_group_is_a_body_of_its_own():
    assert split_bodies("Các bộ, ngành liên quan và các Tập đoàn: Điện lực Việt Nam, Dầu khí Việt Nam") == [
        "Các bộ, ngành liên quan", "Các Tập đoàn: Điện lực Việt Nam, Dầu khí Việt Nam"]


def test_a_statement_after_a_groups_colon_is_no_member_list():
    assert split_label("Ủy ban nhân dân các xã, phường: Phối hợp với Sở Y tế, Sở Tài chính") == (
        "Ủy ban nhân dân các xã, phường", " Phối hợp với Sở Y tế, Sở Tài chính")
    assert split_label("Các cơ quan, đơn vị liên quan: Kịp thời báo cáo") == (
        "Các cơ quan, đơn vị liên quan", " Kịp thời báo cáo")
    # a list of offices goes on after the members, to the heading's own colon
    assert split_label("Giám đốc các Sở: Tài chính, Tư pháp; Chủ tịch UBND các xã: Tổ chức thực hiện") == (
        "Giám đốc các Sở: Tài chính, Tư pháp; Chủ tịch UBND các xã", " Tổ chức thực hiện")


def test_a_duty_heading_names_a_group_with_its_members(make_plan):
    assert _pairs(make_plan, "Điều 8. Trách nhiệm thi hành",
                  "2. Trách nhiệm của các Sở: Y tế, Tài chính.",
                  "a) Chủ trì hướng dẫn thực hiện quy chế.") == [("Các Sở: Y tế, Tài chính", "lead")]


def test_a_kind_named_by_words_of_its_own_after_a_tiered_group_is_another_body(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Các sở, ban, ngành cấp tỉnh, cơ quan ngành dọc đóng trên địa bàn tỉnh, Ủy ban nhân "
                  "dân các xã xây dựng kế hoạch triển khai.") == [
        ("Các sở, ban, ngành cấp tỉnh", "assigned"), ("Cơ quan ngành dọc đóng trên địa bàn tỉnh", "assigned"),
        ("Ủy ban nhân dân các xã", "assigned")]


def test_kinds_sharing_one_group_stay_one_body():
    assert split_bodies("Các bộ, cơ quan thuộc đối tượng kiểm tra") == ["Các bộ, cơ quan thuộc đối tượng kiểm tra"]
    assert split_bodies("Các sở, ban, ngành, đoàn thể cấp tỉnh") == ["Các sở, ban, ngành, đoàn thể cấp tỉnh"]
    assert split_bodies("Các cơ quan chuyên môn cấp xã, đơn vị liên quan") == [
        "Các cơ quan chuyên môn cấp xã, đơn vị liên quan"]


def test_the_grassroots_broadcasting_network_is_a_body_of_its_own(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "5. Đài Phát thanh tỉnh, Trang thông tin điện tử huyện và hệ thống truyền thanh cơ sở "
                  "đẩy mạnh tuyên truyền về Kế hoạch.") == [
        ("Đài Phát thanh tỉnh", "assigned"), ("Trang thông tin điện tử huyện", "assigned"),
        ("Hệ thống truyền thanh cơ sở", "assigned")]
