from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kankei.cli.common import db_option, limit_option
from kankei.store import Store


@click.command("actors")
@db_option
@click.option(
    "--unknown",
    is_flag=True,
    help="Names no dictionary entry coded, with counts and an example sentence.",
)
@limit_option(50, "actors or names")
def actors_command(db: Path, unknown: bool, limit: int) -> None:
    """Actor codes in the store, or (--unknown) the names that nothing coded.

    Add the names you want coded to a YAML file in the format of the bundled dictionaries
    and pass it to `kankei ingest --actors FILE`."""
    with Store(db, read_only=True) as store:
        rows = store.unknown_mentions(limit) if unknown else store.actor_counts(limit)
    console = Console()
    if unknown:
        table = Table(title="uncoded names (most frequent first)")
        for col in ("name", "kind", "mentions", "documents", "example"):
            table.add_column(col, overflow="fold")
        for r in rows:
            example = r["example"]
            at = max(example.find(r["name"]), 0)
            snippet = example[max(at - 25, 0) : at + len(r["name"]) + 25]
            table.add_row(r["name"], r["kind"], str(r["n"]), str(r["documents"]), snippet)
    else:
        table = Table(title="actors in the events")
        for col in ("code", "as source", "as target", "total"):
            table.add_column(col, justify="right")
        for r in rows:
            table.add_row(r["code"], str(r["as_source"]), str(r["as_target"]), str(r["total"]))
    console.print(table)
