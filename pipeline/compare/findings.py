"""Checks for auditors: gaps and contradictions a reader of one plan would miss.

Check ids, their Vietnamese names, severities and messages are data
(``patterns/findings.yaml``), so wording changes without code changes.
Each function returns finding dicts; :func:`findings` gathers them into findings.csv.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from pipeline import patterns
from pipeline.compare.cascade import issuer_words
from pipeline.compare.frames import empty, text_rows

FINDING_COLUMNS = ("doc_id", "check", "check_title", "severity", "message", "section_id",
                   "evidence", "related_doc_id")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def vn_date(value: str) -> str:
    """An ISO date as Vietnamese texts write it ("2024-12-20" → "20/12/2024"); else as is."""
    match = _ISO.fullmatch(value)
    return f"{match[3]}/{match[2]}/{match[1]}" if match else value


def finding(check: str, doc_id: str, section_id: str = "", evidence: str = "",
            related_doc_id: str = "", **fields: str) -> dict[str, str]:
    """One findings.csv row, its message filled from the check's template.

    Fields named ``*date`` are written dd/mm/yyyy, as the reader's own documents write them.
    """
    spec = patterns.load("findings")["checks"][check]
    fields = {k: vn_date(v) if k.endswith("date") else v for k, v in fields.items()}
    return {"doc_id": doc_id, "check": check, "check_title": spec["title"],
            "severity": spec["severity"], "message": spec["message"].format(**fields),
            "section_id": section_id, "evidence": evidence, "related_doc_id": related_doc_id}


def _label(code: str, doc_type: str, doc_id: str) -> str:
    """How a document is named in a message: its type and code, else its doc_id."""
    return " ".join(filter(None, (doc_type, code))) if code else f"{doc_type} {doc_id}".strip()


def deadline_after_parent(cover: pd.DataFrame, plans: pd.DataFrame) -> Iterator[dict]:
    """A child's deadline later than its parent's for the same (aligned) task."""
    names = {r.doc_id: _label(r.code, r.doc_type, r.doc_id) for r in text_rows(plans)}
    rows = cover[(cover.item_kind == "deadline") & cover.covered.astype(bool)
                 & (cover.parent_date != "") & (cover.child_date != "")]
    for r in text_rows(rows[rows.child_date > rows.parent_date]):
        yield finding("deadline_after_parent", r.child_doc_id, r.child_section_id,
                      evidence=r.child_text, related_doc_id=r.parent_doc_id,
                      child_date=r.child_date, child_raw=r.child_raw, parent_date=r.parent_date,
                      parent_label=names.get(r.parent_doc_id, r.parent_doc_id), task=r.child_text)


def parent_deadline_dropped(cover: pd.DataFrame, plans: pd.DataFrame) -> Iterator[dict]:
    """A parent's dated task that the implementing child does not restate."""
    names = {r.doc_id: _label(r.code, r.doc_type, r.doc_id) for r in text_rows(plans)}
    rows = cover[(cover.item_kind == "deadline") & ~cover.covered.astype(bool)
                 & (cover.relation == "implements")]
    for r in text_rows(rows):
        yield finding("parent_deadline_dropped", r.child_doc_id, evidence=r.parent_text,
                      related_doc_id=r.parent_doc_id, parent_date=r.parent_date or "định kỳ",
                      parent_label=names.get(r.parent_doc_id, r.parent_doc_id),
                      task=r.parent_text)


def missing_organization(plans: pd.DataFrame, sections: pd.DataFrame) -> Iterator[dict]:
    """A plan with no level-1 section labelled ``organization`` (Tổ chức thực hiện)."""
    expected = {t.casefold() for t in patterns.load("findings")["organization_expected_for"]}
    top = sections[sections.level == 1]
    has = set(top.doc_id.loc[top.labels.map(lambda ls: "organization" in ls.split(";"))
                             .astype(bool)])
    for r in text_rows(plans):
        if r.doc_type.casefold() in expected and r.doc_id not in has:
            yield finding("missing_organization", r.doc_id, doc_type=r.doc_type)


def deadline_without_responsible(deadlines: pd.DataFrame) -> Iterator[dict]:
    """A dated task whose text names no body to carry it out."""
    for r in text_rows(deadlines[deadlines.responsible == ""]):
        yield finding("deadline_without_responsible", r.doc_id, r.section_id, evidence=r.raw,
                      date=r.date, raw=r.raw, task=r.task)


def deadline_before_signing(deadlines: pd.DataFrame, plans: pd.DataFrame) -> Iterator[dict]:
    """A deadline that had already passed on the day the document was signed."""
    signed = dict(zip(plans.doc_id, plans.issue_date, strict=True))
    for r in text_rows(deadlines[deadlines.date != ""]):
        issue_date = signed.get(r.doc_id, "")
        if issue_date and r.date < issue_date:
            yield finding("deadline_before_signing", r.doc_id, r.section_id, evidence=r.raw,
                          date=r.date, raw=r.raw, issue_date=issue_date, task=r.task)


def child_issued_late(deadlines: pd.DataFrame, plans: pd.DataFrame,
                      resolved: pd.DataFrame) -> Iterator[dict]:
    """An implementing plan signed after the date its parent set for issuing it.

    The parent's task must ask for an implementing document (``issuing_tasks``)
    and its responsible bodies must include the child's issuer ("UBND các xã,
    phường" addresses "Ủy ban nhân dân xã Lập Lễ").
    """
    spec = patterns.load("findings")
    phrases = tuple(p.casefold() for p in spec["issuing_tasks"])
    issuing = deadlines[(deadlines.date != "") & (deadlines.responsible != "") & deadlines.task.map(
        lambda t: any(p in t.casefold() for p in phrases)).astype(bool)]
    plan = {r.doc_id: r for r in text_rows(plans)}
    links = resolved[(resolved.relation == "implements") & (resolved.parent_doc_id != "")]
    for link in text_rows(links.drop_duplicates(["doc_id", "parent_doc_id"])):
        child, parent = plan.get(link.doc_id), plan.get(link.parent_doc_id)
        if child is None or parent is None or not child.issue_date:
            continue
        for d in text_rows(issuing[issuing.doc_id == parent.doc_id]):
            if child.issue_date > d.date and _addresses(d.responsible, child.issuer,
                                                        spec["addressee_fillers"]):
                yield finding("child_issued_late", child.doc_id, evidence=d.raw,
                              related_doc_id=parent.doc_id, child_date=child.issue_date,
                              parent_date=d.date, task=d.task,
                              parent_label=_label(parent.code, parent.doc_type, parent.doc_id))


def _addresses(responsible: str, issuer: str, fillers: list[str]) -> bool:
    """Whether one addressee of ``responsible`` names ``issuer``'s kind of body."""
    words = issuer_words(issuer)
    for part in re.split(r"[,;]| và ", responsible):
        wanted = issuer_words(part) - set(fillers)
        if wanted and wanted <= words:
            return True
    return False


def reference_not_in_run(resolved: pd.DataFrame) -> Iterator[dict]:
    """A cited document the run does not hold: the chain cannot be followed past it."""
    relations = patterns.load("findings")["relations"]
    missing = resolved[(resolved.parent_doc_id == "") & (resolved.match_method != "self")]
    identity = missing.ref_key.where(missing.ref_key != "",
                                     missing.ref_type + "|" + missing.ref_title)
    once = ~pd.DataFrame({"doc": missing.doc_id, "id": identity}).duplicated()
    for r in text_rows(missing[once]):
        name = r.ref_code or r.ref_title
        label = name if name.casefold().startswith(r.ref_type.casefold()) else (
            f"{r.ref_type} {name}".strip())
        yield finding("reference_not_in_run", r.doc_id, r.section_id, evidence=r.raw,
                      ref_label=label, relation=relations.get(r.relation, r.relation))


def findings(tables: dict[str, pd.DataFrame], resolved: pd.DataFrame,
             cover: pd.DataFrame) -> pd.DataFrame:
    """findings.csv: every check over the run, most severe first, then by document."""
    plans = tables["plans"]
    rows = [*deadline_after_parent(cover, plans), *parent_deadline_dropped(cover, plans),
            *missing_organization(plans, tables["sections"]),
            *deadline_without_responsible(tables["deadlines"]),
            *deadline_before_signing(tables["deadlines"], plans),
            *child_issued_late(tables["deadlines"], plans, resolved),
            *reference_not_in_run(resolved)]
    if not rows:
        return empty(FINDING_COLUMNS)
    # Two parent deadlines aligned to one child deadline say the same thing once.
    out = pd.DataFrame(rows, columns=list(FINDING_COLUMNS)).drop_duplicates(
        ["doc_id", "check", "section_id", "message"])
    out["_rank"] = out.severity.map(SEVERITY_ORDER)
    out = out.sort_values(["_rank", "doc_id", "check"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)
