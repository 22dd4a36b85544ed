"""Responsibilities in shapes the seed plans never used: kinds of body after Các / Mỗi,
lists that mix a kind with a named body, offices of two bodies, role notes in brackets."""

from __future__ import annotations

from pipeline.extract.bodies import split_bodies
from pipeline.extract.responsibilities import find_responsibilities

HEAD = ("KẾ HOẠCH", "Tiêm chủng mở rộng năm 2025",
        "Thực hiện Kế hoạch số 40/KH-UBND ngày 05/02/2025 của UBND tỉnh, Sở Y tế xây dựng Kế hoạch như sau:")


def _pairs(make_plan, *lines):
    return [(r.body, r.role) for r in find_responsibilities(make_plan(*HEAD, *lines))]


def test_any_kind_of_body_after_cac_or_moi_is_a_subject(make_plan):
    assert _pairs(make_plan, "I. NỘI DUNG",
                  "- Các trạm y tế xã rà soát đối tượng tiêm chủng.",
                  "- Mỗi huyện, thị xã bố trí ít nhất một điểm tiêm lưu động.",
                  "- Các hoạt động được tổ chức an toàn.") == [
        ("Các trạm y tế xã", "assigned"), ("Mỗi huyện, thị xã", "assigned")]


def test_a_kind_then_a_named_body_are_two_bodies_but_bare_kinds_are_one():
    assert split_bodies("Các bệnh viện tuyến tỉnh, Trung tâm Kiểm soát bệnh tật tỉnh") == [
        "Các bệnh viện tuyến tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh"]
    assert split_bodies("Các Phòng, Trung tâm, Quỹ Hỗ trợ nông dân") == ["Các Phòng, Trung tâm, Quỹ Hỗ trợ nông dân"]


def test_an_office_of_two_bodies_is_one_body():
    assert split_bodies("Văn phòng Tỉnh ủy và UBND tỉnh") == ["Văn phòng Tỉnh ủy và UBND tỉnh"]
    assert split_bodies("Văn phòng Sở và Phòng Nghiệp vụ Dược") == ["Văn phòng Sở", "Phòng Nghiệp vụ Dược"]


def test_a_bracket_stating_the_role_is_not_part_of_the_name(make_plan):
    assert _pairs(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                  "1. Trung tâm Kiểm soát bệnh tật (cơ quan đầu mối về tiêm chủng)",
                  "- Chủ trì tập huấn cán bộ y tế tuyến huyện.",
                  "- Cung ứng vắc xin đầy đủ, kịp thời.") == [
        ("Trung tâm Kiểm soát bệnh tật", "lead"), ("Trung tâm Kiểm soát bệnh tật", "assigned")]


def test_a_subject_after_a_heading_label_and_its_colon(make_plan):
    assert _pairs(make_plan, "I. TỔ CHỨC", "1. Điểm tiêm: Mỗi xã bố trí tối thiểu 01 điểm tiêm cố định.") == [
        ("Mỗi xã", "assigned")]


def test_a_name_ends_at_its_role_verb_even_where_the_tagger_reads_a_verb_inside_it(make_plan):
    assert _pairs(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                  "1. Phòng Giáo dục thể chất chủ trì xây dựng điều lệ giải.",
                  "2. Phòng Nội vụ thường xuyên phối hợp kiểm tra.") == [
        ("Phòng Giáo dục thể chất", "lead"), ("Phòng Nội vụ", "coordinate")]
