from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from kankei.cli.common import db_option
from kankei.cli.tables import series_table
from kankei.store import Store


@click.command("series")
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(["year", "month"]), default="year", show_default=True)
@click.option("--all-modes", is_flag=True, help="Include negated and non-asserted events.")
def series_command(a: str, b: str, db: Path, by: str, all_modes: bool) -> None:
    """Event counts and Goldstein sum/mean for A -> B per period."""
    with Store(db, read_only=True) as store:
        rows = store.series(a, b, by=by, asserted_only=not all_modes)
    Console().print(series_table(f"{a} → {b}", rows))
