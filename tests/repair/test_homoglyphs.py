from pipeline.repair.homoglyphs import fix_homoglyphs


def test_cyrillic_look_alikes_inside_vietnamese_words_become_latin():
    damaged = "K\u1ebf h\u043e\u1ea1ch t\u1ed5 ch\u1ee9\u0441"  # Cyrillic о and с
    assert fix_homoglyphs(damaged) == "Kế hoạch tổ chức"


def test_words_that_are_really_russian_stay():
    assert fix_homoglyphs("Москва") == "Москва"
