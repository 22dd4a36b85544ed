"""Word documents: paragraphs (with their automatic numbers) and table cells in body order.

The zip's own directory is checked before python-docx reads a byte: a password
(zip or Office encryption), a plain zip, another Office file, or parts that
unzip beyond the limit (a 52 KB zip bomb took minutes and gigabytes) each get
their own one-line reason.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.ingest.docx_numbering import Numbering
from pipeline.ingest.errors import IngestError
from pipeline.ingest.options import IngestOptions, Limits
from pipeline.models import Page, Source
from pipeline.table_header import is_task_header

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97 and encrypted Office files
_MIB = 1 << 20


def read_docx(path: Path, doc_id: str, options: IngestOptions | None = None) -> Source:
    """Read a Word package (.docx). A .docx file may hold Word 97: see ``doc_reader.read_word``."""
    check_package(path, (options or IngestOptions()).limits)
    return Source(doc_id, path, "docx", (Page(1, tuple(docx_lines(path)), "docx"),))


def check_package(path: Path, limits: Limits) -> None:
    """Raise IngestError unless ``path`` is an unencrypted Word package within the limit."""
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise IngestError("not a Word file: damaged, or not a zip package as .docx files are") from err
    names = {e.filename for e in entries}
    if any(e.flag_bits & 0x1 for e in entries):
        raise IngestError("a password-protected zip archive, not a Word file")
    if "word/document.xml" not in names:
        raise IngestError("an Office file, but not a Word document (a workbook or a presentation?)"
                          if "[Content_Types].xml" in names else "a plain zip archive, not a Word file")
    unzipped = sum(e.file_size for e in entries)
    if unzipped > limits.max_unzipped_mb * _MIB:
        raise IngestError(f"too large: unzips to {unzipped // _MIB} MiB (the limit is "
                          f"{limits.max_unzipped_mb} MiB; --max-unzipped-mb)")


def docx_lines(path: Path) -> list[str]:
    """The document's lines: numbered paragraphs, and tables as :func:`_table_lines` says."""
    import docx  # python-docx; imported here so other formats do not pay for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise IngestError(f"not a readable Word document ({err.__class__.__name__}: "
                          f"{str(err).splitlines()[0][:120] if str(err) else 'damaged'})") from err
    numbering = Numbering.of(document)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            label = numbering.label(paragraph) if paragraph.text.strip() else ""
            text = f"{label} {paragraph.text}" if label else paragraph.text
            lines.extend(text.splitlines() or [""])
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
    return lines


def _table_lines(table) -> list[str]:
    """A task table as rows of cells ("| 1 | Nội dung | Sở Y tế | Quý II/2026 |"); any
    other table cell by cell, left to right, each cell's paragraphs on their own lines.

    Header blocks of plans are two-column tables (agency | national motto); reading
    cell by cell keeps each column's lines together instead of interleaving them.
    """
    rows = [_row_cells(row) for row in table.rows]
    if rows and is_task_header([" ".join(c) for c in rows[0]]):
        return ["| " + " | ".join(" ".join(" ".join(c).split()) for c in row) + " |" for row in rows]
    return [line for row in rows for cell in row for line in cell]


def _row_cells(row) -> list[list[str]]:
    """Each distinct cell's lines (merged cells repeat in python-docx's view)."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append([line for p in cell.paragraphs for line in p.text.splitlines()])
    return cells
