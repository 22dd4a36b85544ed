"""Deadlines of a plan (being written: see the extraction issue)."""

from __future__ import annotations

from pipeline.models import Deadline, Plan


def find_deadlines(plan: Plan) -> tuple[Deadline, ...]:
    return ()
