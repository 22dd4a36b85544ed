"""Criteria: the rules for choosing people or units, and quotas (criteria.csv).

A criterion is a list item under a heading that names a list of criteria
(Tiêu chí / Tiêu chuẩn / Thành phần, cơ cấu / Số lượng ...; patterns/criteria.yaml)
or under a field subsection of a level-1 criteria section ("Trong lĩnh vực Y
tế: ..."). A quota ("khoảng 70%") inside an item is its own row and is cut out
of the item; elsewhere only explicit minimums and maximums count as quotas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline import patterns
from pipeline.extract.common import Unit, block_unit, capital_first, sentences, tidy
from pipeline.extract.tables import row_cells
from pipeline.markers import is_table_row
from pipeline.models import Block, Criterion, Plan, Section

_SEGMENT = re.compile(r"[^;()]+")
# A field heading of a criteria list is a short name ("Đối với học sinh", "Lĩnh vực Y tế").
MAX_FIELD_WORDS = 8
# A name a quota bounds, listed with others before it ("Công an tỉnh; Sở Tài chính; ...").
MAX_NAME_WORDS = 12
# A name leading a target list's line ("- Sản phẩm nông sản chế biến và nông sản khác: ...").
MAX_LABEL_WORDS = 12


@cache
def _rx(key: str) -> re.Pattern[str]:
    return patterns.regex("criteria", key)


@dataclass
class _Lists:
    """What the outline says of each section: the list it holds, and the target list above it."""

    groups: dict[str, str] = field(default_factory=dict)  # section -> the list its lines belong to
    items: dict[str, str] = field(default_factory=dict)  # numbered subsections that are criteria
    targets: dict[str, str] = field(default_factory=dict)  # section -> heading of its target list
    counts: set[str] = field(default_factory=set)  # sections of a list of numbers ("Số lượng")
    heads: set[int] = field(default_factory=set)  # list lines with lines of their own below them
    opened: dict[str, tuple[str, str]] = field(default_factory=dict)  # section -> (marker, list)
    # of the line that opened a list inside it ("- Số lượng cử tri dự hội nghị:")


def find_criteria(plan: Plan) -> tuple[Criterion, ...]:
    """Criteria lists, then quotas stated anywhere else, in reading order."""
    lists = _outline_lists(plan)
    rows: list[Criterion] = []
    for block in plan.blocks_with_role("heading", "item", "body"):
        rows.extend(_block_rows(plan.doc_id, block, lists))
    for header, table in _scoring_tables(plan):
        rows.extend(_scoring_rows(plan.doc_id, header, table))
    return tuple(rows)


def _scoring_tables(plan: Plan) -> list[tuple[list[str], list[Block]]]:
    """Each scoring table's header cells and rows. A cell holding its own list ("- Cách thức
    ghi nhận ...") leaves lines between the rows: the table runs on to a heading or another
    section, not to the first line that is no row."""
    tables: list[tuple[list[str], list[Block]]] = []
    running = False
    for block in plan.blocks:
        row = block.role == "row" and is_table_row(block.line.text)
        header = [c.text for c in row_cells(block_unit(block))] if row else []
        if row and _score_column(header):
            tables.append((header, []))
            running = True
        elif running and row and not _rx("column_number_title").match(header[0] if header else ""):
            tables[-1][1].append(block)
        elif running and _ends_table(block, tables[-1][1]):
            running = False
    return tables


def _ends_table(block: Block, rows: list[Block]) -> bool:
    """A heading, the header of another table ("| STT | Nội dung | ..."), or a line of another
    section than the table's last row ends the table."""
    return block.role in ("heading", "row") or (bool(rows) and block.section_id != rows[-1].section_id)


def _score_column(header: list[str]) -> int:
    """The criteria column of a scoring table's header, beside a column of points; else 0."""
    col = next((i for i, h in enumerate(header) if i and _rx("score_criteria").match(h)), 0)
    return col if col and any(_rx("score_points").match(h) for h in header[col + 1:]) else 0


def _scoring_rows(doc_id: str, header: list[str], table: list[Block]) -> list[Criterion]:
    """A scoring table's criteria: the cells of its criteria column, beside a column of points
    ("| STT | TIÊU CHÍ THI ĐUA | ĐIỂM CHUẨN | HƯỚNG DẪN CHẤM ĐIỂM |", "| TT | Tiêu chí chấm
    điểm | Điểm tối đa |"), one row per numbered row. A row numbered in roman ("I | NHÓM XÃ,
    PHƯỜNG | 115") or heading sub-rows ("5 | Điểm cộng" above "5.1", "1 | Chính trị tư tưởng"
    above "a)") names the group of the rows below it; a figure in a criterion is its value."""
    col = _score_column(header)
    numbered = [cells for b in table if len(cells := row_cells(block_unit(b))) > col
                and _rx("row_number").match(cells[0].text) and not _rx("row_number").match(cells[col].text)]
    top, sub, rows = capital_first(tidy(header[col]).lower()), ("", ""), []
    for cells, after in zip(numbered, [*numbered[1:], None], strict=True):
        number, name = tidy(cells[0].text).rstrip("."), tidy(cells[col].text)
        if re.fullmatch(r"[IVXLC]+", number):
            top, sub = capital_first(name.lower() if name.isupper() else name), ("", "")
        elif after and _below(tidy(after[0].text), number):
            sub = (number, name)
        else:
            sub = sub if _below(number, sub[0]) else ("", "")
            value = _value(m) if (m := _rx("target_rate").search(name)) else ""
            rows.append(_row(doc_id, sub[1] or top, cells[col], 0, len(cells[col].text), value))
    return rows


def _below(number: str, parent: str) -> bool:
    """Whether a row numbered ``number`` stands below the row numbered ``parent`` ("5.1"
    below "5", "a)" below "1")."""
    if not parent:
        return False
    return number.startswith(parent + ".") or (parent.isdigit() and bool(re.fullmatch(r"[a-zđ]\)", number)))


def _outline_lists(plan: Plan) -> _Lists:
    lists = _Lists()
    for section in plan.sections:
        parent = _parent_id(section.section_id)
        root = lists.targets.get(parent, "")
        if parent in lists.groups and _is_item(plan, section, bool(root)):
            lists.items[section.section_id] = lists.groups[section.section_id] = lists.groups[parent]
        elif group := _group(plan, section, lists.groups):
            lists.groups[section.section_id] = group
            root = group if _rx("target_groups").match(group) else root
        else:
            continue
        if root:
            lists.targets[section.section_id] = root
        if parent in lists.counts or _rx("quota_list").match(lists.groups[section.section_id]):
            lists.counts.add(section.section_id)
    lists.heads = _heads(plan.blocks)
    return lists


def _heads(blocks: tuple[Block, ...]) -> set[int]:
    """List lines followed, in their section, by a line of another rank ("- ..." then "+ ...")."""
    return {b.line.start for b, after in zip(blocks, blocks[1:], strict=False)
            if b.role == "item" and after.role in ("item", "body") and after.section_id == b.section_id
            and after.marker != b.marker}


def _block_rows(doc_id: str, block: Block, lists: _Lists) -> list[Criterion]:
    """The rows of one line: a criterion item, a target, or a quota outside any list."""
    sid = block.section_id
    target = lists.targets.get(sid, "")
    if block.role == "heading" and sid in lists.items:
        if not target and _rx("referral").search(block.content):
            return []  # "a) Trên cơ sở kết quả kiểm tra, ... Hội đồng họp xét": who judges, not on what
        return _item_rows(doc_id, lists.items[sid], block_unit(block), target)
    marker = _marker(block)
    if sid in lists.opened and block.role != "heading" and marker == lists.opened[sid][0]:
        del lists.opened[sid]  # a sibling line closes the list the line above it opened
    if inline := _inline_group(block):
        lists.opened[sid] = (marker, inline)
        return []
    if not target and sid in lists.opened and _rx("target_groups").match(lists.opened[sid][1]):
        target = lists.opened[sid][1]  # "... bằng các chỉ tiêu cụ thể như sau:" opens a target list
    unit = _list_text(block, target)
    if target and (labelled := _target_field(block, lists.heads)):
        lists.opened[sid] = (marker, labelled[0])
        unit = labelled[1]
    group = lists.opened[sid][1] if sid in lists.opened else lists.groups.get(sid, "")
    if not group:  # a group's name is never empty
        return _loose_quotas(doc_id, block_unit(block))
    if unit is None or not unit.text or (target and _is_prose(block, target)):
        return []
    rows = _item_rows(doc_id, group, unit, target)
    return [r for r in rows if r.value] if sid in lists.counts or _rx("quota_list").match(group) else rows


def _marker(block: Block) -> str:
    """The line's list marker; a paragraph numbered in its text ("(1) 100% số người ...", which
    the outline leaves unmarked) is an item of the list above it, not its sibling."""
    if not block.marker and block.role == "body" and _rx("enumerator").match(block.content):
        return "enumerated"
    return block.marker


def _group(plan: Plan, section: Section, groups: dict[str, str]) -> str:
    """The list a section's items belong to.

    A heading naming a list (Tiêu chí, Số lượng ...) names it; a subsection of such a
    list or of a level-1 criteria section is a field of it ("a) Đối với học sinh" ->
    "Học sinh"), unless it says who is covered or where from (Đối tượng, Phạm vi).
    """
    label = _label(_rx("target_label").sub("", _heading_line(section), count=1))
    if _rx("not_criteria").match(label):
        return ""
    m = _rx("group_heading").match(label) or _rx("group_tail").search(label)
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


def _is_item(plan: Plan, section: Section, in_targets: bool = False) -> bool:
    """A numbered subsection of a list that is itself a criterion ("a) Gương mẫu chấp hành ...;").

    A field of the list ("a) Đối với học sinh") names a group and has lines or
    subsections under it; a criterion is a statement with nothing under it,
    closed by ";" or "." or too long for a name. In a target list a time horizon
    before the target ("a) Đến hết năm 2025: Có ≥ 30% ...") is no field, and a long
    heading stating a figure is a target even when the outline hung lines under it.
    """
    text = section.heading.strip()
    if in_targets and len(text.split()) > MAX_FIELD_WORDS and _target_value(text):
        return True
    if _own_lines(section) or any(s.section_id.startswith(section.section_id + ".") for s in plan.sections):
        return False
    if in_targets and section.body and _rx("horizon").match(text):
        return True
    return not section.body and (text.endswith((";", ".")) or len(text.split()) > MAX_FIELD_WORDS)


def _heading_line(section: Section) -> str:
    """The heading with the rest of its line ("Mục tiêu 4: Trong lĩnh vực y tế")."""
    rest = [b.content for b in section.body if b.line.start == section.span.start]
    return f"{section.heading}: {rest[0].lstrip(' .:;')}" if rest else section.heading


def _own_lines(section: Section) -> list[Block]:
    """The section's body lines, without the rest of its heading line."""
    return [b for b in section.body if b.line.start != section.span.start]


def _is_prose(block: Block, target: str) -> bool:
    """Under a bare "Mục tiêu" heading a paragraph that is no list item ("Hiện nay, ...") is prose."""
    listed = block.role != "body" or re.match(f"{_rx('enumerator').pattern}|{_rx('target_label').pattern}",
                                             block.content, re.IGNORECASE)
    return not listed and _rx("figures_only").match(target) is not None and target.startswith("Mục")


def _inline_group(block: Block) -> str:
    """A line "Tiêu chuẩn thí sinh:" inside a section opens a list of its own."""
    text = block.content.strip()
    if block.role == "heading" or not text.endswith(":"):
        return ""
    m = _rx("group_heading").match(text) or _rx("group_tail").search(text)
    return capital_first(m.group("group")) if m else ""


def _target_field(block: Block, heads: set[int]) -> tuple[str, Unit | None] | None:
    """A target list's line with lines of its own below it, led by a short name, names the
    list of those lines: "- Các sản phẩm trái cây: Tổng sản phẩm ... đạt 46.200 tấn" (its
    own targets follow the name), "- Nông nghiệp công nghệ cao" (a name alone). A time
    ("- Giai đoạn 2025-2027") or a "Chỉ tiêu 1:" label names no list."""
    unit = block_unit(block)
    if block.line.start not in heads or _rx("target_label").match(unit.text):
        return None
    m = re.match(r"([^:;\d]{3,80}):\s*", unit.text)
    name = m.group(1) if m else tidy(unit.text)
    alone = not m and not _target_value(name) and not unit.text.rstrip().endswith((".", ";"))
    if not (m or alone) or len(name.split()) > MAX_LABEL_WORDS or _rx("horizon").match(name.strip()):
        return None
    return capital_first(tidy(name)), unit.sub(m.end(), len(unit.text)) if m else None


def _label(heading: str) -> str:
    """A heading's name: before its colon, or before a ";" that stands for one."""
    label = heading.split(":")[0]
    head, semi, _ = label.partition(";")
    return tidy(head if semi and len(head.split()) <= 8 else label)


def _list_text(block: Block, target: str = "") -> Unit | None:
    """The criterion text of a block in a criteria section (a heading gives its text after the name).

    A line ending with ":" leads into the lines below it, unless in a target list it
    states figures before its lead-in ("... đạt 46.200 tấn. Một số sản phẩm chủ yếu:");
    so does a target list's line naming only a time ("- Giai đoạn 2025-2027").
    A paragraph that sends the reader elsewhere ("Thực hiện theo quy định tại Hướng dẫn
    số ...", "Các cơ quan căn cứ thành tích ... để bình xét") states no criterion.
    """
    unit = block_unit(block)
    if block.role == "heading":
        m = re.search(r":\s*", unit.text) or re.search(r";\s*", unit.text)
        if not m or (m.group(0)[0] == ";" and len(unit.text[:m.start()].split()) > 8):
            return Unit(block, "", unit.offset)
        unit = unit.sub(m.end(), len(unit.text))
    if target:
        lead_in = unit.text.rstrip().endswith(":") or _rx("horizon").match(tidy(unit.text))
        return None if lead_in and not _target_value(unit.text) else unit
    if unit.text.rstrip().endswith(":") or _rx("referral").search(unit.text):
        return None
    return unit


def _item_rows(doc_id: str, group: str, unit: Unit, target: str = "") -> list[Criterion]:
    """The item, cut before its quotas, one row per quota, and what follows the last quota;
    an item of a target list (``target``: the list's heading, also for its fields) keeps
    its figure."""
    if target:
        return _target_rows(doc_id, group, unit, target)
    label = _rx("enumerator").match(unit.text)
    unit = unit.sub(label.end(), len(unit.text)) if label else unit
    text = unit.text
    quotas = _quota_spans(text)
    if not quotas:
        return [_row(doc_id, group, unit, 0, len(text), "")]
    first = quotas[0][0]
    cut = text.rfind("(", 0, first + 1) if _depth(text, first) else first
    rows = [_row(doc_id, group, unit, 0, cut, "")] if tidy(text[:cut]) else []
    rows.extend(_row(doc_id, group, unit, a, b, value) for a, b, value in quotas)
    rest = re.match(r"[\s).,]*;[\s;]*", text[quotas[-1][1]:])  # a clause of its own after the last quota
    if rest and tidy(text[quotas[-1][1] + rest.end():]):
        rows.append(_row(doc_id, group, unit, quotas[-1][1] + rest.end(), len(text), ""))
    return rows


def _quota_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of each quota of an item.

    A quota in brackets ("(đại biểu điển hình khoảng 70%; ...)") is its clause there. Else it
    is its ";" clause, with the short names listed before it that it bounds ("Đối với Ban
    Tổ chức Tỉnh ủy; Công an tỉnh; ... mỗi đơn vị đề nghị không quá 01 tập thể") and a
    further count after a comma as a quota of its own (", 03 cá nhân").
    """
    spans: list[tuple[int, int, str]] = []
    for seg in _SEGMENT.finditer(text):
        if spans and seg.start() < spans[-1][1]:
            continue
        q = _quota(seg.group(0))
        if not q:
            continue
        if _depth(text, seg.start()):
            spans.append((seg.start(), seg.end(), _value(q)))
            continue
        start = _names_before(text, seg.start(), spans[-1][1] if spans else 0)
        end = _clause_end(text, seg.end())
        more = _rx("quota_more").search(text, seg.start() + q.end(), end)
        if more:
            spans.append((start, more.start(), _value(q)))
            spans.append((more.start("value"), end, _value(more)))
        else:
            spans.append((start, end, _value(q)))
    return spans


def _quota(segment: str) -> re.Match[str] | None:
    return (_rx("quota").search(segment) or _rx("quota_from").search(segment)
            or _rx("quota_count").search(segment) or _rx("quota_listed").match(segment))


def _depth(text: str, at: int) -> int:
    """How many brackets are open at ``at``."""
    return text.count("(", 0, at) - text.count(")", 0, at)


def _names_before(text: str, start: int, floor: int) -> int:
    """Start of the run of short ";"-separated names just before ``start`` (a quota's subject)."""
    while True:
        before = text[floor:start].rstrip()
        if not before.endswith(";"):
            return start
        piece_start = max(text.rfind(";", floor, floor + len(before) - 1) + 1, floor)
        piece = text[piece_start:floor + len(before) - 1]
        if not piece.strip() or len(piece.split()) > MAX_NAME_WORDS or "(" in piece or ")" in piece:
            return start
        start = piece_start + len(piece) - len(piece.lstrip())


def _clause_end(text: str, at: int) -> int:
    """End of the ";" clause holding ``at`` (a ";" inside brackets does not end it)."""
    for m in re.finditer(";", text[at:]):
        if not _depth(text, at + m.start()):
            return at + m.start()
    return len(text)


def _target_rows(doc_id: str, group: str, unit: Unit, target: str) -> list[Criterion]:
    """A listed target: a row per target it states, each with its figure.

    An item may state several ("... đạt 400 triệu USD, tăng bình quân 10 - 13%/năm"): a new
    one starts where a separator is followed by a figure or by what it measures. In a list
    of figures only (``figures_only``), sentences without a figure are no target; elsewhere
    an item without a figure is one row. A label numbering the target ("Chỉ tiêu 1:") is no
    part of its text, but makes the item a target.
    """
    label = _rx("target_label").match(unit.text) or _rx("enumerator").match(unit.text)
    begin = label.end() if label else 0
    figures_only = _rx("figures_only").match(target) and not _rx("target_label").match(unit.text)
    rows: list[Criterion] = []
    for start, end in _target_spans(unit.text, begin, bool(figures_only)):
        value = _target_value(unit.text[start:end])
        rows.append(_row(doc_id, group, unit, start, end, value))
    if rows or figures_only:
        return rows
    return [_row(doc_id, group, unit, begin, len(unit.text), "")]


def _target_spans(text: str, begin: int, figures_only: bool) -> list[tuple[int, int]]:
    """(start, end) of each target an item states; none when it states no figure.

    Pieces between the separators that open a new target are joined back to their
    neighbour when either holds no figure, so each span keeps one target's words; but a
    sentence that sets a figure of its own ("... sản phẩm. Trong đó, ít nhất 40% doanh
    nghiệp ...") is a target of its own, and the sentence before it stays one too, with
    or without a figure; so does a first ";" clause without a figure before a clause with
    one ("Hàng năm, giảm số người nghiện ma túy; phấn đấu đến năm 2030 đạt ít nhất 50% ...").
    """
    spans: list[tuple[int, int]] = []
    alone: set[int] = set()  # starts of spans a sentence of their own closes or opens
    for start, end in _sentence_runs(text, begin, figures_only):
        cuts = [(m, own) for m in _rx("target_separator").finditer(text, start, end)
                if (own := _own_sentence(text, m, end)) or _opens_target(text, m, end)]
        if cuts and ";" in cuts[0][0].group(0) and not _target_value(text[start:cuts[0][0].start()]):
            cuts[0] = (cuts[0][0], True)
        bounds = [start, *(x for m, _ in cuts for x in (m.start(), m.end())), end]
        pieces = list(zip(bounds[::2], bounds[1::2], strict=True))
        run: list[tuple[int, int]] = []
        for k, (a, b) in enumerate(pieces):
            opened = k > 0 and cuts[k - 1][1]
            if run and not opened and not (_target_value(text[a:b]) and _target_value(text[slice(*run[-1])])):
                run[-1] = (run[-1][0], b)
            else:
                run.append((a, b))
            if opened or (k < len(cuts) and cuts[k][1]):
                alone.add(run[-1][0])
        spans.extend(run)
    return [s for s in spans if _target_value(text[s[0]:s[1]]) or s[0] in alone]


def _opens_target(text: str, separator: re.Match[str], end: int) -> bool:
    """Whether a new target starts after ``separator``: with its figure or what it measures,
    after anything but a comma with its verb before a bound figure, and after a ";" with
    any clause that states its own figure ("...; số vụ phạm tội ... tăng trên 3%")."""
    if _rx("target_head").match(text, separator.end(), end):
        return True
    if ";" in separator.group(0):
        clause_end = text.find(";", separator.end(), end)
        return bool(_target_value(text[separator.end():end if clause_end < 0 else clause_end]))
    return "," not in separator.group(0) and bool(_rx("target_verb_head").match(text, separator.end(), end))


def _own_sentence(text: str, separator: re.Match[str], end: int) -> bool:
    """Whether ``separator`` ends a sentence and the next sets a figure of its own with its
    bound word ("Có ít nhất 03 cơ sở ...", "Quy mô kinh tế số đạt 40% GRDP"); a sentence
    that only scopes the one before ("Đối với một số ngành ... dưới 30% có thể điều chỉnh")
    sets none."""
    if separator.start() == 0 or text[separator.start() - 1] not in ".!?…":
        return False
    stop = re.search(r"[.!?…](?=\s)|;", text[separator.end():end])
    sentence = text[separator.end():separator.end() + stop.start() if stop else end]
    return not _rx("scope_opener").match(sentence) and bool(_rx("own_figure").search(sentence))


def _sentence_runs(text: str, begin: int, figures_only: bool) -> list[tuple[int, int]]:
    """Runs of consecutive sentences holding figures (the whole text unless ``figures_only``)."""
    if not figures_only:
        return [(begin, len(text))]
    runs: list[tuple[int, int]] = []
    for m in re.finditer(r"\S.*?(?:[.!?…](?=\s+\S)|$)", text[begin:]):
        start, end = begin + m.start(), begin + m.end()
        if not _target_value(m.group(0)):
            continue
        if runs and not text[runs[-1][1]:start].strip():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _target_value(text: str) -> str:
    """A target's figure: its first rate ("27%"), else the first count after a bound word."""
    rate = _rx("target_rate").search(text)
    m = rate or _rx("target_count").search(text)
    return _value(m) if m else ""


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
    """The figure as written, one space where the text has any, none before "%"."""
    return re.sub(r"\s+%", "%", " ".join(m.group("value").split()))


def _row(doc_id: str, group: str, unit: Unit, start: int, end: int, value: str) -> Criterion:
    return Criterion(doc_id=doc_id, section_id=unit.section_id, group=group,
                     text=tidy(unit.text[start:end]), value=value, span=unit.span(start, end))
