"""The CLI on the sample corpus and on bad input, as a user runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from pipeline.evaluation.score import evaluate
from tests.conftest import GOLD, RAW

PLANS = Path(sys.executable).with_name("plans")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(PLANS), "run", *args, "--no-progress", "--workers", "2"],
                          capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("processed")
    done = run_cli(str(RAW), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


def test_samples_meet_the_header_and_outline_targets(sample_run):
    result = evaluate(sample_run, GOLD)
    assert result["meta_accuracy"] >= 0.95
    assert result["scores"]["sections"].f1 == 1.0
    assert result["label_accuracy"] >= 0.95


def test_every_sample_gets_its_repaired_text_and_no_error(sample_run):
    assert sorted(p.stem for p in (sample_run / "text").glob("*.txt")) == \
        sorted(p.stem for p in RAW.glob("*.txt"))
    assert pd.read_csv(sample_run / "errors.csv", encoding="utf-8-sig").empty


def test_a_rerun_writes_byte_identical_tables(sample_run, tmp_path):
    done = run_cli(str(RAW), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for csv in sorted(sample_run.glob("*.csv")):
        if csv.name == "pages.csv":  # its seconds column is a measurement
            first = pd.read_csv(csv).drop(columns="seconds")
            second = pd.read_csv(tmp_path / csv.name).drop(columns="seconds")
            assert first.equals(second)
        else:
            assert csv.read_bytes() == (tmp_path / csv.name).read_bytes(), csv.name


def encrypted_pdf(path: Path) -> None:
    plain = path.with_name("plain.pdf")
    Image.new("L", (200, 200), 255).save(plain)
    subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", str(plain), str(path)],
                   check=True)
    plain.unlink()


def test_bad_files_get_one_error_row_each_and_the_run_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "002_1d0c97eeb57a3117.txt", inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "renamed.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    encrypted_pdf(inputs / "locked.pdf")
    (inputs / "english.txt").write_text("The quick brown fox jumps over the lazy dog. " * 20)
    out = tmp_path / "out"
    done = run_cli(str(inputs), "--out", str(out))
    assert done.returncode == 0, done.stderr
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig").set_index("doc_id")
    assert sorted(errors.index) == ["empty", "english", "locked", "renamed"]
    assert "empty" in errors.loc["empty", "reason"]
    assert "not a PDF" in errors.loc["renamed", "reason"]
    assert "encrypted" in errors.loc["locked", "reason"]
    assert "not Vietnamese" in errors.loc["english", "reason"]
    plans = pd.read_csv(out / "plans.csv", encoding="utf-8-sig")
    assert plans["code"].tolist() == ["227/KH-UBND"]


def test_inputs_are_never_overwritten(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "002_1d0c97eeb57a3117.txt", inputs)
    before = (inputs / "002_1d0c97eeb57a3117.txt").read_bytes()
    done = run_cli(str(inputs), "--out", str(inputs))
    assert done.returncode == 2
    assert "inside the output folder" in done.stderr
    assert (inputs / "002_1d0c97eeb57a3117.txt").read_bytes() == before


def test_a_stray_file_beside_a_plan_does_not_take_its_doc_id(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "002_1d0c97eeb57a3117.txt", inputs / "plan.txt")
    (inputs / "plan.json").write_text("{}")
    done = run_cli(str(inputs), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    plans = pd.read_csv(tmp_path / "out" / "plans.csv", encoding="utf-8-sig")
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", encoding="utf-8-sig")
    assert plans["doc_id"].tolist() == ["plan"]
    assert errors["reason"].str.contains("unsupported").tolist() == [True]
