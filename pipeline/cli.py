"""The `plans` command: mine a folder of Vietnamese plans into tables.

    plans run data/raw --out data/processed
    plans diff data/raw/001_9ee4dba2b0b7b334.txt
    plans export --xlsx report.xlsx --from data/processed
    plans report --from data/processed
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from pipeline.ingest.options import Limits
from pipeline.options import RunOptions

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Mine Vietnamese government plans (Kế hoạch): read PDFs, scans, Word and text files, "
         "repair damaged Vietnamese, find the header, outline, legal references, deadlines, "
         "responsible bodies and criteria, and write CSV tables, a DuckDB database and the "
         "repaired text.",
)
console = Console(stderr=True, soft_wrap=True)  # messages stay one line for logs and grep


@app.command()
def run(
    inputs: list[Path] = typer.Argument(..., help="Files or folders of plans (.pdf .docx .doc .txt "
                                                  ".md and images); folders are read recursively."),
    out: str = typer.Option("data/processed", "--out", "-o",
                            help="Folder for the tables, plans.duckdb and text/ (replaced as a whole)."),
    workers: int = typer.Option(RunOptions().workers, min=1,
                                help="Processes to spread documents over (at most the cores)."),
    progress: bool = typer.Option(True, help="Show a progress bar."),
    timeout: float = typer.Option(RunOptions().timeout, min=1,
                                  help="Seconds one document may take, reading and mining."),
    max_memory: int = typer.Option(RunOptions().max_memory_mb, "--max-memory", min=50,
                                   help="MiB of memory one worker may use (with its OCR engine)."),
    max_pages: int = typer.Option(Limits().max_pages, min=1,
                                  help="Pages (or image frames) one document may have."),
    max_page_pixels: int = typer.Option(Limits().max_page_pixels, min=1,
                                        help="Pixels of a page to OCR, at 300 dpi."),
    max_unzipped_mb: int = typer.Option(Limits().max_unzipped_mb, "--max-unzipped-mb", min=1,
                                        help="MiB a Word file may unzip to."),
    report: bool = typer.Option(True, help="Also write the HTML evidence report (report/index.html)."),
    scheduler: str = typer.Option(None, "--scheduler",
                                  help="Run the documents on a Dask cluster (tcp://HOST:8786) "
                                       "instead of local worker processes."),
    cache: bool = typer.Option(True, help="Re-use the rows of documents unchanged since an earlier "
                                          "run (--no-cache mines every document)."),
    cache_dir: str = typer.Option(None, "--cache-dir",
                                  help="Folder of the run cache (default .<out>.cache beside --out)."),
) -> None:
    """Process every plan in INPUTS and write the tables to --out.

    A file that cannot be read (empty, corrupt, encrypted, not Vietnamese, over a
    limit) gets one row in errors.csv with the reason; the other documents are
    complete. The output folder is replaced only when the whole output is written;
    a run that fails keeps the previous output and exits non-zero.
    """
    from pipeline.export.publish import ExportError
    from pipeline.run import run as run_pipeline

    options = RunOptions(workers=workers, progress=progress, timeout=timeout,
                         max_memory_mb=max_memory,
                         limits=Limits(max_pages, max_page_pixels, max_unzipped_mb),
                         scheduler=scheduler, cache=cache, cache_dir=cache_dir)
    try:
        summary = run_pipeline(inputs, out, options, note=lambda m: console.print(f"note: {m}"))
    except ValueError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from err
    except (OSError, ExportError) as err:
        console.print(f"[red]error:[/red] the output could not be written ({_cause(err)}); "
                      f"the previous output in {out} is unchanged")
        raise typer.Exit(1) from err
    except KeyboardInterrupt:
        console.print(f"interrupted: nothing was written; the previous output in {out} is unchanged")
        raise typer.Exit(130) from None
    reused = f" ({summary.reused} unchanged, from the cache)" if summary.reused else ""
    console.print(f"{summary.documents} documents{reused}, {summary.pages} pages, "
                  f"{summary.errors} errors, {summary.seconds:.1f} s → {out}")
    _report_after_run(out, report)


def _report_after_run(out: str, write: bool) -> None:
    """The report of the run just published; if it fails, the tables stand: say so, exit 0."""
    from pipeline.report import report_run

    try:
        done = report_run(out, write=write, note=lambda m: console.print(f"note: {m}"))
    except Exception as err:  # noqa: BLE001 — the run's tables are written whatever happens here
        console.print(f"[yellow]warning:[/yellow] the report could not be written ({_cause(err)}); "
                      f"the tables in {out} are complete")
        return
    if done:
        console.print(f"report: {done.folder / 'index.html'} "
                      f"({done.bytes // 1024} KiB, {done.seconds:.1f} s)")


def _cause(err: Exception) -> str:
    """One line: the system's words for an OSError ("No space left on device")."""
    if isinstance(err, OSError) and err.strerror:
        return f"{err.strerror}: {err.filename}" if err.filename else err.strerror
    return str(err).splitlines()[0] if str(err) else err.__class__.__name__


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
    from pipeline.export.csv_files import read_csv
    from pipeline.export.workbook import write_workbook

    tables = {p.stem: read_csv(p) for p in sorted(source.glob("*.csv"))}
    if not tables:
        console.print(f"[red]no tables in {source}:[/red] run `plans run` first")
        raise typer.Exit(1)
    write_workbook(tables, xlsx)
    console.print(f"{len(tables)} sheets → {xlsx}")


@app.command("report")
def report_command(
    source: Path = typer.Option(Path("data/processed"), "--from",
                                help="Output folder of a previous `plans run`."),
    out: Path = typer.Option(None, "--out", help="Folder for the report (default: report/ in --from)."),
) -> None:
    """Write the evidence report of a run: static HTML pages that open from disk in any
    browser (the run, each document with its rows highlighted, repairs, comparisons)."""
    from pipeline.report import report_run

    if not (source / "plans.csv").is_file():
        console.print(f"[red]no run in {source}:[/red] run `plans run` first")
        raise typer.Exit(1)
    try:
        done = report_run(source, out, note=lambda m: console.print(f"note: {m}"))
    except (OSError, ValueError) as err:
        console.print(f"[red]error:[/red] the report could not be written ({_cause(err)})")
        raise typer.Exit(1) from err
    assert done is not None  # a summary whenever the report is written
    console.print(f"{done.documents} documents, {done.rows} rows highlighted"
                  + (f" ({done.unplaced} outside their text)" if done.unplaced else "")
                  + f", {done.bytes // 1024} KiB, {done.seconds:.1f} s → {done.folder / 'index.html'}")


if __name__ == "__main__":
    app()
