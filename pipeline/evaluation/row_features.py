"""The features of a proposed row for the learned row filter (pipeline/evaluation/row_filter.py).

A row is read as a bag of words, each a feature name and a value ("b=sở", "x0=chủ_trì"):
its fields (body and task, or group and text), the words just before and after it
in its line, its block's role, its section's heading and its top section's heading,
the document's type. Words are underthesea's (syllables of one word joined by "_"),
lower case, digits as 0, so that "Sở Nội vụ" and "Sở Tài chính" share "sở" and a
year or a count is a shape, not a value.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from pipeline.models import Block, Criterion, Line, Plan, Responsibility

Row = Responsibility | Criterion

# The fields read per table: (feature prefix, row attribute).
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "responsibilities": (("b", "body"), ("t", "task")),
    "criteria": (("g", "group"), ("t", "text")),
}
# The row attribute whose neighbours in the line are read ("what follows the body").
ANCHOR = {"responsibilities": "body", "criteria": "text"}
# A statement's head, not its whole length, says what it is.
MAX_FIELD_TOKENS = 16
NEIGHBOURS = 3
_DIGITS = re.compile(r"\d")
_PUNCT_ONLY = re.compile(r"\W+")


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """underthesea's words of ``text``, lower case, syllables joined by "_", digits as 0."""
    from underthesea import word_tokenize  # heavy import: once per process, on first use

    out = []
    for word in word_tokenize(text):
        if _PUNCT_ONLY.fullmatch(word) and word not in (",", ":", ";", "(", ")"):
            continue
        out.append(_DIGITS.sub("0", word.casefold().replace(" ", "_")))
    return tuple(out)


def _bucket(n: int) -> str:
    """A length as a coarse class (a body of 12 words is not one of 3)."""
    return next(name for limit, name in ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (10, "7-10"))
                if n <= limit) if n <= 10 else "11+"


def _value_shape(value: str) -> str:
    if not value:
        return "empty"
    if value.endswith("%"):
        return "percent"
    return "number" if _DIGITS.search(value) else "word"


@dataclasses.dataclass(frozen=True)
class Context:
    """Where a plan's rows stand: its lines by offset, their blocks, its sections' headings."""

    starts: tuple[int, ...]
    lines: tuple[Line, ...]
    blocks: dict[int, Block]
    headings: dict[str, str]
    doc_type: str

    @staticmethod
    def of(plan: Plan) -> Context:
        return Context(tuple(line.start for line in plan.text.lines), plan.text.lines,
                       {b.line.start: b for b in plan.blocks},
                       {s.section_id: s.heading for s in plan.sections}, plan.meta.doc_type)

    def line(self, offset: int) -> Line | None:
        at = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[at] if at >= 0 else None


def row_words(table: str, row: Row, context: Context, repeats: int = 1) -> list[str]:
    """The features of one proposed row, as words for a spaCy Doc.

    ``repeats``: how many rows of the same table in the document name the same
    body (or text): a body given two roles is often one the rules misread.
    """
    words = [f"n={min(repeats, 3)}", f"dt={'_'.join(tokens(context.doc_type))}",
             f"depth={row.section_id.count('.') if row.section_id else 'top'}",
             f"part={row.part}"]
    if isinstance(row, Responsibility):
        words.append(f"role={row.role}")
        words.append("full=same" if row.body_full in ("", row.body) else "full=other")
    else:
        words.append(f"v={_value_shape(row.value)}")
    for prefix, attribute in FIELDS[table]:
        found = tokens(getattr(row, attribute))
        words.append(f"{prefix}len={_bucket(len(found))}")
        words += [f"{prefix}={w}" for w in found[:MAX_FIELD_TOKENS]]
        if found:
            words += [f"{prefix}0={found[0]}", f"{prefix}$={found[-1]}"]
    words += _line_words(table, row, context)
    top = row.section_id.split(".")[0]
    words += [f"h={w}" for w in tokens(context.headings.get(row.section_id, ""))[:MAX_FIELD_TOKENS]]
    words += [f"h1={w}" for w in tokens(context.headings.get(top, ""))[:MAX_FIELD_TOKENS]]
    return words


def _line_words(table: str, row: Row, context: Context) -> list[str]:
    """The row's line: its block's role and the words just before and after the row's anchor
    (in the line without its list marker, which says nothing of the row)."""
    line = context.line(row.span.start)
    if line is None:
        return ["blk=none"]
    block = context.blocks.get(line.start)
    words = [f"blk={block.role if block else 'none'}"]
    text = block.content if block and block.content else line.text
    anchor = getattr(row, ANCHOR[table])
    at = text.casefold().find(anchor.casefold()) if anchor else -1
    if at < 0:
        return [*words, "at=none"]
    before = tokens(text[:at])[-NEIGHBOURS:]
    after = tokens(text[at + len(anchor):][:200])[:NEIGHBOURS]
    words.append("at=start" if not before else "at=inside")
    words += [f"p{i}={w}" for i, w in enumerate(reversed(before))]
    words += [f"x{i}={w}" for i, w in enumerate(after)]
    return words


def table_words(plan: Plan, table: str, rows: Sequence[Row]) -> list[list[str]]:
    """:func:`row_words` of every row of one table of ``plan``."""
    context = Context.of(plan)
    anchor = ANCHOR[table]
    counts = Counter(getattr(r, anchor).casefold() for r in rows)
    return [row_words(table, r, context, counts[getattr(r, anchor).casefold()]) for r in rows]
