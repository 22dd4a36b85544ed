"""The learned row filter's experiment: its features, its training, its cross-validation.

The figures it prints decide whether a learned part joins the pipeline, so the
cross-validation must never score a document with a filter trained on it, must be
reproducible, and the filter must learn what the gold teaches it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pipeline.evaluation.row_features import Context, row_words, table_words, tokens
from pipeline.evaluation.row_filter import (
    DocRows,
    candidates,
    cross_validate,
    drop_scores,
    folds,
    train,
)
from pipeline.models import Responsibility, Span, Text
from pipeline.segment import segment

EXTRA = Path(__file__).resolve().parents[1] / "data" / "extra"
TABLE = "responsibilities"


def _plan(doc_id: str, lines: list[str]):
    return segment(Text.from_strings(doc_id, [(line, 1) for line in lines]))


def test_words_are_underthesea_words_lower_case_with_digits_as_shapes():
    assert tokens("Sở Nội vụ báo cáo trước năm 2025") == ("sở", "nội_vụ", "báo_cáo", "trước", "năm",
                                                          "0000")


def test_a_row_is_read_with_the_words_that_follow_its_body():
    plan = _plan("d", ["KẾ HOẠCH", "Triển khai công tác năm 2026", "I. TỔ CHỨC THỰC HIỆN",
                       "1. Sở Nội vụ chủ trì, phối hợp với các đơn vị tổ chức thực hiện Kế hoạch."])
    line = next(ln for ln in plan.text.lines if ln.text.startswith("1. Sở Nội vụ"))
    row = Responsibility(doc_id="d", section_id="I.1", body="Sở Nội vụ", role="lead",
                         task="tổ chức thực hiện", body_full="Sở Nội vụ", span=Span(line.start + 3, line.end))
    words = table_words(plan, TABLE, (row,))[0]
    assert {"role=lead", "b=sở", "b=nội_vụ", "x0=chủ_trì", "at=start"} <= set(words)
    assert "h1=tổ_chức" in words


def _doc(doc_id: str, real: str, seed_words: str) -> DocRows:
    """A plan whose gold keeps its real body and never the collective "Các cơ quan có liên quan"
    that the rules also proposed."""
    lines = ["KẾ HOẠCH", "Triển khai công tác năm 2026", "I. TỔ CHỨC THỰC HIỆN",
             f"1. {real} chủ trì {seed_words}.",
             "2. Các cơ quan có liên quan được mời dự buổi làm việc."]
    plan = _plan(doc_id, lines)
    starts = [ln.start for ln in plan.text.lines]
    rows = (Responsibility(doc_id=doc_id, section_id="I.1", body=real, role="lead", task=seed_words,
                           body_full=real, span=Span(starts[3] + 3, starts[4])),
            Responsibility(doc_id=doc_id, section_id="I.2", body="Các cơ quan có liên quan",
                           role="assigned", task="dự buổi làm việc", body_full="Các cơ quan có liên quan",
                           span=Span(starts[4] + 3, starts[4] + 40)))
    gold = {TABLE: [{"body": real, "role": "lead"}]}
    return DocRows(doc_id, gold, {TABLE: rows}, {TABLE: table_words(plan, TABLE, rows)})


BODIES = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Xây dựng", "Công an tỉnh", "Sở Tư pháp"]


def test_the_filter_learns_to_drop_a_row_the_gold_never_keeps():
    docs = [_doc(f"d{i}", body, "tổ chức triển khai") for i, body in enumerate(BODIES)]
    nlp = train(docs, (TABLE,))
    unseen = _doc("new", "Sở Công Thương", "hướng dẫn thực hiện")
    real, spurious = drop_scores(nlp, TABLE, unseen.words[TABLE])
    assert spurious > 0.5 > real


def test_training_is_reproducible():
    docs = [_doc(f"d{i}", body, "tổ chức triển khai") for i, body in enumerate(BODIES)]
    unseen = _doc("new", "Sở Công Thương", "hướng dẫn thực hiện").words[TABLE]
    assert drop_scores(train(docs, (TABLE,)), TABLE, unseen) == \
        drop_scores(train(docs, (TABLE,)), TABLE, unseen)


def test_folds_hold_each_document_once():
    docs = [_doc(f"d{i}", body, "tổ chức") for i, body in enumerate(BODIES)]
    dealt = folds(docs, 4)
    assert len(dealt) == 4
    assert sorted(d.doc_id for fold in dealt for d in fold) == sorted(d.doc_id for d in docs)


def test_cross_validation_on_a_tiny_split_scores_every_gold_row_once(tmp_path):
    chosen = sorted(EXTRA.glob("x0[1-4]_*.json"))
    for path in chosen:
        shutil.copy(path, tmp_path)
        shutil.copy(path.with_suffix(".txt"), tmp_path)
    docs = candidates(tmp_path, tmp_path)
    outcomes = cross_validate(docs, (TABLE, "criteria"), k=2)
    for table, outcome in outcomes.items():
        gold_rows = sum(len(json.loads(p.read_text(encoding="utf-8"))[table]) for p in chosen)
        assert outcome.rules.gold == outcome.filtered.gold == gold_rows
        assert outcome.filtered.predicted <= outcome.rules.predicted
        assert outcome.filtered.matched <= outcome.rules.matched
    # The in-house plans are the shapes the rules were written for: their rows are all real.
    assert outcomes[TABLE].rules.precision == 1.0


def test_row_words_count_a_body_given_several_roles():
    plan = _plan("d", ["KẾ HOẠCH", "Tên", "I. NHIỆM VỤ", "Sở Y tế chủ trì, phối hợp."])
    line = plan.text.lines[-1]
    row = Responsibility(doc_id="d", section_id="I", body="Sở Y tế", role="lead", task="",
                         body_full="Sở Y tế", span=Span(line.start, line.end))
    assert "n=2" in row_words(TABLE, row, Context.of(plan), repeats=2)
