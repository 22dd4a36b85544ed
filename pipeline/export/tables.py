"""Turn the run's DocumentResults into the contract's tables (pandas DataFrames).

The columns are the row models' fields (:data:`pipeline.models.TABLES`), in the contract's
order; rows are sorted the same way every time so a re-run writes byte-identical files.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pandas as pd

from pipeline.models import TABLES, DocumentResult, Plan, PlanMeta, RepairRow, SectionRow, columns, table_row

COLUMNS: dict[str, tuple[str, ...]] = {name: columns(model) for name, model in TABLES.items()}
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
    return pd.DataFrame(rows, columns=list(COLUMNS[name]))


def document_rows(result: DocumentResult) -> dict[str, list[dict]]:
    """One document's rows of every table (tables it has no rows in are left out)."""
    rows: dict[str, list[dict]] = {}
    rows["errors"] = [table_row(e) for e in result.errors]
    rows["pages"] = [table_row(p) for p in result.pages]
    plan = result.plan
    if plan is not None:
        rows["plans"] = [table_row(_plan_row(result, plan))]
        rows["sections"] = [table_row(s) for s in _section_rows(result.doc_id, plan)]
        rows["repairs"] = [
            table_row(RepairRow(doc_id=result.doc_id, kind=r.kind, count=r.count,
                                mean_confidence=round(r.confidence, 3)))
            for r in plan.text.repairs]
        for table in ROW_TABLES:
            rows[table] = [table_row(item) for item in getattr(result, table)]
    return {name: found for name, found in rows.items() if found}


def document_fields(name: str, doc_id: str, file: str) -> dict[str, str]:
    """The cells of table ``name`` that say which file a document's rows came from.

    Why one definition: rows re-used from the cache are renamed to the doc_id and file
    the document has in this run (its bytes moved or were copied), row by row or
    column by column, and both must give the rows a fresh run would.
    """
    fields = {"doc_id": doc_id}
    if "file" in COLUMNS[name]:
        fields["file"] = file
    if name == "plans":
        fields["format"] = file.rsplit(".", 1)[-1].lower() if "." in file else ""
    return fields


def _plan_row(result: DocumentResult, plan: Plan) -> PlanMeta:
    """The plan's metadata with what the run knows of its file."""
    suffix = document_fields("plans", result.doc_id, result.file)["format"]
    return dataclasses.replace(plan.meta, file=result.file, format=suffix, pages=len(result.pages))


def _section_rows(doc_id: str, plan: Plan) -> list[SectionRow]:
    return [SectionRow(doc_id=doc_id, section_id=s.section_id, level=s.level,
                       number=s.number, heading=s.heading, labels=";".join(s.labels), text=s.text,
                       span=s.span, part=plan.part(s.span))
            for s in plan.sections]
