"""References in shapes the seed plans never used: bodies named "về ...", scope words after
an issuer, lists of codes sharing a date, laws named with a date or with capitalised words."""

from __future__ import annotations

import pytest

from pipeline.extract.references import find_references

HEAD = ("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "Số: 19/KH-UBND", "Châu Thành, ngày 03 tháng 4 năm 2024",
        "KẾ HOẠCH")


def _rows(make_plan, *lines):
    refs = find_references(make_plan(*HEAD, *lines))
    return [(r.ref_type, r.ref_code, r.ref_date, r.ref_issuer, r.ref_title, r.relation) for r in refs]


def test_issuer_named_about_a_capitalised_field_keeps_its_about(make_plan):
    rows = _rows(make_plan, "Ứng phó với hạn hán, xâm nhập mặn năm 2024",
                 "Thực hiện Công văn số 88/BCĐ-VP ngày 20/3/2024 của Ban Chỉ đạo Trung ương về Phòng, "
                 "chống thiên tai về việc chủ động ứng phó với hạn hán, Ủy ban nhân dân huyện ban hành "
                 "Kế hoạch như sau:", "I. MỤC ĐÍCH", "- Giảm thiệt hại.")
    assert rows == [("Công văn", "88/BCĐ-VP", "2024-03-20", "Ban Chỉ đạo Trung ương về Phòng, chống thiên tai",
                     "chủ động ứng phó với hạn hán", "implements")]


def test_lower_case_about_still_ends_the_issuer(make_plan):
    rows = _rows(make_plan, "Chuyển đổi số năm 2024",
                 "Thực hiện Kế hoạch số 07/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh về đẩy mạnh "
                 "chuyển đổi số, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH", "- Số hóa.")
    assert rows[0][3:5] == ("Ủy ban nhân dân tỉnh", "đẩy mạnh chuyển đổi số")


def test_title_citation_stops_the_issuer_at_the_scope_and_takes_the_preamble_details(make_plan):
    rows = _rows(make_plan, "Triển khai Nghị quyết số 15/NQ-HĐND ngày 08/12/2023 của Hội đồng nhân dân tỉnh "
                 "trên địa bàn huyện năm 2024",
                 "Thực hiện Nghị quyết số 15/NQ-HĐND ngày 08/12/2023 của Hội đồng nhân dân tỉnh về phát "
                 "triển du lịch cộng đồng, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:",
                 "I. MỤC ĐÍCH", "- Thu hút khách.")
    assert rows == [("Nghị quyết", "15/NQ-HĐND", "2023-12-08", "Hội đồng nhân dân tỉnh",
                     "phát triển du lịch cộng đồng", "implements")]


def test_codes_listed_before_one_date_share_it(make_plan):
    rows = _rows(make_plan, "Cải cách hành chính năm 2024",
                 "Căn cứ các Quyết định số 301/QĐ-UBND, số 302/QĐ-UBND và số 303/QĐ-UBND ngày 14/02/2024 "
                 "của UBND tỉnh về công bố thủ tục hành chính;", "I. MỤC ĐÍCH", "- Rút ngắn thời gian.")
    assert [r[1:4] for r in rows] == [("301/QĐ-UBND", "2024-02-14", "UBND tỉnh"),
                                      ("302/QĐ-UBND", "2024-02-14", "UBND tỉnh"),
                                      ("303/QĐ-UBND", "2024-02-14", "UBND tỉnh")]


def test_laws_named_with_their_date_or_with_capitalised_words(make_plan):
    rows = _rows(make_plan, "Phổ biến pháp luật năm 2024",
                 "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024; Luật Tổ chức Quốc hội và Luật Hoạt động "
                 "giám sát của Quốc hội và Hội đồng nhân dân năm 2015;", "I. MỤC ĐÍCH", "- Nâng cao ý thức.")
    assert rows == [("Luật", "", "2024-01-18", "", "Luật Đất đai", "pursuant"),
                    ("Luật", "", "", "", "Luật Tổ chức Quốc hội", "pursuant"),
                    ("Luật", "", "", "",
                     "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân", "pursuant")]


def test_issuer_stops_before_the_body_issuing_this_plan(make_plan):
    rows = _rows(make_plan, "Công tác dân vận năm 2024",
                 "Thực hiện Kết luận số 01-KL/HU ngày 05/01/2024 của Ban Thường vụ Huyện ủy, UBND huyện "
                 "ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH", "- Gần dân.")
    assert rows == [("Kết luận", "01-KL/HU", "2024-01-05", "Ban Thường vụ Huyện ủy", "", "implements")]


def test_a_document_cited_by_date_and_issuer_without_its_number_is_a_reference(make_plan):
    rows = _rows(make_plan, "Tôn vinh cán bộ năm 2025",
                 "Thực hiện Kế hoạch của Ủy ban nhân dân thành phố ngày 10/6/2025 về tôn vinh cán bộ; "
                 "Kế hoạch ngày 12/6/2025 của Ban Thi đua - Khen thưởng thành phố về khen thưởng, "
                 "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH", "- Tôn vinh.")
    assert [r[:5] for r in rows] == [
        ("Kế hoạch", "", "2025-06-10", "Ủy ban nhân dân thành phố", "tôn vinh cán bộ"),
        ("Kế hoạch", "", "2025-06-12", "Ban Thi đua - Khen thưởng thành phố", "khen thưởng")]


def test_a_plan_mentioned_without_a_date_is_no_reference(make_plan):
    rows = _rows(make_plan, "Tôn vinh cán bộ năm 2025",
                 "Căn cứ tình hình thực tế, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:",
                 "I. MỤC ĐÍCH", "- Các xã xây dựng Kế hoạch của Ủy ban nhân dân xã để triển khai.")
    assert rows == []


def test_the_issuer_stops_where_what_the_document_does_begins(make_plan):
    rows = _rows(make_plan, "Chuyển đổi số năm 2024",
                 "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình "
                 "Chuyển đổi số quốc gia; Nghị định số 47/2024/NĐ-CP ngày 09/5/2024 của Chính phủ Quy định "
                 "danh mục dịch vụ công; Kế hoạch số 24/KH-UBND ngày 14/8/2024 của UBND tỉnh thực hiện "
                 "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", "I. MỤC ĐÍCH", "- Số hóa.")
    assert [(r[1], r[3]) for r in rows] == [("749/QĐ-TTg", "Thủ tướng Chính phủ"),
                                           ("47/2024/NĐ-CP", "Chính phủ"), ("24/KH-UBND", "UBND tỉnh"),
                                           ("57-NQ/TW", "Bộ Chính trị")]


def test_citations_listed_before_one_issuer_share_it(make_plan):
    rows = _rows(make_plan, "Bảo vệ rừng năm 2025",
                 "Thực hiện Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày 29/12/2023 của "
                 "Ban Thường vụ Tỉnh ủy; Chỉ thị số 03/CT-UBND ngày 19/3/2019 của UBND tỉnh;",
                 "I. MỤC ĐÍCH", "- Giữ rừng.")
    assert [(r[1], r[3]) for r in rows] == [("31-CT/TU", "Ban Thường vụ Tỉnh ủy"),
                                           ("134-KH/TU", "Ban Thường vụ Tỉnh ủy"),
                                           ("03/CT-UBND", "UBND tỉnh")]


def test_a_law_cited_with_its_number_keeps_its_issuer(make_plan):
    rows = _rows(make_plan, "Chính quyền địa phương năm 2025",
                 "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025 của "
                 "Quốc hội;", "I. MỤC ĐÍCH", "- Bộ máy.")
    assert rows[0][1:4] == ("72/2025/QH15", "2025-06-16", "Quốc hội")


def test_a_document_amended_at_another_is_two_rows_and_the_subject_of_a_resolution_none(make_plan):
    rows = _rows(make_plan, "Chuyển đổi số năm 2025",
                 "Căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ Ban hành chương trình hành động "
                 "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị được sửa đổi, bổ sung tại "
                 "Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ;", "I. MỤC ĐÍCH", "- Số hóa.")
    assert [r[1] for r in rows] == ["03/NQ-CP", "71/NQ-CP"]


def test_a_decision_citing_a_document_in_its_title_takes_the_relation_of_its_preamble(make_plan):
    refs = find_references(make_plan(
        "ỦY BAN NHÂN DÂN TỈNH LONG AN", "Số: 12/QĐ-UBND", "Long An, ngày 03 tháng 4 năm 2025", "QUYẾT ĐỊNH",
        "BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Quyết định số 06/QĐ-TTg ngày 02 tháng 01 năm 2025 của Thủ tướng Chính phủ;",
        "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch."))
    assert [(r.ref_code, r.relation) for r in refs] == [("06/QĐ-TTG", "pursuant")]


def test_going_on_to_implement_opens_an_implements_clause(make_plan):
    rows = _rows(make_plan, "Bảo vệ rừng năm 2025",
                 "Để tiếp tục thực hiện nghiêm Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ, "
                 "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH", "- Giữ rừng.")
    assert rows[0][1] == "05/CT-TTg" and rows[0][5] == "implements"


def test_a_title_about_a_matter_is_no_roman_five_and_loses_its_v_v(make_plan):
    plan = make_plan(*HEAD[:3], "KẾ HOẠCH", "V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP",
                     "Căn cứ Nghị định số 200/2023/NĐ-CP ngày 28/12/2023 của Chính phủ;",
                     "I. ĐÁNH GIÁ TÌNH HÌNH", "- Thiệt hại lớn.")
    assert plan.meta.title == "HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP"
    assert [s.number for s in plan.sections] == ["I"]
    assert find_references(plan)[0].relation == "pursuant"


def test_codes_listed_after_a_colon_each_with_its_own_date_and_title(make_plan):
    rows = _rows(make_plan, "Ứng phó lũ năm 2025",
                 "Căn cứ các Công điện: số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày "
                 "19/11/2025; các Quyết định: số 36/QĐ-TTg ngày 11/01/2024 về việc quy hoạch hạ tầng, số "
                 "1569/QĐ-TTg ngày 12/12/2024 về việc phê duyệt quy hoạch Thủ đô;", "I. MỤC ĐÍCH", "- Ứng phó.")
    assert [r[1:3] for r in rows] == [("007/CĐ-UBND", "2025-11-17"), ("008/CĐ-UBND", "2025-11-19"),
                                      ("009/CĐ-UBND", "2025-11-19"), ("36/QĐ-TTg", "2024-01-11"),
                                      ("1569/QĐ-TTg", "2024-12-12")]
    assert [r[4] for r in rows[3:]] == ["quy hoạch hạ tầng", "phê duyệt quy hoạch Thủ đô"]


def test_an_amending_law_over_a_list_of_numbered_laws_is_one_row(make_plan):
    rows = _rows(make_plan, "Đất đai năm 2025",
                 "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số "
                 "27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15;", "I. MỤC ĐÍCH", "- Đất.")
    assert [(r[1], r[4]) for r in rows] == [
        ("", "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số "
             "27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15")]


def test_law_names_in_lower_case_with_abbreviations_or_short_forms_are_one_row_each(make_plan):
    rows = _rows(make_plan, "Bầu cử năm 2026",
                 "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 25 tháng 6 năm 2015; "
                 "Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015;", "I. MỤC ĐÍCH",
                 "- Theo Luật Bầu cử và Luật MTTQ Việt Nam; dự toán theo Luật ngân sách nhà nước.",
                 "- Tổ chức thi hành Luật Ban hành văn bản QPPL bảo đảm kịp thời; Luật Ban hành văn bản QPPL;")
    assert [r[4] for r in rows] == ["Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
                                    "Luật Mặt trận Tổ quốc Việt Nam", "Luật ngân sách nhà nước",
                                    "Luật Ban hành văn bản QPPL"]


def test_a_code_cut_short_where_it_is_cited_again_is_the_full_code(make_plan):
    rows = _rows(make_plan, "Bầu cử năm 2026",
                 "Căn cứ Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 26/9/2025;",
                 "I. MỤC ĐÍCH", "- Theo Điều 21 Nghị quyết liên tịch số 102/2025/NQLT.")
    assert [r[1] for r in rows] == ["102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"]


@pytest.mark.parametrize(("preamble", "expected"), [
    # the issuer named before the citation
    ("Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 4620/TTr-SYT ngày 18 tháng 11 năm 2025.",
     ("4620/TTr-SYT", "2025-11-18", "Giám đốc Sở Y tế")),
    # a non-breaking hyphen (U+2011) inside the code
    ("Thực hiện Quy định số 296‑QĐ/TW, ngày 30/5/2025 của Ban Chấp hành Trung ương;",
     ("296‑QĐ/TW", "2025-05-30", "Ban Chấp hành Trung ương")),
])
def test_one_citation_code_date_and_issuer(make_plan, preamble, expected):
    assert _rows(make_plan, "Kế hoạch năm 2025", preamble, "I. MỤC ĐÍCH", "- Làm.")[0][1:4] == expected


def test_a_congress_resolution_with_its_term_or_party_and_a_field_of_study_is_no_law(make_plan):
    rows = _rows(make_plan, "Thi đua năm 2025",
                 "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030, khẩn trương "
                 "xây dựng chương trình; Nghị quyết của Đại hội đại biểu toàn quốc lần thứ XIV của Đảng;",
                 "I. MỤC ĐÍCH", "- Tuyển 01 cử nhân Luật Kinh tế theo Nghị quyết số 66.2/2025/NQ-CP ngày "
                 "28/8/2025 của Chính phủ.")
    assert [r[4] or r[1] for r in rows] == [
        "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030",
        "Nghị quyết của Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "66.2/2025/NQ-CP"]
