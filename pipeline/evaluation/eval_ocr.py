"""OCR accuracy per kind of input, ours next to plain Tesseract, on pages of the sample plans.

Kinds: a clean 300 dpi render, a mild scan, a harsh scan (blur, heavy noise,
speckle, JPEG q45, dark edges, 1° skew), a mild scan in colour with a red seal
over the text, a PDF whose text layer is a broken font map's garbage, and a PDF whose
fonts map h and y to no character (seed 001's damage: the text layer has a gap for each).
Each page is written to a file and read through :func:`pipeline.ingest.read_source`,
so the measure covers the whole path a user's scan takes (page choice,
cleaning, OCR, layout). ``repaired_cer`` is
the same text after the repair stage (tone slips fixed by the language model).
Plain Tesseract is
``pytesseract.image_to_string(img, lang="vie")`` at psm 3 on the same image.

``headings`` is the share of roman-numeral section headings ("II. NỘI DUNG ...")
that come out exactly, as a line: the segmenter's outline hangs on them.

Real scans (:func:`run_real`): the hand-transcribed pages of ``tests/data/real/scans``
(``pages.tsv``; the PDFs in ``../shared/corpus/sites``). Per page, plain is
``tesseract PAGE.png - -l vie --psm 3`` on the page rasterised at 300 dpi by
``pdftoppm``; ours is the page cut out as a one-page PDF (qpdf) and read as
``plans run`` reads it (:func:`read_source`, then :func:`repair` with the
shipped model, as a page read on its own), ``raw`` the same before repair.
Text is compared as :mod:`pipeline.evaluation.cer` does: NFC, every run of
whitespace one space, so line breaks and re-flow cost nothing but reading order
does (the transcriptions follow the conventions of the folder's README: letterhead
left then right, then "Số:" and the date, then the body; tables a row a line).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pytesseract
from PIL import Image

from pipeline.evaluation import synth
from pipeline.evaluation.cer import cer
from pipeline.ingest import IngestOptions, read_source
from pipeline.repair import repair

PLANS = ("002_1d0c97eeb57a3117", "004_e58006d243a02151")
KINDS = {"clean": synth.CLEAN, "mild": synth.MILD, "harsh": synth.HARSH}
BROKEN = "broken text layer"
UNMAPPED = "text layer, glyphs h y unmapped"
SEALED = "mild + red seal (colour JPEG)"
SEAL_AT = (1300, 1500)  # mid-page, over body text
REAL_SCANS = Path("tests/data/real/scans")
CORPUS_SITES = Path("../shared/corpus/sites")
_ROMAN_HEADING = re.compile(r"^[IVX]+\. ")


@dataclass(frozen=True)
class Case:
    """One page of one kind, saved where a worker process can read it."""

    kind: str
    file: Path
    truth: tuple[str, ...]


def run(pages_per_plan: int = 2, options: IngestOptions | None = None) -> list[dict]:
    """One row per kind: pages, our CER and heading recall, plain Tesseract's."""
    options = options or IngestOptions()
    with tempfile.TemporaryDirectory() as tmp:
        cases = make_cases(Path(tmp), pages_per_plan)
        tasks = [(case, engine, options) for case in cases for engine in ("ours", "plain")]
        with ProcessPoolExecutor(max_workers=options.workers) as pool:
            results = list(pool.map(_read, tasks))
    rows = []
    for kind in [*KINDS, SEALED, BROKEN, UNMAPPED]:
        ours = [(r, c) for r, (c, e, _) in zip(results, tasks, strict=True)
                if c.kind == kind and e == "ours"]
        theirs = [(r, c) for r, (c, e, _) in zip(results, tasks, strict=True)
                  if c.kind == kind and e == "plain"]
        repaired = [((r[1],), c) for r, c in ours]
        mine = [(r[0], c) for r, c in ours]
        plain = [(r[0], c) for r, c in theirs]
        rows.append({"kind": kind, "pages": len(mine), "cer": _mean_cer(mine),
                     "repaired_cer": _mean_cer(repaired), "plain_cer": _mean_cer(plain),
                     "headings": _headings(mine), "plain_headings": _headings(plain)})
    return rows


def make_cases(folder: Path, pages_per_plan: int) -> list[Case]:
    """Render the sample plans, damage each page per kind, and build the broken-layer PDFs."""
    cases = []
    for stem in PLANS:
        pdf = folder / f"{stem}.pdf"
        pages = synth.write_text_pdf(synth.sample_plan(stem), pdf, max_pages=pages_per_plan)
        images = synth.render(pdf)
        unmapped = synth.unmap_glyphs(pdf, "hy", folder / f"{stem}-unmapped.pdf")
        for number, (image, truth) in enumerate(zip(images, pages, strict=True), start=1):
            for kind, damage in KINDS.items():
                file = folder / f"{stem}-{number}-{kind}.png"
                synth.scan(image, damage, seed=number).save(file, dpi=(synth.DPI, synth.DPI))
                cases.append(Case(kind, file, conventional_order(truth)))
            sealed = folder / f"{stem}-{number}-sealed.jpg"
            synth.stamp(synth.scan(image, synth.MILD, seed=number), SEAL_AT).save(
                sealed, quality=85, dpi=(synth.DPI, synth.DPI))
            cases.append(Case(SEALED, sealed, conventional_order(truth)))
            broken = folder / f"{stem}-{number}-broken.pdf"
            synth.write_broken_layer_pdf([image], [truth], broken)
            cases.append(Case(BROKEN, broken, conventional_order(truth)))
            page = folder / f"{stem}-{number}-unmapped.pdf"
            subprocess.run(["qpdf", "--empty", "--pages", str(unmapped), str(number), "--",
                            str(page)], check=True)
            cases.append(Case(UNMAPPED, page, tuple(truth)))  # a text layer: left column whole
    return cases


def conventional_order(truth: list[str]) -> tuple[str, ...]:
    """A synthetic page's lines in the reading order of the transcription conventions
    (``tests/data/real/scans/README.md``), which the layout of OCR'd pages follows: the letterhead's
    left column, its right column, then the "Số:" line and the date line, then
    whatever else the left column holds under the number. The sample's text writes the
    left column whole ("ỦY BAN ...", "Số: 227 /KH-UBND") before the motto."""
    lines = list(truth)
    number = next((i for i, t in enumerate(lines) if t.startswith("Số")), None)
    motto = next((i for i, t in enumerate(lines) if t.startswith("CỘNG HÒA")), None)
    date = next((i for i, t in enumerate(lines) if ", ngày" in t), None)
    if number is None or motto is None or date is None or not number < motto < date:
        return tuple(lines)
    return tuple(lines[:number] + lines[motto:date] + [lines[number], lines[date]]
                 + lines[number + 1:motto] + lines[date + 1:])


def _read(task: tuple[Case, str, IngestOptions]) -> tuple[tuple[str, ...], str]:
    """A page's lines by our reader or by plain Tesseract, and the text after repair.

    Ours is repaired with the shipped model alone (a page read on its own, no
    batch), so the measure shows what the tone-slip fixes add or break.
    """
    case, engine, options = task
    if engine == "ours":
        source = read_source(case.file, options=options)
        return tuple(line for page in source.pages for line in page.lines), repair(source).string
    os.environ["OMP_THREAD_LIMIT"] = "1"
    image = synth.render(case.file)[0] if case.file.suffix == ".pdf" else Image.open(case.file)
    lines = tuple(pytesseract.image_to_string(image, lang="vie").splitlines())
    return lines, "\n".join(lines)


def _mean_cer(pairs: Sequence[tuple[tuple[str, ...], Case]]) -> float:
    scores = [cer("\n".join(lines), "\n".join(case.truth)) for lines, case in pairs]
    return round(sum(scores) / len(scores), 5) if scores else 0.0


def _headings(pairs: Sequence[tuple[tuple[str, ...], Case]]) -> str:
    """Roman-numeral headings found exactly as a line, "found/total"."""
    found = total = 0
    for lines, case in pairs:
        wanted = [t for t in case.truth if _ROMAN_HEADING.match(t)]
        total += len(wanted)
        found += sum(t in lines for t in wanted)
    return f"{found}/{total}"


@dataclass(frozen=True)
class RealPage:
    """One hand-transcribed page of a real scan."""

    doc_id: str
    page: int
    pdf: Path
    truth: str


def real_pages(folder: Path = REAL_SCANS, corpus: Path = CORPUS_SITES) -> list[RealPage]:
    """The transcribed pages listed in ``pages.tsv`` whose PDF is in the corpus."""
    rows = [line.split("\t") for line in (folder / "pages.tsv").read_text("utf-8").splitlines()[1:]
            if line.strip()]
    pages = []
    for doc_id, page, *_ in rows:
        pdf = corpus / f"{doc_id}.pdf"
        if pdf.is_file():
            truth = (folder / f"{doc_id}.p{page}.txt").read_text("utf-8")
            pages.append(RealPage(doc_id, int(page), pdf, truth))
    return pages


def run_real(options: IngestOptions | None = None, folder: Path = REAL_SCANS,
             corpus: Path = CORPUS_SITES) -> list[dict]:
    """One row per real page (plain, ours raw, ours after repair; OCR seconds), then the
    mean over pages and the mean over documents (each the mean of its pages)."""
    options = options or IngestOptions()
    pages = real_pages(folder, corpus)
    if not pages:
        return []
    tasks = [(page, engine, replace(options, workers=1)) for page in pages
             for engine in ("plain", "ours")]
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        results = dict(zip([(t[0], t[1]) for t in tasks], pool.map(_read_real, tasks),
                           strict=True))
    rows = []
    for page in pages:
        plain, ours = results[(page, "plain")], results[(page, "ours")]
        rows.append({"page": f"{page.doc_id[:48]} p{page.page}", "doc": page.doc_id,
                     "plain_cer": cer(plain["text"], page.truth),
                     "raw_cer": cer(ours["raw"], page.truth),
                     "cer": cer(ours["text"], page.truth),
                     "plain_s": plain["seconds"], "ours_s": ours["seconds"],
                     "confidence": ours["confidence"]})
    docs: dict[str, list[dict]] = {}
    for row in rows:
        docs.setdefault(row.pop("doc"), []).append(row)
    measures = ("plain_cer", "raw_cer", "cer", "plain_s", "ours_s")

    def mean(group: list[dict], name: str) -> dict:
        return {"page": name, **{m: sum(r[m] for r in group) / len(group) for m in measures},
                "confidence": ""}

    per_doc = [mean(group, doc) for doc, group in docs.items()]
    rows += [mean(rows, f"mean of {len(rows)} pages"), mean(per_doc, f"mean of {len(docs)} documents")]
    for row in rows:
        row.update({m: round(row[m], 4 if m.endswith("cer") else 1) for m in measures})
    return rows


def _read_real(task: tuple[RealPage, str, IngestOptions]) -> dict:
    """A real page read by plain Tesseract or by ours, with the OCR's seconds."""
    page, engine, options = task
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        if engine == "plain":
            subprocess.run(["pdftoppm", "-r", "300", "-f", str(page.page), "-l", str(page.page),
                            "-png", str(page.pdf), f"{tmp}/page"], check=True, capture_output=True)
            png = next(Path(tmp).glob("page*.png"))
            started = time.perf_counter()
            text = subprocess.run(["tesseract", str(png), "-", "-l", "vie", "--psm", "3"],
                                  check=True, capture_output=True, text=True).stdout
            return {"text": text, "seconds": time.perf_counter() - started}
        one = Path(tmp) / f"{page.doc_id}.pdf"
        subprocess.run(["qpdf", "--empty", "--pages", str(page.pdf), str(page.page), "--",
                        str(one)], check=True, capture_output=True)
        source = read_source(one, page.doc_id, options=options)
    return {"raw": "\n".join(line for p in source.pages for line in p.lines),
            "text": repair(source).string, "seconds": sum(p.seconds for p in source.pages),
            "confidence": source.pages[0].confidence}


def main() -> int:
    from pipeline.evaluation.bench import print_table

    print_table("OCR character error rate per kind of input", run())
    real = run_real()
    if real:
        print_table("OCR character error rate on real scans (hand transcriptions, "
                    f"{REAL_SCANS}): plain tesseract -l vie --psm 3 at 300 dpi vs ours", real)
    else:
        print(f"(no real scans: {CORPUS_SITES} holds none of {REAL_SCANS}/pages.tsv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
