"""The analysis notebooks run headless on a fresh run's output and draw their charts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from pipeline.evaluation.notebooks import NOTEBOOKS, REQUIRED_IMAGES, count_images, main

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
# 002 (district) and 004 (city) both implement Chỉ thị 34, written two ways.
SAMPLES = ("002_1d0c97eeb57a3117.txt", "004_e58006d243a02151.txt")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    """A small run made by the real CLI: `plans run <two plans> --out <dir>`."""
    base = tmp_path_factory.mktemp("notebook_run")
    raw = base / "raw"
    raw.mkdir()
    for name in SAMPLES:
        shutil.copy(RAW / name, raw / name)
    out = base / "processed"
    subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(raw), "--out", str(out),
                    "--no-progress", "--workers", "1"], check=True, capture_output=True,
                   timeout=600)
    return out


def test_notebooks_execute_and_render_images(run_dir, tmp_path):
    committed = {p.name: p.read_bytes() for p in NOTEBOOKS.glob("*.ipynb")}
    assert set(committed) == set(REQUIRED_IMAGES)
    out = tmp_path / "executed"
    assert main(["--db", str(run_dir / "plans.duckdb"), "--out", str(out)]) == 0
    for name, required in REQUIRED_IMAGES.items():
        executed = nbformat.read(out / name, as_version=4)
        assert count_images(executed) >= required, name
        assert not [o for c in executed.cells for o in c.get("outputs", [])
                    if o.get("output_type") == "error"]
    assert {p.name: p.read_bytes() for p in NOTEBOOKS.glob("*.ipynb")} == committed


def test_cascade_notebook_walks_the_shared_directive(run_dir, tmp_path):
    """Following 002, the chain goes up to Chỉ thị 34 and finds 004 as its sibling."""
    out = tmp_path / "executed"
    assert main(["--db", str(run_dir / "plans.duckdb"), "--out", str(out),
                 "--focus", "002_1d0c97eeb57a3117"]) == 0
    executed = nbformat.read(out / "cascades.ipynb", as_version=4)
    assert "ref:34-CT-TW" in output_of(executed, "up, down = chain(")
    assert "004_e58006d243a02151" in output_of(executed, "mine = siblings[")


def output_of(notebook: nbformat.NotebookNode, source: str) -> str:
    """The text outputs of the one code cell whose source contains ``source``."""
    [cell] = [c for c in notebook.cells if c.cell_type == "code" and source in c.source]
    return "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
                     for o in cell.outputs)


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path)]) == 2
    assert "plans run" in capsys.readouterr().err
