"""Deadlines: dated obligations (deadlines.csv).

Only a time phrase with its trigger word is a bound ("trước ngày 15/8/2025",
"trong Quý I năm 2020", "định kỳ hằng quý"); a bare date is a signing date, a
cited document's date or an anniversary and is never taken. The phrases are
data (patterns/deadline_phrases.yaml). The task is the clause the bound sits
in; the responsible body is the sentence's subject, else the subject of the
item's first sentence, else the body heading the section, else nobody (never
the issuer by default).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline import patterns
from pipeline.extract.analysis import Analysis
from pipeline.extract.bodies import find_subject
from pipeline.extract.common import (
    Unit,
    block_unit,
    body_units,
    lower_first,
    sections_under,
    tidy,
)
from pipeline.extract.statements import assignment_line, owner_of
from pipeline.extract.tables import cell_rules, month_list
from pipeline.lang.dates import DATE_ANY, month_end, parse_date_or_day, quarter_end, quarter_number
from pipeline.models import Deadline, DeadlineKind, Plan

# The year a title plans for ("... NĂM 2026", often in capitals), not a horizon ("ĐẾN NĂM 2035")
# nor a cited document's date ("NGÀY 01 THÁNG 02 NĂM 2019").
_TITLE_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!\d )\bnăm\s+(\d{4})\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Bound:
    date: str
    period: str
    kind: DeadlineKind
    start: int
    end: int


@cache
def _rules() -> tuple[tuple[DeadlineKind, re.Pattern[str]], ...]:
    rules = patterns.load("deadline_phrases")["rules"]
    return tuple((kind, patterns.regex("deadline_phrases", "rules", kind, i))
                 for kind, listed in rules.items() for i in range(len(listed)))


def find_deadlines(plan: Plan, analysis: Analysis | None = None) -> tuple[Deadline, ...]:
    """Every bound in the preamble and outline, with its task and responsible body."""
    analysis = analysis or Analysis(plan)
    year = _implied_year(plan)
    items = _Items()
    targets = sections_under(plan, _target_heading())
    roadmap = sections_under(plan, _phrase("roadmap_heading"))
    for unit in _units(plan):
        sid = unit.section_id
        phase = _phase(unit, year) if sid in roadmap else []
        for sentence in analysis.sentences(unit):
            label = _TIME_LABEL.match(sentence.text)
            if sid in targets and not label:
                continue  # a dated target ("Đến hết năm 2030: 100% ...") is a criterion, not a task's bound
            if labelled := assignment_line(sentence.text):
                if labelled[0] in ("lead", "assigned"):
                    items.lead_line(sid, tidy(labelled[1]))
                continue
            opening = phase if sentence.offset == unit.offset else []
            bounds = (_bounds(sentence.text, year) or _labelled_bounds(sentence.text, label, year)
                      or _trailing_bounds(sentence, unit, year) or opening)
            responsible = _responsible(sentence, unit, analysis) if bounds else ""
            for bound in bounds:
                items.add(_row(plan.doc_id, sentence, bound, responsible), bool(label))
            if not label and not _TIME_HEADING.match(sentence.text) and not _attribute(sentence.text):
                items.task_line(sid, lower_first(tidy(sentence.text)))
    rows = (*items.rows, *_table_deadlines(analysis, year))
    return tuple(row for row in rows if not _ended_before(row, plan.meta.issue_date))


def _ended_before(row: Deadline, issued: str) -> bool:
    """A span or a day that was over when the document was signed recounts what happened
    ("Từ ngày 15/11 đến ngày 20/11/2025, trên địa bàn tỉnh xảy ra đợt mưa lớn", "được ký
    ... vào ngày 31/10/2022") or who qualifies ("thời gian đóng bảo hiểm từ ngày 01/01/1995
    đến ngày 31/12/2006"): it bounds no task. A late deadline ("trước ngày 15/11" in a plan
    signed on 21/11), a start the plan reaches back to ("Từ 01/7/2025") and a month, quarter
    or year named as a task's time still do; a limit in a year before the document's
    ("sử dụng đất trước ngày 01 tháng 7 năm 2014") says who qualifies, not by when to act."""
    if not row.date or not issued:
        return False
    if row.kind == "by":  # "đã từ trần trước ngày 01 tháng 01 năm 2009": who qualifies
        return row.date[:4] < issued[:4]
    day = row.kind == "within" and not row.period and not row.raw.lower().startswith("từ")
    return (row.kind == "until" or day) and row.date < issued


@cache
def _attribute_line() -> re.Pattern[str]:
    return patterns.regex("deadline_phrases", "item_attribute")


@cache
def _phrase(key: str) -> re.Pattern[str]:
    return patterns.regex("deadline_phrases", key)


def _phase(unit: Unit, year: int | None) -> list[_Bound]:
    """The bound a roadmap's line opens with: a phase's heading sets it on the tasks under
    it ("1. Giai đoạn 2025 - 2030", "1.1. Giai đoạn 1 (2026 - 2027) - ...", until its last
    year); a line led by its time before a colon sets it on its own task ("- Tháng 6/2026:
    Chính thức triển khai ...", "(1) Năm 2026:"), read as a table's time cell."""
    m = _phrase("phase_heading").match(unit.text) if unit.block.role == "heading" else None
    m = m or _phrase("time_lead").match(unit.text)
    bound = _cell_bound(m.group("years"), year) if m else None
    return [replace(bound, start=m.start("raw"), end=m.end("raw"))] if m and bound else []


def _attribute(text: str) -> bool:
    """An item's line saying who attends or what comes out ("- Thành phần: ...") is no new task."""
    return bool(_attribute_line().match(text))


@dataclass
class _Items:
    """The rows found so far, and what each section's current item said of its task.

    An item's lines ("- Thời gian: Quý I/2026", "- Đơn vị chủ trì: Sở Y tế") belong to the
    task line above them, in whatever order they come.
    """

    rows: list[Deadline] = field(default_factory=list)
    lead: dict[str, str] = field(default_factory=dict)  # section -> its "Đơn vị chủ trì: ..." bodies
    task: dict[str, str] = field(default_factory=dict)  # section -> its last line that is a task
    waiting: dict[str, list[int]] = field(default_factory=dict)  # time lines before the item's lead

    def add(self, row: Deadline, time_line: bool) -> None:
        sid = row.section_id
        if time_line and sid in self.task:  # an item's time line: its task, its lead
            row = replace(row, task=self.task[sid], responsible=self.lead.get(sid, row.responsible))
            if not row.responsible:
                self.waiting.setdefault(sid, []).append(len(self.rows))
        self.rows.append(row)

    def lead_line(self, sid: str, bodies: str) -> None:
        self.lead[sid] = bodies
        for i in self.waiting.pop(sid, []):
            self.rows[i] = replace(self.rows[i], responsible=bodies)

    def task_line(self, sid: str, text: str) -> None:
        self.task[sid] = text
        self.lead.pop(sid, None)
        self.waiting.pop(sid, None)


def _units(plan: Plan) -> Iterator[Unit]:
    """The outline's lines, then the closing summary before the signature, which often
    states the reporting rhythm ("Trên đây là Kế hoạch ... Định kỳ hằng năm (trước ngày 30
    tháng 11) báo cáo ...")."""
    yield from body_units(plan)
    for block in plan.blocks:
        if block.role == "closing" and _CLOSING_SUMMARY.match(block.content):
            yield block_unit(block)


_CLOSING_SUMMARY = re.compile(r"^\s*Trên đây là\b", re.IGNORECASE)
# An item's time line: "Thời gian thực hiện: Quý I/2026", "Lộ trình thực hiện: Năm 2025 - 2026".
_TIME_LABEL = re.compile(r"^\s*[-–+•]?\s*(?:Thời (?:gian|hạn)|Lộ trình|Tiến độ)"
                         r"(?:\s+(?:thực hiện|hoàn thành|triển khai))?\s*:\s*", re.IGNORECASE)


# A section headed by its time ("III. THỜI GIAN THỰC HIỆN") holds the plan's timeframe, no task.
_TIME_HEADING = re.compile(r"^\s*thời (?:gian|hạn)\b", re.IGNORECASE)


@cache
def _target_heading() -> re.Pattern[str]:
    """Headings of target lists, as criteria.yaml names them (their items are criteria)."""
    return patterns.regex("criteria", "target_groups")


def _labelled_bounds(text: str, label: re.Match[str] | None, year: int | None) -> list[_Bound]:
    """The bound of an item's time line ("Thời gian thực hiện: Quý I/2026"), read like a
    table's time cell: the label says it is a bound, so "Năm 2026" needs no trigger word."""
    if not label:
        return []
    bound = _cell_bound(text[label.end():], year)
    return [replace(bound, start=bound.start + label.end(), end=bound.end + label.end())] if bound else []


def _trailing_bounds(sentence: Unit, unit: Unit, year: int | None) -> list[_Bound]:
    """The years a listed task closes with, in brackets: "... tiến tới thí điểm (2025 - 2026).",
    "(2026 trở đi)", "(xuyên suốt 2025 - 2035)"."""
    closes_unit = sentence.offset + len(sentence.text) >= unit.offset + len(unit.text.rstrip())
    if unit.block.role not in ("item", "heading") or not closes_unit:
        return []
    m = _TRAILING_YEARS.search(sentence.text)
    if not m or _TERM_BEFORE.search(sentence.text, 0, m.start()):
        return []
    bound = _cell_bound(m.group("raw"), year)
    return [replace(bound, start=m.start("raw"), end=m.end("raw"))] if bound else []


_TRAILING_YEARS = re.compile(r"\(\s*(?:xuyên suốt\s+|giai đoạn\s+|từ\s+)?(?P<raw>(?:năm\s+)?\d{4}"
                             r"(?:\s*[-–]\s*\d{4}|\s+trở\s+đi))\s*\)\s*[.;]?\s*$", re.IGNORECASE)


# Years that name an event's term or a span looked back on, not the task's time:
# "Hội nghị ... lần thứ I (2025-2030).", "báo cáo tổng kết ... 05 năm (2020-2025);".
_TERM_BEFORE = re.compile(r"(?:lần thứ\s+\w+|nhiệm kỳ|khóa\s+\w+|\d+\s+năm|giai đoạn)\s*$", re.IGNORECASE)


def _table_deadlines(analysis: Analysis, year: int | None) -> Iterator[Deadline]:
    """A task table's time cells: the column makes "Quý II/2026" a bound without a trigger word."""
    plan = analysis.plan
    for row in analysis.task_rows:
        cell = row.cells.get("time")
        if cell is None or not cell.text.strip():
            continue
        for bound in _cell_bounds(cell.text, year):
            yield Deadline(doc_id=plan.doc_id, section_id=cell.section_id, date=bound.date,
                           period=bound.period, kind=bound.kind,
                           task=lower_first(row.text("task")), responsible=row.text("lead"),
                           raw=tidy(cell.text), span=cell.span(bound.start, bound.end))


def _cell_bounds(text: str, year: int | None) -> list[_Bound]:
    """The bounds of a time cell: one, or a month each where it lists months ("02 tháng
    (tháng 4 và tháng 8)")."""
    if not month_list().match(text):
        bound = _cell_bound(text, year)
        return [bound] if bound else []
    y = int(m.group(1)) if (m := re.search(r"\d{4}", text)) else year
    if y is None:
        return []
    return [_Bound(month_end(y, int(m.group(1))), f"{y}-{int(m.group(1)):02d}", "within", m.start(), m.end())
            for m in re.finditer(r"tháng\s+(1[0-2]|0?[1-9])(?!\d)", text) if m.start() > text.find("(")]


def _cell_bound(text: str, year: int | None) -> _Bound | None:
    """The bound a time cell states: a phrase with its trigger, else the cell as a whole."""
    found = _bounds(text, year)
    if found:
        return found[0]
    for kind, rx in cell_rules():
        m = rx.match(text)
        if m and (bound := _bound(kind, m, year)):
            return replace(bound, start=len(text) - len(text.lstrip()), end=len(text.rstrip()))
    return None


def _implied_year(plan: Plan) -> int | None:
    """The year a date written without one belongs to: the plan's year, else its own."""
    years = _TITLE_YEAR.findall(plan.meta.title)
    if len(set(years)) == 1:
        return int(years[0])
    if plan.meta.issue_date:
        return int(plan.meta.issue_date[:4])
    found = Counter(m.group(0)[-4:] for m in DATE_ANY.finditer(plan.text.string))
    return int(found.most_common(1)[0][0]) if found else None


def _bounds(text: str, year: int | None) -> list[_Bound]:
    """Bounds in a sentence, longest first where two phrases overlap."""
    found = []
    for kind, rx in _rules():
        for m in rx.finditer(text):
            bound = _bound(kind, m, year)
            if bound:
                found.append(bound)
    found = [b for b in found
             if not (text[b.start:b.start + 2].lower() == "từ" and _IN_FORCE.search(text, 0, b.start))
             and not _AS_OF.search(text, 0, b.start)
             and not (b.kind == "periodic" and _benefit_before().search(text, 0, b.start))]
    found.sort(key=lambda b: (b.start, -(b.end - b.start), b.kind != "periodic"))
    out: list[_Bound] = []
    for b in found:
        if not out or b.start >= out[-1].end:
            out.append(b)
    return out


@cache
def _benefit_before() -> re.Pattern[str]:
    return patterns.regex("deadline_phrases", "benefit_before")


# "có hiệu lực (thi hành) từ ngày ...": when a text comes into force, not a task's bound
# (but "hồ sơ còn hiệu lực trước ngày 30/6" is one).
_IN_FORCE = re.compile(r"hiệu lực(?:\s+thi hành)?(?:\s+kể)?\s*$")
# "Tính đến hết ngày 31/10/2025, giải ngân đạt 72,4%": the date a figure is counted at.
_AS_OF = re.compile(r"\btính\s*$", re.IGNORECASE)
# A month whose year stands after a second month ("vào tháng 4 và tháng 8 năm 2026").
_LATER_YEAR = re.compile(r"\s*(?:và|,|-|–|đến)\s*tháng\s+\d{1,2}\s*(?:năm|/)\s*(\d{4})")


def _bound(kind: DeadlineKind, m: re.Match[str], year: int | None) -> _Bound | None:
    groups = m.groupdict()
    if groups.get("m") and not groups.get("y") and (later := _LATER_YEAR.match(m.string, m.end())):
        year = int(later.group(1))
    start, end = m.span("raw") if groups.get("raw") else m.span()
    if kind == "periodic":
        return _Bound("", _rhythm(groups), kind, start, end)
    y = int(groups["y"]) if groups.get("y") else year
    if groups.get("date"):
        words = groups["date"] if "/" in groups["date"] else f"ngày {groups['date']}"
        date = parse_date_or_day(words, y)[0]
        return _Bound(date, "", kind, start, end) if date else None
    if y is None:
        return None
    if groups.get("q"):
        q = quarter_number(groups["q"])
        return _Bound(quarter_end(y, q), f"{y}-Q{q}", kind, start, end) if q else None
    if groups.get("m"):
        month = int(groups["m"])
        return _Bound(month_end(y, month), f"{y}-{month:02d}", kind, start, end)
    return _Bound(f"{y}-12-31", str(y), kind, start, end)


def _rhythm(groups: dict[str, str | None]) -> str:
    """A periodic rule's rhythm: its `unit`, "6 tháng", else yearly (a day of the year
    that "định kỳ" brings back: "định kỳ báo cáo ... trước ngày 20/11")."""
    if groups.get("six"):
        return "half-yearly"
    units = patterns.load("deadline_phrases")["units"]
    return units[unit.lower()] if (unit := groups.get("unit")) else units["năm"]


def _task(sentence: str, bound: _Bound) -> str:
    """The clause that holds the bound, without the bound."""
    table = patterns.load("deadline_phrases")
    clause_start = sentence.rfind(";", 0, bound.start) + 1
    clause_end = sentence.find(";", bound.end)
    clause_end = len(sentence) if clause_end < 0 else clause_end
    text = sentence[clause_start:bound.start] + " " + sentence[bound.end:clause_end]
    text = tidy(re.sub(r"\(\s*\)", "", text).replace(" ,", ",").lstrip(" -–"))
    label, colon, rest = text.partition(":")
    if colon and tidy(label).casefold() in table["timeframe_labels"]:
        text = tidy(rest)
    if text.casefold() in table["timeframe_labels"]:
        return table["timeframe_task"]
    subject = find_subject(text)
    return lower_first(tidy(subject.rest) if subject and subject.rest else text)


def _responsible(sentence: Unit, unit: Unit, analysis: Analysis) -> str:
    """The sentence's subject, the item's subject, or the body heading the section."""
    for text in (sentence.text, analysis.sentences(unit)[0].text):
        subject = find_subject(text)
        if subject:
            return tidy(subject.body)
    owner = owner_of(unit.section_id, analysis.owners)
    return owner.written if owner else ""


def _row(doc_id: str, sentence: Unit, bound: _Bound, responsible: str) -> Deadline:
    return Deadline(doc_id=doc_id, section_id=sentence.section_id, date=bound.date,
                    period=bound.period, kind=bound.kind, task=_task(sentence.text, bound),
                    responsible=responsible, raw=tidy(sentence.text[bound.start:bound.end]),
                    span=sentence.span(bound.start, bound.end))
