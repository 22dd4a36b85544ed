"""Build a Plan from hand-written lines, as the segmenter would see a repaired text."""

from __future__ import annotations

import pytest

from pipeline.models import Plan, Text
from pipeline.segment import segment


def plan_of(*lines: str, doc_id: str = "t") -> Plan:
    return segment(Text.from_strings(doc_id, [(line, 1) for line in lines]))


@pytest.fixture
def make_plan():
    return plan_of
