"""Helpers of the reliability tests: a run as a user starts it, small bad files made here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pandas as pd
import pytest

from tests.conftest import RAW

PLANS = Path(sys.executable).with_name("plans")
GOOD = ("002_1d0c97eeb57a3117", "004_e58006d243a02151")


def run_cli(*args: str, env: dict | None = None, timeout: float = 300,
            workers: int = 2) -> subprocess.CompletedProcess:
    """``plans run ARGS`` in a real process, as a user runs it."""
    return subprocess.run([str(PLANS), "run", *args, "--no-progress", "--workers", str(workers)],
                          capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, **(env or {})})


def good_plan(folder: Path, stem: str = GOOD[0], name: str | None = None) -> Path:
    """A sample plan copied into ``folder`` (under another name when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or f"{stem}.txt")
    shutil.copyfile(RAW / f"{stem}.txt", target)
    return target


def table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def reasons(out: Path) -> dict[str, str]:
    """doc_id → reason of errors.csv."""
    errors = table(out, "errors")
    return dict(zip(errors.doc_id, errors.reason, strict=True))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), by relative path: what a user would see."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    """Staging or moved-aside folders an interrupted run left beside ``out`` (the lock and
    the run cache, ``.<out>.cache``, are meant to stay)."""
    return sorted(p.name for p in out.parent.glob(f".{out.name}.*")
                  if not p.name.endswith((".lock", ".cache")))


def docx_file(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def zip_file(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return path


@pytest.fixture(scope="session")
def soffice() -> str:
    found = shutil.which("soffice")
    if not found:
        pytest.skip("LibreOffice (libreoffice-writer-nogui) is not installed: make setup installs it")
    return found
