"""Labelled assignment lines ("Đơn vị chủ trì: Sở Nội vụ.") name their bodies after the colon."""

from __future__ import annotations

import pytest

from pipeline import patterns
from pipeline.extract.statements import assignment_line, executing_bodies, role_of

ROLES = patterns.load("roles")


@pytest.mark.parametrize(("line", "role", "bodies"), ROLES["assignment_examples"])
def test_assignment_label_examples(line: str, role: str, bodies: str) -> None:
    assert assignment_line(line) == (role, bodies)


@pytest.mark.parametrize("line", ROLES["assignment_counter_examples"])
def test_assignment_label_counter_examples(line: str) -> None:
    assert assignment_line(line) is None


@pytest.mark.parametrize(("line", "bodies"), ROLES["executes_examples"])
def test_a_decisions_closing_article_names_each_body(line: str, bodies: list[str]) -> None:
    assert executing_bodies(line) == bodies


def test_a_request_heading_names_its_bodies_after_the_colon_and_abbreviations_merge(make_plan):
    from pipeline.extract.responsibilities import find_responsibilities
    plan = make_plan("KẾ HOẠCH", "Chuyển đổi số năm 2026", "IV. TỔ CHỨC THỰC HIỆN",
                     "1. Sở Khoa học và Công nghệ", "a) Là cơ quan đầu mối, chủ trì triển khai kế hoạch.",
                     "b) Định kỳ tổng hợp báo cáo kết quả.",
                     "2. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh",
                     "a) Tuyên truyền, vận động hội viên tham gia.",
                     "3. Sở KH&CN phối hợp với Sở Tài chính bố trí kinh phí.")
    rows = {(r.body, r.role) for r in find_responsibilities(plan)}
    assert rows == {("Sở Khoa học và Công nghệ", "lead"), ("Sở Khoa học và Công nghệ", "assigned"),
                    ("Sở Khoa học và Công nghệ", "coordinate"),
                    ("Hiệp hội Doanh nghiệp tỉnh", "requested"), ("Hội Nông dân tỉnh", "requested")}


def test_a_role_after_a_dash_in_a_body_heading_is_no_part_of_its_name(make_plan):
    from pipeline.extract.responsibilities import find_responsibilities
    plan = make_plan("KẾ HOẠCH", "Kiểm kê tài sản công", "IV. TỔ CHỨC THỰC HIỆN",
                     "1. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo",
                     "- Chủ trì hướng dẫn các cơ quan, đơn vị thực hiện kiểm kê.")
    assert {(r.body, r.role) for r in find_responsibilities(plan)} == {("Sở Tài chính", "lead")}


@pytest.mark.parametrize(("statement", "role"), ROLES["statement_prefix_examples"])
def test_an_opening_clause_does_not_hide_the_role_verb(statement: str, role: str) -> None:
    assert role_of(statement) == role
