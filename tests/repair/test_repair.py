"""The repair stage end to end on real plans: clean text stays, damage goes, output is NFC."""

import unicodedata
from pathlib import Path

from pipeline.ingest.plain_text import read_plain_text
from pipeline.models import Page, Source
from pipeline.repair import batch_model, batch_tokens, raw_lines, repair, repair_lines
from pipeline.repair.lm import LanguageModel, NgramTally

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def _read(stem: str) -> Source:
    return read_plain_text(next(RAW.glob(f"{stem}_*.txt")), stem)


def test_a_clean_plan_keeps_every_character():
    source = _read("003")
    lines, counts = repair_lines(source)
    assert [ln.text for ln in lines] == [ln.text for ln in raw_lines(source)]
    assert counts == ()


def test_seed_001_loses_its_damage_and_reports_it():
    sources = [_read(stem) for stem in ("000", "001", "002", "003", "004")]
    text = repair(sources[1], lm=batch_model(sources))
    assert "thi đua yêu nước" in text.string
    assert "ƣ" not in text.string and "t i đua" not in text.string
    kinds = {r.kind: r for r in text.repairs}
    assert kinds["glyph_loss"].count > 300 and 0 < kinds["glyph_loss"].confidence <= 1


def test_output_is_nfc_with_the_house_tone_style():
    decomposed = unicodedata.normalize("NFD", "Uỷ ban nhân dân về hoà giải và sức khoẻ.")
    source = Source("x", Path("x.txt"), "txt", (Page(1, (decomposed,), "text"),))
    text = repair(source).string
    assert text == "Ủy ban nhân dân về hòa giải và sức khỏe."
    assert unicodedata.is_normalized("NFC", text)


def test_ocr_slips_are_fixed_on_ocr_pages_only():
    line = "Kế hoạch tố chức phong trào thí đua yêu nước"
    pages = (Page(1, (line,), "ocr"), Page(2, (line,), "text"))
    text = repair(Source("x", Path("x.pdf"), "pdf", pages))
    assert text.lines[0].text == "Kế hoạch tổ chức phong trào thi đua yêu nước"
    assert text.lines[-1].text.endswith(line)


def test_tone_slips_repeated_on_a_scan_are_not_learnt_from_the_scan_itself():
    # A scan that slips the same way on every page: were its lines counted in the
    # run's model, "tố chức" would look like the plan's own phrasing and stay.
    lines = ("Ủy ban nhân dân xã tố chức phong trào thi đua yêu nước.",
             "Các đoàn thể tố chức tuyên truyền sâu rộng.",
             "Hội Nông dân tố chức hội nghị sơ kết.")
    source = Source("scan", Path("scan.pdf"), "pdf",
                    tuple(Page(n, (line,), "ocr") for n, line in enumerate(lines, 1)))
    text = repair(source, lm=batch_model([source]))
    assert [line.text for line in text.lines] == [line.replace("tố", "tổ") for line in lines]


def test_a_documents_share_of_the_run_model_counts_the_ngrams_of_its_clean_lines():
    """The share a worker sends is tokens, not lines: counted, it must give the n-grams the
    lines themselves give (across line ends too), and leave damaged lines out."""
    clean = ["Ủy ban nhân dân huyện", "ban hành Kế hoạch số 12 như sau"]
    damaged = "t   i đua yêu nư c"  # gaps where glyphs were lost
    source = Source("x", Path("x.txt"), "txt", (Page(1, (clean[0], damaged, clean[1]), "text"),))
    tally, from_lines = NgramTally(), LanguageModel()
    tally.add_tokens(batch_tokens(source))
    from_lines.add_text("\n".join(clean))
    assert tally.model().counts == from_lines.counts
    assert from_lines.counts[2][("huyện", "ban", "hành")] == 1  # a trigram over a line end
