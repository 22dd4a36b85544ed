"""The extractors on plans written for this purpose (tests/data/extra), against their hand gold.

Every plan is scored as `make eval` scores it (pipeline/evaluation/score.py match rules),
with F1 floors at the product's targets on unseen plans: 0.9 for references and
deadlines, 0.85 for responsibilities and criteria. The first two plans are also held to
an exact match, field by field.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from pipeline.evaluation.score import MATCHERS, Score
from pipeline.evaluation.score import pair as pair_rows
from pipeline.extract import extract
from pipeline.ingest import read_source
from pipeline.repair import repair
from pipeline.segment import segment

EXTRA = Path(__file__).resolve().parents[1] / "data" / "extra"
PLANS = sorted(EXTRA.glob("*.json"))
EXACT = ("x01_so_chuyen_doi_so", "x02_xa_le_hoi")
TARGETS = {"references": 0.9, "deadlines": 0.9, "responsibilities": 0.85, "criteria": 0.85}


def _fold(value: str) -> str:
    return " ".join(value.casefold().split())


def _extracted(gold_file: Path):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    plan = segment(repair(read_source(gold_file.with_suffix(".txt"))))
    return extract(plan), gold


@pytest.fixture(scope="module", params=PLANS, ids=lambda p: p.stem)
def pair(request):
    return _extracted(request.param)


@pytest.fixture(scope="module", params=[EXTRA / f"{stem}.json" for stem in EXACT],
                ids=lambda p: p.stem)
def exact_pair(request):
    return _extracted(request.param)


@pytest.mark.parametrize("table", TARGETS)
def test_f1_reaches_the_target(pair, table):
    got, gold = pair
    predicted = [asdict(row) for row in getattr(got, table)]
    score = Score(table, len(predicted), len(gold[table]),
                  len(pair_rows(predicted, gold[table], MATCHERS[table])))
    assert score.f1 >= TARGETS[table], (table, score.precision, score.recall)


def test_references_match_gold(exact_pair):
    got, gold = exact_pair
    keys = ("ref_type", "ref_code", "ref_date", "ref_issuer", "ref_title", "relation")
    assert [tuple(getattr(r, k) for k in keys) for r in got.references] == [
        tuple(g[k] for k in keys) for g in gold["references"]]


def test_deadlines_match_gold(exact_pair):
    got, gold = exact_pair
    keys = ("date", "period", "kind", "raw", "responsible")
    assert sorted(tuple(getattr(d, k) for k in keys) for d in got.deadlines) == sorted(
        tuple(g[k] for k in keys) for g in gold["deadlines"])


def test_responsibilities_found_are_in_gold_and_most_of_gold_found(exact_pair):
    got, gold = exact_pair
    want = {(_fold(g["body"]), g["role"]) for g in gold["responsibilities"]}
    found = {(_fold(r.body), r.role) for r in got.responsibilities}
    assert found <= want
    assert len(found) >= 0.85 * len(want)


def test_criteria_match_gold(exact_pair):
    got, gold = exact_pair
    assert sorted((_fold(c.text), c.value) for c in got.criteria) == sorted(
        (_fold(g["text"]), g["value"]) for g in gold["criteria"])
