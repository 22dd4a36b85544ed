"""The pages of the report: the run, each document, its repair diff, each parent's comparison.

Every page is a plain HTML file built from a Jinja2 template (autoescaped) that links
``assets/report.css`` and ``assets/report.js``, both shipped in this package: the
report opens from disk, offline, and can be zipped and mailed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from pipeline.compare.frames import text_rows
from pipeline.report import diffview, graph, page_images
from pipeline.report.highlight import Anchor, Mark, highlight, placeable
from pipeline.report.run_data import ROW_PREFIX, RunData, labels

TEMPLATES = Path(__file__).with_name("templates")
ROW_TABLES = tuple(ROW_PREFIX)
# Fields shown for a row of each table, in this order (titles from column_titles.yaml).
FIELDS = {
    "references": ("ref_type", "ref_code", "ref_date", "ref_issuer", "ref_title", "relation", "raw"),
    "deadlines": ("date", "period", "kind", "task", "responsible", "raw"),
    "responsibilities": ("body", "role", "task", "body_full"),
    "criteria": ("group", "text", "value"),
}
# Columns whose values are named in labels.yaml, and the group that names them.
VALUE_NAMES = {"relation": "relations", "kind": "kinds", "role": "roles", "issuer_level": "levels",
               "method": "methods", "severity": "severity", "item_kind": "item_kinds",
               "match_method": "match_methods", "part": "parts",
               "repair": "repairs"}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def vn_date(value: str) -> str:
    """2025-08-15 → 15/08/2025 (as Vietnamese documents write dates); other text unchanged."""
    match = _ISO.fullmatch(value or "")
    return f"{match[3]}/{match[2]}/{match[1]}" if match else (value or "")


def value_name(column: str, value: str) -> str:
    """A value as the report shows it: a Vietnamese name, a Vietnamese date, or as it is."""
    group = VALUE_NAMES.get(column)
    if group:
        return labels()[group].get(value, value)
    return vn_date(value) if column.endswith("date") or column == "date" else value


def title(column: str) -> str:
    return labels()["columns"].get(column, column)


def page_name(doc_id: str) -> str:
    """File name of a document's page (the doc_id is a safe file name already)."""
    return f"{doc_id}.html"


def href(folder: str, doc_id: str, fragment: str = "") -> str:
    """A relative link to a page of the report; the doc_id may hold '#', '%' or spaces."""
    link = f"{folder}/{quote(page_name(doc_id))}" if folder else quote(page_name(doc_id))
    return link + (f"#{quote(fragment, safe='')}" if fragment else "")


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(vn_date=vn_date, name=lambda value, column: value_name(column, value),
                       title=title, href=href, short=graph.shorten)
    env.globals.update(labels=labels(), row_tables=ROW_TABLES)
    return env


@dataclass
class Written:
    """What one page needs the other pages to know."""

    doc_pages: dict[str, str]
    compare_pages: dict[str, str]


# ---------------------------------------------------------------- run page ----


def doc_filters(plans: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Per document, the values the run page filters on (issuer, level, year, type)."""
    return {row.doc_id: {"issuer": row.issuer, "level": row.issuer_level,
                         "year": row.issue_date[:4], "type": row.doc_type}
            for row in text_rows(plans)}


def run_page(env: Environment, run: RunData, written: Written) -> str:
    plans = run.table("plans")
    filters = doc_filters(plans)
    counts = {name: run.table(name).groupby("doc_id").size().to_dict() for name in ROW_TABLES}
    findings = run.table("findings")
    per_doc_findings = findings.groupby("doc_id").size().to_dict() if len(findings) else {}
    pages = run.table("pages")
    methods = pages.groupby("doc_id")["method"].agg(lambda m: sorted(set(m))).to_dict() if len(pages) else {}
    documents = [{"row": row, "filters": filters[row.doc_id],
                  "counts": {n: counts[n].get(row.doc_id, 0) for n in ROW_TABLES},
                  "findings": per_doc_findings.get(row.doc_id, 0),
                  "methods": methods.get(row.doc_id, []),
                  "href": href("doc", row.doc_id)}
                 for row in text_rows(plans)]
    choices = {key: sorted({f[key] for f in filters.values() if f[key]}) for key in
               ("issuer", "level", "year", "type")}
    groups = []
    if len(findings):
        for check, rows in findings.groupby("check", sort=False):
            first = rows.iloc[0]
            groups.append({"check": check, "title": first["check_title"], "severity": first["severity"],
                           "rows": [{"row": r, "filters": filters.get(r.doc_id, {}),
                                     "evidence": evidence_link(run, r)} for r in text_rows(rows)]})
    svg_nodes, edges = graph.cascade_nodes(plans, run.table("cascade"),
                                           {d: href("doc", d) for d in plans["doc_id"]}, filters)
    svg = graph.cascade_svg(svg_nodes, edges, labels()["relations"])
    compares = [{"parent": parent, "href": link, "children": children_of(run, parent),
                 "label": doc_label(run, parent)} for parent, link in written.compare_pages.items()]
    return env.get_template("run.html").render(
        root="", run=run, documents=documents, choices=choices, groups=groups, svg=svg,
        errors=run.table("errors"), compares=compares,
        n_cited=sum(not n.in_run for n in svg_nodes), n_edges=len(edges))


def evidence_link(run: RunData, finding) -> str:
    """Where a finding's evidence is: the row it quotes (in its document or in the related
    one), else its section, else its document."""
    evidence = finding.evidence.strip()
    for doc_id in filter(None, (finding.doc_id, finding.related_doc_id)):
        if evidence:
            for name in ROW_TABLES:
                rows = run.rows(name, doc_id)
                for column in ("raw", "task", "text"):
                    if column in rows.columns:
                        hit = rows[rows[column].str.strip() == evidence]
                        if finding.section_id and doc_id == finding.doc_id:
                            hit = hit[hit["section_id"] == finding.section_id] if len(hit) > 1 else hit
                        if len(hit):
                            return href("doc", doc_id, f"r-{hit.iloc[0]['row_id']}")
    if finding.doc_id in run.doc_ids:
        return href("doc", finding.doc_id, f"s-{finding.section_id}" if finding.section_id else "")
    return ""


def doc_label(run: RunData, doc_id: str) -> str:
    row = run.table("plans").set_index("doc_id").loc[doc_id]
    return " ".join(filter(None, (row["doc_type"], row["code"], row["issuer"]))) or doc_id


def children_of(run: RunData, parent: str) -> list[str]:
    coverage = run.table("coverage")
    return sorted(set(coverage.loc[coverage["parent_doc_id"] == parent, "child_doc_id"]))


# ------------------------------------------------------------ document page ----


def row_marks(run: RunData, doc_id: str) -> tuple[list[Mark], dict[str, dict], list[dict]]:
    """The highlights of a document, the fields of each row (for the side panel) and the
    rows whose span cannot be drawn (outside the text)."""
    text = run.text(doc_id) or ""
    marks, details, unplaced = [], {}, []
    for name in ROW_TABLES:
        for row in run.rows(name, doc_id).to_dict("records"):
            fields = [(title(c), value_name(c, row.get(c, ""))) for c in FIELDS[name] if row.get(c, "")]
            fields += [(title("section_id"), row.get("section_id", "")), (title("page"), row.get("page", ""))]
            details[row["row_id"]] = {"table": labels()["tables"][name], "kind": name,
                                      "page": row.get("page", ""), "fields": [f for f in fields if f[1]]}
            hover = "; ".join(f"{k}: {v}" for k, v in fields[:3] if v)
            mark = Mark(_int(row["start"]), _int(row["end"]), row["row_id"], name,
                        f"{labels()['tables'][name]} — {hover}", {"data-page": str(row.get("page", ""))})
            if placeable(mark, len(text)):
                marks.append(mark)
            else:
                unplaced.append({"row_id": row["row_id"], "table": labels()["tables"][name],
                                 "start": row["start"], "end": row["end"]})
    return marks, details, unplaced


def _int(value: str) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return -1


def outline(run: RunData, doc_id: str) -> tuple[list[dict], list[Anchor]]:
    sections = run.rows("sections", doc_id)
    toc = [{"id": s.section_id, "level": _int(s.level), "number": s.number, "heading": s.heading,
            "labels": [labels()["columns"].get(x, x) for x in s.labels.split(";") if x]}
           for s in text_rows(sections)]
    anchors = [Anchor(_int(s.start), f"s-{s.section_id}") for s in text_rows(sections)]
    return toc, anchors


def document_page(env: Environment, run: RunData, doc_id: str, written: Written,
                  images: list[page_images.PageImage], has_diff: bool) -> str:
    plan = run.table("plans").set_index("doc_id").loc[doc_id]
    text = run.text(doc_id)
    marks, details, unplaced = row_marks(run, doc_id)
    toc, anchors = outline(run, doc_id)
    body = highlight(text, marks, anchors) if text is not None else Markup("")
    counts = {name: len(run.rows(name, doc_id)) for name in ROW_TABLES}
    meta = [(title(c), value_name(c, plan[c])) for c in
            ("doc_type", "code", "issue_date", "place", "issuer", "issuer_level", "title", "signer_name",
             "signer_title", "attached_code", "file") if plan.get(c, "")]
    pages = run.rows("pages", doc_id)
    findings = run.rows("findings", doc_id)
    compares = [{"href": "../" + link, "label": doc_label(run, parent)}
                for parent, link in written.compare_pages.items()
                if parent == doc_id or doc_id in children_of(run, parent)]
    return env.get_template("document.html").render(
        root="../", doc_id=doc_id, plan=plan, meta=meta, text_html=body, has_text=text is not None,
        toc=toc, counts=counts, unplaced=unplaced, details_json=_json(details), images=images,
        pages=pages, findings=[{"row": f, "evidence": evidence_link(run, f)} for f in text_rows(findings)],
        compares=compares, has_diff=has_diff, low_bar=round(page_images.LOW_CONFIDENCE))


def _json(value) -> Markup:
    """JSON safe inside a <script> element (no "</script>" can end it early)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


# ---------------------------------------------------------------- diff page ----


def diff_page(env: Environment, run: RunData, doc_id: str, source: Path | None,
              computed: Callable[[Path, str], str] = diffview.source_diff) -> tuple[str, bool]:
    """The repair diff page, and whether a diff could be shown."""
    plan = run.table("plans").set_index("doc_id").loc[doc_id]
    methods = set(run.rows("pages", doc_id)["method"])
    reason, html, removed, added = "", Markup(""), 0, 0
    if "ocr" in methods:
        reason = ("Văn bản được đọc bằng nhận dạng chữ (OCR): báo cáo không đọc lại bản quét. "
                  f"Xem ảnh trang bên cạnh văn bản, hoặc chạy: plans diff {plan['file']}")
    elif source is None:
        reason = f"Không tìm thấy tệp gốc {plan['file']}: chạy báo cáo ở thư mục đã chạy plans run."
    else:
        try:
            html, removed, added = diffview.diff_html(computed(source, doc_id))
        except Exception as err:  # noqa: BLE001 — the rest of the report still stands
            reason = f"Không đọc lại được tệp gốc {plan['file']}: {err}"
    page = env.get_template("diff.html").render(
        root="../", doc_id=doc_id, plan=plan, reason=reason, diff=html, removed=removed, added=added,
        repairs=run.rows("repairs", doc_id))
    return page, not reason


# ------------------------------------------------------------- compare page ----


def compare_page(env: Environment, run: RunData, parent: str) -> str:
    """A parent's items (sections, tasks, deadlines, criteria) beside what each child kept."""
    coverage = run.table("coverage")
    rows = coverage[coverage["parent_doc_id"] == parent]
    children = children_of(run, parent)
    kinds = []
    for kind in ("section", "task", "deadline", "criterion"):
        of_kind = rows[rows["item_kind"] == kind]
        if of_kind.empty:
            continue
        items = []
        for item_id, group in of_kind.groupby("parent_item_id", sort=False):
            first = group.iloc[0]
            cells: dict[str, dict[str, Any] | None] = {}
            for child in children:
                hit = group[group["child_doc_id"] == child]
                if hit.empty:
                    cells[child] = None
                    continue
                h = hit.iloc[0]
                cells[child] = {"covered": h["covered"] == "True", "text": h["child_text"],
                                "id": h["child_item_id"], "date": h["child_date"], "score": h["score"],
                                "section": h["child_section_id"],
                                "href": _item_href(child, kind, h["child_item_id"], h["child_section_id"])}
            items.append({"id": item_id, "section": first["parent_section_id"], "text": first["parent_text"],
                          "date": first["parent_date"], "cells": cells,
                          "href": _item_href(parent, kind, item_id, first["parent_section_id"])})
        kinds.append({"kind": kind, "rows": items})
    summary = {child: (int((rows[rows["child_doc_id"] == child]["covered"] == "True").sum()),
                       int((rows["child_doc_id"] == child).sum())) for child in children}
    in_run = set(run.doc_ids)
    return env.get_template("compare.html").render(
        root="../", parent=parent, parent_label=doc_label(run, parent) if parent in in_run else parent,
        children=[{"id": c, "label": doc_label(run, c) if c in in_run else c} for c in children],
        kinds=kinds, summary=summary)


def _item_href(doc_id: str, kind: str, item_id: str, section_id: str) -> str:
    if not item_id:
        return ""
    fragment = f"s-{section_id}" if kind == "section" else f"r-{item_id}"
    return "../" + href("doc", doc_id, fragment)
