"""The executor: files in, results out, with progress, errors and the corpus-level stages.

Documents are processed by :func:`pipeline.process.process` in a process pool
(or in this process with one worker); comparison runs after all of them over
their rows only; export writes everything atomically.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.compare import compare
from pipeline.compare.views import VIEWS
from pipeline.export import write_outputs
from pipeline.export.tables import build_tables
from pipeline.models import DocumentResult, ErrorRow, Source
from pipeline.options import RunOptions
from pipeline.process import finish, read_document
from pipeline.repair import batch_model
from pipeline.repair.lm import LanguageModel


@dataclass(frozen=True)
class RunSummary:
    documents: int
    pages: int
    errors: int
    seconds: float


def collect_files(inputs: Iterable[Path]) -> list[Path]:
    """Files named and files inside folders named (recursively), hidden files skipped."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found.extend(p for p in sorted(item.rglob("*"))
                         if p.is_file() and not any(part.startswith(".") for part in p.parts[-1:]))
        else:
            found.append(item)
    return found


def assign_doc_ids(files: list[Path]) -> list[tuple[Path, str]]:
    """doc_id is the file stem; a stem seen twice gets its suffix appended to stay unique.

    Readable files claim their stems first, so a stray ``plan.json`` beside
    ``plan.pdf`` never takes the plan's doc_id.
    """
    from pipeline.ingest import SUPPORTED_SUFFIXES

    seen: set[str] = set()
    out = []
    for path in sorted(files, key=lambda p: p.suffix.lower() not in SUPPORTED_SUFFIXES):
        doc_id = path.stem
        if doc_id in seen:
            doc_id = f"{path.stem}_{path.suffix.lstrip('.').lower()}"
        n = 2
        while doc_id in seen:
            doc_id, n = f"{path.stem}_{n}", n + 1
        seen.add(doc_id)
        out.append((path, doc_id))
    return out


def run(inputs: list[Path], out: Path, options: RunOptions | None = None) -> RunSummary:
    options = options or RunOptions()
    started = time.perf_counter()
    jobs = assign_doc_ids(collect_files(inputs))
    _refuse_overwriting_inputs(jobs, out)
    results = _process_all(jobs, options)
    tables = build_tables(results)
    tables.update(_compare(tables))
    write_outputs(results, tables, out, VIEWS)
    return RunSummary(len(results), int(len(tables["pages"])), int(len(tables["errors"])),
                      round(time.perf_counter() - started, 2))


def _refuse_overwriting_inputs(jobs: list[tuple[Path, str]], out: Path) -> None:
    """Outputs go to ``out``: an input inside it could be overwritten, so refuse."""
    out = out.resolve()
    for path, _ in jobs:
        if path.resolve().is_relative_to(out):
            raise ValueError(f"input {path} is inside the output folder {out}: choose another --out")


def _process_all(jobs: list[tuple[Path, str]], options: RunOptions) -> list[DocumentResult]:
    """Read every file, learn the run's language model from them, then mine each one."""
    read = _map(read_document, jobs, options, "reading")
    sources = [r for r in read if isinstance(r, Source)]
    lm = batch_model(sources) if len(sources) > 1 else None
    mined = iter(_map(finish, [(s,) for s in sources], options, "mining", lm))
    return [next(mined) if isinstance(r, Source) else r for r in read]


def _map(fn, jobs: list[tuple], options: RunOptions, label: str,
         lm: LanguageModel | None = None) -> list:
    """``fn(*job)`` for every job, in order: in this process or in a pool of workers.

    Workers receive the language model once, when they start, not with every task.
    """
    with _progress(options, label, len(jobs)) as (progress, task):
        if options.workers <= 1 or len(jobs) <= 1:
            _init_worker(lm)
            return [_advance(progress, task, _call(fn, job, options)) for job in jobs]
        with ProcessPoolExecutor(max_workers=options.workers, initializer=_init_worker,
                                 initargs=(lm,)) as pool:
            futures = [pool.submit(_call, fn, job, options) for job in jobs]
            return [_advance(progress, task, _result_of(f, job)) for f, job in zip(futures, jobs,
                                                                                  strict=True)]


_WORKER_LM: list[LanguageModel | None] = [None]


def _init_worker(lm: LanguageModel | None) -> None:
    _WORKER_LM[0] = lm


def _call(fn, job: tuple, options: RunOptions):
    if fn is finish:
        return finish(job[0], options, _WORKER_LM[0])
    return fn(*job)


def _advance(progress, task, value):
    progress.advance(task)
    return value


def _result_of(future, job: tuple) -> DocumentResult:
    """A worker that died (out of memory, killed) still yields an errors.csv row."""
    try:
        return future.result()
    except Exception as err:  # noqa: BLE001 - the run goes on
        doc_id, file = (job[0].doc_id, str(job[0].path)) if isinstance(job[0], Source) else (
            job[1], str(job[0]))
        reason = f"worker failed: {err.__class__.__name__}: {err}"[:300]
        return DocumentResult(doc_id, file, errors=(ErrorRow(doc_id, file, "run", reason),))


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


