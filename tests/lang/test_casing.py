from pipeline.lang.casing import expand_abbreviations, find_mixed_case, name_case


def test_letterhead_capitals_take_the_case_the_document_uses_elsewhere():
    text = "Giao Sở Kế hoạch và Đầu tư chủ trì thẩm định."
    assert find_mixed_case("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", text) == "Sở Kế hoạch và Đầu tư"


def test_naming_rules_when_the_document_never_writes_the_name_in_mixed_case():
    assert name_case("ỦY BAN NHÂN DÂN HUYỆN THỦY NGUYÊN") == "Ủy ban nhân dân huyện Thủy Nguyên"
    assert name_case("SỞ NỘI VỤ") == "Sở Nội vụ"


def test_abbreviations_expand_only_as_whole_words():
    assert expand_abbreviations("UBND xã Tân Lập") == "Ủy ban nhân dân xã Tân Lập"
    assert expand_abbreviations("HTXNN") == "HTXNN"


def test_body_heads_keep_their_usual_case_and_acronyms_stay_capitals():
    assert name_case("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH QUẢNG NAM") == \
        "Hội đồng Thi đua - Khen thưởng tỉnh Quảng Nam"
    assert name_case("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN") == "Sở Nông nghiệp và Phát triển nông thôn"
    assert name_case("TRƯỜNG THCS XUÂN PHƯƠNG").startswith("Trường THCS")


def test_tier_words_inside_common_nouns_and_party_heads():
    assert name_case("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH HÀ NAM") == \
        "Sở Lao động - Thương binh và Xã hội tỉnh Hà Nam"
    assert name_case("TỈNH ĐOÀN NGHỆ AN") == "Tỉnh đoàn Nghệ An"
    assert name_case("BAN CHẤP HÀNH HỘI NÔNG DÂN TỈNH HÀ TĨNH") == \
        "Ban Chấp hành Hội Nông dân tỉnh Hà Tĩnh"
