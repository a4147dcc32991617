from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kankei.analysis.series import dyad_series
from kankei.cli.common import db_option
from kankei.cli.tables import series_table
from kankei.extract.cameo import load_codebook
from kankei.store import Store


@click.command("summary")
@click.argument("a", required=False, default="USA")
@click.argument("b", required=False, default="SUN")
@db_option
def summary_command(a: str, b: str, db: Path) -> None:
    """What the store holds: counts, events per CAMEO root, the A->B and B->A series by year."""
    codebook = load_codebook()
    with Store(db, read_only=True) as store:
        counts = store.counts()
        roots = store.root_counts()
        series = dyad_series(store, a, b, fill=False)
    console = Console()
    console.print(
        f"documents {counts['documents']}  sentences {counts['sentences']}  "
        f"events {counts['events']}"
    )
    table = Table(title="events per CAMEO root")
    for col in ("root", "name", "events"):
        table.add_column(col)
    for root, n in roots:
        table.add_row(root, codebook.get(root).name.title(), str(n))
    console.print(table)
    for title, points in ((f"{a} → {b}", series.ab), (f"{b} → {a}", series.ba)):
        rows = [p.to_dict() for p in points if p.events]
        console.print(series_table(f"{title} by year", rows))
