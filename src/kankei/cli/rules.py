from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from kankei.extract.order import rule_table


@click.command("rules")
@click.option("--ids", "ids_only", is_flag=True, help="Print the ids only, one a line.")
def rules_command(ids_only: bool) -> None:
    """List the extraction rules in the order they run, each with its example.

    Any of them can be switched off with `kankei ingest --disable-rule ID`."""
    table = rule_table()
    if ids_only:
        for rule_id, _ in table:
            click.echo(rule_id)
        return
    out = Table(title=f"{len(table)} extraction rules, in the order they run")
    out.add_column("id", no_wrap=True)
    out.add_column("example → coding")
    for rule_id, example in table:
        out.add_row(rule_id, example)
    Console().print(out)
