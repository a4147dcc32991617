from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from kankei.cli.common import db_option
from kankei.pipeline import ingest
from kankei.settings import Settings


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            dt.datetime.strptime(value, fmt)
            return value
        except ValueError:
            continue
    raise click.BadParameter("use YYYY-MM-DD, YYYY-MM or YYYY")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("--doc-date", callback=_check_date, help="Date anchoring relative dates (news).")
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra actor dictionary (YAML, same format); wins over the bundled one.",
)
@click.option(
    "--predicates",
    "predicate_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra predicate lexicon (YAML); wins over the bundled one.",
)
@click.option("--batch-size", default=64, show_default=True, help="Sentences per parser batch.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest_command(
    paths: tuple[Path, ...],
    db: Path,
    doc_date: str | None,
    actor_files: tuple[Path, ...],
    predicate_files: tuple[Path, ...],
    batch_size: int,
    quiet: bool,
) -> None:
    """Read documents (.txt .md .html, folders recursively), code their events, store them."""
    settings = Settings(
        db=db,
        doc_date=doc_date,
        actor_files=actor_files,
        predicate_files=predicate_files,
        batch_size=batch_size,
    )
    console = Console(stderr=True)
    started = time.perf_counter()
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        TimeRemainingColumn(),
        console=console,
        disable=quiet,
    )
    task = None

    def on_start(total: int) -> None:
        nonlocal task
        task = progress.add_task("ingest", total=total, name="loading parser…")

    def on_document(path: str, status: str) -> None:
        if task is not None:
            progress.update(task, advance=1, name=Path(path).name[:40])

    with progress:
        report = ingest(list(paths), settings, on_start=on_start, on_document=on_document)
    elapsed = time.perf_counter() - started
    for _path, message in report.failed:
        console.print(f"[red]skipped[/red] {message}", highlight=False)
    click.echo(
        f"stored {len(report.stored)} document(s), {report.sentences} sentences, "
        f"{report.events} events; {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} skipped; {elapsed:.1f} s -> {db}"
    )
    raise SystemExit(report.exit_code)
