from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kankei.cli.common import actor_option, db_option, limit_option
from kankei.store import Store
from kankei.store.db import EventFilter


@click.command("events")
@db_option
@actor_option("--source", "Source actor code, e.g. USA (any case).")
@actor_option("--target", "Target actor code, e.g. SUN (any case).")
@click.option("--from", "year_from", type=int, help="First year.")
@click.option("--to", "year_to", type=int, help="Last year.")
@click.option("--root", help="CAMEO root code, e.g. 04.")
@limit_option(200, "events")
def events_command(
    db: Path,
    source: str | None,
    target: str | None,
    year_from: int | None,
    year_to: int | None,
    root: str | None,
    limit: int,
) -> None:
    """Print stored events as a table."""
    flt = EventFilter(
        source=source, target=target, year_from=year_from, year_to=year_to, root=root, limit=limit
    )
    with Store(db, read_only=True) as store:
        rows = store.export_rows(flt)
    table = Table(show_lines=False)
    for col in ("date", "source", "target", "code", "gs", "predicate", "sentence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        flags = " (neg)" if r["negated"] else "" if r["mode"] == "asserted" else f" ({r['mode']})"
        table.add_row(
            r["date"] or "",
            r["source"] or "",
            r["target"] or "",
            r["code"],
            f"{r['goldstein']:+.1f}",
            r["predicate"] + flags,
            r["sentence"][:80],
        )
    Console().print(table)
    click.echo(f"{len(rows)} event(s)")
