from __future__ import annotations

from pathlib import Path

import click

from kankei.cli.common import db_option, dyad_arguments, period_option
from kankei.serve.report import MAX_REPORT_EVENTS
from kankei.store.queries import Period


@click.command("report")
@dyad_arguments
@db_option
@period_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="HTML file to write.",
)
@click.option(
    "--max-events",
    type=click.IntRange(1, MAX_REPORT_EVENTS),
    default=500,
    show_default=True,
    help=f"Events listed, 1 to {MAX_REPORT_EVENTS:,}.",
)
def report_command(a: str, b: str, db: Path, by: str, out: Path, max_events: int) -> None:
    """Write one self-contained HTML report on the A–B relationship (opens offline)."""
    from kankei.serve.report import write_report

    summary = write_report(db, a, b, out, period=Period.parse(by), max_events=max_events)
    click.echo(
        f"wrote {out} ({summary.events} events, {summary.phases} phases, "
        f"{summary.size / 1e6:.1f} MB)"
    )
