from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kankei.analysis.phases import MAX_PENALTY, MIN_PENALTY, PhaseSettings, find_phases
from kankei.cli.common import db_option, direction_option, dyad_arguments, period_option
from kankei.store import Store

_COLOUR = {"cooperative": "green", "mixed": "yellow", "hostile": "red"}


@click.command("phases")
@dyad_arguments
@db_option
@period_option
@direction_option("both")
@click.option(
    "--penalty",
    type=float,
    help=f"PELT penalty, from {MIN_PENALTY:g} to {MAX_PENALTY:g} (default: σ²·log n of the "
    "series).",
)
@click.option(
    "--max-gap",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Years without events that always end a phase.",
)
@click.option("--top", type=click.IntRange(min=0), default=3, show_default=True)
def phases_command(
    a: str,
    b: str,
    db: Path,
    by: str,
    direction: str,
    penalty: float | None,
    max_gap: int,
    top: int,
) -> None:
    """Phases of the A–B relationship: change points in its Goldstein series."""
    # PhaseSettings refuses a penalty out of bounds (nan, inf, negative) as the API does
    settings = PhaseSettings.from_options(by, direction, penalty, max_gap, top)
    with Store(db, read_only=True) as store:
        phases = find_phases(store, a, b, settings)
    console = Console()
    if not phases:
        console.print(f"no dated events between {a} and {b}")
        return
    table = Table(title=f"{a} – {b} phases ({direction})")
    for col in ("from", "to", "events", "mean", "phase", "top events"):
        table.add_column(col, overflow="fold")
    for p in phases:
        tops = "\n".join(
            f"{e['date'] or e['year']} {e['source']}→{e['target']} {e['code']} {e['predicate']}"
            for e in p.top_events
        )
        colour = _COLOUR[p.label]
        table.add_row(
            p.start,
            p.end,
            str(p.events),
            f"{p.goldstein_mean:+.2f}",
            f"[{colour}]{p.label}[/{colour}]",
            tops,
        )
    console.print(table)
