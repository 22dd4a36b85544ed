"""What a task statement says of its bodies: their role, and the bodies that head sections.

Shared by the extractors that name who does a task (responsibilities.csv and the
``responsible`` of deadlines.csv): a statement's role from its opening words
(patterns/roles.yaml), labelled assignment lines ("Đơn vị chủ trì: ..."), a
decision's closing article, and the owner of each section headed by a body
("3. Phòng Nội vụ:" over its tasks), which every line under it inherits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pipeline import patterns
from pipeline.extract.bodies import (
    find_subject,
    head_at,
    is_name_only,
    split_bodies,
    strip_role_note,
)
from pipeline.extract.common import capital_first, tidy
from pipeline.models import Block, BodyRole, Plan


@dataclass(frozen=True)
class Owner:
    """The bodies a body section is about, whether they are only requested, and the
    heading's name for them as written (a deadline's `responsible` copies the text)."""

    bodies: tuple[str, ...]
    requested: bool
    written: str


@dataclass(frozen=True)
class StatementPatterns:
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
def statement_patterns() -> StatementPatterns:
    return StatementPatterns(
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
    m = statement_patterns().executes.match(text.strip())
    if not m:
        return []
    parts = []
    for piece in re.split(r"\s*;\s*", m.group("bodies")):
        # "Giám đốc các Sở: Tài chính, Tư pháp" names one office of several bodies: its
        # commas list the bodies, only "và các ..." after it is another addressee.
        split = re.compile(r"\s+và\s+(?=các\s)") if ":" in piece else statement_patterns().executes_split
        parts.extend(split.split(piece))
    return [capital_first(tidy(p)) for p in parts if tidy(p)]


def assignment_line(text: str) -> tuple[BodyRole, str] | None:
    """(role, bodies) of a labelled assignment line ("Đơn vị chủ trì: Sở Nội vụ."), else None."""
    m = statement_patterns().assignment.match(text.strip(" -–+•"))
    if not m:
        return None
    return patterns.load("roles")["assignment_roles"][m.group("verb").lower()], m.group("bodies")


def role_of(statement: str) -> BodyRole:
    """lead / coordinate / assigned from the words that open a task statement."""
    rx = statement_patterns()
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
    if "lead" not in roles and statement_patterns().lead_after_comma.search(statement.split(";")[0]):
        roles.append("lead")  # "chịu trách nhiệm chỉ đạo chung, chủ trì các hội nghị"
    return roles


def is_boilerplate(sentence: str) -> bool:
    """The closing formula ("Trên đây là ...", "đề nghị ... nghiêm túc thực hiện")."""
    return bool(statement_patterns().boilerplate.search(sentence.strip()))


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
    return bool(first and statement_patterns().requested.match(first.content.strip()))


def _heading_owner(plan: Plan, block: Block) -> tuple[Owner, str] | None:
    content = block.content.strip()
    if role_of(content) != "assigned":
        return None  # "a) Chủ trì, phối hợp với các sở ...": the role of the body heading above
    if executing_bodies(content):
        return None  # "Điều 3. Chánh Văn phòng ..., Giám đốc ... chịu trách nhiệm thi hành": one statement
    label, _, after = content.partition(":")
    requested = bool(statement_patterns().requested.match(label))
    name = strip_role_note(statement_patterns().requested.sub("", label, count=1))
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
