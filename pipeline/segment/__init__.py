"""Stage 3, segment: give every line of a repaired :class:`Text` its role and build the outline.

A plan reads top to bottom as: header block (agency, quốc hiệu, số ký hiệu,
place and date), document type and title, preamble, numbered outline, closing
(summary, Nơi nhận, signature). Each part is found by its own module; this one
puts them in order and fills :class:`PlanMeta`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline import patterns
from pipeline.lang.codes import number_in_file_name
from pipeline.lang.tiers import issuer_level
from pipeline.markers import is_table_row, match_marker
from pipeline.models import Block, Line, Plan, PlanMeta, Text
from pipeline.segment import issuer as issuer_mod
from pipeline.segment.closing import annex_start, closing_start, parse_signature
from pipeline.segment.confidence import with_confidences
from pipeline.segment.doctype import TypeLine, find_type_line, title_span
from pipeline.segment.header import Header, parse_header
from pipeline.segment.outline import build_outline

# "(Ban hành kèm theo Quyết định số 3194/QĐ-UBND ngày …)" under a plan's title.
_ATTACHED = re.compile(r"kèm theo\s+(?:[^\s()]+\s+){1,3}?số\s*(?P<code>\d+\s*[/-]\s*[^\s,;)]+)",
                       re.IGNORECASE)

# Section id of an annex after the signature ("PHỤ LỤC: DANH MỤC NHIỆM VỤ"): its table rows
# are tasks of the plan.
ANNEX = "PL"

# Without a type line, the header is looked for in this many opening lines.
HEADER_LINES_WITHOUT_TYPE = 12


def segment(text: Text) -> Plan:
    lines = text.lines
    type_line = find_type_line(lines)
    header_end = type_line.index if type_line else _header_end_without_type(lines)
    header = _dated(_numbered(parse_header([ln.text for ln in lines[:header_end]]), text.doc_id,
                              lines[:header_end]), text.signed_on)
    title_idx, body_start = title_span(lines, type_line) if type_line else ([], header_end)
    close = closing_start(lines, body_start)
    # A decision's attached plan follows its signature; when the signature was not found
    # (a scan that lost it), the attached plan's type line and note still end the decision.
    attached = (_attached_type_line(lines, body_start, close)
                if type_line and type_line.doc_type in _ISSUING_TYPES else None)
    close = min(close, attached.index) if attached else close
    outline_blocks, sections = build_outline(lines[body_start:close])
    end = attached.index if attached else len(lines)
    annex = annex_start(lines[:end], close)
    blocks = (
        [Block(ln, "header", content=ln.text) for ln in lines[:header_end]]
        + [Block(lines[i], "title", content=lines[i].text) for i in _title_rows(type_line, title_idx)]
        + outline_blocks
        + [Block(ln, "closing", content=ln.text) for ln in lines[close:annex]]
        + _annex_blocks(lines[annex:end])
    )
    attached_start = -1
    if attached:
        more_blocks, more_sections = _attached_part(lines, attached)
        blocks += more_blocks
        sections += more_sections
        attached_start = lines[attached.index].span().start
    meta = _meta(text, header, type_line, [lines[i].text for i in title_idx], blocks)
    return Plan(text.doc_id, text, tuple(blocks), tuple(sections), meta, attached_start)


def _numbered(header: Header, doc_id: str, lines: tuple[Line, ...]) -> Header:
    """The header with the number its file's name carries, when a scan's "Số:" line has the
    symbol but no number OCR could read (handwritten after printing: "Số: #6 /QĐ-...").

    Only for a letterhead read by OCR: a typed file's blank number is a number left
    blank ("Số:    /KH-MTTQ", a draft), which no file name should fill.
    """
    if header.number or not header.symbol or all(ln.confidence is None for ln in lines):
        return header
    number = number_in_file_name(doc_id)
    return replace(header, number=number, code=f"{number}/{header.symbol}") if number else header


def _dated(header: Header, signed_on: tuple[str, ...]) -> Header:
    """The header with the day of its electronic signature, when the date line's day is
    blank or unreadable ("ngày/4} tháng 6 năm 2019", handwritten) and the stamp was signed
    in that month: a document is dated the day it is signed."""
    days = [day for day in signed_on if header.month and day.startswith(header.month)]
    return replace(header, issue_date=days[0]) if len(days) == 1 else header


def _annex_blocks(lines: tuple[Line, ...]) -> list[Block]:
    return [Block(ln, "row" if is_table_row(ln.text) else "appendix", ANNEX, content=ln.text)
            for ln in lines]


# An attached document's type line stands within this many lines above its note
# "(Ban hành kèm theo Quyết định số ...)".
ATTACHED_NOTE_WITHIN = 8
# A decision's article issuing a document ("Ban hành kèm theo Quyết định này Kế hoạch ...").
_ISSUES = re.compile(r"kèm theo Quyết định này\s+[“\"]?(?P<type>\w+(?:\s+\w+)?)", re.IGNORECASE)


def _attached_note() -> re.Pattern[str]:
    return patterns.regex("header", "attached_note")


def _attached_type_line(lines: tuple[Line, ...], start: int, close: int) -> TypeLine | None:
    """The plan (programme, scheme, annex) a decision issues, printed after its signature.

    It opens with its type line and carries the note "(Ban hành kèm theo Quyết định
    số ...)" under its title; or, without the note, it is the type the decision's
    article issues ("Ban hành kèm theo Quyết định này Kế hoạch ..."). Before the decision's
    closing (``close``: a scan that lost the signature) only a noted type line counts.
    After the signature, a noted title with no type word counts when it names what the
    article issues ("Công bố kèm theo Quyết định này thủ tục hành chính ..." above
    "THỦ TỤC HÀNH CHÍNH NỘI BỘ ..."; "... này Danh mục ..." above "DANH MỤC ...").
    """
    issued = {m.group("type").casefold() for ln in lines[:close] if (m := _ISSUES.search(ln.text))}
    annex = patterns.regex("header", "annex_heading")
    for i in range(start, len(lines)):
        text = lines[i].text.strip()
        found = find_type_line(lines[i:i + 1])
        noted = any(_attached_note().match(ln.text) for ln in lines[i + 1:i + 1 + ATTACHED_NOTE_WITHIN])
        named = found is not None and i >= close and any(t.startswith(found.doc_type.casefold())
                                                         for t in issued)
        if found and found.doc_type not in _NOT_ATTACHED and (noted or named):
            return TypeLine(i, found.doc_type, found.rest)
        if annex.match(text) and noted:
            return TypeLine(i, "Phụ lục", "")
        if found is None and noted and i >= close and _names_issued(text, issued):
            return TypeLine(i, "", text)
    return None


def _names_issued(text: str, issued: set[str]) -> bool:
    """Whether a title in capitals begins with what the decision's article issues."""
    title = text.strip("*# ")
    return title.isupper() and any(title.casefold().startswith(t) for t in issued)


# Documents that issue another document "kèm theo" themselves (a plan's annexed forms are annexes).
_ISSUING_TYPES = {"Quyết định", "Nghị quyết", "Chỉ thị", "Thông tư", "Nghị định"}
# A decision's own type word repeated after its signature is no attached document.
_NOT_ATTACHED = {"Quyết định", "Chỉ thị", "Công văn", "Tờ trình"}


def _attached_part(lines: tuple[Line, ...], type_line: TypeLine) -> tuple[list[Block], list]:
    """Blocks and sections of an attached plan: its title, outline, closing and annexes."""
    title_idx, body_start = title_span(lines, type_line)
    body_start = _after_note(lines, body_start)
    close = closing_start(lines, body_start)
    annex = annex_start(lines, close)
    outline_blocks, sections = build_outline(lines[body_start:close])
    blocks = ([Block(lines[i], "title", content=lines[i].text)
               for i in range(type_line.index, body_start)]
              + outline_blocks
              + [Block(ln, "closing", content=ln.text) for ln in lines[close:annex]]
              + _annex_blocks(lines[annex:]))
    return blocks, sections


def _after_note(lines: tuple[Line, ...], start: int) -> int:
    """Past the "(Ban hành kèm theo ...)" note under the title, unless an outline opens first."""
    for i in range(start, min(len(lines), start + ATTACHED_NOTE_WITHIN)):
        if _attached_note().match(lines[i].text):
            return i + 1
        if match_marker(lines[i].text):
            break
    return start


def _title_rows(type_line: TypeLine | None, title_idx: list[int]) -> list[int]:
    return ([type_line.index] if type_line else []) + title_idx


def _header_end_without_type(lines: tuple[Line, ...]) -> int:
    """Without a type line, the header is the opening capitals/"Số"/date lines."""
    end = 0
    for i, line in enumerate(lines[:HEADER_LINES_WITHOUT_TYPE]):
        if match_marker(line.text):
            break
        head = parse_header([line.text])
        if head.code or head.place or head.agency_lines:
            end = i + 1
        else:
            break
    return end


def _meta(text: Text, header: Header, type_line: TypeLine | None, title_lines: list[str],
          blocks: list[Block]) -> PlanMeta:
    full = text.string
    # A decision's preamble is its legal bases ("Căn cứ ... Bộ Tài chính ban hành Kế hoạch ..."),
    # which name other issuers; the decision's own issuer is its letterhead's.
    decides = bool(type_line and type_line.doc_type in _ISSUING_TYPES)
    preamble = "" if decides else " ".join(b.line.text for b in blocks if b.role == "preamble")
    closing = [b.line.text for b in blocks if b.role == "closing"]
    issuer = issuer_mod.choose(issuer_mod.from_agency_lines(header.agency_lines, full),
                               issuer_mod.from_preamble(preamble),
                               issuer_mod.from_signature(closing), header.place, full)
    signature = parse_signature(closing)
    title = " ".join(([type_line.rest] if type_line and type_line.rest else []) + title_lines)
    title = patterns.regex("header", "subject_prefix").sub("", title)  # "V/V HỖ TRỢ ..."
    meta = PlanMeta(
        doc_id=text.doc_id,
        doc_type=type_line.doc_type if type_line else "",
        number=header.number,
        symbol=header.symbol,
        code=header.code,
        issue_date=header.issue_date,
        place=header.place,
        issuer=issuer,
        issuer_level=issuer_level(issuer),
        title=" ".join(title.split()),
        signer_name=signature.signer_name,
        signer_title=signature.signer_title,
        signing_authority=signature.signing_authority,
        attached_code=_attached_code(blocks),
    )
    return with_confidences(meta, blocks, type_line, preamble)  # OCR'd fields: how sure


def _attached_code(blocks: list[Block]) -> str:
    """Code of the decision the plan was issued with, from the note under its title."""
    for block in blocks:
        m = _ATTACHED.search(block.line.text) if block.line.text.startswith("(") else None
        if block.role == "preamble" and m:
            return re.sub(r"\s+", "", m.group("code"))
        if block.role not in ("header", "title", "preamble"):
            break
    return ""
