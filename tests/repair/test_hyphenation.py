from pipeline.repair.hyphenation import join_hyphenated
from pipeline.repair.lines import RawLine


def test_a_syllable_split_at_a_line_end_is_joined():
    lines = [RawLine("kế hoạch tri-", 1), RawLine("ển khai thực hiện", 1)]
    out, joins = join_hyphenated(lines)
    assert [ln.text for ln in out] == ["kế hoạch triển", "khai thực hiện"] and joins == 1


def test_codes_wrapped_at_their_hyphen_stay():
    lines = [RawLine("Chương trình số 39/CTr-", 1), RawLine("LMHTX ngày 21/02/2025", 1)]
    assert join_hyphenated(lines) == (lines, 0)
