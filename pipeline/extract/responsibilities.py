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
from dataclasses import replace

from pipeline import patterns
from pipeline.extract.analysis import Analysis
from pipeline.extract.bodies import (
    Subject,
    body_key,
    find_subject,
    join_comma_names,
    names_a_body,
    normal,
    same_body,
    short_names,
    split_bodies,
    split_glued,
    states_a_task,
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
from pipeline.extract.statements import (
    Owner,
    Owners,
    assignment_line,
    clause_roles,
    duty_line,
    empty_label,
    executing_bodies,
    is_boilerplate,
    role_of,
    statement_patterns,
)
from pipeline.extract.tables import Row, split_cell_bodies
from pipeline.lang.casing import expand_abbreviations
from pipeline.lang.tiers import tier_words
from pipeline.models import Block, BodyRole, Plan, Responsibility

# A task table's columns naming bodies, each named as the role it gives them.
_TABLE_ROLES: tuple[BodyRole, ...] = ("lead", "coordinate")


def find_responsibilities(plan: Plan, analysis: Analysis | None = None) -> tuple[Responsibility, ...]:
    """One row per (body, role), in order of first mention."""
    analysis = analysis or Analysis(plan)
    owners = analysis.owners
    rows: list[Responsibility] = []
    lists = _attendance_sections(plan)
    for block in plan.blocks_with_role("heading", "item", "body"):
        if block.section_id not in lists:
            rows.extend(_block_rows(plan.doc_id, block, owners))
    for block in (*plan.blocks_with_role("preamble"), *_closing_paragraph(plan)):
        rows.extend(_outside_items(plan.doc_id, block))
    rows.extend(_silent_owners(plan, owners, rows, lists))
    rows.extend(_table_rows(plan.doc_id, analysis.task_rows))
    return _dedupe(_named_in_full(rows, short_names(plan)), plan)


def _named_in_full(rows: list[Responsibility], full: dict[str, str]) -> list[Responsibility]:
    """Rows naming a body by the short name the document gave it, named in full."""
    out = []
    for r in rows:
        name = full.get(normal(r.body))
        out.append(replace(r, body=name, body_full=expand_abbreviations(name)) if name else r)
    return out


def _attendance_sections(plan: Plan) -> set[str]:
    """Sections that list who attends or who is covered, and their subsections."""
    return sections_under(plan, statement_patterns().attendance)


def _block_rows(doc_id: str, block: Block, owners: Owners) -> list[Responsibility]:
    unit = block_unit(block)
    owner = owners.at(block)
    own = owners.own(block) if block.role == "heading" else None
    if block.role == "heading":
        if statement_patterns().quota.match(unit.text):
            return []  # "b) Đối với xã, phường: Mỗi xã, phường chọn 02 trường hợp": a quota
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
    return _sentence_rows(doc_id, unit, owner, skip_first=False, listed=owners.listed_role(block))


def _sentence_rows(doc_id: str, unit: Unit, owner: Owner | None, skip_first: bool,
                   listed: BodyRole = "assigned") -> list[Responsibility]:
    rows: list[Responsibility] = []
    asked = False  # a request ("Đề nghị ...") goes on to the sentences after it in the item
    for sentence in sentences(unit)[int(skip_first):]:
        text = sentence.text
        if executing := _executing_rows(doc_id, sentence):
            # before the closing formula: a directive's closing paragraph may ask its bodies to
            # carry it out ("Trên đây là Chỉ thị ..., yêu cầu ... thực hiện nghiêm túc Chỉ thị này")
            rows.extend(executing)
            continue
        if is_boilerplate(text) or empty_label(text):
            continue
        if labelled := assignment_line(text):
            rows.extend(_labelled_rows(doc_id, sentence, *labelled))
            continue
        if office := duty_line(text, owner):
            name, duties = office
            rows.extend(_row(doc_id, sentence, name, role, duties) for role in clause_roles(duties))
            continue
        subject = _relayed(find_subject(text))
        rx = statement_patterns()
        if subject and subject.prefix != "topic" and owner and not rx.quota.match(text) and any(
                same_body(subject.body, b) for b in owner.bodies):
            rows.extend(_one_of_owners(doc_id, sentence, subject, owner))
            continue
        if subject and (rx.copula.match(subject.rest) and role_of(subject.rest) == "assigned"
                        or rx.recounted.match(subject.rest)
                        or rx.quota.match(subject.rest) or rx.quota.match(text)):
            continue  # "Trưởng Ban là Chủ tịch UBND tỉnh", "Sở Y tế đã tổ chức ...", "Mỗi xã chọn
            # 02 trường hợp": who someone is, what was done, a quota: no task
        if subject:
            asked = asked or subject.prefix == "requested"
            rows.extend(_subject_rows(doc_id, sentence, subject, ["requested"] if asked else None))
            rows.extend(_clause_subjects(doc_id, sentence, subject.rest, asked))
        elif owner and not rx.assigned.match(text) and not rx.quota.match(text):
            # ("Yêu cầu Nhà đầu tư rà soát ...; phối hợp với ..." under "b) Giao đồng chí Bộ
            # trưởng ...": the item's body hands that task on to another, not its own; a quota
            # under a group, "- Ủy ban bầu cử của tỉnh: Không quá 05 cá nhân", counts, gives no work)
            roles: list[BodyRole] = ["requested"] if owner.requested else clause_roles(text)
            roles = [listed if r == "assigned" else r for r in roles]
            rows.extend(_row(doc_id, sentence, body, role, text)
                        for body in owner.bodies for role in roles)
    return rows


def _outside_items(doc_id: str, block: Block) -> list[Responsibility]:
    """Rows of the preamble and the closing, where a plan gives no task but a directive hands
    its tasks on: the preamble's "Nhằm ..., Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở ...
    thực hiện các nhiệm vụ sau:" (the bodies asked), and a closing that charges bodies as a
    decision's closing article does ("Trên đây là Chỉ thị ..., yêu cầu ... có trách nhiệm tổ
    chức thực hiện nghiêm túc Chỉ thị này")."""
    rows: list[Responsibility] = []
    for sentence in sentences(block_unit(block)):
        if executing := _executing_rows(doc_id, sentence):
            rows.extend(executing)
        elif block.role == "preamble" and (asked := _asked_after_opening(sentence.text)):
            role: BodyRole = "requested" if asked.prefix == "requested" else "assigned"
            rows.extend(_subject_rows(doc_id, sentence, asked, [role]))
    return rows


def _executing_rows(doc_id: str, sentence: Unit) -> list[Responsibility]:
    """The rows of a closing formula ("... chịu trách nhiệm thi hành Quyết định này"), else []."""
    return [_row(doc_id, sentence, body, "assigned", "thi hành Quyết định")
            for body in executing_bodies(sentence.text)]


def _closing_paragraph(plan: Plan) -> list[Block]:
    """The closing blocks before the signature or the list of recipients: the document's own
    last words, not the forms printed after it (a form's "Điều 3: Trưởng đoàn ..., (8) ...")."""
    out = []
    for block in plan.blocks_with_role("closing"):
        if patterns.regex("roles", "signed_close").match(block.content):
            break
        out.append(block)
    return out


def _asked_after_opening(text: str) -> Subject | None:
    """The bodies a subject asks to act, the subject opening the sentence or following an
    opening clause of any length ("Để kịp thời chấn chỉnh, khắc phục ..., Chủ tịch UBND tỉnh
    yêu cầu ...")."""
    for start in (0, *(m.end() for m in re.finditer(r",\s+", text))):
        subject = find_subject(text[start:]) if text[start:start + 1].isupper() else None
        if subject and not subject.prefix:
            asked = _relayed(subject)
            return asked if asked is not subject else None
    return None


def _clause_subjects(doc_id: str, unit: Unit, statement: str, asked: bool) -> list[Responsibility]:
    """Rows of later clauses that name a body of their own ("Các chuyên viên khác thực hiện
    ...; Kế toán, chuyên viên phụ trách hành chính lập dự toán kinh phí"): the clause is that
    body's task (and a request when the sentence asks)."""
    rows: list[Responsibility] = []
    for clause in statement.split(";")[1:]:
        subject = find_subject(clause.strip())
        if not subject or subject.prefix or not subject.rest.strip(" .;,"):
            continue
        rows.extend(_subject_rows(doc_id, unit, subject, ["requested"] if asked else None))
    return rows


def _subject_rows(doc_id: str, unit: Unit, subject: Subject, roles: list[BodyRole] | None,
                  task: str | None = None) -> list[Responsibility]:
    """A row per body of ``subject`` and per role: ``roles``, else the roles its statement's
    words give; the task is ``task``, else the statement."""
    roles = roles or clause_roles(subject.rest)
    return [_row(doc_id, unit, body, role, subject.rest if task is None else task)
            for body in split_bodies(tidy(subject.body)) for role in roles]


def _relayed(subject: Subject | None) -> Subject | None:
    """The body a subject asks to act ("Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành
    Thành phố ... triển khai thực hiện"), else the subject itself."""
    if not subject or subject.prefix or not statement_patterns().relay.match(subject.rest):
        return subject
    asked = find_subject(capital_first(subject.rest))
    return asked if asked and asked.prefix in ("requested", "assigned") else subject


def _one_of_owners(doc_id: str, unit: Unit, subject: Subject, owner: Owner) -> list[Responsibility]:
    """A statement whose subject is the heading's body, or one of its bodies ("2. Sở Khoa học và
    Công nghệ, Sở Nội vụ" then "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ ..."):
    the role comes from the words after the subject; the heading's other bodies named as its
    partners coordinate."""
    own = [b for b in owner.bodies if same_body(subject.body, b)]
    roles: list[BodyRole] = ["requested"] if owner.requested else clause_roles(subject.rest)
    rows = [_row(doc_id, unit, body, role, subject.rest) for body in own for role in roles]
    partners = statement_patterns().partners.search(subject.rest)
    named = normal(partners.group("named")) if partners else ""
    rows.extend(_row(doc_id, unit, body, "coordinate", subject.rest)
                for body in owner.bodies if body not in own and named and normal(body) in named)
    return rows


def _labelled_rows(doc_id: str, unit: Unit, role: BodyRole, named: str) -> list[Responsibility]:
    """Rows of a labelled line. After "Cơ quan thực hiện:" a clause may be a statement of
    its own ("Sở Nội vụ chủ trì tham mưu ...; Sở Tư pháp ... chủ động triển khai"): its
    subject's verb gives the role; a bare list of bodies takes the label's role."""
    rows: list[Responsibility] = []
    for clause in (statement_patterns().function_note.sub("", c).strip() for c in named.split(";")):
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
    return [body for part in join_comma_names(split_cell_bodies(text))
            for glued in split_glued(part) for body in split_bodies(glued)]


def _table_rows(doc_id: str, table: tuple[Row, ...]) -> Iterator[Responsibility]:
    """Bodies in a task table's lead and partner columns: lead and coordinate."""
    for row in table:
        task = lower_first(row.text("task"))
        for role in _TABLE_ROLES:
            cell = row.cells.get(role)
            if cell is not None:
                yield from _cell_rows(doc_id, cell, role, task)


def _cell_rows(doc_id: str, cell: Unit, role: BodyRole, task: str) -> Iterator[Responsibility]:
    """The bodies of one cell in the column's role; a cell that states who does what ("Sở
    KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện công bố ...") gives
    each later statement's bodies the role its verb says (the first keeps the column's role
    unless its verb says lead or coordinate). An item that names no body is no row: the table's
    columns were misread (a procedure's steps taken for its lead column)."""
    for i, clause in enumerate(c for c in re.split(r"\s*[;\n]\s*", cell.text) if c.strip()):
        subject = find_subject(tidy(clause))
        if subject and not subject.prefix and states_a_task(subject):
            roles = clause_roles(subject.rest)
            yield from _subject_rows(doc_id, cell, subject, [role] if i == 0 and roles == ["assigned"]
                                     else roles, task)
            continue
        yield from (_row(doc_id, cell, body, role, task) for body in _listed_bodies(clause)
                    if names_a_body(body))


def _silent_owners(plan: Plan, owners: Owners, rows: list[Responsibility], lists: set[str]
                   ) -> list[Responsibility]:
    """A body heading with no statement of its own below it is still given the item's work,
    unless it stands in a list of who is covered ("Đối tượng áp dụng: b) Các doanh nghiệp ...")."""
    named = {normal(r.body) for r in rows}
    out = []
    for block in plan.blocks_with_role("heading"):
        found = owners.own(block)
        if (not found or block.section_id in lists or _only_quotas(plan, block)
                or _umbrella(owners, plan, block) or _duties_of_others(found[0], block, rows)):
            continue
        owner = found[0]
        role: BodyRole = "requested" if owner.requested else "assigned"
        for body in owner.bodies:
            if normal(body) not in named:
                out.append(_row(plan.doc_id, block_unit(block), body, role, ""))
    return out


def _umbrella(owners: Owners, plan: Plan, heading: Block) -> bool:
    """A heading over sections headed by bodies of their own ("Điều 2. Trách nhiệm của các cơ
    quan, đơn vị" over "1. Sở Tài chính", "2. Sở Khoa học và Công nghệ ..."): the work is theirs."""
    sub = heading.section_id + "."
    return any(b.section_id.startswith(sub) and b.line.start > heading.line.start and owners.own(b)
               for b in plan.blocks_with_role("heading"))


def _duties_of_others(owner: Owner, heading: Block, rows: list[Responsibility]) -> bool:
    """A heading of duties whose lines name their own offices ("4. Trách nhiệm của các tổ
    chức, cá nhân trong quản lý lớp học:" over "- Ban Giám đốc Trung tâm: ...", "- Trách
    nhiệm của giáo vụ: ..."): the duties are theirs, not the heading's group's."""
    sub = heading.section_id + "."
    return owner.duties and any(
        (r.section_id == heading.section_id or r.section_id.startswith(sub))
        and not any(same_body(r.body, b) for b in owner.bodies) for r in rows)


def _only_quotas(plan: Plan, heading: Block) -> bool:
    """A heading over nothing but quotas ("a) Các cơ quan cấp tỉnh:" then "- Đối với Công an tỉnh
    mỗi đơn vị đề nghị không quá 01 tập thể"): the bodies are counted, not given work."""
    under = [b for b in plan.blocks if b.line.start > heading.line.start and b.role in ("item", "body")
             and (b.section_id == heading.section_id or b.section_id.startswith(heading.section_id + "."))]
    return bool(under) and all(statement_patterns().quota.match(b.content) for b in under)


def _row(doc_id: str, unit: Unit, body: str, role: BodyRole, task: str) -> Responsibility:
    body = tidy(body)
    return Responsibility(doc_id=doc_id, section_id=unit.section_id, body=body,
                          body_full=expand_abbreviations(body), role=role, task=tidy(task),
                          span=unit.span())


def _dedupe(rows: list[Responsibility], plan: Plan) -> tuple[Responsibility, ...]:
    """One row per (body, role) in each part, a body written several ways named one way.

    A decision and the plan it issues are two documents in one file, each naming its bodies
    its own way: a body the decision's article charges ("Giao Sở Công Thương chủ trì ... triển
    khai thực hiện Kế hoạch này") and the plan's item charges again ("1. Sở Công Thương: a) Chủ
    trì ...") has a row in each. Within a part, a body named once without its tier word takes
    the fuller name; spellings of one body (:func:`body_key`) take the one least abbreviated,
    then the shortest ("các" aside), then the first ("Ủy ban nhân dân phường, xã, đặc khu" for
    "UBND xã, phường, đặc khu"; "Ban Thường trực Ủy ban MTTQ Việt Nam xã" for "... Việt Nam cấp
    xã" and "... Việt Nam xã Lương Minh")."""
    parts = [plan.part(r.span) for r in rows]
    names = [_fuller(r.body, [o.body for o, p in zip(rows, parts, strict=True) if p == part])
             for r, part in zip(rows, parts, strict=True)]
    spellings: dict[tuple[str, str], list[str]] = {}
    for name, part in zip(names, parts, strict=True):
        spellings.setdefault((part, body_key(name)), []).append(name)
    named = {key: min(forms, key=lambda n: (len(expand_abbreviations(n)) - len(n), len(normal(n))))
             for key, forms in spellings.items()}
    out, seen = [], set()
    for row, name, part in zip(rows, names, parts, strict=True):
        body = named[(part, body_key(name))]
        key = (normal(body), row.role, part)
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
