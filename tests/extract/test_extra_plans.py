"""The extractors on plans written for this purpose (tests/data/extra), against their hand gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ingest import read_source
from pipeline.repair import repair
from pipeline.segment import segment

EXTRA = Path(__file__).resolve().parents[1] / "data" / "extra"
PLANS = sorted(EXTRA.glob("*.json"))


def _fold(value: str) -> str:
    return " ".join(value.casefold().split())


@pytest.fixture(scope="module", params=PLANS, ids=lambda p: p.stem)
def pair(request):
    gold = json.loads(request.param.read_text(encoding="utf-8"))
    plan = segment(repair(read_source(request.param.with_suffix(".txt"))))
    return extract(plan), gold


def test_references_match_gold(pair):
    got, gold = pair
    keys = ("ref_type", "ref_code", "ref_date", "ref_issuer", "ref_title", "relation")
    assert [tuple(getattr(r, k) for k in keys) for r in got.references] == [
        tuple(g[k] for k in keys) for g in gold["references"]]


def test_deadlines_match_gold(pair):
    got, gold = pair
    keys = ("date", "period", "kind", "raw", "responsible")
    assert sorted(tuple(getattr(d, k) for k in keys) for d in got.deadlines) == sorted(
        tuple(g[k] for k in keys) for g in gold["deadlines"])


def test_responsibilities_found_are_in_gold_and_most_of_gold_found(pair):
    got, gold = pair
    want = {(_fold(g["body"]), g["role"]) for g in gold["responsibilities"]}
    found = {(_fold(r.body), r.role) for r in got.responsibilities}
    assert found <= want
    assert len(found) >= 0.85 * len(want)


def test_criteria_match_gold(pair):
    got, gold = pair
    assert sorted((_fold(c.text), c.value) for c in got.criteria) == sorted(
        (_fold(g["text"]), g["value"]) for g in gold["criteria"])
