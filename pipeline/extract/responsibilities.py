"""Responsibilities: which body is given which task, and in what role (responsibilities.csv).

Plans assign work in two ways: a numbered item headed by a body ("3. Phòng Nội
vụ" with its tasks below), and a sentence whose subject is a body, anywhere in
the document ("Các cơ quan, đơn vị chủ động phát hiện ..."). Each statement
gets a role from its opening words (patterns/roles.yaml); rows are then one
per (body, role), as the contract asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from pipeline import patterns
from pipeline.extract.bodies import (
    Subject,
    find_subject,
    head_at,
    is_name_only,
    join_comma_names,
    normal,
    same_body,
    split_bodies,
    strip_role_note,
)
from pipeline.extract.common import (
    Unit,
    block_unit,
    capital_first,
    lower_first,
    sections_under,
    sentences,
    tidy,
)
from pipeline.extract.tables import split_cell_bodies, task_rows
from pipeline.lang.casing import expand_abbreviations
from pipeline.lang.tiers import tier_words
from pipeline.models import Block, BodyRole, Plan, Responsibility

# A task table's columns naming bodies, each named as the role it gives them.
_TABLE_ROLES: tuple[BodyRole, ...] = ("lead", "coordinate")


@dataclass(frozen=True)
class Owner:
    """The bodies a body section is about, whether they are only requested, and the
    heading's name for them as written (a deadline's `responsible` copies the text)."""

    bodies: tuple[str, ...]
    requested: bool
    written: str


@dataclass(frozen=True)
class _Rx:
    lead: re.Pattern[str]
    coordinate: re.Pattern[str]
    adverbs: re.Pattern[str]
    statement_prefix: re.Pattern[str]
    boilerplate: re.Pattern[str]
    requested: re.Pattern[str]
    attendance: re.Pattern[str]
    assignment: re.Pattern[str]
    executes: re.Pattern[str]
    executes_split: re.Pattern[str]
    partners: re.Pattern[str]
    lead_after_comma: re.Pattern[str]
    copula: re.Pattern[str]
    function_note: re.Pattern[str]
    quota: re.Pattern[str]


@cache
def _rx() -> _Rx:
    return _Rx(
        lead=patterns.regex("roles", "lead_statement"),
        coordinate=patterns.regex("roles", "coordinate_statement"),
        adverbs=patterns.regex("roles", "adverb_run"),
        statement_prefix=patterns.regex("roles", "statement_prefix"),
        boilerplate=patterns.regex("roles", "boilerplate"),
        requested=patterns.regex("roles", "requested_prefix"),
        attendance=patterns.regex("roles", "attendance_heading"),
        assignment=patterns.regex("roles", "assignment_label"),
        executes=patterns.regex("roles", "executes_decision"),
        executes_split=patterns.regex("roles", "executes_split"),
        lead_after_comma=patterns.regex("roles", "lead_after_comma"),
        copula=patterns.regex("roles", "copula"),
        function_note=patterns.regex("roles", "function_note"),
        quota=patterns.regex("roles", "quota"),
        partners=re.compile(r"phối hợp\s+(?:chặt chẽ\s+)?(?:với\s+)?(?P<named>[^;]*)", re.IGNORECASE),
    )


def executing_bodies(text: str) -> list[str]:
    """The bodies a decision's closing article charges with carrying it out, else []."""
    m = _rx().executes.match(text.strip())
    if not m:
        return []
    parts = []
    for piece in re.split(r"\s*;\s*", m.group("bodies")):
        # "Giám đốc các Sở: Tài chính, Tư pháp" names one office of several bodies: its
        # commas list the bodies, only "và các ..." after it is another addressee.
        split = re.compile(r"\s+và\s+(?=các\s)") if ":" in piece else _rx().executes_split
        parts.extend(split.split(piece))
    return [capital_first(tidy(p)) for p in parts if tidy(p)]


def assignment_line(text: str) -> tuple[BodyRole, str] | None:
    """(role, bodies) of a labelled assignment line ("Đơn vị chủ trì: Sở Nội vụ."), else None."""
    m = _rx().assignment.match(text.strip(" -–+•"))
    if not m:
        return None
    return patterns.load("roles")["assignment_roles"][m.group("verb").lower()], m.group("bodies")


def role_of(statement: str) -> BodyRole:
    """lead / coordinate / assigned from the words that open a task statement."""
    rx = _rx()
    text = rx.statement_prefix.sub("", statement.strip(" -–:,"), count=1)
    text = rx.adverbs.sub("", text, count=1) if rx.adverbs.match(text) else text
    if rx.lead.match(text):
        return "lead"
    if rx.coordinate.match(text):
        return "coordinate"
    return "assigned"


def clause_roles(statement: str) -> list[BodyRole]:
    """The roles of a subject's statement: its first clause's, and lead or coordinate
    when a later clause opens with one.

    "bảo đảm kinh phí ...; phối hợp với Phòng Tham mưu ..." gives the body a
    task of its own and a part in another's: assigned and coordinate. A later
    clause of plain work ("...; báo cáo kết quả") is part of the first task.
    A clause with a subject of its own belongs to that subject.
    """
    roles = [role_of(statement)]
    for clause in statement.split(";")[1:]:
        if find_subject(clause.strip()):
            break
        role = role_of(clause)
        if role != "assigned" and role not in roles:
            roles.append(role)
    if "lead" not in roles and _rx().lead_after_comma.search(statement.split(";")[0]):
        roles.append("lead")  # "chịu trách nhiệm chỉ đạo chung, chủ trì các hội nghị"
    return roles


def is_boilerplate(sentence: str) -> bool:
    """The closing formula ("Trên đây là ...", "đề nghị ... nghiêm túc thực hiện")."""
    return bool(_rx().boilerplate.search(sentence.strip()))


def find_responsibilities(plan: Plan) -> tuple[Responsibility, ...]:
    """One row per (body, role), in order of first mention."""
    owners = section_owners(plan)
    rows: list[Responsibility] = []
    lists = _attendance_sections(plan)
    for block in plan.blocks_with_role("heading", "item", "body"):
        if block.section_id not in lists:
            rows.extend(_block_rows(plan.doc_id, block, owners))
    rows.extend(_silent_owners(plan, owners, rows))
    rows.extend(_table_rows(plan))
    return _dedupe(rows)


def _attendance_sections(plan: Plan) -> set[str]:
    """Sections that list who attends or who is covered, and their subsections."""
    return sections_under(plan, _rx().attendance)


def section_owners(plan: Plan) -> dict[str, tuple[Owner, str]]:
    """Sections headed by a body: section_id -> (owner, the heading's own statement)."""
    out = {}
    for block in plan.blocks_with_role("heading"):
        found = _heading_owner(plan, block)
        if found and not found[0].requested and _opens_with_request(plan, block.section_id):
            found = (replace(found[0], requested=True), found[1])
        if found:
            out[block.section_id] = found
    return out


def _opens_with_request(plan: Plan, section_id: str) -> bool:
    """A body heading whose first line asks ("Đề nghị quan tâm phối hợp ...:") addresses
    bodies outside the issuer's command: everything under it is requested."""
    first = next((b for b in plan.blocks if b.section_id == section_id and b.role in ("body", "item")),
                 None)
    return bool(first and _rx().requested.match(first.content.strip()))


def _heading_owner(plan: Plan, block: Block) -> tuple[Owner, str] | None:
    content = block.content.strip()
    if role_of(content) != "assigned":
        return None  # "a) Chủ trì, phối hợp với các sở ...": the role of the body heading above
    if executing_bodies(content):
        return None  # "Điều 3. Chánh Văn phòng ..., Giám đốc ... chịu trách nhiệm thi hành": one statement
    label, _, after = content.partition(":")
    requested = bool(_rx().requested.match(label))
    name = strip_role_note(_rx().requested.sub("", label, count=1))
    if re.fullmatch(r"(?:Kính\s+)?Đề nghị", label.strip()) and any(
            head_at(part) >= 0 for part in split_bodies(tidy(after))):
        # "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh": the bodies follow the colon.
        named = tidy(after)
        return Owner(tuple(split_bodies(named)), True, named), ""
    sub = block.section_id + "."
    has_children = any((b.section_id == block.section_id or b.section_id.startswith(sub))
                       and b is not block for b in plan.blocks)
    if head_at(name) >= 0 and (after or has_children) and is_name_only(name):
        return Owner(tuple(split_bodies(tidy(name))), requested, tidy(name)), after.strip()
    subject = find_subject(content)
    if subject and subject.prefix in ("", "requested"):
        owner = Owner(tuple(split_bodies(tidy(subject.body))), subject.prefix == "requested",
                      tidy(subject.body))
        return owner, subject.rest
    return None


def owner_of(section_id: str, owners: dict[str, tuple[Owner, str]]) -> Owner | None:
    parts = section_id.split(".")
    for n in range(len(parts), 0, -1):
        found = owners.get(".".join(parts[:n]))
        if found:
            return found[0]
    return None


def _block_rows(doc_id: str, block: Block, owners: dict[str, tuple[Owner, str]]
                ) -> list[Responsibility]:
    unit = block_unit(block)
    owner = owner_of(block.section_id, owners)
    own = owners.get(block.section_id)
    if block.role == "heading":
        if not own:
            colon = None if executing_bodies(unit.text) else re.search(r":\s*", unit.text)
            at = colon.end() if colon else 0
            # A subitem's heading ("a) Chủ trì, phối hợp với ...", "b) Định kỳ tổng hợp báo cáo")
            # is a task of the body heading above it.
            return _sentence_rows(doc_id, unit.sub(at, len(unit.text)), owner, skip_first=False)
        statement = own[1]
        if not statement:
            return []
        at = unit.text.rfind(statement)
        unit = unit.sub(max(at, 0), len(unit.text))
    return _sentence_rows(doc_id, unit, owner, skip_first=False)


def _sentence_rows(doc_id: str, unit: Unit, owner: Owner | None, skip_first: bool
                   ) -> list[Responsibility]:
    rows = []
    for sentence in sentences(unit)[int(skip_first):]:
        text = sentence.text
        if is_boilerplate(text):
            continue
        if labelled := assignment_line(text):
            rows.extend(_labelled_rows(doc_id, sentence, *labelled))
            continue
        if executing := executing_bodies(text):
            rows.extend(_row(doc_id, sentence, body, "assigned", "thi hành Quyết định")
                        for body in executing)
            continue
        subject = find_subject(text)
        if subject and subject.prefix != "topic" and owner and any(
                same_body(subject.body, b) for b in owner.bodies):
            rows.extend(_one_of_owners(doc_id, sentence, subject, owner))
            continue
        if subject and (_rx().copula.match(subject.rest) and role_of(subject.rest) == "assigned"
                        or _rx().quota.match(subject.rest)):
            continue  # "Trưởng Ban là Chủ tịch UBND tỉnh", "Mỗi xã chọn 02 trường hợp": no task
        if subject:
            roles: list[BodyRole] = (["requested"] if subject.prefix == "requested"
                                     else clause_roles(subject.rest))
            for body in split_bodies(tidy(subject.body)):
                rows.extend(_row(doc_id, sentence, body, role, subject.rest) for role in roles)
        elif owner:
            roles = ["requested"] if owner.requested else clause_roles(text)
            rows.extend(_row(doc_id, sentence, body, role, text)
                        for body in owner.bodies for role in roles)
    return rows


def _one_of_owners(doc_id: str, unit: Unit, subject: Subject, owner: Owner) -> list[Responsibility]:
    """A statement whose subject is the heading's body, or one of its bodies ("2. Sở Khoa học và
    Công nghệ, Sở Nội vụ" then "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ ..."):
    the role comes from the words after the subject; the heading's other bodies named as its
    partners coordinate."""
    own = [b for b in owner.bodies if same_body(subject.body, b)]
    roles: list[BodyRole] = ["requested"] if owner.requested else clause_roles(subject.rest)
    rows = [_row(doc_id, unit, body, role, subject.rest) for body in own for role in roles]
    partners = _rx().partners.search(subject.rest)
    named = normal(partners.group("named")) if partners else ""
    rows.extend(_row(doc_id, unit, body, "coordinate", subject.rest)
                for body in owner.bodies if body not in own and named and normal(body) in named)
    return rows


def _labelled_rows(doc_id: str, unit: Unit, role: BodyRole, named: str) -> list[Responsibility]:
    """Rows of a labelled line. After "Cơ quan thực hiện:" a clause may be a statement of
    its own ("Sở Nội vụ chủ trì tham mưu ...; Sở Tư pháp ... chủ động triển khai"): its
    subject's verb gives the role; a bare list of bodies takes the label's role."""
    rows: list[Responsibility] = []
    for clause in (_rx().function_note.sub("", c).strip() for c in named.split(";")):
        subject = find_subject(clause)
        if subject and subject.rest.strip(" .") and subject.prefix in ("", "assigned"):
            roles = clause_roles(subject.rest) if role == "assigned" else [role]
            rows.extend(_row(doc_id, unit, body, r, subject.rest)
                        for body in split_bodies(tidy(subject.body)) for r in roles)
        else:
            rows.extend(_row(doc_id, unit, body, role, "") for body in _listed_bodies(clause))
    return rows


def _listed_bodies(text: str) -> list[str]:
    """The bodies a cell or a labelled line lists: split where a cell splits, then where a
    subject's list splits ("Trung tâm ... (Sở Nội vụ), Ủy ban nhân dân xã và các cơ quan ...")."""
    return [body for part in join_comma_names(split_cell_bodies(text)) for body in split_bodies(part)]


def _table_rows(plan: Plan) -> Iterator[Responsibility]:
    """Bodies in a task table's lead and partner columns: lead and coordinate."""
    for row in task_rows(plan):
        task = lower_first(row.text("task"))
        for role in _TABLE_ROLES:
            cell = row.cells.get(role)
            if cell is None:
                continue
            for body in _listed_bodies(cell.text):
                yield _row(plan.doc_id, cell, body, role, task)


def _silent_owners(plan: Plan, owners: dict[str, tuple[Owner, str]],
                   rows: list[Responsibility]) -> list[Responsibility]:
    """A body heading with no statement of its own below it is still given the item's work."""
    named = {normal(r.body) for r in rows}
    out = []
    for block in plan.blocks_with_role("heading"):
        found = owners.get(block.section_id)
        if not found:
            continue
        owner = found[0]
        role: BodyRole = "requested" if owner.requested else "assigned"
        for body in owner.bodies:
            if normal(body) not in named:
                out.append(_row(plan.doc_id, block_unit(block), body, role, ""))
    return out


def _row(doc_id: str, unit: Unit, body: str, role: BodyRole, task: str) -> Responsibility:
    body = tidy(body)
    return Responsibility(doc_id=doc_id, section_id=unit.section_id, body=body,
                          body_full=expand_abbreviations(body), role=role, task=tidy(task),
                          span=unit.span())


def _dedupe(rows: list[Responsibility]) -> tuple[Responsibility, ...]:
    """One row per (body, role); a body named once without its tier word takes the fuller name."""
    names = [r.body for r in rows]
    # A name written in full stands for its abbreviated spellings ("Sở KH&CN").
    written_out: dict[str, str] = {}
    for name in names:
        if expand_abbreviations(name) == name:
            written_out.setdefault(normal(name), name)
    out, seen = [], set()
    for row in rows:
        body = _fuller(row.body, names)
        if expand_abbreviations(body) != body:
            body = written_out.get(normal(expand_abbreviations(body)), body)
        key = (normal(body), row.role)
        if key in seen:
            continue
        seen.add(key)
        out.append(row if body == row.body else replace(
            row, body=body, body_full=expand_abbreviations(body)))
    return tuple(out)


def _fuller(body: str, names: list[str]) -> str:
    low = normal(body)
    for other in names:
        rest = normal(other)[len(low):].strip()
        if normal(other).startswith(low + " ") and rest in tier_words():
            return other
    return body
