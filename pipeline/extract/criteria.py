"""Criteria: the rules for choosing people or units, and quotas (criteria.csv).

A criterion is a list item under a heading that names a list of criteria
(Tiêu chí / Tiêu chuẩn / Thành phần, cơ cấu / Số lượng ...; patterns/criteria.yaml)
or under a field subsection of a level-1 criteria section ("Trong lĩnh vực Y
tế: ..."). A quota ("khoảng 70%") inside an item is its own row and is cut out
of the item; elsewhere only explicit minimums and maximums count as quotas.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline import patterns
from pipeline.extract.common import Unit, block_unit, capital_first, sentences, tidy
from pipeline.models import Block, Criterion, Plan, Section

_SEGMENT = re.compile(r"[^;()]+")
# A field heading of a criteria list is a short name ("Đối với học sinh", "Lĩnh vực Y tế").
MAX_FIELD_WORDS = 8


@cache
def _rx(key: str) -> re.Pattern[str]:
    return re.compile(patterns.load("criteria")[key], re.IGNORECASE)


def find_criteria(plan: Plan) -> tuple[Criterion, ...]:
    """Criteria lists, then quotas stated anywhere else, in reading order."""
    groups: dict[str, str] = {}
    items: dict[str, str] = {}  # numbered subsections that are criteria, not fields
    targets: dict[str, str] = {}  # sections of a target list -> the list's own heading
    for section in plan.sections:
        parent = _parent_id(section.section_id)
        if parent in groups and _is_item(plan, section):
            items[section.section_id] = groups[parent]
        elif group := _group(plan, section, groups):
            groups[section.section_id] = group
        else:
            continue
        root = targets.get(parent) or (group if _rx("target_groups").match(group) else "")
        if root:
            targets[section.section_id] = root
    rows: list[Criterion] = []
    for block in plan.blocks_with_role("heading", "item", "body"):
        target = targets.get(block.section_id, "")
        if block.role == "heading" and block.section_id in items:
            rows.extend(_item_rows(plan.doc_id, items[block.section_id], block_unit(block), target))
            continue
        inline = _inline_group(block)
        if inline:
            groups[block.section_id] = inline
            continue
        group = groups.get(block.section_id, "")  # a group's name is never empty
        unit = _list_text(block) if group else None
        if unit is not None and unit.text:
            rows.extend(_item_rows(plan.doc_id, group, unit, target))
        elif not group:
            rows.extend(_loose_quotas(plan.doc_id, block_unit(block)))
    return tuple(rows)


def _group(plan: Plan, section: Section, groups: dict[str, str]) -> str:
    """The list a section's items belong to.

    A heading naming a list (Tiêu chí, Số lượng ...) names it; a subsection of such a
    list or of a level-1 criteria section is a field of it ("a) Đối với học sinh" ->
    "Học sinh"), unless it says who is covered or where from (Đối tượng, Phạm vi).
    """
    label = _label(section.heading)
    if _rx("not_criteria").match(label):
        return ""
    m = _rx("group_heading").match(label)
    if m:
        group = m.group("group")
        return capital_first(group.lower() if group.isupper() else group)
    parent_id = section.section_id.rsplit(".", 1)[0] if "." in section.section_id else ""
    parent = plan.section(parent_id) if parent_id else None
    if parent and (parent_id in groups or (parent.level == 1 and "criteria" in parent.labels)):
        return capital_first(_rx("field_prefix").sub("", label, count=1))
    return ""


def _parent_id(section_id: str) -> str:
    return section_id.rsplit(".", 1)[0] if "." in section_id else ""


def _is_item(plan: Plan, section: Section) -> bool:
    """A numbered subsection of a list that is itself a criterion ("a) Gương mẫu chấp hành ...;").

    A field of the list ("a) Đối với học sinh") names a group and has lines or
    subsections under it; a criterion is a statement with nothing under it,
    closed by ";" or "." or too long for a name.
    """
    if section.body or any(s.section_id.startswith(section.section_id + ".") for s in plan.sections):
        return False
    text = section.heading.strip()
    return text.endswith((";", ".")) or len(text.split()) > MAX_FIELD_WORDS


def _inline_group(block: Block) -> str:
    """A line "Tiêu chuẩn thí sinh:" inside a section opens a list of its own."""
    text = block.content.strip()
    if block.role == "heading" or not text.endswith(":"):
        return ""
    m = _rx("group_heading").match(text)
    return capital_first(m.group("group")) if m else ""


def _label(heading: str) -> str:
    """A heading's name: before its colon, or before a ";" that stands for one."""
    label = heading.split(":")[0]
    head, semi, _ = label.partition(";")
    return tidy(head if semi and len(head.split()) <= 8 else label)


def _list_text(block: Block) -> Unit | None:
    """The criterion text of a block in a criteria section (a heading gives its text after the name)."""
    unit = block_unit(block)
    if block.role != "heading":
        return None if unit.text.rstrip().endswith(":") else unit
    m = re.search(r":\s*", unit.text) or re.search(r";\s*", unit.text)
    if not m or (m.group(0)[0] == ";" and len(unit.text[:m.start()].split()) > 8):
        return Unit(block, "", unit.offset)
    return unit.sub(m.end(), len(unit.text))


def _item_rows(doc_id: str, group: str, unit: Unit, target: str = "") -> list[Criterion]:
    """The item, cut before its quotas, and one row per quota; an item of a target list
    (``target``: the list's heading, also for its fields) keeps its figure."""
    if target:
        return _target_rows(doc_id, group, unit, target)
    quotas = []
    for seg in _SEGMENT.finditer(unit.text):
        q = (_rx("quota").search(seg.group(0)) or _rx("quota_count").search(seg.group(0))
             or _rx("quota_listed").match(seg.group(0)))
        if q:
            quotas.append((seg, q))
    if not quotas:
        return [_row(doc_id, group, unit, 0, len(unit.text), "")]
    rows = []
    first = quotas[0][0].start()
    cut = unit.text.rfind("(", 0, first + 1)
    cut = first if cut < 0 else cut
    if tidy(unit.text[:cut]):
        rows.append(_row(doc_id, group, unit, 0, cut, ""))
    for seg, q in quotas:
        rows.append(_row(doc_id, group, unit, seg.start(), seg.end(), _value(q)))
    return rows


def _target_rows(doc_id: str, group: str, unit: Unit, target: str) -> list[Criterion]:
    """A listed target ("Tỷ lệ ... đạt ít nhất 27% vào năm 2025"): a row per clause holding
    its own figure (clauses split at ";"), the value its rate, else its bounded count. A
    label numbering the target ("Chỉ tiêu 1:") is no part of its text."""
    label = _rx("target_label").match(unit.text)
    begin = label.end() if label else 0
    rows: list[Criterion] = []
    for clause in re.finditer(r"[^;]+", unit.text[begin:]):
        value = _target_value(clause.group(0))
        if value:
            start = begin if not rows else begin + clause.start()
            rows.append(_row(doc_id, group, unit, start, begin + clause.end(), value))
    if rows or _rx("numbered_only").match(target):
        return rows
    return [_row(doc_id, group, unit, begin, len(unit.text), "")]


def _target_value(text: str) -> str:
    """A target's figure: its first rate ("27%"), else the first count after a bound word."""
    rate = _rx("target_rate").search(text)
    m = rate or _rx("target_count").search(text)
    return re.sub(r"\s+", "", m.group("value")) if m else ""


def _loose_quotas(doc_id: str, unit: Unit) -> list[Criterion]:
    rows = []
    group = patterns.load("criteria")["quota_group"]
    for sentence in sentences(unit):
        for seg in _SEGMENT.finditer(sentence.text):
            q = _rx("quota_anywhere").search(seg.group(0)) or _rx("quota_each").search(seg.group(0))
            if q and not _rx("target").search(seg.group(0), 0, q.start()):
                rows.append(_row(doc_id, group, sentence, seg.start(), seg.end(), _value(q)))
    return rows


def _value(m: re.Match[str]) -> str:
    return re.sub(r"\s+", "", m.group("value"))


def _row(doc_id: str, group: str, unit: Unit, start: int, end: int, value: str) -> Criterion:
    return Criterion(doc_id=doc_id, section_id=unit.section_id, group=group,
                     text=tidy(unit.text[start:end]), value=value, span=unit.span(start, end))
