"""The DuckDB views run over the run's tables as the exporter stores them."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.compare import compare
from pipeline.compare.views import VIEWS


@pytest.fixture
def database(run_tables):
    con = duckdb.connect()
    for name, frame in {**run_tables, **compare(run_tables)}.items():
        con.register("frame", frame)
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
        con.unregister("frame")
    for name, select in VIEWS.items():
        con.execute(f'CREATE VIEW "{name}" AS {select}')
    yield con
    con.close()


def test_every_view_answers(database):
    for name in VIEWS:
        database.execute(f'SELECT * FROM "{name}"').fetchall()


def test_coverage_summary_counts_covered_items(database):
    got = database.execute("""SELECT n_items, n_covered FROM coverage_summary
        WHERE child_doc_id = 'district' AND item_kind = 'deadline'""").fetchone()
    assert got == (3, 2)


def test_section_labels_splits_multi_label_headings(database):
    got = database.execute("""SELECT label FROM section_labels
        WHERE doc_id = 'district' AND section_id = 'III' ORDER BY label""").fetchall()
    assert got == [("budget",), ("timeframe",)]


def test_cascade_chain_names_both_ends(database):
    got = database.execute("""SELECT child_code, parent_code, parent_issuer FROM cascade_chain
        WHERE child_doc_id = 'district' AND parent_doc_id = 'city'""").fetchone()
    assert got == ("227/KH-UBND", "238/KH-UBND", "Ủy ban nhân dân thành phố Hải Phòng")


def test_deadline_timeline_is_in_date_order(database):
    dates = [r[0] for r in database.execute("SELECT date FROM deadline_timeline").fetchall()]
    assert dates == sorted(dates) and len(dates) == 6
