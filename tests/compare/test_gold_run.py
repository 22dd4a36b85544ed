"""compare() over the hand-annotated tables of the five sample plans (tests/data/gold)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.compare import compare

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
ROWS = ("deadlines", "responsibilities", "criteria")


def gold_tables() -> dict[str, pd.DataFrame]:
    """The gold files as run tables (gold sections are level 1, numbered as printed)."""
    tables: dict[str, list[dict]] = {k: [] for k in ("plans", "sections", "references", *ROWS)}
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = {"doc_id": gold["doc_id"]}
        tables["plans"].append({**doc, **gold["meta"]})
        tables["sections"] += [{**doc, "section_id": s["number"], "level": 1, **s,
                                "labels": ";".join(s["labels"])} for s in gold["sections"]]
        tables["references"] += [{**doc, **r} for r in gold["references"]]
        for name in ROWS:
            tables[name] += [{**doc, **row} for row in gold[name]]
    return {name: pd.DataFrame(rows) for name, rows in tables.items()}


@pytest.fixture(scope="module")
def out() -> dict[str, pd.DataFrame]:
    return compare(gold_tables())


def test_plans_implementing_the_same_parent_are_siblings(out):
    pairs = {(r.parent_node, r.doc_id[:3], r.sibling_doc_id[:3])
             for r in out["siblings"].itertuples()}
    assert pairs == {("ref:238-KH-UBND", "000", "002"), ("ref:238-KH-UBND", "002", "000"),
                     ("ref:34-CT-TW", "002", "004"), ("ref:34-CT-TW", "004", "002")}


def test_no_sample_plan_is_anothers_parent(out):
    """004 is the city's 237/KH-UBND; 000 and 002 implement 238/KH-UBND, not in the sample."""
    assert (out["cascade"].parent_doc_id == "").all()
    assert out["coverage"].empty


def test_common_criteria_of_three_plans_group_together(out):
    groups = out["criteria_groups"]
    shared = groups[groups.n_plans == 3]
    assert shared.group_id.nunique() == 4
    assert set(shared.doc_id.str[:3]) == {"000", "001", "002"}


def test_sample_findings(out):
    findings = out["findings"]
    no_body = findings[findings.check == "deadline_without_responsible"]
    assert sorted(no_body.doc_id.str[:3]) == ["002", "003", "003", "003", "003", "003", "004"]
    assert "missing_organization" not in set(findings.check)
    assert (findings[findings.check == "reference_not_in_run"].severity == "info").all()
