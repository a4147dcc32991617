from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from kankei.analysis.series import dyad_series
from kankei.cli.common import db_option, direction_option, dyad_arguments, period_option
from kankei.cli.tables import series_table
from kankei.store import Store
from kankei.store.queries import Period

_TITLE = {"ab": "{a} → {b}", "ba": "{b} → {a}", "both": "{a} ↔ {b}"}


@click.command("series")
@dyad_arguments
@db_option
@period_option
@direction_option("ab")
@click.option("--fill", is_flag=True, help="Show the empty periods between the first and last.")
@click.option("--all-modes", is_flag=True, help="Include negated and non-asserted events.")
def series_command(
    a: str, b: str, db: Path, by: str, direction: str, fill: bool, all_modes: bool
) -> None:
    """Event counts per QuadClass and Goldstein sum/mean between A and B per period."""
    period = Period.parse(by)
    with Store(db, read_only=True) as store:
        series = dyad_series(store, a, b, period, asserted_only=not all_modes, fill=fill)
    points = series.direction(direction)
    if not fill:
        points = tuple(p for p in points if p.events)
    title = _TITLE[direction].format(a=a, b=b) + f" by {period.name}"
    Console().print(series_table(title, [p.to_dict() for p in points]))
