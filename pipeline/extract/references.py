"""References of a plan (being written: see the extraction issue)."""

from __future__ import annotations

from pipeline.models import Reference, Plan


def find_references(plan: Plan) -> tuple[Reference, ...]:
    return ()
