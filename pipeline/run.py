"""The executor: files in, results out, with progress, errors and the corpus-level stages.

Documents are processed by :func:`pipeline.process.process` in a process pool
(or in this process with one worker); comparison runs after all of them over
their rows only; export writes everything atomically.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.export import write_outputs
from pipeline.export.tables import build_tables
from pipeline.models import DocumentResult, ErrorRow
from pipeline.options import RunOptions
from pipeline.process import process


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
    results = list(_process_all(jobs, options))
    tables = build_tables(results)
    tables.update(_compare(tables))
    write_outputs(results, tables, out, _views())
    return RunSummary(len(results), int(len(tables["pages"])), int(len(tables["errors"])),
                      round(time.perf_counter() - started, 2))


def _refuse_overwriting_inputs(jobs: list[tuple[Path, str]], out: Path) -> None:
    """Outputs go to ``out``: an input inside it could be overwritten, so refuse."""
    out = out.resolve()
    for path, _ in jobs:
        if path.resolve().is_relative_to(out):
            raise ValueError(f"input {path} is inside the output folder {out}: choose another --out")


def _process_all(jobs: list[tuple[Path, str]], options: RunOptions) -> Iterator[DocumentResult]:
    with _progress(options, len(jobs)) as (progress, task):
        if options.workers <= 1 or len(jobs) <= 1:
            for path, doc_id in jobs:
                yield process(path, options, doc_id)
                progress.advance(task)
            return
        with ProcessPoolExecutor(max_workers=options.workers) as pool:
            futures = [pool.submit(process, path, options, doc_id) for path, doc_id in jobs]
            for (path, doc_id), future in zip(jobs, futures, strict=True):
                yield _result_of(future, path, doc_id)
                progress.advance(task)


def _result_of(future, path: Path, doc_id: str) -> DocumentResult:
    """A worker that died (out of memory, killed) still yields an errors.csv row."""
    try:
        return future.result()
    except Exception as err:  # noqa: BLE001 - the run goes on
        reason = f"worker failed: {err.__class__.__name__}: {err}"[:300]
        return DocumentResult(doc_id, str(path), errors=(ErrorRow(doc_id, str(path), "run", reason),))


class _progress:
    """A rich progress bar, or nothing when progress is off (CI, notebooks)."""

    def __init__(self, options: RunOptions, total: int) -> None:
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), disable=not options.progress, transient=True)
        self.total = total

    def __enter__(self):
        self.bar.__enter__()
        return self.bar, self.bar.add_task("documents", total=self.total)

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)


def _compare(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Corpus-level comparison tables; a failure here is reported, never fatal."""
    try:
        from pipeline.compare import compare
    except ImportError:
        return {}
    try:
        return compare(tables)
    except Exception as err:  # noqa: BLE001
        row = ErrorRow("", "", "compare", f"{err.__class__.__name__}: {err}"[:300])
        errors = pd.concat([tables["errors"], pd.DataFrame([row.__dict__])], ignore_index=True)
        return {"errors": errors}


def _views() -> dict[str, str]:
    try:
        from pipeline.compare.views import VIEWS
    except ImportError:
        return {}
    return VIEWS
