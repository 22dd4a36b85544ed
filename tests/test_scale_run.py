"""The run at scale: a Dask cluster gives the pool's tables, the cache re-uses unchanged
documents and gives a fresh run's tables, per-document rows are spooled in any order.

Real runs on the samples (data/raw) and one extra plan; no timings here (``make bench-scale``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.export.parts import Parts
from pipeline.export.tables import build_tables, document_rows
from pipeline.models import DocumentResult, ErrorRow
from pipeline.options import RunOptions
from pipeline.run import cache_folder, run
from tests.conftest import RAW, ROOT

EXTRA = ROOT / "tests" / "data" / "extra"


def outputs(out: Path) -> dict[str, bytes]:
    """Every table and text of a run; pages.csv without its measured seconds."""
    found = {}
    for path in sorted([*out.glob("*.csv"), *(out / "text").glob("*.txt")]):
        data = path.read_bytes()
        if path.name == "pages.csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="seconds")
            data = frame.to_csv(index=False).encode()
        found[str(path.relative_to(out))] = data
    return found


def options(**kw) -> RunOptions:
    return RunOptions(progress=False, workers=2, **kw)


@pytest.fixture(scope="module")
def pool_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pool") / "out"
    run([RAW], out, options(cache=False))
    return out


def test_a_local_dask_cluster_gives_the_pools_tables(pool_run, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = run([RAW], tmp_path / "out", options(scheduler=client, cache=False))
    assert summary.documents == 5 and summary.mined == 5
    assert outputs(tmp_path / "out") == outputs(pool_run)
    assert len(outputs(pool_run)) > 15


def _dies_on(number: int, _shared: object = None) -> int:
    """A task that kills its worker process on one input, as a document past the worker's
    memory limit does."""
    import os

    if number == 2:
        os._exit(1)
    return number * 10


@pytest.mark.parametrize("chunk", [1, 4])
def test_a_document_that_kills_its_cluster_worker_fails_alone(chunk):
    """Also when it was sent in one cluster task with others (``chunk`` documents a task):
    the others of its task are tried again one by one and keep their values."""
    distributed = pytest.importorskip("distributed")
    import dask

    from pipeline.executors import DaskExecutor
    from pipeline.workers import Failed

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        tasks = [(n,) for n in range(1, 7)]
        found = dict(DaskExecutor(client, chunk).map(_dies_on, tasks, [60.0] * len(tasks)))
    assert {i: v for i, v in found.items() if i != 1} == {0: 10, 2: 30, 3: 40, 4: 50, 5: 60}
    assert isinstance(found[1], Failed) and found[1].reason.startswith("killed by the cluster")


def _tagger_loaded() -> bool:
    import sys

    return "underthesea" in sys.modules


def test_workers_started_with_the_readme_preload_are_warm_before_their_first_document():
    """`dask worker --preload pipeline.executors` (README): each worker process has run the
    stages once, so its first document does not pay for loading them (underthesea's tagger)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None, preload=["pipeline.executors"]) as cluster, \
            distributed.Client(cluster) as client:
        assert list(client.run(_tagger_loaded).values()) == [True]


def test_pool_workers_are_forked_with_the_stages_already_loaded():
    """The pool loads what the stages load on first use once, in the run's process, before
    forking: its workers start warm instead of each loading it on its first document of each
    pass. Checked in a fresh interpreter, where nothing has loaded underthesea yet."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from pipeline.executors import PoolExecutor\n"
            "from tests.test_scale_run import _tagger_loaded\n"
            "assert 'underthesea' not in sys.modules\n"
            "found = dict(PoolExecutor(1, 2000).map(lambda _s: _tagger_loaded(), [()], [60.0]))\n"
            "print(found[0])\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "True"


def test_a_rerun_mines_only_new_files_and_equals_a_fresh_run(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(RAW, folder)
    out = tmp_path / "out"
    first = run([folder], out, options())
    assert (first.mined, first.reused) == (5, 0)
    assert cache_folder(out).is_dir()

    shutil.copy(EXTRA / "x07_xa_khuyen_hoc.txt", folder)  # a new plan: the batch model changes
    again = run([folder], out, options())
    # The new file is mined; the clean samples are re-used whatever the model; a damaged one
    # (its repair consults the model) is repaired again and re-used when its text is the same.
    assert again.mined + again.reused == 6
    assert 1 <= again.mined <= 2
    fresh = run([folder], tmp_path / "fresh", options(cache=False))
    assert fresh.mined == 6
    assert outputs(out) == outputs(tmp_path / "fresh")

    same = run([folder], out, options())  # nothing new: nothing mined
    assert (same.mined, same.reused) == (0, 6)
    assert outputs(out) == outputs(tmp_path / "fresh")


def test_a_renamed_file_reuses_its_rows_under_its_new_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXTRA / "x07_xa_khuyen_hoc.txt", folder / "a.txt")
    out = tmp_path / "out"
    run([folder], out, options())
    (folder / "a.txt").rename(folder / "b.txt")
    again = run([folder], out, options())
    assert (again.mined, again.reused) == (0, 1)
    run([folder], tmp_path / "fresh", options(cache=False))
    assert outputs(out) == outputs(tmp_path / "fresh")


def test_a_damaged_cache_is_read_around_never_trusted(tmp_path):
    """A re-run takes a document's rows from the last run's tables, else from its cache
    entry, else mines it again; whichever is damaged, the tables are a fresh run's."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXTRA / "x07_xa_khuyen_hoc.txt", folder)
    out = tmp_path / "out"
    run([folder], out, options())
    run([folder], tmp_path / "fresh", options(cache=False))
    kept = cache_folder(out) / "tables"
    assert (kept / "sections.pkl").is_file()

    (kept / "sections.pkl").write_bytes(b"not a pickle")  # the entry still serves
    again = run([folder], out, options())
    assert (again.mined, again.reused) == (0, 1)
    assert outputs(out) == outputs(tmp_path / "fresh")

    for result in cache_folder(out).rglob("result.pkl"):  # the tables, rewritten, serve
        result.write_bytes(b"not a pickle")
    again = run([folder], out, options())
    assert (again.mined, again.reused) == (0, 1)
    assert outputs(out) == outputs(tmp_path / "fresh")

    (kept / "plans.pkl").write_bytes(b"")  # both damaged: mined again
    again = run([folder], out, options())
    assert (again.mined, again.reused) == (1, 0)
    assert outputs(out) == outputs(tmp_path / "fresh")


def test_spooled_parts_assemble_the_tables_build_tables_gives(tmp_path, monkeypatch):
    results = [DocumentResult(f"d{i}", f"d{i}.pdf",
                              errors=(ErrorRow(f"d{i}", f"d{i}.pdf", "ingest", f"r{i}"),))
               for i in range(7)]
    results.append(DocumentResult("d3", "copy.pdf",
                                  errors=(ErrorRow("d3", "copy.pdf", "input", "a copy"),)))
    monkeypatch.setattr("pipeline.export.parts.PART_DOCS", 3)
    parts = Parts(tmp_path / "parts")
    order = [5, 7, 0, 3, 6, 1, 2, 4]  # documents finish in any order
    for i in order:
        parts.add((results[i].doc_id, i), document_rows(results[i]))
    expected = build_tables(results)
    got = parts.tables()
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(got[name], frame)
    assert len(list((tmp_path / "parts").glob("errors.*.pkl"))) == 3
