"""Tables laid out with spaces (PDF text layers) become rows of cells before re-flow."""

from __future__ import annotations

from pipeline.repair.columns import tables_to_rows
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
