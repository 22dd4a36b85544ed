"""References: the documents a plan cites (references.csv).

A citation is a document type followed by its number ("Kế hoạch số
238/KH-UBND"), then in a fixed order its date, its issuer after "của" and its
subject after "về (việc)". Laws and congress resolutions are also cited by
name alone. Why patterns as data (patterns/references.yaml, doc_types.yaml):
provinces and years vary the wording of these phrases far more than their
order, so new shapes are added without touching the code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from pipeline import patterns
from pipeline.extract.common import Unit, body_units, tidy
from pipeline.lang.casing import expand_abbreviations
from pipeline.lang.codes import ref_key, split_code
from pipeline.lang.dates import DATE_ANY, parse_date
from pipeline.lang.laws import closed_names, known_name_at, law_names, names_with
from pipeline.lang.letters import UPPER
from pipeline.models import Plan, Reference, Relation

_QUOTES = "“”\"'‘’«»"


@dataclass(frozen=True)
class _Rx:
    citation: re.Pattern[str]
    unnumbered: re.Pattern[str]  # "Kế hoạch của UBND thành phố ngày 10/6/2025": read only with a date
    code: re.Pattern[str]
    date_lead: re.Pattern[str]
    issuer_lead: re.Pattern[str]
    issuer_before: re.Pattern[str]
    issuer_about: re.Pattern[str]
    issuer_about_stop: re.Pattern[str]
    title_lead: re.Pattern[str]
    sibling_lead: re.Pattern[str]
    issuer_stop: re.Pattern[str]
    title_stop: re.Pattern[str]
    subject_lead: re.Pattern[str]
    named: tuple[re.Pattern[str], ...]
    law_number: re.Pattern[str]
    amended_list: re.Pattern[str]
    lower_law: re.Pattern[str]
    study: re.Pattern[str]  # the words before a field of study ("cử nhân Luật Kinh tế")
    relations: tuple[tuple[Relation, re.Pattern[str]], ...]
    type_names: dict[str, str]


# Shapes of a document cited by name, tried in this order (references.yaml).
_NAMED = ("named_amending_law", "named_law_year", "named_law", "named_resolution")


@cache
def _rx() -> _Rx:
    """Compile the citation shapes once per process."""
    def rx(*path: str) -> re.Pattern[str]:
        return patterns.regex("references", *path)

    names = patterns.at("doc_types", "name")
    return _Rx(
        citation=rx("citation"),
        unnumbered=rx("unnumbered"),
        code=rx("any_code"),
        date_lead=rx("date_lead"),
        issuer_lead=rx("issuer_lead"),
        issuer_before=rx("issuer_before"),
        issuer_about=rx("issuer_about"),
        issuer_about_stop=rx("issuer_about_stop"),
        title_lead=rx("title_lead"),
        sibling_lead=rx("sibling_lead"),
        issuer_stop=rx("issuer_stop"),
        subject_lead=rx("subject_lead"),
        title_stop=rx("title_stop"),
        named=tuple(rx(key) for key in _NAMED),
        law_number=rx("law_number"),
        amended_list=rx("amended_list"),
        lower_law=rx("lower_law"),
        study=rx("study_before"),
        relations=tuple((rel, rx("relations", rel)) for rel in patterns.load("references")["relations"]),
        type_names={n.casefold(): n for n in names},
    )


@dataclass
class _Cite:
    """One cited document while its phrase is being read."""

    ref_type: str
    code: str
    start: int
    date: str = ""
    issuer: str = ""
    title: str = ""


_FOOTNOTE = re.compile(r"^\[\d{1,3}\]")


def find_references(plan: Plan) -> tuple[Reference, ...]:
    """Every document cited in the title, preamble, outline, annexes and footnotes, once each
    (first citation). The document itself (an attached plan's "kèm theo Quyết định số ...")
    is no reference."""
    rows: dict[tuple[str, str], Reference] = {}
    own = ref_key(re.sub(r"\s+", "", plan.meta.code)) if plan.meta.code else ""
    laws = names_with(closed_names(plan.text.string))
    for unit in body_units(plan, ("title", "preamble", "heading", "item", "body", "row", "appendix",
                                  "closing")):
        if unit.block.role == "closing" and not _FOOTNOTE.match(unit.text):
            continue  # Nơi nhận and the signature cite nothing; footnotes printed there do
        for row in _unit_references(plan.doc_id, unit, laws):
            if own and row.ref_key == own:
                continue
            key = (row.ref_key, "") if row.ref_key else (row.ref_type, _name_key(row.ref_title))
            rows[key] = _completed(rows[key], row) if key in rows else row
    # A law cited once with its number and elsewhere by its name alone is one document.
    coded = {(r.ref_type, _name_key(r.ref_title)) for r in rows.values() if r.ref_key and r.ref_title}
    named = [_name_key(r.ref_title) for r in rows.values() if not r.ref_key]
    return tuple(r for r in rows.values()
                 if (r.ref_key and not _shortened(r, rows.values()))
                 or (not r.ref_key and (r.ref_type, _name_key(r.ref_title)) not in coded
                     and not _other_form(_name_key(r.ref_title), named, laws)))


_YEAR = re.compile(r"\s+năm\s+\d{4}$")


def _name_key(title: str) -> str:
    """A name cited with and without its year ("Luật Tiếp công dân năm 2013") or abbreviated
    ("Luật MTTQ Việt Nam") is one document."""
    return expand_abbreviations(_YEAR.sub("", title)).casefold()


def _other_form(name: str, names: list[str], laws: tuple[str, ...]) -> bool:
    """A law's name that is another cited name's short form or run-on, the other being the law.

    One name starting another: the longer is the law when it is a known name and the
    shorter is not ("Luật Bầu cử" for "Luật Bầu cử đại biểu Quốc hội và ..."); else the
    shorter is, and the longer ran on into the sentence ("Luật Việc làm bảo đảm kịp thời").
    """
    for other in names:
        if other.startswith(name + " "):
            if _known(other, laws) and not _known(name, laws, shipped=True):
                return True
        elif name.startswith(other + " ") and not _known(name, laws):
            return True
    return False


def _known(name: str, laws: tuple[str, ...], shipped: bool = False) -> bool:
    """A name (with its type word) among the known law names: shipped, or also the document's own."""
    bare = name.split(" ", 1)[-1]
    return bare in (law_names() if shipped else laws)


def _shortened(row: Reference, rows: Iterable[Reference]) -> bool:
    """A code cited in full elsewhere, here cut short ("Nghị quyết liên tịch số 102" or
    "102/2025/NQLT" for "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN")."""
    return any(r.ref_type == row.ref_type and r.ref_key.startswith(row.ref_key + "-") for r in rows)


def _completed(first: Reference, later: Reference) -> Reference:
    """The first citation, with the date, issuer and title a later, fuller citation gives.

    Why: a plan often names a document briefly first (in its title: "Thực hiện
    Nghị quyết số 08/NQ-HĐND ...") and in full in the preamble, whose Căn cứ / Thực hiện
    gives the relation a citation in a decision's title does not.
    """
    return replace(first, ref_date=first.ref_date or later.ref_date,
                   ref_issuer=first.ref_issuer or later.ref_issuer,
                   ref_title=first.ref_title or later.ref_title,
                   relation=first.relation if first.relation != "cites" else later.relation)


def _unit_references(doc_id: str, unit: Unit, laws: tuple[str, ...] | None = None) -> list[Reference]:
    rx, text = _rx(), unit.text
    rows: list[Reference] = []
    taken: list[tuple[int, int]] = []
    listed: list[tuple[_Cite, int]] = []
    for m in rx.citation.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        cites, end = _read_citation(text, m)
        taken.append((m.start(), _subject_end(text, end)))
        listed += [(cite, end) for cite in cites]
    _share_issuers(text, listed)
    rows += [_row(doc_id, unit, cite, end) for cite, end in listed]
    for m in rx.unnumbered.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        cites, end = _read_citation(text, m)
        if cites[0].date:  # a type named with its date and issuer but no number
            taken.append((m.start(), _subject_end(text, end)))
            rows.append(_row(doc_id, unit, cites[0], end))
    for pattern in rx.named:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken) or rx.study.search(text, 0, m.start()):
                continue
            cite = _named(m)
            end = _known_law_end(text, m, cite, laws)
            if number := rx.law_number.match(text, end):
                cite.code, end = number.group("code"), number.end()
                end = _amended_list(text, m, cite, end)
            end = end if m.groupdict().get("year") else _read_date(text, end, cite)
            if cite.code:  # "Luật ... số 72/2025/QH15 ngày 16 tháng 6 năm 2025 của Quốc hội"
                cite.issuer, end = _read_issuer(text, end)
            taken.append((m.start(), end))
            rows.append(_row(doc_id, unit, cite, end))
    rows += _lower_case_laws(doc_id, unit, taken, laws)
    return sorted(rows, key=lambda r: r.span.start)


def _amended_list(text: str, m: re.Match[str], cite: _Cite, end: int) -> int:
    """An amending law over a list of laws with their numbers ("Luật sửa đổi, bổ sung một số
    điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và ..."): the numbers
    are the amended laws', the list is the amending law's name."""
    if not (m.groupdict().get("name") or "").lower().startswith("sửa đổi"):
        return end
    more = end
    while step := _rx().amended_list.match(text, more):
        more = step.end()
    if more == end:
        return end
    cite.code, cite.title = "", tidy(f"{cite.ref_type} {text[m.start('name'):more]}")
    return more


def _lower_case_laws(doc_id: str, unit: Unit, taken: list[tuple[int, int]],
                     laws: tuple[str, ...] | None) -> list[Reference]:
    """Laws whose known name is written in lower case ("Luật ngân sách nhà nước")."""
    rows = []
    for m in _rx().lower_law.finditer(unit.text):
        length = known_name_at(unit.text, m.end(), laws)
        if not length or any(a <= m.start() < b for a, b in taken):
            continue
        end = m.end() + length
        cite = _Cite("Luật", "", m.start(), title=f"Luật {unit.text[m.end():end]}")
        rows.append(_row(doc_id, unit, cite, _read_date(unit.text, end, cite)))
    return rows


_LIST_GLUE = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def _share_issuers(text: str, listed: list[tuple[_Cite, int]]) -> None:
    """A list of citations closed by one issuer ("Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch
    số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy"): that issuer is every one's."""
    for (cite, end), (after, _) in reversed(list(zip(listed, listed[1:], strict=False))):
        if not cite.issuer and after.issuer and _LIST_GLUE.fullmatch(text[end:after.start]):
            cite.issuer = after.issuer


def _subject_end(text: str, pos: int) -> int:
    """End of the clause saying what a cited document does ("quy định chi tiết ..."), else ``pos``."""
    rx = _rx()
    if not rx.subject_lead.match(text, pos):
        return pos
    stop = rx.title_stop.search(text, pos)
    return stop.start() if stop else len(text)


def _read_citation(text: str, m: re.Match[str]) -> tuple[list[_Cite], int]:
    """The documents of one citation phrase and where the phrase ends."""
    rx = _rx()
    ref_type = rx.type_names.get(" ".join(m.group("type").split()).casefold(), m.group("type"))
    groups = m.groupdict()
    cites = [_Cite(ref_type, groups.get("code") or groups.get("bare") or "", m.start())]
    pos = _read_date(text, m.end(), cites[-1])
    while sib := rx.sibling_lead.match(text, pos):
        code = rx.code.match(text, sib.end())
        if not code:
            break
        cites.append(_Cite(ref_type, code.group(0), m.start()))
        pos = _read_date(text, code.end(), cites[-1])
    issuer, pos = _read_issuer(text, pos)
    issuer = issuer or _issuer_before(text, m.start())
    if not cites[-1].date:
        pos = _read_date(text, pos, cites[-1])
    title, pos = _read_title(text, pos)
    date = ""
    for cite in reversed(cites):
        # "số 112/QĐ-UBND và số 113/QĐ-UBND ngày 16/01/2025": the date after a code is theirs too.
        date = cite.date = cite.date or date
        cite.issuer, cite.title = issuer, title
    return _titled_siblings(text, pos, cites)


def _titled_siblings(text: str, pos: int, cites: list[_Cite]) -> tuple[list[_Cite], int]:
    """Codes listed after a title, each with its own ("các Quyết định: số 36/QĐ-TTg ... về
    việc quy hoạch ..., số 1569/QĐ-TTg ... về việc ... và số 1668/QĐ-TTg ...")."""
    rx = _rx()
    while (sib := rx.sibling_lead.match(text, pos)) and (code := rx.code.match(text, sib.end())):
        cite = _Cite(cites[0].ref_type, code.group(0), cites[0].start)
        pos = _read_date(text, code.end(), cite)
        cite.issuer, pos = _read_issuer(text, pos)
        cite.issuer = cite.issuer or cites[0].issuer
        cite.title, pos = _read_title(text, pos)
        cites.append(cite)
    return cites, pos


def _read_date(text: str, pos: int, cite: _Cite) -> int:
    lead = _rx().date_lead.match(text, pos)
    if not lead:
        return pos
    word_form = lead.start() + lead.group(0).lower().rfind("ngày")
    d = DATE_ANY.match(text, word_form) or DATE_ANY.match(text, lead.end())
    if not d:
        return pos
    cite.date = parse_date(d.group(0))[0]
    return d.end()


# The issuer may stand before: "Theo đề nghị của Sở Y tế tại Tờ trình số ...".
ISSUER_BEFORE_WITHIN = 120


def _issuer_before(text: str, start: int) -> str:
    found = _rx().issuer_before.search(text[max(0, start - ISSUER_BEFORE_WITHIN):start])
    return tidy(found.group("issuer")) if found else ""


def _read_issuer(text: str, pos: int) -> tuple[str, int]:
    rx = _rx()
    lead = rx.issuer_lead.match(text, pos)
    if not lead:
        return "", pos
    about = rx.issuer_about.match(text, lead.end())
    if about and not text[about.end():about.end() + 1].isupper():
        about = None
    stop = (rx.issuer_about_stop.search(text, about.end()) if about
            else rx.issuer_stop.search(text, lead.end()))
    end = stop.start() if stop else len(text)
    return tidy(text[lead.end():end]), end


def _read_title(text: str, pos: int) -> tuple[str, int]:
    rx = _rx()
    lead = rx.title_lead.match(text, pos)
    if not lead:
        return "", pos
    start = lead.end()
    if start < len(text) and text[start] in _QUOTES:
        close = re.search(f"[{_QUOTES}]", text[start + 1:])
        if close:
            end = start + 1 + close.start()
            return tidy(text[start + 1:end]), end + 1
    stop = rx.title_stop.search(text, start)
    end = stop.start() if stop else len(text)
    return tidy(text[start:end].strip(_QUOTES)).strip(_QUOTES), end


def _known_law_end(text: str, m: re.Match[str], cite: _Cite, laws: tuple[str, ...] | None) -> int:
    """Where a law's name ends: a known name's end when one stands there (the pattern
    alone stops at capitals or runs into the sentence), else the pattern's."""
    if not m.groupdict().get("name") or m.groupdict().get("year"):
        return m.end()
    start = m.start("name")
    length = known_name_at(text, start, laws)
    if not length:
        return m.end()
    cite.title = f"{cite.ref_type} {text[start:start + length]}"
    return start + length


def _named(m: re.Match[str]) -> _Cite:
    """A law cited by its name or a congress's resolution.

    The year a law is cited with ("Luật Giáo dục năm 2019") tells which law of that name,
    but is no part of the name (contract: ``ref_title`` is the law's name): it stays in
    ``raw``, as every real gold file writes it.
    """
    groups = m.groupdict()
    ref_type = " ".join(m.group("type").split())
    if groups.get("name"):
        return _Cite(ref_type, "", m.start(), title=f"{ref_type} {m.group('name')}")
    congress = tidy(m.group("issuer"))
    return _Cite(ref_type, "", m.start(), issuer=congress.removeprefix("của "),
                 title=f"{ref_type} {congress}")


def _row(doc_id: str, unit: Unit, cite: _Cite, end: int) -> Reference:
    code = re.sub(r"\s+", "", cite.code)
    number, symbol = split_code(code) if code else ("", "")
    if code and not symbol:
        number, symbol = code, ""
    return Reference(
        doc_id=doc_id, section_id=unit.section_id, ref_type=cite.ref_type,
        ref_number=number, ref_symbol=symbol, ref_code=code,
        ref_key=ref_key(code) if code else "", ref_date=cite.date, ref_issuer=cite.issuer,
        ref_title=cite.title, relation=_relation(unit, cite.start),
        raw=tidy(unit.text[cite.start:end]), span=unit.span(cite.start, end),
    )


def _relation(unit: Unit, at: int) -> Relation:
    """implements / pursuant for documents governed by an opening Thực hiện / Căn cứ."""
    if unit.block.role not in ("preamble", "title"):
        return "cites"
    before = unit.text[:at]
    sentence = re.split(rf"\.\s+(?={UPPER})", before)[-1]
    relation: Relation = "cites"
    for clause in re.split(r";\s*", sentence):
        for rel, rx in _rx().relations:
            if rx.match(clause):
                relation = rel
                break
    return relation
