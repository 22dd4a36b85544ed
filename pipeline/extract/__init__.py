"""Stage 4, extract: the four row tables of a segmented plan.

One module per table; each is a pure function of the :class:`Plan`, so the
stage can run per document in any worker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from pipeline.extract.criteria import find_criteria
from pipeline.extract.deadlines import find_deadlines
from pipeline.extract.references import find_references
from pipeline.extract.responsibilities import find_responsibilities
from pipeline.models import Criterion, Deadline, Plan, Reference, Responsibility

Row = TypeVar("Row", Reference, Deadline, Responsibility, Criterion)


@dataclass(frozen=True)
class Extraction:
    references: tuple[Reference, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    criteria: tuple[Criterion, ...] = ()


def extract(plan: Plan) -> Extraction:
    return Extraction(
        references=_placed(plan, find_references(plan)),
        deadlines=_placed(plan, find_deadlines(plan)),
        responsibilities=_placed(plan, find_responsibilities(plan)),
        criteria=_placed(plan, find_criteria(plan)),
    )


def _placed(plan: Plan, rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The rows with their ``part``: a row in the plan a decision issues is "attached"."""
    return tuple(replace(row, part=plan.part(row.section_id)) for row in rows)
