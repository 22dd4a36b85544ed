"""Re-flow hard-wrapped lines into paragraphs, one paragraph or list item a line.

Why a rule set and not blank lines: text layers of PDFs wrap every line and
often put a blank line after each one, so blank lines say nothing. A line starts
a new paragraph when it opens with an outline or list marker, when it or the
line before is a heading in capitals, when the line before ended a sentence, or
when the line before stopped well short of the page's line width (the document's
own width is measured, so plans set in any font or margin work). A heading or
list item is therefore never joined to its neighbour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import patterns
from pipeline.markers import is_rule, is_table_row, match_marker
from pipeline.repair.lines import RawLine, joined_line

FULL_LINE_SHARE = 0.75  # a line this close to the measured width was wrapped, not ended
WRAPPED_SHARE = 0.4  # share of full lines that tells a hard-wrapped document
_SENTENCE_END = re.compile(r"(?:[.;!?:…]|\./\.|\.\.\.)[\"”’)]*$")
_CODE_HYPHEN = re.compile(r"\S-$")  # "39/CTr-" wrapped inside a code: join without a space
# A number alone on its line ("II." then "NỘI DUNG"): text layers split tab-separated headings.
_BARE_MARKER = re.compile(r"^(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.:)/]$")


BLOCK_SHARE = 0.3  # share of multi-line blocks that tells blank lines between paragraphs


def reflow(lines: list[RawLine], *, blank_lines_part: bool = False) -> list[tuple[str, int]]:
    """Join wrapped lines; return ``(paragraph, page)`` pairs, blank lines dropped.

    ``blank_lines_part``: the source is Markdown, where a blank line is the one
    paragraph break; when its blank lines do part paragraphs (most paragraphs are
    wrapped blocks between them), the lines of a block are one paragraph.
    """
    return [(ln.text, ln.page) for ln in reflow_lines(lines, blank_lines_part=blank_lines_part)]


def reflow_lines(lines: list[RawLine], *, blank_lines_part: bool = False) -> list[RawLine]:
    """:func:`reflow` as lines, each with the page of its first raw line and the OCR
    confidence of the raw lines it joins (:func:`~pipeline.repair.lines.joined_line`)."""
    if blank_lines_part and _blocks_are_paragraphs(lines):
        return _reflow_blocks(lines)
    physical = [ln for ln in lines if ln.text.strip()]
    width = wrap_width([len(ln.text.rstrip()) for ln in physical if not is_table_row(ln.text)])
    out: list[_Paragraph] = []
    last = ""  # the physical line that ended the paragraph being built
    for line in physical:
        text = " ".join(line.text.split())
        if out and not _starts_paragraph(last, text, width):
            out[-1].add(text, line)
        else:
            out.append(_Paragraph(text, [line]))
        last = line.text.rstrip()
    return [p.line() for p in out]


@dataclass
class _Paragraph:
    """A paragraph being built: its text so far and the raw lines it joins."""

    text: str
    parts: list[RawLine]

    def add(self, text: str, line: RawLine) -> None:
        glue = "" if _CODE_HYPHEN.search(self.text) else " "
        self.text += glue + text
        self.parts.append(line)

    def line(self) -> RawLine:
        return joined_line(self.parts, self.text)


def _blocks(lines: list[RawLine]) -> list[list[RawLine]]:
    blocks: list[list[RawLine]] = [[]]
    for line in lines:
        if line.text.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _blocks_are_paragraphs(lines: list[RawLine]) -> bool:
    """Blank lines part wrapped paragraphs (not one after every line, as PDF layers put them)."""
    blocks = _blocks(lines)
    return len(blocks) >= 5 and sum(len(b) > 1 for b in blocks) >= BLOCK_SHARE * len(blocks)


def _reflow_blocks(lines: list[RawLine]) -> list[RawLine]:
    """One paragraph a block; a block of table cells keeps the line rules."""
    out: list[RawLine] = []
    for block in _blocks(lines):
        out.extend(reflow_lines(block) if any(is_table_row(ln.text) for ln in block)
                   else _join_block(block))
    return out


def _join_block(block: list[RawLine]) -> list[RawLine]:
    """A block's lines joined, except where a list item opens after a finished line."""
    out: list[_Paragraph] = []
    last = ""
    for line in block:
        text = " ".join(line.text.split())
        if out and not _opens_item(last, text):
            out[-1].add(text, line)
        else:
            out.append(_Paragraph(text, [line]))
        last = text
    return [p.line() for p in out]


def _opens_item(prev: str, text: str) -> bool:
    """Inside a block, a line opens a new paragraph only as a list item after a finished one."""
    if not prev or is_rule(prev) or is_rule(text):
        return True
    return bool(match_marker(text)) and bool(_SENTENCE_END.search(prev))


def wrap_width(lengths: list[int]) -> float:
    """The width a hard-wrapped document wraps at, or infinity when it is not wrapped.

    In a wrapped text most lines fill the measure; in a text with one paragraph a
    line (Word exports, most .txt) line lengths scatter, and few come near the longest.
    """
    lengths = sorted(n for n in lengths if n > 0)
    if len(lengths) < 5:
        return float("inf")
    width = lengths[int(len(lengths) * 0.9)]
    full = sum(width * FULL_LINE_SHARE <= n <= width * 1.1 for n in lengths)
    return width if full >= WRAPPED_SHARE * len(lengths) else float("inf")


def is_upper_heading(text: str) -> bool:
    """A line set in capitals (at least two letters, no lowercase letter)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _starts_paragraph(prev_line: str, text: str, width: float) -> bool:
    """Whether ``text`` opens a new paragraph after the physical line ``prev_line``."""
    prev = " ".join(prev_line.split())
    if is_rule(prev) or is_rule(text) or is_table_row(prev) or is_table_row(text):
        return True  # a drawn rule and a table row stand alone
    if _BARE_MARKER.match(prev):
        return False
    if match_marker(text):
        return True
    if _CODE_HYPHEN.search(prev) or patterns.regex("bodies", "dangling_leader").match(prev):
        return False  # a code cut at its hyphen; a head's office whose body is on the next line
    prev_upper, upper = is_upper_heading(prev), is_upper_heading(text)
    prev_full = len(prev_line) >= FULL_LINE_SHARE * width
    if upper or prev_upper:
        wrapped_heading = prev_full or match_marker(prev) is not None
        return not (upper and prev_upper and wrapped_heading)
    opens_capital = text[0].isupper() or text[0] in "\"“'‘("
    if _SENTENCE_END.search(prev):
        return opens_capital
    return opens_capital and not prev_full
