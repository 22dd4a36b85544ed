"""`plans run` writes the report after its tables; a report that fails never costs the tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from tests.conftest import RAW

PLANS = Path(sys.executable).with_name("plans")
SAMPLE = RAW / "003_da4b1a0f43509f65.txt"


def plans(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(PLANS), *args], capture_output=True, text=True, timeout=300, check=False)


def test_a_run_writes_the_report_no_report_removes_it_and_plans_report_writes_it_anywhere(tmp_path):
    out = tmp_path / "out"
    done = plans("run", str(SAMPLE), "--out", str(out), "--no-progress")
    assert done.returncode == 0, done.stderr
    assert (out / "report" / "index.html").is_file()
    assert (out / "report" / "doc" / f"{SAMPLE.stem}.html").is_file()
    done = plans("run", str(SAMPLE), "--out", str(out), "--no-progress", "--no-report")
    assert done.returncode == 0, done.stderr
    assert not (out / "report").exists()  # it would show the tables of the run before
    done = plans("report", "--from", str(out), "--out", str(tmp_path / "mail"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "mail" / "index.html").is_file() and not (out / "report").exists()
    assert plans("report", "--from", str(tmp_path / "nowhere")).returncode == 1


def test_a_report_that_cannot_be_written_leaves_the_tables_and_the_run_succeeds(tmp_path):
    out = tmp_path / "out"
    assert plans("run", str(SAMPLE), "--out", str(out), "--no-progress").returncode == 0
    # The export's fault hook (pipeline.export.faults): the disk fills once the report is built.
    done = subprocess.run([str(PLANS), "run", str(RAW / "002_1d0c97eeb57a3117.txt"), "--out", str(out),
                           "--no-progress"], capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "PLANS_FAULT": "report:enospc"})
    assert done.returncode == 0, done.stderr
    assert "the report could not be written (No space left on device)" in done.stderr
    assert list(pd.read_csv(out / "plans.csv", encoding="utf-8-sig").doc_id) == ["002_1d0c97eeb57a3117"]
    assert not (out / "report").exists()  # the report of the run before is gone, not shown as this one's
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # nothing half-built left


def test_a_symlink_in_place_of_the_report_is_replaced_not_written_through(tmp_path):
    out = tmp_path / "out"
    assert plans("run", str(SAMPLE), "--out", str(out), "--no-progress", "--no-report").returncode == 0
    os.symlink(tmp_path / "elsewhere", out / "report")
    done = plans("report", "--from", str(out))
    assert done.returncode == 0, done.stderr
    assert (out / "report" / "index.html").is_file() and not (out / "report").is_symlink()
    assert not (tmp_path / "elsewhere").exists()
