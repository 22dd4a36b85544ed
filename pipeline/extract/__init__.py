"""Stage 4, extract: the four row tables of a segmented plan.

One module per table, run in the order of :data:`STEPS` over one shared
:class:`~pipeline.extract.analysis.Analysis` of the plan (section owners, task
tables, sentences), so the stage can run per document in any worker. A step
that fails costs only its own table: the document keeps the others, and the
failure is an errors.csv row naming the step (as docling reports per component).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from pipeline.extract.analysis import Analysis
from pipeline.extract.criteria import find_criteria
from pipeline.extract.deadlines import find_deadlines
from pipeline.extract.references import find_references
from pipeline.extract.responsibilities import find_responsibilities
from pipeline.models import Criterion, Deadline, ErrorRow, Plan, Reference, Responsibility

Row = TypeVar("Row", Reference, Deadline, Responsibility, Criterion)
Step = tuple[str, Callable[[Analysis], tuple[Any, ...]]]

# The extract steps: the table each fills, and how.
STEPS: tuple[Step, ...] = (
    ("references", lambda analysis: find_references(analysis.plan)),
    ("deadlines", lambda analysis: find_deadlines(analysis.plan, analysis)),
    ("responsibilities", lambda analysis: find_responsibilities(analysis.plan, analysis)),
    ("criteria", lambda analysis: find_criteria(analysis.plan)),
)


@dataclass(frozen=True)
class Extraction:
    references: tuple[Reference, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    errors: tuple[ErrorRow, ...] = ()  # one per failed step (its table left empty)


def extract(plan: Plan, steps: Sequence[Step] = STEPS) -> Extraction:
    analysis = Analysis(plan)
    tables: dict[str, Any] = {}
    errors = []
    for name, step in steps:
        try:
            tables[name] = _placed(plan, step(analysis))
        except Exception as err:  # noqa: BLE001 - one step's bug must not cost the other tables
            first = str(err).splitlines()[0] if str(err) else ""
            errors.append(ErrorRow(plan.doc_id, "", "extract",
                                   f"{name}: {err.__class__.__name__}: {first}"[:300]))
    return Extraction(**tables, errors=tuple(errors))


def _placed(plan: Plan, rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The rows with their ``part``: a row in the plan a decision issues is "attached"."""
    return tuple(replace(row, part=plan.part(row.span)) for row in rows)
