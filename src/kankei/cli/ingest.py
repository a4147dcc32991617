from __future__ import annotations

import datetime as dt
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from kankei.cli.common import db_option
from kankei.engines import ingest
from kankei.engines.recode import recode as recode_store
from kankei.extract.order import all_rule_ids
from kankei.extract.registry import check_rule_ids
from kankei.ingest import discover
from kankei.pipeline import IngestReport
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
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
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
@click.option(
    "--disable-rule",
    "disabled_rules",
    multiple=True,
    metavar="ID",
    help="Switch an extraction rule off (repeatable); `kankei rules` lists the ids.",
)
@click.option(
    "--argument-model",
    is_flag=True,
    help="Let the trained argument chooser fill the targets the rules leave unfilled "
    "(off by default: on the test gold it did not beat the rules alone).",
)
@click.option("--batch-size", default=64, show_default=True, help="Sentences per parser batch.")
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Parser processes (local engine); this process alone writes the store.",
)
@click.option(
    "--chunk-chars",
    default=30_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Characters read and parsed as one stream (memory vs. fuller parser batches).",
)
@click.option(
    "--no-fast-path",
    "slow",
    is_flag=True,
    help="Parse every sentence with GiNZA's full pipeline (NER included), as a reference.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: this machine; ray: a Ray cluster (or a local Ray instance).",
)
@click.option("--address", help="Ray cluster to join (HOST:PORT); without it Ray starts locally.")
@click.option(
    "--shards",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the Ray engine's Parquet shards [default: DB.shards beside the DB].",
)
@click.option(
    "--recode",
    is_flag=True,
    help="Code again, from the text the store keeps, the stored documents coded by another "
    "kankei version or with other dictionaries, rules or document date (no PATHS).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--verbose", "-v", is_flag=True, help="Print each document's outcome as it ends.")
def ingest_command(
    paths: tuple[Path, ...],
    db: Path,
    doc_date: str | None,
    actor_files: tuple[Path, ...],
    predicate_files: tuple[Path, ...],
    disabled_rules: tuple[str, ...],
    argument_model: bool,
    batch_size: int,
    jobs: int,
    chunk_chars: int,
    slow: bool,
    engine: str,
    address: str | None,
    shards: Path | None,
    recode: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Read documents (.txt .md .html, folders recursively), code their events, store them.

    A run that was stopped, run again, skips the documents already stored — unless they were
    coded by another kankei version or with other dictionaries, rules or document date: those
    are coded again. `--recode` (without PATHS) does that for every stored document, from
    the text the store keeps."""
    if recode == bool(paths):
        raise click.UsageError(
            "give PATHS to ingest, or --recode alone to re-code the stored documents"
        )
    settings = Settings(
        db=db,
        doc_date=doc_date,
        actor_files=actor_files,
        predicate_files=predicate_files,
        disabled_rules=check_rule_ids(disabled_rules, all_rule_ids()),
        argument_model=argument_model,
        batch_size=batch_size,
        fast=not slow,
        ner=slow,
        jobs=jobs,
        chunk_chars=chunk_chars,
    )
    console = Console(stderr=True)
    started = time.perf_counter()
    # progress counts the bytes of the files done, not only files: one 20 MB file among
    # small ones is most of the work
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[files]} files"),
        TextColumn("{task.fields[name]}"),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=quiet,
    )
    task = None
    sizes = _sizes(paths)
    done = files = 0

    def on_start(total: int) -> None:
        nonlocal task, files
        files = total
        size = sum(sizes.values()) if sizes else total
        task = progress.add_task("ingest", total=size, files=f"0/{total}", name="loading…")

    def on_document(path: str, status: str) -> None:
        nonlocal done
        done += 1
        if task is not None:
            step = sizes.get(path, 0 if sizes else 1)
            name = Path(path).name[:40]
            progress.update(task, advance=step, name=name, files=f"{done}/{files}")
        if verbose:
            click.echo(f"{status} {path}")

    with progress, _sigterm_as_interrupt():
        if recode:
            report = recode_store(settings, on_start=on_start, on_document=on_document)
        else:
            report = ingest(
                list(paths),
                settings,
                engine=engine,
                address=address,
                shards=shards,
                on_start=on_start,
                on_document=on_document,
            )
    elapsed = time.perf_counter() - started
    for _path, message in report.failed:
        console.print(f"[red]skipped[/red] {message}", highlight=False)
    _say_what_was_left(report, verbose)
    duplicates = f"{len(report.duplicates)} duplicate(s), " if report.duplicates else ""
    click.echo(
        f"{'re-coded' if recode else 'stored'} {len(report.stored)} document(s), "
        f"{report.sentences} sentences, "
        f"{report.events} events; {len(report.unchanged)} unchanged, {duplicates}"
        f"{len(report.failed)} skipped; {elapsed:.1f} s -> {db}"
    )
    if report.interrupted:
        click.secho(
            f"interrupted: {len(report.stored)} document(s) stored whole this run; run the "
            "same command again to go on from there",
            fg="yellow",
            err=True,
        )
    raise SystemExit(report.exit_code)


def _sizes(paths: tuple[Path, ...]) -> dict[str, int]:
    """The size in bytes of each file an ingest will see, by the path it reports."""
    out: dict[str, int] = {}
    for path in discover(paths):
        try:
            out[str(path)] = path.stat().st_size
        except OSError:
            out[str(path)] = 0  # (reading it will report the problem)
    return out


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM (a kill, a service stop) ends a run the way Ctrl-C does: the documents stored
    stay, the workers stop, the summary is printed."""
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _say_what_was_left(report: IngestReport, verbose: bool) -> None:
    """Files of the folders given that were not read, and files whose text is stored under
    another file's name: said, not passed over."""
    if report.not_read:
        kinds = sorted({Path(p).suffix or "(no suffix)" for p in report.not_read})
        click.echo(
            f"not read: {len(report.not_read)} file(s) of other types ({', '.join(kinds)});"
            " kankei reads .txt, .md, .html and .htm" + ("" if verbose else " (-v lists them)"),
            err=True,
        )
        if verbose:
            for path in report.not_read:
                click.echo(f"  not read {path}", err=True)
    for path, twin in report.duplicates:
        click.echo(f"same text as {twin}, stored once: {path}", err=True)
    for path, note in report.notes:
        click.echo(f"note: {path}: {note}", err=True)
