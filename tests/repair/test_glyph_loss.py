"""Glyphs lost from a PDF text layer (one space each) are restored from context."""

from pathlib import Path

import pytest

from pipeline.repair.glyph_loss import restore_document
from pipeline.repair.lm import default_model

CLEAN = [
    "Tuyên truyền gương điển hình tiên tiến trong phong trào thi đua yêu nước, ",
    "nhân rộng điển hình tiên tiến, tạo nhân tố thúc đẩy các phong trào thi đua ",
    "yêu nước ngày càng phát triển, lôi cuốn đông đảo các tầng lớp nhân dân tham gia. ",
    "Chủ tịch Ủy ban nhân dân biểu dương, khen thưởng các tập thể, cá nhân có thành tích. ",
    "Các cơ quan, đơn vị tổ chức thực hiện tốt công tác thi đua, khen thưởng. ",
]


def _lose(line: str, letters: str) -> str:
    return "".join(" " if c in letters else c for c in line)


def test_lines_with_lost_glyphs_are_restored_letter_for_letter():
    damaged = [_lose(line, "hưy") for line in CLEAN]
    restored = restore_document(damaged, default_model())
    assert [r.text if r else d for r, d in zip(restored, damaged, strict=True)] == CLEAN


def test_a_document_without_lost_glyphs_is_left_alone():
    assert restore_document(CLEAN, default_model()) == [None] * len(CLEAN)


PLACES = [
    "Ủy ban nhân dân xã Phú Lương tổ chức thực hiện phong trào thi đua yêu nước, ",
    "Ủy ban nhân dân huyện Mường Khương hướng dẫn các xã tổng kết công tác khen thưởng. ",
    "Ủy ban nhân dân xã Thượng Hà báo cáo kết quả thực hiện về huyện trước ngày 15/12. ",
]


def test_a_place_name_after_a_tier_word_is_restored_from_the_gazetteer():
    clean = CLEAN + PLACES
    damaged = [_lose(line, "hưyờ") for line in clean]
    restored = restore_document(damaged, default_model())
    texts = [r.text if r else d for r, d in zip(restored, damaged, strict=True)]
    assert texts[len(CLEAN):] == PLACES


def test_a_plan_whose_lost_letters_mostly_leave_syllables_is_still_found_damaged():
    from pipeline.evaluation.corrupt import lose_glyphs
    from pipeline.repair.glyph_loss import DAMAGED_SHARE, fragment_share, is_damaged

    # t, c and M lost: "tổ chức an toàn" reads "ổ hức an oàn"; few tokens are fragments,
    # but gaps run through many lines.
    clean = (Path(__file__).resolve().parents[1] / "data" / "extra" / "x02_xa_le_hoi.txt").read_text(
        encoding="utf-8").split("\n")
    damaged = lose_glyphs("\n".join(clean), "tcM", 0.4).split("\n")
    assert fragment_share(damaged)[1] < DAMAGED_SHARE
    assert is_damaged(damaged)
    assert not is_damaged(clean)


def test_an_indented_layout_text_with_a_column_table_is_restored_as_its_clean_copy():
    """Indentation is not a lost word, and the gaps between a table's columns are no
    lost letters: the damaged plan repairs to what the undamaged one does, table rows included."""
    from pipeline.models import Page, Source
    from pipeline.repair import repair
    from tests.repair.test_columns import TABLE

    lines = ["    " + line for line in CLEAN] + TABLE

    def source(texts: list[str]) -> Source:
        return Source("t", Path("t.txt"), "txt", (Page(1, tuple(texts), "text"),))

    damaged = repair(source([_lose(line, "hưy") for line in lines])).string
    clean = repair(source(lines)).string
    assert damaged == clean
    assert "| 1 | Khảo sát hiện trạng các điểm du lịch | Phòng Quản lý du lịch | Quý I/2026 |" in clean


def test_a_list_item_whose_letter_was_lost_keeps_a_letter_marker():
    """"h)" with its h lost reads " )": a letter the plan lost, not a roman "I)" that would
    open a new top-level section."""
    items = ["g) Các xã báo cáo kết quả thực hiện về huyện trước ngày 15/12.",
             "h) Phòng Nội vụ tổng hợp, tham mưu khen thưởng các tập thể tiêu biểu."]
    damaged = [_lose(line, "hưy") for line in CLEAN + items]
    restored = restore_document(damaged, default_model())
    assert restored[-1].text == items[-1]


def test_a_lost_letter_takes_the_case_of_the_words_beside_it():
    """"Ủ  ban" and "Ủ  BAN" with y and Y lost: the kept "Ủ" cannot tell "Ủy" from "ỦY";
    running text wants small letters, a heading capitals."""
    lines = CLEAN + ["Ủy ban nhân dân huyện biểu dương các tập thể, cá nhân tiêu biểu. ",
                     "ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN "]
    restored = restore_document([_lose(line, "yY") for line in lines], default_model())
    assert [r.text for r in restored[-2:]] == lines[-2:]


SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def test_foreign_words_codes_and_table_marks_are_no_sign_of_lost_letters():
    """Only pieces of syllables count as fragments: what lost letters leave behind."""
    from pipeline.repair.glyph_loss import fragment_share

    clean = ["Đồng hồ Huawei Watch GT có bluetooth, loa và màn hình 46mm.",
             "Cấp giấy chứng nhận xuất xứ C/O cho lô hàng tại Km K0+000 (đ/c Hùng).",
             "| 1 | Khảo sát hiện trạng | x | x |",
             "Các đơn vị có ý k**iế**n bằng văn bản."]
    assert fragment_share(clean)[0] == 0
    # "Tuyên truyền gương ... phong trào" with ư, y and h lost: "ên", "ền", "g", "ơng"
    # and "p" are no syllables but pieces of one ("tr", "ình", "ong" read as words).
    damaged = ["Tu ên tr  ền g  ơng điển  ình tiên tiến trong p ong tr ào"]
    assert fragment_share(damaged)[0] == 5
    # A short foreign word that fits inside a syllable still counts ("mic" in "mịch"):
    # the rule tells pieces from words, not languages.
    assert fragment_share(["mic"])[0] == 1


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus is not beside the repository")
def test_a_real_web_export_full_of_product_names_is_not_taken_for_a_damaged_layer():
    """A decision listing imported smart watches: "Huawei", "bluetooth", "46mm" are words
    of the goods, and decoding the document as if letters were lost only costs time."""
    from pipeline.repair.glyph_loss import is_damaged

    lines = (SHARED / "tvpl" / "9c31035f914c937e.md").read_text(encoding="utf-8").splitlines()
    assert not is_damaged(lines)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus is not beside the repository")
def test_a_real_text_layer_that_lost_letters_is_still_found_damaged():
    from pipeline.ingest import IngestOptions, read_source
    from pipeline.repair.glyph_loss import is_damaged

    path = SHARED / "sites" / "tnmt__gp_btnmt_nm_2018_1868_gp-btnmt.pdf"
    source = read_source(path, path.stem, IngestOptions(workers=1))
    assert is_damaged([line for page in source.pages for line in page.lines])
