from pipeline.lang.dates import parse_date


def test_reads_the_long_form_of_a_signing_date():
    assert parse_date("Quảng Ninh, ngày 05 tháng 3 năm 2023")[0] == "2023-03-05"


def test_reads_numeric_dates_with_single_digit_month():
    assert parse_date("Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị")[0] == "2014-04-07"


def test_impossible_or_blank_dates_are_empty_not_guessed():
    assert parse_date("ngày 31/02/2024")[0] == ""
    assert parse_date("ngày    tháng 8 năm 2025")[0] == ""


def test_a_code_is_not_mistaken_for_a_date():
    assert parse_date("Kế hoạch số 238/KH-UBND của thành phố")[0] == ""
