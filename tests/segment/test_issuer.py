import pytest

from pipeline.lang.tiers import issuer_level
from pipeline.segment.issuer import choose, from_agency_lines, from_preamble


def test_committee_name_split_over_two_letterhead_lines():
    assert from_agency_lines(("ỦY BAN NHÂN DÂN", "HUYỆN KIM SƠN"), "") == \
        "Ủy ban nhân dân huyện Kim Sơn"


def test_lowest_body_of_the_letterhead_issues_the_plan():
    issuer = from_agency_lines(("UBND TỈNH NINH BÌNH", "SỞ VĂN HÓA VÀ THỂ THAO"),
                               "Sở Văn hóa và Thể thao chủ trì tổ chức.")
    assert issuer == "Sở Văn hóa và Thể thao tỉnh Ninh Bình"


def test_subject_of_the_preamble_verb():
    preamble = ("Thực hiện Kế hoạch số 12/KH-UBND ngày 03/01/2025 của UBND huyện, "
                "Đoàn Thanh niên xã Yên Hòa xây dựng Kế hoạch triển khai như sau:")
    assert from_preamble(preamble) == "Đoàn Thanh niên xã Yên Hòa"


def test_a_name_that_stops_at_its_tier_takes_the_place_line():
    assert choose("", "UBND huyện", "", "Kim Sơn", "") == "Ủy ban nhân dân huyện Kim Sơn"


def test_a_name_that_stops_at_its_tier_takes_the_locality_named_in_the_text():
    text = "Giao Văn phòng phối hợp với Báo Quảng Ninh đưa tin."
    assert choose("", "Hội Nông dân tỉnh", "", "", text) == "Hội Nông dân tỉnh Quảng Ninh"


def test_the_letterhead_locality_beats_a_place_line_naming_a_town():
    assert choose("Ủy ban nhân dân huyện Kim Sơn", "Ủy ban nhân dân huyện", "", "Phát Diệm", "") == \
        "Ủy ban nhân dân huyện Kim Sơn"


def test_the_preamble_names_the_issuing_body_and_the_letterhead_its_locality():
    assert choose("Sở Y tế tỉnh Long An", "Sở Y tế", "", "Long An", "") == "Sở Y tế tỉnh Long An"
    assert choose("Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Nghệ An", "Ban Thường vụ Hội LHPN tỉnh",
                  "", "Nghệ An", "") == "Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh Nghệ An"


def test_mass_organisation_letterhead():
    assert from_agency_lines(("HỘI LHPN VIỆT NAM", "BCH HỘI LHPN TỈNH NGHỆ AN"), "") == \
        "Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Nghệ An"


@pytest.mark.parametrize(("issuer", "level"), [
    ("Ủy ban nhân dân thành phố Hải Phòng", "province"),
    ("Ủy ban nhân dân tỉnh Nghệ An", "province"),
    ("Ủy ban nhân dân thành phố Vinh", "district"),
    ("Ủy ban nhân dân quận Hồng Bàng", "district"),
    ("Ủy ban nhân dân thị trấn Núi Đối", "commune"),
    ("Ủy ban nhân dân phường Láng Hạ", "commune"),
    ("Bộ Nội vụ", "national"),
    ("Ban Thi đua - Khen thưởng Trung ương", "national"),
    ("Sở Nội vụ tỉnh Nghệ An", "agency"),
    ("Cục Thuế", "national"),
    ("Cục Thuế tỉnh Long An", "agency"),
    ("Chi cục Thuế khu vực XVII", "agency"),
    ("Liên minh Hợp tác xã thành phố Hải Phòng", "agency"),
])
def test_issuer_level(issuer, level):
    assert issuer_level(issuer) == level


def test_the_issuers_own_clause_not_a_cited_documents_title():
    preamble = ("Thực hiện Quyết định số 3711/QĐ-BYT ngày 19/9/2014 của Bộ trưởng Bộ Y tế về việc "
                "ban hành Hướng dẫn giám sát bệnh sốt xuất huyết; Sở Y tế xây dựng Kế hoạch như sau:")
    assert from_preamble(preamble) == "Sở Y tế"


def test_a_party_committee_takes_its_name_from_the_letterhead():
    assert choose("Huyện ủy Cần Giuộc", "Ban Thường vụ Huyện ủy", "", "Cần Giuộc", "") == \
        "Ban Thường vụ Huyện ủy Cần Giuộc"
    assert choose("Tỉnh ủy Long An", "", "", "Tân An", "") == "Tỉnh ủy Long An"


def test_a_committee_chair_stands_at_the_committees_tier():
    assert issuer_level("Chủ tịch Ủy ban nhân dân tỉnh") == "province"
    assert issuer_level("Phó Chủ tịch Ủy ban nhân dân huyện Kim Sơn") == "district"


def test_a_letterhead_naming_a_unit_of_the_body_above_gives_the_unit_in_full():
    assert from_agency_lines(("ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"), "") == \
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"
    assert from_agency_lines(("UBND TỈNH ĐẮK LẮK", "VĂN PHÒNG"), "") == "Văn phòng Ủy ban nhân dân tỉnh Đắk Lắk"


def test_a_unit_and_its_body_take_the_case_the_text_writes_most_and_lose_stray_marks():
    text = "Đoàn giám sát thông báo ... thành viên Đoàn giám sát ... Đoàn Giám sát của HĐND tỉnh."
    assert from_agency_lines(("HỘI ĐỒNG NHÂN DÂN", "TỈNH BÌNH DƯƠNG", "ĐOÀN GIÁM SÁT"), text) == \
        "Đoàn giám sát Hội đồng nhân dân tỉnh Bình Dương"
    assert from_agency_lines(("/ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"), "") == \
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"


def test_a_misspelt_committee_in_the_preamble_gives_way_to_the_letterhead():
    """"Ủy ban nhân tỉnh" (a word lost in print) is not a board named "ban nhân tỉnh"."""
    preamble = "Ủy ban nhân tỉnh ban hành Kế hoạch thực hiện như sau:"
    assert from_preamble(preamble) == "Ủy ban nhân tỉnh"
    letterhead = from_agency_lines(("ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"), preamble)
    issuer = choose(letterhead, from_preamble(preamble), "", "Hà Tĩnh", preamble)
    assert issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh"


def test_a_tier_written_as_a_title_takes_the_case_the_text_gives_the_locality():
    text = ("Ủy ban nhân dân Tỉnh ban hành Kế hoạch chuyển đổi số trên địa bàn tỉnh Đồng Tháp; "
            "doanh nghiệp tỉnh Đồng Tháp.")
    letterhead = from_agency_lines(("ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"), text)
    assert choose(letterhead, from_preamble(text), "", "", text) == "Ủy ban nhân dân tỉnh Đồng Tháp"
    city = "Ủy ban nhân dân Thành phố ban hành Kế hoạch. Thành phố Hồ Chí Minh triển khai."
    letterhead = from_agency_lines(("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"), city)
    assert choose(letterhead, from_preamble(city), "", "", city) == (
        "Ủy ban nhân dân Thành phố Hồ Chí Minh")


def test_a_board_under_the_central_committee_is_the_central_board():
    lines = ("BAN CHẤP HÀNH", "TRUNG ƯƠNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN")
    assert from_agency_lines(lines, "") == "Ban Tuyên giáo và Dân vận Trung ương"
    assert choose(from_agency_lines(lines, ""), "", "", "", "") == (
        "Ban Tuyên giáo và Dân vận Trung ương")


def test_a_unit_named_with_its_tier_takes_the_parents_place_once_spelt_as_the_gazetteer():
    """"THANH TRA TỈNH" under "UBND TỈNH ĐẮKNÔNG" (a scan ran the name together)."""
    assert from_agency_lines(("UBND TỈNH ĐẮKNÔNG", "THANH TRA TỈNH"), "") == "Thanh tra tỉnh Đắk Nông"
    assert from_agency_lines(("UBND HUYỆN KIM SƠN", "CÔNG AN HUYỆN"), "") == "Công an huyện Kim Sơn"
