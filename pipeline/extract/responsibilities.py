"""Responsibilities of a plan (being written: see the extraction issue)."""

from __future__ import annotations

from pipeline.models import Responsibility, Plan


def find_responsibilities(plan: Plan) -> tuple[Responsibility, ...]:
    return ()
