"""Worker processes the run can stop: a time and memory budget per document, kept from outside.

Why not a ProcessPoolExecutor: it cannot stop one task, and when the kernel
kills one worker for memory every task queued in the pool fails with
"BrokenProcessPool". Here each worker takes one task at a time over a pipe;
the parent watches the clock and the memory of each worker (with the OCR engine
and converters it started) and, past a budget, kills that worker's process
group, records the honest reason and starts a fresh worker. The other documents
go on. Workers ignore Ctrl-C and live in their own process groups, so the
parent alone decides: on Ctrl-C it kills them all at once and returns at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

import psutil

POLL_SECONDS = 0.2
# Memory is read at most this often per worker: reading it walks /proc for the worker's
# children (OCR engine, converters), and at every poll that walk was a serial cost of the
# run's parent comparable to compare and export together.
MEMORY_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class Failed:
    """A task that gave no result, and why, in one line for errors.csv."""

    reason: str


@dataclass(frozen=True)
class Budget:
    """Seconds per task (one per task, since a document's reading used part of its
    budget) and MiB of resident memory per worker, its children included."""

    seconds: Sequence[float]
    memory_mb: int


def run_tasks(fn: Callable, tasks: Sequence[tuple], workers: int, budget: Budget,
              on_done: Callable[[], None] = lambda: None) -> list:
    """``fn(*task)`` for every task in worker processes: the value, or :class:`Failed`.

    Workers are forked, so whatever the parent holds (the run's language model)
    reaches them without pickling.
    """
    results: list = [None] * len(tasks)
    for index, value in iter_tasks(fn, tasks, workers, budget):
        results[index] = value
        on_done()
    return results


def iter_tasks(fn: Callable, tasks: Sequence[tuple], workers: int,
               budget: Budget) -> Iterator[tuple[int, object]]:
    """``(index, value or Failed)`` of every task as it finishes: the caller can write
    each result away at once instead of holding them all."""
    pending = deque(range(len(tasks)))
    pool = [_Worker(fn) for _ in range(max(1, min(workers, len(tasks))))]
    try:
        while pending or any(w.task is not None for w in pool):
            for i, worker in enumerate(pool):
                if worker.task is None and pending:
                    if not worker.process.is_alive():  # died while idle: replace it first
                        worker.stop()
                        pool[i] = worker = _Worker(fn)
                    worker.give(pending.popleft(), tasks)
            yield from _collect(pool, budget)
    finally:
        for worker in pool:
            worker.stop()


def _collect(pool: list[_Worker], budget: Budget) -> list[tuple[int, object]]:
    """Wait a moment for results; stop workers over their budget or found dead."""
    busy = [w for w in pool if w.task is not None]
    ready = wait([w.conn for w in busy], timeout=POLL_SECONDS)
    done = []
    for i, worker in enumerate(pool):
        if worker.task is None:
            continue
        index = worker.task
        outcome = worker.receive() if worker.conn in ready else worker.over(budget, index)
        if outcome is None:
            continue
        done.append((index, outcome))
        if isinstance(outcome, Failed):
            worker.stop()
            pool[i] = _Worker(worker.fn)
        else:
            worker.task = None
    return done


class _Worker:
    """One forked process serving tasks one at a time."""

    def __init__(self, fn: Callable) -> None:
        self.fn = fn
        self.conn, child = multiprocessing.get_context("fork").Pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(child, fn), daemon=True)
        self.process.start()
        assert self.process.pid is not None  # a started process has one
        self.pid: int = self.process.pid
        child.close()
        self.task: int | None = None
        self.started = 0.0
        self.memory_checked = 0.0

    def give(self, index: int, tasks: Sequence[tuple]) -> None:
        self.task, self.started = index, time.monotonic()
        self.conn.send((index, tasks[index]))

    def receive(self) -> object:
        """The finished task's value or Failed; a worker that died says how."""
        try:
            _, ok, value = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            return Failed(death_reason(self.process.exitcode))
        return value if ok else Failed(value)

    def over(self, budget: Budget, index: int) -> Failed | None:
        """Failed when the task ran past its time or the worker past its memory."""
        seconds, now = budget.seconds[index], time.monotonic()
        if now - self.started > seconds:
            return Failed(f"timed out after {seconds:.0f} s (the time limit per document; --timeout)")
        used = 0.0
        if now - self.memory_checked >= MEMORY_CHECK_SECONDS:
            self.memory_checked, used = now, resident_mb(self.pid)
        if used > budget.memory_mb:
            return Failed(f"too large: used more than {budget.memory_mb} MiB of memory "
                          f"(the memory limit per worker; --max-memory)")
        if not self.process.is_alive() and not self.conn.poll():
            return Failed(death_reason(self.process.exitcode))
        return None

    def stop(self) -> None:
        """Kill the worker and everything it started (OCR engine, converter)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.join()
        self.conn.close()


def death_reason(exitcode: int | None) -> str:
    """Why a worker ended without a result: the kernel's SIGKILL is its out-of-memory killer."""
    if exitcode == -signal.SIGKILL:
        return "killed by the system, most likely for lack of memory (the worker got SIGKILL)"
    if exitcode is not None and exitcode < 0:
        return f"the worker crashed ({signal.Signals(-exitcode).name}) on this document"
    return f"the worker stopped unexpectedly (exit code {exitcode}) on this document"


def resident_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MiB (0 when gone)."""
    total = 0
    for member in family(pid):
        with contextlib.suppress(psutil.Error):
            total += psutil.Process(member).memory_info().rss
    return total / (1 << 20)


def family(pid: int) -> list[int]:
    """``pid`` and its descendants.

    Read from each process's own children lists in /proc (Linux), not from a walk
    over every process on the machine (psutil's way, tens of milliseconds on a busy
    machine, at every memory check); psutil where those lists are missing.
    """
    found, todo = [], [pid]
    while todo:
        member = todo.pop()
        found.append(member)
        try:
            tasks = os.listdir(f"/proc/{member}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{member}/task/{task}/children", encoding="ascii") as handle:
                    todo.extend(int(child) for child in handle.read().split())
            except FileNotFoundError:
                return _psutil_family(pid)
            except OSError:
                continue
    return found


def _psutil_family(pid: int) -> list[int]:
    try:
        return [pid, *(child.pid for child in psutil.Process(pid).children(recursive=True))]
    except psutil.Error:
        return []


def _serve(conn: Connection, fn: Callable) -> None:
    """The worker's loop: a task in, ``(index, ok, value)`` out, until the pipe closes."""
    os.setpgrp()  # the parent stops this group as a whole; a terminal's Ctrl-C goes to the parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    while True:
        try:
            index, task = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = (index, True, fn(*task))
        except MemoryError:
            reply = (index, False, "too large: ran out of memory while reading it")
        except Exception as err:  # noqa: BLE001 - a bug on one document must not end the worker
            reply = (index, False, f"{err.__class__.__name__}: {err}".splitlines()[0][:300])
        conn.send(reply)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the run's process dies (PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    if os.getppid() == 1:
        os._exit(1)
