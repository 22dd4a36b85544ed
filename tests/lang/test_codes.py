from pipeline.lang.codes import ref_key, split_code


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
