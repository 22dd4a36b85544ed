"""The two per-document tasks of a run, the same on every executor (pool or cluster).

1. :func:`read_task` reads a file, leaves its Source in the cache entry and sends
   back only its share of the run's language model (a hash: the text stays in
   the entry) and how long reading took.
2. :func:`mine_task` takes the Source from the entry and repairs (with the run's
   model, the task's ``shared`` argument, sent once to each worker), segments and
   extracts it; it sends back the document's rows and repaired text, and whether
   its repair consulted the model at all.

Both end with a ``shared`` argument because executors pass the one large object
every task needs that way (:mod:`pipeline.executors`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from pipeline.cache import read_pickle as _read_pickle
from pipeline.cache import text_hash, write_pickle
from pipeline.export.atomic import write_text_atomic
from pipeline.export.tables import document_rows
from pipeline.models import DocumentResult, Source, Text
from pipeline.options import RunOptions
from pipeline.process import finish, read_document
from pipeline.repair import batch_tokens
from pipeline.repair.lm import LanguageModel, default_model


@dataclasses.dataclass(frozen=True)
class Read:
    """What reading a document sends back: never its text."""

    seconds: float  # reading time, taken from the document's time budget
    contribution: str  # hash of its share of the language model (in the entry)
    characters: int = 0  # length of its text: the longest documents are mined first


@dataclasses.dataclass(frozen=True)
class Mined:
    """What mining a document sends back: its rows and text, or None when its
    repaired text is the one the cache already has rows for."""

    rows: dict[str, list[dict]] | None
    text: str | None
    text_hash: str
    lm_used: bool


def read_task(path: Path, doc_id: str, options: RunOptions, entry: str,
              _shared: object = None) -> Read | DocumentResult:
    read = read_document(path, doc_id, options)
    if isinstance(read, DocumentResult):
        return read
    folder = Path(entry)
    contribution = batch_tokens(read)
    digest = hashlib.sha256(contribution.encode("utf-8", "surrogatepass")).hexdigest()
    write_pickle(folder / "source.pkl", read)
    write_text_atomic(folder / "contribution.txt", contribution, errors="surrogatepass")
    write_text_atomic(folder / "contribution.sha256", digest)
    return Read(round(sum(p.seconds for p in read.pages), 3), digest,
                sum(len(line) for page in read.pages for line in page.lines))


def mine_task(path: Path, doc_id: str, options: RunOptions, entry: str, known: str | None,
              lm: LanguageModel | None) -> Mined:
    """Mine the entry's Source; ``known``: the hash of the repaired text the cache has
    rows for (None: mine whatever comes out)."""
    source = _read_pickle(Path(entry) / "source.pkl")
    if not isinstance(source, Source):
        raise RuntimeError("the document read in the first pass is missing from the run's cache")
    source = dataclasses.replace(source, doc_id=doc_id, path=path)
    lm = lm or default_model()
    lm.memo.consulted = False  # one document at a time per process (see executors)
    seen: list[str] = []

    def unchanged(text: Text) -> bool:
        seen.append(text_hash(text.string))
        return known is not None and seen[0] == known

    result = finish(source, options, lm, unchanged)
    used = lm.memo.consulted or any(p.method == "ocr" for p in source.pages)
    if result is None:
        return Mined(None, None, seen[0], used)
    text = result.plan.text.string if result.plan is not None else None
    # An error of the repair, segment or extract stage is the document's; keep it too.
    return Mined(document_rows(result), text, seen[0] if seen else "", used)
