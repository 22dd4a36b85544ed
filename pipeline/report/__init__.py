"""The evidence report: a run's tables as static HTML pages an auditor opens in a browser.

It reads a finished run's output folder only (CSVs and text/), so `plans report --from DIR`
works on any run. Pages:

- ``index.html``: the documents (type, code, date, issuer, level, rows per table),
  errors, findings grouped by check with a link to each one's evidence, the cascade
  drawn as a graph, filters by issuer, level, year and type;
- ``doc/<doc_id>.html``: the repaired text with every row highlighted at its span, the
  outline as a table of contents, page images of OCR'd pages;
- ``diff/<doc_id>.html``: what repair changed (the `plans diff` of the document);
- ``compare/<doc_id>.html``: a parent's items beside what each child kept.

The report is built in a hidden folder beside its target and swapped in whole, so a
failure leaves the previous report (and never touches the run's tables). The export's
test hook reaches it too: ``PLANS_FAULT=report:enospc`` fails it once built.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.export.faults import checkpoint
from pipeline.report import page_images, pages
from pipeline.report.run_data import RunData

STATIC = Path(__file__).with_name("static")
REPORT_DIR = "report"
GENERATOR = '<meta name="generator" content="plan-miner report">'  # in every page's head


@dataclass(frozen=True)
class ReportSummary:
    folder: Path
    documents: int
    rows: int
    unplaced: int
    bytes: int
    seconds: float


def write_report(run_dir: Path | str, out: Path | str | None = None,
                 sources: Path | str | None = None, page_images_for_ocr: bool = True) -> ReportSummary:
    """Write the report of the run in ``run_dir`` to ``out`` (default ``run_dir/report``).

    ``sources``: the folder the run's input paths (plans.csv ``file``) are relative to,
    by default the current one; the diff and page images need the input files.
    """
    started = time.perf_counter()
    run = RunData.load(Path(run_dir))
    target = Path(out) if out is not None else Path(run_dir) / REPORT_DIR
    target.parent.mkdir(parents=True, exist_ok=True)
    # The folder's own name is not resolved: a symlink there is replaced, never written through.
    target = target.parent.resolve() / target.name
    build = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        unplaced, rows = _build(run, build, Path(sources) if sources else Path.cwd(), page_images_for_ocr)
        checkpoint("report")
        os.chmod(build, 0o755)
        _swap_in(build, target)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    return ReportSummary(target, len(run.doc_ids), rows, unplaced, size,
                         round(time.perf_counter() - started, 2))


def _build(run: RunData, folder: Path, sources: Path, with_images: bool) -> tuple[int, int]:
    env = pages.environment()
    shutil.copytree(STATIC, folder / "assets")
    for sub in ("doc", "diff", "compare"):
        (folder / sub).mkdir()
    coverage = run.table("coverage")
    parents = sorted(set(coverage["parent_doc_id"]) - {""}) if "parent_doc_id" in coverage else []
    written = pages.Written({d: pages.href("doc", d) for d in run.doc_ids},
                            {p: pages.href("compare", p) for p in parents})
    unplaced = rows = 0
    plans = run.table("plans").set_index("doc_id")
    for doc_id in run.doc_ids:
        source = _source(plans.loc[doc_id, "file"], sources)
        diff, has_diff = pages.diff_page(env, run, doc_id, source)
        _write(folder / "diff" / pages.page_name(doc_id), diff)
        ocr_pages = [int(p) for p, m in zip(run.rows("pages", doc_id)["page"],
                                            run.rows("pages", doc_id)["method"], strict=True) if m == "ocr"]
        images = page_images.write_page_images(source, doc_id, ocr_pages, folder / "pages", "../pages") \
            if with_images and source is not None and ocr_pages else []
        _write(folder / "doc" / pages.page_name(doc_id),
               pages.document_page(env, run, doc_id, written, images, has_diff))
        marks, _, missing = pages.row_marks(run, doc_id)
        rows += len(marks) + len(missing)
        unplaced += len(missing)
    for parent in parents:
        _write(folder / "compare" / pages.page_name(parent), pages.compare_page(env, run, parent))
    _write(folder / "index.html", pages.run_page(env, run, written))
    return unplaced, rows


def _source(file: str, base: Path) -> Path | None:
    """The input file a document was read from, where the run found it, if still there."""
    if not file:
        return None
    path = Path(file) if Path(file).is_absolute() else base / file
    return path if path.is_file() else None


def _write(path: Path, html: str) -> None:
    path.write_text(html, encoding="utf-8", newline="\n")


def _swap_in(build: Path, target: Path) -> None:
    """Replace ``target`` by ``build``; the old report is moved aside first, then removed."""
    old = None
    if target.exists() or target.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", suffix=".tmp", dir=target.parent))
        os.rename(target, old / target.name)
    os.rename(build, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def report_run(run_dir: Path | str, out: Path | str | None = None, write: bool = True,
               note: Callable[[str], None] = lambda _: None) -> ReportSummary | None:
    """:func:`write_report` (or, with ``write`` false, :func:`remove_report`) holding the run
    folder's lock, so the report and the tables it shows come from the same run even when
    another run into that folder is starting."""
    from pipeline.export.publish import locked, resolve_out

    folder = resolve_out(run_dir)
    with locked(folder, note):
        if not write:
            remove_report(folder)
            return None
        try:
            return write_report(folder, out)
        except Exception:
            if out is None:  # the run carried the old report over: it shows other tables
                with contextlib.suppress(OSError):
                    remove_report(folder)
            raise


def remove_report(run_dir: Path | str) -> bool:
    """Remove the report a previous run left in ``run_dir`` (a run carries over what it does
    not write, and a report of other tables would mislead); True when there was one."""
    folder = Path(run_dir) / REPORT_DIR
    index = folder / "index.html"
    if not index.is_file() or GENERATOR not in index.read_text(encoding="utf-8", errors="replace"):
        return False
    shutil.rmtree(folder)
    return True
