"""A plan that reaches the analyst as a harsh scan: the whole pipeline, from PDF of images to tables.

The scan is made here from sample plan 002 (typeset with a Vietnamese font,
rasterised by poppler, blurred, speckled, skewed and JPEG-compressed), so its
true header is the gold's.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.evaluation import synth
from pipeline.options import RunOptions
from pipeline.run import run
from tests.conftest import GOLD

PLAN = "002_1d0c97eeb57a3117"
META = ("doc_type", "code", "issue_date", "place", "issuer", "issuer_level")


@pytest.fixture(scope="module")
def scanned_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scan")
    pdf = folder / "typeset.pdf"
    synth.write_text_pdf(synth.sample_plan(PLAN), pdf, max_pages=2)
    pages = [synth.scan(image, synth.HARSH, seed=n) for n, image in enumerate(synth.render(pdf))]
    (folder / "in").mkdir()
    scan = synth.images_to_pdf(pages, folder / "in" / "scan.pdf")
    out = folder / "out"
    run([scan], out, RunOptions(workers=2, progress=False))
    return out


def _table(out, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_the_header_of_a_harsh_scan_comes_out_as_in_the_gold(scanned_run):
    gold = json.loads((GOLD / f"{PLAN}.json").read_text(encoding="utf-8"))["meta"]
    row = _table(scanned_run, "plans").iloc[0]
    assert {k: row[k] for k in META} == {k: gold[k] for k in META}
    assert set(_table(scanned_run, "pages")["method"]) == {"ocr"}


def test_repair_leaves_correctly_read_words_of_a_scan_alone(scanned_run):
    text = (scanned_run / "text" / "scan.txt").read_text(encoding="utf-8")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text


def test_the_level_one_sections_of_a_scan_are_found(scanned_run):
    gold = json.loads((GOLD / f"{PLAN}.json").read_text(encoding="utf-8"))["sections"]
    sections = _table(scanned_run, "sections")
    found = set(sections.loc[sections["level"] == "1", "number"])
    # Two pages of the typeset plan hold its first level-1 sections.
    assert {"I", "II"} <= found <= {s["number"] for s in gold}
