"""The real-document gold is well formed and quotes its documents.

Gold that names a body, a deadline or a heading the document does not contain
would score the pipeline against words nobody wrote, so every quoted value must
occur in the document's own text (ignoring case, spaces and markdown stars).
Scanned PDFs have no text to check against; their values are checked for shape.
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "real"
CORPUS = ROOT.parent / "shared" / "corpus"
# The development set and the fresh documents annotated after its rules were written.
GOLD_FILES = sorted([*GOLD.glob("*.json"), *(ROOT / "tests" / "data" / "holdout").glob("*.json")])
META = ("doc_type", "number", "symbol", "code", "issue_date", "place", "issuer", "issuer_level",
        "title", "signer_name", "signer_title", "signing_authority")
ROLES = {"lead", "assigned", "coordinate", "requested"}
KINDS = {"by", "within", "until", "periodic"}
RELATIONS = {"implements", "pursuant", "cites"}
PERIODIC = {"daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"}
PERIOD = re.compile(r"^(?:\d{4}(?:-Q[1-4]|-\d{2})?)?$")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")


def squash(text: str) -> str:
    """Case, whitespace and markdown emphasis ignored: how a quoted value is looked up."""
    text = unicodedata.normalize("NFC", text).casefold().replace("*", "").replace("#", "")
    return re.sub(r"\s+", "", text)


def document_text(path: Path) -> str:
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    if path.suffix == ".docx":
        doc = Document(str(path))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return ""


def quoted_values(gold: dict) -> list[tuple[str, str]]:
    values = [("heading", s["heading"]) for s in gold["sections"]]
    values += [("body", r["body"]) for r in gold["responsibilities"]]
    values += [("raw", d["raw"]) for d in gold["deadlines"]]
    values += [("criterion", c["text"]) for c in gold["criteria"]]
    values += [("ref_code", r["ref_code"]) for r in gold["references"]]
    return [(k, v) for k, v in values if v]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem[:40])
def test_gold_has_the_shape_and_vocabulary(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    gold = json.loads(raw)
    assert gold["doc_id"] == path.stem
    assert (CORPUS / gold["source"]).is_file()
    assert Path(gold["source"]).stem == path.stem
    assert gold["kind"] in {"plan", "decision", "other"}
    assert set(META) <= set(gold["meta"])
    assert re.fullmatch(r"(?:\d{4}-\d{2}-\d{2})?", gold["meta"]["issue_date"])
    assert gold["meta"]["issuer_level"] in {"", "national", "province", "district", "commune", "agency"}
    assert {r["role"] for r in gold["responsibilities"]} <= ROLES
    assert {r["relation"] for r in gold["references"]} <= RELATIONS
    for d in gold["deadlines"]:
        assert d["kind"] in KINDS
        if d["kind"] == "periodic":
            assert d["period"] in PERIODIC and d["date"] == "", d
        else:
            assert PERIOD.match(d["period"]) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["date"]), d
    for table in ("sections", "references", "deadlines", "responsibilities", "criteria"):
        assert all(row.get("part", "main") in {"main", "attached"} for row in gold[table])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem[:40])
def test_gold_quotes_its_document(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = squash(document_text(CORPUS / gold["source"]))
    if len(text) < 200:
        pytest.skip("a scan: no text layer to check the quotes against")
    missing = [(k, v) for k, v in quoted_values(gold) if squash(v) not in text]
    assert not missing, missing
