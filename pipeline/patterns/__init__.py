"""Patterns as data: YAML tables read once and shared by every stage."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """Load ``pipeline/patterns/<name>.yaml`` (cached: patterns never change in a run)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
