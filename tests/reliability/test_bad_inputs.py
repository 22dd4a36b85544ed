"""A run fed the bad-input corpus: every bad file gets its one clear row, within a time and
memory budget, while the good documents of the same run come out complete."""

from __future__ import annotations

import os
import resource
import time
import unicodedata
from pathlib import Path

import pytest

from tests.reliability import corpus
from tests.reliability.conftest import GOOD, good_plan, reasons, run_cli, table

NFD_NAME = unicodedata.normalize("NFD", "Kế hoạch thi đua")


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("bad")
    folder = root / "in"
    folder.mkdir()
    expected = dict(maker(folder) for maker in corpus.MAKERS)
    good_plan(folder, GOOD[0])
    good_plan(folder, GOOD[1], name=f"{NFD_NAME}.txt")
    good_plan(folder, GOOD[0], name="copy_of_002.txt")  # same bytes: one document
    weird = Path(os.fsdecode(root / "odd")) / os.fsdecode(b"k\xe9_ho\xe1ch.txt")  # not UTF-8
    good_plan(weird.parent, "000_65718b5642e81154", name=weird.name)
    long_name = good_plan(root / "long", "003_da4b1a0f43509f65", name="a" * 246 + ".txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    started = time.monotonic()
    done = run_cli(str(folder), str(folder / f"{GOOD[0]}.txt"), str(weird), str(long_name),
                   str(root / "loop.txt"), str(root / "missing.txt"), "--out", str(root / "out"),
                   *corpus.LIMITS)
    seconds = time.monotonic() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"done": done, "out": root / "out", "expected": expected, "seconds": seconds,
            "peak": peak_mib}


def test_the_run_ends_normally_within_its_budget(bad_run):
    assert bad_run["done"].returncode == 0, bad_run["done"].stderr
    assert bad_run["seconds"] < 150
    assert bad_run["peak"] < 2048  # MiB, the largest process of the run


def test_every_bad_file_gets_a_row_naming_its_cause(bad_run):
    found = reasons(bad_run["out"])
    for doc_id, words in bad_run["expected"].items():
        assert doc_id in found, doc_id
        assert words in found[doc_id], (doc_id, found[doc_id])


def test_good_documents_of_the_same_run_are_complete(bad_run):
    plans = table(bad_run["out"], "plans").set_index("doc_id")
    sections = table(bad_run["out"], "sections")
    nfc = unicodedata.normalize("NFC", NFD_NAME)
    assert {GOOD[0], nfc} <= set(plans.index)
    for doc_id in (GOOD[0], nfc):
        assert plans.loc[doc_id, "title"]
        assert (sections.doc_id == doc_id).sum() >= 5
        assert (bad_run["out"] / "text" / f"{doc_id}.txt").read_text(encoding="utf-8").strip()


def test_names_that_cannot_be_used_as_they_are_give_safe_bounded_ids(bad_run):
    plans = table(bad_run["out"], "plans")
    odd = plans[plans.file.str.contains("\\xe9", regex=False)]
    assert len(odd) == 1 and odd.doc_id.iloc[0].startswith("k__ho_ch~")
    long = plans[plans.doc_id.str.startswith("aaaa")]
    assert len(long) == 1 and len(long.doc_id.iloc[0].encode()) <= 150
    for doc_id in plans.doc_id:
        assert unicodedata.is_normalized("NFC", doc_id)
        assert (bad_run["out"] / "text" / f"{doc_id}.txt").is_file()


def test_a_loop_a_missing_name_and_duplicates_each_get_a_row(bad_run):
    errors = table(bad_run["out"], "errors")
    assert "symbolic link loop" in errors[errors.file.str.endswith("loop.txt")].reason.iloc[0]
    assert "file not found" in errors[errors.file.str.endswith("missing.txt")].reason.iloc[0]
    duplicates = errors[errors.reason.str.startswith("the same file as")]
    assert [Path(f).name for f in duplicates.file] == ["copy_of_002.txt"]
    plans = table(bad_run["out"], "plans")
    assert (plans.doc_id == GOOD[0]).sum() == 1
    assert not plans.doc_id.str.startswith("copy_of").any()
