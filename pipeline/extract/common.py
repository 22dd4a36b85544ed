"""Text units shared by the four extractors: a block's content, its sentences, their spans.

Why one module: every table needs the same walk over the plan (skip the header
and the signature, keep offsets into the repaired text, split into sentences)
and the same rules for tidying a value copied from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.lang.letters import UPPER, UPPER_LETTERS
from pipeline.models import Block, Plan, Span

# A sentence ends at . ! ? … followed by a space and a capital, a quote or a bracket.
_SENTENCE_END = re.compile(rf"(?<=[.!?…])\s+(?=[{UPPER_LETTERS}“\"(])")
_CAPITAL_START = re.compile(UPPER)


@dataclass(frozen=True)
class Unit:
    """A stretch of one block's text with its document offset and section."""

    block: Block
    text: str
    offset: int  # document offset of text[0]

    @property
    def section_id(self) -> str:
        return self.block.section_id

    def span(self, start: int = 0, end: int | None = None) -> Span:
        stop = len(self.text) if end is None else end
        return Span(self.offset + start, self.offset + stop, self.block.line.page)

    def sub(self, start: int, end: int) -> Unit:
        return Unit(self.block, self.text[start:end], self.offset + start)


def block_unit(block: Block) -> Unit:
    """The block's content (marker removed) located in the document."""
    content = block.content or block.line.text
    at = block.line.text.find(content)
    return Unit(block, content, block.line.start + max(at, 0))


def body_units(plan: Plan, roles: tuple[str, ...] = ("preamble", "heading", "item", "body")
               ) -> Iterator[Unit]:
    """Units of the blocks with the given roles, in reading order."""
    for block in plan.blocks:
        if block.role in roles:
            yield block_unit(block)


def sentences(unit: Unit) -> list[Unit]:
    """The unit cut into sentences (cuts at a full stop followed by a capital)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(unit.text):
        out.append(unit.sub(start, m.start()))
        start = m.end()
    out.append(unit.sub(start, len(unit.text)))
    return [s for s in out if s.text.strip()]


def tidy(value: str) -> str:
    """A value as the gold writes it: one line, no final "." or ";", ellipsis kept."""
    value = " ".join(value.replace("**", "").split())
    value = value.strip(" ,:")
    while value.endswith((".", ";", "/.", "./.")) and not value.endswith(("...", "…")):
        value = value[:-1].rstrip(" /")
    return value.strip(" ,:")


def sections_under(plan: Plan, heading: re.Pattern[str]) -> set[str]:
    """Ids of the sections whose heading ``heading`` matches, and of every section under them."""
    heads = [s.section_id for s in plan.sections if heading.match(s.heading)]
    return {s.section_id for s in plan.sections
            if any(s.section_id == h or s.section_id.startswith(h + ".") for h in heads)}


def capital_first(value: str) -> str:
    """A name taken from mid-sentence gets a capital first letter."""
    return value[:1].upper() + value[1:] if value else value


def lower_first(value: str) -> str:
    """A task copied from an item start reads as a clause: lower its first word."""
    if len(value) > 1 and value[1].islower():
        return value[:1].lower() + value[1:]
    return value


def starts_capital(value: str) -> bool:
    return bool(_CAPITAL_START.match(value))
