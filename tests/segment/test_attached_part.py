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
    top = [(s.number, s.heading, plan.part(s.span)) for s in plan.sections if s.level == 1]
    assert top == [("Điều 1", "Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu sản phẩm hàng hóa", "main"),
                   ("Điều 2", "Tổ chức thực hiện", "main"),
                   ("Điều 3", "Quyết định này có hiệu lực kể từ ngày ký", "main"),
                   ("I", "MỤC TIÊU", "attached"),
                   ("II", "TỔ CHỨC THỰC HIỆN", "attached")]
    assert plan.meta.signer_name == "Nguyễn Thành Công"


def test_a_plans_annexed_forms_stay_annexes() -> None:
    plan = plan_of(DECISION.replace("QUYẾT ĐỊNH\nVỀ VIỆC", "KẾ HOẠCH\nVỀ VIỆC", 1))
    assert all(plan.part(s.span) == "main" for s in plan.sections)


ISSUES_RULES = """ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG
Số: 82/2025/QĐ-UBND
Đà Nẵng, ngày 21 tháng 11 năm 2025
QUYẾT ĐỊNH
BAN HÀNH NỘI QUY MẪU ÁP DỤNG CHO CÁC CHỢ
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Nội quy mẫu áp dụng cho các chợ.
Điều 2. Giao Sở Công Thương tổ chức triển khai.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Chí Cường
NỘI QUY MẪU ÁP DỤNG CHO CÁC CHỢ
(Kèm theo Quyết định số 82/2025/QĐ-UBND ngày 21/11/2025 của UBND thành phố)
Điều 1. Thời gian mở cửa
Chợ mở cửa hằng ngày.
Điều 2. Quyền và nghĩa vụ của thương nhân
Thương nhân chấp hành nội quy."""


def test_an_issued_document_titled_without_a_type_word_is_attached() -> None:
    """After the signature, a title in capitals naming what the article issues, with the note
    "(Kèm theo Quyết định số ...)" under it, opens the issued document; its articles are
    attached even though they are numbered as the decision's own."""
    plan = plan_of(ISSUES_RULES)
    top = [(s.number, s.heading, plan.part(s.span)) for s in plan.sections if s.level == 1]
    assert top == [("Điều 1", "Ban hành kèm theo Quyết định này Nội quy mẫu áp dụng cho các chợ", "main"),
                   ("Điều 2", "Giao Sở Công Thương tổ chức triển khai", "main"),
                   ("Điều 3", "Quyết định này có hiệu lực kể từ ngày ký", "main"),
                   ("Điều 1", "Thời gian mở cửa", "attached"),
                   ("Điều 2", "Quyền và nghĩa vụ của thương nhân", "attached")]


def test_a_capitals_line_after_the_signature_naming_nothing_issued_is_no_attached_part() -> None:
    plan = plan_of(ISSUES_RULES.replace("NỘI QUY MẪU ÁP DỤNG CHO CÁC CHỢ\n(Kèm", "BẢNG GIÁ DỊCH VỤ\n(Kèm"))
    assert all(plan.part(s.span) == "main" for s in plan.sections)
