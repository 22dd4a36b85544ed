"""Labelled assignment lines ("Đơn vị chủ trì: Sở Nội vụ.") name their bodies after the colon."""

from __future__ import annotations

import pytest

from pipeline import patterns
from pipeline.extract.responsibilities import assignment_line, executing_bodies

ROLES = patterns.load("roles")


@pytest.mark.parametrize(("line", "role", "bodies"), ROLES["assignment_examples"])
def test_assignment_label_examples(line: str, role: str, bodies: str) -> None:
    assert assignment_line(line) == (role, bodies)


@pytest.mark.parametrize("line", ROLES["assignment_counter_examples"])
def test_assignment_label_counter_examples(line: str) -> None:
    assert assignment_line(line) is None


@pytest.mark.parametrize(("line", "bodies"), ROLES["executes_examples"])
def test_a_decisions_closing_article_names_each_body(line: str, bodies: list[str]) -> None:
    assert executing_bodies(line) == bodies
