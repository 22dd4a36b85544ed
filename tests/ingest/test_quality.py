"""Judging a text layer: real Vietnamese is kept, a broken font map's output is not."""

from __future__ import annotations

from pipeline.evaluation import synth
from pipeline.ingest.options import TextLayerOptions
from pipeline.ingest.pdf_reader import usable_text
from pipeline.ingest.quality import syllable_share

PLAN = synth.sample_plan("002_1d0c97eeb57a3117")
BODY = "\n".join(PLAN.body[:20])


def test_a_plan_with_rules_codes_and_long_space_runs_is_kept():
    page = "\n".join([*PLAN.left, "-----------", *PLAN.right, " " * 40, BODY])
    assert syllable_share(page) > 0.9
    assert usable_text(page, TextLayerOptions())


def test_a_broken_font_map_is_refused_even_though_it_is_full_of_letters():
    garbage = synth.garble(BODY)
    assert synth.garble("SỞ CÔNG THƯƠNG").startswith("6")
    assert syllable_share(garbage) < 0.1
    assert not usable_text(garbage, TextLayerOptions())


def test_a_page_with_only_a_few_letters_goes_to_ocr():
    assert not usable_text("Trang 3\n\n- 3 -", TextLayerOptions())
    assert not usable_text("", TextLayerOptions())
