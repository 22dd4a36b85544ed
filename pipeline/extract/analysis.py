"""What the extractors of one plan share, worked out once per plan.

Why: deadlines and responsibilities both name who does a task, so both need each
section's owner (the body heading it) and the plan's task tables; deadlines also
looked up an item's first sentence again for every bound in it. Computing these
once per plan keeps the two extractors in agreement and each step cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from pipeline.extract.common import Unit, sentences
from pipeline.extract.statements import Owners, section_owners
from pipeline.extract.tables import Row, task_rows
from pipeline.models import Plan


@dataclass(frozen=True)
class Analysis:
    """A plan with its shared analysis, computed on first use and kept."""

    plan: Plan
    _sentences: dict[tuple[int, int], list[Unit]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def owners(self) -> Owners:
        """Sections headed by a body: section_id -> (owner, the heading's own statement)."""
        return section_owners(self.plan)

    @cached_property
    def task_rows(self) -> tuple[Row, ...]:
        """The rows of the plan's task tables (task | lead | partners | time ...)."""
        return tuple(task_rows(self.plan))

    def sentences(self, unit: Unit) -> list[Unit]:
        """``unit`` cut into sentences, cut once per stretch of text."""
        key = (unit.offset, len(unit.text))
        found = self._sentences.get(key)
        if found is None:
            found = self._sentences[key] = sentences(unit)
        return found
