"""Coverage: which of a parent's sections, tasks, deadlines and criteria its child carries over.

A child plan restates its parent's items in its own words and for its own bodies, so
items are aligned by fuzzy similarity (:mod:`pipeline.compare.similarity`), each parent
item with its best partner in the child. Level-1 sections first align by canonical label:
a child's "Tổ chức thực hiện" carries its parent's whatever the heading's wording.
Items are named by kind and position in their document ("D2" is the document's second
deadline row) because the per-document tables carry no row ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping

import numpy as np
import pandas as pd

from pipeline.compare.frames import empty, recalled
from pipeline.compare.similarity import MATCH_AT, matrix

ITEM_COLUMNS = ("doc_id", "item_id", "section_id", "text", "date", "raw", "labels", "level")
COVERAGE_COLUMNS = ("child_doc_id", "parent_doc_id", "relation", "item_kind", "parent_item_id",
                    "parent_section_id", "parent_text", "child_item_id", "child_section_id",
                    "child_text", "score", "covered", "parent_date", "child_date", "child_raw")

# compare's memo key: similarity matrices by the texts they score (see :class:`_Scores`)
SCORES = "coverage_scores"

# item kind → (table, prefix of item ids, column holding the text to align)
KINDS: dict[str, tuple[str, str, str]] = {
    "section": ("sections", "", "heading"),
    "task": ("responsibilities", "T", "task"),
    "deadline": ("deadlines", "D", "task"),
    "criterion": ("criteria", "C", "text"),
}


def items(tables: dict[str, pd.DataFrame], kind: str) -> pd.DataFrame:
    """One row per item of that kind, with a stable id within its document.

    A responsibility without a task text is aligned by its body's name instead.
    """
    table, prefix, column = KINDS[kind]
    frame = tables[table]
    if frame.empty:
        return empty(ITEM_COLUMNS)
    out = pd.DataFrame({"doc_id": frame.doc_id, "section_id": frame.section_id,
                        "text": frame[column]})
    if kind == "task":
        out["text"] = out.text.where(out.text != "", frame.body)
    ordinal = frame.groupby("doc_id", sort=False).cumcount() + 1
    out["item_id"] = frame.section_id if kind == "section" else prefix + ordinal.astype(str)
    for extra in ("date", "raw", "labels"):
        out[extra] = frame[extra] if extra in frame.columns else ""
    out["level"] = frame["level"] if "level" in frame.columns else 0
    return out[list(ITEM_COLUMNS)]


def _label_overlap(parent: pd.DataFrame, child: pd.DataFrame) -> np.ndarray:
    """100 where two level-1 sections share a canonical label, else 0."""
    def label_sets(frame: pd.DataFrame) -> list[set[str]]:
        return [set(filter(None, labels.split(";"))) if level == 1 else set()
                for labels, level in zip(frame.labels, frame.level, strict=True)]
    p, c = label_sets(parent), label_sets(child)
    return np.array([[100.0 if a & b else 0.0 for b in c] for a in p]).reshape(len(p), len(c))


class _Scores:
    """Similarity matrices of aligned item texts, recalled from the last run when the
    same texts meet again.

    Why: a parent and its child are aligned again on every run, and scoring every item
    of one against every item of the other is most of coverage's time; a re-run of an
    archive with a few new plans has few new pairs. Keyed by a hash of both lists of
    texts, so a changed item in either document is scored afresh. Only the matrices
    this run used are kept for the next.
    """

    def __init__(self, memo: MutableMapping[str, object] | None) -> None:
        self.known = recalled(memo, SCORES, dict, {}) if memo is not None else {}
        self.used: dict[bytes, np.ndarray] = {}

    def matrix(self, left: list[str], right: list[str]) -> np.ndarray:
        digest = hashlib.blake2b(digest_size=16)
        for text in (*left, "\x02", *right):
            digest.update(text.encode("utf-8", "surrogatepass") + b"\x01")
        key = digest.digest()
        found = self.known.get(key)
        self.used[key] = found = matrix(left, right) if found is None else found
        return found


def align(parent: pd.DataFrame, child: pd.DataFrame, kind: str,
          scored: _Scores | None = None) -> pd.DataFrame:
    """Each parent item with its best child item, the score and whether it counts as covered."""
    texts = list(parent.text), list(child.text)
    scores = scored.matrix(*texts) if scored is not None else matrix(*texts)
    if kind == "section" and len(child):
        scores = np.maximum(scores, _label_overlap(parent, child))
    rows = []
    for i, item in enumerate(parent.itertuples(index=False)):
        best = int(scores[i].argmax()) if len(child) else -1
        score = float(scores[i, best]) if best >= 0 else 0.0
        match = child.iloc[best] if best >= 0 and score >= MATCH_AT else None
        rows.append({
            "item_kind": kind, "parent_item_id": item.item_id,
            "parent_section_id": item.section_id, "parent_text": item.text,
            "child_item_id": "" if match is None else match.item_id,
            "child_section_id": "" if match is None else match.section_id,
            "child_text": "" if match is None else match.text,
            "score": round(score, 1), "covered": match is not None, "parent_date": item.date,
            "child_date": "" if match is None else match.date,
            "child_raw": "" if match is None else match.raw,
        })
    return pd.DataFrame(rows)


def coverage(tables: dict[str, pd.DataFrame], links: pd.DataFrame,
             memo: MutableMapping[str, object] | None = None) -> pd.DataFrame:
    """coverage.csv: every item of every parent in the run, against each of its children.

    ``memo``: compare's memo (the same rows with it or without, see :class:`_Scores`).
    """
    scored = _Scores(memo)
    pairs = links.loc[links.parent_doc_id != "",
                      ["child_doc_id", "parent_doc_id", "relation"]].drop_duplicates(
                          ["child_doc_id", "parent_doc_id"])
    frames = []
    wanted = set(pairs.child_doc_id) | set(pairs.parent_doc_id)
    for kind in KINDS:
        every = items(tables, kind)
        # Blocking: each document's items once, looked up per linked pair.
        by_doc = dict(tuple(every[every.doc_id.isin(wanted)].groupby("doc_id", sort=False)))
        none = every.iloc[0:0]
        for child_id, parent_id, relation in pairs.itertuples(index=False):
            parent = by_doc.get(parent_id, none)
            if parent.empty:
                continue
            aligned = align(parent, by_doc.get(child_id, none), kind, scored)
            frames.append(aligned.assign(child_doc_id=child_id, parent_doc_id=parent_id,
                                         relation=relation))
    if memo is not None:
        memo[SCORES] = scored.used
    if not frames:
        return empty(COVERAGE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[list(COVERAGE_COLUMNS)]
