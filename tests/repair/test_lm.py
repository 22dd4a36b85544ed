"""The language model owns what it derives from its counts, and says when it was read.

The run cache relies on both: a document whose repair never read the model is
re-used whatever the next run's batch model is, and a model that learns more
text must not answer from tables built before it did.
"""

from pipeline.repair.glyph_loss import restore_document, vocabulary_of
from pipeline.repair.lm import LanguageModel, NgramTally, lm_tokens

CLEAN = ["Ủy ban nhân dân xã tổ chức thực hiện phong trào thi đua yêu nước. "] * 3


def _model() -> LanguageModel:
    return LanguageModel.train(["Ủy ban nhân dân xã tổ chức phong trào thi đua."])


def test_adding_text_clears_every_cache_other_stages_keep_on_the_model():
    lm = _model()
    before = lm.logprob("khen", ("thi", "đua"))
    assert "mới" not in vocabulary_of(lm).seen
    lm.add(lm_tokens("thi đua khen thưởng đổi mới"))
    assert lm.logprob("khen", ("thi", "đua")) > before
    assert "mới" in vocabulary_of(lm).seen


def test_a_repair_of_undamaged_text_never_reads_the_model():
    lm = _model()
    lm.memo.consulted = False
    assert restore_document(CLEAN, lm) == [None] * len(CLEAN)
    assert not lm.memo.consulted


def test_a_repair_of_lost_glyphs_reads_the_model():
    lm = _model()
    lm.memo.consulted = False
    restore_document([line.replace("h", " ") for line in CLEAN], lm)
    assert lm.memo.consulted


def test_counting_trigrams_and_ends_gives_every_order_add_counts():
    """The run's tally counts trigrams only and derives the rest: it must give exactly the
    counts of add() over the same streams, short streams and repeated tokens included."""
    streams = ["ủy ban nhân dân ban hành", "kế hoạch", "số", "", "ban ban ban ban", "a b a b a"]
    tally, direct = NgramTally(), LanguageModel()
    for share in streams:
        tally.add_tokens(share)
        direct.add(share.split())
    assert tally.model().counts == direct.counts
