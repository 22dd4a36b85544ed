"""The files a run leaves: CSV with BOM, a DuckDB with the same rows, atomic writes."""

import duckdb
import pandas as pd

from pipeline.export import write_outputs
from pipeline.export.atomic import write_text_atomic
from pipeline.export.tables import COLUMNS, build_tables
from pipeline.models import DocumentResult, ErrorRow
from pipeline.options import RunOptions
from pipeline.process import process
from tests.conftest import RAW


def test_tables_have_every_contract_column_even_when_empty():
    tables = build_tables([DocumentResult("x", "x.pdf", errors=(ErrorRow("x", "x.pdf", "ingest",
                                                                        "empty file"),))])
    for name, columns in COLUMNS.items():
        assert list(tables[name].columns) == list(columns)
    assert tables["errors"].to_dict("records") == [
        {"doc_id": "x", "file": "x.pdf", "stage": "ingest", "reason": "empty file"}]


def test_csv_has_a_bom_and_duckdb_holds_the_same_rows(tmp_path):
    result = process(RAW / "002_1d0c97eeb57a3117.txt", RunOptions(workers=1))
    tables = build_tables([result])
    write_outputs([result], tables, tmp_path)
    raw = (tmp_path / "plans.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Ủy ban nhân dân huyện Thủy Nguyên" in raw.decode("utf-8-sig")
    con = duckdb.connect(str(tmp_path / "plans.duckdb"), read_only=True)
    for name in ("plans", "sections", "errors"):
        csv_rows = len(pd.read_csv(tmp_path / f"{name}.csv", encoding="utf-8-sig"))
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == csv_rows
    text = (tmp_path / "text" / "002_1d0c97eeb57a3117.txt").read_text(encoding="utf-8")
    assert "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n" in text


def test_atomic_write_replaces_whole_files_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    write_text_atomic(target, "cũ")
    write_text_atomic(target, "mới")
    assert target.read_text(encoding="utf-8") == "mới"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_outputs_are_readable_by_others_as_the_umask_allows(tmp_path):
    import os
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
