"""Ruled tables: words inside a drawn grid are read cell by cell, a table row a line."""

from __future__ import annotations

from PIL import Image, ImageDraw

from pipeline.ingest.layout import Word, reading_order
from pipeline.ingest.ruled_tables import find_grids

ROWS, COLUMNS = (1000, 1100, 1300, 1400), (300, 450, 1400, 2200)


def _ruled_page() -> Image.Image:
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    for y in ROWS:
        draw.line((COLUMNS[0], y, COLUMNS[-1], y), fill=0, width=3)
    for x in COLUMNS:
        draw.line((x, ROWS[0], x, ROWS[-1]), fill=0, width=3)
    draw.line((1500, 300, 2100, 300), fill=0, width=3)  # an underline is no table
    return page


def test_the_grid_of_a_ruled_table_is_found_and_an_underline_is_not_part_of_it():
    (grid,) = find_grids(_ruled_page())
    assert all(abs(y - want) <= 3 for y, want in zip(grid.rows, ROWS, strict=True))
    assert len(grid.columns) == 4


def test_a_cell_wrapped_over_two_lines_stays_in_its_row():
    def word(text, x, y):
        return Word(text, x, y, x + 40 * len(text), y + 50)

    words = [word("Trước", 300, 900),
             word("STT", 320, 1030), word("Nội", 500, 1030), word("dung", 700, 1030),
             word("Chủ", 1450, 1030), word("trì", 1650, 1030),
             word("1", 350, 1130), word("Đại", 500, 1130), word("diện", 680, 1130),
             word("Chi", 1450, 1130), word("ủy", 1600, 1130),
             word("nói", 500, 1200), word("rõ", 700, 1200),
             word("2", 350, 1330), word("Chào", 500, 1330), word("cờ", 750, 1330),
             word("Chi", 1450, 1330), word("bộ", 1600, 1330),
             word("Sau", 300, 1500)]
    assert reading_order(words, grids=find_grids(_ruled_page())) == [
        "Trước", "| STT | Nội dung | Chủ trì |", "| 1 | Đại diện nói rõ | Chi ủy |",
        "| 2 | Chào cờ | Chi bộ |", "Sau"]
