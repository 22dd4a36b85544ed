"""Responsibilities in decisions, directives and the plans decisions issue: a body charged in
both the decision and its attached plan, closing articles, a directive's opening and closing."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.responsibilities import find_responsibilities

DECISION = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Số: 12/QĐ-UBND", "An Giang, ngày 03 tháng 4 năm 2025",
            "QUYẾT ĐỊNH", "Về việc ban hành Kế hoạch phát triển thương mại điện tử năm 2026",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển thương mại điện tử năm 2026.")
ATTACHED = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "KẾ HOẠCH",
            "Phát triển thương mại điện tử năm 2026",
            "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 03/4/2025 của UBND tỉnh)",
            "I. MỤC ĐÍCH", "- Phát triển thương mại điện tử.", "II. TỔ CHỨC THỰC HIỆN")


def _pairs(make_plan, *lines):
    return [(r.body, r.role) for r in find_responsibilities(make_plan(*lines))]


def test_a_body_charged_by_the_decision_and_by_its_plan_has_a_row_in_each(make_plan):
    plan = make_plan(*DECISION,
                     "Điều 2. Giao Sở Công Thương chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch này.",
                     "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", *ATTACHED,
                     "1. Sở Công Thương", "a) Chủ trì hướng dẫn các doanh nghiệp.",
                     "b) Chủ trì tổng hợp kết quả.")
    rows = [(r.body, r.role, r.part) for r in extract(plan).responsibilities]
    assert rows == [("Sở Công Thương", "lead", "main"), ("Sở Công Thương", "lead", "attached")]
