"""A large table goes through another CSV writer (DuckDB's): the file must not change."""

from __future__ import annotations

import math

import pandas as pd

from pipeline.export.csv_files import LARGE_TABLE, as_text, write_csv

TRICKY = ["plain", "a, b", 'say "hi"', "two\nlines", "cr\rhere", "=SUM(A1)", "-5%", "",
          None, " spaced ", "Kế hoạch số 238/KH-UBND", "- Tuyên truyền"]


def _safe(value: object) -> object:
    if isinstance(value, str):
        return as_text(value.replace("\r\n", "\n").replace("\r", "\n"))
    return value


def test_a_large_table_is_written_byte_for_byte_as_pandas_writes_it(tmp_path):
    n = LARGE_TABLE + 7
    frame = pd.DataFrame({
        "doc_id": [TRICKY[i % len(TRICKY)] for i in range(n)],
        "page": range(n),
        "score": [math.nan if i % 3 == 0 else i / 7 for i in range(n)],
        "covered": [i % 2 == 0 for i in range(n)],
        "note": pd.Series([TRICKY[(i * 5) % len(TRICKY)] for i in range(n)], dtype=object),
    })
    write_csv(frame, tmp_path / "large.csv")
    expected = frame.assign(doc_id=frame.doc_id.map(_safe), note=frame.note.map(_safe))
    expected.to_csv(tmp_path / "pandas.csv", index=False, lineterminator="\n",
                    encoding="utf-8-sig")
    assert (tmp_path / "large.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
