"""The outline: numbered headings at every level and the lines under them.

Levels come from the order in which marker kinds nest, not from fixed kinds:
a kind seen for the first time goes one level below the current heading; a kind
already open closes everything under it. So "I. / 1. / a)" and a plan whose top
level is "1." both work, and a skipped number (III then V) changes nothing.
Dashes and pluses are list items inside a section, not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.letters import UPPER
from pipeline.markers import Marker, is_table_row, match_marker
from pipeline.models import Block, BlockRole, Line, Section
from pipeline.segment.labels import labels_for

# A heading's text is the part before a colon when the line goes on after it
# ("5. Phòng Tài chính - Kế hoạch: Tham mưu ..."); a colon this far in is prose.
MAX_HEADING_BEFORE_COLON = 120
_COLON = re.compile(r":\s*")
# A numbering marker and nothing else on a line: its heading is printed on the next one.
_BARE_MARKER = re.compile(r"(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d+)\s*[.:]?|[IVXLC]+\s*[.:)]")


@dataclass
class _Open:
    kind: str
    section_id: str


# A sentence ends at a full stop after a lower-case word or a number, before a capital
# ("... tôn giáo. Giao Sở ..."); "TP. Hồ Chí Minh" goes on.
_FIRST_SENTENCE_END = re.compile(rf"(?<=[a-zđà-ỹ0-9)])\.\s+(?={UPPER})")


def split_heading(content: str) -> str:
    """Heading text of a numbered line, without a trailing colon: the part before a colon
    near its start, else its first sentence (a numbered paragraph of a notice's conclusions)."""
    m = _COLON.search(content)
    if m and m.start() <= MAX_HEADING_BEFORE_COLON:
        return content[: m.start()].strip()
    if end := _FIRST_SENTENCE_END.search(content):
        content = content[:end.start()]
    return content.strip().rstrip(":").strip()


_SENTENCE_END = re.compile(r"(?<=\S)[.:](?=\s|$)")


def article_heading(content: str) -> str:
    """An article's title ("Tổ chức thực hiện"), or its first sentence when it has none."""
    m = _SENTENCE_END.search(content)
    return (content[: m.start()] if m else content).strip()


def top_kind(lines: tuple[Line, ...]) -> str | None:
    """The outline's top level: a decision's articles or titled parts ("Phần I. DANH MỤC ...",
    then "Phần II. NỘI DUNG ..." over roman numerals) when one opens it, else roman numerals
    if any heading uses them, else the first kind. A part met after the outline has begun
    divides it and is no level."""
    kinds = [m.kind for ln in lines if (m := match_marker(ln.text)) and not m.is_bullet]
    if not kinds:
        return None
    if kinds[0] in ("article", "part"):
        return kinds[0]
    return "roman" if "roman" in kinds else kinds[0]


def join_bare_markers(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A marker alone on its line ("Phần I", "II.") joined to the heading on the next line.

    The joined line keeps the newline between them, so its text is still the
    document's text at its offsets. A next line that opens with a marker of its
    own is not a heading for this one ("PHẦN I" above "I. MỤC ĐÍCH").
    """
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        if (last and last.end + 1 == line.start and _BARE_MARKER.fullmatch(last.text)
                and not match_marker(line.text)):
            out[-1] = Line(f"{last.text}\n{line.text}", last.start, last.page)
        else:
            out.append(line)
    return tuple(out)


def build_outline(lines: tuple[Line, ...]) -> tuple[list[Block], list[Section]]:
    """Blocks for ``lines`` (body of the plan) and its sections in reading order."""
    lines = join_bare_markers(lines)
    top = top_kind(lines)
    stack: list[_Open] = []
    blocks: list[Block] = []
    headings: list[tuple[Block, int]] = []
    started = False
    for k, line in enumerate(lines):
        marker = match_marker(line.text)
        if marker and marker.kind == "part" and top != "part":
            marker = None  # "Phần I" above a roman outline is a divider, not a level
        if marker and _misread_one(marker, stack, lines[k + 1:]):
            marker = Marker("arabic", "1", marker.end)
        if marker and not marker.is_bullet and (started or marker.kind == top):
            started = True
            block, level = _open_heading(stack, marker, line)
            headings.append((block, level))
            blocks.append(block)
            continue
        current = stack[-1].section_id if stack else ""
        role: BlockRole = ("item" if marker and marker.is_bullet
                           else "row" if is_table_row(line.text) else "body")
        content = line.text[marker.end:] if marker else line.text
        blocks.append(Block(line, role if started else "preamble", current,
                            marker.number if marker else "", content.strip()))
    return blocks, _sections(blocks, headings)


def _misread_one(marker: Marker, stack: list[_Open], rest: tuple[Line, ...]) -> bool:
    """A roman "I." that is an arabic "1." misread (OCR reads "1" as "I"): roman numbering
    is already open, so it does not start again, and the next roman or arabic line (past its
    own "a)" items) is "2."."""
    if marker.kind != "roman" or marker.number != "I" or "roman" not in (o.kind for o in stack):
        return False
    following = next((m for ln in rest if (m := match_marker(ln.text)) and m.kind in ("roman", "arabic")),
                     None)
    return bool(following and following.kind == "arabic" and following.number == "2")


def _open_heading(stack: list[_Open], marker: Marker, line: Line) -> tuple[Block, int]:
    kinds = [o.kind for o in stack]
    if marker.kind in kinds:
        del stack[kinds.index(marker.kind):]
    label = _part_label(line.text, marker) if marker.kind == "part" else marker.number
    number = label
    if marker.kind == "decimal":
        number = _under_its_prefix(stack, number)
    parent = stack[-1].section_id if stack else ""
    section_id = f"{parent}.{number}" if parent else number
    stack.append(_Open(marker.kind, section_id))
    content = line.text[marker.end:].strip()
    return Block(line, "heading", section_id, label, content), len(stack)


def _part_label(text: str, marker: Marker) -> str:
    """"Phần II", "Chương I": a part or chapter is numbered with its word, however it is
    printed (on its heading's line or alone above it), as every real gold writes it; the
    numeral alone would read like a roman section of another outline."""
    return f"{text.split()[0].strip('*').capitalize()} {marker.number}"


def _under_its_prefix(stack: list[_Open], number: str) -> str:
    """Close the stack down to the section "4" a decimal "4.1" belongs to; return "1".

    When no open section is numbered like the prefix, the decimal stays where it
    is and keeps its full number.
    """
    prefix, _, last = number.rpartition(".")
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].section_id.rsplit(".", 1)[-1] == prefix:
            del stack[depth + 1:]
            return last
    return number


def _sections(blocks: list[Block], headings: list[tuple[Block, int]]) -> list[Section]:
    body: dict[str, list[Block]] = {}
    for b in blocks:
        if b.role in ("body", "item"):
            body.setdefault(b.section_id, []).append(b)
    sections = []
    for block, level in headings:
        heading = (article_heading(block.content) if block.marker.startswith("Điều")
                   else split_heading(block.content))
        rest = block.content[len(heading):].lstrip(": ").strip()
        own = list(body.get(block.section_id, []))
        if rest:
            own.insert(0, Block(block.line, "body", block.section_id, "", rest))
        labels = labels_for(heading) if level == 1 else ()
        sections.append(Section(block.section_id, level, block.marker, heading, labels,
                                block.span(), tuple(own)))
    return sections
