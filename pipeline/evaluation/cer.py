"""Character error rate, the repair and OCR stages' measure."""

from __future__ import annotations

import unicodedata

from rapidfuzz.distance import Levenshtein


def collapse(text: str) -> str:
    """NFC with every run of whitespace made one space: layout is not what CER measures."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def cer(hypothesis: str, reference: str) -> float:
    """Edit distance from ``hypothesis`` to ``reference`` per reference character."""
    ref, hyp = collapse(reference), collapse(hypothesis)
    if not ref:
        return float(bool(hyp))
    return Levenshtein.distance(hyp, ref) / len(ref)
