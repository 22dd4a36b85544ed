"""Coverage: what a child plan carries over from its parent, and what it drops."""

from __future__ import annotations

import pandas as pd

from pipeline.compare import compare
from pipeline.compare.coverage import COVERAGE_COLUMNS

from .conftest import CONFERENCE, REPORT, REVIEW


def rows(run_tables, kind: str, child: str = "district") -> pd.DataFrame:
    cover = compare(run_tables)["coverage"]
    return cover[(cover.item_kind == kind) & (cover.child_doc_id == child)]


def test_columns_are_the_pinned_ones(run_tables):
    assert list(compare(run_tables)["coverage"].columns) == list(COVERAGE_COLUMNS)


def test_sections_align_by_label_whatever_the_heading_says(run_tables):
    sections = rows(run_tables, "section").set_index("parent_item_id")
    assert sections.loc["II", "child_text"] == "NỘI DUNG TUYÊN TRUYỀN"
    assert bool(sections.loc["II", "covered"])
    commune = rows(run_tables, "section", "commune").set_index("parent_item_id")
    assert commune.loc["I", "child_text"] == "MỤC ĐÍCH"


def test_a_dropped_organization_section_is_uncovered(run_tables):
    sections = rows(run_tables, "section").set_index("parent_item_id")
    assert not sections.loc["III", "covered"]
    assert sections.loc["III", "child_item_id"] == ""


def test_deadlines_are_matched_by_task_and_keep_both_dates(run_tables):
    deadlines = rows(run_tables, "deadline").set_index("parent_text")
    report = deadlines.loc[REPORT]
    assert (report.parent_date, report.child_date, bool(report.covered)) == (
        "2024-12-15", "2024-12-20", True)
    assert deadlines.loc[CONFERENCE, "child_section_id"] == "II.1"
    assert not deadlines.loc[REVIEW, "covered"]


def test_tasks_match_across_bodies_of_different_levels(run_tables):
    tasks = rows(run_tables, "task")
    assert tasks.covered.all()
    assert set(tasks.child_section_id) == {"IV.1", "IV.2"}


def test_reworded_criterion_is_covered_and_a_missing_one_is_not(run_tables):
    criteria = rows(run_tables, "criterion").set_index("parent_item_id")
    assert bool(criteria.loc["C1", "covered"]) and criteria.loc["C1", "score"] >= 90
    assert not criteria.loc["C2", "covered"] and criteria.loc["C2", "score"] < 70


def test_a_child_with_no_items_of_a_kind_covers_none(run_tables):
    deadlines = rows(run_tables, "deadline", "commune")
    assert len(deadlines) == 3
    assert not deadlines.covered.any()
    assert (deadlines.score == 0).all()


def test_no_coverage_without_a_parent_in_the_run(run_tables):
    without_city = {k: v[v.doc_id != "city"] for k, v in run_tables.items()}
    cover = compare(without_city)["coverage"]
    assert set(cover.parent_doc_id) == {"district"}


def test_a_re_run_with_compares_memo_gives_a_fresh_runs_coverage(run_tables):
    memo: dict[str, object] = {}
    first = compare(run_tables, memo)["coverage"]
    pd.testing.assert_frame_equal(compare(run_tables, memo)["coverage"], first)
    # The district now writes the city's review task: the pair is scored again, not recalled.
    deadlines = run_tables["deadlines"].copy()
    district = deadlines.index[deadlines.doc_id == "district"][0]
    deadlines.loc[district, "task"] = REVIEW
    changed = {**run_tables, "deadlines": deadlines}
    again = compare(changed, memo)["coverage"]
    pd.testing.assert_frame_equal(again, compare(changed)["coverage"])
    review = again[(again.item_kind == "deadline") & (again.child_doc_id == "district")
                   & (again.parent_text == REVIEW)]
    assert review.covered.all() and not review.empty
