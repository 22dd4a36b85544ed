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
                  "3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án",
                  "a) Hướng dẫn nhà đầu tư hoàn thiện hồ sơ.",
                  "b) Chủ động phối hợp với các cơ quan liên quan để giải quyết.",
                  "c) Chủ trì tham mưu giải quyết kiến nghị của nhà đầu tư.") == [
        ("Cơ quan chủ trì giải quyết thủ tục đầu tư dự án", "assigned"),
        ("Cơ quan chủ trì giải quyết thủ tục đầu tư dự án", "coordinate"),
        ("Cơ quan chủ trì giải quyết thủ tục đầu tư dự án", "lead")]


def test_a_bare_kind_cut_from_its_name_is_no_body(make_plan):
    assert _pairs(make_plan, "Điều 3. Thực hiện",
                  "Đơn vị tính: đồng.",
                  "Cơ quan quản lý nhà nước về điện lực tại Bộ Công Thương hướng dẫn thực hiện.",
                  "Các đơn vị chủ động triển khai thực hiện.") == [("Các đơn vị", "assigned")]

