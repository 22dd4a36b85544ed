"""OCR speed: seconds per page of our OCR next to plain Tesseract's, and use of the cores.

Per page, both run in this one process with ``OMP_THREAD_LIMIT=1`` on the same
300 dpi scan: ours is the whole page job (render from PDF, clean, Tesseract,
layout), plain is ``pytesseract.image_to_string(img, lang="vie")`` at psm 3 on
the already-rendered image. The last rows read a multi-page scanned PDF with
one worker and with one per core; ``cpu_share`` is CPU time over wall time
times cores, 1.0 when every core is busy the whole time. Then every real scan
of ``tests/data/real/scans`` (when the corpus is there): ours is the page job on
the PDF page, plain is ``tesseract PAGE.png - -l vie --psm 3`` on the page
rasterised at 300 dpi by ``pdftoppm`` (rasterising not counted), one run each.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytesseract

from pipeline.evaluation import synth
from pipeline.evaluation.eval_ocr import real_pages
from pipeline.ingest import IngestOptions, read_source
from pipeline.ingest.ocr import PageJob, ocr_job
from pipeline.ingest.options import default_workers

PLANS = ("002_1d0c97eeb57a3117", "004_e58006d243a02151")
REPEATS = 3


def run(options: IngestOptions | None = None) -> list[dict]:
    """Rows: one per page (ours vs plain seconds), then the multi-page document rows."""
    options = replace(options or IngestOptions(), workers=1)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        scans = [_scanned_pdf(stem, Path(tmp)) for stem in PLANS]
        rows = [_page_row(pdf, 0, options) for pdf in scans]
        rows += _document_rows(scans, Path(tmp), options)
        rows += _real_rows(Path(tmp), options)
    return rows


def _real_rows(folder: Path, options: IngestOptions) -> list[dict]:
    """Ours vs plain on each real scanned page, then the sums over them."""
    rows: list[dict[str, Any]] = []
    png = folder / "real"
    for page in real_pages():
        subprocess.run(["pdftoppm", "-r", "300", "-singlefile", "-f", str(page.page), "-l",
                        str(page.page), "-png", str(page.pdf), str(png)], check=True,
                       capture_output=True)
        job = PageJob(page.pdf, page.page - 1, page.page, "pdf")
        ours = _median_seconds(lambda job=job: ocr_job(job, options), repeats=1)
        plain = _median_seconds(lambda: subprocess.run(
            ["tesseract", f"{png}.png", "-", "-l", "vie", "--psm", "3"], check=True,
            capture_output=True), repeats=1)
        rows.append({"what": f"real {page.doc_id[:40]} p{page.page}", "ours_s": round(ours, 2),
                     "plain_s": round(plain, 2), "ratio": round(ours / plain, 2),
                     "cpu_share": ""})
    if rows:
        ours, plain = sum(r["ours_s"] for r in rows), sum(r["plain_s"] for r in rows)
        rows.append({"what": f"real scans, all {len(rows)} pages", "ours_s": round(ours, 1),
                     "plain_s": round(plain, 1), "ratio": round(ours / plain, 2),
                     "cpu_share": ""})
    return rows


def _scanned_pdf(stem: str, folder: Path) -> Path:
    """The plan's first two pages, mildly scanned, as an image-only PDF."""
    pdf = folder / f"{stem}.pdf"
    synth.write_text_pdf(synth.sample_plan(stem), pdf, max_pages=2)
    pages = [synth.scan(image, synth.MILD, seed=i) for i, image in enumerate(synth.render(pdf))]
    return synth.images_to_pdf(pages, folder / f"{stem}-scan.pdf")


def _page_row(pdf: Path, index: int, options: IngestOptions) -> dict:
    job = PageJob(pdf, index, index + 1, "pdf")
    image = synth.render(pdf)[index]
    ours = _median_seconds(lambda: ocr_job(job, options))
    plain = _median_seconds(lambda: pytesseract.image_to_string(image, lang="vie"))
    return {"what": f"{pdf.stem} p{index + 1}", "ours_s": round(ours, 2),
            "plain_s": round(plain, 2), "ratio": round(ours / plain, 2), "cpu_share": ""}


def _median_seconds(work, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _document_rows(scans: list[Path], folder: Path, options: IngestOptions) -> list[dict]:
    """A four-page scanned PDF read with one worker, then with one per core."""
    document = synth.images_to_pdf(
        [image for pdf in scans for image in synth.render(pdf)], folder / "four-pages.pdf")
    rows = []
    for workers in sorted({1, default_workers()}):
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        pages = read_source(document, options=replace(options, workers=workers)).pages
        wall = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
        rows.append({"what": f"{len(pages)}-page scan, {workers} worker(s)",
                     "ours_s": round(wall, 2), "plain_s": "", "ratio": "",
                     "cpu_share": round(cpu / (wall * default_workers()), 2)})
    return rows


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (Tesseract, pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    from pipeline.evaluation.bench import print_table

    print_table("OCR seconds per page, ours vs plain Tesseract (one thread each)", run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
