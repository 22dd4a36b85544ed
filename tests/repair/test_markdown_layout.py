"""Markdown exports of legal web pages: wrapped emphasis, the portal's page, cell-per-line tables."""

from __future__ import annotations

from pipeline import patterns
from pipeline.repair.lines import RawLine
from pipeline.repair.markdown import (
    cell_tables_to_rows,
    cut_web_page,
    is_page_end,
    is_panel_field,
    join_emphasis,
)
from pipeline.repair.reflow import reflow


def lines(text: str) -> list[RawLine]:
    return [RawLine(t, 1) for t in text.split("\n")]


def texts(raw: list[RawLine]) -> list[str]:
    return [ln.text for ln in raw]


def test_a_bold_span_wrapped_over_lines_becomes_one_line() -> None:
    raw = lines("**ỦY BAN NHÂN\nDÂN**\n**TỈNH ĐỒNG THÁP**\n**Điều\n1.** Thông qua phương án")
    joined, count = join_emphasis(raw)
    assert texts(joined) == ["**ỦY BAN NHÂN DÂN**", "**TỈNH ĐỒNG THÁP**", "**Điều 1.** Thông qua phương án"]
    assert count == 2


def test_a_stray_star_does_not_swallow_the_next_paragraph() -> None:
    raw = lines("**A** and **B**\n* 5 sao\n\nĐoạn sau.\n**C**")
    assert texts(join_emphasis(raw)[0]) == texts(raw)


def test_the_portals_panel_and_footer_are_cut() -> None:
    raw = lines("Bản dịch này thuộc quyền sở hữu\n**Số hiệu:**\n|\n2533/QĐ-UBND\n**Tình trạng:**\n|\n"
                "Đã biết\n**ỦY BAN NHÂN DÂN**\nĐiều 1. Nội dung.\n**FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN**\nLiên kết")
    kept, _ = cut_web_page(raw)
    assert texts(kept) == ["**ỦY BAN NHÂN DÂN**", "Điều 1. Nội dung."]


def test_without_the_panel_nothing_is_cut() -> None:
    raw = lines("KẾ HOẠCH\nLược đồ tổ chức của Ban chỉ đạo")
    assert cut_web_page(raw) == (raw, 0)


def test_web_page_pattern_examples() -> None:
    spec = patterns.load("web_pages")["examples"]
    assert all(is_panel_field(e) for e in spec["panel"])
    assert all(is_page_end(e) for e in spec["page_end"])
    assert not any(is_panel_field(e) or is_page_end(e) for e in spec["counter_examples"])


def test_a_table_written_one_cell_a_line_becomes_pipe_rows() -> None:
    raw = lines("|\nSTT\n|\nNội dung\n|\nChủ trì\n|\nThời gian\n|\n|\n1\n|\nXây dựng\nkế hoạch\n|\n"
                "Sở Nội vụ\n|\nQuý I/2026\n|")
    rows, count = cell_tables_to_rows(raw)
    assert texts(rows) == ["| STT | Nội dung | Chủ trì | Thời gian |",
                           "| 1 | Xây dựng kế hoạch | Sở Nội vụ | Quý I/2026 |"]
    assert count == 2


def test_a_two_column_letterhead_stays_lines() -> None:
    raw = lines("|\nỦY BAN NHÂN DÂN\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\nSố: 5/KH\n|\nHà Nội, ngày 1\n|")
    assert cell_tables_to_rows(raw) == (raw, 0)


def test_markdown_blank_lines_part_paragraphs_and_wraps_join() -> None:
    body = ("1. Giao Sở Khoa học và\nCông nghệ triển khai.\n\n2. Giao Văn phòng Ủy ban\nnhân dân kiểm tra.\n\n"
            "Nơi nhận:\n- Như Điều 4;\n- Lưu: VT.\n\nĐộc lập - Tự do\n- Hạnh phúc\n\nDòng\ncuối.")
    paragraphs = [p for p, _ in reflow(lines(body), blank_lines_part=True)]
    assert paragraphs == ["1. Giao Sở Khoa học và Công nghệ triển khai.",
                          "2. Giao Văn phòng Ủy ban nhân dân kiểm tra.",
                          "Nơi nhận:", "- Như Điều 4;", "- Lưu: VT.",
                          "Độc lập - Tự do - Hạnh phúc", "Dòng cuối."]


def test_an_annex_title_between_the_signature_and_its_table_stays_a_title() -> None:
    """Without a blank line, the signature's cell, the annex's title and its table were one
    region of cells: the title must stay lines above the table, not become its cells."""
    raw = lines("|\n**KT. THỦ TƯỚNG**\n**PHÓ THỦ TƯỚNG**\n**Nguyễn Chí Dũng**\n|\n**PHỤ LỤC I**\n"
                "DANH MỤC CÁC CHỈ TIÊU\n*(Kèm theo Quyết định số 2629/QĐ-TTg ngày 01 tháng 12 năm 2025)*\n"
                "|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Đơn vị**\n|\n**Cơ quan chủ trì**\n|\n|\n"
                "1\n|\nTỉ lệ dịch vụ công trực tuyến\n|\n%\n|\nVăn phòng Chính phủ\n|")
    rows, count = cell_tables_to_rows(raw)
    assert texts(rows)[-2:] == ["| **TT** | **Chỉ tiêu** | **Đơn vị** | **Cơ quan chủ trì** |",
                                "| 1 | Tỉ lệ dịch vụ công trực tuyến | % | Văn phòng Chính phủ |"]
    assert "**PHỤ LỤC I**" in texts(rows) and count == 2
