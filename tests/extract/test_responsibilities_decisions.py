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


DIRECTIVE = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Số: 05/CT-UBND", "An Giang, ngày 03 tháng 4 năm 2025", "CHỈ THỊ",
             "Về tăng cường phòng, chống thiên tai")
ITEMS = ("1. Sở Nông nghiệp và Môi trường", "Chủ trì theo dõi tình hình thiên tai.",
         "2. Công an tỉnh", "Bảo đảm an ninh trật tự.")
SIGNED = ("Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")


def test_a_directive_opening_hands_its_tasks_to_the_bodies_it_asks(make_plan):
    pairs = _pairs(make_plan, *DIRECTIVE,
                   "Để chủ động ứng phó, giảm thiểu thiệt hại, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng "
                   "các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã thực hiện các nhiệm vụ sau:", *ITEMS, *SIGNED)
    assert pairs == [("Sở Nông nghiệp và Môi trường", "lead"), ("Công an tỉnh", "assigned"),
                     ("Thủ trưởng các sở, ban, ngành", "assigned"),
                     ("Chủ tịch Ủy ban nhân dân các xã", "assigned")]


def test_a_directive_closing_charges_its_bodies_but_a_form_after_the_signature_does_not(make_plan):
    pairs = _pairs(make_plan, *DIRECTIVE, "Thời gian qua, công tác phòng, chống thiên tai đạt nhiều kết quả.",
                   *ITEMS,
                   "Trên đây là Chỉ thị về tăng cường phòng, chống thiên tai, yêu cầu Thủ trưởng các sở, ban, ngành "
                   "và các tổ chức, cá nhân có liên quan có trách nhiệm tổ chức thực hiện nghiêm túc Chỉ thị này./.",
                   *SIGNED, "Điều 3: Trưởng đoàn kiểm tra và các ông (bà) có tên tại Điều 1 chịu trách nhiệm "
                   "thi hành Quyết định này./.")
    assert pairs == [("Sở Nông nghiệp và Môi trường", "lead"), ("Công an tỉnh", "assigned"),
                     ("Thủ trưởng các sở, ban, ngành", "assigned"),
                     ("Các tổ chức, cá nhân có liên quan", "assigned")]


def test_a_plan_closing_that_asks_every_unit_to_carry_it_out_stays_no_task(make_plan):
    pairs = _pairs(make_plan, "KẾ HOẠCH", "Phòng, chống thiên tai năm 2026", "I. TỔ CHỨC THỰC HIỆN", *ITEMS,
                   "Trên đây là Kế hoạch phòng, chống thiên tai năm 2026, yêu cầu các cơ quan, đơn vị nghiêm túc "
                   "triển khai thực hiện./.", *SIGNED)
    assert pairs == [("Sở Nông nghiệp và Môi trường", "lead"), ("Công an tỉnh", "assigned")]


def test_going_on_with_a_lead_or_a_part_keeps_its_role(make_plan):
    pairs = _pairs(make_plan, "KẾ HOẠCH", "Phòng, chống thiên tai năm 2026", "I. TỔ CHỨC THỰC HIỆN",
                   "1. Sở Y tế", "a) Thường xuyên kiểm tra chất lượng nước sinh hoạt.",
                   "b) Tiếp tục chủ trì xây dựng quy chuẩn kỹ thuật địa phương.",
                   "2. Bộ Xây dựng tiếp tục phối hợp với các địa phương tháo gỡ vướng mắc.")
    assert pairs == [("Sở Y tế", "assigned"), ("Sở Y tế", "lead"), ("Bộ Xây dựng", "coordinate")]


def test_what_a_body_has_done_is_no_task(make_plan):
    pairs = _pairs(make_plan, "THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc",
                   "I. ĐÁNH GIÁ CHUNG", "Ban Thường vụ Tỉnh ủy đã kịp thời chỉ đạo khắc phục hậu quả cơn bão.",
                   "II. NHIỆM VỤ THỜI GIAN TỚI", "Giao Sở Tài chính khẩn trương tổng hợp nhu cầu kinh phí.")
    assert pairs == [("Sở Tài chính", "assigned")]


def test_an_item_handing_a_task_to_another_gives_its_own_body_no_part_in_it(make_plan):
    pairs = _pairs(make_plan, "THÔNG BÁO", "Kết luận của Thủ tướng Chính phủ", "I. NHIỆM VỤ TRỌNG TÂM",
                   "1. Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ đạo tháo gỡ vướng mắc của các dự án. "
                   "Yêu cầu Nhà đầu tư rà soát kế hoạch thi công; phối hợp với các doanh nghiệp địa phương.")
    assert pairs == [("Đồng chí Bộ trưởng Bộ Xây dựng", "assigned")]
