"""The extract stage runs its steps over one shared analysis; a failing step costs only its table."""

from __future__ import annotations

from pipeline.extract import STEPS, extract
from pipeline.extract.analysis import Analysis
from pipeline.extract.deadlines import find_deadlines
from pipeline.extract.responsibilities import find_responsibilities

LINES = ("ỦY BAN NHÂN DÂN XÃ TÂN AN", "Số: 12/KH-UBND", "Tân An, ngày 05 tháng 01 năm 2026",
         "KẾ HOẠCH", "Tổ chức Hội thao xã năm 2026",
         "Căn cứ Kế hoạch số 3/KH-UBND ngày 02/01/2026 của UBND huyện;",
         "I. TỔ CHỨC THỰC HIỆN",
         "1. Văn phòng HĐND và UBND xã:",
         "a) Chủ trì xây dựng điều lệ Hội thao, hoàn thành trước ngày 15/02/2026.",
         "b) Phối hợp với Đoàn Thanh niên chuẩn bị sân bãi.")


def test_a_failing_step_leaves_the_other_tables_and_names_itself(make_plan):
    plan = make_plan(*LINES)

    def broken(_analysis: Analysis) -> tuple:
        raise KeyError("lost")

    steps = [(name, broken if name == "deadlines" else step) for name, step in STEPS]
    found = extract(plan, steps)
    assert found.deadlines == ()
    assert [(e.stage, e.reason) for e in found.errors] == [("extract", "deadlines: KeyError: 'lost'")]
    assert found.references and found.responsibilities
    assert extract(plan).deadlines and not extract(plan).errors


def test_deadlines_name_the_body_heading_their_section_from_the_shared_analysis(make_plan):
    plan = make_plan(*LINES)
    analysis = Analysis(plan)
    (deadline,) = find_deadlines(plan, analysis)
    assert (deadline.date, deadline.responsible) == ("2026-02-15", "Văn phòng HĐND và UBND xã")
    bodies = {(r.body, r.role) for r in find_responsibilities(plan, analysis)}
    assert ("Văn phòng HĐND và UBND xã", "lead") in bodies
