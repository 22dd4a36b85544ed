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


_ABSTRACT = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>"""
_NUM = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">
  <w:abstractNumId w:val="90"/></w:num>"""


def test_word_automatic_numbers_are_put_back_in_front_of_their_paragraphs(tmp_path):
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_ABSTRACT))
    numbering.append(parse_xml(_NUM))

    def numbered(text: str, level: int) -> None:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    numbered("MỤC ĐÍCH, YÊU CẦU", 0)
    numbered("Mục đích", 1)
    numbered("Yêu cầu", 1)
    numbered("NỘI DUNG", 0)
    numbered("Tuyên truyền", 1)
    numbered("Đối với cấp xã", 2)
    numbered("Họp dân.", 3)
    document.add_paragraph("Không đánh số.")
    path = tmp_path / "plan.docx"
    document.save(path)
    lines = [ln for ln in read_source(path).pages[0].lines if ln]
    assert lines == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG",
                     "1. Tuyên truyền", "a) Đối với cấp xã", "- Họp dân.", "Không đánh số."]
