"""Canonical labels of level-1 headings (purpose, content, ... organization), from patterns."""

from __future__ import annotations

from pipeline import patterns


def labels_for(heading: str) -> tuple[str, ...]:
    """Every label whose cue occurs in the heading and whose `unless` phrases do not."""
    low = " ".join(heading.lower().split())
    found = []
    for rule in patterns.load("section_labels"):
        if any(c in low for c in rule["cues"]) and not any(u in low for u in rule.get("unless", [])):
            found.append(rule["label"])
    return tuple(found)
