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
  the time limit per document is checked when its result arrives. Documents go to
  the cluster a few at a time (:func:`chunk_size`); the documents of a cluster task
  that failed (a worker that died takes the others it held with it) are tried again
  one at a time, alone, so that only the one that kills a worker fails.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
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
        self.warm = False

    def map(self, fn: Callable, tasks: Sequence[tuple], seconds: Sequence[float],
            shared: Any = None) -> Iterator[tuple[int, Any]]:
        if tasks and not self.warm:
            _warm_before_fork()
            self.warm = True
        yield from iter_tasks(partial(_with_shared, fn, shared), tasks, self.workers,
                              Budget(seconds, self.memory_mb))

    def close(self) -> None:
        pass


def _warm_before_fork() -> None:
    """Load what the stages load on first use in this process, before workers are forked
    from it: they share it then, instead of each loading it on its first document of each
    pass (1.3 s: underthesea, its tagger, the patterns' regexes), twice a run."""
    from pipeline.process import warm

    warm()


class DaskExecutor:
    """Documents on a ``dask.distributed`` cluster (a scheduler address, or a Client)."""

    name = "dask"

    def __init__(self, scheduler: Any, chunk: int = 0) -> None:
        from distributed import Client

        if isinstance(scheduler, Client):
            self.client, self._own = scheduler, False
        else:
            self.client, self._own = Client(scheduler, set_as_default=False), True
        self.workers = max(1, sum(self.client.nthreads().values()))
        self.chunk = chunk  # documents per cluster task; 0: chosen by chunk_size

    def map(self, fn: Callable, tasks: Sequence[tuple], seconds: Sequence[float],
            shared: Any = None) -> Iterator[tuple[int, Any]]:
        from distributed import as_completed

        if not tasks:
            return
        client = self.client
        # Scattered once to every worker; each task names it, so no task carries it.
        handle = client.scatter(shared, broadcast=True, hash=False) if shared is not None else None
        size = self.chunk or chunk_size(len(tasks), self.workers)
        members: dict[Any, range] = {}  # a cluster task's key → the tasks it runs
        retries: deque[int] = deque()  # tasks of failed cluster tasks, to try again alone
        retrying: set[Any] = set()  # the key of the one retry in flight, if any

        def submit(chunk: range) -> Any:
            future = client.submit(_timed, fn, [tasks[i] for i in chunk], handle, pure=False)
            members[future.key] = chunk
            futures.append(future)
            queue.add(future)
            return future

        futures: list[Any] = []
        queue = as_completed(with_results=True, raise_errors=False)
        for i in range(0, len(tasks), size):
            submit(range(i, min(i + size, len(tasks))))
        try:
            # Results gathered by the client's event loop as tasks finish, not one blocking
            # round trip to a worker per document from this thread (the run's loop).
            for future, result in queue:
                chunk, retry = members[future.key], future.key in retrying
                retrying.discard(future.key)
                if _failed(future.status, result) and not retry:
                    retries.extend(chunk)
                else:
                    for i, outcome in zip(chunk, _outcomes(future.status, result, len(chunk)),
                                          strict=True):
                        yield i, _outcome(outcome, seconds[i])
                future.release()
                if retries and not retrying:
                    retrying.add(submit(range(retries[0], retries.popleft() + 1)).key)
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
MAX_CHUNK = 8


def chunk_size(tasks: int, workers: int) -> int:
    """Documents per cluster task: enough tasks for every worker to take ~16 in turn (the
    longest documents first, so the last, short ones balance the end), at most
    :data:`MAX_CHUNK` each.

    Why: the scheduler and the client spend a few milliseconds of CPU per task and per
    result, on the run's own machine; on two cores a task per document cost the
    workers a tenth of their time (1,000 plans: cluster 1.3× the pool's time).
    """
    return max(1, min(MAX_CHUNK, tasks // (workers * 16)))


def _timed(fn: Callable, chunk: list[tuple], shared: Any) -> list[tuple[float, Any]]:
    """Run a chunk of tasks on a Dask worker, one after another; each one's wall time
    comes back with its value."""
    done = []
    with _ONE_AT_A_TIME:
        for task in chunk:
            started = time.monotonic()
            value = _call(fn, task, shared)
            done.append((time.monotonic() - started, value))
    return done


def _call(fn: Callable, task: tuple, shared: Any) -> Any:
    try:
        value = fn(*task, shared)
    except MemoryError:
        value = Failed("too large: ran out of memory while reading it")
    except Exception as err:  # noqa: BLE001 - a bug on one document must not end the run
        value = Failed(f"{err.__class__.__name__}: {err}".splitlines()[0][:300])
    return value


def _failed(status: str, result: Any) -> bool:
    """Whether ``as_completed(..., with_results=True, raise_errors=False)`` gave a task that
    failed (``(type, exception, traceback)``) or was cancelled, not its value."""
    return status == "error" or isinstance(result, BaseException)


def _outcomes(status: str, result: Any, n: int) -> list[Any]:
    """Each task's ``(took, value)`` of a chunk of ``n``, or Failed for each, naming what
    the cluster did to the chunk."""
    if not _failed(status, result):
        return result
    err = result[1] if isinstance(result, tuple) else result
    name = err.__class__.__name__  # KilledWorker, lost worker, cancelled
    if name == "KilledWorker":
        failed = Failed("killed by the cluster: its worker died on this document (most likely "
                        "past the worker's --memory-limit)")
    else:
        failed = Failed(f"{name}: {err}".splitlines()[0][:300])
    return [failed] * n


def _outcome(outcome: Any, seconds: float) -> Any:
    """The task's value, or Failed: the cluster's (see :func:`_outcomes`) or past its time."""
    if isinstance(outcome, Failed):
        return outcome
    took, value = outcome
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
