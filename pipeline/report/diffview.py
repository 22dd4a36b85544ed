"""What repair changed in a document: the `plans diff` of its source file, drawn for a browser.

The diff is recomputed from the input file named in plans.csv (as `plans diff FILE`
does), so it needs that file where the run found it. A document read by OCR is not
read again here: OCR of a long scan takes minutes, and its page images show what
was read. Changed characters within a replaced line are marked (``<del>``/``<ins>``).
"""

from __future__ import annotations

import difflib
from html import escape
from pathlib import Path

from markupsafe import Markup


def source_diff(path: Path, doc_id: str) -> str:
    """The unified diff `plans diff` prints for ``path`` (raises on an unreadable file)."""
    from pipeline.ingest import read_source
    from pipeline.repair import repair
    from pipeline.repair.diff import repair_diff

    source = read_source(path, doc_id)
    return repair_diff(source, repair(source))


def diff_html(diff: str) -> tuple[Markup, int, int]:
    """The diff as HTML lines, and the counts of removed and added lines."""
    out: list[str] = []
    minus: list[str] = []
    plus: list[str] = []
    removed = added = 0

    def flush() -> None:
        pairs = len(minus) == len(plus)
        for i, line in enumerate(minus):
            other = plus[i] if pairs else None
            out.append(_line("del", "−", _inline(line, other, "del") if other is not None else escape(line)))
        for i, line in enumerate(plus):
            other = minus[i] if pairs else None
            out.append(_line("ins", "+", _inline(line, other, "ins") if other is not None else escape(line)))
        minus.clear()
        plus.clear()

    for line in diff.splitlines():
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("-"):
            minus.append(line[1:])
            removed += 1
        elif line.startswith("+"):
            plus.append(line[1:])
            added += 1
        else:
            flush()
            kind = "hunk" if line.startswith("@@") else "note" if line.startswith("#") else "same"
            out.append(_line(kind, "", escape(line)))
    flush()
    return Markup("".join(out)), removed, added


def _line(kind: str, sign: str, html: str) -> str:
    return f'<div class="dl {kind}"><span class="sign">{sign}</span>{html}</div>'


def _inline(line: str, other: str, tag: str) -> str:
    """``line`` with the characters it does not share with ``other`` wrapped in ``tag``."""
    a, b = (other, line) if tag == "ins" else (line, other)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        piece = b[j1:j2] if tag == "ins" else a[i1:i2]
        if not piece:
            continue
        parts.append(escape(piece) if op == "equal" else f"<{tag}>{escape(piece)}</{tag}>")
    return "".join(parts)
