"""A decision that issues a plan: its articles are its outline, the plan is a part of its own."""

from __future__ import annotations

from pipeline.models import Text
from pipeline.segment import segment

DECISION = """ỦY BAN NHÂN DÂN TỈNH SƠN LA
Số: 2954/QĐ-UBND
Sơn La, ngày 20 tháng 11 năm 2025
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH XUẤT KHẨU
ỦY BAN NHÂN DÂN TỈNH SƠN LA
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu sản phẩm hàng hóa.
Điều 2. Tổ chức thực hiện
Giao Sở Công Thương chủ trì triển khai.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 3;
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thành Công
KẾ HOẠCH
XUẤT KHẨU SẢN PHẨM HÀNG HÓA
I. MỤC TIÊU
1. Duy trì tốc độ tăng trưởng xuất khẩu.
II. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì theo dõi."""


def plan_of(text: str):
    return segment(Text.from_strings("d", [(line, 1) for line in text.split("\n")], ()))


def test_articles_are_the_decisions_level_one_and_the_issued_plan_is_attached() -> None:
    plan = plan_of(DECISION)
    top = [(s.number, s.heading, plan.part(s.section_id)) for s in plan.sections if s.level == 1]
    assert top == [("Điều 1", "Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu sản phẩm hàng hóa", "main"),
                   ("Điều 2", "Tổ chức thực hiện", "main"),
                   ("Điều 3", "Quyết định này có hiệu lực kể từ ngày ký", "main"),
                   ("I", "MỤC TIÊU", "attached"),
                   ("II", "TỔ CHỨC THỰC HIỆN", "attached")]
    assert plan.meta.signer_name == "Nguyễn Thành Công"


def test_a_plans_annexed_forms_stay_annexes() -> None:
    plan = plan_of(DECISION.replace("QUYẾT ĐỊNH\nVỀ VIỆC", "KẾ HOẠCH\nVỀ VIỆC", 1))
    assert all(plan.part(s.section_id) == "main" for s in plan.sections)
