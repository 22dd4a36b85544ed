"""Citation shapes of real plans that the in-house ones lacked."""

from __future__ import annotations

from pipeline.extract.references import find_references
from pipeline.models import Text
from pipeline.segment import segment


def refs(body: str):
    text = "KẾ HOẠCH\nThực hiện công tác năm 2026\n" + body
    plan = segment(Text.from_strings("t", [(line, 1) for line in text.split("\n")], ()))
    return find_references(plan)


def test_a_law_cited_with_its_number_gets_the_code() -> None:
    (law,) = refs("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;")
    assert (law.ref_type, law.ref_code, law.ref_date) == ("Luật", "72/2025/QH15", "2025-06-16")
    assert law.ref_title == "Luật Tổ chức chính quyền địa phương"


def test_an_amending_law_keeps_its_whole_name_and_swallows_the_laws_it_amends() -> None:
    (law,) = refs("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư số 57/2024/QH15;")
    assert law.ref_code == "57/2024/QH15"
    assert law.ref_title == "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư"


def test_a_code_with_a_space_after_its_hyphen_is_one_code() -> None:
    (plan,) = refs("Thực hiện Kế hoạch 223/KH- UBND ngày 24/10/2025 của UBND tỉnh.")
    assert (plan.ref_code, plan.ref_key) == ("223/KH-UBND", "223-KH-UBND")


def test_footnotes_after_the_signature_are_read() -> None:
    found = refs("I. MỤC ĐÍCH\n1. Triển khai các văn bản[1].\nNơi nhận:\n- Lưu: VT.\n"
                 "[1] Chỉ thị số 17-CT/TU ngày 07/03/2022 của Ban Thường vụ Tỉnh ủy.")
    assert [r.ref_code for r in found] == ["17-CT/TU"]


def test_a_law_named_alone_stops_where_a_known_name_stops() -> None:
    # Both names are in models/law_names.txt, learned from documents that closed them.
    found = refs("Căn cứ Luật Tổ chức Chính quyền địa phương; Luật Bầu cử đại biểu Quốc hội và đại biểu "
                 "Hội đồng nhân dân;\nII. NỘI DUNG\n1. Triển khai Luật Thi đua, khen thưởng bảo đảm kịp thời.")
    assert [r.ref_title for r in found] == ["Luật Tổ chức Chính quyền địa phương",
                                            "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
                                            "Luật Thi đua, khen thưởng"]


def test_a_law_the_document_closes_with_its_number_ends_there_elsewhere_too() -> None:
    found = refs("Căn cứ Luật Trồng rừng Ven biển Miền Trung số 75/2015/QH13;\n"
                 "II. NỘI DUNG\n1. Phổ biến Luật Trồng rừng Ven biển Miền Trung tới người dân.")
    assert [(r.ref_code, r.ref_title) for r in found] == [
        ("75/2015/QH13", "Luật Trồng rừng Ven biển Miền Trung")]
