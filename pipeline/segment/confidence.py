"""How sure OCR was of each header field, so an analyst can sort the fields to check by eye.

A field's confidence is the mean OCR word confidence of the line(s) it was read
from (:func:`pipeline.confidence.mean_confidence`): the code and the place-and-date
from their letterhead lines, the title from the type line and the title lines, the
issuer from the source :func:`pipeline.segment.issuer.choose` took it from (the
preamble's sentence, the letterhead's agency lines, the signature's "TM. …"), the
signer's name from the closing line holding it. A field that is empty, or whose
lines were not read by OCR, has none. Text without any OCR line is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from pipeline.confidence import mean_confidence
from pipeline.lang.casing import expand_abbreviations
from pipeline.models import Block, Line, PlanMeta
from pipeline.segment import issuer as issuer_mod
from pipeline.segment.doctype import TypeLine
from pipeline.segment.header import Header, parse_header

_SIGNATURE_BODY = re.compile(r"\bT/?M\.?\s+\S")


def with_confidences(meta: PlanMeta, blocks: Sequence[Block], type_line: TypeLine | None,
                     preamble: str) -> PlanMeta:
    """``meta`` with the ``*_confidence`` of its fields, 0..100 to one decimal.

    ``preamble``: the preamble text the issuer was looked for in ("" for a decision).
    """
    if all(b.line.confidence is None for b in blocks):
        return meta
    header = [b.line for b in blocks if b.role == "header"]
    texts = [ln.text for ln in header]
    code_at = _first_with(texts, lambda h: h.code)
    place_at = _first_with(texts, lambda h: h.place)
    found = {
        "code": _code_lines(header, code_at),
        "issue_date": [header[place_at]] if place_at is not None else [],
        "place": [header[place_at]] if place_at is not None else [],
        "issuer": _issuer_lines(meta.issuer, blocks, header, preamble),
        "title": _title_lines(blocks, type_line),
        "signer_name": _name_lines(meta.signer_name, blocks),
    }
    sure = {name: _rounded(lines) if getattr(meta, name) else None for name, lines in found.items()}
    return replace(meta, code_confidence=sure["code"], issue_date_confidence=sure["issue_date"],
                   place_confidence=sure["place"], issuer_confidence=sure["issuer"],
                   title_confidence=sure["title"], signer_name_confidence=sure["signer_name"])


def _rounded(lines: Sequence[Line]) -> float | None:
    mean = mean_confidence(lines)
    return None if mean is None else round(mean, 1)


def _first_with(texts: list[str], field: Callable[[Header], str]) -> int | None:
    """The header line a field is read from: the first whose prefix of lines gives it
    (:func:`parse_header` keeps the first match)."""
    return next((i for i in range(len(texts)) if field(parse_header(texts[:i + 1]))), None)


def _code_lines(header: list[Line], at: int | None) -> list[Line]:
    """The "Số: …" line; with the line above when that held "Số:" alone."""
    if at is None:
        return []
    alone = at > 0 and not parse_header([header[at].text]).code
    return header[at - 1:at + 1] if alone else [header[at]]


def _agency_lines(header: list[Line]) -> list[Line]:
    """The letterhead lines read as agency lines (those adding one to :class:`Header`)."""
    out, count = [], 0
    for i, line in enumerate(header):
        now = len(parse_header([ln.text for ln in header[:i + 1]]).agency_lines)
        if now > count:
            out.append(line)
        count = now
    return out


def _issuer_lines(issuer: str, blocks: Sequence[Block], header: list[Line],
                  preamble: str) -> list[Line]:
    """The lines of the source the issuer came from, in :func:`issuer.choose`'s order."""
    subject = issuer_mod.from_preamble(preamble)
    if subject and issuer.startswith(expand_abbreviations(subject)):
        lines = [b.line for b in blocks if b.role == "preamble"]
        return [ln for ln in lines if subject in " ".join(ln.text.split())] or lines
    agency = _agency_lines(header)
    if agency:
        return agency
    return [b.line for b in blocks if b.role == "closing" and _SIGNATURE_BODY.search(b.line.text)][:1]


def _title_lines(blocks: Sequence[Block], type_line: TypeLine | None) -> list[Line]:
    """The type line when the title begins on it, and the title lines under it."""
    lines = []
    for block in blocks:
        if block.role == "title":
            lines.append(block.line)
        elif block.role != "header":
            break  # an attached plan's title lines come after the body
    if type_line and not type_line.rest and lines:
        return lines[1:]
    return lines


def _name_lines(name: str, blocks: Sequence[Block]) -> list[Line]:
    """The last closing line holding the signer's name (any case)."""
    want = name.casefold()
    closing = [b.line for b in blocks if b.role == "closing"]
    return next(([ln] for ln in reversed(closing) if want in " ".join(ln.text.split()).casefold()), [])
