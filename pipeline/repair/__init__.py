"""Stage 2, repair: turn a damaged :class:`Source` into clean, re-flowed :class:`Text`.

Steps run in a fixed order, each one kind of damage, each counted for
repairs.csv with a confidence: character-level fixes on raw lines first
(legacy encodings, mojibake, font substitutes, look-alikes, lost glyphs, tone
style, OCR slips), because lost glyphs leave one space each and re-flow would
collapse them; then layout (page furniture, hyphenation, markdown, re-flow),
because re-flow decisions read the repaired letters (capitals, sentence ends).

Batch context: pass ``lm=`` a model built once per run with
:func:`batch_model` (the shipped model plus the undamaged lines of every
document in the run); without it the shipped model is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from pipeline.lang.syllables import normalize_tones, valid_share
from pipeline.models import RepairCount, Source, Text
from pipeline.repair import legacy
from pipeline.repair.columns import tables_to_rows
from pipeline.repair.furniture import remove_furniture
from pipeline.repair.glyph_loss import is_suspect, restore_document
from pipeline.repair.homoglyphs import fix_homoglyphs
from pipeline.repair.hyphenation import join_hyphenated
from pipeline.repair.lines import RawLine, map_lines
from pipeline.repair.lm import LanguageModel, default_model, lm_tokens
from pipeline.repair.markdown import cell_tables_to_rows, cut_web_page, join_emphasis, strip_markdown
from pipeline.repair.mojibake import fix_mojibake
from pipeline.repair.ocr_slips import fix_ocr_slips
from pipeline.repair.question_marks import question_marks_to_gaps
from pipeline.repair.reflow import reflow_lines
from pipeline.repair.unicode_forms import normalize


@dataclass(frozen=True)
class Context:
    """What a step may read besides the lines: the source and the language model."""

    source: Source
    lm: LanguageModel


@dataclass(frozen=True)
class Change:
    """A step's result: the new lines, how many things it changed, how sure it is (0..1)."""

    lines: list[RawLine]
    count: int
    confidence: float = 1.0


Step = Callable[[list[RawLine], Context], Change]


def _mapped(fix: Callable[[str], str]) -> Step:
    """A step applying a deterministic string fix to every line; confidence 1."""
    def step(lines: list[RawLine], _: Context) -> Change:
        return Change(*map_lines(lines, fix))
    return step


def _layout(fix: Callable[[list[RawLine]], tuple[list[RawLine], int]]) -> Step:
    def step(lines: list[RawLine], _: Context) -> Change:
        return Change(*fix(lines))
    return step


def fix_legacy(lines: list[RawLine], context: Context) -> Change:
    """Decode TCVN3 / VNI / VISCII; confidence is the share of valid syllables after."""
    texts = [ln.text for ln in lines]
    name = legacy.detect(texts, context.source.encoding)
    if not name:
        return Change(lines, 0)
    fixed, count = map_lines(lines, lambda t: legacy.fix_line(t, name, context.source.encoding))
    changed = [ln.text for ln, old in zip(fixed, lines, strict=True) if ln.text != old.text]
    return Change(fixed, count, valid_share("\n".join(changed)))


def fix_glyph_loss(lines: list[RawLine], context: Context) -> Change:
    """Restore glyphs lost as spaces; count the glyphs, confidence the decoder's mean."""
    restored = restore_document([ln.text for ln in lines], context.lm)
    out, fills, confidences = [], 0, []
    for line, fix in zip(lines, restored, strict=True):
        if fix is None:
            out.append(line)
            continue
        out.append(replace(line, text=fix.text))
        fills += len(fix.fills)
        confidences.append(fix.confidence)
    return Change(out, fills, sum(confidences) / len(confidences) if confidences else 1.0)


def fix_ocr(lines: list[RawLine], context: Context) -> Change:
    """Tone slips, on lines of pages the ingest stage read by OCR only."""
    ocr_pages = {p.number for p in context.source.pages if p.method == "ocr"}
    if not ocr_pages:
        return Change(lines, 0)
    picked = [i for i, ln in enumerate(lines) if ln.page in ocr_pages]
    fixed, count = fix_ocr_slips([lines[i].text for i in picked], context.lm)
    out = list(lines)
    for i, text in zip(picked, fixed, strict=True):
        out[i] = replace(lines[i], text=text)
    return Change(out, count, OCR_CONFIDENCE)


# The model replaces a syllable only when it prefers the other by a wide margin.
OCR_CONFIDENCE = 0.9

# (kind, step) in the order they run; the kind names the row in repairs.csv.
STEPS: tuple[tuple[str, Step], ...] = (
    # A web export's wrapped emphasis first: the portal's footer phrase may be wrapped in it.
    ("markdown_wraps", _layout(join_emphasis)),
    ("web_page", _layout(cut_web_page)),
    ("markdown_tables", _layout(cell_tables_to_rows)),
    ("legacy_encoding", fix_legacy),
    ("mojibake", _mapped(fix_mojibake)),
    ("unicode", _mapped(normalize)),
    ("homoglyph", _mapped(fix_homoglyphs)),
    # Column tables after lost glyphs: a damaged header does not name its columns.
    # The restorer keeps the gutters and the line lengths, so the columns survive.
    ("question_marks", _layout(question_marks_to_gaps)),  # letters lost to "?": gaps, as below
    ("glyph_loss", fix_glyph_loss),
    ("table_columns", _layout(tables_to_rows)),
    ("tone_style", _mapped(normalize_tones)),
    ("ocr_slip", fix_ocr),
    ("furniture", _layout(remove_furniture)),
    ("hyphenation", _layout(join_hyphenated)),
    ("markdown", _mapped(strip_markdown)),
)


def raw_lines(source: Source) -> list[RawLine]:
    return [RawLine(text, page.number, page.line_confidence(i))
            for page in source.pages for i, text in enumerate(page.lines)]


def repair_lines(source: Source, lm: LanguageModel | None = None
                 ) -> tuple[list[RawLine], tuple[RepairCount, ...]]:
    """Every repair step on the raw lines, before re-flow (what :mod:`diff` shows)."""
    context = Context(source, lm or default_model())
    lines = raw_lines(source)
    counts: list[RepairCount] = []
    for kind, step in STEPS:
        change = step(lines, context)
        lines = change.lines
        if change.count:
            counts.append(RepairCount(kind, change.count, round(change.confidence, 3)))
    return lines, tuple(counts)


def repair(source: Source, *, lm: LanguageModel | None = None) -> Text:
    """Run every repair step, then re-flow into paragraphs.

    ``lm``: the run's language model from :func:`batch_model`, built once per run.
    """
    lines, counts = repair_lines(source, lm)
    flowed = reflow_lines(lines, blank_lines_part=source.format == "md")
    return Text.from_strings(source.doc_id, [(ln.text, ln.page) for ln in flowed], counts,
                             [ln.confidence for ln in flowed], source.signed_on)


def batch_model(sources: Iterable[Source], base: LanguageModel | None = None) -> LanguageModel:
    """The shipped model plus the undamaged lines of a run's documents (plans share phrasing).

    A line counts as undamaged when every token is a syllable, abbreviation or
    number and it has no gap of spaces; lines of damaged documents that pass
    this test are clean too, so they are used as well. Pages read by OCR are
    left out: a tone slip ("tố chức") is still a valid syllable, and counting it
    would teach the model the very slips it must correct.
    """
    return (base or default_model()).extended(batch_tokens(s) for s in sources)


def batch_tokens(source: Source) -> str:
    """What one document adds to the run's model (:func:`batch_model`): the model tokens
    of its undamaged lines not read by OCR, joined by spaces. A run computes it where the
    document was read and sends only this, never the document.

    Why tokens, not the lines: telling a damaged line from a clean one already tokenises
    it (:func:`is_suspect`), and the run's parent, which counts every document's share
    while the workers read the next ones, then only splits and counts; tokenising there
    again was half its work and held back two workers' reading.
    """
    tokens: list[str] = []
    for page in source.pages:
        if page.method == "ocr":
            continue
        for text in page.lines:
            line = normalize(text)
            if line.strip() and not is_suspect(line):
                tokens += lm_tokens(line)
    return " ".join(tokens)
