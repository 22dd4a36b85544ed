"""One DuckDB database with a table per CSV and the comparison views, for notebooks and SQL."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from pipeline.export.atomic import write_atomic
from pipeline.export.publish import ExportError

# DuckDB's own buffers while the database is built: past this it writes blocks to the file.
# Its default (80 % of the machine) let the export stack a copy of every table on top of
# the run's (an extra gigabyte at 10,000 documents).
MEMORY_LIMIT = "128MB"


def write_duckdb(tables: Mapping[str, pd.DataFrame], path: Path,
                 views: Mapping[str, str] | None = None) -> None:
    """Write every table (and ``CREATE VIEW name AS sql`` for each view) atomically.

    The explicit CHECKPOINT makes a full disk fail here, loudly: without it DuckDB
    could close with its tables still in a write-ahead log it failed to merge.
    """
    def build(tmp: Path) -> None:
        tmp.unlink()  # duckdb creates the file itself
        con = duckdb.connect(str(tmp), config={"memory_limit": MEMORY_LIMIT})
        try:
            for name, frame in sorted(tables.items()):
                # As Arrow, which DuckDB scans as it is; a frame's string columns it
                # turned into Python objects first, a copy of every table.
                con.register("frame", pa.Table.from_pandas(frame, preserve_index=False))
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
                con.unregister("frame")
            for name, sql in sorted((views or {}).items()):
                con.execute(f'CREATE VIEW "{name}" AS {sql}')
            con.execute("CHECKPOINT")
        finally:
            con.close()
    try:
        write_atomic(path, build)
    except duckdb.Error as err:
        raise ExportError(f"the database could not be written: {err}".splitlines()[0]) from err


def verify_duckdb(tables: Mapping[str, pd.DataFrame], path: Path,
                  views: Mapping[str, str] | None = None) -> None:
    """Open the written database and check it holds every table, with every row, and
    every view: a run never publishes a database it cannot read back."""
    try:
        con = duckdb.connect(str(path), read_only=True)
        try:
            found = {name for (name,) in con.execute(
                "SELECT table_name FROM information_schema.tables").fetchall()}
            counts = {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
                      for name in tables if name in found}
        finally:
            con.close()
    except duckdb.Error as err:
        raise ExportError(f"the database cannot be read back: {err}".splitlines()[0]) from err
    missing = sorted((set(tables) | set(views or {})) - found)
    wrong = sorted(n for n, frame in tables.items() if counts.get(n, -1) != len(frame))
    if missing or wrong:
        raise ExportError(f"the database was written incompletely (missing {missing}, "
                          f"wrong row counts {wrong})")
