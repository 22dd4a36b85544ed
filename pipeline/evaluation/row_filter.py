"""A learned precision filter over the rules' rows, cross-validated by document (issue 11, item 4).

Usage: python -m pipeline.evaluation.row_filter [--gold tests/data/real] [--sources-cache DIR]

Why: the rules propose a row wherever a shape of writing they know occurs, and some
proposals are not rows a reader keeps (a collective named in passing, a name run on
into its verb, a number in a target's prose taken for a quota). A spaCy text
categoriser per table (bag of words over underthesea's tokens, a blank pipeline,
nothing from the network) reads each proposed row with its context
(row_features.py) and drops the rows it judges not real. It belongs in the
pipeline only where it beats the rules on documents it was not trained on; this
module measures that, and prints which tables pass. On the 40 real documents it
passed for none (figures in the commit that added it), so the extract stage does
not use it: re-run this when the gold grows or the rules change.

Why by document: rows of one plan share its wording (its bodies, its headings), so a
row filter tested on rows of plans it was trained on would be judged on what it
memorised. Every document's rows are scored by a filter trained on the other folds
only, and the rules alone are scored on the same documents: the filter is kept for
a table only where it beats the rules there by a clear margin (``MARGIN``).

Candidates are the rules' rows of each gold document, read as
``plans run`` reads it (the run's language model built from all the documents);
a row is labelled real when it pairs with a gold row under the scorer's match rule.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline.evaluation.row_features import FIELDS, Row, table_words
from pipeline.evaluation.score import MATCHERS, Score, pair, read_golds
from pipeline.extract import extract
from pipeline.ingest import read_source
from pipeline.models import Source
from pipeline.repair import batch_model, repair
from pipeline.segment import segment

KEEP, DROP = "keep", "drop"
# A row is dropped when its categoriser gives "drop" at least this probability.
THRESHOLD = 0.5
SEED = 0
EPOCHS = 12
BATCH = 16
FOLDS = 5
# F1 (out of 1) the filter must add over the rules alone, out of fold, to earn its place.
MARGIN = 0.02


@dataclasses.dataclass(frozen=True)
class DocRows:
    """One gold document's rule rows per table, their features, and which are real."""

    doc_id: str
    gold: dict
    rows: dict[str, tuple[Row, ...]]
    words: dict[str, list[list[str]]]

    def labels(self, table: str) -> list[bool]:
        """Whether each proposed row pairs with a gold row (the scorer's rule)."""
        proposed = [_as_dict(r) for r in self.rows[table]]
        matched = {id(p) for p, _ in pair(proposed, self.gold[table], MATCHERS[table])}
        return [id(p) in matched for p in proposed]


def _as_dict(row: Row) -> dict:
    out = dataclasses.asdict(row)
    out.pop("span", None)
    return out


# ------------------------------------------------------------ candidates ----


def read_sources(paths: Sequence[Path], cache: Path | None = None) -> list[Source]:
    """The documents as ingested; ``cache`` (a folder) keeps them by file content between
    runs, since OCR of the scans is the slow part (clear it when ingest changes)."""
    sources = []
    for path in paths:
        key = cache / f"{hashlib.sha256(path.read_bytes()).hexdigest()[:20]}.pkl" if cache else None
        if key is not None and key.exists():
            sources.append(pickle.loads(key.read_bytes()))
            continue
        source = read_source(path, path.stem)
        if key is not None:
            key.parent.mkdir(parents=True, exist_ok=True)
            key.write_bytes(pickle.dumps(source))
        sources.append(source)
    return sources


def candidates(gold_dir: Path, corpus: Path, cache: Path | None = None,
               tables: Sequence[str] = tuple(FIELDS)) -> list[DocRows]:
    """Every gold document's rule rows, repaired with the language model a run of them builds."""
    golds = read_golds(gold_dir)
    paths = [corpus / g["source"] if g.get("source") else _beside(gold_dir, doc_id)
             for doc_id, g in golds.items()]
    sources = read_sources(paths, cache)
    lm = batch_model(sources)
    docs = []
    for source, (doc_id, gold) in zip(sources, golds.items(), strict=True):
        plan = segment(repair(source, lm=lm))
        found = extract(plan)
        rows = {t: getattr(found, t) for t in tables}
        docs.append(DocRows(doc_id, gold, rows, {t: table_words(plan, t, rows[t]) for t in tables}))
    return docs


def _beside(gold_dir: Path, doc_id: str) -> Path:
    """An in-house document lies beside its gold (``x01.txt`` by ``x01.json``)."""
    return next(p for p in gold_dir.glob(f"{doc_id}.*") if p.suffix != ".json")


# ----------------------------------------------------------------- model ----


def component(table: str) -> str:
    """The name of a table's categoriser in the pipeline."""
    return f"filter_{table}"


def new_pipeline(tables: Sequence[str]):
    """A blank pipeline with one bag-of-words categoriser per table (its tokenizer is not
    used: Docs are built from the words of :func:`~pipeline.evaluation.row_features.row_words`)."""
    import spacy

    nlp = spacy.blank("xx")
    for table in tables:
        nlp.add_pipe("textcat", name=component(table), config={"model": {
            "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
            "ngram_size": 1, "no_output_layer": False, "length": 2 ** 16}})
    return nlp


def drop_scores(nlp, table: str, words: list[list[str]]) -> list[float]:
    """The probability that each row (given as its words) is not a real row."""
    from spacy.tokens import Doc

    pipe = nlp.get_pipe(component(table))
    docs = [Doc(nlp.vocab, words=w or ["empty"]) for w in words]
    return [doc.cats[DROP] for doc in pipe.pipe(docs)]


# -------------------------------------------------------------- training ----


def train(docs: Sequence[DocRows], tables: Sequence[str], seed: int = SEED, epochs: int = EPOCHS):
    """A pipeline with one categoriser per table, trained on ``docs`` (deterministic)."""
    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = new_pipeline(tables)
    optimizer = nlp.create_optimizer()
    rng = random.Random(seed)
    for table in tables:
        examples = [Example.from_dict(Doc(nlp.vocab, words=w or ["empty"]),
                                      {"cats": {KEEP: float(y), DROP: float(not y)}})
                    for d in docs for w, y in zip(d.words[table], d.labels(table), strict=True)]
        pipe = nlp.get_pipe(component(table))
        pipe.initialize(lambda examples=examples: examples, nlp=nlp)
        for _ in range(epochs):
            rng.shuffle(examples)
            for batch in minibatch(examples, BATCH):
                pipe.update(batch, sgd=optimizer)
    return nlp


# ------------------------------------------------------ cross-validation ----


@dataclasses.dataclass
class Outcome:
    """One table's out-of-fold figures: the rules alone, and the rules with the filter."""

    table: str
    rules: Score
    filtered: Score

    @property
    def gain(self) -> float:
        return self.filtered.f1 - self.rules.f1


def folds(docs: Sequence[DocRows], k: int, seed: int = SEED) -> list[list[DocRows]]:
    """``docs`` dealt into ``k`` folds after a seeded shuffle; a document is in one fold only."""
    order = sorted(docs, key=lambda d: d.doc_id)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def cross_validate(docs: Sequence[DocRows], tables: Sequence[str], k: int = FOLDS,
                   threshold: float = THRESHOLD) -> dict[str, Outcome]:
    """Each fold's documents scored with a filter trained on the other folds."""
    outcomes = {t: Outcome(t, Score(t), Score(t)) for t in tables}
    for held in folds(docs, k):
        held_ids = {d.doc_id for d in held}
        train_docs = [d for d in docs if d.doc_id not in held_ids]
        nlp = train(train_docs, tables)
        for doc in held:
            for table in tables:
                _score(outcomes[table], nlp, doc, table, threshold)
    return outcomes


def _score(outcome: Outcome, nlp, doc: DocRows, table: str, threshold: float) -> None:
    """Add one held-out document's figures, rules alone and filtered."""
    gold = doc.gold[table]
    proposed = [_as_dict(r) for r in doc.rows[table]]
    outcome.rules.add(len(proposed), len(gold), len(pair(proposed, gold, MATCHERS[table])))
    scores = drop_scores(nlp, table, doc.words[table]) if proposed else []
    kept = [p for p, s in zip(proposed, scores, strict=True) if s < threshold]
    outcome.filtered.add(len(kept), len(gold), len(pair(kept, gold, MATCHERS[table])))


def report(outcomes: dict[str, Outcome]) -> str:
    lines = [f"{'table':<18}{'':<10}{'pred':>6}{'gold':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for o in outcomes.values():
        for name, s in (("rules", o.rules), ("+filter", o.filtered)):
            lines.append(f"{o.table:<18}{name:<10}{s.predicted:>6}{s.gold:>6}{s.matched:>7}"
                         f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
        lines.append(f"{o.table:<18}{'F1 gain':<10}{o.gain:>+47.3f}")
    return "\n".join(lines)


def passing(outcomes: dict[str, Outcome], margin: float = MARGIN) -> list[str]:
    """The tables whose filter beat the rules out of fold by at least ``margin`` F1."""
    return [t for t, o in outcomes.items() if o.gain >= margin]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("tests/data/real"))
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--sources-cache", type=Path, default=None,
                        help="folder keeping the ingested documents between runs (OCR is slow)")
    args = parser.parse_args(argv)
    docs = candidates(args.gold, args.corpus, args.sources_cache)
    outcomes = cross_validate(docs, tuple(FIELDS), args.folds)
    print(report(outcomes))
    passed = passing(outcomes)
    print(f"tables where the filter beats the rules by {MARGIN:.2f} F1 out of fold: "
          f"{', '.join(passed) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
