"""Stage 4, extract: the four row tables of a segmented plan.

One module per table; each is a pure function of the :class:`Plan`, so the
stage can run per document in any worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.criteria import find_criteria
from pipeline.extract.deadlines import find_deadlines
from pipeline.extract.references import find_references
from pipeline.extract.responsibilities import find_responsibilities
from pipeline.models import Criterion, Deadline, Plan, Reference, Responsibility


@dataclass(frozen=True)
class Extraction:
    references: tuple[Reference, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    criteria: tuple[Criterion, ...] = ()


def extract(plan: Plan) -> Extraction:
    return Extraction(
        references=find_references(plan),
        deadlines=find_deadlines(plan),
        responsibilities=find_responsibilities(plan),
        criteria=find_criteria(plan),
    )
