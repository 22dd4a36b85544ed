"""Per-document rows written away as documents finish, the run's tables assembled from them.

Why: a run used to hold every document's result (its whole text included) until
the end, ~0.45 MB a document. Now each finished document's rows go into a buffer
that is written to a part file every :data:`PART_DOCS` documents, and its text
straight to ``text/``; the parent keeps nothing of a document once written.
:meth:`Parts.tables` then builds each table from its parts alone, one table at a
time, in doc_id order, exactly as :func:`pipeline.export.tables.build_tables`
would from all results at once (same rows, same order, same column types).

The tables of the last run can stand in for parts: a document the cache re-uses
is named by its cache key (:meth:`Parts.reuse`) and its rows are taken from the
last run's tables (written by :meth:`Parts.tables` with ``keep_to``), renamed to
the doc_id and file it has now. Why: a re-run of 1,000 plans read 1,000 cached
records and spooled their rows again, 3 of its 12 s, to rebuild the same tables.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.export.tables import COLUMNS, document_fields, table_frame

PART_DOCS = 256  # documents per part file: small buffers, few files

Order = tuple[str, int]  # (doc_id, position among the run's inputs)


@dataclass(frozen=True)
class _Segment:
    """One document's rows in a column store: ``n`` rows from ``first``; ``fields`` are
    the cells it takes from this run (doc_id, file), not from the store."""

    order: Order
    columns: dict[str, list]
    first: int
    n: int
    key: str | None
    fields: dict[str, str] | None = None

    def values(self, column: str) -> list:
        if self.fields is not None and column in self.fields:
            return [self.fields[column]] * self.n
        return self.columns[column][self.first:self.first + self.n]


class Parts:
    """The rows of a run, spooled to ``folder`` (which the caller removes).

    ``reuse_from`` is the folder of the last run's tables (see :meth:`reuse`);
    ``keep_to`` the folder where :meth:`tables` writes this run's for the next.
    """

    def __init__(self, folder: Path, reuse_from: Path | None = None,
                 keep_to: Path | None = None) -> None:
        self.folder, self.reuse_from, self.keep_to = folder, reuse_from, keep_to
        folder.mkdir(parents=True, exist_ok=True)
        self._buffer: dict[str, list[tuple[Order, str | None, list[dict]]]] = {
            name: [] for name in COLUMNS}
        self._docs = 0
        self._written = 0
        self._reused: dict[str, list[tuple[Order, str]]] = {}  # key → (order, file) per use
        self.counts = dict.fromkeys(COLUMNS, 0)

    def add(self, order: Order, rows: dict[str, list[dict]], key: str | None = None) -> None:
        """One document's rows (table → rows, as :func:`document_rows` gives them);
        ``order`` is (doc_id, position among the inputs): documents finish in any
        order, the tables list them in this one. ``key`` (its cache key) lets the
        next run re-use them."""
        for name, found in rows.items():
            if found:
                self._buffer[name].append((order, key, found))
                self.counts[name] += len(found)
        self._docs += 1
        if self._docs >= PART_DOCS:
            self.flush()

    def reuse(self, order: Order, key: str, file: str) -> None:
        """A document whose rows are the last run's under cache ``key``, renamed to
        this run's doc_id (``order[0]``) and ``file``."""
        self._reused.setdefault(key, []).append((order, file))

    def flush(self) -> None:
        """Write the buffer away, each table as columns (a list of values per column):
        a run's rows as dicts held at once took four times the memory of the table
        built from them (88 MB of sections rows for 1,000 plans)."""
        for name, docs in self._buffer.items():
            if docs:
                part = ([(order, key, len(rows)) for order, key, rows in docs],
                        {c: [row.get(c) for _, _, rows in docs for row in rows]
                         for c in COLUMNS[name]})
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
        docs = sorted(self._segments(name), key=lambda segment: segment.order)
        if not docs:
            self._keep(name, [], {c: [] for c in COLUMNS[name]})
            return table_frame(name, [])
        columns = {c: [v for doc in docs for v in doc.values(c)] for c in COLUMNS[name]}
        self._keep(name, [(doc.key, doc.n) for doc in docs], columns)
        return pd.DataFrame(columns, columns=list(COLUMNS[name]))

    def _segments(self, name: str) -> Iterator[_Segment]:
        """Every document's rows of table ``name``: spooled ones, then re-used ones."""
        for path in sorted(self.folder.glob(f"{name}.*.pkl")):
            orders, columns = _load(path)
            first = 0
            for order, key, n in orders:
                yield _Segment(order, columns, first, n, key)
                first += n
        if self._reused and self.reuse_from is not None:
            keys, columns = _load(self.reuse_from / f"{name}.pkl")
            first = 0
            for key, n in keys:  # a key once: a run reads a file's bytes once (inputs)
                for order, file in self._reused.get(key, ()):
                    yield _Segment(order, columns, first, n, key,
                                   document_fields(name, order[0], file))
                first += n

    def _keep(self, name: str, keys: list[tuple[str | None, int]],
              columns: dict[str, list]) -> None:
        """Write table ``name`` for the next run: per document its cache key and rows."""
        if self.keep_to is not None:
            self.keep_to.mkdir(parents=True, exist_ok=True)
            with (self.keep_to / f"{name}.pkl").open("wb") as handle:
                pickle.dump((keys, columns), handle, protocol=pickle.HIGHEST_PROTOCOL)


def _load(path: Path) -> Any:
    with path.open("rb") as handle:
        return pickle.load(handle)
