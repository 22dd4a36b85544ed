"""The output folder replaced as a whole: built beside --out, checked, synced, swapped in.

Why: writing file by file into --out left a mix of two runs after a kill
(new CSVs, old database), never removed the text of documents no longer in the
run, and a full disk silently replaced plans.duckdb with an empty database.
Now a run

1. checks --out before any work (a folder, writable, not another program's),
2. takes a lock beside it, so a second run into the same folder waits,
3. removes what an interrupted earlier run left (staging folders),
4. writes everything into a hidden staging folder beside --out, checks the
   database by opening it, fsyncs every file,
5. swaps the staging folder and --out in one rename (``renameat2`` with
   ``RENAME_EXCHANGE``; two renames where the file system lacks it, undone at the
   next run if interrupted between them) and deletes the old folder.

Any failure before step 5 leaves the previous output exactly as it was.
Entries of --out that the run does not write (a ``notebooks/`` folder) are
carried over by hard links.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.export.atomic import umask
from pipeline.export.faults import checkpoint

# A folder holding one of these was written by plan-miner and may be replaced.
OUR_FILES = ("errors.csv", "plans.csv", "plans.duckdb")
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(ValueError):
    """--out cannot take the run's output; the message says why and what to do."""


class ExportError(Exception):
    """The output could not be written completely; the previous output is unchanged."""


def resolve_out(out: str | os.PathLike) -> Path:
    """The absolute output folder (symlinks followed: the real folder is replaced)."""
    text = os.fspath(out)
    if not text.strip():
        raise OutputError("--out is empty: name the folder for the tables")
    try:
        path = Path(text).expanduser().resolve()
    except (OSError, RuntimeError) as err:
        raise OutputError(f"--out {text} cannot be used: {err}") from err
    if path == path.parent:
        raise OutputError("--out is the root of the file system: name a folder")
    return path


def check_out(path: Path) -> None:
    """Raise OutputError, before any document is read, when ``path`` exists and is not
    a folder a run may replace: a file, a mount point, another program's folder."""
    if not (path.exists() or path.is_symlink()):
        return
    if not path.is_dir():
        raise OutputError(f"--out {path} is a file, not a folder")
    if os.path.ismount(path):
        raise OutputError(f"--out {path} is a mount point: name a folder inside it")
    try:
        entries = [p.name for p in path.iterdir()]
    except OSError as err:
        raise OutputError(f"--out {path} cannot be read: {err.strerror}") from err
    if entries and not set(entries) & set(OUR_FILES):
        raise OutputError(f"--out {path} holds files plan-miner did not write "
                          f"(such as {sorted(entries)[0]}): choose an empty or new folder")


@contextmanager
def locked(out: Path, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold ``.<name>.lock`` beside ``out``; a second run waits, saying so."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(out.parent / f".{out.name}.lock", os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as err:
        raise OutputError(f"cannot write in {out.parent}: {err.strerror}") from err
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait(f"another run is writing to {out}; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def recover(out: Path) -> None:
    """Undo what an interrupted run left beside ``out`` (call with the lock held):
    an old folder moved aside is put back when ``out`` is missing; staging goes."""
    olds = sorted(out.parent.glob(f".{out.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and not out.exists():
        os.rename(olds.pop(), out)
    for stale in [*olds, *out.parent.glob(f".{out.name}.staging-*")]:
        shutil.rmtree(stale, ignore_errors=True)


def make_staging(out: Path) -> Path:
    """A new hidden folder beside ``out``, proven writable by a synced probe file."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    except OSError as err:
        raise OutputError(f"cannot write in {out.parent}: {err.strerror}") from err
    try:
        os.chmod(staging, 0o777 & ~umask())
        probe = staging / ".probe"
        with probe.open("wb") as handle:
            handle.write(b"plan-miner")
            os.fsync(handle.fileno())
        probe.unlink()
        checkpoint("staging")
    except OSError as err:
        discard(staging)
        raise OutputError(f"cannot write in {out.parent}: {err.strerror}") from err
    return staging


def publish(staging: Path, out: Path) -> None:
    """Carry over foreign entries, sync, and swap ``staging`` in as ``out``."""
    checkpoint("carry")
    if out.is_dir():
        carry_over(out, staging)
    checkpoint("sync")
    sync_tree(staging)
    checkpoint("swap")
    _swap(staging, out)
    _fsync_dir(out.parent)
    checkpoint("cleanup")
    shutil.rmtree(staging, ignore_errors=True)


def carry_over(out: Path, staging: Path) -> None:
    """Hard-link into ``staging`` what ``out`` holds and this run does not write,
    except temporary files an interrupted write left."""
    for entry in sorted(out.iterdir()):
        target = staging / entry.name
        if target.exists() or target.is_symlink() or _leftover(entry.name):
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        elif entry.is_dir():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _leftover(name: str) -> bool:
    """A temporary of an atomic write (``.plans.csv.x1y2.tmp``) or a database journal."""
    return (name.startswith(".") and ".tmp" in name) or name.endswith(".wal")


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def sync_tree(root: Path) -> None:
    """Put every file and folder under ``root`` on disk, so the swap publishes data on disk.

    One ``syncfs`` of the file system where Linux has it: an fsync per file cost a
    journal commit per file, and an output holds a text file per document (8 of a
    10,000-plan re-run's seconds went to syncing 10,000 hard links). Elsewhere, or if
    it fails, each file and folder is synced in turn.
    """
    if _syncfs(root):
        return
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                sync_file(path)
        _fsync_dir(Path(folder))


def _syncfs(root: Path) -> bool:
    """``syncfs(2)`` on the file system holding ``root``; False where it is missing or fails."""
    syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
    if syncfs is None:
        return False
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        return syncfs(fd) == 0
    finally:
        os.close(fd)


def sync_file(path: str | os.PathLike, flags: int = 0) -> None:
    """fsync one file (a file synced already costs next to nothing the second time)."""
    fd = os.open(path, os.O_RDONLY | flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    sync_file(folder, os.O_DIRECTORY)


def _swap(staging: Path, out: Path) -> None:
    """Make ``staging`` the output folder; the previous one ends up at ``staging``."""
    if not out.exists():
        os.rename(staging, out)
    elif not _exchange(staging, out):
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        os.rename(out, old)
        os.rename(staging, out)
        os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def discard(staging: Path) -> None:
    """Remove a staging folder the run will not publish."""
    with contextlib.suppress(OSError):
        shutil.rmtree(staging)
