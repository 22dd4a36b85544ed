"""The `plans` command: mine a folder of Vietnamese plans into tables.

    plans run data/raw --out data/processed
    plans diff data/raw/001_9ee4dba2b0b7b334.txt
    plans export --xlsx report.xlsx --from data/processed
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from pipeline.options import RunOptions

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Mine Vietnamese government plans (Kế hoạch): read PDFs, scans, Word and text files, "
         "repair damaged Vietnamese, find the header, outline, legal references, deadlines, "
         "responsible bodies and criteria, and write CSV tables, a DuckDB database and the "
         "repaired text.",
)
console = Console(stderr=True)


@app.command()
def run(
    inputs: list[Path] = typer.Argument(..., help="Files or folders of plans (.pdf .docx .txt "
                                                  ".md and images); folders are read recursively."),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o",
                             help="Folder for the tables, plans.duckdb and text/."),
    workers: int = typer.Option(RunOptions().workers, help="Processes to spread documents over."),
    progress: bool = typer.Option(True, help="Show a progress bar."),
) -> None:
    """Process every plan in INPUTS and write the tables to --out.

    A file that cannot be read (empty, corrupt, encrypted, not Vietnamese) gets
    one row in errors.csv with the reason; the other documents are complete.
    """
    from pipeline.run import run as run_pipeline

    try:
        summary = run_pipeline(inputs, out, RunOptions(workers=workers, progress=progress))
    except ValueError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from err
    console.print(f"{summary.documents} documents, {summary.pages} pages, {summary.errors} errors, "
                  f"{summary.seconds:.1f} s → {out}")


@app.command()
def diff(file: Path = typer.Argument(..., help="A plan file to show the repairs of.")) -> None:
    """Show what the repair stage changes in FILE, as a unified diff."""
    from pipeline.ingest import IngestError, read_source
    from pipeline.repair import repair
    from pipeline.repair.diff import repair_diff

    try:
        source = read_source(file)
    except IngestError as err:
        console.print(f"[red]cannot read {file}:[/red] {err}")
        raise typer.Exit(1) from err
    typer.echo(repair_diff(source, repair(source)))


@app.command()
def export(
    xlsx: Path = typer.Option(..., "--xlsx", help="Workbook to write (one sheet per table)."),
    source: Path = typer.Option(Path("data/processed"), "--from",
                                help="Output folder of a previous `plans run`."),
) -> None:
    """Write the tables of a run to an Excel workbook for auditors."""
    import pandas as pd

    from pipeline.export.workbook import write_workbook

    tables = {p.stem: pd.read_csv(p, encoding="utf-8-sig", dtype=str, keep_default_na=False)
              for p in sorted(source.glob("*.csv"))}
    if not tables:
        console.print(f"[red]no tables in {source}:[/red] run `plans run` first")
        raise typer.Exit(1)
    write_workbook(tables, xlsx)
    console.print(f"{len(tables)} sheets → {xlsx}")


if __name__ == "__main__":
    app()
