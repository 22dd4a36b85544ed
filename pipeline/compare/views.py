"""DuckDB views over the run's tables, for analysts who query ``plans.duckdb`` directly.

The exporter runs ``CREATE VIEW <name> AS <select>`` for each entry, after the tables
(named as the CSV files without ``.csv``) exist. Views keep to columns the contract or
:mod:`pipeline.compare` guarantee, and cast where a CSV round trip may have turned
numbers or booleans into text.
"""

from __future__ import annotations

VIEWS: dict[str, str] = {
    # Each cascade link with both ends described, for reading a chain without joins.
    "cascade_chain": """
        SELECT c.child_doc_id, ch.code AS child_code, ch.issuer AS child_issuer,
               ch.issuer_level AS child_level, ch.issue_date AS child_date,
               c.relation, c.parent_doc_id, c.parent_code, c.parent_type,
               coalesce(NULLIF(pa.issuer, ''), c.parent_issuer) AS parent_issuer,
               c.parent_level, c.parent_date, c.match_method
        FROM cascade c
        LEFT JOIN plans ch ON ch.doc_id = c.child_doc_id
        LEFT JOIN plans pa ON pa.doc_id = c.parent_doc_id
    """,
    # Long form of plan_sections: one row per (plan, canonical label, level-1 section).
    "section_labels": """
        SELECT doc_id, section_id, number, heading, label
        FROM (SELECT *, unnest(string_split(labels, ';')) AS label FROM sections
              WHERE TRY_CAST(level AS INTEGER) = 1)
        WHERE label <> ''
    """,
    # One row per body name as the plan writes it and plan (plan_bodies lines names up).
    "body_roles": """
        SELECT body, doc_id, string_agg(DISTINCT role, ';' ORDER BY role) AS roles,
               count(*) AS n_rows
        FROM responsibilities
        GROUP BY body, doc_id
    """,
    # Share of a parent's items each child carries over, by kind.
    "coverage_summary": """
        SELECT child_doc_id, parent_doc_id, item_kind, count(*) AS n_items,
               CAST(count_if(TRY_CAST(covered AS BOOLEAN)) AS INTEGER) AS n_covered,
               round(avg(CASE WHEN TRY_CAST(covered AS BOOLEAN) THEN 1.0 ELSE 0.0 END), 3)
                   AS share_covered
        FROM coverage
        GROUP BY child_doc_id, parent_doc_id, item_kind
    """,
    # How many findings of each check and severity each document has.
    "findings_summary": """
        SELECT doc_id, severity, "check", count(*) AS n
        FROM findings
        GROUP BY doc_id, severity, "check"
    """,
    # Every dated obligation with its plan's code and level, in date order.
    "deadline_timeline": """
        SELECT d.doc_id, p.code, p.issuer_level, p.issue_date, d.section_id,
               TRY_CAST(NULLIF(CAST(d.date AS VARCHAR), '') AS DATE) AS date,
               d.period, d.kind, d.task, d.responsible, d.raw
        FROM deadlines d LEFT JOIN plans p ON p.doc_id = d.doc_id
        ORDER BY date NULLS LAST, d.doc_id
    """,
}
