"""Legacy encodings: text typed in old Vietnamese fonts comes back letter for letter."""

import subprocess

from pipeline.repair.build_legacy_tables import as_cp1252
from pipeline.repair.legacy import decode, detect, fix_line

SENTENCE = ("Ủy ban nhân dân xã xây dựng Kế hoạch tuyên truyền gương điển hình tiên tiến "
            "trong phong trào thi đua yêu nước, giai đoạn 2023 - 2025 trên địa bàn Đắk Lắk.")


def _iconv(text: str, encoding: str) -> str:
    data = subprocess.run(["iconv", "-f", "UTF-8", "-t", encoding], input=text.encode(),
                          capture_output=True, check=True).stdout
    return as_cp1252(data)


def test_tcvn3_read_as_cp1252_is_detected_and_decoded_exactly():
    damaged = _iconv(SENTENCE.replace("Ủy", "Uỷ").replace("Uỷ", "Ủy"), "TCVN5712-1")
    assert damaged != SENTENCE
    assert detect([damaged]) == "tcvn3"
    assert decode(damaged, "tcvn3") == SENTENCE


def test_tcvn3_heading_in_capital_font_comes_back_in_capitals():
    # .VnTimeH: small-letter codes for accented letters, capitals for plain ones.
    assert decode("KÕ HO¹CH TUY£N TRUYÒN", "tcvn3") == "KẾ HOẠCH TUYÊN TRUYỀN"


def test_vni_windows_read_as_cp1252_is_decoded_exactly():
    damaged = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc"
    assert detect([damaged]) == "vni"
    assert decode(damaged, "vni") == ("Cộng hòa xã hội chủ nghĩa Việt Nam. "
                                      "Độc lập - Tự do - Hạnh phúc")


def test_viscii_is_detected_and_decoded_exactly():
    damaged = _iconv(SENTENCE, "VISCII")
    assert detect([damaged]) == "viscii"
    assert decode(damaged, "viscii") == SENTENCE


def test_clean_unicode_is_never_taken_for_a_legacy_encoding():
    assert detect([SENTENCE, "Tôi là cán bộ.", "KẾ HOẠCH"]) is None
    for name in ("tcvn3", "vni", "viscii"):
        assert fix_line(SENTENCE, name) == SENTENCE


VIQR = ("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam. DDo^.c la^.p - Tu+. do - Ha.nh phu'c\n"
        "Ke^' hoa.ch tuye^n truye^`n thi ddua ye^u nu+o+'c giai ddoa.n 2023 - 2025.")


def test_viqr_is_detected_and_decoded_with_its_full_stops_kept():
    assert detect(VIQR.split("\n")) == "viqr"
    assert decode(VIQR, "viqr") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc\n"
        "Kế hoạch tuyên truyền thi đua yêu nước giai đoạn 2023 - 2025.")


def test_ascii_text_with_apostrophes_question_marks_and_stops_is_not_viqr():
    english = ["Don't worry? It's the plan's end. Really? Yes.", "Who's there? A.B. Smith's co."]
    unaccented = ["Ke hoach thi dua yeu nuoc. Vi sao? Tai sao khong?", "UBND xa Phu Luong."]
    assert detect(english) is None
    assert detect(unaccented) is None
    assert detect([SENTENCE]) is None


def test_short_lines_that_read_as_syllables_either_way_are_decoded_in_a_legacy_document():
    # "Sè" and "phè" are syllables too; the code on the "Số:" line must survive.
    lines = [_iconv(t, "TCVN5712-1") for t in ("Số: 52/KH-STTTT", "Khu phố 3", SENTENCE)]
    assert detect(lines) == "tcvn3"
    assert [fix_line(t, "tcvn3") for t in lines] == ["Số: 52/KH-STTTT", "Khu phố 3", SENTENCE]
