from pipeline.segment.closing import parse_signature


def test_signature_on_behalf_of_a_committee():
    sig = parse_signature(["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
                           "CHỦ TỊCH", "", "Trần Thị Mai"])
    assert (sig.signing_authority, sig.signer_title, sig.signer_name) == ("TM.", "Chủ tịch",
                                                                          "Trần Thị Mai")


def test_deputy_signing_for_the_head():
    sig = parse_signature(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Bình"])
    assert (sig.signing_authority, sig.signer_title, sig.signer_name) == ("KT.", "Phó Giám đốc",
                                                                          "Lê Văn Bình")


def test_recipient_list_and_signature_run_together_line_by_line():
    sig = parse_signature(["Nơi nhận: KT. CHỦ TỊCH", "- Sở Nội vụ; PHÓ CHỦ TỊCH",
                           "- Lưu: VT.", "Phạm Quốc Hưng"])
    assert sig.signing_authority == "KT."
    assert sig.signer_title == "Phó Chủ tịch"
    assert sig.signer_name == "Phạm Quốc Hưng"


def test_no_prefix_printed_means_no_authority():
    sig = parse_signature(["CHỦ TỊCH", "Hoàng Văn Nam"])
    assert (sig.signing_authority, sig.signer_title) == ("", "Chủ tịch")


def test_an_appendix_after_the_signature_does_not_hide_the_name():
    sig = parse_signature(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Đỗ Minh Tuấn",
                           "PHỤ LỤC", "Danh sách các đơn vị tham gia", "1. Phòng Nội vụ"])
    assert (sig.signer_title, sig.signer_name) == ("Chủ tịch", "Đỗ Minh Tuấn")


def test_a_name_in_capitals_is_written_in_title_case():
    assert parse_signature(["GIÁM ĐỐC", "NGUYỄN THỊ HỒNG"]).signer_name == "Nguyễn Thị Hồng"


def test_an_authority_printed_without_a_space_before_the_position():
    sig = parse_signature(["Nơi nhận:", "- Lưu: VT.", "KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Trường Sơn"])
    assert (sig.signing_authority, sig.signer_title, sig.signer_name) == ("KT.", "Phó Chủ tịch",
                                                                          "Lê Trường Sơn")


def test_a_position_line_under_the_title_is_not_the_signers_name():
    sig = parse_signature(["TM. ĐOÀN GIÁM SÁT", "TRƯỞNG ĐOÀN", "- Lưu: VT.", "CHỦ TỊCH HĐND TỈNH",
                           "Phạm Văn Chánh"])
    assert (sig.signer_title, sig.signer_name) == ("Trưởng Đoàn", "Phạm Văn Chánh")


def test_a_position_run_into_a_line_of_the_recipient_list():
    sig = parse_signature(["Nơi nhận:", "KT. CHÁNH VĂN PHÒNG",
                           "- Như thành phần dự họp tại GM số PHÓ CHÁNH VĂN PHÒNG 314/GM-UBND ngày 03/10/2023 của",
                           "UBND tỉnh;", "- Lưu VT.", "Nguyễn Tiến Dũng"])
    assert (sig.signing_authority, sig.signer_title, sig.signer_name) == ("KT.", "Phó Chánh Văn phòng",
                                                                          "Nguyễn Tiến Dũng")


def test_two_prefixes_joined_on_one_line_sign_with_the_last():
    """A wrapped "TM. ỦY BAN NHÂN⏎DÂN" joined with "KT. CHỦ TỊCH": the deputy signs (KT.)."""
    sig = parse_signature(["TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thị Ngọc Điệp"])
    assert (sig.signing_authority, sig.signer_title, sig.signer_name) == (
        "KT.", "Phó Chủ tịch", "Nguyễn Thị Ngọc Điệp")


def test_a_position_cut_short_by_the_scan_names_the_one_position_it_begins():
    """"CHÁNH THANH T": a stamp covered the end. "PHÓ CHỦ T" could be two positions: none."""
    signature = parse_signature(["Nơi nhận:", "- Lưu: VT, VP.", "CHÁNH THANH T", "Lê Sỹ Tuân"])
    assert (signature.signer_title, signature.signer_name) == ("Chánh Thanh tra", "Lê Sỹ Tuân")
    assert parse_signature(["Nơi nhận:", "- Lưu: VT.", "PHÓ CHỦ T", "Trần Văn An"]).signer_title == ""
