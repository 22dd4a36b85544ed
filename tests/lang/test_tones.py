from pipeline.lang.syllables import normalize_tones
from pipeline.lang.tones import normalize_tone


def test_open_oa_oe_uy_take_the_mark_on_the_first_vowel():
    assert [normalize_tone(w) for w in ("hoà", "khoẻ", "thuỷ", "Uỷ")] == ["hòa", "khỏe", "thủy", "Ủy"]


def test_marks_with_a_final_consonant_or_a_hat_stay_where_they_belong():
    for word in ("hoàng", "quyết", "người", "thuở", "quý", "giữ", "khuỷu"):
        assert normalize_tone(word) == word


def test_only_syllables_are_touched_in_running_text():
    assert normalize_tones("Sở Y tế hoà giải, COVID-19") == "Sở Y tế hòa giải, COVID-19"
