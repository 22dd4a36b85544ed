"""Stage 2, repair: turn a damaged :class:`Source` into clean, re-flowed :class:`Text`.

Steps run in a fixed order, each one kind of damage, each counted for repairs.csv:
character-level fixes on raw lines first (encodings, font substitutes), then
layout (page furniture, markdown, re-flow), because re-flow decisions read the
repaired letters (capitals, sentence ends).
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.models import RepairCount, Source, Text
from pipeline.repair.furniture import remove_furniture
from pipeline.repair.lines import RawLine, map_lines
from pipeline.repair.markdown import strip_markdown
from pipeline.repair.mojibake import fix_mojibake
from pipeline.repair.reflow import reflow
from pipeline.repair.unicode_forms import normalize

Step = Callable[[list[RawLine]], tuple[list[RawLine], int]]

# (kind, step) in the order they run; the kind names the row in repairs.csv.
STEPS: tuple[tuple[str, Step], ...] = (
    ("mojibake", lambda lines: map_lines(lines, fix_mojibake)),
    ("unicode", lambda lines: map_lines(lines, normalize)),
    ("furniture", remove_furniture),
    ("markdown", lambda lines: map_lines(lines, strip_markdown)),
)


def raw_lines(source: Source) -> list[RawLine]:
    return [RawLine(text, page.number) for page in source.pages for text in page.lines]


def repair(source: Source) -> Text:
    """Run every repair step, then re-flow into paragraphs."""
    lines = raw_lines(source)
    counts: list[RepairCount] = []
    for kind, step in STEPS:
        lines, changed = step(lines)
        if changed:
            counts.append(RepairCount(kind, changed))
    return Text.from_strings(source.doc_id, reflow(lines), tuple(counts))
