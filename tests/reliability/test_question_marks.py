"""Vietnamese saved in Latin-1, "?" for every letter the code page lacks: restored, not accepted."""

from __future__ import annotations

from pathlib import Path

from pipeline.evaluation.cer import cer
from pipeline.models import Page, Source
from pipeline.repair import repair
from tests.conftest import RAW

PLAN = RAW / "002_1d0c97eeb57a3117.txt"


def _repair(text: str):
    return repair(Source("x", Path("x.txt"), "txt", (Page(1, tuple(text.splitlines()), "text"),)))


def test_letters_lost_to_question_marks_are_restored_like_lost_glyphs():
    clean = PLAN.read_text(encoding="utf-8")
    lossy = clean.encode("latin-1", errors="replace").decode("latin-1")
    assert "S?: 227" in lossy
    expected = _repair(clean).string
    fixed = _repair(lossy)
    assert "question_marks" in {r.kind for r in fixed.repairs}
    assert fixed.string.startswith("Số: 227")
    assert cer(lossy, clean) > 0.1 and cer(fixed.string, expected) < 0.02


def test_question_marks_that_end_sentences_are_left_alone():
    text = PLAN.read_text(encoding="utf-8") + "\nVì sao phải thi đua? Để làm gì?\n"
    assert "question_marks" not in {r.kind for r in _repair(text).repairs}
    assert "Vì sao phải thi đua? Để làm gì?" in _repair(text).string
