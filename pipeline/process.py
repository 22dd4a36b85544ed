"""The per-document pure functions: a file in, a :class:`DocumentResult` out.

Work on one document is split in two so a run can learn from all of its
documents before repairing any: :func:`read_document` (ingest) and
:func:`finish` (repair with the run's language model, segment, extract).
:func:`process` chains them for a single file. Nothing here reads another
document or global mutable state, so the functions run serially, in a process
pool or on a cluster. Every failure is caught at the stage it happens in and
becomes one errors.csv row: bad input never stops a run.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.extract import extract
from pipeline.ingest import IngestError, IngestOptions, read_source
from pipeline.ingest.quality import letter_count
from pipeline.lang.syllables import valid_share
from pipeline.models import DocumentResult, ErrorRow, Page, PageInfo, Source, Stage, Text
from pipeline.names import display_path
from pipeline.options import RunOptions
from pipeline.repair import repair
from pipeline.repair.lm import LanguageModel
from pipeline.segment import segment


class StageError(Exception):
    """A document stopped at ``stage`` for ``reason`` (one line)."""

    def __init__(self, stage: Stage, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage


def process(path: Path, options: RunOptions, doc_id: str | None = None,
            lm: LanguageModel | None = None) -> DocumentResult:
    """Ingest, repair, segment and extract one file."""
    read = read_document(path, doc_id or path.stem, options)
    if isinstance(read, DocumentResult):
        return read
    result = finish(read, options, lm)
    assert result is not None  # None only for a text the caller knows unchanged
    return result


def read_document(path: Path, doc_id: str, options: RunOptions | None = None) -> Source | DocumentResult:
    """The file's Source, or a DocumentResult carrying the ingest error.

    Pages are OCR'd one after another here: documents are what runs in parallel.
    """
    ingest = IngestOptions(workers=1, limits=(options or RunOptions()).limits)
    try:
        return _stage("ingest", read_source, path, doc_id, ingest)
    except StageError as err:
        return _failed(doc_id, display_path(path), err)


def finish(source: Source, options: RunOptions, lm: LanguageModel | None = None,
           unchanged: Callable[[Text], bool] | None = None) -> DocumentResult | None:
    """Repair (with the run's model), segment and extract an ingested document.

    ``unchanged``: asked about the repaired text; when it answers True the work stops
    there and None comes back (a run's cache holds this text's rows already).
    """
    started = time.perf_counter()
    try:
        result = _finish(source, options, lm, unchanged)
    except StageError as err:
        result = _failed(source.doc_id, display_path(source.path), err)
    if result is None:
        return None
    return dataclasses.replace(result, seconds=round(time.perf_counter() - started, 3))


def _finish(source: Source, options: RunOptions, lm: LanguageModel | None,
            unchanged: Callable[[Text], bool] | None = None) -> DocumentResult | None:
    _require_text(source)
    text = _stage("repair", lambda s: repair(s, lm=lm), source)
    if unchanged is not None and unchanged(text):
        return None
    share = valid_share(text.string)
    if share < options.min_vietnamese:
        raise StageError("repair", f"not Vietnamese text: {share:.0%} of words are Vietnamese "
                                   f"syllables (needs {options.min_vietnamese:.0%})")
    plan = _stage("segment", segment, text)
    rows = _stage("extract", extract, plan)
    pages = tuple(PageInfo(source.doc_id, p.number, p.method, p.confidence, round(p.seconds, 3))
                  for p in source.pages)
    file = display_path(source.path)
    return DocumentResult(source.doc_id, file, plan, pages, rows.references, rows.deadlines,
                          rows.responsibilities, rows.criteria,
                          errors=tuple(dataclasses.replace(e, file=file) for e in rows.errors))


# A few lines of a plan that reach every stage's lazily loaded parts: the pattern files and
# their regexes, the syllable inventory, underthesea's tagger (a body's name end).
_WARM_LINES = ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 12/KH-UBND", "KẾ HOẠCH", "Tuyên truyền năm 2026",
               "Thực hiện Kế hoạch số 238/KH-UBND ngày 02/01/2026 của Ủy ban nhân dân huyện;",
               "I. TỔ CHỨC THỰC HIỆN",
               "1. Công chức Văn hóa - Xã hội chủ trì, phối hợp với Đoàn Thanh niên tổ chức "
               "tuyên truyền, báo cáo kết quả trước ngày 15/12/2026.")


def warm() -> None:
    """Run the stages once on a small plan, so a long-lived worker loads what they load on
    first use before its first document (a second or more: underthesea's tagger alone)."""
    source = Source("warm", Path("warm.txt"), "txt", (Page(1, _WARM_LINES, "text"),))
    finish(source, RunOptions())


def _require_text(source: Source) -> None:
    """Blank pages are blank, not "0% Vietnamese": say so before judging the language."""
    if any(letter_count(line) for page in source.pages for line in page.lines):
        return
    pages = len(source.pages)
    raise StageError("ingest", "no text on the page (blank, or nothing could be read)" if pages == 1
                     else f"no text on any of its {pages} pages (blank, or nothing could be read)")


def _failed(doc_id: str, file: str, err: StageError) -> DocumentResult:
    return DocumentResult(doc_id, file, errors=(ErrorRow(doc_id, file, err.stage, str(err)),))


def _stage(name: Stage, fn, *args):
    """Call one stage; turn any failure into a StageError naming the stage."""
    try:
        return fn(*args)
    except IngestError as err:
        raise StageError(name, str(err)) from err
    except Exception as err:  # noqa: BLE001 - any bug in a stage must not stop the run
        first = str(err).splitlines()[0] if str(err) else ""
        raise StageError(name, f"{err.__class__.__name__}: {first}"[:300]) from err
