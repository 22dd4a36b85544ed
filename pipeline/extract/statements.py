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
    is_office_label,
    name_end,
    named_by_function,
    names_a_body,
    split_bodies,
    split_label,
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
    duties: bool = False  # headed "Trách nhiệm của ..." / "Nhiệm vụ của ...": lines may name offices


@dataclass(frozen=True)
class StatementPatterns:
    lead: re.Pattern[str]
    coordinate: re.Pattern[str]
    adverbs: re.Pattern[str]
    statement_prefix: re.Pattern[str]
    boilerplate: re.Pattern[str]
    requested: re.Pattern[str]
    assigned: re.Pattern[str]
    attendance: re.Pattern[str]
    assignment: re.Pattern[str]
    executes: re.Pattern[str]
    supervises: re.Pattern[str]
    executes_split: re.Pattern[str]
    executes_split_listed: re.Pattern[str]
    partners: re.Pattern[str]
    lead_after_comma: re.Pattern[str]
    copula: re.Pattern[str]
    recounted: re.Pattern[str]
    function_note: re.Pattern[str]
    quota: re.Pattern[str]
    duty: re.Pattern[str]
    duty_list: re.Pattern[str]
    topic: re.Pattern[str]
    relay: re.Pattern[str]
    opening: re.Pattern[str]
    role_after_opening: re.Pattern[str]


@cache
def statement_patterns() -> StatementPatterns:
    return StatementPatterns(
        lead=patterns.regex("roles", "lead_statement"),
        coordinate=patterns.regex("roles", "coordinate_statement"),
        adverbs=patterns.regex("roles", "adverb_run"),
        statement_prefix=patterns.regex("roles", "statement_prefix"),
        boilerplate=patterns.regex("roles", "boilerplate"),
        requested=patterns.regex("roles", "requested_prefix"),
        assigned=patterns.regex("roles", "assigned_prefix"),
        attendance=patterns.regex("roles", "attendance_heading"),
        assignment=patterns.regex("roles", "assignment_label"),
        executes=patterns.regex("roles", "executes_decision"),
        supervises=patterns.regex("roles", "supervises_resolution"),
        executes_split=patterns.regex("roles", "executes_split"),
        executes_split_listed=patterns.regex("roles", "executes_split_listed"),
        lead_after_comma=patterns.regex("roles", "lead_after_comma"),
        copula=patterns.regex("roles", "copula"),
        recounted=patterns.regex("roles", "recounted"),
        function_note=patterns.regex("roles", "function_note"),
        quota=patterns.regex("roles", "quota"),
        duty=patterns.regex("roles", "duty_heading"),
        duty_list=patterns.regex("roles", "duty_list"),
        relay=patterns.regex("roles", "relay"),
        topic=patterns.regex("roles", "topic_prefix"),
        opening=patterns.regex("roles", "opening_clause"),
        role_after_opening=patterns.regex("roles", "role_after_opening"),
        partners=re.compile(r"phối hợp\s+(?:chặt chẽ\s+)?(?:với\s+)?(?P<named>[^;]*)", re.IGNORECASE),
    )


def executing_bodies(text: str) -> list[str]:
    """The bodies a decision's closing article charges with carrying it out (or, in a
    resolution, with supervising it), else []."""
    rx = statement_patterns()
    m = rx.executes.match(text.strip()) or rx.supervises.match(text.strip())
    if not m:
        return []
    parts = []
    for piece in re.split(r"\s*;\s*", m.group("bodies")):
        # "Giám đốc các Sở: Tài chính, Tư pháp" names one office of several bodies: its
        # commas list the bodies; "và các ..." after it, or an office before it, is another.
        split = rx.executes_split_listed if ":" in piece else rx.executes_split
        parts.extend(split.split(piece))
    return _rejoined([capital_first(tidy(p)) for p in parts if tidy(p)])


# A part that opens a new addressee though no head list knows it ("Các ông, bà có tên tại Điều
# 1", "Các bộ phận chuyên môn thuộc ...", "Trưởng Thuế tỉnh", "Tổ chức, cá nhân có liên quan").
_NEW_ADDRESSEE = re.compile(r"(?:Các|Mỗi|Những|Trưởng|Phó)\s|(?:Cơ quan,\s+)?Tổ chức(?:,|\s+và)\s+cá nhân\b")


# A kind alone, one more item of the list of kinds before it ("Thủ trưởng các Cục" + "Vụ").
_BARE_KIND = re.compile(r"(?:Vụ|Cục|Sở|Ban|Phòng|Ngành|Viện|Chi cục|Trung tâm)")


def _rejoined(parts: list[str]) -> list[str]:
    """Parts cut at a comma inside a name ("Giám đốc Sở Văn hóa" + "Thể thao và Du lịch", "Cục
    trưởng Cục Văn hóa cơ sở" + "Gia đình và Thư viện") or inside a list of kinds ("Thủ trưởng
    các Cục" + "Vụ"): a part that names no body and opens no new addressee, or is a bare kind
    after a list of kinds, goes back onto the part before it."""
    out: list[str] = []
    for part in parts:
        if out and (not names_a_body(part) and not _NEW_ADDRESSEE.match(part)
                    or _BARE_KIND.fullmatch(part) and re.search(r"\bcác\s", out[-1])):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def assignment_line(text: str) -> tuple[BodyRole, str] | None:
    """(role, bodies) of a labelled assignment line ("Đơn vị chủ trì: Sở Nội vụ."), else None."""
    m = statement_patterns().assignment.match(text.strip(" -–+•"))
    if not m or not m.group("bodies"):
        return None
    return patterns.load("roles")["assignment_roles"][m.group("verb").lower()], m.group("bodies")


def empty_label(text: str) -> bool:
    """A label whose bodies stand on the lines below it ("- Cơ quan thực hiện:"): no body itself."""
    m = statement_patterns().assignment.match(text.strip(" -–+•"))
    return bool(m and not m.group("bodies"))


def role_of(statement: str) -> BodyRole:
    """lead / coordinate / assigned from the words that open a task statement, past an
    opening clause ("Trong phạm vi, lĩnh vực quản lý của mình, chủ động phối hợp ...")."""
    rx = statement_patterns()
    text = rx.statement_prefix.sub("", statement.strip(" -–:,"), count=1)
    text = rx.adverbs.sub("", text, count=1) if rx.adverbs.match(text) else text
    if rx.lead.match(text):
        return "lead"
    if rx.coordinate.match(text):
        return "coordinate"
    if rx.opening.match(text) and (later := rx.role_after_opening.search(text.split(";")[0], 0, 200)):
        return "lead" if later.group("lead") else "coordinate"
    return "assigned"


def clause_roles(statement: str) -> list[BodyRole]:
    """The roles of a subject's statement: its first clause's, and lead or coordinate
    when a later clause opens with one.

    "bảo đảm kinh phí ...; phối hợp với Phòng Tham mưu ..." gives the body a
    task of its own and a part in another's: assigned and coordinate; so does
    "phối hợp với ... thẩm định ...; hướng dẫn lập dự toán": a part in another's
    task, then work of its own. After a task the body leads or does, a later
    clause of plain work ("...; báo cáo kết quả") is part of that task. A
    clause with a subject of its own belongs to that subject.
    """
    roles = [role_of(statement)]
    for clause in statement.split(";")[1:]:
        if find_subject(clause.strip()):
            break
        role = role_of(clause)
        if (role != "assigned" or roles == ["coordinate"]) and role not in roles:
            roles.append(role)
    if "lead" not in roles and statement_patterns().lead_after_comma.search(statement.split(";")[0]):
        roles.append("lead")  # "chịu trách nhiệm chỉ đạo chung, chủ trì các hội nghị"
    return roles


def duty_line(text: str, owner: Owner | None) -> tuple[str, str] | None:
    """(office, its statement) of a line that names whose duties follow its colon, else None.

    Regulations list duties so: "- Trách nhiệm của giáo vụ: giám sát ...", and, under a
    heading of duties ("4. Trách nhiệm của các tổ chức, cá nhân trong quản lý lớp học:"), "-
    Ban cán sự lớp: Phối hợp với ...": offices no head list knows, named by the label.
    """
    label, colon, after = text.strip(" -–+•").partition(":")
    if not colon or not after.strip():
        return None
    if duty := statement_patterns().duty.match(label.strip()):
        return _duty_body(duty.group("body"))[0], after.strip()
    if owner and owner.duties and is_office_label(label.strip()) and role_of(label) == "assigned":
        return capital_first(label.strip()), after.strip()
    return None


def is_boilerplate(sentence: str) -> bool:
    """The closing formula ("Trên đây là ...", "đề nghị ... nghiêm túc thực hiện")."""
    return bool(statement_patterns().boilerplate.search(sentence.strip()))


class Owners(dict[str, tuple[Owner, str]]):
    """Sections headed by a body: section_id -> (owner, the heading's own statement), and
    the same by position.

    A document may number two sections alike (an outline printed twice, "V. TỔ CHỨC
    THỰC HIỆN" then "V. CHẾ ĐỘ BÁO CÁO" with items 1., 2. again): a line then belongs to
    the nearest heading above it with its section id or a parent's, not to the last one
    of the document with that id (:meth:`at`, :meth:`own`).
    """

    def __init__(self) -> None:
        super().__init__()
        self._heads: dict[str, list[tuple[int, tuple[Owner, str] | None, BodyRole]]] = {}

    def add(self, block: Block, found: tuple[Owner, str] | None) -> None:
        """Record a heading in reading order, with its owner or None."""
        statement = (found[1] if found else block.content).rstrip(" :")
        last = statement.split(";")[-1]
        listed = "assigned" if statement_patterns().duty_list.search(last) else role_of(last)
        self._heads.setdefault(block.section_id, []).append((block.line.start, found, listed))
        if found:
            self[block.section_id] = found

    def own(self, block: Block) -> tuple[Owner, str] | None:
        """The owner a heading block names itself, if any."""
        return next((f for at, f, _ in self._heads.get(block.section_id, ()) if at == block.line.start),
                    None)

    def at(self, block: Block) -> Owner | None:
        """The owner of the section ``block`` stands in: its own heading's, else a parent's."""
        parts = block.section_id.split(".")
        for n in range(len(parts), 0, -1):
            above = self._above(".".join(parts[:n]), block)
            if above and above[1]:
                return above[1][0]
        return None

    def listed_role(self, block: Block) -> BodyRole:
        """The role the heading over a list item gives its plain tasks.

        "a) Chủ trì, phối hợp với các sở ..." or "2. Sở Giáo dục và Đào tạo chủ trì,
        phối hợp với ...:" over "- Xây dựng chương trình ...": the items are what the
        body leads (lead); under "..., tổ chức thực hiện các nhiệm vụ sau:" they are
        its tasks (assigned). The clause before the list decides.
        """
        above = self._above(block.section_id, block) if block.role in ("item", "body") else None
        return above[2] if above else "assigned"

    def _above(self, section_id: str, block: Block
               ) -> tuple[int, tuple[Owner, str] | None, BodyRole] | None:
        """The nearest heading with ``section_id`` at or above ``block``."""
        above = [h for h in self._heads.get(section_id, ()) if h[0] <= block.line.start]
        return above[-1] if above else None


def section_owners(plan: Plan) -> Owners:
    """Sections headed by a body: section_id -> (owner, the heading's own statement)."""
    headings = plan.blocks_with_role("heading")
    found = {id(b): _heading_owner(plan, b) for b in headings}
    out = Owners()
    for block in headings:
        owner = found[id(block)] or _group_among_bodies(plan, block, headings, found)
        if owner and not owner[0].requested and _opens_with_request(plan, block):
            owner = (replace(owner[0], requested=True), owner[1])
        out.add(block, owner)
    return out


# A group named by a noun the head lists do not know ("Các chủ đầu tư xây dựng và kinh doanh
# hạ tầng Khu công nghiệp", "Doanh nghiệp, cộng đồng, tổ chức, cá nhân:").
_GROUP = re.compile(r"^(?:(?:Các|Mỗi|Từng)\s+\S"
                    r"|[^\s,:]+(?:\s+[^\s,:]+)?(?:,\s+[^\s,:]+(?:\s+[^\s,:]+)?){2,}\s*$)")
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def _group_among_bodies(plan: Plan, block: Block, headings: tuple[Block, ...],
                        found: dict[int, tuple[Owner, str] | None]) -> tuple[Owner, str] | None:
    """A heading among headings that mostly name bodies ("5. Sở Y tế", "6. Các chủ rừng là tổ
    chức (các Ban quản lý rừng ...)", "7. Công an tỉnh") names a body too when it reads as a
    group or a list of kinds, and has work under it or after its colon."""
    name = _group_name(block)
    parent = block.section_id.rpartition(".")[0]
    siblings = [b for b in headings if b.section_id.rpartition(".")[0] == parent
                and b.section_id.count(".") == block.section_id.count(".")]
    known = sum(1 for b in siblings if found[id(b)])
    groups = sum(1 for b in siblings if not found[id(b)] and _group_name(b))
    after = block.content.partition(":")[2].strip()
    has_children = any(b.section_id == block.section_id or b.section_id.startswith(block.section_id + ".")
                       for b in plan.blocks if b.role in ("item", "body") and b.line.start > block.line.start)
    if not name or known < 2 or 2 * (known + groups) < len(siblings) or not (after or has_children):
        return None
    return Owner(tuple(split_bodies(name)), False, name), after


def _group_name(heading: Block) -> str | None:
    """The heading's label when it reads as a group or a list of kinds, with no role verb."""
    name = _NOTE.sub("", heading.content.strip().partition(":")[0]).strip()
    if not _GROUP.match(name) or len(name.split()) > 20 or role_of(name) != "assigned":
        return None
    return name


def _opens_with_request(plan: Plan, heading: Block) -> bool:
    """A body heading whose first line asks ("Đề nghị quan tâm phối hợp ...:") addresses
    bodies outside the issuer's command: everything under it is requested."""
    first = next((b for b in plan.blocks if b.section_id == heading.section_id
                  and b.line.start > heading.line.start and b.role in ("body", "item")), None)
    return bool(first and statement_patterns().requested.match(first.content.strip()))


def _heading_owner(plan: Plan, block: Block) -> tuple[Owner, str] | None:
    content = block.content.strip()
    if is_boilerplate(content):
        return None  # "5. Các cơ quan, đơn vị ... triển khai thực hiện Kế hoạch này./.": the closing
    if role_of(content) != "assigned":
        return None  # "a) Chủ trì, phối hợp với các sở ...": the role of the body heading above
    if statement_patterns().quota.match(content):
        return None  # "b) Đối với xã, phường: Mỗi xã, phường chọn 02 trường hợp": a quota, no task
    if executing_bodies(content):
        return None  # "Điều 3. Chánh Văn phòng ..., Giám đốc ... chịu trách nhiệm thi hành": one statement
    label, after = split_label(content)
    requested = bool(statement_patterns().requested.match(label))
    name = strip_role_note(statement_patterns().requested.sub("", label, count=1))
    if re.fullmatch(r"(?:Kính\s+)?Đề nghị", label.strip()) and any(
            head_at(part) >= 0 for part in split_bodies(tidy(after))):
        # "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh": the bodies follow the colon.
        named = tidy(after)
        return Owner(tuple(split_bodies(named)), True, named), ""
    if duty := statement_patterns().duty.match(label.strip()):
        named, statement = _duty_body(duty.group("body"))
        statement = " ".join((statement, after.strip())).strip()
        return Owner(tuple(split_bodies(named)), requested, named, duties=True), statement
    sub = block.section_id + "."
    has_children = any((b.section_id == block.section_id or b.section_id.startswith(sub))
                       and b is not block for b in plan.blocks)
    topic = statement_patterns().topic.match(label)
    if topic and has_children and head_at(capital_first(label[topic.end():])) >= 0:
        # "3. Đối với các đoàn kiểm tra do thành viên Ban Chỉ đạo làm Trưởng đoàn:" over its tasks
        named = capital_first(tidy(label[topic.end():]))
        return Owner(tuple(split_bodies(named)), False, named), after.strip()
    if head_at(name) >= 0 and (after or has_children) and is_name_only(name):
        return Owner(tuple(split_bodies(tidy(name))), requested, tidy(name)), after.strip()
    subject = find_subject(content)
    if subject and not subject.prefix and ":" not in content and has_children and named_by_function(
            subject.body) and not statement_patterns().duty_list.search(content):
        # "3. Cơ quan chủ trì thẩm định hồ sơ" over "a) Hướng dẫn ...", "b) Phối hợp ...": the
        # heading names the body by the task it leads; its items state its work.
        named = tidy(content.rstrip(" ."))
        return Owner((named,), False, named), ""
    if subject and subject.prefix in ("", "requested", "assigned", "topic"):
        # "1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, ...; tổ chức thực hiện các
        # nhiệm vụ sau:" heads the tasks below as "1. Sở Nông nghiệp và Môi trường" would.
        owner = Owner(tuple(split_bodies(tidy(subject.body))), subject.prefix == "requested",
                      tidy(subject.body))
        return owner, subject.rest
    return None


def _duty_body(text: str) -> tuple[str, str]:
    """(body, its statement) after "Trách nhiệm của": "Sở Tư pháp hướng dẫn, tổ chức thực hiện
    ..." names the body and its task in one line; "Tổ tiếp công dân, xử lý đơn thư" has no known
    head, and all of it is the name; a scope after the name ("trong quản lý lớp học") is no task."""
    head = head_at(capital_first(text))
    end = len(text) if head < 0 or is_name_only(text) else name_end(capital_first(text), 0, head)
    rest = text[end:].strip(" ,")
    if patterns.regex("bodies", "statement_start").match(rest):
        rest = ""  # "Trách nhiệm của các tổ chức, cá nhân | trong quản lý lớp học": a scope, no task
    return capital_first(tidy(text[:end])), rest


def owner_of(section_id: str, owners: dict[str, tuple[Owner, str]]) -> Owner | None:
    parts = section_id.split(".")
    for n in range(len(parts), 0, -1):
        found = owners.get(".".join(parts[:n]))
        if found:
            return found[0]
    return None
