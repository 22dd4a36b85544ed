"""Per-document rows written away as documents finish, the run's tables assembled from them.

Why: a run used to hold every document's result (its whole text included) until
the end, ~0.45 MB a document. Now each finished document's rows go into a buffer
that is written to a part file every :data:`PART_DOCS` documents, and its text
straight to ``text/``; the parent keeps nothing of a document once written.
:meth:`Parts.tables` then builds each table from its parts alone, one table at a
time, in doc_id order, exactly as :func:`pipeline.export.tables.build_tables`
would from all results at once (same rows, same order, same column types).
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd

from pipeline.export.tables import COLUMNS, table_frame

PART_DOCS = 256  # documents per part file: small buffers, few files


class Parts:
    """The rows of a run, spooled to ``folder`` (which the caller removes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._buffer: dict[str, list[tuple[tuple[str, int], list[dict]]]] = {name: [] for name in COLUMNS}
        self._docs = 0
        self._written = 0
        self.counts = dict.fromkeys(COLUMNS, 0)

    def add(self, order: tuple[str, int], rows: dict[str, list[dict]]) -> None:
        """One document's rows (table → rows, as :func:`document_rows` gives them);
        ``order`` is (doc_id, position among the inputs): documents finish in any
        order, the tables list them in this one."""
        for name, found in rows.items():
            if found:
                self._buffer[name].append((order, found))
                self.counts[name] += len(found)
        self._docs += 1
        if self._docs >= PART_DOCS:
            self.flush()

    def flush(self) -> None:
        """Write the buffer away, each table as columns (a list of values per column):
        a run's rows as dicts held at once took four times the memory of the table
        built from them (88 MB of sections rows for 1,000 plans)."""
        for name, docs in self._buffer.items():
            if docs:
                part = ([(order, len(rows)) for order, rows in docs],
                        {c: [row.get(c) for _, rows in docs for row in rows] for c in COLUMNS[name]})
                with (self.folder / f"{name}.{self._written:06d}.pkl").open("wb") as handle:
                    pickle.dump(part, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._buffer = {name: [] for name in COLUMNS}
        self._docs = 0
        self._written += 1

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the run, rows of a document together, documents by doc_id."""
        self.flush()
        return {name: self.table(name) for name in COLUMNS}

    def table(self, name: str) -> pd.DataFrame:
        docs: list[tuple[tuple[str, int], int, int, int]] = []  # order, part, first row, rows
        parts: list[dict[str, list]] = []
        for path in sorted(self.folder.glob(f"{name}.*.pkl")):
            with path.open("rb") as handle:
                orders, columns = pickle.load(handle)
            first = 0
            for order, n in orders:
                docs.append((order, len(parts), first, n))
                first += n
            parts.append(columns)
        if not docs:
            return table_frame(name, [])
        docs.sort(key=lambda doc: doc[0])
        return pd.DataFrame({c: [v for _, part, first, n in docs
                                 for v in parts[part][c][first:first + n]] for c in COLUMNS[name]},
                            columns=list(COLUMNS[name]))
