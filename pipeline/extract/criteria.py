"""Criteria of a plan (being written: see the extraction issue)."""

from __future__ import annotations

from pipeline.models import Criterion, Plan


def find_criteria(plan: Plan) -> tuple[Criterion, ...]:
    return ()
