"""One DuckDB database with a table per CSV and the comparison views, for notebooks and SQL."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.export.atomic import write_atomic


def write_duckdb(tables: Mapping[str, pd.DataFrame], path: Path,
                 views: Mapping[str, str] | None = None) -> None:
    """Write every table (and ``CREATE VIEW name AS sql`` for each view) atomically."""
    def build(tmp: Path) -> None:
        tmp.unlink()  # duckdb creates the file itself
        con = duckdb.connect(str(tmp))
        try:
            for name, frame in sorted(tables.items()):
                con.register("frame", frame)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
                con.unregister("frame")
            for name, sql in sorted((views or {}).items()):
                con.execute(f'CREATE VIEW "{name}" AS {sql}')
        finally:
            con.close()
    write_atomic(path, build)
