"""The executor: files in, results out, with progress, errors and the corpus-level stages.

Documents are read and mined in supervised worker processes
(:mod:`pipeline.workers`: a time and memory budget per document); comparison
runs after all of them over their rows only; export builds the whole output in
a staging folder and swaps it in (:mod:`pipeline.export.publish`), so a run
that fails, is killed or finds the disk full leaves the previous output as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.compare import compare
from pipeline.compare.views import VIEWS
from pipeline.export import write_outputs
from pipeline.export.publish import (
    check_out,
    discard,
    locked,
    make_staging,
    publish,
    recover,
    resolve_out,
)
from pipeline.export.tables import build_tables
from pipeline.inputs import gather
from pipeline.models import DocumentResult, ErrorRow, Source
from pipeline.names import display_path
from pipeline.options import RunOptions, available_cores
from pipeline.process import finish, read_document
from pipeline.repair import batch_model
from pipeline.repair.lm import LanguageModel
from pipeline.workers import Budget, Failed, run_tasks


@dataclass(frozen=True)
class RunSummary:
    documents: int
    pages: int
    errors: int
    seconds: float
    notes: tuple[str, ...] = ()


def run(inputs: list[Path], out: Path | str, options: RunOptions | None = None,
        note: Callable[[str], None] = lambda _: None) -> RunSummary:
    """Process ``inputs`` into ``out``; ``note`` hears what the user should know now
    (a capped worker count, a wait for another run's lock).

    Everything that can refuse the run (--out unusable, inputs inside it) does so
    before any document is read.
    """
    options, notes = _capped(options or RunOptions())
    for message in notes:
        note(message)
    started = time.perf_counter()
    target = resolve_out(out)
    gathered = gather(inputs, target)
    check_out(target)
    with locked(target, note):
        recover(target)
        staging = make_staging(target)
        try:
            results = _process_all(gathered.jobs, options)
            results += [DocumentResult(e.doc_id, e.file, errors=(e,)) for e in gathered.errors]
            tables = build_tables(results)
            tables.update(_compare(tables))
            write_outputs(results, tables, staging, VIEWS)
            publish(staging, target)
        finally:
            discard(staging)
    return RunSummary(len(gathered.jobs), int(len(tables["pages"])), int(len(tables["errors"])),
                      round(time.perf_counter() - started, 2), tuple(notes))


def _capped(options: RunOptions) -> tuple[RunOptions, list[str]]:
    """More workers than cores only share the cores and multiply memory: cap them."""
    cores = available_cores()
    if options.workers <= cores:
        return options, []
    return replace(options, workers=cores), [
        f"--workers {options.workers} is more than the {cores} cores here: using {cores}"]


def _process_all(jobs: list[tuple[Path, str]], options: RunOptions) -> list[DocumentResult]:
    """Read every file, learn the run's language model from them, then mine each one.

    The time budget is per document: mining gets what reading left of it.
    """
    read = _map(read_document, [(p, d, options) for p, d in jobs], options, "reading",
                [options.timeout] * len(jobs))
    sources = [r for r in read if isinstance(r, Source)]
    left = [max(1.0, options.timeout - _read_seconds(s)) for s in sources]
    _WORKER_LM[0] = batch_model(sources) if len(sources) > 1 else None
    mined = iter(_map(_finish, [(s, options) for s in sources], options, "mining", left))
    return [next(mined) if isinstance(r, Source) else r for r in read]


def _read_seconds(source: Source) -> float:
    return sum(p.seconds for p in source.pages)


def _map(fn, jobs: list[tuple], options: RunOptions, label: str,
         seconds: list[float]) -> list[DocumentResult | Source]:
    """``fn(*job)`` for every job in supervised workers, in order; a job that failed
    there (time, memory, crash) becomes its document's errors.csv row."""
    with _progress(options, label, len(jobs)) as (progress, task):
        values = run_tasks(fn, jobs, options.workers, Budget(seconds, options.max_memory_mb),
                           on_done=lambda: progress.advance(task))
    return [_failed(job, v.reason) if isinstance(v, Failed) else v
            for job, v in zip(jobs, values, strict=True)]


# The run's language model, set before the mining workers are forked so each
# inherits it instead of receiving it with every document.
_WORKER_LM: list[LanguageModel | None] = [None]


def _finish(source: Source, options: RunOptions) -> DocumentResult:
    return finish(source, options, _WORKER_LM[0])


def _failed(job: tuple, reason: str) -> DocumentResult:
    """The errors.csv row of a document whose worker gave no result."""
    doc_id, file = (job[0].doc_id, display_path(job[0].path)) if isinstance(job[0], Source) \
        else (job[1], display_path(job[0]))
    stage = "run" if isinstance(job[0], Source) else "ingest"
    return DocumentResult(doc_id, file, errors=(ErrorRow(doc_id, file, stage, reason),))


class _progress:
    """A rich progress bar, or nothing when progress is off (CI, notebooks)."""

    def __init__(self, options: RunOptions, label: str, total: int) -> None:
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), disable=not options.progress, transient=True)
        self.label, self.total = label, total

    def __enter__(self):
        self.bar.__enter__()
        return self.bar, self.bar.add_task(self.label, total=self.total)

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)


def _compare(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Corpus-level comparison tables; a failure here is reported, never fatal."""
    try:
        return compare(tables)
    except Exception as err:  # noqa: BLE001
        row = ErrorRow("", "", "compare", f"{err.__class__.__name__}: {err}"[:300])
        errors = pd.concat([tables["errors"], pd.DataFrame([row.__dict__])], ignore_index=True)
        return {"errors": errors}


