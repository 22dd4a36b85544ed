from pipeline.repair.lm import default_model
from pipeline.repair.ocr_slips import fix_ocr_slips


def test_tone_slips_in_common_phrases_are_corrected():
    lines = ["QUYÉT ĐỊNH", "phát động phong trào thí đua yêu nước", "biếu dương, khen thưởng"]
    fixed, count = fix_ocr_slips(lines, default_model())
    assert fixed == ["QUYẾT ĐỊNH", "phát động phong trào thi đua yêu nước",
                     "biểu dương, khen thưởng"]
    assert count == 3


def test_correct_text_and_abbreviations_are_left_alone():
    lines = ["UBND xã tổ chức thực hiện Kế hoạch số 65/KH-UBND."]
    assert fix_ocr_slips(lines, default_model()) == (lines, 0)


def test_rare_syllables_in_dictionary_words_are_not_swapped_for_common_ones():
    # "cộng", "hòa", "tự", "phúc" are rarer than "công", "hóa", "từ", "phục" in plans;
    # only their neighbours say they are right.
    lines = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert fix_ocr_slips(lines, default_model()) == (lines, 0)


def test_slips_outside_the_plans_vocabulary_are_fixed_by_dictionary_words():
    fixed, _ = fix_ocr_slips(["tăng cường kiếm tra các tố chức đoàn thế"], default_model())
    assert fixed == ["tăng cường kiểm tra các tổ chức đoàn thể"]
