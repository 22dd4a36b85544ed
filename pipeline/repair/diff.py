"""See what repair changed: a unified diff of the raw lines against the repaired ones.

Why raw lines and not the re-flowed text: every character-level repair keeps
the line structure, so a line-by-line diff shows each restored glyph or decoded
word where it stood in the source; lines removed as page furniture show as
deletions.
"""

from __future__ import annotations

import difflib

from pipeline.models import Source, Text
from pipeline.repair import raw_lines, repair_lines


def repair_diff(source: Source, text: Text | None = None, **repair_options) -> str:
    """Unified diff, raw source lines (``a/``) to repaired lines before re-flow (``b/``).

    ``text`` (the stage's result) only labels the diff with its repair counts;
    the lines are recomputed, since :class:`Text` holds re-flowed paragraphs.
    """
    before = [ln.text for ln in raw_lines(source)]
    after_lines, counts = repair_lines(source, **repair_options)
    after = [ln.text for ln in after_lines]
    summary = ", ".join(f"{c.kind} {c.count}" for c in (text.repairs if text else counts))
    diff = difflib.unified_diff(before, after, f"a/{source.doc_id}", f"b/{source.doc_id}",
                                lineterm="", n=0)
    return f"# repairs: {summary or 'none'}\n" + "\n".join(diff)
