import docx
import pytest

from pipeline.ingest import IngestError, read_source


def test_letterhead_table_cells_then_paragraphs_in_body_order(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ AN HÒA"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(1, 0).text = "Số: 21/KH-UBND"
    table.cell(1, 1).text = "An Hòa, ngày 3 tháng 4 năm 2025"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tổ chức lễ hội truyền thống")
    path = tmp_path / "plan.docx"
    document.save(path)
    lines = [ln for ln in read_source(path).pages[0].lines if ln]
    assert lines == ["ỦY BAN NHÂN DÂN", "XÃ AN HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Số: 21/KH-UBND", "An Hòa, ngày 3 tháng 4 năm 2025", "KẾ HOẠCH",
                     "Tổ chức lễ hội truyền thống"]


def test_a_zip_that_is_not_a_word_document(tmp_path):
    import zipfile
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(IngestError, match="Word"):
        read_source(path)


def test_a_task_table_comes_out_as_rows_of_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("IV. TỔ CHỨC THỰC HIỆN")
    table = document.add_table(rows=2, cols=4)
    for i, text in enumerate(("STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành")):
        table.cell(0, i).text = text
    for i, text in enumerate(("1", "Rà soát hồ sơ\ncủa các xã", "Sở Nội vụ", "Quý II/2026")):
        table.cell(1, i).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    lines = [ln for ln in read_source(path).pages[0].lines if ln]
    assert lines == ["IV. TỔ CHỨC THỰC HIỆN",
                     "| STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |",
                     "| 1 | Rà soát hồ sơ của các xã | Sở Nội vụ | Quý II/2026 |"]
