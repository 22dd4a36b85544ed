"""Responsibilities in the writing of regulations and plans' duty lists: the duty formula
("<who> có trách nhiệm ..."), offices no head list knows, groups narrowed by a clause, two
groups joined by "và"."""

from __future__ import annotations

import pytest

from pipeline.extract.bodies import find_subject, split_bodies
from pipeline.extract.responsibilities import find_responsibilities
from pipeline.extract.statements import role_of

HEAD = ("QUY CHẾ", "Bồi dưỡng cán bộ năm 2026")


def _pairs(make_plan, *lines):
    return [(r.body, r.role) for r in find_responsibilities(make_plan(*HEAD, *lines))]


# (sentence, the subject's name): the duty formula says where the name ends.
DUTY_NAMES = [
    # an office or a party that no head list knows
    ("Giảng viên chấm bài có trách nhiệm nộp điểm cho phòng đào tạo.", "Giảng viên chấm bài"),
    ("Thành viên Tổ công tác có trách nhiệm báo cáo Tổ trưởng.", "Thành viên Tổ công tác"),
    ("Người lao động có trách nhiệm chấp hành nội quy.", "Người lao động"),
    ("Doanh nghiệp, hợp tác xã tự chủ tài chính có trách nhiệm bố trí nguồn lực.",
     "Doanh nghiệp, hợp tác xã tự chủ tài chính"),
    # a group narrowed by a clause the tagger cuts
    ("Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán.",
     "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"),
    ("Cơ quan, tổ chức, đơn vị cấp trên trực tiếp có trách nhiệm xác minh.",
     "Cơ quan, tổ chức, đơn vị cấp trên trực tiếp"),
    ("Cơ quan của người ra quyết định thanh tra có trách nhiệm lưu trữ hồ sơ.",
     "Cơ quan của người ra quyết định thanh tra"),
    ("Các đơn vị ven sông phải có trách nhiệm bảo vệ đê.", "Các đơn vị ven sông"),
]


@pytest.mark.parametrize(("sentence", "body"), DUTY_NAMES)
def test_the_duty_formula_ends_the_name(sentence: str, body: str) -> None:
    subject = find_subject(sentence)
    assert subject is not None and subject.body == body


NOT_DUTY_NAMES = [
    # another body between: the statement's object, not the name
    ("Sở Y tế hướng dẫn các đơn vị có trách nhiệm báo cáo.", "Sở Y tế"),
    # a statement of the body's own before the formula
    ("Sở Công Thương là cơ quan chủ trì, có trách nhiệm tham mưu.", "Sở Công Thương"),
    ("UBND các xã tổ chức thực hiện, có trách nhiệm báo cáo kết quả.", "UBND các xã"),
]


@pytest.mark.parametrize(("sentence", "body"), NOT_DUTY_NAMES)
def test_the_duty_formula_does_not_swallow_a_statement(sentence: str, body: str) -> None:
    subject = find_subject(sentence)
    assert subject is not None and subject.body == body


@pytest.mark.parametrize("sentence", [
    "Việc thanh toán có trách nhiệm bảo đảm đúng hạn.",
    "Trường hợp chậm trễ có trách nhiệm giải trình.",
    "Kinh phí cấp lại giấy chứng nhận do Trung tâm chịu trách nhiệm.",
])
def test_an_act_or_a_condition_is_no_office(sentence: str) -> None:
    assert find_subject(sentence) is None


def test_a_note_of_function_after_a_group_is_no_part_of_it() -> None:
    subject = find_subject("Các sở, ban, ngành trong phạm vi, quyền hạn, nhiệm vụ của mình có trách nhiệm triển khai.")
    assert subject is not None and subject.body == "Các sở, ban, ngành"


@pytest.mark.parametrize(("name", "bodies"), [
    ("Các sở, cơ quan trực thuộc Sở và các cơ quan liên quan",
     ["Các sở, cơ quan trực thuộc Sở", "Các cơ quan liên quan"]),
    ("Các sở, ban, ngành Thành phố và các cơ quan, tổ chức khác có liên quan",
     ["Các sở, ban, ngành Thành phố", "Các cơ quan, tổ chức khác có liên quan"]),
    # kinds that share one "Các" stay one group
    ("Các cơ quan, đơn vị và các tổ chức đoàn thể", ["Các cơ quan, đơn vị và các tổ chức đoàn thể"]),
])
def test_two_groups_joined_by_and(name: str, bodies: list[str]) -> None:
    assert split_bodies(name) == bodies


def test_offices_in_a_regulation_are_given_their_duties(make_plan):
    assert _pairs(make_plan, "Điều 7. Quản lý điểm",
                  "1. Giảng viên chấm bài có trách nhiệm nộp điểm chậm nhất 03 ngày.",
                  "2. Cơ quan của người ra quyết định có trách nhiệm lưu trữ hồ sơ.") == [
        ("Giảng viên chấm bài", "assigned"), ("Cơ quan của người ra quyết định", "assigned")]


def test_a_cell_that_states_who_does_what_gives_each_body_its_role(make_plan):
    assert _pairs(make_plan, "I. TỔ CHỨC THỰC HIỆN",
                  "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
                  "|---|---|---|---|---|",
                  "| 1 | Công bố dữ liệu mở | Sở Tài chính chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã "
                  "thực hiện công bố dữ liệu | Sở Tư pháp | Hằng năm |",
                  "| 2 | Đào tạo kỹ năng số | Sở Nội vụ theo dõi, báo cáo | Cơ quan tham mưu | Năm 2026 |") == [
        ("Sở Tài chính", "lead"), ("Các sở, ngành", "assigned"), ("UBND cấp xã", "assigned"),
        ("Sở Tư pháp", "coordinate"), ("Sở Nội vụ", "lead"), ("Cơ quan tham mưu", "coordinate")]


def test_lines_naming_whose_duties_follow_give_those_offices_rows(make_plan):
    assert _pairs(make_plan, "Điều 5. Quản lý lớp học",
                  "4. Trách nhiệm của các tổ chức, cá nhân trong quản lý lớp học:",
                  "- Ban Giám đốc Trung tâm: chỉ đạo quản lý lớp học theo đúng quy chế.",
                  "- Trách nhiệm của giáo vụ: giám sát việc giảng dạy theo kế hoạch.",
                  "- Ban cán sự lớp: Phối hợp với chủ nhiệm lớp thực hiện kế hoạch học tập.") == [
        ("Ban Giám đốc Trung tâm", "assigned"), ("Giáo vụ", "assigned"), ("Ban cán sự lớp", "coordinate")]


def test_a_topic_label_among_duties_names_no_office(make_plan):
    assert _pairs(make_plan, "Điều 3. Trách nhiệm của Tổ công tác",
                  "- Thời hạn hoàn thành: Quý I/2026.",
                  "- Tổng hợp kết quả, báo cáo Ban Chỉ đạo.") == [("Tổ công tác", "assigned")]


def test_work_of_its_own_after_a_part_in_anothers(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Tài chính: Phối hợp với Sở Công Thương thẩm định kinh phí; hướng dẫn lập dự toán.",
                  "2. Sở Nội vụ: Chủ trì tổng hợp; báo cáo kết quả.") == [
        ("Sở Tài chính", "coordinate"), ("Sở Tài chính", "assigned"), ("Sở Nội vụ", "lead")]


@pytest.mark.parametrize("sentence", [
    "Cơ quan có thẩm quyền giải quyết đối chiếu thông báo nộp tiền.",
    "Các cơ sở đã lập hồ sơ thiết kế gửi cơ quan Công an.",
    "Các cơ quan chuyên môn từ tỉnh đến địa phương thi đua làm tốt công tác.",
])
def test_a_kind_cut_from_its_name_is_no_body(sentence: str) -> None:
    assert find_subject(sentence) is None


@pytest.mark.parametrize(("sentence", "body"), [
    ("Các đơn vị chủ động liên hệ với Văn phòng.", "Các đơn vị"),
    ("Mỗi thôn chọn 02 gương điển hình.", "Mỗi thôn"),
    ("Các tổ bắt đầu tiếp công dân từ ngày 04/02/2026.", "Các tổ"),
    ("Thành phố chỉ đạo điểm tại hai xã.", "Thành phố"),
])
def test_a_kind_with_its_statement_is_a_body(sentence: str, body: str) -> None:
    subject = find_subject(sentence)
    assert subject is not None and subject.body == body


def test_a_body_called_by_its_short_name_is_named_in_full(make_plan):
    assert _pairs(make_plan, "Điều 1. Phạm vi điều chỉnh",
                  "Quy chế này quy định hoạt động của Ban Chỉ đạo phát triển du lịch tỉnh "
                  "(sau đây gọi tắt là Ban Chỉ đạo).",
                  "Điều 2. Nhiệm vụ",
                  "1. Ban Chỉ đạo chỉ đạo việc phối hợp giữa các sở.") == [
        ("Ban Chỉ đạo phát triển du lịch tỉnh", "assigned")]


def test_the_plans_closing_sentences_give_no_rows(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Công Thương chủ trì tổ chức vận chuyển hàng hóa.",
                  "2. Các cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao, khẩn trương phối hợp "
                  "triển khai thực hiện Kế hoạch này; kịp thời báo cáo UBND tỉnh./.") == [("Sở Công Thương", "lead")]
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Y tế chủ trì tổ chức tiêm chủng.",
                  "Ủy ban nhân dân tỉnh giao Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã triển khai thực hiện "
                  "đảm bảo mục đích, yêu cầu, hiệu quả./.") == [("Sở Y tế", "lead")]


def test_an_invitations_closing_gives_no_row(make_plan):
    assert _pairs(make_plan, "3. Thành phần: Thường trực HĐND huyện.",
                  "Thường trực HĐND huyện trân trọng kính mời các đồng chí đến dự đúng thời gian./.") == []


def test_the_body_after_a_topic_and_then_is_the_subject() -> None:
    subject = find_subject("Đối với vụ việc ở nơi công tác thì cơ quan, tổ chức, đơn vị trực tiếp quản lý "
                           "người ứng cử có trách nhiệm xác minh và trả lời bằng văn bản.")
    assert subject is not None and subject.body == "Cơ quan, tổ chức, đơn vị trực tiếp quản lý người ứng cử"


def test_whichever_unit_is_no_body() -> None:
    assert find_subject("Trường hợp bằng điểm thì đơn vị nào có số lượng cao hơn thì xếp hạng cao hơn.") is None


def test_a_modal_before_the_role_verb_keeps_the_role(make_plan):
    assert _pairs(make_plan, "IV. TỔ CHỨC THỰC HIỆN",
                  "1. Sở Tư pháp phải chủ động phối hợp với Sở Nội vụ giải quyết kiến nghị.") == [
        ("Sở Tư pháp", "coordinate")]


def test_an_office_opening_the_main_clause_takes_its_duty() -> None:
    subject = find_subject("Kết thúc tiến hành kiểm tra, thành viên Tổ công tác có trách nhiệm báo cáo Tổ trưởng.")
    assert subject is not None and subject.body == "Thành viên Tổ công tác"
    assert find_subject("Sau khi hoàn thành, việc thanh toán có trách nhiệm bảo đảm đúng hạn.") is None


def test_a_list_whose_first_item_the_tagger_cut_runs_on(make_plan):
    assert _pairs(make_plan, "Điều 5. Tổ chức lớp học",
                  "2. Các cơ quan tham mưu, giúp việc đảng ủy cấp xã, các cơ quan chuyên môn của Ủy ban nhân dân "
                  "cấp xã, các tổ chức chính trị - xã hội cấp xã cử cán bộ tham gia các lớp bồi dưỡng.") == [
        ("Các cơ quan tham mưu, giúp việc đảng ủy cấp xã", "assigned"),
        ("Các cơ quan chuyên môn của Ủy ban nhân dân cấp xã", "assigned"),
        ("Các tổ chức chính trị - xã hội cấp xã", "assigned")]


@pytest.mark.parametrize(("name", "bodies"), [
    ("Các Ban của Hội đồng nhân dân Thành phố, các Tổ đại biểu Hội đồng nhân dân Thành phố",
     ["Các Ban của Hội đồng nhân dân Thành phố", "Các Tổ đại biểu Hội đồng nhân dân Thành phố"]),
    # one "Các" shared by the kinds listed
    ("Các Bộ, cơ quan liên quan", ["Các Bộ, cơ quan liên quan"]),
    ("Các cơ quan, đơn vị, các tổ chức đoàn thể, các thôn", ["Các cơ quan, đơn vị, các tổ chức đoàn thể, các thôn"]),
])
def test_a_narrowed_group_then_a_new_group_after_a_comma(name: str, bodies: list[str]) -> None:
    assert split_bodies(name) == bodies


def test_a_later_clause_with_a_body_of_its_own_is_that_bodys_task(make_plan):
    assert _pairs(make_plan, "V. TỔ CHỨC THỰC HIỆN",
                  "- Các chuyên viên khác thực hiện các nhiệm vụ được phân công; Kế toán, chuyên viên phụ trách "
                  "hành chính lập dự toán kinh phí.") == [
        ("Các chuyên viên khác", "assigned"), ("Kế toán", "assigned"), ("Chuyên viên phụ trách hành chính", "assigned")]


@pytest.mark.parametrize("statement", ["Thực hiện chức năng thường trực, tham mưu Hội đồng chỉ đạo tuyên truyền.",
                                       "Làm nhiệm vụ cơ quan đầu mối, tổng hợp kết quả."])
def test_taking_on_the_standing_function_is_the_lead(statement: str) -> None:
    assert role_of(statement) == "lead"
