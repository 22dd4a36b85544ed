"""Score a run's tables against hand-made gold: `make eval`.

For each table, rows are paired with gold rows one to one (greedily, best
first) under a table-specific match rule, and precision, recall and F1 are
reported. Metadata is scored per field; level-1 sections by number and heading,
with label accuracy over the matched ones; repair by the character error rate of
``text/<doc_id>.txt`` against every gold ``<doc_id>.clean.txt``.

Match rules (documented so a figure can be read):
- references: same ref_key (number and symbol parts), or for documents cited
  without a code, same ref_type and a title similar at ≥ 90.
- deadlines: same date, period and kind; pairs chosen by task similarity.
- responsibilities: same role and body similar at ≥ 90 (case and spacing ignored).
- criteria: same value and text similar at ≥ 90.
- sections: same number and heading; a decision's article (``Điều 3``), whose
  heading may be its first sentence, needs the heading similar at ≥ 90.

Gold of real documents (``tests/data/real``) names its corpus file in
``source``; ``--inputs`` prints those files' paths for ``plans run``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from pipeline.evaluation.cer import cer
from pipeline.export.csv_files import read_csv
from pipeline.lang.codes import ref_key
from pipeline.lang.tones import normalize_tone

SIMILAR = 90.0
META_FIELDS = ("doc_type", "number", "symbol", "code", "issue_date", "place", "issuer",
               "issuer_level", "title", "signer_name", "signer_title", "signing_authority")


_LETTERS = re.compile(r"[^\W\d_]+")


def norm(text: object) -> str:
    """NFC, whitespace collapsed, trailing . ; removed: the gold's text conventions.

    Tone marks are compared in one placement ("HOÁ" = "HÓA"): repair writes the
    placement government texts use today, by design, while the gold quotes the print.
    """
    s = " ".join(unicodedata.normalize("NFC", "" if text is None else str(text)).split())
    # Tones are placed per run of letters: "này." read as one word put the tone on its "y".
    return _LETTERS.sub(lambda m: normalize_tone(m.group(0)), s).rstrip(".;").strip()


def similar(a: str, b: str) -> float:
    return fuzz.ratio(norm(a).casefold(), norm(b).casefold())


@dataclass
class Score:
    table: str
    predicted: int = 0
    gold: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else float(self.predicted == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: int, gold: int, matched: int) -> None:
        self.predicted += predicted
        self.gold += gold
        self.matched += matched


Matcher = Callable[[dict, dict], float]  # 0 when the rows do not match, else a pairing score


def pair(predicted: list[dict], gold: list[dict], match: Matcher) -> list[tuple[dict, dict]]:
    """One-to-one pairs, best-scoring first."""
    candidates = sorted(((match(p, g), i, j) for i, p in enumerate(predicted)
                         for j, g in enumerate(gold)), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in candidates:
        if score <= 0 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((predicted[i], gold[j]))
    return pairs


def match_reference(p: dict, g: dict) -> float:
    if norm(g["ref_code"]):
        return 100.0 if ref_key(norm(p["ref_code"])) == ref_key(norm(g["ref_code"])) else 0.0
    if norm(p["ref_code"]) or norm(p["ref_type"]) != norm(g["ref_type"]):
        return 0.0
    s = similar(p["ref_title"], g["ref_title"])
    return s if s >= SIMILAR else 0.0


def match_deadline(p: dict, g: dict) -> float:
    if any(norm(p[k]) != norm(g[k]) for k in ("date", "period", "kind")):
        return 0.0
    return 1.0 + similar(p["task"], g["task"])


def match_responsibility(p: dict, g: dict) -> float:
    if norm(p["role"]) != norm(g["role"]):
        return 0.0
    s = similar(p["body"], g["body"])
    return s if s >= SIMILAR else 0.0


def match_criterion(p: dict, g: dict) -> float:
    if norm(p["value"]) != norm(g["value"]):
        return 0.0
    s = similar(p["text"], g["text"])
    return s if s >= SIMILAR else 0.0


def match_section(p: dict, g: dict) -> float:
    if norm(p["number"]) != norm(g["number"]):
        return 0.0
    if norm(g["number"]).startswith("Điều"):
        return float(similar(p["heading"], g["heading"]) >= SIMILAR)
    return float(norm(p["heading"]) == norm(g["heading"]))


MATCHERS: dict[str, Matcher] = {
    "references": match_reference,
    "deadlines": match_deadline,
    "responsibilities": match_responsibility,
    "criteria": match_criterion,
}


def read_table(out: Path, name: str) -> pd.DataFrame:
    path = out / f"{name}.csv"
    if not path.exists():
        return pd.DataFrame()
    return read_csv(path)  # the run's text, without the apostrophes that keep formulas inert


def rows_of(frame: pd.DataFrame, doc_id: str) -> list[dict]:
    if frame.empty:
        return []
    return frame[frame["doc_id"] == doc_id].to_dict("records")


# Fields a row can get wrong although it matched: reported as accuracy over matched pairs.
FIELDS_CHECKED = {
    "references": ("relation", "ref_date", "ref_issuer"),
    "deadlines": ("responsible",),
    "criteria": ("group",),
}


def read_golds(gold_dir: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}


def evaluate(out: Path, gold_dir: Path, kind: str | None = None) -> dict:
    """All figures of one run against every gold file in ``gold_dir`` (of one ``kind`` if given)."""
    golds = {doc_id: gold for doc_id, gold in read_golds(gold_dir).items()
             if kind is None or gold.get("kind") == kind}
    tables = {name: read_table(out, name) for name in ("plans", "sections", *MATCHERS)}
    scores = {name: Score(name) for name in ("sections", *MATCHERS)}
    meta_right = meta_total = labels_right = 0
    meta_fields = dict.fromkeys(META_FIELDS, 0)
    fields: dict[tuple[str, str], tuple[int, int]] = {}
    for doc_id, gold in golds.items():
        found = rows_of(tables["plans"], doc_id)
        plan = found[0] if found else {}
        meta_total += len(META_FIELDS)
        for f in META_FIELDS:
            same = norm(plan.get(f, "")) == norm(gold["meta"][f])
            meta_right += same
            meta_fields[f] += same
        labels_right += _score_sections(tables["sections"], doc_id, gold, scores["sections"])
        for name, match in MATCHERS.items():
            predicted = rows_of(tables[name], doc_id)
            pairs = pair(predicted, gold[name], match)
            scores[name].add(len(predicted), len(gold[name]), len(pairs))
            for field in FIELDS_CHECKED.get(name, ()):
                right, total = fields.get((name, field), (0, 0))
                fields[(name, field)] = (right + sum(norm(p.get(field, "")) == norm(g.get(field, ""))
                                                     for p, g in pairs), total + len(pairs))
    return {
        "documents": len(golds),
        "meta_accuracy": meta_right / meta_total if meta_total else 0.0,
        "meta_fields": {f: n / len(golds) for f, n in meta_fields.items()} if golds else {},
        "label_accuracy": labels_right / scores["sections"].matched if scores["sections"].matched
        else 0.0,
        "scores": scores,
        "fields": {k: right / total for k, (right, total) in fields.items() if total},
        "cer": _repair_cer(out, gold_dir),
    }


def _score_sections(frame: pd.DataFrame, doc_id: str, gold: dict, score: Score) -> int:
    """Add level-1 section counts to ``score``; return how many matched with the right labels."""
    predicted = [r for r in rows_of(frame, doc_id) if str(r["level"]) == "1"]
    pairs = pair(predicted, gold["sections"], match_section)
    score.add(len(predicted), len(gold["sections"]), len(pairs))
    return sum(set(filter(None, p["labels"].split(";"))) == set(g["labels"]) for p, g in pairs)


def _repair_cer(out: Path, gold_dir: Path) -> dict[str, float]:
    """CER (whitespace collapsed) of each repaired text that has a gold clean text."""
    rates = {}
    for clean in sorted(gold_dir.glob("*.clean.txt")):
        doc_id = clean.name.removesuffix(".clean.txt")
        repaired = out / "text" / f"{doc_id}.txt"
        if repaired.exists():
            rates[doc_id] = cer(repaired.read_text(encoding="utf-8"),
                                clean.read_text(encoding="utf-8"))
    return rates


def gold_sources(gold_dir: Path, corpus: Path) -> list[Path]:
    """The corpus files that real-document gold points at (``source``), in doc_id order."""
    sources = []
    for path in sorted(gold_dir.glob("*.json")):
        source = json.loads(path.read_text(encoding="utf-8")).get("source")
        if source:
            sources.append(corpus / source)
    return sources


def report(result: dict) -> str:
    lines = [f"documents scored: {result['documents']}",
             f"metadata accuracy: {result['meta_accuracy']:.3f}",
             f"level-1 label accuracy: {result['label_accuracy']:.3f}",
             "metadata per field: " + ", ".join(f"{f} {rate:.2f}"
                                                for f, rate in result["meta_fields"].items()),
             "",
             f"{'table':<18}{'pred':>6}{'gold':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for s in result["scores"].values():
        lines.append(f"{s.table:<18}{s.predicted:>6}{s.gold:>6}{s.matched:>7}"
                     f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    lines.append("")
    if result.get("fields"):
        lines.append("field accuracy of matched rows: " + ", ".join(
            f"{table}.{field} {rate:.3f}" for (table, field), rate in result["fields"].items()))
        lines.append("")
    for doc_id, rate in result["cer"].items():
        lines.append(f"repair CER {doc_id}: {rate:.4%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", help="output folder of `plans run`")
    parser.add_argument("--gold", type=Path, default=Path("tests/data/gold"))
    parser.add_argument("--inputs", action="store_true",
                        help="print the corpus files the gold names (one a line) and stop")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    args = parser.parse_args(argv)
    if args.inputs:
        print("\n".join(str(p) for p in gold_sources(args.gold, args.corpus)))
        return 0
    print(report(evaluate(args.out, args.gold)))
    kinds = sorted({g["kind"] for g in read_golds(args.gold).values() if g.get("kind")})
    for kind in kinds if len(kinds) > 1 else ():
        print(f"\n--- {kind} documents only ---")
        print(report(evaluate(args.out, args.gold, kind)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
