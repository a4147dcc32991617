from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kankei.analysis.series import dyad_series
from kankei.cli.common import db_option, optional_actor_code
from kankei.cli.tables import series_table
from kankei.extract.cameo import load_codebook
from kankei.stamp import package_stamp, same_package
from kankei.store import Store


@click.command("summary")
@click.argument("a", required=False, callback=optional_actor_code)
@click.argument("b", required=False, callback=optional_actor_code)
@db_option
def summary_command(a: str | None, b: str | None, db: Path) -> None:
    """What the store holds: counts, events per CAMEO root, and with two actor codes A B
    (e.g. USA SUN) their series by year; says when documents were coded by another kankei."""
    if (a is None) != (b is None):
        raise click.UsageError("give two actor codes A B (e.g. USA SUN), or none")
    codebook = load_codebook()
    with Store(db, read_only=True) as store:
        counts = store.counts()
        roots = store.root_counts()
        series = dyad_series(store, a, b, fill=False) if a and b else None
        stamps = store.coding_stamps()
    console = Console()
    console.print(
        f"documents {counts['documents']}  sentences {counts['sentences']}  "
        f"events {counts['events']}"
    )
    older = sum(n for stamp, n in stamps if not same_package(stamp))
    if older:
        console.print(
            f"[yellow]{older} of {counts['documents']} documents were coded by another kankei "
            f"version (this is {package_stamp()}): `kankei ingest --recode --db {db}` codes "
            "them again[/yellow]",
            highlight=False,
        )
    table = Table(title="events per CAMEO root")
    for col in ("root", "name", "events"):
        table.add_column(col)
    for root, n in roots:
        table.add_row(root, codebook.get(root).name.title(), str(n))
    console.print(table)
    if series is None:
        return
    for title, points in ((f"{a} → {b}", series.ab), (f"{b} → {a}", series.ba)):
        rows = [p.to_dict() for p in points if p.events]
        console.print(series_table(f"{title} by year", rows))
