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
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
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
        mine = [(r, c) for r, (c, e, _) in zip(results, tasks, strict=True)
                if c.kind == kind and e == "ours"]
        plain = [(r, c) for r, (c, e, _) in zip(results, tasks, strict=True)
                 if c.kind == kind and e == "plain"]
        repaired = [((r[1],), c) for r, c in mine]
        mine = [(r[0], c) for r, c in mine]
        plain = [(r[0], c) for r, c in plain]
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
                cases.append(Case(kind, file, tuple(truth)))
            sealed = folder / f"{stem}-{number}-sealed.jpg"
            synth.stamp(synth.scan(image, synth.MILD, seed=number), SEAL_AT).save(
                sealed, quality=85, dpi=(synth.DPI, synth.DPI))
            cases.append(Case(SEALED, sealed, tuple(truth)))
            broken = folder / f"{stem}-{number}-broken.pdf"
            synth.write_broken_layer_pdf([image], [truth], broken)
            cases.append(Case(BROKEN, broken, tuple(truth)))
            page = folder / f"{stem}-{number}-unmapped.pdf"
            subprocess.run(["qpdf", "--empty", "--pages", str(unmapped), str(number), "--",
                            str(page)], check=True)
            cases.append(Case(UNMAPPED, page, tuple(truth)))
    return cases


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


def _mean_cer(pairs: list[tuple[tuple[str, ...], Case]]) -> float:
    scores = [cer("\n".join(lines), "\n".join(case.truth)) for lines, case in pairs]
    return round(sum(scores) / len(scores), 5) if scores else 0.0


def _headings(pairs: list[tuple[tuple[str, ...], Case]]) -> str:
    """Roman-numeral headings found exactly as a line, "found/total"."""
    found = total = 0
    for lines, case in pairs:
        wanted = [t for t in case.truth if _ROMAN_HEADING.match(t)]
        total += len(wanted)
        found += sum(t in lines for t in wanted)
    return f"{found}/{total}"


def main() -> int:
    from pipeline.evaluation.bench import print_table

    print_table("OCR character error rate per kind of input", run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
