"""The evidence report of the samples as a person sees it in a browser (headless Chromium).

The report is the one `plans run` writes; each page is opened from disk (file://) and
read back after its script has run (``--dump-dom``), and screenshots are saved under
build/report/ for a reviewer. Chromium comes from Debian (`make test` installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from pipeline.report.pages import vn_date
from tests.conftest import RAW, ROOT
from tests.report.dom import Highlights

PLANS = Path(sys.executable).with_name("plans")
SHOTS = ROOT / "build" / "report"
EXTRA = ROOT / "tests" / "data" / "extra"
ROW_TABLES = ("references", "deadlines", "responsibilities", "criteria")
BROWSER = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)

if BROWSER is None:
    if os.environ.get("CI"):
        pytest.fail("chromium is missing: `make test` installs it", pytrace=False)
    pytestmark = pytest.mark.skip(reason="chromium is missing: `make test-system` installs it")


def browser(url: str, *args: str) -> str:
    """Run headless Chromium on ``url`` with its own profile; its stdout."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([BROWSER, "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                               "--no-first-run", f"--user-data-dir={profile}", *args, url],
                              capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dom(url: str) -> str:
    return browser(url, "--dump-dom")


def screenshot(url: str, name: str, width: int = 1400, height: int = 1000) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    browser(url, f"--screenshot={path}", f"--window-size={width},{height}")
    return path


def url(path: Path, fragment: str = "", query: str = "") -> str:
    return path.resolve().as_uri() + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


def table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def run_cli(inputs: list[Path], out: Path) -> None:
    """`plans run` from the project folder, as `make run` does (plans.csv names data/raw/...)."""
    names = [str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in inputs]
    done = subprocess.run([str(PLANS), "run", *names, "--out", str(out), "--no-progress", "--workers", "2"],
                          capture_output=True, text=True, timeout=600, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "report:" in done.stderr


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Path:
    """The samples' run, with the report `plans run` wrote into it."""
    out = tmp_path_factory.mktemp("samples") / "out"
    run_cli([RAW], out)
    return out


def dated_deadline(out: Path):
    """The first deadline row with a date: its document, its row id on the page ("D2"), the row."""
    deadlines = table(out, "deadlines")
    row = deadlines[deadlines.date != ""].iloc[0]
    ordinal = list(deadlines[deadlines.doc_id == row.doc_id].index).index(row.name) + 1
    return row.doc_id, f"D{ordinal}", row


@pytest.fixture(scope="module")
def pages(samples) -> dict[str, str]:
    """Every page a test reads, rendered once, in parallel."""
    report = samples / "report"
    doc_id, row_id, _ = dated_deadline(samples)
    wanted = {"index": url(report / "index.html"),
              "commune": url(report / "index.html", query="level=commune"),
              "selected": url(report / "doc" / f"{doc_id}.html", f"r-{row_id}")}
    wanted |= {doc_id: url(report / "doc" / f"{doc_id}.html") for doc_id in table(samples, "plans").doc_id}
    with ThreadPoolExecutor(4) as pool:
        return dict(zip(wanted, pool.map(dom, wanted.values()), strict=True))


def test_the_run_page_lists_the_five_documents_with_their_issuers(samples, pages):
    plans = table(samples, "plans")
    html = pages["index"]
    documents = html[html.index('id="documents"'):html.index('id="errors"')]
    assert re.findall(r'<tr class="doc-row" data-doc="([^"]+)"', documents) == list(plans.doc_id)
    assert len(plans) == 5
    for issuer in plans.issuer:
        assert issuer in documents  # Vietnamese as in plans.csv, NFC, not escaped away
    assert "Không có tệp nào bị lỗi." in html


def test_the_graph_has_one_filled_node_per_document_and_hollow_ones_for_cited_documents(samples, pages):
    html = pages["index"]
    cascade = table(samples, "cascade")
    cited = set(cascade.loc[cascade.parent_doc_id == "", "parent_node"])
    assert html.count('<g class="node doc"') == len(table(samples, "plans")) == 5
    assert html.count('<g class="node cited"') == len(cited)
    assert html.count('class="edge') == len(set(zip(cascade.child_doc_id, cascade.parent_node, strict=True)))


def test_a_filter_in_the_address_shows_only_the_matching_documents(samples, pages):
    plans = table(samples, "plans")
    hidden = set(re.findall(r'<tr class="doc-row hidden-by-filter" data-doc="([^"]+)"', pages["commune"]))
    assert hidden == set(plans.loc[plans.issuer_level != "commune", "doc_id"])
    assert f"Đang hiện {sum(plans.issuer_level == 'commune')}/5 văn bản" in pages["commune"]


def test_every_row_of_the_samples_is_highlighted_at_its_span(samples, pages):
    checked = 0
    for doc_id in table(samples, "plans").doc_id:
        text = (samples / "text" / f"{doc_id}.txt").read_bytes().decode("utf-8")
        seen = Highlights.of(pages[doc_id])
        assert seen.plain == text
        assert not seen.badly_nested
        for name, prefix in zip(ROW_TABLES, "RDTC", strict=True):
            rows = table(samples, name)
            for n, row in enumerate(rows[rows.doc_id == doc_id].itertuples(), start=1):
                start, end = int(row.start), int(row.end)
                assert seen.row_text(f"{prefix}{n}") == text[start:end], (doc_id, name, n)
                assert seen.attrs[f"{prefix}{n}"]["class"] == f"hl t-{name}"
                checked += 1
    assert checked == sum(len(table(samples, n)) for n in ROW_TABLES) > 100


def test_a_highlighted_deadline_shows_the_date_of_its_row(samples, pages):
    _, row_id, row = dated_deadline(samples)
    html = pages["selected"]
    mark = re.search(rf'<mark class="hl t-deadlines selected"[^>]*id="r-{row_id}"[^>]*title="([^"]*)"', html)
    assert mark and vn_date(row.date) in mark[1]  # on hover
    panel = html[html.index('id="panel"'):]
    panel = panel[:panel.index("</table>")]
    assert f"Thời hạn — {row_id}" in panel and f"<td>{vn_date(row.date)}</td>" in panel  # in the side panel
    assert f"<td>{row.raw}</td>" in panel


def test_a_fifty_page_plan_is_ready_within_a_second(tmp_path):
    """Sample 004's body printed 15 times over: some 140,000 characters, a 50-page plan."""
    text = (RAW / "004_e58006d243a02151.txt").read_text(encoding="utf-8")
    body = slice(text.index("I. "), text.index("Nơi nhận"))
    (tmp_path / "long.txt").write_text(text[:body.start] + text[body] * 15 + text[body.stop:], encoding="utf-8")
    run_cli([tmp_path / "long.txt"], tmp_path / "out")
    page = tmp_path / "out" / "report" / "doc" / "long.html"
    html = dom(url(page))
    assert len(Highlights.of(html).plain) > 130_000
    ready = re.search(r'data-ready-ms="(\d+)"', html)
    assert ready and int(ready[1]) < 1000


def test_the_report_of_the_samples_is_small_and_offline(samples):
    report = samples / "report"
    size = sum(p.stat().st_size for p in report.rglob("*") if p.is_file())
    assert size < 5 * 1024 * 1024
    for page in report.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', html), page  # nothing from the network


def test_screenshots_of_the_run_page_and_a_document_page(samples):
    report = samples / "report"
    deadlines = table(samples, "deadlines")
    doc_id = "004_e58006d243a02151"
    row = f"D{1 + list(deadlines[deadlines.doc_id == doc_id].date).index('2019-11-30')}"
    with ThreadPoolExecutor(3) as pool:
        shots = list(pool.map(lambda a: screenshot(*a), [
            (url(report / "index.html"), "run.png", 1400, 1400),
            (url(report / "doc" / f"{doc_id}.html", f"r-{row}"), "document.png", 1400, 900),
            (url(report / "diff" / "001_9ee4dba2b0b7b334.html"), "diff.png", 1400, 900)]))
    for shot in shots:
        with Image.open(shot) as image:  # a blank page would be one colour
            assert len(image.convert("L").getcolors(256) or []) > 20, shot


def test_the_repair_page_shows_the_restored_letters(samples):
    """Sample 001 lost letters (glyph_loss in repairs.csv): its page marks what came back."""
    html = (samples / "report" / "diff" / "001_9ee4dba2b0b7b334.html").read_text(encoding="utf-8")
    assert "Chữ bị mất" in html  # the kind of repair, named in Vietnamese
    assert html.count("<ins>") > 100 and 'class="dl del"' in html


# A department's plan implementing x15 (the province's digital-transformation plan): it
# restates two of the province's tasks for itself and leaves the others out.
CHILD = """SỞ Y TẾ TỈNH TUYÊN QUANG
Số: 35/KH-SYT
Tuyên Quang, ngày 05 tháng 01 năm 2026
KẾ HOẠCH
Chuyển đổi số ngành Y tế năm 2026
Thực hiện Kế hoạch số 210/KH-UBND ngày 18/12/2025 của Ủy ban nhân dân tỉnh Tuyên Quang về chuyển \
đổi số tỉnh Tuyên Quang năm 2026, Sở Y tế ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Cụ thể hóa nhiệm vụ chuyển đổi số của tỉnh năm 2026 trong ngành Y tế.
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở
- Xây dựng kế hoạch chuyển đổi số năm 2026 của các đơn vị trực thuộc, hoàn thành trước ngày 31/01/2026.
- Báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ định kỳ hằng quý trước ngày 05 của tháng \
cuối quý để tổng hợp.
"""


@pytest.fixture(scope="module")
def parent_and_child(tmp_path_factory) -> Path:
    """A province plan of tests/data/extra and a department's plan implementing it."""
    folder = tmp_path_factory.mktemp("cascade")
    child = folder / "so_y_te_chuyen_doi_so.txt"
    child.write_text(CHILD, encoding="utf-8")
    out = folder / "out"
    run_cli([EXTRA / "x15_ubnd_tinh_chuyen_doi_so_bang.txt", child], out)
    return out


def test_the_compare_page_shows_the_parents_items_beside_what_the_child_kept(parent_and_child):
    coverage = table(parent_and_child, "coverage")
    parent, child = coverage.parent_doc_id.iloc[0], coverage.child_doc_id.iloc[0]
    page = parent_and_child / "report" / "compare" / f"{parent}.html"
    html = dom(url(page))
    screenshot(url(page), "compare.png", 1400, 900)
    assert html.count('class="wrap miss"') == int((coverage.covered != "True").sum())
    assert html.count('class="wrap kept"') == int((coverage.covered == "True").sum()) > 0
    for task in coverage.loc[coverage.item_kind == "task", "parent_text"]:
        assert task.replace("&", "&amp;") in html
    assert f'href="../doc/{child}.html#r-' in html
