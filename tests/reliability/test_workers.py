"""Documents that hang, swell or are interrupted cost their own row, never the run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import psutil
from fpdf import FPDF
from PIL import Image

from tests.reliability.conftest import GOOD, PLANS, good_plan, leftovers, reasons, run_cli, table


def slow_scan(path: Path, frames: int = 12, seed: int = 7) -> Path:
    """A multi-page TIFF of speckled pages: OCR reads each for seconds and finds little."""
    rng = np.random.default_rng(seed)
    pages = [Image.fromarray((rng.random((1754, 1240)) > 0.93).astype(np.uint8) * 255, "L")
             for _ in range(frames)]
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(150, 150))
    return path


def big_page(path: Path, points: int = 3000) -> Path:
    """A tiny PDF whose one page renders to points²·17 pixels at 300 dpi."""
    pdf = FPDF(unit="pt", format=(points, points))
    pdf.add_page()
    pdf.line(10, 10, points - 10, points - 10)
    pdf.output(str(path))
    return path


def test_a_document_over_its_time_budget_is_stopped_and_the_others_complete(tmp_path):
    folder = tmp_path / "in"
    good_plan(folder, GOOD[0])
    good_plan(folder, GOOD[1])
    slow_scan(folder / "slow.tif", frames=40)  # a minute or more of OCR
    started = time.monotonic()
    # 10 s: the good plans need well under 1 s each, with room for a machine under load
    done = run_cli(str(folder), "--out", str(tmp_path / "out"), "--timeout", "10")
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 60
    assert reasons(tmp_path / "out")["slow"].startswith("timed out after 10 s")
    assert set(GOOD) <= set(table(tmp_path / "out", "plans").doc_id)


def test_a_worker_over_its_memory_is_stopped_and_the_others_complete(tmp_path):
    folder = tmp_path / "in"
    good_plan(folder, GOOD[0])
    big_page(folder / "big.pdf")
    done = run_cli(str(folder), "--out", str(tmp_path / "out"), "--max-memory", "300",
                   "--max-page-pixels", str(10**10))
    assert done.returncode == 0, done.stderr
    assert "used more than 300 MiB" in reasons(tmp_path / "out")["big"]
    assert GOOD[0] in set(table(tmp_path / "out", "plans").doc_id)


def test_ctrl_c_stops_the_run_at_once_and_writes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        slow_scan(folder / f"slow{n}.tif", frames=6, seed=n)
    out = tmp_path / "out"
    run = subprocess.Popen([str(PLANS), "run", str(folder), "--out", str(out), "--workers", "2",
                            "--no-progress"], stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    family = _wait_for_ocr(run.pid)
    pressed = time.monotonic()
    os.killpg(run.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
    run.wait(30)
    assert time.monotonic() - pressed < 2.0
    assert run.returncode == 130
    assert "interrupted" in run.stderr.read()
    assert not out.exists()
    assert leftovers(out) == []
    time.sleep(0.3)
    assert not [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def test_more_workers_than_cores_are_capped_with_a_note(tmp_path):
    done = run_cli(str(good_plan(tmp_path / "in")), "--out", str(tmp_path / "out"), workers=64)
    assert done.returncode == 0, done.stderr
    assert f"--workers 64 is more than the {len(os.sched_getaffinity(0))} cores" in done.stderr


def _wait_for_ocr(pid: int, seconds: float = 60) -> list[psutil.Process]:
    """Until the run's workers have started Tesseract (the run is deep in its work): the
    run's processes, workers and OCR engines."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        family = _family(pid)
        if sum(p.name() == "tesseract" for p in family) >= 2:
            return family
        time.sleep(0.1)
    raise AssertionError("the run never started OCR")


def _family(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def test_a_workers_memory_counts_what_its_children_hold():
    """The OCR engine and converters a worker starts count against its memory budget."""
    from pipeline.workers import resident_mb

    hold = "import time; x = bytearray(300 * 2**20); x[::4096] = b'1' * len(x[::4096]); time.sleep(30)"
    parent = subprocess.Popen(["bash", "-c", f"{sys.executable} -c \"{hold}\" & wait"],
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while resident_mb(parent.pid) < 300 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert resident_mb(parent.pid) >= 300
    finally:
        os.killpg(parent.pid, signal.SIGKILL)
        parent.wait()
