"""Bodies named as the subject of a task ("Phòng Nội vụ", "Các cơ quan, đơn vị", "UBND xã").

Shared by responsibilities (who is given a task) and deadlines (who a dated
task falls on). A body starts with a head phrase kept in patterns/bodies.yaml;
where its name ends is the hard part ("Cổng thông tin điện tử xã, Đài truyền
thanh xã tăng thời lượng"), and underthesea's part-of-speech tags answer it
better than a verb list: the name ends at the first verb that is not one of
the few verbs that occur inside names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline import patterns
from pipeline.extract.common import capital_first, starts_capital
from pipeline.lang.casing import expand_abbreviations
from pipeline.lang.letters import UPPER
from pipeline.lang.tiers import tier_words
from pipeline.models import Plan
from pipeline.patterns import alternation

# Tags that end a body's name: verb, adjective, adverb, preposition.
_STOP_TAGS = {"V", "A", "R", "E"}
_END_PUNCT = {":", ";", ".", "!", "?", "“", "\""}


@dataclass(frozen=True)
class Subject:
    """A body opening a statement, and what the statement asks of it."""

    body: str
    start: int  # offset of the body in the sentence
    end: int
    prefix: str  # "requested", "assigned", "topic" or ""
    rest: str  # the statement after the body


@dataclass(frozen=True)
class _Rx:
    named: re.Pattern[str]
    collective: re.Pattern[str]
    territorial: re.Pattern[str]
    name_words: re.Pattern[str]
    name_stops: re.Pattern[str]
    opening_verb: re.Pattern[str]
    qualifier: re.Pattern[str]
    topic_opener: re.Pattern[str]
    document_pointer: re.Pattern[str]
    group_of: re.Pattern[str]
    person_office: re.Pattern[str]
    office_field: re.Pattern[str]
    person: re.Pattern[str]
    leader: re.Pattern[str]
    quantified: re.Pattern[str]
    group_start: re.Pattern[str]
    kind_end: re.Pattern[str]
    kind: re.Pattern[str]
    unit_heads: re.Pattern[str]
    parent_heads: re.Pattern[str]
    office: re.Pattern[str]
    office_of: re.Pattern[str]
    role_note: re.Pattern[str]
    requested: re.Pattern[str]
    assigned: re.Pattern[str]
    topic: re.Pattern[str]
    openers: re.Pattern[str]
    not_statement: re.Pattern[str]
    condition: re.Pattern[str]
    topic_clause: re.Pattern[str]
    step_label: re.Pattern[str]
    function_note: re.Pattern[str]
    not_subject: re.Pattern[str]
    function_name: re.Pattern[str]
    member_group: re.Pattern[str]


@cache
def _rx() -> _Rx:
    table = patterns.load("bodies")
    return _Rx(
        named=patterns.regex("bodies", "named_head"),
        collective=patterns.regex("bodies", "collective_head"),
        territorial=patterns.regex("bodies", "territorial_head"),
        name_words=patterns.regex("bodies", "name_word"),
        name_stops=patterns.regex("bodies", "name_stop"),
        opening_verb=patterns.regex("bodies", "opening_verb"),
        qualifier=patterns.regex("bodies", "qualifier"),
        topic_opener=patterns.regex("bodies", "topic_opener"),
        document_pointer=patterns.regex("bodies", "document_pointer"),
        group_of=patterns.regex("bodies", "group_of"),
        person_office=patterns.regex("bodies", "person_office"),
        office_field=patterns.regex("bodies", "office_field"),
        person=patterns.regex("bodies", "person_before_office"),
        leader=patterns.regex("bodies", "leader"),
        quantified=patterns.regex("bodies", "quantified"),
        # "các tổ chức ...", "cơ quan thông tấn ...": a lower-case group, a word after its kind
        # (the kinds less the tiers: computed, so composed here).
        group_start=re.compile(rf"các\s+(?i:{alternation(_group_kinds(table))})\b"
                               rf"|(?:{alternation(_group_kinds(table))})\s+[^\s,;]"),
        # A kind of body closing the name, not a tier ("Công an tỉnh" is one body, not a group).
        kind_end=re.compile(rf"(?i:\b(?:{alternation(_group_kinds(table))}))\s*$"),
        kind=patterns.regex("bodies", "kind"),
        unit_heads=patterns.regex("bodies", "unit_head"),
        parent_heads=patterns.regex("bodies", "parent_head"),
        office=patterns.regex("bodies", "office_head"),
        office_of=patterns.regex("bodies", "office_of_head"),
        role_note=patterns.regex("bodies", "role_note"),
        requested=patterns.regex("roles", "requested_prefix"),
        assigned=patterns.regex("roles", "assigned_prefix"),
        topic=patterns.regex("roles", "topic_prefix"),
        openers=patterns.regex("roles", "adverbial_openers"),
        not_statement=patterns.regex("bodies", "statement_start"),
        condition=patterns.regex("roles", "condition_clause"),
        topic_clause=patterns.regex("roles", "topic_clause"),
        step_label=patterns.regex("roles", "step_label"),
        function_note=patterns.regex("roles", "function_note"),
        not_subject=patterns.regex("bodies", "not_subject"),
        function_name=patterns.regex("bodies", "function_name"),
        member_group=patterns.regex("bodies", "member_group"),
    )


def _group_kinds(table: dict) -> list[str]:
    """Kinds of body that are not tiers of territory (sở, đơn vị, doanh nghiệp ...)."""
    return [k for k in table["collective_kinds"] if k not in tier_words()]


def head_at(text: str, pos: int = 0) -> int:
    """End of a body head phrase starting at ``pos``, or -1."""
    rx = _rx()
    for pattern in (rx.named, rx.collective):
        m = pattern.match(text, pos)
        if m:
            return m.end()
    m = rx.territorial.match(text, pos)
    return m.end() if m else -1


# A unit's code in brackets closing its name, within a short run without punctuation.
_CODE_CLOSED = re.compile(r"[^;:.()]{0,90}?(?P<code>\(\s*[A-ZĐ][A-ZĐ0-9-]{1,9}\s*\))")
# After a group's qualifier the name goes on only with another item or a place it belongs to
# ("Các đơn vị có liên quan, các thôn", "... có liên quan thuộc Sở"); anything else is the statement.
_LIST_GOES_ON = re.compile(r"\s*(?:,|(?:và|hoặc|thuộc|trực thuộc|trên địa bàn|khác)\b)")
# Words that make the verb after them a noun ("việc thực hiện", "công tác tổ chức").
_NOMINALISED = re.compile(r"(?:việc|công tác|các|hoạt động|lĩnh vực)\s+$")
# A conjunction left at a name's end when the item after it was the statement's verb.
_DANGLING = re.compile(r"(?:\s+(?:và|hoặc))+$")
# Syllables of a name's tail the tagger may misread as verbs ("thể chất", "mầm non").
_MAX_MISTAGGED = 2


@lru_cache(maxsize=8192)
def _tags(text: str) -> tuple[tuple[str, str, int], ...]:
    """(token, tag, offset) for ``text``; cached since deadlines and responsibilities ask alike."""
    from underthesea import pos_tag  # heavy import: once per process, on first use

    out, pos = [], 0
    for token, tag in pos_tag(text):
        at = text.find(token, pos)
        at = pos if at < 0 else at
        out.append((token, tag, at))
        pos = at + len(token)
    return tuple(out)


def clear_tag_cache() -> None:
    """Forget tagged sentences (for benchmarks that must not reuse them)."""
    _tags.cache_clear()


# A body's name, or a list of names, is read within this many characters (cut at a space).
NAME_WINDOW = 400


def _window(text: str, start: int) -> str:
    """The text a name may span, never ending inside a word (a list of twelve bodies is long)."""
    window = text[start:start + NAME_WINDOW]
    if start + NAME_WINDOW < len(text) and " " in window:
        window = window[:window.rindex(" ")]
    return window


def name_end(text: str, start: int, head_end: int) -> int:
    """Where the body's name that starts at ``start`` ends (before its statement's verb)."""
    rx = _rx()
    window = _window(text, start)
    depth, end = 0, head_end - start
    coded = _coded_name_end(window, end)
    for token, tag, at in _tags(window):
        if at < head_end - start:
            continue
        if token == "(" and rx.role_note.match(window, at):
            break
        if token == "(":
            depth += 1
        if depth:
            depth -= token == ")"
            end = at + len(token)
            continue
        if at < coded:
            end = at + len(token)
            continue
        if token == "nơi" and (place := _place_clause_end(window, at)) > at:
            coded = end = place  # "Cấp ủy cấp xã nơi có trụ sở Trung tâm | chỉ đạo ..."
            continue
        if token == ",":
            # the next listed body's head is read whole ("..., Ban quản lý Khu Kinh tế ...": the
            # tagger reads "quản lý" as a verb), then its name as closed by a code if it is
            head = _head_after(window, at + 1)
            coded = max(_coded_name_end(window, head.end()), head.end()) if head else -1
        qualified, closes = _qualifier_end(window, at)
        if qualified > at:
            qualified = max(qualified, _topic_end_after(window, at))
            coded = end = qualified
            if closes and not _LIST_GOES_ON.match(window, qualified):
                break
            continue
        if token == ":" and (listed := members_end(window, at)) > 0:
            end = listed  # "Ủy ban nhân dân các tỉnh: Lào Cai, Đồng Nai | chịu trách nhiệm ..."
            break
        if (token in _END_PUNCT or token[:1].islower() and rx.name_stops.match(window, at)
                or _verb_read_as_noun(window, token, at)):
            break
        if (glued := _glued_stop(window, token, at)) > 0:
            end = glued  # "Bộ Dân tộc và | Tôn giáo căn cứ": the tagger glued the statement on
            break
        if tag in _STOP_TAGS and _lower(token) and not _in_name_word(window, token, at):
            end = _to_statement(window, at, end)
            break
        end = at + len(token)
    if end == head_end - start:
        return _parent_name_end(text, start + end) or start + end
    return start + len(window[:end].rstrip(" ,-–"))


# The kinds before the colon that lists a group's members are read back this far ("các tỉnh, thành phố:").
_MEMBER_GROUP_CHARS = 60
# Inside a member's name: a capital word, a number, an ampersand or a dash ("NN&MT", "Móng Cái 1",
# "Công nghiệp - Năng lượng Quốc gia").
_MEMBER_WORD = re.compile(rf"(?:{UPPER}|\d)\S*|[-–&]")
# Another body listed after a group's members ("Giám đốc các Sở: Tài chính, Tư pháp; Chủ tịch ...").
_NEXT_LISTED = re.compile(r"\s*(?:[;,]|và\b)")
# Between two members: a comma or "và", before the next member's capital.
_MEMBER_SEP = re.compile(rf"\s*,\s*(?={UPPER})|\s+và\s+(?={UPPER})")


def members_end(text: str, colon: int) -> int:
    """The end of the members a group lists after its colon, else -1: "Ủy ban nhân dân các xã:
    Gia Thuận, Tân Điền | xây dựng ...", "Các Bộ, cơ quan: Tài chính, Nông nghiệp và Môi
    trường, Ngoại giao | theo chức năng ...". The list names the group's bodies, so it belongs
    to the group's name (a row per group, named as written). Members are names opening in
    capitals, two or more: "các xã, phường: Phối hợp với Sở ..." opens the group's statement.
    Places (a list of tiers) are capitals throughout; other members ("Tài chính", "Giao thông
    vận tải") go on in lower case until a word the tagger reads as the statement's."""
    rx = _rx()
    group = next((m for m in rx.member_group.finditer(text, max(0, colon - _MEMBER_GROUP_CHARS), colon + 3)
                  if m.end() == colon + 1), None)
    if group is None:
        return -1
    kinds = re.split(r"\s*,\s*|\s+và\s+", re.sub(r"^\S+\s+", "", group.group(0)[:-1]).strip().casefold())
    places = all(kind in tier_words() for kind in kinds)
    count, end, sep_end = 0, -1, -1
    for token, tag, at in _tags(_window(text, colon + 1)):
        at += colon + 1
        stop = at + len(token)
        if sep_end > stop:
            continue  # the comma or "và" between two members
        if end < 0 or sep_end >= at:  # a member opens (the tagger may glue "và" to it)
            if not _MEMBER_WORD.match(text, max(at, sep_end)):
                break
            count += 1
        elif not (_MEMBER_WORD.match(token) or not places and _name_tail(text, token, tag, at)):
            break
        end = stop
        sep = _MEMBER_SEP.match(text, end)
        sep_end = sep.end() if sep else -1
    return end if count >= 2 else -1


def split_label(text: str) -> tuple[str, str]:
    """(label, what follows it) of a heading "label: ...". A colon that lists a group's members
    ("12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông") is the label's own: the
    label runs to the members' end and, when another body is listed after them ("...; Chủ tịch
    Ủy ban nhân dân các xã"), on to the next colon."""
    pos = 0
    while (colon := text.find(":", pos)) >= 0:
        end = members_end(text, colon)
        if end < 0:
            return text[:colon], text[colon + 1:]
        if not _NEXT_LISTED.match(text, end):
            after = text[end:].lstrip(" :")
            return text[:end], after if after.strip(" .;") else ""
        pos = end
    return text, ""


def _name_tail(text: str, token: str, tag: str, at: int) -> bool:
    """A lower-case word going on with a member's name ("Nông nghiệp", "vận tải"), not the
    statement after it ("theo chức năng", "thực hiện", "chịu trách nhiệm")."""
    rx = _rx()
    return (token[:1].islower() and not rx.name_stops.match(text, at)
            and (tag not in _STOP_TAGS or bool(rx.name_words.match(text, at))))


def _in_name_word(window: str, token: str, at: int) -> bool:
    """The token opens a word of names (``name_words``), or ends one the tagger split after
    its first syllables ("cơ quan ngành | dọc": "ngành dọc")."""
    rx = _rx()
    prev = window.rfind(" ", 0, max(at - 1, 0)) + 1
    split = rx.name_words.match(window, prev)
    return bool(rx.name_words.match(window, at) or split and split.end() >= at + len(token))


# Tags of the words a place clause names its place with ("trụ sở Trung tâm", "vụ việc").
_NOUN_TAGS = {"N", "Np", "Nc", "M"}
# Verbs opening a place clause ("có", "xảy ra"): at most this many tokens.
_PLACE_VERBS = 2


def _place_clause_end(window: str, at: int) -> int:
    """End of a clause saying where a body sits or acts, at "nơi" ("Ủy ban nhân dân cấp xã nơi
    xảy ra sự cố | công bố ...", "Cấp ủy cấp xã nơi có trụ sở Trung tâm | chỉ đạo ..."), else -1:
    the verb right after "nơi" and the nouns naming the place belong to the name; the next verb
    is the statement's. A clause of another shape ("nơi công chức được cử ...") is not read."""
    verbs, nouns, end = 0, 0, -1
    for token, tag, pos in _tags(window):
        if pos <= at:
            continue
        if not nouns and tag == "V" and verbs < _PLACE_VERBS:
            verbs += 1
        elif verbs and tag in _NOUN_TAGS:
            nouns += 1
            end = pos + len(token)
        else:
            break
    return end if nouns else -1


def _verb_read_as_noun(window: str, token: str, at: int) -> bool:
    """A verb that opens statements, read by the tagger as a noun, before another verb
    ("Hội đồng thẩm định | tổ chức họp ..."); not a kind listed or counted ("Các cơ quan, tổ
    chức ...", "các tổ chức đoàn thể")."""
    rx = _rx()
    if not rx.opening_verb.fullmatch(token) or re.search(r"(?:,|\b(?i:các|mỗi|từng|những))\s*$", window[:at]):
        return False
    after = next(((tag, pos) for _, tag, pos in _tags(window) if pos > at), ("", 0))
    return after[0] == "V" and not rx.name_words.match(window, after[1])


def _glued_stop(window: str, token: str, at: int) -> int:
    """Where a statement word starts inside a token that opens with a name's capital, else -1:
    the tagger glues a name's last word to the lower-case verb after it ("Tôn giáo căn cứ",
    "Công nghệ thông báo"), and the whole token would pass for the name."""
    if not token[:1].isupper():
        return -1
    for m in re.finditer(r" (?=[a-zđà-ỹ])", token):
        if _rx().name_stops.match(window, at + m.end()):
            return at + m.start()
    return -1


def _lower(token: str) -> bool:
    """A token in lower case throughout: the tagger may glue "và" to the capital word after
    it ("Sở Khoa học | và Công nghệ") and call the pair a verb."""
    return token[:1].islower() and not any(w[:1].isupper() for w in token.split()[1:])


def _qualifier_end(window: str, at: int) -> tuple[int, bool]:
    """(end, whether it closes the name) of words at ``at`` the tagger reads as verbs but that
    belong to the name, else (-1, False).

    - a qualifier narrowing a group ("Các đơn vị | có liên quan"): the statement follows it;
    - a kind listed after a comma ("Các cơ quan, | tổ chức");
    - the named body a group belongs to ("Các tổ chức thành viên | của Mặt trận");
    - a person's field after an office ("Chuyên viên | phụ trách tổng hợp").
    Only a group takes the first two: the name so far holds a collective head or ends with a
    kind of body ("Sở, ban, ngành liên quan"); "Sở Nội vụ được giao chủ trì" is a statement.
    """
    rx = _rx()
    before = window[:at]
    if rx.person_office.match(window) and (m := rx.office_field.match(window, at)):
        return m.end(), False
    if not (rx.collective.search(before) or rx.kind_end.search(before)):
        return -1, False
    if m := rx.qualifier.match(window, at):
        return m.end(), True
    if m := rx.group_of.match(window, at):
        return m.end(), False
    return _listed_kind_end(window, at), False


def _topic_end_after(window: str, at: int) -> int:
    """End of what a group's qualifier at ``at`` says it deals with or works in ("Các cơ quan,
    đơn vị có liên quan đến | công tác bầu cử | phối hợp ...", "Các doanh nghiệp hoạt động trong |
    lĩnh vực xây dựng, giao thông"), else -1: "đến" / "tới" / "trong" open no statement. The
    topic, a noun phrase with its lists and places, ends at punctuation closing a clause, at the
    statement's verb (not one made a noun by "việc", "công tác", "lĩnh vực" ...: "đến việc thực
    hiện sắp xếp") or before another body joined to the group ("... và Ủy ban nhân dân các xã")."""
    rx = _rx()
    m = rx.topic_opener.match(window, at)
    if not m:
        return -1
    end = -1
    for token, tag, pos in _tags(window):
        if pos < m.end():
            continue
        if token in _END_PUNCT or token in ("(", ")") or _DUTY.match(window, pos):
            break
        if (tag != "E" and token[:1].islower() and rx.name_stops.match(window, pos)
                and not _NOMINALISED.search(window[:pos])):
            break
        if token in (",", "và", "hoặc") and _head_after(window, pos + len(token)):
            break
        end = pos + len(token)
    return end


def _unpointed(body: str) -> str:
    """A related group's name without the words pointing back to the document ("Các sở, ngành có
    liên quan | tới việc thực hiện Kế hoạch này", "... liên quan đến các lĩnh vực kiến nghị | nêu
    tại Điều 1 của Quyết định này"): they say where, not which bodies."""
    if not re.search(r"liên quan\s+(?:đến|tới)\s", body):
        return body
    return _rx().document_pointer.sub("", body)


def _listed_kind_end(window: str, at: int) -> int:
    """End of a kind of body right after a comma ("tổ chức" in "Các cơ quan, tổ chức"), else -1:
    a kind listed, not the verb the tagger reads."""
    m = _rx().kind.match(window, at)
    return m.end() if m and window[:at].rstrip().endswith(",") else -1


def _parent_name_end(text: str, pos: int) -> int:
    """The end of a parent body's name right after a bare head, else 0.

    "Ban cán sự đảng Ủy ban nhân dân huyện", "Đảng đoàn Hội đồng nhân dân tỉnh":
    the head is a body of the parent named next (the tagger, splitting across
    both names, would cut the name after the head).
    """
    head = _head_after(text, pos)
    if not head or head.start() == pos:
        return 0
    return name_end(text, head.start(), head.end())


def _head_after(text: str, pos: int) -> re.Match[str] | None:
    """A named body's head right after ``pos``, past spaces."""
    return _rx().named.match(text, len(text) - len(text[pos:].lstrip(" ")))


def _coded_name_end(window: str, head_end: int) -> int:
    """End of a name closed by its unit code ("Phòng Cảnh sát quản lý hành chính về trật
    tự xã hội (PC06)"), else -1.

    Long unit names hold words the tagger reads as verbs and prepositions; the
    code in brackets says where the name ends, provided no other body's head
    and no punctuation but commas ("phòng, chống") come first.
    """
    m = _CODE_CLOSED.match(window, head_end)
    if not m or _rx().named.search(window, head_end, m.start("code")):
        return -1
    return m.end()


def _to_statement(window: str, at: int, end: int) -> int:
    """Past a word or two the tagger took for a verb, when the statement's verb follows.

    "Phòng Giáo dục thể chất chủ trì": the tagger reads "thể chất" as a verb,
    but a role verb (``name_stops``: chủ trì, phối hợp ...) right after a short
    lower-case run marks where the name really ends. A verb that opens statements itself
    ("Sở Tài chính | tổ chức rà soát") is no such run.
    """
    rx = _rx()
    if window[:at].rstrip().endswith(tier_words()) or rx.opening_verb.match(window, at):
        return end  # a name closed by its tier ("... cấp xã | lập báo cáo"): the verb is real
    gap = 0
    for token, tag, pos in _tags(window):
        if pos < at:
            continue
        if rx.name_stops.match(window, pos):
            return pos if gap else end
        gap += len(token.split())
        if (gap > _MAX_MISTAGGED or tag == "R" or not token[:1].islower()
                or not token.replace(" ", "").isalpha()):
            return end
    return end


def find_subject(sentence: str) -> Subject | None:
    """The body that opens ``sentence`` (after Đề nghị / Giao / Đối với or an opening clause)."""
    rx, prefix, pos = _rx(), "", 0
    for kind, pattern in (("requested", rx.requested), ("assigned", rx.assigned),
                          ("topic", rx.topic)):
        m = pattern.match(sentence)
        if m:
            prefix, pos = kind, m.end()
            break
    person = rx.person.match(sentence, pos)
    starts = [person.end() if person else pos]  # "Đồng chí X, Chức vụ: Chánh Thanh tra Sở ..."
    if not prefix and rx.openers.match(sentence):
        comma = re.search(r",\s+", sentence[:200])
        starts = [comma.end()] if comma else []
    for at in starts:
        head = head_at(sentence, at)
        if head < 0 and prefix in ("requested", "assigned"):
            # "Giao công chức Tài chính ...": after the verb a named body may start in lower case
            head = head_at(sentence[:at] + capital_first(sentence[at:]), at)
        duty = _duty_subject_end(sentence, at) if head < 0 and prefix != "topic" else -1
        if duty > 0 and (prefix or at == 0 or _lower_after_comma(sentence, at)):
            head = duty  # "Giảng viên chấm bài thu hoạch có trách nhiệm nộp điểm ...": an office
        if head > 0 and (prefix or at == 0 or _lower_after_comma(sentence, at)):
            end = _topic_end(sentence, at) if prefix == "topic" else -1
            if end < 0:
                end = duty if duty > 0 else _duty_end(sentence, at, name_end(sentence, at, head))
                end = _list_after_kind(sentence, at, end)
            if prefix in ("requested", "assigned"):
                end = _listed_after(sentence, end)
            rest = sentence[end:].lstrip(" ,:-–")
            after = sentence[end:].lstrip(" -–")
            if (prefix != "topic" and rx.not_statement.match(after)
                    and not rx.function_note.match(" " + after.lstrip(" ,"))
                    and not _DUTY.match(after.lstrip(" ,"))):
                return None  # "Sở Tài chính | trong phạm vi chức năng, ...": a note, then the statement
            if person and not rest.strip(" .;"):
                return None  # "1. Bà Khúc Thị Hòa - Phó Chủ tịch ... - Tổ trưởng.": a member listed
            body = _unpointed(_DEFINED.sub("", _DANGLING.sub("", _FOOTNOTE_MARK.sub("", sentence[at:end]))))
            if prefix not in ("requested", "assigned") and _cut_kind(body, rest) or _INDEFINITE.search(body):
                return None  # "đơn vị nào có số lượng cao hơn thì ...": whichever unit, no body
            if _single_kind(body):
                named = rx.function_name.match(sentence, at + len(body))
                if not named:
                    return None  # "Đơn vị | tính: đồng", "Cơ quan | quản lý nhà nước ...": a cut name
                body, rest = sentence[at:named.end()], sentence[named.end():].lstrip(" ,:-–")
            return Subject(capital_first(body), at, at + len(body), prefix, rest)
    return _main_clause_subject(sentence)


# A list's next item, a group or a named body, after a comma ("..., các cơ quan chuyên môn").
_NEXT_ITEM = re.compile(r",\s+(?=(?:các|Các)\s|[A-ZĐ])")
# Where a listed group stands, closing the list ("..., chi bộ thôn, tổ dân phố | trên địa bàn").
_PLACE = re.compile(r"\s+trên\s+địa\s+bàn(?:\s+[A-ZĐ]\S*)*")
# Words between a bare kind and the list going on ("tham mưu, giúp việc đảng ủy cấp xã").
_KIND_TAIL_WORDS = 10


def _list_after_kind(sentence: str, at: int, end: int) -> int:
    """The end of a list whose first item the tagger cut after its kind ("Các cơ quan | tham
    mưu, giúp việc đảng ủy cấp xã, các cơ quan chuyên môn của Ủy ban nhân dân cấp xã, Ủy ban
    Mặt trận Tổ quốc Việt Nam, các tổ chức ... cử cán bộ"): when another group or named body
    follows a comma within a few words, the name runs on through the list; else ``end``."""
    if not _bare_kind(sentence[at:end]):
        return end
    clause = re.split(r"[;:.]", sentence[end:end + NAME_WINDOW])[0]
    for m in _NEXT_ITEM.finditer(clause):
        if len(clause[:m.start()].split()) > _KIND_TAIL_WORDS:
            break
        item = end + m.end()
        text = sentence[:item] + capital_first(sentence[item:])
        head = head_at(text, item)
        last = name_end(text, item, head) if head > 0 else -1
        if last > 0 and not _bare_kind(text[item:last]):
            place = _PLACE.match(sentence, last)
            return place.end() if place else last
    return end


def _cut_kind(body: str, rest: str) -> bool:
    """A bare kind of body before words that go on naming it ("Các cơ quan | chuyên môn từ tỉnh
    ...", "Cơ quan | có thẩm quyền giải quyết ...", "Các xã, | phường: Nếu ..."): the tagger cut
    the name, and "the bodies of a kind" is no body. A kind followed by its statement ("Các đơn
    vị | chủ động liên hệ ...", "Các tổ | bắt đầu tiếp công dân") or counted ("Mỗi thôn chọn
    ...") stays, and so does a territory ("Thành phố quyết định ...")."""
    rx = _rx()
    kind = re.fullmatch(r"(?i:(?:các|từng)\s+)?(?P<kind>\S+(?:\s+\S+)?)", body.strip())
    if (kind is None or body.strip() in patterns.load("bodies")["territorial"]
            or not rx.kind.fullmatch(kind.group("kind").casefold())):
        return False
    if rx.name_stops.match(rest) or rx.openers.match(capital_first(rest)) or not rest.strip():
        return False
    token, tag, _ = _tags(rest[:80])[0]
    listed = rest[len(token):].lstrip().startswith(",")
    return tag != "V" or token in _QUALIFYING_VERBS or listed


# The duty formula of regulations and plans: "<who> có trách nhiệm / chịu trách nhiệm ...".
_DUTY = re.compile(r"(?:có|chịu)\s+trách\s+nhiệm\b")
# Words that may open a name's complement before the duty formula ("Cơ quan | của người ra
# quyết định kiểm tra có trách nhiệm", "Các đơn vị có liên quan | thuộc Bộ ...").
_COMPLEMENT = re.compile(r"(?:của|thuộc|trực thuộc|tại|trong|đến|ở|nơi|trên)\s")
# A modal before the duty formula is the statement's ("... ven rừng | phải có trách nhiệm").
_MODAL_END = re.compile(r"\s+(?:phải|sẽ|cần|đều)\s*$")
# Between a name and the duty formula: punctuation that ends a name, "là" (a copula), a
# condition ("khi", "thì", "nếu", "mà") or a conjunction right before the formula.
_GAP_STOP = re.compile(r"[;:.()“”\"]|\s(?:là|khi|thì|nếu|mà)\s|\s(?:và|hoặc)\W*$")
# A bracket closing a name that gives the short name used below ("Ủy ban nhân dân các xã,
# phường (sau đây viết tắt là Ủy ban nhân dân cấp xã)"): no part of the name.
_DEFINED = re.compile(r"[\s,]*\((?:sau\s+đây\s+)?(?:gọi|viết)\s+(?:tắt\s+|chung\s+)?là\b[^()]*\)$")
# A footnote's mark a web export leaves after a word ("Ủy ban nhân dân cấp xã[14]").
_FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]")
# An indefinite closing a name ("đơn vị nào", "cơ quan nào"): a rule about any body, no body.
_INDEFINITE = re.compile(r"\s(?:nào|bất kỳ)$")
# Verbs that narrow a kind rather than state its task ("Cơ quan | có thẩm quyền ...").
_QUALIFYING_VERBS = {"có", "được", "đã", "đang", "thuộc", "trực thuộc"}
# A duty phrase's subject holds at most this many words (syllables).
_DUTY_WORDS = 20


def _duty_end(sentence: str, at: int, end: int) -> int:
    """The end of a group's name that runs on to the duty formula, else ``end``.

    "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách
    nhiệm ...", "Cơ quan, tổ chức, đơn vị cấp trên trực tiếp có trách nhiệm ...": regulations
    narrow a group by a clause the tagger cuts; "có / chịu trách nhiệm" says where the name
    ends. Not when the words between hold another body ("Sở Y tế hướng dẫn các đơn vị có
    trách nhiệm"), "là", a condition, or "và" / a comma before the formula (a statement of
    the body's own); a named body goes on only with a complement ("của", "thuộc", "tại" ...);
    a note of function ("trong phạm vi chức năng, nhiệm vụ ...") is no part of the name.
    """
    rx = _rx()
    duty = _DUTY.search(sentence, end, end + 200)
    if not duty:
        return end
    gap = sentence[end:duty.start()]
    name = sentence[at:end]
    qualified = bool(re.search(rf"(?:{rx.qualifier.pattern})$", name))
    group = qualified or bool(rx.collective.match(name) or rx.person_office.match(name)
                              or rx.leader.match(name))
    gap = _MODAL_END.sub("", gap)
    if (not gap.strip(" ,") or _GAP_STOP.search(" " + gap)
            or len(gap.split()) > _DUTY_WORDS or _names_a_body(gap)
            or not (group or _COMPLEMENT.match(gap.lstrip()))
            or gap.rstrip().endswith(",") and not qualified):
        return end
    if note := rx.function_note.search(gap):
        return end + note.start() if gap[:note.start()].strip() else end
    return end + len(gap.rstrip(" ,"))


def _names_a_body(text: str) -> bool:
    """Some word of ``text`` opens a body's name ("hướng dẫn | các đơn vị")."""
    return any(head_at(text, m.start()) >= 0 for m in re.finditer(r"(?<!\w)\w", text))


def _duty_subject_end(sentence: str, at: int) -> int:
    """The end of an office or a party no head list knows, when the duty formula follows it
    ("Giảng viên chấm bài thu hoạch có trách nhiệm ...", "Thành viên Đoàn kiểm tra có trách
    nhiệm ...", "Người lao động có trách nhiệm ..."), else -1: a noun phrase opening the
    sentence or its main clause ("Kết thúc ..., thành viên Đoàn kiểm tra có trách nhiệm"),
    in a few words, not a nominalised act ("Việc thanh toán ...") nor a thing
    whose agent follows "do" ("Kinh phí ... do Trung tâm chịu trách nhiệm")."""
    duty = _DUTY.search(sentence, at, at + 160)
    if not duty:
        return -1
    name = _MODAL_END.sub("", sentence[at:duty.start()].rstrip())
    words = name.split()
    if (not words or len(words) > _DUTY_WORDS or not (starts_capital(name) or at > 0)
            or words[-1] in ("và", "hoặc") or name.endswith(",")
            or re.search(r"[;:.()“”\"]|\sdo\s", name) or _rx().not_subject.match(capital_first(name))):
        return -1
    return at + len(name) if _tags(sentence[at:duty.end()])[0][1] in ("N", "Nc", "L") else -1


# An office named by a label holds at most this many syllables ("Ban cán sự lớp").
_LABEL_WORDS = 6


def is_office_label(label: str) -> bool:
    """A short label opening in a capital, no act, topic or list in it ("Ban cán sự lớp",
    "Giáo vụ"; not "Thời gian", "Nội dung"): among duties, it can name an office."""
    words = label.split()
    return (0 < len(words) <= _LABEL_WORDS and starts_capital(label) and "," not in label
            and not _rx().not_subject.match(label))


def names_a_body(item: str) -> bool:
    """The item opens with a body's head, an office that leads one ("Lãnh đạo Phòng ..."), a
    party a task table names (patterns/bodies.yaml ``table_parties``), is a proper name
    ("Viettel Tuyên Quang") or a unit of a tier ("Bảo tàng tỉnh"). A cell of a
    misread column holds a step, a figure, a form or a procedure's name instead ("Phân công thụ
    lý hồ sơ", "146.300", "Bản chính", "Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã")."""
    item = capital_first(item.strip(" -–+•'"))
    return (head_at(item) >= 0 or bool(_rx().leader.match(item)) or bool(_PROPER_NAME.fullmatch(item))
            or item.startswith(tuple(patterns.load("bodies")["table_parties"]))
            or item.endswith(tuple(f" {tier}" for tier in tier_words())) and _names_a_unit(item))


def _names_a_unit(item: str) -> bool:
    """The item opens with a noun, not a step ("Đăng ký ...", "Chuyển hồ sơ ...") nor a
    procedure or a paper ("Thủ tục ...", "Giấy chứng nhận ...", ``not_subject``)."""
    return _tags(item[:80])[0][1] != "V" and not _rx().not_subject.match(item)


# A name of two words or more, each opening in a capital: a firm or a body by its own name.
_PROPER_NAME = re.compile(rf"{UPPER}[^\s\d]*(?:\s+{UPPER}[^\s\d]*)+")


def states_a_task(subject: Subject) -> bool:
    """The subject is a body and its statement opens with a verb ("Sở KH&CN | chủ trì hướng
    dẫn"), not the rest of a name the tagger cut ("Ban Quản lý các khu | công nghệ cao", "Cơ
    quan | tham mưu": a kind is no body)."""
    return bool(_rx().name_stops.match(subject.rest.lstrip(" ,"))) and not _bare_kind(subject.body)


def _main_clause_subject(sentence: str) -> Subject | None:
    """The subject of the main clause after a condition, a topic ("Trường hợp ... thì người
    đứng đầu cơ quan, tổ chức, đơn vị kịp thời báo cáo") or a step's label ("Bước 1: Sở Y tế
    tiếp nhận hồ sơ"), else None."""
    rx = _rx()
    m = rx.condition.match(sentence) or rx.topic_clause.match(sentence) or rx.step_label.match(sentence)
    found = find_subject(capital_first(sentence[m.end():])) if m else None
    if not m or not found or found.prefix == "topic" or _bare_kind(found.body):
        return None
    return Subject(found.body, m.end() + found.start, m.end() + found.end, found.prefix, found.rest)


def _listed_after(sentence: str, end: int) -> int:
    """The end of a list of bodies parted by ";" after Đề nghị / Yêu cầu / Giao ("Yêu cầu Giám
    đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã; Thủ trưởng các cơ quan ... triển
    khai thực hiện"): each item is a body, named in lower case or not."""
    while (m := re.match(r"\s*;\s*", sentence[end:])) is not None:
        at = end + m.end()
        text = sentence[:at] + capital_first(sentence[at:])
        leader = _rx().leader.match(text, at)  # "thủ trưởng cơ quan, đơn vị"
        head = leader.end() if leader else head_at(text, at)
        if head < 0:
            break
        end = name_end(text, at, head)
    return end


def _lower_after_comma(sentence: str, at: int) -> bool:
    """After an opening clause the subject is written in lower case ("..., các cơ quan ...")."""
    return not starts_capital(sentence[at:]) or bool(_rx().named.match(sentence, at))


def _topic_end(sentence: str, at: int) -> int:
    """"Đối với X, <task>": the body runs to the comma when a lower-case task follows it."""
    depth = 0
    for i in range(at, len(sentence)):
        ch = sentence[i]
        depth += (ch in "(“") - (ch in ")”")
        if ch == "," and depth == 0:
            nxt = sentence[i + 1:].lstrip()
            return i if nxt[:1].islower() and head_at(nxt) < 0 else -1
    return -1


def split_bodies(name: str) -> list[str]:
    """Distinct bodies named together: split on ";" and on "," / "và" before another body.

    Not split: a list of generic categories ("Các cơ quan, đơn vị, các thôn"), a unit
    and its parent ("Ban Thi đua - Khen thưởng, Sở Nội vụ"), names containing "và".
    """
    out = []
    for part in (p.strip() for p in name.split(";")):
        colon = part.find(":")
        end = members_end(part, colon) if colon > 0 else -1
        if end < 0:
            out.extend(_split_part(part))
            continue
        # "Bộ Công Thương và Ủy ban nhân dân các tỉnh: Lào Cai, Đồng Nai": the members name the
        # last body's group, whatever heads they hold ("các Bộ: Công an, Văn phòng Chính phủ")
        *before, last = _split_part(part[:colon])
        after = re.sub(r"^\s*(?:,|và\b)\s*", "", part[end:])
        out.extend([*before, last + part[colon:end], *(_split_part(after) if after else [])])
    return [capital_first(p) for p in out if p]


def _split_part(part: str) -> list[str]:
    """Split before another body; a list of categories splits only before a named body.

    "Các bệnh viện đa khoa, Trung tâm Y tế các huyện" is two bodies; "Các cơ quan, đơn
    vị, các thôn", "Các Phòng, Trung tâm, Quỹ Hỗ trợ" (bare kinds sharing one "Các")
    and anything inside brackets stay whole.
    """
    rx = _rx()
    collective = bool(rx.collective.match(part))
    for m in re.finditer(r"\s*,\s+|\s+và\s+", part):
        left, right = part[:m.start()], part[m.end():]
        if rx.person_office.match(left) and rx.person_office.match(capital_first(right)):
            return [left, *_split_part(capital_first(right))]  # "Kế toán, chuyên viên ..."
        if (_open_bracket(left) or head_at(right) < 0 or head_at(left) < 0
                or _office_of(left, right)):
            continue
        comma = "," in m.group(0)
        if (comma and rx.unit_heads.match(left) and rx.parent_heads.match(right)
                and not left.endswith(")")):  # "Trung tâm ... (Sở Nội vụ)" names its parent
            continue
        if _group_after_body(left, right) or _group_after_group(left, right) and (
                not comma or re.match(r"(?i:các)\s", right)  # "Các Bộ, cơ quan ...": one "Các"
                or _narrowed_kind(left, right)):
            return [left, *_split_part(right)]
        if (comma or collective) and not rx.named.match(right):
            continue
        if collective and _bare_kind(re.split(r",\s*", left)[-1]):
            continue
        return [left, *_split_part(right)]
    return [part]


def _group_after_body(left: str, right: str) -> bool:
    """A group of bodies after a named body is another addressee: "Ủy ban MTTQ tỉnh, các tổ
    chức chính trị - xã hội", "UBND các xã, phường và các cơ quan, đơn vị có liên quan".

    Not after a group ("Các cơ quan, đơn vị, các thôn" is one) nor after a person's
    office ("Thủ trưởng các sở, ban, ngành": the bodies he heads).
    """
    rx = _rx()
    last = re.split(r",\s*|\s+và\s+", left)[-1]
    return (bool(rx.named.match(left)) and not rx.quantified.match(left)
            and not rx.leader.match(left) and not rx.person_office.match(left)
            and not rx.quantified.match(last) and bool(rx.group_start.match(right)))


def _group_after_group(left: str, right: str) -> bool:
    """Two groups joined by "và" or by a comma and a new "các", the first narrowed to a whole
    addressee of its own ("Các sở, cơ quan trực thuộc Sở | và các cơ quan liên quan", "Các sở,
    ban, ngành Thành phố | và các cơ quan, tổ chức khác có liên quan", "các tổ chức chính trị -
    xã hội cấp xã, | các tổ chức cơ sở đảng"). Not kinds that share one "Các" ("Các cơ quan, đơn
    vị và các tổ chức đoàn thể", "Các cơ quan, đơn vị, các tổ chức đoàn thể, các thôn" are one
    group) nor a person's office ("Thủ trưởng các sở, ...")."""
    rx = _rx()
    last = re.sub(r"^(?i:(?:các|mỗi|từng)\s+)", "", re.split(r",\s*", left)[-1]).casefold()
    kinds_only = (re.fullmatch(rf"(?:{rx.kind.pattern})(?:\s+(?:{rx.kind.pattern}))*", last)
                  and not last.endswith(tuple(f" {t}" for t in tier_words())))
    return (bool(rx.collective.match(left)) and not rx.leader.match(left)
            and not rx.person_office.match(left) and bool(rx.group_start.match(right))
            and not kinds_only)


def _narrowed_kind(left: str, right: str) -> bool:
    """After a group closed by its tier, a kind named by words of its own ("Các Sở, ban, ngành,
    đoàn thể cấp tỉnh, | cơ quan ngành dọc đóng trên địa bàn"): a group of its own, not one more
    kind sharing the list's "Các" ("Các bộ, cơ quan thuộc đối tượng kiểm tra" is one group). A
    kind only qualified ("đơn vị liên quan") or put at a tier ("đoàn thể cấp tỉnh") is no group."""
    rx = _rx()
    item = right.split(",")[0]
    kinds = re.match(rf"(?:(?:{rx.kind.pattern})\s*)+", item)
    rest = item[kinds.end():] if kinds else ""
    return (left.casefold().endswith(tuple(f" {t}" for t in tier_words()))
            and bool(rest.strip()) and not rx.qualifier.match(rest))


def split_glued(cell: str) -> list[str]:
    """A cell whose lines each named a body, joined by a space ("Các sở, ngành, UBND xã,
    phường, đặc khu Sở Tài chính", "Sở Khoa học và Công nghệ Sở Công Thương"): split before a
    named body's head when the words before it already name a whole body. Not a unit before
    its parent ("Ban Thi đua - Khen thưởng Sở Nội vụ") nor an office before the bodies it
    serves ("Văn phòng UBND tỉnh")."""
    rx = _rx()
    for m in re.finditer(rf"(?<=[^\s,;(])\s+(?={UPPER})", cell):
        left, right = cell[:m.start()], cell[m.end():]
        if ((rx.parent_heads.match(right) or rx.collective.match(right)) and head_at(right) > 0
                and not rx.unit_heads.match(left) and not _open_bracket(left) and _whole_name(left)):
            return [left, *split_glued(right)]
    return [cell]


def _whole_name(text: str) -> bool:
    """The text ends a body's whole name: its last listed name runs to its end, or it ends
    with a tier ("..., UBND xã, phường, đặc khu")."""
    if re.search(r"\b(?:thuộc|của|tại|với|và|cho)$", text):
        return False  # "Các phòng, đơn vị thuộc | Sở": the body it belongs to follows
    if text.endswith(tier_words()):
        return head_at(text) >= 0
    last = re.split(r",\s*", text)[-1]
    head = head_at(last)
    return head > 0 and not _bare_kind(last) and name_end(last, 0, head) >= len(last)


def join_comma_names(parts: list[str]) -> list[str]:
    """Parts of a list split at a comma that belongs to a name ("Báo và Phát thanh" +
    "Truyền hình tỉnh"), joined again."""
    out: list[str] = []
    for part in parts:
        if out and any(_splits_name(out[-1], part, name) for name in patterns.load("bodies")["comma_names"]):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _splits_name(left: str, right: str, name: str) -> bool:
    before, _, after = (p.strip().casefold() for p in name.partition(","))
    return left.casefold().endswith(before) and right.casefold().startswith(after)


def named_by_function(name: str) -> bool:
    """A bare kind and the part it plays ("Cơ quan chủ trì", "Đơn vị đầu mối"): a body named by
    its function, whose name may go on with the task it plays that part in."""
    return any(m.end() == len(name.rstrip()) and _single_kind(name[:m.start()])
               for m in _rx().function_name.finditer(name))


def _single_kind(body: str) -> bool:
    """One bare kind with no "Các" / "Mỗi" ("Cơ quan", "Đơn vị"): no body by itself, the start
    of a name the tagger cut or of a body named by its part ("Cơ quan chủ trì")."""
    return body.strip().casefold() in patterns.load("bodies")["bare_kinds"]


def _bare_kind(item: str) -> bool:
    """A list item that is only a head ("Trung tâm", "Các Phòng"): a kind, not one body."""
    return head_at(item) == len(item.rstrip())


def _open_bracket(left: str) -> bool:
    return left.count("(") > left.count(")") or left.count("“") > left.count("”")


def strip_role_note(name: str) -> str:
    """The name without a final bracket that only states the body's role."""
    m = _rx().role_note.search(name)
    return name[:m.start()] if m and not name[m.end():].strip() else name


def _office_of(left: str, right: str) -> bool:
    """"Văn phòng HĐND" before "UBND huyện": the office serves both, so it is one body."""
    rx = _rx()
    office = rx.office.match(left)
    served = rx.office_of.match(left, office.end()) if office else None
    return served is not None and served.end() == len(left) and bool(rx.office_of.match(right))


def is_name_only(label: str) -> bool:
    """A heading that is only a name: no statement word ("là", "chủ trì", "quyết định") after
    its first word, or a name that runs to its end by :func:`name_end` (a unit code closing a
    long name, a kind listed: "Cơ quan, tổ chức")."""
    rx = _rx()
    if not any(rx.name_stops.match(label, m.start()) for m in re.finditer(r"(?<=\s)\S", label)
               if m.group().islower()) and not any(  # "Cần Thơ" is a place, "cần" a statement word
            tag == "V" and rx.opening_verb.fullmatch(token) for token, tag, _ in _tags(label)[1:]):
        return True
    head = head_at(label)
    return head >= 0 and name_end(label, 0, head) >= len(label.rstrip(" .:"))


# A short name a document gives a body it has just named in full: "Trung tâm chính trị xã,
# phường, đặc khu (sau đây gọi tắt là Trung tâm)". Not "gọi chung là" (a group's name).
_SHORT_NAME = re.compile(r"\((?:sau\s+đây\s+)?(?:gọi\s+tắt\s+là|viết\s+tắt\s+là)\s*[“\"]?"
                         r"(?P<short>[^()“”\"]{2,40}?)[”\"]?\s*\)")


def short_names(plan: Plan) -> dict[str, str]:
    """normal(short name) -> full name, for bodies a document names in full once and by a bare
    head afterwards ("Trung tâm"): the full name is the words before the bracket from the
    short name's last mention on. A short name that names a body on its own ("Ban Chỉ đạo" for
    a long title) is not rewritten unless it is a bare head."""
    out: dict[str, str] = {}
    for block in plan.blocks:
        text = block.content
        for m in _SHORT_NAME.finditer(text):
            short = m.group("short").strip()
            before = text[max(0, m.start() - 160):m.start()].rstrip()
            at = before.casefold().rfind(short.casefold() + " ")
            if not _bare_kind(capital_first(short)) or at < 0 or not re.match(r"(?:^|\W)$", before[:at][-1:]):
                continue
            out.setdefault(normal(short), capital_first(before[at:].strip()))
    return out


def same_body(a: str, b: str) -> bool:
    """One body written two ways: with or without "Các", or inside the other's name."""
    na, nb = normal(a), normal(b)
    return na == nb or (len(na) > 8 and na in nb)


def body_key(name: str) -> str:
    """One key for the ways a text writes one body: abbreviations written out, "Việt Nam",
    "các" and "cấp" left out, a place name after the last tier dropped, tiers listed in any
    order. "UBND xã, phường, đặc khu" is "Ủy ban nhân dân phường, xã, đặc khu"; "Ban Thường
    trực UBMTTQ xã" is "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh"."""
    tiers = alternation(tier_words())
    text = re.sub(rf"(?i:\b({tiers}))(?:\s+{UPPER}\S*)+\s*$", r"\1", expand_abbreviations(name))
    low = re.sub(rf"\b(?:việt nam|các|cấp(?=\s+(?:{tiers})\b))\b", " ", text.casefold())
    low = " ".join(low.split())
    return re.sub(rf"\b(?:{tiers})(?:\s*(?:,|và)\s*(?:{tiers})\b)+",
                  lambda m: ", ".join(sorted(re.split(r"\s*(?:,|\bvà\b)\s*", m.group(0)))), low)


def normal(name: str) -> str:
    """Casefolded, single-spaced, without a leading "các"."""
    low = " ".join(name.casefold().split())
    return low[4:] if low.startswith("các ") else low
