"""Typed values passed between the stages.

Every stage reads the previous stage's value and never its internals. Every
extracted row carries a :class:`Span` into the repaired text written to
``text/<doc_id>.txt`` (character offsets) and the source page, so an auditor can
find the words a row came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_type_hints

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# The closed vocabularies of the stages and the tables (docs/output-contract.md says what each means).
PageMethod = Literal["text", "ocr", "docx", "blank"]
BlockRole = Literal["header", "title", "preamble", "heading", "item", "body", "row", "closing",
                    "appendix"]
IssuerLevel = Literal["national", "province", "district", "commune", "agency", ""]
Part = Literal["main", "attached"]
Relation = Literal["implements", "pursuant", "cites"]
DeadlineKind = Literal["by", "within", "until", "periodic"]
BodyRole = Literal["lead", "assigned", "coordinate", "requested"]
Stage = Literal["input", "ingest", "repair", "segment", "extract", "run", "compare"]


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` in the repaired text, and its source page."""

    start: int
    end: int
    page: int = 1


# ---------------------------------------------------------------- ingest ----


@dataclass(frozen=True)
class Page:
    """One page of a source as read: its raw lines and how they were obtained."""

    number: int
    lines: tuple[str, ...]
    method: PageMethod  # "text" (text layer or plain file), "ocr", "docx", "blank" (no text)
    confidence: float | None = None  # OCR mean confidence, 0..100
    seconds: float = 0.0
    # Per line of ``lines``, the mean OCR word confidence (0..100); empty when not read by OCR.
    line_confidences: tuple[float | None, ...] = ()

    def line_confidence(self, index: int) -> float | None:
        """The OCR confidence of ``lines[index]``, None for a line not read by OCR."""
        return self.line_confidences[index] if index < len(self.line_confidences) else None


@dataclass(frozen=True)
class Source:
    """A file as the ingest stage read it, before any repair."""

    doc_id: str
    path: Path
    format: str  # txt, md, docx, pdf, image
    pages: tuple[Page, ...]
    encoding: str = ""  # detected byte encoding for plain-text files
    # Days of the electronic signatures stamped on a PDF (ISO), from its text layer: a
    # scan's handwritten day that OCR cannot read is the day it was signed.
    signed_on: tuple[str, ...] = ()


# ---------------------------------------------------------------- repair ----


@dataclass(frozen=True)
class RepairCount:
    """How often one kind of repair changed the text, and how sure it was."""

    kind: str
    count: int
    confidence: float = 1.0


@dataclass(frozen=True)
class Line:
    """One repaired, re-flowed line: a paragraph, a list item or a heading.

    ``start`` is the offset of the line in :attr:`Text.string` (lines are
    joined by ``\\n``); ``page`` is the source page its first raw line came from.
    """

    text: str
    start: int
    page: int = 1
    # Mean OCR word confidence (0..100) of the raw lines it joins, weighted by their
    # characters; None when none of them was read by OCR.
    confidence: float | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """Span of ``text[start:end]`` in document coordinates."""
        stop = len(self.text) if end is None else end
        return Span(self.start + start, self.start + stop, self.page)


@dataclass(frozen=True)
class Text:
    """The repaired document: lines in reading order plus what repair changed."""

    doc_id: str
    lines: tuple[Line, ...]
    repairs: tuple[RepairCount, ...] = ()
    signed_on: tuple[str, ...] = ()  # the Source's signature days, for the header

    @property
    def string(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @staticmethod
    def from_strings(doc_id: str, rows: list[tuple[str, int]],
                     repairs: tuple[RepairCount, ...] = (),
                     confidences: Sequence[float | None] = (),
                     signed_on: tuple[str, ...] = ()) -> Text:
        """Build a Text from ``(line, page)`` pairs, computing offsets; ``confidences``,
        when given, is each line's OCR confidence."""
        lines, offset = [], 0
        for i, (string, page) in enumerate(rows):
            lines.append(Line(string, offset, page, confidences[i] if confidences else None))
            offset += len(string) + 1
        return Text(doc_id, tuple(lines), repairs, signed_on)


# --------------------------------------------------------------- segment ----


@dataclass(frozen=True)
class Block:
    """A line of the text with the role the segmenter gave it.

    ``role`` is one of: header, title, preamble, heading, item, body, row (a table row,
    cells between "|"), closing, appendix (an annex's own lines; its table rows are rows).
    ``marker`` is the list or outline marker as printed (``II``, ``2``, ``b``,
    ``-``, ``+``); ``content`` is the line without its marker.
    """

    line: Line
    role: BlockRole
    section_id: str = ""
    marker: str = ""
    content: str = ""

    def span(self) -> Span:
        return self.line.span()


@dataclass(frozen=True)
class Section:
    """One heading of the outline, with its own body (not its subsections')."""

    section_id: str
    level: int
    number: str
    heading: str
    labels: tuple[str, ...]
    span: Span
    body: tuple[Block, ...] = ()

    @property
    def text(self) -> str:
        """Own body text: list items keep their marker, the rest of a heading line does not."""
        return " ".join(b.line.text if b.role == "item" else b.content for b in self.body)


@dataclass(frozen=True, kw_only=True)
class PlanMeta:
    """One row of plans.csv: what segment reads from the document, then where it came from.

    ``file``, ``format`` and ``pages`` are the run's to fill (export does, from the
    :class:`DocumentResult`); segment leaves them empty.
    """

    doc_id: str
    doc_type: str = ""
    number: str = ""
    symbol: str = ""
    code: str = ""
    issue_date: str = ""
    place: str = ""
    issuer: str = ""
    issuer_level: IssuerLevel = ""
    title: str = ""
    signer_name: str = ""
    signer_title: str = ""
    signing_authority: str = ""
    attached_code: str = ""  # the decision a plan was issued with ("Ban hành kèm theo Quyết định số …")
    file: str = ""  # the input file's path as given to the run
    format: str = ""  # the file's suffix
    pages: int = 0  # pages read
    # Mean OCR word confidence (0..100) of the lines each field was read from; None for a
    # field that is empty or was not read by OCR (text layer, Word, plain text).
    code_confidence: float | None = None
    issue_date_confidence: float | None = None
    place_confidence: float | None = None
    issuer_confidence: float | None = None
    title_confidence: float | None = None
    signer_name_confidence: float | None = None


@dataclass(frozen=True)
class Plan:
    """A segmented document: every line with its role, the outline and the metadata."""

    doc_id: str
    text: Text
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    meta: PlanMeta
    # Where the plan a decision issues (printed after its signature) starts in the text;
    # -1 when there is none. By position, not section id: an issued Quy chế numbers its
    # articles "Điều 1", "Điều 2" as the decision does.
    attached_start: int = -1

    def part(self, span: Span) -> Part:
        """"attached" for rows of the plan a decision issues, "main" for the document's own."""
        return "attached" if 0 <= self.attached_start <= span.start else "main"

    def blocks_with_role(self, *roles: BlockRole) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.role in roles)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.section_id == section_id), None)


# --------------------------------------------------------------- extract ----


# Rows of the tables: keyword-only, because their field order is the tables' column order
# (the contract's) and may change without breaking a caller. ``part`` is set by ``extract``.


@dataclass(frozen=True, kw_only=True)
class Reference:
    """One row of references.csv: a cited document."""

    doc_id: str
    section_id: str
    ref_type: str
    ref_number: str
    ref_symbol: str
    ref_code: str
    ref_key: str
    ref_date: str
    ref_issuer: str
    ref_title: str
    relation: Relation
    raw: str
    span: Span
    part: Part = "main"


@dataclass(frozen=True, kw_only=True)
class Deadline:
    """One row of deadlines.csv: a dated or recurring obligation."""

    doc_id: str
    section_id: str
    date: str
    period: str
    kind: DeadlineKind
    task: str
    responsible: str
    raw: str
    span: Span
    part: Part = "main"


@dataclass(frozen=True, kw_only=True)
class Responsibility:
    """One row of responsibilities.csv: a (body, role) pair and its task."""

    doc_id: str
    section_id: str
    body: str
    role: BodyRole
    task: str
    body_full: str
    span: Span
    part: Part = "main"


@dataclass(frozen=True, kw_only=True)
class Criterion:
    """One row of criteria.csv: a criterion or quota."""

    doc_id: str
    section_id: str
    group: str
    text: str
    value: str
    span: Span
    part: Part = "main"


# ------------------------------------------------------------ run result ----


@dataclass(frozen=True, kw_only=True)
class SectionRow:
    """One row of sections.csv: a :class:`Section` of a document, flattened."""

    doc_id: str
    section_id: str
    level: int
    number: str
    heading: str
    labels: str  # ";"-joined
    text: str
    span: Span
    part: Part


@dataclass(frozen=True)
class PageInfo:
    """One row of pages.csv."""

    doc_id: str
    page: int
    method: PageMethod
    confidence: float | None
    seconds: float


@dataclass(frozen=True, kw_only=True)
class RepairRow:
    """One row of repairs.csv: a document's :class:`RepairCount`."""

    doc_id: str
    kind: str
    count: int
    mean_confidence: float


@dataclass(frozen=True)
class ErrorRow:
    """One row of errors.csv: a document the run could not (fully) process."""

    doc_id: str
    file: str
    stage: Stage
    reason: str


@dataclass(frozen=True)
class DocumentResult:
    """Everything one document contributes to a run, or the reason it could not."""

    doc_id: str
    file: str
    plan: Plan | None = None
    pages: tuple[PageInfo, ...] = ()
    references: tuple[Reference, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    errors: tuple[ErrorRow, ...] = field(default_factory=tuple)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.plan is not None


# ---------------------------------------------------------------- tables ----

# Each table of a run (docs/output-contract.md) and the model of its rows: the model's fields,
# in order, are the table's columns.
TABLES: dict[str, type[DataclassInstance]] = {
    "plans": PlanMeta,
    "sections": SectionRow,
    "references": Reference,
    "deadlines": Deadline,
    "responsibilities": Responsibility,
    "criteria": Criterion,
    "pages": PageInfo,
    "repairs": RepairRow,
    "errors": ErrorRow,
}


def columns(model: type[DataclassInstance]) -> tuple[str, ...]:
    """A row model's columns in field order; a :class:`Span` field spreads into start, end, page."""
    hints = get_type_hints(model)
    return tuple(column for f in fields(model)
                 for column in (columns(Span) if hints[f.name] is Span else (f.name,)))


def table_row(item: DataclassInstance) -> dict[str, object]:
    """One row of a model as a table holds it: column → value, a span spread like :func:`columns`."""
    row: dict[str, object] = {}
    for f in fields(item):
        value = getattr(item, f.name)
        row.update(table_row(value) if isinstance(value, Span) else {f.name: value})
    return row
