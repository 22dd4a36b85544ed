from pipeline.segment.header import parse_header


def test_two_column_letterhead_run_into_single_lines():
    header = parse_header([
        "UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ TÂN LẬP Độc lập - Tự do - Hạnh phúc",
        "Số: 15 /KH-UBND Tân Lập, ngày 02 tháng 01 năm 2024",
    ])
    assert (header.number, header.symbol, header.code) == ("15", "KH-UBND", "15/KH-UBND")
    assert (header.place, header.issue_date) == ("Tân Lập", "2024-01-02")
    assert header.agency_lines == ("UỶ BAN NHÂN DÂN", "XÃ TÂN LẬP")


def test_columns_on_separate_lines():
    header = parse_header(["SỞ Y TẾ", "Số: 1203/KH-SYT", "Bắc Ninh, ngày 9 tháng 12 năm 2022"])
    assert header.code == "1203/KH-SYT"
    assert header.issue_date == "2022-12-09"
    assert header.place == "Bắc Ninh"


def test_a_number_and_day_left_blank_are_empty_fields():
    header = parse_header(["Số:      /KH-BCĐ", "Hà Nội, ngày      tháng 6 năm 2025"])
    assert header.number == ""
    assert header.symbol == "KH-BCĐ"
    assert header.place == "Hà Nội"
    assert header.issue_date == ""


def test_the_code_on_the_line_under_its_label_is_the_documents_code():
    head = parse_header(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "|", "Số:", "2820/QĐ-UBND", "|",
                         "Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm 2025"])
    assert (head.number, head.symbol, head.code) == ("2820", "QĐ-UBND", "2820/QĐ-UBND")
    assert head.agency_lines == ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH")


def test_a_number_inside_the_issuing_teams_name_is_not_the_documents_code():
    head = parse_header(["ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT", "Số: 1105/KH-ĐKT",
                         "Hà Nội, ngày 10 tháng 11 năm 2025"])
    assert head.code == "1105/KH-ĐKT"


def test_an_unreadable_day_still_gives_the_place():
    header = parse_header(["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK NÔNG", "Số: /KH-UBND", "Đắk Nông, ngày/4} tháng 6 năm 2019"])
    assert (header.place, header.issue_date) == ("Đắk Nông", "")


def test_a_number_the_scan_garbled_leaves_the_symbol_and_the_place():
    """A handwritten "269" read "2£9": the number is lost, not the symbol, place and date after it."""
    header = parse_header(["UBND TỈNH ĐẮK NÔNG", "THANH TRA TỈNH",
                           "Số:2£9/TB-TTr Đắk Nông, ngày 03 tháng 4 năm 2019"])
    assert (header.number, header.symbol, header.code) == ("", "TB-TTr", "/TB-TTr")
    assert (header.place, header.issue_date) == ("Đắk Nông", "2019-04-03")


def test_a_handwritten_month_the_scan_garbled_still_leaves_the_place():
    header = parse_header(["Số: 46/QĐ-BCĐCCHC", "Hà Nội, ngày f6 tháng# năm 2021"])
    assert (header.place, header.issue_date) == ("Hà Nội", "")


def test_a_type_symbol_that_lost_the_bar_of_its_d_gets_it_back():
    """OCR and ASCII copies print "QD" for "QĐ"; "DA" (Dự án) is a type of its own."""
    assert parse_header(["Số: #6 /QD-BCĐCCHC"]).symbol == "QĐ-BCĐCCHC"
    assert parse_header(["Số: 12/ND-CP"]).code == "12/NĐ-CP"
    assert parse_header(["Số: 12/DA-UBND"]).code == "12/DA-UBND"
    assert parse_header(["Số: 34-CT/TW"]).code == "34-CT/TW"
