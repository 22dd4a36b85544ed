"""The run: files in, tables out, with progress, errors, the cache and the corpus-level stages.

Documents are read and mined by an executor (:mod:`pipeline.executors`: supervised
local worker processes with a time and memory budget per document, or a Dask
cluster) running the same two tasks (:mod:`pipeline.tasks`). Each document's rows
are spooled as it finishes (:mod:`pipeline.export.parts`) and its text written
at once, so the run's memory does not grow with its documents; documents the
cache holds are not mined again (:mod:`pipeline.cache`). Comparison runs over
the assembled rows only; export builds the whole output in a staging folder and
swaps it in (:mod:`pipeline.export.publish`), so a run that fails, is killed or
finds the disk full leaves the previous output as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.cache import Cache, LastTables, Tally, pipeline_version, renamed
from pipeline.compare import compare
from pipeline.compare.views import VIEWS
from pipeline.executors import executor_for
from pipeline.export import TEXT_DIR, write_outputs
from pipeline.export.parts import Parts
from pipeline.export.publish import (
    check_out,
    discard,
    locked,
    make_staging,
    publish,
    recover,
    resolve_out,
)
from pipeline.export.tables import document_rows
from pipeline.inputs import gather
from pipeline.models import DocumentResult, ErrorRow, Stage
from pipeline.names import display_path
from pipeline.options import RunOptions, available_cores
from pipeline.tasks import Read, mine_task, read_task
from pipeline.workers import Failed


@dataclass(frozen=True)
class RunSummary:
    documents: int
    pages: int
    errors: int
    seconds: float
    notes: tuple[str, ...] = ()
    mined: int = 0  # documents repaired, segmented and extracted by this run
    reused: int = 0  # documents whose rows came from the cache
    compare_seconds: float = 0.0


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
        spool = staging.with_name(staging.name + "-parts")
        cache = _open_cache(target, staging, options)
        executor = executor_for(options.scheduler, options.workers, options.max_memory_mb)
        last = cache.last_tables()
        try:
            parts = Parts(spool, last.folder if last else None, cache.tables_staging())
            (staging / TEXT_DIR).mkdir()
            mined, reused, records = _process_all(gathered.jobs, options, cache, executor,
                                                  _Sink(parts, staging), last)
            for i, e in enumerate(gathered.errors):
                parts.add((e.doc_id, len(gathered.jobs) + i),
                          document_rows(DocumentResult(e.doc_id, e.file, errors=(e,))))
            tables = parts.tables()
            shutil.rmtree(spool, ignore_errors=True)
            compared = time.perf_counter()
            tables.update(_compare(tables, cache))
            compared = time.perf_counter() - compared
            write_outputs([], tables, staging, VIEWS)
            publish(staging, target)
            cache.keep_tables(records)
        finally:
            executor.close()
            cache.close()
            shutil.rmtree(spool, ignore_errors=True)
            discard(staging)
    return RunSummary(len(gathered.jobs), int(len(tables["pages"])), int(len(tables["errors"])),
                      round(time.perf_counter() - started, 2), tuple(notes), mined, reused,
                      round(compared, 2))


def cache_folder(target: Path) -> Path:
    """The default cache of runs into ``target``: ``.<name>.cache`` beside it."""
    return target.parent / f".{target.name}.cache"


def _open_cache(target: Path, staging: Path, options: RunOptions) -> Cache:
    """The run's cache; with --no-cache a fresh folder removed after the run (the
    first pass still leaves each document there for the second)."""
    if not options.cache:
        return Cache(staging.with_name(staging.name + "-spool"), keep=False)
    return Cache(Path(options.cache_dir) if options.cache_dir else cache_folder(target))


def _capped(options: RunOptions) -> tuple[RunOptions, list[str]]:
    """More workers than cores only share the cores and multiply memory: cap them."""
    cores = available_cores()
    if options.workers <= cores or options.scheduler:
        return options, []
    return replace(options, workers=cores), [
        f"--workers {options.workers} is more than the {cores} cores here: using {cores}"]


class _Sink:
    """Where finished documents go at once: rows to the parts, text to ``text/``."""

    def __init__(self, parts: Parts, staging: Path) -> None:
        self.parts, self.text = parts, staging / TEXT_DIR

    def add(self, order: tuple[str, int], rows: dict[str, list[dict]], text: str | None,
            key: str | None = None) -> None:
        self.parts.add(order, rows, key)
        if text is not None:  # a plain write: the staging folder is the run's alone
            (self.text / f"{order[0]}.txt").write_text(text + "\n", encoding="utf-8", newline="\n")

    def reuse(self, order: tuple[str, int], key: str, file: str, text: Path | None) -> None:
        """A document whose rows are the last run's tables' and whose text is the cache's:
        the file is linked, not copied (the staging folder is new, nothing writes into it)."""
        self.parts.reuse(order, key, file)
        if text is None:
            return
        target = self.text / f"{order[0]}.txt"
        try:
            os.link(text, target)
        except OSError:  # another file system, or links refused: a copy
            shutil.copyfile(text, target)


def _process_all(jobs: list[tuple[Path, str]], options: RunOptions, cache: Cache, executor,
                 sink: _Sink, last: LastTables | None) -> tuple[int, int, dict[str, dict]]:
    """Read every file, learn the run's language model from them, then mine each one;
    every document's rows go to ``sink`` as soon as they are known.

    Documents the cache holds are not read again; of those whose repair consulted
    the language model, only the ones whose repair the new model changes are mined
    again. A cached document the last run's tables hold is taken from them (``last``),
    others from their cache entry. The time budget is per document: mining gets what
    reading left of it. Returns the documents mined, re-used, and the record (no rows,
    no text) of every document with a cache entry, by key, for the next run.
    """
    task_options = replace(options, scheduler=None)
    files = [display_path(p) for p, _ in jobs]
    keys = _keys(jobs, cache, options)
    cached = _cached(keys, cache, last)
    fresh = [i for i in range(len(jobs)) if i not in cached]
    fresh = _longest_first(fresh, {i: _file_size(jobs[i][0]) for i in fresh})

    read: dict[int, Read] = {}
    tally = Tally(cache)
    tasks: list[tuple] = [(jobs[i][0], jobs[i][1], task_options, str(cache.entry(keys[i]))) for i in fresh]
    for n, value in _map(executor, read_task, tasks, options, "reading",
                         [options.timeout] * len(tasks)):
        i = fresh[n]
        if isinstance(value, Failed):
            value = _failed(jobs[i], files[i], "ingest", value.reason)
        if isinstance(value, Read):
            read[i] = value
            tally.add(keys[i])
        else:
            sink.add((jobs[i][1], i), document_rows(value), None)

    members = [(keys[i], cached[i]["contribution"]) if i in cached else (keys[i], read[i].contribution)
               for i in range(len(jobs)) if i in cached or i in read]
    lm, digest = cache.batch_model(members, tally)

    again = [i for i, r in cached.items() if r["lm_used"] and r["lm"] != digest]
    records: dict[str, dict] = {}

    def reuse(i: int, record: dict) -> None:
        records[keys[i]] = _meta(record)
        if "rows" in record:
            sink.add((jobs[i][1], i), renamed(record["rows"], jobs[i][1], files[i]),
                     record["text"], keys[i])
        else:
            sink.reuse((jobs[i][1], i), keys[i], files[i],
                       cache.text_file(keys[i]) if record["has_text"] else None)

    for i, record in cached.items():
        if i not in again:
            reuse(i, record)
    order = _longest_first([*read, *again], {i: r.characters for i, r in read.items()})
    tasks = [(jobs[i][0], jobs[i][1], task_options, str(cache.entry(keys[i])),
              cached[i]["text_hash"] if i in cached else None) for i in order]
    left = [max(1.0, options.timeout - (read[i].seconds if i in read else cached[i]["read_seconds"]))
            for i in order]
    reused = len(cached) - len(again)
    for n, value in _map(executor, mine_task, tasks, options, "mining", left, lm):
        i = order[n]
        if isinstance(value, Failed):
            sink.add((jobs[i][1], i), document_rows(_failed(jobs[i], files[i], "run", value.reason)),
                     None)
            continue
        if value.rows is None:  # repaired as before: the cached rows stand
            record = {**cached[i], "lm": digest}
            if "rows" in record and cache.keep:
                cache.save_result(keys[i], record)
            reuse(i, record)
            reused += 1
            continue
        record = {"rows": value.rows, "text": value.text, "text_hash": value.text_hash,
                  "lm_used": value.lm_used, "lm": digest,
                  "read_seconds": read[i].seconds if i in read else cached[i]["read_seconds"],
                  "contribution": read[i].contribution if i in read else cached[i]["contribution"]}
        if cache.keep:
            cache.save_result(keys[i], record)
        reuse(i, record)
    return len(order) - (reused - len(cached) + len(again)), reused, records


def _keys(jobs: list[tuple[Path, str]], cache: Cache, options: RunOptions) -> list[str]:
    """Every input's cache key, files hashed on all cores (hashlib lets go of Python's lock:
    a re-run of 10,000 plans hashed its 300 MB on one core before anything else)."""
    pipeline_version()  # once, before the threads ask for it
    with ThreadPoolExecutor(available_cores()) as pool:
        return list(pool.map(lambda job: cache.key(job[0], options), jobs))


def _longest_first(indices: list[int], size: dict[int, int]) -> list[int]:
    """The documents in the order a pass hands them out: the largest first, the rest in
    input order.

    Why: workers take the next document as they finish one, so a long document handed
    out last (a 300-page scan, a 300 KB plan) kept one worker busy while the others
    idled at the end of the pass. Rows do not depend on the order (tables are assembled
    by doc_id, the language model counts are sums).
    """
    return sorted(indices, key=lambda i: (-size.get(i, 0), i))


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # unreadable: its reading reports why
        return 0


def _cached(keys: list[str], cache: Cache, last: LastTables | None) -> dict[int, dict]:
    """Per input, what the cache holds of it: its record in the last run's tables (no
    rows, no text: those are read from the tables and linked) or else its entry's."""
    found = {}
    for i, key in enumerate(keys):
        record = last.docs.get(key) if last is not None else None
        if record is None or not cache.has_source(key) or (
                record["has_text"] and not cache.text_file(key).is_file()):
            record = cache.result(key)
        if record is not None:
            found[i] = record
    return found


def _meta(record: dict) -> dict:
    """A cache record without its rows and text (what the last run's tables index)."""
    meta = {k: v for k, v in record.items() if k not in ("rows", "text")}
    return {**meta, "has_text": record["text"] is not None} if "text" in record else meta


def _map(executor, fn, tasks: list[tuple], options: RunOptions, label: str,
         seconds: list[float], shared=None) -> Iterator[tuple[int, Any]]:
    """``(index, value or Failed)`` of ``fn(*task, shared)`` for every task, as each finishes."""
    with _progress(options, label, len(tasks)) as (progress, task), \
            contextlib.closing(executor.map(fn, tasks, seconds, shared)) as results:
        for index, value in results:
            progress.advance(task)
            yield index, value


def _failed(job: tuple[Path, str], file: str, stage: Stage, reason: str) -> DocumentResult:
    """The errors.csv row of a document whose worker gave no result."""
    return DocumentResult(job[1], file, errors=(ErrorRow(job[1], file, stage, reason),))


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


def _compare(tables: dict[str, pd.DataFrame], cache: Cache) -> dict[str, pd.DataFrame]:
    """Corpus-level comparison tables; a failure here is reported, never fatal. The
    cache keeps what the next run can resume from (kept only when compare succeeds)."""
    try:
        memo = cache.compare_memo()
        out = compare(tables, memo)
        cache.save_compare_memo(memo)
        return out
    except Exception as err:  # noqa: BLE001
        row = ErrorRow("", "", "compare", f"{err.__class__.__name__}: {err}"[:300])
        errors = pd.concat([tables["errors"], pd.DataFrame([row.__dict__])], ignore_index=True)
        return {"errors": errors}


