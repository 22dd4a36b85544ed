"""Typed options of a run: one place for every setting a user or a test can change."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class RunOptions:
    """How a run processes its documents.

    ``workers`` is the number of processes documents are spread over (1 runs them
    in this process, which is what tests and notebooks want); ``min_vietnamese``
    is the share of valid Vietnamese syllables below which a document is
    reported as not Vietnamese instead of being mined for nonsense.
    """

    workers: int = max(1, min(4, os.cpu_count() or 1))
    min_vietnamese: float = 0.5
    progress: bool = True
