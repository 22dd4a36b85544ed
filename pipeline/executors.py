"""Where a run's per-document tasks execute: local worker processes, or a Dask cluster.

The stages are the same functions either way (:mod:`pipeline.tasks`); an executor
only runs ``fn(*task, shared)`` for every task and yields ``(index, value)`` as each
finishes, so the run writes results away at once. ``shared`` is the one large
object every task needs (the run's language model): it goes to each worker once,
never with each task.

- :class:`PoolExecutor` (the default): supervised forked processes
  (:mod:`pipeline.workers`), with the time and memory budget per document. The
  shared object is bound to the task function with :func:`functools.partial`
  before the workers are forked, so they inherit it without pickling.
- :class:`DaskExecutor` (``--scheduler tcp://HOST:8786``): ``dask.distributed``;
  the shared object is scattered to every worker once (``broadcast=True``).
  Memory is limited by each worker's own ``--memory-limit`` (its nanny restarts a
  worker past it; a document that keeps killing workers gets an errors.csv row);
  the time limit per document is checked when its result arrives.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from pipeline.workers import Budget, Failed, iter_tasks


def _with_shared(fn: Callable, shared: Any, *task: Any) -> Any:
    return fn(*task, shared)


class PoolExecutor:
    """Documents in supervised local worker processes (see :mod:`pipeline.workers`)."""

    name = "pool"

    def __init__(self, workers: int, memory_mb: int) -> None:
        self.workers, self.memory_mb = workers, memory_mb

    def map(self, fn: Callable, tasks: Sequence[tuple], seconds: Sequence[float],
            shared: Any = None) -> Iterator[tuple[int, Any]]:
        yield from iter_tasks(partial(_with_shared, fn, shared), tasks, self.workers,
                              Budget(seconds, self.memory_mb))

    def close(self) -> None:
        pass


class DaskExecutor:
    """Documents on a ``dask.distributed`` cluster (a scheduler address, or a Client)."""

    name = "dask"

    def __init__(self, scheduler: Any) -> None:
        from distributed import Client

        if isinstance(scheduler, Client):
            self.client, self._own = scheduler, False
        else:
            self.client, self._own = Client(scheduler, set_as_default=False), True
        self.workers = max(1, sum(self.client.nthreads().values()))

    def map(self, fn: Callable, tasks: Sequence[tuple], seconds: Sequence[float],
            shared: Any = None) -> Iterator[tuple[int, Any]]:
        from distributed import as_completed

        if not tasks:
            return
        client = self.client
        # Scattered once to every worker; each task names it, so no task carries it.
        handle = client.scatter(shared, broadcast=True, hash=False) if shared is not None else None
        futures = [client.submit(_timed, fn, task, handle, pure=False) for task in tasks]
        index = {f.key: i for i, f in enumerate(futures)}
        try:
            # Results gathered by the client's event loop as tasks finish, not one blocking
            # round trip to a worker per document from this thread (the run's loop).
            for future, result in as_completed(futures, with_results=True, raise_errors=False):
                i = index[future.key]
                yield i, _outcome(future.status, result, seconds[i])
                future.release()
        finally:
            client.cancel(futures)
            if handle is not None:
                with contextlib.suppress(Exception):
                    client.cancel(handle)

    def close(self) -> None:
        if self._own:
            self.client.close()


# One document at a time per process, whatever the worker's --nthreads: the stages are
# CPU-bound Python (threads cannot share that), and underthesea loads its models lazily,
# which two threads racing on a first call break ("'NoneType' object has no attribute
# 'process'", seen with two in-process workers).
_ONE_AT_A_TIME = threading.Lock()


def _timed(fn: Callable, task: tuple, shared: Any) -> tuple[float, Any]:
    """Run one task on a Dask worker; its wall time comes back with the value."""
    with _ONE_AT_A_TIME:
        started = time.monotonic()
        value = _call(fn, task, shared)
        return time.monotonic() - started, value


def _call(fn: Callable, task: tuple, shared: Any) -> Any:
    try:
        value = fn(*task, shared)
    except MemoryError:
        value = Failed("too large: ran out of memory while reading it")
    except Exception as err:  # noqa: BLE001 - a bug on one document must not end the run
        value = Failed(f"{err.__class__.__name__}: {err}".splitlines()[0][:300])
    return value


def _outcome(status: str, result: Any, seconds: float) -> Any:
    """The task's value, or Failed naming what the cluster did to it. ``result`` is what
    ``as_completed(..., with_results=True, raise_errors=False)`` gives: ``(took, value)``,
    or for a task that failed ``(type, exception, traceback)``, or the CancelledError."""
    if status == "error" or isinstance(result, BaseException):
        err = result[1] if isinstance(result, tuple) else result
        name = err.__class__.__name__  # KilledWorker, lost worker, cancelled
        if name == "KilledWorker":
            return Failed("killed by the cluster: its worker died on this document (most likely "
                          "past the worker's --memory-limit)")
        return Failed(f"{name}: {err}".splitlines()[0][:300])
    took, value = result
    if took > seconds:
        return Failed(f"timed out after {seconds:.0f} s (the time limit per document; --timeout)")
    return value


def dask_setup(worker: object = None) -> None:
    """Dask's preload hook (``dask worker ... --preload pipeline.executors``): import the
    stages, load the shipped language model and run the stages once on a small plan
    (:func:`pipeline.process.warm`) before the worker's first document.

    Why: a pool worker is forked from the run, with both already in memory; a Dask worker
    starts empty and paid for them (a few seconds) inside the run, on its first document.
    """
    from pipeline import tasks  # noqa: F401 - imported for the stages it loads
    from pipeline.process import warm
    from pipeline.repair.lm import default_model

    default_model()
    warm()


def executor_for(scheduler: object, workers: int, memory_mb: int):
    """The pool by default; a Dask client when a scheduler address is given."""
    return DaskExecutor(scheduler) if scheduler else PoolExecutor(workers, memory_mb)
