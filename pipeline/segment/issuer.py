"""Who issued the plan, in full words, and at which tier.

Sources in order of trust: the agency lines of the letterhead, the preamble's
"<body> xây dựng/ban hành Kế hoạch", the signature's "TM. <BODY>". A body named
only by its tier ("Ủy ban nhân dân huyện") takes the locality the document
itself gives: its place line, "<tier> <Name>" in the text, or a province named in it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from rapidfuzz import fuzz

from pipeline import patterns
from pipeline.lang.casing import expand_abbreviations, find_mixed_case, issuer_heads, name_case
from pipeline.lang.letters import UPPER, UPPER_LETTERS
from pipeline.lang.tiers import tier_alternation, tier_words

_SUBJECT_VERB = re.compile(
    r"(?P<subject>[^,;.:()]+?)\s+(?:xây dựng|ban hành|triển khai|tổ chức|thống nhất)\s+"
    r"(?:và\s+\S+\s+)?(?:kế hoạch|chương trình|hướng dẫn)", re.IGNORECASE)


def _head_at(text: str) -> int:
    """Offset where a body name (Ủy ban nhân dân, Sở, Liên minh ...) starts in ``text``, or -1.

    A "Ban" right after "Ủy" is that committee's second word, not a board's head: a
    misspelt "Ủy ban nhân tỉnh" starts at "Ủy", so the letterhead can stand in for it.
    """
    low = text.lower()
    best = -1
    for head in issuer_heads():
        for m in re.finditer(rf"(?:^|\s){re.escape(head.lower())}(?=\s)", low):
            start = m.start() if m.group(0)[0] != " " else m.start() + 1
            before = _COMMITTEE_WORD.search(low, 0, start)
            if before and head.lower().split()[0] == "ban":
                start = before.start()
            if best < 0 or start < best:
                best = start
            break
    return best


_COMMITTEE_WORD = re.compile(r"\b(?:ủy|uỷ)\s+$")


def from_agency_lines(lines: tuple[str, ...], text: str) -> str:
    """The issuing body from the letterhead: its lowest body, lines of one body joined."""
    bodies: list[str] = []
    for line in lines:
        clean = " ".join(line.replace("_", " ").split()).strip("-–—/| ")
        if not clean:
            continue
        low = expand_abbreviations(clean).lower()
        if bodies and (low.startswith(tier_words()) or _head_at(low) != 0):
            bodies[-1] += " " + clean
        else:
            bodies.append(clean)
    if not bodies:
        return ""
    unit = _bare_unit(lines)
    parent = from_agency_lines(lines[:-1], text) if unit else ""
    if parent:
        return f"{_mixed_case(unit.upper(), text)} {parent}"
    issuer = _mixed_case(bodies[-1], text)
    own_named = issuer.startswith(tuple(patterns.load("header")["own_named"]))
    if len(bodies) > 1 and not _has_locality(issuer) and not own_named:
        issuer = _joined(issuer, _locality_of(_mixed_case(bodies[-2], text)))
    return issuer


def _joined(issuer: str, locality: str) -> str:
    """``issuer`` and its parent's locality, the tier word once: "THANH TRA TỈNH" under
    "UBND TỈNH ĐẮK NÔNG" is "Thanh tra tỉnh Đắk Nông"; a province name OCR ran together
    ("ĐẮKNÔNG") is spelt as the gazetteer does."""
    tier = _trailing_tier(issuer)
    locality = locality.strip()
    if tier and locality.lower().startswith(tier + " "):
        issuer = issuer[: len(issuer) - len(tier)].rstrip()
    return f"{issuer} {_spaced_province(locality)}" if locality else issuer


def _spaced_province(locality: str) -> str:
    """"tỉnh Đắknông" -> "tỉnh Đắk Nông": a provincial name whose spaces were lost."""
    tier, _, name = locality.partition(" ")
    known = _province_spellings().get(_unspaced(name))
    return f"{tier} {known}" if known else locality


def _unspaced(name: str) -> str:
    return "".join(name.split()).casefold()


@cache
def _province_spellings() -> dict[str, str]:
    """Every provincial-level name of the gazetteer by its letters alone."""
    table = patterns.load("provinces")
    return {_unspaced(n): n for n in (*table["provinces"], *table["cities"])}


def _bare_unit(lines: tuple[str, ...]) -> str:
    """The letterhead's last line when it names only a unit of the body above it, else ""."""
    last = " ".join(lines[-1].replace("_", " ").split()).strip("-–—/| ").lower() if lines else ""
    return last if last in patterns.load("header")["bare_units"] else ""


def _mixed_case(name: str, text: str) -> str:
    """A letterhead name in the case running text uses (the document's own, else naming rules)."""
    if not name.isupper():
        return name
    full = expand_abbreviations(name)
    return find_mixed_case(full, text) or name_case(full)


def from_preamble(preamble: str) -> str:
    """The subject of "... xây dựng/ban hành Kế hoạch" in the preamble.

    The last such clause wins: the issuer's own sentence closes the preamble,
    after the documents it cites ("Quyết định ... của Bộ Y tế về việc ban hành
    Hướng dẫn ..."). A subject holding "về" is a cited document's title, not a body.
    """
    found = ""
    for m in _SUBJECT_VERB.finditer(preamble):
        subject = m.group("subject")
        start = _head_at(subject)
        if start >= 0 and not re.search(r"\bvề\b", subject[start:]):
            found = " ".join(subject[start:].split())
    return found


def from_signature(closing: list[str]) -> str:
    """"TM. ỦY BAN NHÂN DÂN" → the body the signer acts for (no locality)."""
    for line in closing:
        m = re.search(rf"\bT/?M\.?\s+(?P<body>{UPPER}[{UPPER_LETTERS}\s-]+)", line)
        if m:
            return name_case(m.group("body").strip())
    return ""


def choose(letterhead: str, preamble: str, signature: str, place: str, text: str) -> str:
    """The issuer in full words, from the best source, with its locality.

    The preamble's "<body> xây dựng Kế hoạch" names the issuing body itself (a
    letterhead may name only its parent or its executive committee); the
    letterhead then supplies the locality the preamble leaves out ("Sở Y tế" of
    "UBND TỈNH LONG AN", "Ủy ban nhân dân huyện" of "UBND HUYỆN KIM SƠN").
    """
    if preamble and letterhead and _same_body(preamble, letterhead):
        preamble = ""  # the letterhead spells the same body in full ("Ủy ban nhân tỉnh", a typo)
    issuer = expand_abbreviations(preamble or letterhead or signature)
    if not issuer or _has_locality(issuer):
        return issuer
    committee = _committee_name(issuer, expand_abbreviations(letterhead))
    if committee:
        return f"{issuer} {committee}"
    tier = _trailing_tier(issuer)
    head_locality = _locality_of(expand_abbreviations(letterhead)).strip()
    if head_locality and (not tier or head_locality.lower().startswith(tier + " ")):
        name = head_locality[len(tier):].strip() if tier else head_locality
        return _with_locality(issuer, tier, name, text)
    if not tier:
        return issuer
    name = place or _named_in_text(tier, text) or _province_in_text(tier, text)
    return _with_locality(issuer, tier, name, text) if name else issuer


def _with_locality(issuer: str, tier: str, name: str, text: str) -> str:
    """``issuer`` completed by its locality's ``name``, its closing tier word in the case
    the document writes "<tier> <name>" most: a preamble's "Ủy ban nhân dân Tỉnh" (the
    Province, as a title) becomes "... tỉnh Đồng Tháp", while a document writing
    "Thành phố Hồ Chí Minh" keeps it so."""
    if not tier:
        return f"{issuer} {name}"
    written = find_mixed_case(f"{tier} {name}", text)
    return f"{issuer[: len(issuer) - len(tier)]}{written}" if written else f"{issuer} {name}"


def _same_body(preamble: str, letterhead: str) -> bool:
    """The preamble names the letterhead's body, perhaps misspelt or without its locality."""
    a = expand_abbreviations(preamble).casefold()
    b = expand_abbreviations(letterhead).casefold()
    return not b.startswith(a) and fuzz.partial_ratio(a, b) >= SAME_BODY and len(a) <= len(b)


SAME_BODY = 85


def _committee_name(issuer: str, letterhead: str) -> str:
    """"Cần Giuộc" for "Ban Thường vụ Huyện ủy" under the letterhead "Huyện ủy Cần Giuộc"
    (or under any letterhead naming "huyện Cần Giuộc": the committee's first word is its tier)."""
    low = issuer.lower()
    for committee in patterns.load("header")["party_committees"]:
        if low.endswith(committee):
            m = re.search(rf"{committee}\s+({UPPER}[^\n]*)$", letterhead, re.IGNORECASE)
            if m:
                return m.group(1).strip()
            tier = committee.split()[0]
            m = re.search(rf"\b{tier}\s+({UPPER}[^\n]*)$", letterhead, re.IGNORECASE)
            return m.group(1).strip() if m else ""
    return ""


def _trailing_tier(issuer: str) -> str:
    low = issuer.lower()
    return next((t for t in tier_words() if low.endswith(" " + t)), "")


def _has_locality(issuer: str) -> bool:
    """True when a tier word in the name is followed by a capitalised place name, or the
    name ends with the centre ("Ban Tuyên giáo Trung ương")."""
    committees = "|".join(patterns.load("header")["party_committees"])
    return bool(re.search(rf"\b(?:{tier_alternation()}|(?i:{committees}))\s+{UPPER}", issuer)
                or _centre_of(issuer))


def _locality_of(parent: str) -> str:
    """" tỉnh Long An" of "Ủy ban nhân dân tỉnh Long An"; " Trung ương" of the Party's
    "Ban Chấp hành Trung ương"; else ""."""
    m = re.search(rf"\s(?:{tier_alternation()})\s+{UPPER}.*$", parent)
    if m:
        return m.group(0)
    centre = _centre_of(parent)
    return f" {centre}" if centre else ""


def _centre_of(name: str) -> str:
    """The central locality closing ``name`` ("Trung ương"), or ""."""
    return next((c for c in patterns.load("header")["central_localities"]
                 if name.casefold().endswith(" " + c.casefold())), "")


def _named_in_text(tier: str, text: str) -> str:
    """The most frequent "<tier> <Name>" in the text ("xã Đại Sơn")."""
    word = rf"{UPPER}[a-zđà-ỹ]+"
    found = Counter(m.group(1) for m in re.finditer(rf"\b{tier}\s+({word}(?:\s+{word})*)", text))
    return found.most_common(1)[0][0] if found else ""


def _province_in_text(tier: str, text: str) -> str:
    if tier not in ("thành phố", "tỉnh"):
        return ""
    table = patterns.load("provinces")
    names = table["cities"] if tier == "thành phố" else table["provinces"]
    found = Counter({n: len(re.findall(rf"\b{re.escape(n)}\b", text)) for n in names})
    name, count = found.most_common(1)[0]
    return name if count else ""

