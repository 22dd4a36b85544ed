"""A finished run as the report reads it: its CSV tables and text/<doc_id>.txt, nothing else.

Why only the output folder: `plans report --from DIR` must work on any finished run,
long after the pipeline's objects are gone, and an auditor's copy of a run is what
the report must show. Rows get the ids the compare stage gives them ("D3" is a
document's third deadline row, in the table's order), so a coverage row, a finding
and a highlight point at the same thing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from pipeline import patterns
from pipeline.export.csv_files import read_csv

# row table → prefix of its row ids (coverage.py uses T, D and C for the same tables)
ROW_PREFIX = {"references": "R", "deadlines": "D", "responsibilities": "T", "criteria": "C"}
LABELS_FILE = Path(__file__).with_name("labels.yaml")


@functools.cache
def labels() -> dict[str, dict[str, str]]:
    """Vietnamese names of values (levels, roles, relations …) and the workbook's titles."""
    names = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
    titles = patterns.load("column_titles")
    names["columns"] = titles["columns"]
    names["sheets"] = titles["sheets"]
    return names


@dataclass
class RunData:
    """The tables of a run (text cells, as in the CSVs) and its repaired texts."""

    folder: Path
    tables: dict[str, pd.DataFrame]
    _texts: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> RunData:
        folder = Path(folder)
        if not (folder / "plans.csv").is_file():
            raise FileNotFoundError(f"{folder} holds no plans.csv: run `plans run` first")
        tables = {p.stem: read_csv(p) for p in sorted(folder.glob("*.csv"))}
        for name, prefix in ROW_PREFIX.items():
            frame = tables.get(name, pd.DataFrame(columns=["doc_id", "start", "end"]))
            frame = frame.copy()
            frame["row_id"] = prefix + (frame.groupby("doc_id", sort=False).cumcount() + 1).astype(str)
            tables[name] = frame
        return cls(folder, tables)

    def table(self, name: str) -> pd.DataFrame:
        return self.tables.get(name, pd.DataFrame())

    def rows(self, name: str, doc_id: str) -> pd.DataFrame:
        frame = self.table(name)
        return frame[frame["doc_id"] == doc_id] if "doc_id" in frame.columns else frame.iloc[0:0]

    def text(self, doc_id: str) -> str | None:
        """The repaired text rows' offsets point into, or None when the file is missing."""
        if doc_id not in self._texts:
            path = self.folder / "text" / f"{doc_id}.txt"
            # bytes decoded as they are: newline translation would move every offset after a "\r"
            self._texts[doc_id] = path.read_bytes().decode("utf-8") if path.is_file() else None
        return self._texts[doc_id]

    @property
    def doc_ids(self) -> list[str]:
        return list(self.table("plans")["doc_id"])
