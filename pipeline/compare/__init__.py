"""Compare the run's documents with each other: cascade, coverage, findings, side by side.

Corpus-level work: it runs after every document is processed, over the rows only
(no text, no files), so it is a pure function of the run's tables.
"""

from __future__ import annotations

from collections.abc import MutableMapping

import pandas as pd

from pipeline.compare.cascade import cascade, resolve, siblings
from pipeline.compare.coverage import coverage
from pipeline.compare.findings import findings
from pipeline.compare.frames import prepare
from pipeline.compare.side_by_side import criteria_groups, plan_bodies, plan_sections


def compare(tables: dict[str, pd.DataFrame],
            memo: MutableMapping[str, object] | None = None) -> dict[str, pd.DataFrame]:
    """The comparison tables of a run, from its per-document tables.

    ``memo`` is what the last run over the same archive left (and receives what the
    next can re-use): the output is the same with or without it, only faster.

    Input keys: plans, sections, references, deadlines, responsibilities, criteria
    (contract columns; missing tables or columns count as empty). Output keys: cascade,
    siblings, coverage, findings, plan_sections, plan_bodies, criteria_groups.
    """
    rows = prepare(tables)
    resolved = resolve(rows["references"], rows["plans"])
    links = cascade(resolved, rows["plans"])
    cover = coverage(rows, links, memo)
    return {
        "cascade": links,
        "siblings": siblings(links),
        "coverage": cover,
        "findings": findings(rows, resolved, cover),
        "plan_sections": plan_sections(rows["plans"], rows["sections"]),
        "plan_bodies": plan_bodies(rows["plans"], rows["responsibilities"], memo),
        "criteria_groups": criteria_groups(rows["criteria"], memo),
    }
