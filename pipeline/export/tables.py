"""Turn the run's DocumentResults into the contract's tables (pandas DataFrames).

Column order is the contract's, extra columns follow; rows are sorted the same
way every time so a re-run writes byte-identical files.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pandas as pd

from pipeline.models import DocumentResult

COLUMNS: dict[str, list[str]] = {
    "plans": ["doc_id", "doc_type", "number", "symbol", "code", "issue_date", "place", "issuer",
              "issuer_level", "title", "signer_name", "signer_title", "signing_authority",
              "attached_code", "file", "format", "pages", "code_confidence",
              "issue_date_confidence", "place_confidence", "issuer_confidence",
              "title_confidence", "signer_name_confidence"],
    "sections": ["doc_id", "section_id", "level", "number", "heading", "labels", "text",
                 "start", "end", "page", "part"],
    "references": ["doc_id", "section_id", "ref_type", "ref_number", "ref_symbol", "ref_code",
                   "ref_key", "ref_date", "ref_issuer", "ref_title", "relation", "raw",
                   "start", "end", "page", "part"],
    "deadlines": ["doc_id", "section_id", "date", "period", "kind", "task", "responsible", "raw",
                  "start", "end", "page", "part"],
    "responsibilities": ["doc_id", "section_id", "body", "role", "task", "body_full",
                         "start", "end", "page", "part"],
    "criteria": ["doc_id", "section_id", "group", "text", "value", "start", "end", "page", "part"],
    "pages": ["doc_id", "page", "method", "confidence", "seconds"],
    "repairs": ["doc_id", "kind", "count", "mean_confidence"],
    "errors": ["doc_id", "file", "stage", "reason"],
}
ROW_TABLES = ("references", "deadlines", "responsibilities", "criteria")


def build_tables(results: Iterable[DocumentResult]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    for result in sorted(results, key=lambda r: r.doc_id):
        for name, found in document_rows(result).items():
            rows[name].extend(found)
    return frames(rows)


def frames(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """The tables from their rows (every table present, contract column order)."""
    return {name: table_frame(name, rows.get(name, [])) for name in COLUMNS}


def table_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS[name])


def document_rows(result: DocumentResult) -> dict[str, list[dict]]:
    """One document's rows of every table (tables it has no rows in are left out)."""
    rows: dict[str, list[dict]] = {}
    rows["errors"] = [dataclasses.asdict(e) for e in result.errors]
    rows["pages"] = [dataclasses.asdict(p) for p in result.pages]
    if result.plan is not None:
        rows["plans"] = [_plan_row(result)]
        rows["sections"] = _section_rows(result)
        rows["repairs"] = [
            {"doc_id": result.doc_id, "kind": r.kind, "count": r.count,
             "mean_confidence": round(r.confidence, 3)} for r in result.plan.text.repairs]
        for table in ROW_TABLES:
            rows[table] = [{**_span_row(item), "part": result.plan.part(item.section_id)}
                           for item in getattr(result, table)]
    return {name: found for name, found in rows.items() if found}


def _plan_row(result: DocumentResult) -> dict:
    meta = dataclasses.asdict(result.plan.meta)
    suffix = result.file.rsplit(".", 1)[-1].lower() if "." in result.file else ""
    return {**meta, "file": result.file, "format": suffix, "pages": len(result.pages)}


def _section_rows(result: DocumentResult) -> list[dict]:
    return [{"doc_id": result.doc_id, "section_id": s.section_id, "level": s.level,
             "number": s.number, "heading": s.heading, "labels": ";".join(s.labels),
             "text": s.text, "start": s.span.start, "end": s.span.end, "page": s.span.page,
             "part": result.plan.part(s.section_id)}
            for s in result.plan.sections]


def _span_row(item) -> dict:
    row = dataclasses.asdict(item)
    span = row.pop("span")
    return {**row, **span}
