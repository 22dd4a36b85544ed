"""Word documents: paragraphs (with their automatic numbers) and table cells in body order."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.ingest.docx_numbering import Numbering
from pipeline.ingest.errors import IngestError
from pipeline.models import Page, Source
from pipeline.table_header import is_task_header


def read_docx(path: Path, doc_id: str) -> Source:
    import docx  # python-docx; imported here so other formats do not pay for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise IngestError(f"not a readable Word document ({err.__class__.__name__})") from err
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
    return Source(doc_id, path, "docx", (Page(1, tuple(lines), "docx"),))


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
