"""References: hand-written citations in the style of plans from several provinces and levels."""

from __future__ import annotations

from pipeline.extract.references import find_references

HEAD = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Số: 45/KH-UBND", "Quảng Ngãi, ngày 12 tháng 3 năm 2025",
        "KẾ HOẠCH", "Chuyển đổi số năm 2025")


def _rows(make_plan, *lines):
    refs = find_references(make_plan(*HEAD, *lines))
    return [(r.ref_type, r.ref_code, r.ref_key, r.ref_date, r.ref_issuer, r.ref_title, r.relation)
            for r in refs]


def test_implements_every_document_of_the_opening_clause(make_plan):
    rows = _rows(make_plan,
                 "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát "
                 "triển khoa học, công nghệ; Kế hoạch số 12/KH-BCĐ-C06 ngày 07 tháng 4 năm 2025 của Ban "
                 "Chỉ đạo tỉnh về triển khai Đề án 06, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
                 "I. MỤC ĐÍCH, YÊU CẦU", "- Nâng cao nhận thức.")
    assert rows == [
        ("Nghị quyết", "57-NQ/TW", "57-NQ-TW", "2024-12-22", "Bộ Chính trị",
         "đột phá phát triển khoa học, công nghệ", "implements"),
        ("Kế hoạch", "12/KH-BCĐ-C06", "12-KH-BCĐ-C06", "2025-04-07", "Ban Chỉ đạo tỉnh",
         "triển khai Đề án 06", "implements"),
    ]


def test_pursuant_and_quoted_title_and_year_in_code(make_plan):
    rows = _rows(make_plan,
                 "Căn cứ Nghị định số 150/2025/NĐ-CP ngày 12/6/2025 của Chính phủ về việc “Quy định tổ "
                 "chức các cơ quan chuyên môn”;",
                 "I. MỤC ĐÍCH", "- Nâng cao nhận thức.")
    assert rows == [("Nghị định", "150/2025/NĐ-CP", "150-2025-NĐ-CP", "2025-06-12", "Chính phủ",
                     "Quy định tổ chức các cơ quan chuyên môn", "pursuant")]


def test_two_numbers_after_one_type_share_issuer_and_title(make_plan):
    rows = _rows(make_plan,
                 "Thực hiện Quyết định số 12/QĐ-UBND và số 15/QĐ-UBND ngày 03/01/2025 của UBND tỉnh về "
                 "việc ban hành Danh mục dịch vụ công trực tuyến.",
                 "I. MỤC ĐÍCH", "- Nâng cao nhận thức.")
    assert [r[1] for r in rows] == ["12/QĐ-UBND", "15/QĐ-UBND"]
    assert {r[4] for r in rows} == {"UBND tỉnh"}
    assert {r[5] for r in rows} == {"ban hành Danh mục dịch vụ công trực tuyến"}


def test_laws_by_name_and_congress_resolution_are_cited(make_plan):
    plan = make_plan(*HEAD, "Để triển khai nhiệm vụ năm 2025, Sở Thông tin và Truyền thông xây dựng "
                     "Kế hoạch như sau:", "I. NỘI DUNG",
                     "- Tổ chức thực hiện Luật Giao dịch điện tử năm 2023 và Luật Phòng, chống tham nhũng "
                     "trong cơ quan; cụ thể hóa Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX đã đề ra.")
    refs = find_references(plan)
    assert [(r.ref_type, r.ref_title, r.ref_issuer, r.relation, r.section_id) for r in refs] == [
        ("Luật", "Luật Giao dịch điện tử", "", "cites", "I"),
        ("Luật", "Luật Phòng, chống tham nhũng", "", "cites", "I"),
        ("Nghị quyết", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", "Đại hội Đảng bộ tỉnh lần thứ XX",
         "cites", "I"),
    ]
    # The year tells which law of that name; it is no part of the name, and stays in raw.
    assert refs[0].raw == "Luật Giao dịch điện tử năm 2023"


def test_generic_mentions_are_not_references(make_plan):
    rows = _rows(make_plan, "I. NỘI DUNG",
                 "- Triển khai Kế hoạch này theo quy định và các văn bản hướng dẫn thi hành; xây dựng "
                 "Kế hoạch tuyên truyền trên Cổng thông tin điện tử.")
    assert rows == []


def test_cited_twice_is_one_row_and_span_points_at_the_citation(make_plan):
    plan = make_plan(*HEAD, "Thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị.",
                     "I. NỘI DUNG", "- Quán triệt Chỉ thị 34/CT-TW của Bộ Chính trị.")
    refs = find_references(plan)
    assert len(refs) == 1
    ref = refs[0]
    assert ref.relation == "implements"
    assert plan.text.string[ref.span.start:ref.span.end].startswith("Chỉ thị số 34-CT/TW")
