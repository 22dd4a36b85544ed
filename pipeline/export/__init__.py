"""Stage 6, export: CSV files, the DuckDB database and the repaired text of each document."""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from pipeline.export.atomic import write_text_atomic
from pipeline.export.csv_files import write_csv
from pipeline.export.duckdb_file import verify_duckdb, write_duckdb
from pipeline.export.faults import checkpoint
from pipeline.export.publish import sync_file
from pipeline.models import DocumentResult

DATABASE = "plans.duckdb"
TEXT_DIR = "text"


def write_outputs(results: list[DocumentResult], tables: Mapping[str, pd.DataFrame], out: Path,
                  views: Mapping[str, str] | None = None) -> None:
    """Write ``<name>.csv`` per table, ``plans.duckdb`` (then read it back to check it)
    and ``text/<doc_id>.txt``. A run writes into an empty staging folder (see
    :mod:`pipeline.export.publish`); the per-file atomic writes keep direct callers safe too.

    The database is built in a thread while the CSV files are written, and each CSV file
    is synced to disk in another as soon as it is written. Why: DuckDB builds without
    Python's lock and fsync waits on the disk, not the processor, so a re-run over an
    archive (which has little else to do) no longer waits for the CSV writer, the
    database and the disk one after the other.
    """
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(1) as builder, ThreadPoolExecutor(1) as syncer:
        database = builder.submit(write_duckdb, tables, out / DATABASE, views)
        synced = []
        for name, frame in tables.items():
            write_csv(frame, out / f"{name}.csv")
            synced.append(syncer.submit(sync_file, out / f"{name}.csv"))
            checkpoint("csv")
        database.result()
        synced.append(syncer.submit(sync_file, out / DATABASE))
        checkpoint("duckdb")
        (out / TEXT_DIR).mkdir(exist_ok=True)
        for result in results:
            if result.plan is not None:
                write_text_atomic(out / TEXT_DIR / f"{result.doc_id}.txt",
                                  result.plan.text.string + "\n")
        checkpoint("text")
        verify_duckdb(tables, out / DATABASE, views)
        checkpoint("verify")
        for future in synced:
            future.result()
