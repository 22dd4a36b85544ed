"""The run's inputs: files named and found in folders, each read once, each with a doc_id.

Why a module of its own: a careless command line names a file twice (by two
paths, or also through its folder), a symlink loop, a file that vanished or a
name that is not UTF-8. Each such input gives one errors.csv row or joins the
document it duplicates; none may stop the run, and the doc_ids must not depend
on the order of the arguments.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.models import ErrorRow
from pipeline.names import display_path, safe_stem


@dataclass(frozen=True)
class Inputs:
    """Files to read with their doc_ids, and a row for every input that will not be read."""

    jobs: list[tuple[Path, str]]
    errors: list[ErrorRow]


def gather(inputs: Iterable[Path], out: Path | None = None) -> Inputs:
    """Collect, drop duplicates, refuse inputs inside ``out``, and name the rest."""
    files, errors = collect_files(inputs)
    files, duplicates = unique_files(files)
    inside = [f for f in files if out is not None and _inside(f, out)]
    if inside and out is not None:  # (inside is empty without out)
        raise ValueError(f"input {display_path(inside[0])} is inside the output folder "
                         f"{display_path(out)}: choose another --out")
    jobs = assign_doc_ids(files)
    ids = {path: doc_id for path, doc_id in jobs}
    errors += [_row("", dup, f"the same file as {display_path(kept)}: read once, as doc_id "
                             f"{ids[kept]}") for dup, kept in duplicates]
    return Inputs(jobs, sorted(errors, key=lambda e: (e.doc_id, e.file)))


def collect_files(inputs: Iterable[Path]) -> tuple[list[Path], list[ErrorRow]]:
    """Files named and files inside folders named (recursively, symlinked folders not
    followed), hidden files in folders skipped; a name that cannot be read is a row."""
    found: list[Path] = []
    errors: list[ErrorRow] = []
    for item in inputs:
        problem = _unreadable(item)
        if problem:
            errors.append(_row(safe_stem(item), item, problem))
        elif item.is_dir():
            found.extend(_walk(item, errors))
        else:
            found.append(item)
    return found, errors


def _walk(folder: Path, errors: list[ErrorRow]) -> list[Path]:
    """Visible files under ``folder``, in name order; an entry that cannot be read is a row."""
    files = []
    for root, dirs, names in os.walk(folder, onerror=lambda e: errors.append(
            _row(safe_stem(Path(e.filename or folder)), Path(e.filename or folder), _reason(e)))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(n for n in names if not n.startswith(".")):
            path = Path(root) / name
            problem = _unreadable(path)
            if problem:
                errors.append(_row(safe_stem(path), path, problem))
            elif path.is_file():
                files.append(path)
    return files


def _unreadable(path: Path) -> str:
    """Why ``path`` cannot be read as a file or folder, or "" when it can."""
    try:
        path.stat()
    except OSError as err:
        return _reason(err)
    return ""


def _reason(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "a symbolic link loop: the name leads back to itself"
    if err.errno == errno.ENAMETOOLONG:
        return "the file name is too long for the system to open"
    if err.errno == errno.ENOENT:
        return "file not found (or a symbolic link to nothing)"
    return f"cannot open: {err.strerror}"


def unique_files(files: list[Path]) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """Each file once, by resolved path and then by content; ``(duplicate, kept)`` pairs.

    Of copies, the one whose path sorts first is kept, whatever the argument order.
    """
    kept: dict[object, Path] = {}
    duplicates = []
    for path in sorted(files, key=_order):
        key = _identity(path)
        if key in kept:
            if path != kept[key]:  # the same name twice (a file and its folder) is no news
                duplicates.append((path, kept[key]))
        else:
            kept[key] = path
    by_content = _by_content(list(kept.values()))
    unique = [p for p in kept.values() if by_content[p] == p]
    duplicates += [(p, by_content[p]) for p in kept.values() if by_content[p] != p]
    return unique, duplicates


def _identity(path: Path) -> object:
    st = path.stat()
    return (st.st_dev, st.st_ino)


def _by_content(files: list[Path]) -> dict[Path, Path]:
    """Each file mapped to the first file (in path order) with the same bytes.

    Only files of equal size are hashed, so a run of distinct plans reads nothing twice.
    """
    sizes: dict[int, list[Path]] = {}
    for path in files:
        sizes.setdefault(path.stat().st_size, []).append(path)
    first: dict[Path, Path] = {p: p for p in files}
    for same_size in (group for group in sizes.values() if len(group) > 1):
        seen: dict[str, Path] = {}
        for path in same_size:
            first[path] = seen.setdefault(_digest(path), path)
    return first


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def _order(path: Path) -> tuple:
    """A sort key independent of argument order: readable formats first, then the name."""
    from pipeline.ingest import SUPPORTED_SUFFIXES

    return (path.suffix.lower() not in SUPPORTED_SUFFIXES, safe_stem(path), os.fsencode(str(path)))


def assign_doc_ids(files: list[Path]) -> list[tuple[Path, str]]:
    """doc_id is the safe file stem; a stem seen twice gets its suffix appended to stay unique.

    Readable files claim their stems first, so a stray ``plan.json`` beside
    ``plan.pdf`` never takes the plan's doc_id; among the rest the path decides.
    """
    seen: set[str] = set()
    out = []
    for path in sorted(files, key=_order):
        stem = safe_stem(path)
        doc_id = stem
        if doc_id.casefold() in seen:
            doc_id = f"{stem}_{path.suffix.lstrip('.').lower()}"
        n = 2
        while doc_id.casefold() in seen:
            doc_id, n = f"{stem}_{n}", n + 1
        seen.add(doc_id.casefold())
        out.append((path, doc_id))
    return out


def _inside(path: Path, out: Path) -> bool:
    try:
        return path.resolve().is_relative_to(out.resolve())
    except (OSError, RuntimeError):
        return False


def _row(doc_id: str, path: Path, reason: str) -> ErrorRow:
    """An input's row (a duplicate's doc_id is blank: its document is the kept file's)."""
    return ErrorRow(doc_id, display_path(path), "input", reason)
