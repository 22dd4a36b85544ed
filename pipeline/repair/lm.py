"""A small syllable trigram language model: which restoration reads like a plan.

Why trigrams over syllables: plans repeat each other's phrasing ("phong trào
thi đua yêu nước", "Ủy ban nhân dân xã"), so a model trained on a few clean
plans, plus the clean lines of the batch being processed, ranks candidate
restorations well. Smoothing is interpolated absolute discounting, backed off to
a uniform share over the syllable inventory, so every valid syllable has a
probability and a restoration with more tokens is not unfairly cheap.

Tokens are lower-case syllables in the house tone style, abbreviations in lower
case, ``<num>`` for numbers and ``<unk>`` for anything else; punctuation is
dropped (it carries no wording).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from pipeline.lang.syllables import canonical, inventory, is_abbreviation, is_syllable
from pipeline.repair.places import place_words

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "syllable_lm.json.gz"
DISCOUNT = 0.75
UNK = "<unk>"
NUM = "<num>"
_PIECE = re.compile(r"[^\W\d_]+|\d+")
# Probability share kept for tokens never seen in training (syllables from the inventory).
UNSEEN_SHARE = 0.05
UNK_LOGPROB = -14.0


@lru_cache(maxsize=1 << 16)
def lm_token(piece: str) -> str:
    """The model's token for one run of letters or digits.

    Cached: the decoders ask for the same few thousand pieces many times over.
    """
    if piece.isdigit():
        return NUM
    if len(piece) == 1 and piece.isupper() and piece not in "IVX":
        return UNK  # a lone capital is a fragment of a word, not the syllable "u" or "a"
    if is_syllable(piece) or canonical(piece) in place_words():
        return canonical(piece)
    if is_abbreviation(piece):
        return piece.lower()
    return UNK


def pieces(text: str) -> list[str]:
    """The runs of letters or digits of ``text``, each of which becomes one model token."""
    return _PIECE.findall(text)


def lm_tokens(text: str) -> list[str]:
    """Model tokens of a stretch of text, punctuation dropped."""
    return list(_tokens_of(text))


@lru_cache(maxsize=1 << 16)
def _tokens_of(text: str) -> tuple[str, ...]:
    """Cached: the decoder tokenises the same candidate readings and lines many times."""
    return tuple(map(lm_token, _PIECE.findall(text)))


class Memo:
    """What a model derives from its counts (statistics, scores, decoder tables), owned
    by the model and dropped as a whole whenever the counts change.

    Every read of the model goes through :meth:`table` (or :meth:`LanguageModel.count`),
    so ``consulted`` tells whether a repair looked at the model at all: a repair that
    never did holds for any batch model, and the run cache re-uses it.
    """

    def __init__(self) -> None:
        self.tables: dict[str, dict] = {}
        self.consulted = False

    def table(self, name: str) -> dict:
        """The named cache, created empty on first use."""
        self.consulted = True
        return self.tables.setdefault(name, {})

    def clear(self) -> None:
        self.tables.clear()

    def __getstate__(self) -> dict:
        """Caches stay behind when a model is sent to a worker: they are rebuilt there."""
        return {"tables": {}, "consulted": False}


@dataclass
class LanguageModel:
    """Trigram counts with interpolated absolute-discounting probabilities.

    Build with :meth:`train` (or :meth:`load` the shipped model) and add the
    batch's clean text with :meth:`extended`; scoring never changes the counts.
    Derived caches live in :attr:`memo` (other repair modules keep theirs there
    too, under their own names), so :meth:`add` clears every one of them.
    """

    counts: list[Counter[tuple[str, ...]]] = field(
        default_factory=lambda: [Counter(), Counter(), Counter()])
    memo: Memo = field(default_factory=Memo, init=False, repr=False, compare=False)

    # ----------------------------------------------------------- building --

    def add(self, tokens: list[str]) -> None:
        """Count the n-grams of one document's token stream."""
        self.memo.clear()
        for n in (1, 2, 3):
            # Counter.update over an iterable counts in C: the run's parent builds the
            # batch model from every document, serially, while the workers wait.
            self.counts[n - 1].update(zip(*(tokens[k:] for k in range(n)), strict=False))

    def add_text(self, text: str) -> None:
        """Count a whole document's text. Not through :func:`lm_tokens`: its cache is for
        the decoder's short readings, and would keep every document of a run alive."""
        self.add(list(map(lm_token, _PIECE.findall(text))))

    @classmethod
    def train(cls, texts: Iterable[str]) -> LanguageModel:
        model = cls()
        for text in texts:
            model.add_text(text)
        return model

    def extended(self, shares: Iterable[str]) -> LanguageModel:
        """A copy with documents' shares (space-joined tokens, see :class:`NgramTally`)
        counted in."""
        tally = NgramTally()
        for tokens in shares:
            tally.add_tokens(tokens)
        model = LanguageModel([Counter(c) for c in self.counts])
        model.merge(tally.model())
        return model

    def merge(self, other: LanguageModel) -> None:
        """Add another model's counts to this one's."""
        self.memo.clear()
        for mine, more in zip(self.counts, other.counts, strict=True):
            mine.update(more)

    def save(self, path: Path) -> None:
        rows = [[list(k), v] for grams in self.counts for k, v in sorted(grams.items())]
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> LanguageModel:
        model = cls()
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for key, value in json.load(f):
                model.counts[len(key) - 1][tuple(key)] = value
        return model

    # ------------------------------------------------------------ scoring --

    def count(self, gram: tuple[str, ...]) -> int:
        """How often ``gram`` (one to three tokens) was seen (a read of the model)."""
        self.memo.consulted = True
        return self.counts[len(gram) - 1].get(gram, 0)

    def _context_stats(self) -> tuple[Counter, Counter, int]:
        """Per context: total count and number of distinct followers; corpus size."""
        derived = self.memo.table("derived")
        stats = derived.get("stats")
        if stats is None:
            totals: Counter[tuple[str, ...]] = Counter()
            types: Counter[tuple[str, ...]] = Counter()
            for grams in self.counts[1:]:
                for key, value in grams.items():
                    totals[key[:-1]] += value
                    types[key[:-1]] += 1
            stats = (totals, types, sum(self.counts[0].values()))
            derived["stats"] = stats
        return stats

    def _unigram(self, word: str) -> float:
        totals, types, size = self._context_stats()
        seen = self.counts[0].get((word,), 0)
        unseen = UNSEEN_SHARE / len(_vocabulary())
        return (1 - UNSEEN_SHARE) * seen / max(size, 1) + unseen

    def prob(self, word: str, context: tuple[str, ...]) -> float:
        """P(word | up to two previous tokens)."""
        if not context:
            return self._unigram(word)
        lower = self.prob(word, context[1:])
        totals, types, _ = self._context_stats()
        total = totals.get(context, 0)
        if not total:
            return lower
        seen = self.counts[len(context)].get(context + (word,), 0)
        return max(seen - DISCOUNT, 0) / total + DISCOUNT * types[context] / total * lower

    def logprob(self, word: str, context: tuple[str, ...]) -> float:
        """Natural log of :meth:`prob`; ``<unk>`` has a fixed, low score.

        Cached on the model until it is next changed: a decoder asks for the
        same few thousand (word, context) pairs over and over, across lines,
        learning rounds and the documents of a run.
        """
        if word == UNK:
            return UNK_LOGPROB
        scores = self.memo.table("scores")
        key = (word, context[-2:])
        value = scores.get(key)
        if value is None:
            value = scores[key] = math.log(self.prob(word, key[1]))
        return value

    def advance(self, context: tuple[str, ...], tokens: tuple[str, ...]
                ) -> tuple[float, tuple[str, ...]]:
        """Log probability of ``tokens`` after ``context``, and the context they leave.

        Cached on the model like :meth:`logprob`: the decoder extends the same
        few contexts by the same candidate readings thousands of times a plan.
        """
        cache = self.memo.table("advance")
        key = (context, tokens)
        hit = cache.get(key)
        if hit is None:
            total = 0.0
            for token in tokens:
                total += self.logprob(token, context)
                context = (context[-1], token) if context else (token,)
            hit = cache[key] = (total, context)
        return hit


@cache
def _vocabulary() -> frozenset[str]:
    return inventory() | {NUM}


class NgramTally:
    """The n-gram counts of many documents' shares, as :meth:`LanguageModel.add` would count
    them, counted fast: trigrams only, the bigrams and unigrams derived once at the end.

    A share is what :func:`pipeline.repair.batch_tokens` gives: model tokens joined by
    spaces (none holds one). Why trigrams only: every bigram and unigram of a stream but
    those at its last two positions starts a trigram, so they are sums of trigram counts
    plus each stream's end; counting three orders per document was most of the run's
    parent's work while two workers read, and held them back.
    """

    def __init__(self) -> None:
        self.trigrams: Counter[tuple[str, ...]] = Counter()
        self.ends: Counter[tuple[str, ...]] = Counter()  # each stream's last bigram (or lone token)

    def add_tokens(self, share: str) -> None:
        tokens = share.split()
        self.trigrams.update(zip(tokens, tokens[1:], tokens[2:], strict=False))
        if tokens:
            self.ends[tuple(tokens[-2:])] += 1

    def model(self) -> LanguageModel:
        """A model holding the counts: ``add`` of every share would give the same."""
        bigrams: Counter[tuple[str, ...]] = Counter()
        for (first, second, _), n in self.trigrams.items():
            bigrams[(first, second)] += n
        unigrams: Counter[tuple[str, ...]] = Counter()
        for end, n in self.ends.items():
            if len(end) == 2:
                bigrams[end] += n
            unigrams[end[-1:]] += n  # a stream's last token starts no bigram
        for (first, _), n in bigrams.items():
            unigrams[(first,)] += n
        return LanguageModel([unigrams, bigrams, Counter(self.trigrams)])


@cache
def default_model() -> LanguageModel:
    """The shipped model (trained on the project's clean plans), loaded once per process."""
    return LanguageModel.load()
