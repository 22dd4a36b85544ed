"""`make bench`: speed and memory of the whole pipeline, then each stage's own benchmark.

Timing lives here and never in tests. The pipeline figure is the sample corpus
processed in one process (so seconds are per core), repeated to steady the
numbers; each stage benchmark module (bench_repair, bench_extract, bench_ocr)
prints its own table.
"""

from __future__ import annotations

import importlib
import resource
import statistics
import sys
import time
from pathlib import Path

from pipeline.options import RunOptions
from pipeline.process import process

STAGE_BENCHES = ("bench_repair", "bench_extract", "bench_ocr")
REPEATS = 3


def pipeline_rows(raw: Path) -> list[dict]:
    """Seconds per document (median of REPEATS, one core) over the sample corpus."""
    files = sorted(p for p in raw.iterdir() if p.is_file() and not p.name.startswith("."))
    options = RunOptions(workers=1, progress=False)
    process(files[0], options)  # load word lists and models once, as a worker does
    rows = []
    for path in files:
        times = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            result = process(path, options)
            times.append(time.perf_counter() - started)
        chars = len(result.plan.text.string) if result.plan else 0
        rows.append({"doc_id": path.stem, "chars": chars, "seconds": round(statistics.median(times), 3)})
    return rows


def print_table(title: str, rows: list[dict]) -> None:
    print(f"\n== {title}")
    if not rows:
        print("(no rows)")
        return
    cols = list(dict.fromkeys(c for r in rows for c in r))  # every row's columns, first seen first
    widths = {c: max(len(c), *(len(_fmt(r.get(c, ""))) for r in rows)) for c in cols}
    print("  ".join(c.ljust(widths[c]) for c in cols))
    for r in rows:
        print("  ".join(_fmt(r.get(c, "")).ljust(widths[c]) for c in cols))


def _fmt(value: object) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def main() -> int:
    rows = pipeline_rows(Path("data/raw"))
    print_table("pipeline per document (one core, median of 3)", rows)
    total = sum(r["seconds"] for r in rows)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"total {total:.2f} s for {len(rows)} documents; peak memory {peak_mib:.0f} MiB")
    for name in STAGE_BENCHES:
        try:
            module = importlib.import_module(f"pipeline.evaluation.{name}")
        except ModuleNotFoundError:
            continue
        print_table(name, module.run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
