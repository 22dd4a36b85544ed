"""The per-document pure function: a file in, a :class:`DocumentResult` out.

Nothing here reads another document or global mutable state, so the same
function runs serially, in a process pool or on a cluster. Every failure is
caught at the stage it happens in and becomes one errors.csv row: bad input
never stops a run.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from pipeline.extract import extract
from pipeline.ingest import IngestError, read_source
from pipeline.models import DocumentResult, ErrorRow, PageInfo
from pipeline.options import RunOptions
from pipeline.repair import repair
from pipeline.repair.syllables import valid_share
from pipeline.segment import segment


class StageError(Exception):
    """A document stopped at ``stage`` for ``reason`` (one line)."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage


def process(path: Path, options: RunOptions, doc_id: str | None = None) -> DocumentResult:
    """Run ingest, repair, segment and extract on one file."""
    doc_id = doc_id or path.stem
    started = time.perf_counter()
    try:
        result = _process(path, doc_id, options)
    except StageError as err:
        result = DocumentResult(doc_id, str(path), errors=(ErrorRow(doc_id, str(path), err.stage,
                                                                    str(err)),))
    return dataclasses.replace(result, seconds=round(time.perf_counter() - started, 3))


def _process(path: Path, doc_id: str, options: RunOptions) -> DocumentResult:
    source = _stage("ingest", read_source, path, doc_id)
    text = _stage("repair", repair, source)
    share = valid_share(text.string)
    if share < options.min_vietnamese:
        raise StageError("repair", f"not Vietnamese text: {share:.0%} of words are Vietnamese "
                                   f"syllables (needs {options.min_vietnamese:.0%})")
    plan = _stage("segment", segment, text)
    rows = _stage("extract", extract, plan)
    pages = tuple(PageInfo(doc_id, p.number, p.method, p.confidence, round(p.seconds, 3))
                  for p in source.pages)
    return DocumentResult(doc_id, str(path), plan, pages, rows.references, rows.deadlines,
                          rows.responsibilities, rows.criteria)


def _stage(name: str, fn, *args):
    """Call one stage; turn any failure into a StageError naming the stage."""
    try:
        return fn(*args)
    except IngestError as err:
        raise StageError(name, str(err)) from err
    except Exception as err:  # noqa: BLE001 - any bug in a stage must not stop the run
        first = str(err).splitlines()[0] if str(err) else ""
        raise StageError(name, f"{err.__class__.__name__}: {first}"[:300]) from err
