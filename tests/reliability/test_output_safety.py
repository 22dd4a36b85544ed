"""The output folder holds the last complete run: never a mix, never half a file, never lost.

Kills and write failures are made at each step of the export through the test
hook (``PLANS_FAULT``); a full disk is a real small tmpfs where the test may
mount one; concurrent runs are real processes.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from pipeline.export.faults import FAULT_ENV, STEPS
from pipeline.options import RunOptions
from pipeline.process import process
from pipeline.run import run
from tests.reliability.conftest import GOOD, good_plan, leftovers, run_cli, snapshot, table


def state(out: Path) -> dict:
    """What a user finds in ``out``: every file's bytes, the database by its contents.

    ``report/`` is left out: the CLI writes the HTML report after the run is published
    (pipeline.report), and the forked runs here do not write one.
    """
    files = {k: v for k, v in snapshot(out).items() if not k.startswith("report/")}
    if "plans.duckdb" in files:
        con = duckdb.connect(str(out / "plans.duckdb"), read_only=True)
        names = [n for (n,) in con.execute("SELECT table_name FROM information_schema.tables "
                                           "ORDER BY 1").fetchall()]
        files["plans.duckdb"] = [(n, con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0])
                                 for n in names] + con.execute("SELECT doc_id FROM plans").fetchall()
        con.close()
    return files


def run_in_child(inputs: list[Path], out: Path, fault: str = "") -> int:
    """A whole run in a forked process (the models stay loaded): its exit code, -9 when killed."""
    def target() -> None:
        os.environ[FAULT_ENV] = fault
        try:
            run(inputs, out, RunOptions(workers=1, progress=False))
        except OSError:
            os._exit(1)
        os._exit(0)
    child = multiprocessing.get_context("fork").Process(target=target)
    child.start()
    child.join(120)
    return child.exitcode


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> dict:
    """Inputs of an old run and a new one, and what each leaves in a fresh folder."""
    root = tmp_path_factory.mktemp("runs")
    old_in, new_in = [good_plan(root / "old", GOOD[0])], [good_plan(root / "new", GOOD[1])]
    process(new_in[0], RunOptions(workers=1))  # models loaded once, inherited by every forked run
    assert run_in_child(old_in, root / "old_out") == 0
    assert run_in_child(new_in, root / "new_out") == 0
    return {"old_in": old_in, "new_in": new_in, "old": root / "old_out",
            "old_state": state(root / "old_out"), "new_state": state(root / "new_out")}


def old_output(two_runs, folder: Path) -> Path:
    out = folder / "out"
    shutil.copytree(two_runs["old"], out)
    return out


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_of_export_leaves_the_old_or_the_new_output(two_runs, tmp_path, step):
    out = old_output(two_runs, tmp_path)
    assert run_in_child(two_runs["new_in"], out, f"{step}:kill") == -9
    assert state(out) in (two_runs["old_state"], two_runs["new_state"])
    assert run_in_child(two_runs["new_in"], out) == 0  # the next run cleans up after the killed one
    assert state(out) == two_runs["new_state"]
    assert leftovers(out) == []


@pytest.mark.parametrize("step", [s for s in STEPS if s not in ("cleanup",)])
def test_a_write_error_at_any_step_fails_the_run_and_keeps_the_old_output(two_runs, tmp_path, step):
    out = old_output(two_runs, tmp_path)
    assert run_in_child(two_runs["new_in"], out, f"{step}:enospc") != 0
    assert state(out) == two_runs["old_state"]
    assert leftovers(out) == []


def test_the_cli_says_the_disk_is_full_and_exits_non_zero(two_runs, tmp_path):
    out = old_output(two_runs, tmp_path)
    done = run_cli(str(two_runs["new_in"][0]), "--out", str(out), env={FAULT_ENV: "duckdb:enospc"})
    assert done.returncode == 1
    assert "No space left on device" in done.stderr and "unchanged" in done.stderr
    assert state(out) == two_runs["old_state"]


@pytest.fixture
def small_disk(tmp_path):
    """A 6 MiB tmpfs, where this test may mount one (root on Linux); else skipped, the
    write hook above covering the same path."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_exits_non_zero_with_the_old_output_intact(two_runs, tmp_path, small_disk):
    out = small_disk / "out"
    shutil.copytree(two_runs["old"], out)
    before = state(out)
    ballast = small_disk / "ballast"
    free = shutil.disk_usage(small_disk).free
    ballast.write_bytes(bytes(max(0, free - 600_000)))  # room for the CSVs, not the database
    done = run_cli(str(two_runs["new_in"][0]), "--out", str(out))
    assert done.returncode == 1, done.stderr
    assert "previous output" in done.stderr
    assert state(out) == before
    assert leftovers(out) == []


def test_two_runs_into_one_folder_give_one_complete_output(two_runs, tmp_path):
    out = tmp_path / "out"
    both = [subprocess.Popen([str(shutil.which("plans") or Path(os.sys.executable).with_name("plans")),
                              "run", str(inputs[0]), "--out", str(out), "--no-progress",
                              "--workers", "1"], stderr=subprocess.PIPE, text=True)
            for inputs in (two_runs["old_in"], two_runs["new_in"])]
    assert [p.wait(300) for p in both] == [0, 0]
    assert state(out) in (two_runs["old_state"], two_runs["new_state"])
    assert leftovers(out) == []


def test_text_holds_only_this_runs_documents_and_foreign_folders_stay(two_runs, tmp_path):
    out = old_output(two_runs, tmp_path)
    (out / "notebooks").mkdir()
    (out / "notebooks" / "cascades.ipynb").write_text("{}")
    (out / ".plans.csv.x1y2.tmp").write_text("half")  # left by a killed older version
    assert run_in_child(two_runs["new_in"], out) == 0
    assert sorted(p.name for p in (out / "text").iterdir()) == [f"{GOOD[1]}.txt"]
    assert (out / "notebooks" / "cascades.ipynb").read_text() == "{}"
    assert not (out / ".plans.csv.x1y2.tmp").exists()
    assert list(table(out, "plans").doc_id) == [GOOD[1]]


@pytest.mark.parametrize("case", ["empty", "file", "proc", "foreign", "root"])
def test_an_unusable_out_is_refused_before_any_document_is_read(tmp_path, case):
    target = {"empty": "", "file": str(tmp_path / "a_file"), "proc": "/proc",
              "foreign": str(tmp_path / "home"), "root": "/"}[case]
    (tmp_path / "a_file").write_text("keep me")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.odt").write_text("keep me")
    slow = good_plan(tmp_path / "in", GOOD[0])
    done = run_cli(str(slow), "--out", target)
    assert done.returncode == 2
    assert "--out" in done.stderr
    assert "reading" not in done.stderr
    assert (tmp_path / "a_file").read_text() == "keep me"
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == ["thesis.odt"]


def test_a_read_only_out_is_refused_before_the_work(tmp_path):
    mount = tmp_path / "ro"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if made.returncode != 0:
        if os.geteuid() == 0:
            pytest.skip("cannot mount a read-only tmpfs here")
        mount.chmod(0o555)
    try:
        done = run_cli(str(good_plan(tmp_path / "in", GOOD[0])), "--out", str(mount / "out"))
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True)
    assert done.returncode == 2
    assert "cannot write" in done.stderr
