"""The run cache: what a document gave last time, so a re-run mines only what changed.

Why: a province's archive grows by a few plans at a time, and a second run over the
same archive used to cost as much as the first. An entry is keyed by the file's
bytes, its suffix (which reader reads it), the pipeline's version (a hash of the
package's code, patterns and models) and the options that change what a document
gives (the ingest limits, ``min_vietnamese``). It holds

- ``source.pkl``: the ingested document (pass 2 reads it from here, so the texts
  never travel through the run's parent process, and a scan is never OCR'd twice);
- ``contribution.txt``: the document's share of the run's language model;
- ``result.pkl``: its rows and repaired text, whether its repair consulted the
  language model, which model that was, and the repaired text's hash;
- ``text.txt``: the repaired text as the run's ``text/`` holds it (linked there).

Beside the entries, ``tables/`` holds the last run's per-document tables with, per
document, its record without rows and text: a re-run takes an unchanged
document's rows from there (one file per table, not one per document) and links
its text. Both are checked (code version, file hashes); a document they cannot
serve comes from its entry, and one whose entry is damaged is mined again.

A document whose repair never consulted the model (most clean text) is re-used
whatever the batch model is now; one that did is repaired again with the new
model, and re-used when its repaired text comes out the same. The batch model
itself is kept with the list of documents it counts, and updated by adding and
subtracting documents' n-gram counts (its probabilities depend on the counts
only, never on the order they were added).

Entries are written to a temporary name and renamed, so a killed run leaves none
half-written. With ``--no-cache`` the same folder layout lives in a temporary
folder removed at the end of the run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import shutil
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pipeline.export.atomic import write_atomic
from pipeline.export.tables import COLUMNS, document_fields
from pipeline.inputs import _digest as file_digest
from pipeline.options import RunOptions
from pipeline.repair.lm import LanguageModel, NgramTally, default_model

PACKAGE = Path(__file__).resolve().parent
MODELS = PACKAGE.parent / "models"
DEFAULT_LM = "default"  # digest of the shipped model alone (a run of one document)


@cache
def pipeline_version() -> str:
    """A hash of everything that decides a document's rows: code, patterns, models."""
    digest = hashlib.sha256()
    files = [p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".yaml", ".txt", ".gz", ".tsv")
             and "evaluation" not in p.parts and "report" not in p.relative_to(PACKAGE).parts]
    if MODELS.is_dir():
        files += [p for p in MODELS.iterdir() if p.is_file() and p.suffix != ".py"]
    for path in sorted(files):
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def options_fingerprint(options: RunOptions) -> str:
    """The options that change what a document gives (not workers, time or memory)."""
    return repr((options.min_vietnamese, dataclasses.astuple(options.limits)))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def write_pickle(path: Path, value: object) -> None:
    """``path`` replaced at once by the pickled value (a temporary file renamed)."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def read_pickle(path: Path) -> object | None:
    """The pickled value, or None when missing or unreadable (a damaged entry is a miss)."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            IndexError, TypeError, ValueError):
        return None


class Cache:
    """Entries under ``root`` (kept across runs when ``keep``, else removed by :meth:`close`)."""

    def __init__(self, root: Path, keep: bool = True) -> None:
        self.root, self.keep = root, keep
        (root / "entries").mkdir(parents=True, exist_ok=True)

    def key(self, path: Path, options: RunOptions) -> str:
        parts = (file_digest(path), path.suffix.lower(), pipeline_version(),
                 options_fingerprint(options))
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:40]

    def entry(self, key: str) -> Path:
        return self.root / "entries" / key[:2] / key

    # ------------------------------------------------------------- results --

    def result(self, key: str) -> dict | None:
        """The cached record of a document, when its source is there too."""
        if not self.keep:
            return None
        record = read_pickle(self.entry(key) / "result.pkl")
        if not isinstance(record, dict) or "rows" not in record or not self.has_source(key):
            return None
        return record

    def has_source(self, key: str) -> bool:
        """Whether the entry holds the ingested document (what mining it again reads)."""
        return (self.entry(key) / "source.pkl").is_file()

    def text_file(self, key: str) -> Path:
        """The document's repaired text as ``text/<doc_id>.txt`` holds it (linked there)."""
        return self.entry(key) / "text.txt"

    def save_result(self, key: str, record: dict) -> None:
        if record["text"] is not None:
            text = record["text"] + "\n"
            write_atomic(self.text_file(key), lambda tmp: tmp.write_text(text, encoding="utf-8",
                                                                         newline="\n"))
        write_pickle(self.entry(key) / "result.pkl", record)

    # --------------------------------------------------------- last tables --

    def last_tables(self) -> LastTables | None:
        """The last run's tables, kept for this code version and whole (None: there are
        none; the documents then come from their entries)."""
        folder = self.root / "tables"
        index = read_pickle(folder / "index.pkl") if self.keep else None
        if (isinstance(index, dict) and index.get("base") == pipeline_version()
                and index.get("digests") == _digests(folder)):
            return LastTables(folder, index["docs"])
        return None

    def tables_staging(self) -> Path | None:
        """Where this run writes its tables for the next (None with --no-cache)."""
        if not self.keep:
            return None
        staging = self.root / "tables.new"
        shutil.rmtree(staging, ignore_errors=True)
        return staging

    def keep_tables(self, docs: dict[str, dict]) -> None:
        """Make the staged tables the last run's, with the record (no rows, no text) of
        every document they hold; swapped in whole, so tables and index always agree."""
        staging = self.root / "tables.new"
        if not self.keep or not staging.is_dir():
            return
        write_pickle(staging / "index.pkl", {"base": pipeline_version(), "docs": docs,
                                             "digests": _digests(staging)})
        old = self.root / "tables.old"
        shutil.rmtree(old, ignore_errors=True)
        if (self.root / "tables").exists():
            (self.root / "tables").rename(old)
        staging.rename(self.root / "tables")
        shutil.rmtree(old, ignore_errors=True)

    def contribution_hash(self, key: str) -> str | None:
        try:
            return (self.entry(key) / "contribution.sha256").read_text().strip() or None
        except OSError:
            return None

    def contribution(self, key: str) -> str:
        return (self.entry(key) / "contribution.txt").read_text(encoding="utf-8")

    # ---------------------------------------------------------- batch model --

    def batch_model(self, members: Sequence[tuple[str, str]],
                    tally: Tally | None = None) -> tuple[LanguageModel, str]:
        """The run's language model over ``members`` ((key, contribution hash) of every
        document read), and its digest. Re-uses the last run's model when that saves work,
        and ``tally``'s counts of the documents just read (see :class:`Tally`)."""
        if len(members) <= 1:
            return default_model(), DEFAULT_LM
        digest = hashlib.sha256("\n".join(sorted(h for _, h in members)).encode()).hexdigest()[:16]
        wanted = dict(members)
        stored = read_pickle(self.root / "batch_lm.pkl") if self.keep else None
        if isinstance(stored, dict) and stored.get("base") == pipeline_version():
            have: dict[str, str] = stored["members"]
            added = [k for k in wanted if have.get(k) != wanted[k]]
            removed = [k for k in have if wanted.get(k) != have[k]]
            kept = all((self.entry(k) / "contribution.txt").is_file() for k in removed)
            if kept and len(added) + len(removed) < len(wanted) // 2:
                model = LanguageModel(stored["counts"])
                if added:
                    model.merge(self._counted(added, tally))
                if removed:
                    minus = self._counted(removed, None)
                    model = LanguageModel([mine - less for mine, less
                                           in zip(model.counts, minus.counts, strict=True)])
                self._save_model(model, wanted)
                return model, digest
        model = self._counted(list(wanted), tally)
        model.merge(default_model())
        self._save_model(model, wanted)
        return model, digest

    def _counted(self, keys: list[str], tally: Tally | None) -> LanguageModel:
        """The counts of the contributions of ``keys``: the tally's when it holds only
        some of those, the rest read from their entries."""
        counts = NgramTally()
        if tally is not None and tally.keys and tally.keys <= set(keys):
            counts, keys = tally.counts, [k for k in keys if k not in tally.keys]
        for key in keys:
            counts.add_tokens(self.contribution(key))
        return counts.model()

    def _save_model(self, model: LanguageModel, members: dict[str, str]) -> None:
        if self.keep:
            write_pickle(self.root / "batch_lm.pkl", {"base": pipeline_version(),
                                                      "members": members, "counts": model.counts})

    # -------------------------------------------------------- compare memo --

    def compare_memo(self) -> dict[str, object]:
        """What the last run's compare left for this one (empty when the code changed)."""
        stored = read_pickle(self.root / "compare_memo.pkl") if self.keep else None
        if isinstance(stored, dict) and stored.get("base") == pipeline_version():
            return dict(stored["memo"])
        return {}

    def save_compare_memo(self, memo: dict[str, object]) -> None:
        if self.keep:
            write_pickle(self.root / "compare_memo.pkl", {"base": pipeline_version(), "memo": memo})

    def close(self) -> None:
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)


def _digests(folder: Path) -> dict[str, str] | None:
    """Each table file's hash: a damaged or missing one is never read as rows."""
    try:
        return {name: file_digest(folder / f"{name}.pkl") for name in COLUMNS}
    except OSError:
        return None


@dataclasses.dataclass(frozen=True)
class LastTables:
    """The last run's tables (a folder :class:`pipeline.export.parts.Parts` reads) and,
    per cache key, the record of the document they hold rows of."""

    folder: Path
    docs: dict[str, dict]


class Tally:
    """The n-gram counts of the documents a run has read so far.

    Why: the run's parent used to count every document's contribution between the
    two passes, alone, while the workers waited (5 s of a 75 s run of 1,000 plans on
    two workers); counted as each document arrives, it overlaps with their reading.
    """

    def __init__(self, cache: Cache) -> None:
        self.cache, self.counts, self.keys = cache, NgramTally(), set[str]()

    def add(self, key: str) -> None:
        self.counts.add_tokens(self.cache.contribution(key))
        self.keys.add(key)


def renamed(rows: dict[str, list[dict]], doc_id: str, file: str) -> dict[str, list[dict]]:
    """A cached document's rows under the doc_id and file name it has in this run."""
    return {name: [{**row, **document_fields(name, doc_id, file)} for row in found]
            for name, found in rows.items()}
