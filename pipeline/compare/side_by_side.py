"""Side-by-side tables: the run's plans next to each other, one question per table.

- ``plan_sections``: plans × canonical section labels (which level-1 section carries each);
- ``plan_bodies``: body and plan pairs (the roles each plan gives a body);
- ``criteria_groups``: criteria of all plans grouped when they say the same thing in
  different words.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass

import pandas as pd

from pipeline import patterns
from pipeline.compare.frames import empty, recalled
from pipeline.compare.similarity import best_match, best_matches, normalise, sort_key
from pipeline.lang.casing import expand_abbreviations
from pipeline.lang.tiers import tier_alternation

PLAN_COLUMNS = ("doc_id", "code", "doc_type", "issuer_level", "issuer")
LEADER_BLOCK = 256  # texts scored together against the leaders founded before them
PLAN_BODY_COLUMNS = ("body", "body_key", "names", "n_plans", "doc_id", "roles")
CLUSTERING = "criteria_groups"  # the clustering kept in a run's compare memo
BODY_KEYS = "body_keys"  # each body name's key, kept likewise
CRITERIA_GROUP_COLUMNS = ("group_id", "representative", "n_plans", "n_items", "doc_id",
                          "section_id", "group", "text", "value", "score")

# A locality word closing a body's name: "Phòng Nội vụ huyện" and "Phòng Nội vụ xã" are
# the same kind of body at two levels, which is what a side-by-side wants to line up. A tier
# that is the name's own noun ("Ủy ban nhân dân các xã", "Mỗi xã", "các quận, huyện") stays.
_TRAILING_TIER = re.compile(r"(?<!,)(?<!\bcác)(?<!\bmỗi)(?<!\btừng)"
                            rf"\s+({tier_alternation()})$", re.IGNORECASE)


def section_labels() -> list[str]:
    """Canonical level-1 labels in the order patterns/section_labels.yaml gives them."""
    return [entry["label"] for entry in patterns.load("section_labels")]


def plan_sections(plans: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """One row per plan; per label the numbers of the level-1 sections carrying it ("III").

    One pass over the sections, not one per label: a re-run of 1,000 plans spent half a
    second scanning 43,000 sections ten times.
    """
    labels = [*section_labels(), "unlabelled"]
    top = sections[sections.level == 1]
    numbers: dict[str, dict[str, list[str]]] = {label: {} for label in labels}
    for doc, cell, number in zip(top.doc_id, top.labels, top.number, strict=True):
        for label in dict.fromkeys(x for x in cell.split(";") if x) or ("unlabelled",):
            if label in numbers:
                numbers[label].setdefault(doc, []).append(number)
    out = plans[list(PLAN_COLUMNS)].copy()
    for label in labels:
        out[label] = [";".join(numbers[label].get(d, ())) for d in out.doc_id]
    out["n_sections"] = out.doc_id.map(top.groupby("doc_id").size()).fillna(0).astype(int)
    return out.reset_index(drop=True)


def body_key(body: str) -> str:
    """A body's name for lining up plans: abbreviations expanded, case and tier word dropped."""
    return _TRAILING_TIER.sub("", normalise(expand_abbreviations(body)))


def plan_bodies(plans: pd.DataFrame, responsibilities: pd.DataFrame,
                memo: MutableMapping[str, object] | None = None) -> pd.DataFrame:
    """One row per kind of body and plan naming it, with the roles that plan gives it
    (``lead;assigned``); bodies named by most plans first, each plan in run order.

    Long, not one column per plan: an archive of thousands of plans would make a table
    of thousands of columns (and cells for every body × plan pair, mostly empty) that no
    spreadsheet opens. A side-by-side of a few plans is one pivot away (README).
    ``body`` is the first name seen without its tier word; ``names`` lists every name
    the plans use for it; ``n_plans`` counts the plans naming it. ``memo`` keeps each
    name's key for the next run (keying 3,600 names took half a second of a re-run).
    """
    if responsibilities.empty:
        return empty(PLAN_BODY_COLUMNS)
    memo = {} if memo is None else memo
    known_keys = recalled(memo, BODY_KEYS, dict, {})
    keys = {name: known_keys.get(name) or body_key(name)  # a name's key once, not per row
            for name in responsibilities.body.drop_duplicates()}
    memo[BODY_KEYS] = keys
    rows = responsibilities.assign(body_key=responsibilities.body.map(keys))
    rows = rows[rows.body_key != ""]
    roles, known = _roles_and_names(rows)
    out = roles.assign(names=roles.body_key.map(known),
                       n_plans=roles.body_key.map(roles.groupby("body_key").size()),
                       plan=roles.doc_id.map({d: i for i, d in enumerate(plans.doc_id)}))
    first = {key: _TRAILING_TIER.sub("", found.split(";")[0]) for key, found in known.items()}
    out["body"] = out.body_key.map(first)  # once per kind of body, not per row
    out = out.sort_values(["n_plans", "body_key", "plan"], ascending=[False, True, True],
                          kind="stable")
    return out[list(PLAN_BODY_COLUMNS)].reset_index(drop=True)


def _roles_and_names(rows: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Per (body_key, doc_id), its roles; per body_key, the names it is written with; each
    value once, in row order, groups in order of first appearance.

    Plain dicts, not a pandas groupby: an archive has a group for nearly every (body,
    plan) pair, and slicing a Series per group took 6 of 9 s at 10,000 plans.
    """
    groups: dict[tuple[str, str], dict[str, None]] = {}
    names: dict[str, dict[str, None]] = {}
    for key, doc, role, body in zip(rows.body_key, rows.doc_id, rows.role, rows.body, strict=True):
        groups.setdefault((key, doc), {})[role] = None
        names.setdefault(key, {})[body] = None
    roles = pd.DataFrame({"body_key": [k for k, _ in groups], "doc_id": [d for _, d in groups],
                          "roles": [";".join(r) for r in groups.values()]})
    return roles, {key: ";".join(found) for key, found in names.items()}


@dataclass(frozen=True)
class Clustering:
    """A leader clustering's input texts and, per text, its group index and score.

    Kept between runs (see :func:`criteria_groups`): the clustering is online, so each
    text's group depends on the texts before it only, and a run whose criteria begin
    with the last run's resumes after the longest shared beginning.
    """

    texts: tuple[str, ...] = ()
    ids: tuple[int, ...] = ()
    scores: tuple[float, ...] = ()

    def resumable(self, texts: list[str]) -> int:
        """How many of ``texts`` begin as this clustering's did (their groups stand)."""
        n = 0
        for mine, theirs in zip(self.texts, texts):  # noqa: B905 - lengths differ by design
            if mine != theirs:
                break
            n += 1
        return n


def _leaders(texts: list[str], resume: Clustering = Clustering()) -> Clustering:
    """Leader clustering of normalised texts: group index and score per text.

    Each text takes the best-scoring leader so far (the first of equals) when it
    scores at least MATCH_AT, else leads a new group. A text seen before is
    scored only against the leaders founded since (its best among the earlier ones
    is known), so a run holding one plan many times costs what holding it once does.
    Texts go in blocks: each block is scored against the leaders founded before it
    at once (:func:`best_matches`), then, text by text, against those founded within it.
    The texts ``resume`` clustered as these begin keep their groups; the rest resume.
    """
    kept = resume.resumable(texts)
    ids, scores = list(resume.ids[:kept]), list(resume.scores[:kept])
    leaders: list[str] = []
    for text, group in zip(texts[:kept], ids, strict=True):
        if group == len(leaders):  # the text that founded its group
            leaders.append(text)
    keys = [sort_key(t) for t in leaders]
    seen: dict[str, tuple[int, float, int]] = {}  # text → (best index, score, leaders then)
    for first in range(kept, len(texts), LEADER_BLOCK):
        block = texts[first:first + LEADER_BLOCK]
        block_keys = [sort_key(t) for t in block]
        before = len(leaders)
        starts = [seen.get(t, (-1, 0.0, 0))[2] for t in block]
        old_best, old_top = best_matches(block, block_keys, leaders, keys, starts)
        for j, text in enumerate(block):
            best, top, since = seen.get(text, (-1, 0.0, 0))
            if since < before:  # its score against leaders[since:before] is in the block's
                if old_best[j] >= 0 and old_top[j] > top:
                    best, top = int(old_best[j]), float(old_top[j])
                since = before
            if since < len(leaders):
                k, score = best_match(text, block_keys[j], leaders[since:], keys[since:])
                if k >= 0 and score > top:
                    best, top = since + k, score
            if best < 0:
                leaders.append(text)
                keys.append(block_keys[j])
                best, top = len(leaders) - 1, 100.0
            if text:  # an empty text matches nothing, not even another empty one
                seen[text] = (best, top, len(leaders))
            ids.append(best)
            scores.append(round(top, 1))
    return Clustering(tuple(texts), tuple(ids), tuple(scores))


def criteria_groups(criteria: pd.DataFrame,
                    memo: MutableMapping[str, object] | None = None) -> pd.DataFrame:
    """Every criterion with a group id shared by the criteria worded alike across plans.

    Leader clustering: a criterion joins the first group whose representative (its first
    member) scores at least :data:`MATCH_AT`, else founds a group. Unlike linking every
    similar pair, this cannot chain two unrelated criteria through a middle one.
    ``memo`` carries the clustering from one run to the next: re-running an archive
    with a few new plans after the others scores only the new criteria (the whole
    clustering took 3 of the 12 s a re-run of 1,000 plans spent).
    """
    if criteria.empty:
        return empty(CRITERIA_GROUP_COLUMNS)
    memo = {} if memo is None else memo
    clustering = _leaders(list(criteria.text.map(normalise)),
                          recalled(memo, CLUSTERING, Clustering, Clustering()))
    memo[CLUSTERING] = clustering
    ids, scores = clustering.ids, clustering.scores
    out = criteria[["doc_id", "section_id", "group", "text", "value"]].copy()
    out["group_id"] = [f"G{i + 1:03d}" for i in ids]
    out["score"] = scores
    first = out.groupby("group_id").text.first()
    out["representative"] = out.group_id.map(first)
    out["n_plans"] = out.group_id.map(out.groupby("group_id").doc_id.nunique())
    out["n_items"] = out.group_id.map(out.groupby("group_id").size())
    out = out.sort_values(["n_plans", "group_id"], ascending=[False, True], kind="stable")
    return out[list(CRITERIA_GROUP_COLUMNS)].reset_index(drop=True)
