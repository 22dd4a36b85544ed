"""Canonical labels of level-1 headings (purpose, content, ... organization), from patterns."""

from __future__ import annotations

import re

from pipeline import patterns


def _phrases(heading: str) -> list[str]:
    """The phrases a heading lists: "đối tượng, tiêu chuẩn và số lượng" → three."""
    return [p.strip() for p in re.split(r",|;|\bvà\b", heading)]


def labels_for(heading: str) -> tuple[str, ...]:
    """Every label whose cue opens one of the phrases the heading lists ("THỜI GIAN, KINH PHÍ
    THỰC HIỆN"; not "NHIỆM VỤ ... TRONG THỜI GIAN TỚI", nor an article's sentence that mentions
    "nội dung") and whose `unless` phrases do not occur."""
    low = " ".join(heading.lower().split())
    found = []
    for rule in patterns.load("section_labels"):
        cued = any(p.startswith(c) for p in _phrases(low) for c in rule["cues"])
        if cued and not any(u in low for u in rule.get("unless", [])):
            found.append(rule["label"])
    return tuple(found)
