"""Reading order from word boxes: side-by-side columns come out one after the other."""

from __future__ import annotations

from pipeline.ingest.layout import Word, reading_order
from pipeline.ingest.options import LayoutOptions

CHAR = 10  # width of a character in these hand-placed rows; line height 20


def _row(y: float, *pieces: tuple[float, str]) -> list[Word]:
    """Words of one line: each piece is (x where it starts, its text)."""
    words = []
    for x, text in pieces:
        for token in text.split():
            words.append(Word(token, x, y, x + CHAR * len(token), y + 20))
            x += CHAR * (len(token) + 1)
    return words


def test_letterhead_columns_are_read_left_block_then_right_block():
    words = (_row(0, (40, "ỦY BAN NHÂN DÂN"), (400, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
             + _row(30, (30, "HUYỆN THỦY NGUYÊN"), (430, "Độc lập - Tự do - Hạnh phúc"))
             + _row(70, (40, "Số: 227 /KH-UBND"), (380, "Thủy Nguyên, ngày 31 tháng 10 năm 2024"))
             + _row(120, (300, "KẾ HOẠCH"))
             + _row(150, (0, "Đẩy mạnh công tác tuyên truyền phong trào thi đua yêu nước")))
    assert reading_order(words) == [
        "ỦY BAN NHÂN DÂN", "HUYỆN THỦY NGUYÊN", "Số: 227 /KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Thủy Nguyên, ngày 31 tháng 10 năm 2024",
        "KẾ HOẠCH", "Đẩy mạnh công tác tuyên truyền phong trào thi đua yêu nước"]


def test_a_column_line_with_nothing_beside_it_stays_in_its_column():
    words = (_row(0, (0, "Nơi nhận:"), (400, "TM. ỦY BAN NHÂN DÂN"))
             + _row(30, (0, "- Như trên;"), (450, "CHỦ TỊCH"))
             + _row(60, (0, "- Lưu: VT."))
             + _row(150, (420, "Nguyễn Huy Hoàng")))
    assert reading_order(words) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT.",
                                    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Huy Hoàng"]


def test_body_lines_with_ordinary_word_spaces_are_not_split():
    words = (_row(0, (0, "1. Mục đích"))
             + _row(30, (0, "- Đẩy mạnh công tác tuyên truyền tư tưởng thi đua yêu nước"))
             + _row(60, (0, "của Chủ tịch Hồ Chí Minh.")))
    assert reading_order(words) == [
        "1. Mục đích", "- Đẩy mạnh công tác tuyên truyền tư tưởng thi đua yêu nước",
        "của Chủ tịch Hồ Chí Minh."]


def test_words_slightly_off_the_baseline_stay_on_their_line():
    words = [Word("Số:", 0, 100, 30, 120), Word("227/KH-UBND", 40, 104, 150, 122),
             Word("Kế", 0, 130, 20, 150), Word("hoạch", 30, 128, 80, 150)]
    assert reading_order(words) == ["Số: 227/KH-UBND", "Kế hoạch"]


def test_a_table_is_read_row_by_row_so_each_task_keeps_its_deadline_and_body():
    words = (_row(0, (0, "STT"), (150, "Nội dung"), (600, "Thời gian"), (900, "Đơn vị"))
             + _row(30, (0, "1"), (150, "Tổ chức Hội nghị"), (600, "Quý IV"), (900, "Phòng Nội vụ"))
             + _row(60, (0, "2"), (150, "Báo cáo kết quả"), (600, "15/12/2025"), (900, "UBND xã")))
    assert reading_order(words) == [
        "STT", "Nội dung", "Thời gian", "Đơn vị",
        "1", "Tổ chức Hội nghị", "Quý IV", "Phòng Nội vụ",
        "2", "Báo cáo kết quả", "15/12/2025", "UBND xã"]


def test_ocr_reads_the_number_and_date_after_the_letterhead_and_the_subject_last():
    words = (_row(0, (40, "SỞ NỘI VỤ"), (400, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
             + _row(30, (430, "Độc lập - Tự do - Hạnh phúc"))
             + _row(70, (40, "Số: 651/SNV-VP"), (380, "Đắk Nông, ngày 12 tháng 4 năm 2019"))
             + _row(100, (20, "V/v thực hiện chế độ"))
             + _row(130, (20, "báo cáo định kỳ")))
    assert reading_order(words, LayoutOptions(number_after_letterhead=True)) == [
        "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 651/SNV-VP", "Đắk Nông, ngày 12 tháng 4 năm 2019",
        "V/v thực hiện chế độ", "báo cáo định kỳ"]
