import pytest

from pipeline.lang.codes import number_in_file_name, ref_key, split_code


def test_both_written_forms_of_a_party_code_share_one_key():
    assert ref_key("34-CT/TW") == ref_key("34/CT-TW") == "34-CT-TW"


def test_key_of_a_plan_code():
    assert ref_key("238/KH-UBND") == "238-KH-UBND"


def test_split_keeps_the_symbol_as_written():
    assert split_code("227 /KH-UBND") == ("227", "KH-UBND")
    assert split_code("34-CT/TW") == ("34", "CT/TW")
    assert split_code("150/2025/NĐ-CP") == ("150", "2025/NĐ-CP")


def test_a_number_left_blank_for_handwriting_gives_no_number():
    assert split_code("/KH-UBND") == ("", "KH-UBND")


@pytest.mark.parametrize(("name", "number"), [
    ("120QD_Noi_quy_tiep_cong_dan", "120"),  # number glued before the symbol
    ("bc_317_1signed_20190618050516647640", "317"),  # after it; the timestamp is no number
    ("1676861887_quyet-dinh-46-qd-bcdcchc", "46"),  # the symbol after the number
    ("CV-so-651_16-04-2019", "651"),  # "số" between symbol and number
    ("06.2022.QD.UBND", "06"),  # a year between number and symbol is skipped
    ("Quyết_định_số_15_QĐ-UBND", "15"),  # written with tone marks and đ
])
def test_a_file_name_gives_the_number_beside_a_document_symbol(name, number):
    assert number_in_file_name(name) == number


@pytest.mark.parametrize("name", [
    "banbaucuso01_signed",  # "Ban bầu cử số 01": no document symbol beside it
    "FILE_20231011_070855_w76aI",
    "2018-12-05_2_20181205110222686680",
    "12_KH_va_15_QD",  # two numbers: neither is trusted
])
def test_a_file_name_without_one_clear_number_gives_none(name):
    assert number_in_file_name(name) == ""
