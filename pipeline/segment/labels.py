"""Canonical labels of level-1 headings (purpose, content, ... organization), from patterns."""

from __future__ import annotations

import re

from pipeline import patterns


def _phrases(heading: str) -> list[str]:
    """The phrases a heading lists: "đối tượng, tiêu chuẩn và số lượng" → three."""
    return [p.strip() for p in re.split(r",|;|\bvà\b", heading)]


def labels_for(heading: str) -> tuple[str, ...]:
    """Every label whose cue occurs in the heading and whose `unless` phrases do not."""
    low = " ".join(heading.lower().split())
    found = []
    for rule in patterns.load("section_labels"):
        cued = (any(p.startswith(c) for p in _phrases(low) for c in rule["cues"])
                if rule.get("phrase_start") else any(c in low for c in rule["cues"]))
        if cued and not any(u in low for u in rule.get("unless", [])):
            found.append(rule["label"])
    return tuple(found)
