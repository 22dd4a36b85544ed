"""Cells that cannot run: what a document or a file name says never becomes a formula."""

from __future__ import annotations

import csv

import pandas as pd
from openpyxl import load_workbook

from pipeline.export.csv_files import as_text, read_csv, write_csv
from pipeline.export.workbook import write_workbook
from pipeline.names import safe_stem
from tests.reliability.conftest import GOOD, good_plan, run_cli

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_a_value_opening_like_a_formula_is_written_as_text_but_numbers_stay():
    assert [as_text(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert [as_text(v) for v in ("-5%", "+2", "-1.5", "Kế hoạch", "", 3)] == \
        ["-5%", "+2", "-1.5", "Kế hoạch", "", 3]


def test_csv_cells_and_headers_are_neutralised_and_read_back_as_written(tmp_path):
    frame = pd.DataFrame({"doc_id": HOSTILE, "=title": ["- Tuyên truyền"] * 6, "page": range(6)})
    write_csv(frame, tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["doc_id", "'=title", "page"]
    assert all(cell[0] not in "=+-@\t\r" for row in rows for cell in row[:2])
    back = read_csv(tmp_path / "t.csv")
    assert list(back.columns) == ["doc_id", "=title", "page"]
    assert list(back.doc_id) == [v.replace("\r", "\n") for v in HOSTILE]  # one row each


def test_a_hostile_file_name_cannot_run_in_the_csvs_or_the_workbook(tmp_path):
    name = "=HYPERLINK(\"http:__evil\",\"x\").txt"
    good_plan(tmp_path / "in", GOOD[0], name=name)
    out = tmp_path / "out"
    done = run_cli(str(tmp_path / "in"), "--out", str(out), workers=1)
    assert done.returncode == 0, done.stderr
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                assert not any(cell.startswith(("=", "+", "@")) for cell in row), (path.name, row)
    tables = {p.stem: read_csv(p) for p in out.glob("*.csv")}
    write_workbook(tables, tmp_path / "book.xlsx")
    book = load_workbook(tmp_path / "book.xlsx")
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    doc_id = safe_stem(tmp_path / "in" / name)
    assert doc_id.startswith("=HYPERLINK(")
    assert any(c.value == doc_id for c in cells)  # shown as it is, as text
    assert not [c.coordinate for c in cells if c.data_type == "f"]
