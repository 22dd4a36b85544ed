"""Run the analysis notebooks headless and check that their charts rendered.

    python -m pipeline.evaluation.notebooks [--db data/processed/plans.duckdb]
                                            [--out data/processed/notebooks]

Why: a notebook that silently stops drawing (a renamed column, an empty table the code
did not expect) is only noticed by a reader. This runs each notebook against a run's
DuckDB, fails on any cell error, and counts its ``image/png`` outputs. The committed
notebooks are never modified: executed copies go to ``--out``.

The kernel is always this interpreter (ipykernel's own spec for ``sys.executable``), so
a fresh venv works without ``ipykernel install`` and a user-wide "python3" kernel
pointing at another Python cannot take its place.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from ipykernel.kernelspec import get_kernel_dict
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
# notebook → images it must draw (cascades: whole graph + one chain; compare: section
# heatmap + deadline timeline; the coverage heatmap only when the run has a parent pair)
REQUIRED_IMAGES = {"cascades.ipynb": 2, "compare.ipynb": 2}
CELL_TIMEOUT = 600


class ThisPython(KernelSpecManager):
    """Kernel specs resolved to ipykernel running on the current interpreter."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(resource_dir="", **get_kernel_dict())


@dataclass(frozen=True)
class Outcome:
    """What one executed notebook produced."""

    name: str
    path: Path
    cells: int
    images: int
    required: int

    @property
    def ok(self) -> bool:
        return self.images >= self.required


def count_images(notebook: nbformat.NotebookNode) -> int:
    """Outputs holding a PNG (matplotlib figures under the inline backend)."""
    return sum("image/png" in output.get("data", {})
               for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.get("outputs", []))


def execute(source: Path, db: Path, out: Path, focus: str = "") -> Outcome:
    """Execute ``source`` against ``db`` in its own folder; write the executed copy to ``out``.

    Raises nbclient's ``CellExecutionError`` when a cell fails.
    """
    notebook = nbformat.read(source, as_version=4)
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=ThisPython())
    client = NotebookClient(notebook, km=manager, timeout=CELL_TIMEOUT,
                            resources={"metadata": {"path": str(source.parent)}})
    env = {**os.environ, "PLANS_DB": str(db.resolve()), "PLANS_FOCUS": focus,
           "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    client.execute(env=env)
    out.mkdir(parents=True, exist_ok=True)
    target = out / source.name
    nbformat.write(notebook, target)
    return Outcome(source.name, target, len(notebook.cells), count_images(notebook),
                   REQUIRED_IMAGES.get(source.name, 0))


def run_all(db: Path, out: Path, notebooks: Path = NOTEBOOKS, focus: str = "") -> list[Outcome]:
    """Execute every notebook of ``notebooks`` (sorted) against ``db``."""
    if not db.is_file():
        raise FileNotFoundError(f"{db}: no database; run `plans run data/raw --out "
                                f"{db.parent}` first")
    return [execute(path, db, out, focus) for path in sorted(notebooks.glob("*.ipynb"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("data/processed/plans.duckdb"),
                        help="plans.duckdb of the run to analyse")
    parser.add_argument("--out", type=Path, default=Path("data/processed/notebooks"),
                        help="folder for the executed copies")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS,
                        help="folder of the notebooks to run")
    parser.add_argument("--focus", default="", help="doc_id the cascade notebook follows")
    args = parser.parse_args(argv)
    try:
        outcomes = run_all(args.db, args.out, args.notebooks, args.focus)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for o in outcomes:
        status = "ok" if o.ok else f"MISSING IMAGES (needs {o.required})"
        print(f"{o.name:<18} {o.cells:>3} cells {o.images:>2} images  {status}  → {o.path}")
    return 0 if outcomes and all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
