"""CSV for auditors: UTF-8 with a BOM (Excel opens Vietnamese correctly), one header row."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.export.atomic import write_atomic


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    write_atomic(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig",
                                                lineterminator="\n"))
