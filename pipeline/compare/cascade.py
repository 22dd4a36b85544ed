"""The cascade: which document of the run implements (or is issued pursuant to) which.

Every reference is resolved against the documents of the same run:

1. by ``ref_key`` against each document's own code (``34-CT/TW`` meets ``34/CT-TW``), and
   against the code of the decision a plan was issued with (``attached_code``), since a
   plan issued with Quyết định 3194/QĐ-UBND is cited by that decision's code;
2. failing a code (the cited document's header lost it, or the citation gives none), by
   type + date + issuer, all three required, so a match is never a guess.

Edges run parent → child, the direction in which a directive cascades down the levels.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import networkx as nx
import pandas as pd

from pipeline.compare.frames import empty, text_rows
from pipeline.compare.similarity import normalise
from pipeline.lang.casing import expand_abbreviations
from pipeline.lang.codes import ref_key
from pipeline.lang.tiers import issuer_level

LINK_RELATIONS = ("implements", "pursuant")
NOT_IN_RUN = "not_in_run"  # match_method of a cited document the run does not hold

RESOLVED_COLUMNS = ("doc_id", "section_id", "ref_type", "ref_code", "ref_key", "ref_date",
                    "ref_issuer", "ref_title", "relation", "raw", "parent_doc_id",
                    "match_method")
CASCADE_COLUMNS = ("child_doc_id", "parent_code", "parent_type", "parent_date", "parent_issuer",
                   "parent_doc_id", "relation", "parent_key", "parent_title", "match_method",
                   "section_id", "parent_node", "child_level", "parent_level")
SIBLING_COLUMNS = ("parent_node", "parent_code", "parent_type", "parent_doc_id", "doc_id",
                   "sibling_doc_id")


def usable_key(key: str) -> bool:
    """A key identifies a document only with a number and a symbol ("238-KH-UBND")."""
    head, _, rest = key.partition("-")
    return head.isdigit() and bool(rest)


@lru_cache(maxsize=1 << 16)
def issuer_words(issuer: str) -> frozenset[str]:
    """The issuer's syllables with abbreviations expanded ("UBND" = "Ủy ban nhân dân")."""
    return frozenset(normalise(expand_abbreviations(issuer)).split())


def same_issuer(a: str, b: str) -> bool:
    """One name's words all occur in the other's: a citation often drops the locality
    ("Ủy ban nhân dân thành phố" for "Ủy ban nhân dân thành phố Hải Phòng")."""
    wa, wb = issuer_words(a), issuer_words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _code_index(plans: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """ref_key → [(doc_id, how)] over each document's code and its attached decision's code."""
    index: dict[str, list[tuple[str, str]]] = {}
    for row in text_rows(plans, index=False):
        for column, how in (("code", "code"), ("attached_code", "attached_code")):
            key = ref_key(getattr(row, column))
            if usable_key(key):
                index.setdefault(key, []).append((row.doc_id, how))
    return index


class _TypeDateIndex:
    """The run's documents by (type, date): a citation without a usable code is matched
    only against the documents of its type and date, never against the whole run."""

    def __init__(self, plans: pd.DataFrame) -> None:
        self.groups: dict[tuple[str, str], list[tuple[str, str, bool]]] = {}
        for doc_id, doc_type, date, code, issuer in zip(
                plans.doc_id, plans.doc_type, plans.issue_date, plans.code, plans.issuer,
                strict=True):
            lost = not usable_key(ref_key(code))
            self.groups.setdefault((doc_type.casefold(), date), []).append((doc_id, issuer, lost))

    def find(self, ref_type: str, ref_date: str, ref_issuer: str, key_ok: bool) -> list[str]:
        """Documents of the run with the cited type, date and issuer whose code cannot decide."""
        if not (ref_type and ref_date and ref_issuer):
            return []
        # A cited code decides unless the candidate lost its own ("Số:   /KH-UBND").
        return [d for d, issuer, lost in self.groups.get((ref_type.casefold(), ref_date), [])
                if (lost or not key_ok) and same_issuer(ref_issuer, issuer)]


def resolve(references: pd.DataFrame, plans: pd.DataFrame) -> pd.DataFrame:
    """Every reference with the run's document it names (one row per match).

    Unmatched: ``parent_doc_id`` "" and ``match_method`` :data:`NOT_IN_RUN` ("self" when
    the only match is the citing document itself, e.g. a plan naming its own code), so an
    auditor's filter on the column never meets a blank. Blocking: a reference is compared
    only with the documents sharing its key, or its type and date.
    """
    index = _code_index(plans)
    by_type_date = _TypeDateIndex(plans)
    present = [c for c in RESOLVED_COLUMNS if c in references.columns]
    rows = []
    for ref in _records(references, present):
        key = ref_key(ref["ref_code"]) if ref["ref_code"] else ref["ref_key"]
        matches = index.get(key, []) if usable_key(key) else []
        if not matches:
            matches = [(d, "type_date_issuer") for d in by_type_date.find(
                ref["ref_type"], ref["ref_date"], ref["ref_issuer"], usable_key(key))]
        others = [(d, how) for d, how in matches if d != ref["doc_id"]]
        matches = others or [("", "self" if matches else NOT_IN_RUN)]
        rows += [{**ref, "ref_key": key, "parent_doc_id": d, "match_method": how}
                 for d, how in matches]
    return pd.DataFrame(rows, columns=list(RESOLVED_COLUMNS)) if rows else empty(RESOLVED_COLUMNS)


def _records(frame: pd.DataFrame, columns: list[str]) -> Iterator[dict]:
    """Each row of ``frame`` as a dict of ``columns``, built from whole columns.

    Why not ``to_dict("records")``: it boxes every Arrow cell one Python call at a time,
    half of resolving 100,000 references (a re-run of 10,000 plans compares them all again).
    """
    values = [frame[c].tolist() for c in columns]
    return (dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True))


def parent_node(ref_type: str, ref_key_: str, ref_date: str, ref_issuer: str, ref_title: str,
                parent_doc_id: str) -> str:
    """Graph node of a parent: its doc_id in the run, else an id built from the citation."""
    if parent_doc_id:
        return parent_doc_id
    if usable_key(ref_key_):
        return f"ref:{ref_key_}"
    words = " ".join(sorted(issuer_words(ref_issuer)))
    return f"ref:{ref_type}|{ref_date}|{words}|{normalise(ref_title)}"


def cascade(resolved: pd.DataFrame, plans: pd.DataFrame) -> pd.DataFrame:
    """cascade.csv: the implements/pursuant references, each with its parent in the run."""
    links = resolved[resolved.relation.isin(LINK_RELATIONS) & (resolved.match_method != "self")]
    if links.empty:
        return empty(CASCADE_COLUMNS)
    level = dict(zip(plans.doc_id, plans.issuer_level, strict=True))
    out = pd.DataFrame({
        "child_doc_id": links.doc_id, "parent_code": links.ref_code,
        "parent_type": links.ref_type, "parent_date": links.ref_date,
        "parent_issuer": links.ref_issuer, "parent_doc_id": links.parent_doc_id,
        "relation": links.relation, "parent_key": links.ref_key, "parent_title": links.ref_title,
        "match_method": links.match_method, "section_id": links.section_id,
    })
    out["parent_node"] = [parent_node(*r) for r in zip(
        links.ref_type, links.ref_key, links.ref_date, links.ref_issuer, links.ref_title,
        links.parent_doc_id, strict=True)]
    out["child_level"] = out.child_doc_id.map(level).fillna("")
    out["parent_level"] = [level.get(d) or _level_of(issuer)
                           for d, issuer in zip(out.parent_doc_id, out.parent_issuer, strict=True)]
    out = out.drop_duplicates(["child_doc_id", "parent_node", "relation"])
    return out[list(CASCADE_COLUMNS)].reset_index(drop=True)


@lru_cache(maxsize=1 << 14)
def _level_of(issuer: str) -> str:
    """issuer_level of a cited body, read from its name as the segmenter reads issuers.

    Cached: an archive cites the same few hundred bodies tens of thousands of times."""
    return issuer_level(expand_abbreviations(issuer)) if issuer else ""


def siblings(links: pd.DataFrame) -> pd.DataFrame:
    """siblings.csv: pairs of documents implementing the same parent (both directions).

    A parent known only by a vague name (no code, no date: "Nghị quyết Đại hội Đảng bộ xã")
    does not make siblings: two communes citing it cite two different resolutions.
    """
    known = links[(links.relation == "implements")
                  & ((links.parent_doc_id != "") | links.parent_key.map(usable_key)
                     | ((links.parent_date != "") & (links.parent_issuer != "")))]
    rows = []
    for node, group in known.groupby("parent_node", sort=True):
        first = group.iloc[0]
        parent = {"parent_node": node, "parent_code": first.parent_code,
                  "parent_type": first.parent_type, "parent_doc_id": first.parent_doc_id}
        docs = sorted(set(group.child_doc_id))
        rows += [{**parent, "doc_id": a, "sibling_doc_id": b} for a in docs for b in docs if a != b]
    return pd.DataFrame(rows, columns=list(SIBLING_COLUMNS)) if rows else empty(SIBLING_COLUMNS)


def build_graph(links: pd.DataFrame, plans: pd.DataFrame) -> nx.DiGraph:
    """Directed graph parent → child over the run's documents and the parents they cite.

    Node attributes: ``label`` (code, else doc_id or the cited type), ``doc_type``,
    ``issuer``, ``level`` (issuer_level) and ``in_run``. Edge attribute: ``relation``.
    """
    graph: nx.DiGraph[str] = nx.DiGraph()
    for row in text_rows(plans, index=False):
        graph.add_node(row.doc_id, label=row.code or row.doc_id, doc_type=row.doc_type,
                       issuer=row.issuer, level=row.issuer_level, in_run=True)
    for row in text_rows(links, index=False):
        if row.parent_node not in graph:
            graph.add_node(row.parent_node, label=row.parent_code or row.parent_type,
                           doc_type=row.parent_type, issuer=row.parent_issuer,
                           level=row.parent_level, in_run=False)
        graph.add_edge(row.parent_node, row.child_doc_id, relation=row.relation)
    return graph


def chain(graph: nx.DiGraph, node: str) -> tuple[list[str], list[str]]:
    """(ancestors nearest first, descendants nearest first) of ``node``: its chain up and down."""
    up = nx.single_source_shortest_path_length(graph.reverse(copy=False), node)
    down = nx.single_source_shortest_path_length(graph, node)
    return ([n for n, _ in sorted(up.items(), key=lambda kv: (kv[1], kv[0])) if n != node],
            [n for n, _ in sorted(down.items(), key=lambda kv: (kv[1], kv[0])) if n != node])
