"""Typed options of a run: one place for every setting a user or a test can change."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from pipeline.ingest.options import Limits


def available_cores() -> int:
    """Cores this process may run on (a container or ``taskset`` may allow fewer than exist)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class RunOptions:
    """How a run processes its documents.

    ``workers`` is the number of processes documents are spread over (never more
    than the cores: more only share them and multiply memory); ``min_vietnamese``
    is the share of valid Vietnamese syllables below which a document is
    reported as not Vietnamese instead of being mined for nonsense.

    ``timeout`` (seconds per document, reading and mining together) and
    ``max_memory_mb`` (per worker process, with the OCR engine it starts) are
    enforced from outside the worker, which is stopped and replaced: a document
    that hangs or swells costs its own row in errors.csv, never the run.
    ``limits`` are the ingest limits checked before a file is read.
    ``scheduler``, ``cache`` and ``cache_dir``: see the fields.
    """

    workers: int = max(1, min(4, available_cores()))
    min_vietnamese: float = 0.5
    progress: bool = True
    timeout: float = 1800.0
    max_memory_mb: int = 4096
    limits: Limits = field(default_factory=Limits)
    # Where documents run: None for local worker processes, else a Dask scheduler's
    # address (tcp://HOST:8786) or a distributed.Client.
    scheduler: object = None
    # Re-use unchanged documents' rows from the cache (``cache_dir``, default
    # ``.<out>.cache`` beside the output folder); False mines every document.
    cache: bool = True
    cache_dir: str | None = None
