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
