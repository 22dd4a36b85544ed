"""Tables laid out with spaces (PDF text layers) become rows of cells before re-flow."""

from __future__ import annotations

from pipeline.evaluation.corrupt import lose_glyphs
from pipeline.repair.columns import column_gutters, tables_to_rows
from pipeline.repair.lines import RawLine

TABLE = [
    "Giao các đơn vị thực hiện như sau:",
    " STT  Nội dung công việc           Đơn vị chủ trì        Thời gian",
    "                                                          thực hiện",
    " 1    Khảo sát hiện trạng các      Phòng Quản lý du      Quý I/2026",
    "      điểm du lịch                 lịch",
    " STT  Nội dung công việc           Đơn vị chủ trì        Thời gian",
    "                                                          thực hiện",
    " 2    Tập huấn kỹ năng             Trung tâm Xúc tiến    Trước",
    "                                   du lịch               15/4/2026",
    "    2. Phòng Quản lý du lịch",
]


def _texts(lines: list[str]) -> list[str]:
    out, _ = tables_to_rows([RawLine(t, 1) for t in lines])
    return [ln.text for ln in out]


def test_wrapped_cells_join_their_column_and_a_repeated_header_is_dropped():
    assert _texts(TABLE) == [
        "Giao các đơn vị thực hiện như sau:",
        "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian thực hiện |",
        "| 1 | Khảo sát hiện trạng các điểm du lịch | Phòng Quản lý du lịch | Quý I/2026 |",
        "| 2 | Tập huấn kỹ năng | Trung tâm Xúc tiến du lịch | Trước 15/4/2026 |",
        "    2. Phòng Quản lý du lịch",
    ]


def test_a_line_that_only_looks_like_a_header_is_left_alone():
    lines = ["Thời gian  chủ trì  nội dung", "Các xã báo cáo kết quả về Ủy ban nhân dân huyện."]
    assert _texts(lines) == lines


PROSE = [
    "Các cơ quan, đơn vị tổ chức thực hiện tốt công tác thi đua, khen thưởng; ",
    "Chủ tịch Ủy ban nhân dân huyện biểu dương các tập thể, cá nhân có thành tích. ",
    "Các xã, thị trấn báo cáo kết quả thực hiện về Ủy ban nhân dân huyện trước ngày 15/12. ",
    "Phòng Nội vụ tổng hợp, tham mưu Ủy ban nhân dân huyện khen thưởng kịp thời. ",
]


def test_the_gaps_between_columns_are_gutters_even_when_glyphs_are_lost():
    damaged = lose_glyphs("\n".join(PROSE + TABLE), "hư", 1.0).split("\n")
    gutters = column_gutters(damaged)
    assert not any(i < len(PROSE) for i in gutters)  # lost letters in prose: no stripe
    row = damaged[len(PROSE) + 3]
    assert row == " 1    K ảo sát  iện trạng các      P òng Quản lý du      Quý I/2026"
    # the gap in "sát  iện" is a lost "h", not a gutter
    assert {end for _, end in gutters[len(PROSE) + 3]} == {
        row.index("K ảo"), row.index("P òng"), row.index("Quý")}
