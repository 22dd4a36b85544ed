"""Glyphs lost from a PDF text layer, each left behind as one space ("t i đua  êu n ớc").

Why a decoder: every space of a damaged line is either a real word space or a
lost letter, and the only judge is whether the result reads as Vietnamese. So
each line is decoded as a lattice: between two kept spaces lies a token whose
filled-in spaces must turn it into a valid syllable (or an abbreviation the
model knows), and the syllable language model (:mod:`pipeline.repair.lm`) picks
the most probable reading.

Which letters were lost differs per document (it depends on the fonts), so it
is learnt per document, by expectation-maximisation: decode the damaged lines
with every letter allowed, count the letters the decoder filled in, make those
cheap and the others dear, and decode again. Lines without any sign of loss are
never touched, and a document without enough damage is left as it is.
"""

from __future__ import annotations

import gc
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter
from typing import NamedTuple

from pipeline.lang.syllables import inventory, is_syllable, is_syllable_piece
from pipeline.repair.columns import column_gutters
from pipeline.repair.lm import UNK, LanguageModel, lm_token, lm_tokens, pieces
from pipeline.repair.places import MAX_NAME, TIER_ENDS, name_cost, place_fillings, tiers_after

NEVER = 99.0  # cost of filling in a character that is no letter
MAX_FILLS = 4  # lost letters in one token
MAX_CORE = 8  # letters in one restored token
BEAM = 8
# Paths this much costlier (nats) than the best one at a space are dropped: they
# never come back, and extending them is most of the decoder's work.
BEAM_WIDTH = 5.0
OPTIONS = 12  # readings of one span kept, the most probable on their own
EM_ROUNDS = 3
EM_SAMPLE = 80  # damaged lines the letter estimate is learnt on (fewer: a noisier estimate)
# Two kept spaces side by side inside a line are rare in clean text: a run of
# spaces is far more likely lost letters. Leading and trailing runs are layout.
GAP_COST = 8.0
# This many spaces in a row are layout: a lost glyph leaves one space; a short word lost
# whole with its neighbours leaves at most six (seed 001), letterhead columns leave 30 and more.
LAYOUT_SPACES = 10
_LAYOUT = re.compile(f"( {{{LAYOUT_SPACES},}})")
# A lost capital where the sentence goes on ("vươn lên hoàn thành Xuất sắc") is unlikely.
CAPITAL_COST = 2.0
START_LOSS = 0.1  # share of glyphs of any letter assumed lost before the first decoding
LOSS_PRIOR = 0.05  # pseudo-count of lost glyphs of each letter when re-estimating
# A document is damaged when this share of its tokens are fragments.
DAMAGED_SHARE = 0.02
MIN_FRAGMENTS = 5
# ... or half that share when this share of its lines have a gap of 2 to 9 spaces inside.
GAPPED_LINES = 0.2
_INNER_GAP = re.compile(r"\S {2,9}\S")
# A document whose lines start with two spaces or more this often indents them (layout text).
INDENTED_SHARE = 0.2
_INDENT = re.compile(r"  +\S")
_GAP = re.compile(r"\S {2,}\S|^ {2,}\S|^ +[^\W\d_]")
_MARKER = re.compile(r"[\dIVXivx]+[.)]|[a-zđ][.)]")
# A list marker whose letter was lost: read as any marker letter, priced by its fill alone.
_LOST_MARKERS = (" )", " .")
MARKER_LETTERS = "abcdefghiklmnopqrstuvxyđIVX"
_WORDS = re.compile(r"[^\W\d_]+")
_CELL = re.compile(r"[|\t]")
_SPAN = re.compile(r"([^\w ]*)([^\W\d_ ]*(?: [^\W\d_ ]*)*[^\W\d_]*)([^\w ]*)")


@dataclass(frozen=True)
class Restoration:
    """One line's restored text, the letters filled in, and the decoder's confidence."""

    text: str
    fills: str
    confidence: float


@dataclass(frozen=True)
class LossModel:
    """Per letter, the cost (negative log probability) that one of its glyphs was lost.

    A noisy channel: the printed text is the clean text with each glyph of
    letter ``c`` dropped with probability ``q_c``. Kept spaces cost nothing; the
    language model already prices every token of a reading.
    """

    letter_cost: dict[str, float]

    @classmethod
    def uniform(cls) -> LossModel:
        return cls({c: -math.log(START_LOSS) for c in alphabet()})

    @classmethod
    def estimate(cls, fills: Counter[str], present: Counter[str], floor: float = 0.0
                 ) -> LossModel:
        """``q_c`` = lost glyphs of ``c`` over all glyphs of ``c``, from the last decoding.

        ``floor``: the least ``q_c`` of any letter, for a first guess that must
        leave letters it has not seen lost open to the decoder.
        """
        cost = {}
        for c in alphabet():
            q = (fills[c] + LOSS_PRIOR) / (fills[c] + present[c] + 1)
            cost[c] = -math.log(max(q, floor))
        return cls(cost)


@cache
def alphabet() -> frozenset[str]:
    """Every letter a Vietnamese syllable uses, both cases."""
    lower = {c for word in inventory() for c in word}
    return frozenset(lower | {c.upper() for c in lower})


@cache
def _position_index(vocabulary: frozenset[str]) -> dict[tuple[int, int, str], frozenset[str]]:
    """Words by (length, position, letter): a damaged token's kept letters pick its readings.

    Cheaper to build than an index of every masked pattern (a tenth of the
    time), and as fast to query once a span's readings are cached.
    """
    index: dict[tuple[int, int, str], set[str]] = {}
    for word in vocabulary:
        if len(word) <= MAX_CORE:
            for position, letter in enumerate(word):
                index.setdefault((len(word), position, letter), set()).add(word)
    return {k: frozenset(v) for k, v in index.items()}


def _matching(core: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """Words of ``core``'s length that have each of its kept letters (spaces = lost) in place."""
    index = _position_index(vocabulary)
    sets = sorted((index.get((len(core), i, c), frozenset())
                   for i, c in enumerate(core.lower()) if c != " "), key=len)
    return frozenset.intersection(*sets)


class Vocabulary(NamedTuple):
    """The words a filled-in token may become, beyond the syllable inventory.

    ``extra``: the other words the model has seen ("ubnd", "hđnd"); ``seen``:
    every word the model has seen, the only readings of a token lost whole (any
    word of that length fits, so only the model's words are tried). The
    inventory's readings do not depend on the model, so they are cached by span
    alone and shared by every model of a process.
    """

    extra: frozenset[str]
    seen: frozenset[str]


def vocabulary_of(lm: LanguageModel) -> Vocabulary:
    """The model's :class:`Vocabulary`, kept on the model."""
    derived = lm.memo.table("derived")
    vocabulary = derived.get("vocabulary")
    if vocabulary is None:
        seen = frozenset(w for (w,) in lm.counts[0] if w.isalpha())
        vocabulary = derived["vocabulary"] = Vocabulary(seen - inventory(), seen)
    return vocabulary


def _case_forms(word: str) -> tuple[str, ...]:
    return (word, word[:1].upper() + word[1:], word.upper())


def _fillings(core: str, words: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """``(filled core, letters filled)`` for every word matching ``core`` (spaces = lost)."""
    found: set[tuple[str, str]] = set()
    for word in _matching(core, words):
        for form in _case_forms(word):
            if all(a == b for a, b in zip(core, form, strict=True) if a != " "):
                found.add((form, "".join(b for a, b in zip(core, form, strict=True) if a == " ")))
    return tuple(sorted(found))


@lru_cache(maxsize=64)
def _blank_fillings(size: int, seen: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """A token lost whole: every seen word of ``size`` letters, in each case form."""
    return tuple((form, form) for word in sorted(seen) if len(word) == size
                 for form in _case_forms(word))


_Candidate = tuple[str, str, tuple[str, ...]]


def _split_span(span: str) -> tuple[str, str, str] | None:
    """``(lead, core, trail)`` of a span with lost letters, or None when it is out of reach."""
    m = _SPAN.fullmatch(span)
    if not m or span.count(" ") > MAX_FILLS or len(m.group(2)) > MAX_CORE:
        return None
    return m.group(1), m.group(2), m.group(3)


def _with_tokens(lead: str, trail: str, fillings: tuple[tuple[str, str], ...]
                 ) -> tuple[_Candidate, ...]:
    out = []
    for filled, fills in fillings:
        text = lead + filled + trail
        out.append((text, fills, () if _MARKER.fullmatch(text) else tuple(lm_tokens(text))))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _syllable_candidates(span: str) -> tuple[_Candidate, ...]:
    """Readings of a span as inventory syllables: ``(text, fills, model tokens)``.

    A span without a space is its own only reading.
    """
    if " " not in span:
        return _with_tokens("", "", ((span, ""),))
    parts = _split_span(span)
    if parts is None or not parts[1].strip(" "):
        return ()
    lead, core, trail = parts
    return _with_tokens(lead, trail, _fillings(core, inventory()))


@lru_cache(maxsize=1 << 15)
def _word_candidates(span: str, vocabulary: Vocabulary) -> tuple[_Candidate, ...]:
    """Readings of a span as the model's other words, or as any seen word when lost whole."""
    parts = _split_span(span) if " " in span else None
    if parts is None:
        return ()
    lead, core, trail = parts
    if core.strip(" "):
        return _with_tokens(lead, trail, _fillings(core, vocabulary.extra))
    blank = _blank_fillings(len(core), vocabulary.seen)
    if span in _LOST_MARKERS:  # " )" may be a list item whose letter was lost ("g)")
        blank = tuple(sorted(set(blank) | {(m, m) for m in MARKER_LETTERS}))
    return _with_tokens(lead, trail, blank)


def _candidates(span: str, vocabulary: Vocabulary) -> tuple[_Candidate, ...]:
    """Every reading of a span between two kept spaces: ``(text, fills, model tokens)``."""
    return _syllable_candidates(span) + _word_candidates(span, vocabulary)


def _priced_candidates(span: str, vocabulary: Vocabulary, lm: LanguageModel
                       ) -> tuple[tuple[str, str, tuple[str, ...], float], ...]:
    """:func:`_candidates` with each reading's log probability out of context.

    Kept on the model: it does not depend on the loss model, so every learning
    round and the final decoding of a document share it.
    """
    cache_ = lm.memo.table("priced")
    found = cache_.get(span)
    if found is None:
        found = cache_[span] = tuple(
            (text, fills, tokens, sum(lm.logprob(t, ()) for t in tokens))
            for text, fills, tokens in _candidates(span, vocabulary))
    return found


# A decoding path: (cost, last two model tokens, parts, letters filled), where
# parts is a linked list (earlier parts, this part's text) or None: plain tuples
# and no copying, because the decoder makes tens of thousands of paths a plan.
_Parts = tuple["_Parts", str] | None
_Path = tuple[float, tuple[str, ...], _Parts, str]
# A reading of a span: text, letters filled, model tokens, cost of the fills, and
# whether it fills in its own capital (dear in mid-sentence).
_Option = tuple[str, str, tuple[str, ...], float, bool]


class Decoder:
    """Decodes lines under one language model and one loss model; caches what repeats."""

    def __init__(self, lm: LanguageModel, loss: LossModel, indented: bool = False) -> None:
        """``indented``: the document indents its lines (a layout text), so a line's
        leading spaces are layout; otherwise the first of them is taken for a lost
        letter unless the line reads better without one ("  à nước" is "Nhà nước")."""
        self.lm, self.loss, self.indented = lm, loss, indented
        self.vocabulary = vocabulary_of(lm)
        self._options: dict[str, list[_Option]] = {}
        self._fill_costs: dict[str, float] = {}

    def fill_cost(self, fills: str) -> float:
        """Cost of losing these glyphs; cached, as a few letters make up nearly every fill."""
        cost = self._fill_costs.get(fills)
        if cost is None:
            letter_cost = self.loss.letter_cost
            cost = self._fill_costs[fills] = sum(letter_cost.get(c, NEVER) for c in fills)
        return cost

    def options(self, span: str) -> list[_Option]:
        """The best readings of a span: text, fills, model tokens, cost of the fills."""
        found = self._options.get(span)
        if found is None:
            scored = []
            for text, fills, tokens, alone in _priced_candidates(span, self.vocabulary, self.lm):
                cost = self.fill_cost(fills)
                scored.append((cost - alone, text, fills, tokens, cost, _fills_capital(text, fills)))
            scored.sort()
            found = self._options[span] = [row[1:] for row in scored[:OPTIONS]]
        return found

    def restore_line(self, line: str, context: tuple[str, ...] = (),
                     layout: tuple[tuple[int, int], ...] = ()) -> Restoration:
        """The most probable reading of ``line``, each space kept or filled with a lost letter.

        Runs of :data:`LAYOUT_SPACES` or more spaces are layout (two columns of a
        letterhead, a signature block's indent), not lost letters, and so are the
        runs ``layout`` names (a column table's gutters, ``(start, end)``): the
        pieces between them are read one by one. A piece may still take up to
        :data:`MAX_FILLS` spaces at each edge of a run as lost letters of its
        first or last word ("tỉ" + lost "nh" + gutter). Filling keeps the line's
        length, so columns stay where they were.
        """
        return _cased(line, self._restore_layout(line, context, layout))

    def _restore_layout(self, line: str, context: tuple[str, ...],
                        layout: tuple[tuple[int, int], ...]) -> Restoration:
        runs = sorted({m.span() for m in _LAYOUT.finditer(line)}.union(layout))
        if not runs:
            return self._restore_piece(line, context, self.indented)
        texts, fills, confidence, at = [], "", 1.0, 0
        for start, end in [*runs, (len(line), len(line))]:
            if at >= end:
                continue
            piece = line[at:min(end, start + MAX_FILLS)]
            if piece.strip():
                found = self._restore_piece(piece, context, at > 0 or self.indented)
                piece, fills = found.text.rstrip(" "), fills + found.fills
                confidence = min(confidence, found.confidence)
                context = (context + tuple(lm_tokens(piece)))[-2:]
            filled = at + len(piece)
            at = max(filled, end - MAX_FILLS) if end < len(line) else len(line)
            texts.append(piece + line[filled:at])
        return Restoration("".join(texts), fills, confidence)

    def _restore_piece(self, line: str, context: tuple[str, ...],
                       lead_is_layout: bool = False) -> Restoration:
        """``lead_is_layout``: the piece's leading spaces are indentation or a
        gutter's; otherwise keeping the first of them costs as a gap does."""
        cuts = [-1] + [i for i, c in enumerate(line) if c == " "] + [len(line)]
        beams: list[list[_Path]] = [[] for _ in cuts]
        beams[0] = [(0.0, context, None, "")]
        bounds = [math.inf] * len(cuts)
        known, extend = self._options.get, self._extend
        text_start, text_end = len(line) - len(line.lstrip(" ")), len(line.rstrip(" "))
        for i, start in enumerate(cuts[:-1]):
            for j in range(i + 1, len(cuts)):
                end = cuts[j]
                if j - i - 1 > MAX_FILLS or (j - i > 1 and end - start > MAX_CORE + 4):
                    break
                if j - i > 1 and (end <= text_start or start >= text_end):
                    continue  # indentation: a word is lost whole only between kept words
                span = line[start + 1:end]
                keep = GAP_COST if not span and end < text_end and (
                    text_start < start or start < 0 and not lead_is_layout) else 0.0
                options = known(span)
                for option in self.options(span) if options is None else options:
                    extend(beams[i], keep, option, beams[j], bounds, j)
            self._extend_places(line, cuts, i, beams, bounds)
            beams[i + 1] = _prune(beams[i + 1])
        return _best(beams[-1], line)

    def _extend_places(self, line: str, cuts: list[int], i: int,
                       beams: list[list[_Path]], bounds: list[float]) -> None:
        """After a tier word, read the damaged spans that follow as unit names.

        A name costs its lost letters plus the log of how many names its tier
        has (any of them equally likely), in place of the model's price of its
        syllables: the model knows few place names, the gazetteer all of them.
        """
        for path in beams[i]:
            if not path[1] or path[1][-1] not in TIER_ENDS:
                continue
            tiers = tiers_after(path[1])
            for j in range(i + 1, len(cuts)):
                if cuts[j] - cuts[i] > MAX_NAME + 2:
                    break
                for name, fills in place_fillings(line[cuts[i] + 1:cuts[j]], tiers):
                    option = (name, fills, tuple(lm_tokens(name)),
                              self.fill_cost(fills) + name_cost(tiers), _fills_capital(name, fills))
                    self._extend([path], 0.0, option, beams[j], bounds, j, scored=False)

    def _extend(self, paths: list[_Path], keep: float, option: _Option, out: list[_Path],
                bounds: list[float], j: int, scored: bool = True) -> None:
        """Every path in ``paths`` followed by one reading of the next span, onto ``out``.

        ``bounds[j]``: the cost of the best path into ``out`` so far plus
        :data:`BEAM_WIDTH`. A path already dearer before the model prices the
        reading (a log probability only adds cost) would be pruned anyway, and
        so would every later one: ``paths`` are cheapest first.
        """
        text, fills, tokens, cost, capital = option
        advance = self.lm.advance
        for path_cost, context, parts, path_fills in paths:
            total = path_cost + keep + cost
            if total > bounds[j]:
                break
            if capital and _mid_sentence(parts):
                total += CAPITAL_COST
            logprob, context = advance(context, tokens)
            if scored:
                total -= logprob
            if total + BEAM_WIDTH < bounds[j]:
                bounds[j] = total + BEAM_WIDTH
            out.append((total, context, (parts, " " + text if parts else text),
                        path_fills + fills))


def _cased(line: str, found: Restoration) -> Restoration:
    """Lost letters whose case the word's kept letters leave open take the case of the line.

    When only a word's first capital survives ("S  kết", "Ủ  ban"), or none of
    its letters, "Sở" and "SỞ" read the same to the model and the letter costs
    decide, which favour a capital the plan never prints. The words beside it
    decide instead: capitals in a heading, small letters in running text.
    Filling keeps the line's length, so the filled places are where ``line``
    has a space and the restored text a letter.
    """
    text = found.text
    if len(text) != len(line) or not found.fills:
        return found
    words = list(_WORDS.finditer(text))
    chars = list(text)
    for k, m in enumerate(words):
        filled = [i for i in range(m.start(), m.end()) if line[i] == " "]
        kept = [i for i in range(m.start(), m.end()) if line[i] != " "]
        if (len(m.group(0)) < 2 or not filled or kept not in ([], [m.start()])
                or not is_syllable(m.group(0))):
            continue  # "U   " read "UBND" is an abbreviation: capitals whatever the line
        if kept and not line[kept[0]].isupper():
            continue
        heading = _heading_context(words, k)
        if heading is not None:
            for i in filled:
                chars[i] = chars[i].upper() if heading else chars[i].lower()
    cased = "".join(chars)
    if cased == text:
        return found
    fills = "".join(cased[i] for i in range(len(line)) if line[i] == " " and cased[i] != " ")
    return Restoration(cased, fills, found.confidence)


def _heading_context(words: list[re.Match[str]], k: int) -> bool | None:
    """True when the nearest syllables beside word ``k`` are capitals, False when one is
    not, None when it has none; abbreviations ("HĐTĐKT xã") are capitals anywhere."""
    texts = [m.group(0) for m in words]
    left = next((w for w in reversed(texts[:k]) if len(w) > 1 and is_syllable(w)), None)
    right = next((w for w in texts[k + 1:] if len(w) > 1 and is_syllable(w)), None)
    beside = [w for w in (left, right) if w is not None]
    if not beside:
        return None
    return all(w.isupper() for w in beside)


def _fills_capital(text: str, fills: str) -> bool:
    return bool(fills) and text[:1] in fills and text[:1].isupper()


def _mid_sentence(parts: _Parts) -> bool:
    """Whether the text decoded so far on this line ends inside a sentence."""
    last = parts[1].rstrip() if parts else ""
    return bool(last) and last[-1] not in ".:;!?-–+)" and not _MARKER.fullmatch(last.strip())


def _prune(paths: list[_Path]) -> list[_Path]:
    if len(paths) < 2:
        return paths
    best: dict[tuple[str, ...], _Path] = {}
    for path in paths:
        other = best.get(path[1])
        if other is None or path[0] < other[0]:
            best[path[1]] = path
    kept = sorted(best.values(), key=itemgetter(0))[:BEAM]
    return [p for p in kept if p[0] <= kept[0][0] + BEAM_WIDTH]


def _text(parts: _Parts) -> str:
    texts = []
    while parts:
        parts, text = parts
        texts.append(text)
    return "".join(reversed(texts))


def _best(paths: list[_Path], line: str) -> Restoration:
    if not paths:
        return Restoration(line, "", 0.0)
    paths = sorted(paths, key=itemgetter(0))
    weights = [math.exp(paths[0][0] - p[0]) for p in paths]
    return Restoration(_text(paths[0][2]), paths[0][3], weights[0] / sum(weights))


def is_suspect(line: str) -> bool:
    """A gap of several spaces inside the line, or a fragment that is no word."""
    return bool(_GAP.search(line)) or any(t == UNK for t in lm_tokens(line))


def fragment_share(lines: list[str]) -> tuple[int, float]:
    """How many letter runs are fragments, and their share of all runs.

    A fragment is what lost letters leave: a word of one run that is no syllable,
    abbreviation or number, yet fits inside a syllable. Not fragments: foreign
    words, units and web addresses (they fit in no syllable); pieces of a code or
    of a word split by emphasis ("C/O", "K0+000", "k**ể**": lost letters leave
    spaces, not glued runs); a table cell's lone mark ("| x |").
    """
    runs = bad = 0
    for line in lines:
        for cell in _CELL.split(line):
            words = [_word_runs(w) for w in cell.split()]
            runs += sum(n for n, _, _ in words)
            if len(words) == 1 and words[0][2]:
                continue  # a mark alone in its cell
            bad += sum(fragment for _, fragment, _ in words)
    return bad, bad / max(runs, 1)


@lru_cache(maxsize=1 << 16)
def _word_runs(word: str) -> tuple[int, bool, bool]:
    """(letter or digit runs, a fragment, a single letter) of one word; cached, words repeat."""
    found = pieces(word)
    alone = len(found) == 1
    fragment = alone and lm_token(found[0]) == UNK and is_syllable_piece(found[0])
    return len(found), fragment, alone and len(found[0]) == 1


def is_damaged(lines: list[str]) -> bool:
    """Enough fragments, or fewer where gaps inside many lines back them up.

    A lost letter that leaves a valid syllable ("tổ chức" losing t and c reads
    "ổ hức": only "hức" is a fragment) shows mostly as gaps.
    """
    bad, share = fragment_share(lines)
    if bad < MIN_FRAGMENTS:
        return False
    if share >= DAMAGED_SHARE:
        return True
    texts = [ln for ln in lines if ln.strip()]
    gapped = sum(bool(_INNER_GAP.search(ln)) for ln in texts) / max(len(texts), 1)
    return share >= DAMAGED_SHARE / 2 and gapped >= GAPPED_LINES


def restore_document(lines: list[str], lm: LanguageModel) -> list[Restoration | None]:
    """Per line, its restoration, or None for lines left as they are."""
    if not is_damaged(lines):
        return [None] * len(lines)
    with _no_cycle_collection():
        return _restore_damaged(lines, lm)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while decoding.

    The decoder makes hundreds of thousands of short-lived tuples, none in a
    cycle, so each collection finds nothing, yet it rescans the models' large
    caches every time: a tenth of the decoding time (median over repeated runs).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _restore_damaged(lines: list[str], lm: LanguageModel) -> list[Restoration | None]:
    suspects = [i for i, line in enumerate(lines) if is_suspect(line)]
    indented = _indents(lines)
    gutters = column_gutters(lines)
    present = Counter("".join(lines))
    loss = LossModel.estimate(_unambiguous_fills(lines, suspects, vocabulary_of(lm)), present,
                              START_LOSS)
    sample = suspects[:: -(-len(suspects) // EM_SAMPLE) or 1]
    sample_present = Counter("".join(lines[i] for i in sample))

    def read(decoder: Decoder, i: int) -> Restoration:
        return decoder.restore_line(lines[i], _context(lines, i), gutters.get(i, ()))

    for _ in range(EM_ROUNDS - 1):  # learn the lost letters on a sample of the damaged lines
        decoder = Decoder(lm, loss, indented)
        fills = "".join(read(decoder, i).fills for i in sample)
        loss = LossModel.estimate(Counter(fills), sample_present)
    decoder = Decoder(lm, loss, indented)
    result = {i: read(decoder, i) for i in suspects}
    return [result.get(i) if i in result and result[i].text != lines[i] else None
            for i in range(len(lines))]


def _indents(lines: list[str]) -> bool:
    """Whether the document indents its lines, as a layout-keeping PDF-to-text export does.

    Told by lines that start with two spaces or more and then a word, a number
    or a list marker, not a fragment: lost letters leave fragments behind.
    """
    texts = [ln for ln in lines if ln.strip()]
    indented = [ln for ln in texts if _INDENT.match(ln) and _opens_cleanly(ln.split()[0])]
    return len(indented) >= INDENTED_SHARE * len(texts)


def _opens_cleanly(first: str) -> bool:
    """A line's first token is a bullet, a list marker or a word, not a fragment."""
    return first[0] in "-+*•" or bool(_MARKER.fullmatch(first)) or UNK not in lm_tokens(first)


def _unambiguous_fills(lines: list[str], suspects: list[int],
                       vocabulary: Vocabulary) -> Counter[str]:
    """Letters lost inside fragments that have only one reading ("ng ời" is "người").

    The first estimate of the document's lost letters: far better than
    assuming every letter equally lost, so one decoding round is enough to
    refine it.
    """
    fills: Counter[str] = Counter()
    for i in suspects:
        pieces = lines[i].split(" ")
        for left, right in zip(pieces, pieces[1:], strict=False):
            span = f"{left} {right}"
            if UNK not in lm_tokens(span):
                continue
            letters = {f.lower() for _, f, _ in _candidates(span, vocabulary)}
            if len(letters) == 1:
                fills[letters.pop()] += 1
    return fills


def _context(lines: list[str], index: int) -> tuple[str, ...]:
    """The last two model tokens before line ``index`` (the raw previous lines)."""
    for line in reversed(lines[max(0, index - 3):index]):
        tokens = lm_tokens(line)
        if tokens:
            return tuple(tokens[-2:])
    return ()
