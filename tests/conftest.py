"""Shared fixtures: the sample corpus and its gold, and a helper to segment a plan from text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.models import Page, Plan, Source
from pipeline.repair import repair
from pipeline.segment import segment

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "data" / "gold"


def plan_from_text(text: str, doc_id: str = "doc") -> Plan:
    """Repair and segment a plan written in a test, as the pipeline would read a .txt file."""
    source = Source(doc_id, Path(f"{doc_id}.txt"), "txt", (Page(1, tuple(text.splitlines()), "text"),))
    return segment(repair(source))


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}
