"""Responsibilities in shapes real plans use: groups of bodies narrowed by a qualifier, names
the tagger splits, a heading naming two bodies, the merged press body whose name holds a comma."""

from __future__ import annotations

import pytest

from pipeline.extract.bodies import find_subject, join_comma_names, split_bodies
from pipeline.extract.responsibilities import find_responsibilities

HEAD = ("KẾ HOẠCH", "Chuyển đổi số năm 2026", "IV. TỔ CHỨC THỰC HIỆN")


def _pairs(make_plan, *lines):
    return [(r.body, r.role) for r in find_responsibilities(make_plan(*HEAD, *lines))]


# (sentence, the subject's name): where a body's name ends before its statement.
NAMES = [
    # a group keeps its qualifier
    ("Các đơn vị có liên quan thực hiện tốt nhiệm vụ.", "Các đơn vị có liên quan"),
    ("Các sở ngành liên quan phối hợp cung cấp dữ liệu.", "Các sở ngành liên quan"),
    ("Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ.",
     "Các cơ quan, đơn vị được giao chủ trì"),
    ("Các doanh nghiệp thứ cấp đang hoạt động trong KCN phối hợp cung cấp thông tin.",
     "Các doanh nghiệp thứ cấp đang hoạt động trong KCN"),
    ("Các cơ quan, tổ chức khác có liên quan thực hiện theo hướng dẫn.",
     "Các cơ quan, tổ chức khác có liên quan"),
    # a person's office is a body
    ("Chuyên viên phụ trách tổng hợp tham mưu Ban Thường trực chuẩn bị nội dung.",
     "Chuyên viên phụ trách tổng hợp"),
    ("Người đứng đầu cơ quan, tổ chức, đơn vị được giao nhiệm vụ chịu trách nhiệm về kết quả.",
     "Người đứng đầu cơ quan, tổ chức, đơn vị được giao nhiệm vụ"),
    ("Trưởng Ban Chỉ đạo chỉ đạo chung các hoạt động.", "Trưởng Ban Chỉ đạo"),
    ("Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệm chỉ đạo chung.", "Đồng chí Chủ tịch Ủy ban MTTQ xã"),
    # a person named before the office that holds the task: the office
    ("Đồng chí Dương Thị Mai, Chức vụ: Chánh Thanh tra Sở thực hiện việc tiếp công dân.", "Chánh Thanh tra Sở"),
    ("Giao đồng chí Nguyễn Văn An – Phó Chủ tịch Ủy ban MTTQ xã thực hiện nhiệm vụ.",
     "Phó Chủ tịch Ủy ban MTTQ xã"),
    # a statement verb read as a noun ends it
    ("Ủy ban nhân dân xã, phường quy định số lượng khen thưởng theo thẩm quyền.", "Ủy ban nhân dân xã, phường"),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam xã xây dựng hướng dẫn cụ thể.", "Ban Thường trực Ủy ban MTTQ Việt Nam xã"),
    ("Sở Xây dựng đăng tải thông điệp truyền thông.", "Sở Xây dựng"),
]


@pytest.mark.parametrize(("sentence", "body"), NAMES)
def test_where_the_subjects_name_ends(sentence: str, body: str) -> None:
    subject = find_subject(sentence)
    assert subject is not None and subject.body == body


def test_a_named_body_takes_no_qualifier() -> None:
    subject = find_subject("Công an tỉnh được giao chủ trì thực hiện kiểm tra.")
    assert subject is not None and subject.body == "Công an tỉnh"


def test_a_name_with_and_before_a_capital_is_one_name() -> None:
    subject = find_subject("Sở Khoa học và Công nghệ chủ trì tổ chức đào tạo.")
    assert subject is not None and (subject.body, subject.rest) == (
        "Sở Khoa học và Công nghệ", "chủ trì tổ chức đào tạo.")


def test_the_merged_press_body_is_one_name() -> None:
    assert join_comma_names(["Báo và Phát thanh", "Truyền hình Cần Thơ", "Sở Tư pháp"]) == [
        "Báo và Phát thanh, Truyền hình Cần Thơ", "Sở Tư pháp"]


def test_a_heading_of_two_bodies_gives_each_its_own_role(make_plan):
    assert _pairs(make_plan, "2. Sở Khoa học và Công nghệ, Sở Nội vụ",
                  "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ tổ chức tập huấn.") == [
        ("Sở Khoa học và Công nghệ", "lead"), ("Sở Nội vụ", "coordinate")]


def test_a_heading_body_restated_as_subject_takes_the_role_after_its_name(make_plan):
    assert _pairs(make_plan, "4. Trung tâm Chuyển đổi số tỉnh",
                  "Trung tâm Chuyển đổi số tỉnh chủ trì, phối hợp với Công an tỉnh bảo đảm an toàn.") == [
        ("Trung tâm Chuyển đổi số tỉnh", "lead")]


def test_a_place_name_in_a_heading_is_no_statement_word(make_plan):
    assert _pairs(make_plan, "4. Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ",
                  "Tăng thời lượng tuyên truyền về công tác dân số.") == [
        ("Sở Văn hóa, Thể thao và Du lịch", "assigned"), ("Báo và Phát thanh, Truyền hình Cần Thơ", "assigned")]


def test_offices_listed_together_are_split(make_plan):
    assert _pairs(make_plan, "2. Chuẩn bị hội nghị",
                  "- Kế toán, chuyên viên phụ trách hành chính lập dự toán kinh phí.") == [
        ("Kế toán", "assigned"), ("Chuyên viên phụ trách hành chính", "assigned")]


@pytest.mark.parametrize(("names", "bodies"), [
    ("Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội",
     ["Ủy ban Mặt trận Tổ quốc tỉnh", "Các tổ chức chính trị - xã hội"]),
    ("UBND các xã, phường và các cơ quan, đơn vị có liên quan",
     ["UBND các xã, phường", "Các cơ quan, đơn vị có liên quan"]),
    ("Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh, Hiệp hội doanh nghiệp tỉnh",
     ["Đoàn TNCS Hồ Chí Minh tỉnh", "Hội nông dân tỉnh", "Hiệp hội doanh nghiệp tỉnh"]),
    ("Thủ trưởng các sở, ban, ngành, các đơn vị", ["Thủ trưởng các sở, ban, ngành, các đơn vị"]),
    ("Các cơ quan, đơn vị, các thôn", ["Các cơ quan, đơn vị, các thôn"]),
])
def test_a_group_after_a_named_body_is_another_body(names: str, bodies: list[str]) -> None:
    assert split_bodies(names) == bodies


def test_a_group_keeps_the_body_it_belongs_to() -> None:
    subject = find_subject("Các thành viên khác của Ban Chỉ đạo thực hiện nhiệm vụ được phân công.")
    assert subject is not None and subject.body == "Các thành viên khác của Ban Chỉ đạo"


def test_who_someone_is_is_no_task(make_plan):
    assert _pairs(make_plan, "1. Kiện toàn Ban Chỉ đạo",
                  "- Trưởng Ban Chỉ đạo là Chủ tịch UBND tỉnh.",
                  "- Sở Tư pháp, Sở Nội vụ; thường trực Ban Chỉ đạo là Công an tỉnh.",
                  "- Công an tỉnh là cơ quan thường trực, tham mưu tổ chức kiểm tra.") == [
        ("Công an tỉnh", "lead")]


def test_a_lead_verb_after_a_comma_makes_the_body_lead_too(make_plan):
    assert _pairs(make_plan, "1. Phân công nhiệm vụ",
                  "- Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệm chỉ đạo chung, chủ trì các hội nghị.") == [
        ("Đồng chí Chủ tịch Ủy ban MTTQ xã", "assigned"), ("Đồng chí Chủ tịch Ủy ban MTTQ xã", "lead")]



def test_a_labelled_line_lists_each_body_once_and_without_its_function_note(make_plan):
    assert _pairs(make_plan, "2. Hỗ trợ người lao động",
                  "- Cơ quan phối hợp: Trung tâm Dịch vụ việc làm tỉnh (Sở Nội vụ), Ủy ban nhân dân xã và "
                  "các cơ quan, đơn vị có liên quan.",
                  "- Cơ quan thực hiện: Sở Nội vụ, các sở, ngành tỉnh trong phạm vi chức năng, nhiệm vụ "
                  "của mình.") == [
        ("Trung tâm Dịch vụ việc làm tỉnh (Sở Nội vụ)", "coordinate"), ("Ủy ban nhân dân xã", "coordinate"),
        ("Các cơ quan, đơn vị có liên quan", "coordinate"), ("Sở Nội vụ", "assigned"),
        ("Các sở, ngành tỉnh", "assigned")]


def test_a_request_to_standing_bodies_names_each(make_plan):
    assert _pairs(make_plan, "3. Đề nghị Thường trực HĐND, UBND, Ủy ban Kiểm tra Đảng ủy xã thường xuyên "
                  "phối hợp, trao đổi thông tin.") == [
        ("Thường trực HĐND", "requested"), ("UBND", "requested"), ("Ủy ban Kiểm tra Đảng ủy xã", "requested")]


def test_a_member_listed_with_an_office_is_no_task(make_plan):
    assert _pairs(make_plan, "1. Bà Khúc Thị Hòa - Phó Chủ tịch Ủy ban MTTQ Việt Nam xã - Tổ trưởng.",
                  "2. Ông Đặng Văn Quân - Chuyên viên Ủy ban MTTQ Việt Nam xã - Tổ phó.") == []


def test_a_quota_listed_against_a_body_is_no_task(make_plan):
    assert _pairs(make_plan, "2. Số lượng khen thưởng",
                  "- Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân;",
                  "- Đoàn kiểm tra của tỉnh: Mỗi đoàn xét chọn 01 cá nhân.",
                  "- Mỗi trường chọn 02 gương giáo viên tiêu biểu.") == [("Mỗi trường", "assigned")]
