"""Syllable validity: what the OCR and repair stages rely on to judge text."""

from pipeline.lang.syllables import (
    inventory,
    is_syllable,
    valid_share,
    well_formed,
    word_list_inventory,
)


def test_common_syllables_in_any_case_and_tone_style_are_valid():
    for token in ("người", "Thủy", "thuỷ", "HÒA", "hoà", "quyết", "giữ", "nghiệp", "khỏe"):
        assert is_syllable(token), token


def test_fragments_left_by_glyph_loss_are_not_syllables():
    for token in ("ơng", "ớc", "ười", "uyt", "ngê", "kan", "tr"):
        assert not is_syllable(token), token


def test_spelling_rules_reject_stop_final_without_sharp_or_heavy_tone():
    assert well_formed("bát") and well_formed("bạt")
    assert not well_formed("bàt") and not well_formed("bat")


def test_spelling_rules_reject_k_before_back_vowel_and_c_before_front_vowel():
    assert well_formed("kê") and well_formed("cơ")
    assert not well_formed("ka") and not well_formed("ce")


def test_valid_share_separates_vietnamese_from_garbage_and_english():
    vietnamese = "Ủy ban nhân dân xã xây dựng Kế hoạch tuyên truyền gương điển hình tiên tiến"
    tcvn3_as_cp1252 = "KÕ ho¹ch tuyªn truyÒn g­¬ng ®iÓn h×nh tiªn tiÕn"
    english = "The committee builds a plan to promote good examples in the movement"
    assert valid_share(vietnamese) == 1.0
    assert valid_share(tcvn3_as_cp1252) < 0.5
    assert valid_share(english) < 0.5


def test_abbreviations_and_roman_numerals_count_as_valid():
    assert valid_share("UBND HĐND KH-UBND II IV") == 1.0


def test_the_shipped_inventory_is_what_the_word_lists_give():
    assert inventory() == word_list_inventory()
