"""The kankei command line: a thin layer over the library. Errors become messages here."""

from __future__ import annotations

import click

from kankei import __version__
from kankei.cli.actors import actors_command
from kankei.cli.common import KankeiGroup
from kankei.cli.eval import eval_command
from kankei.cli.events import events_command
from kankei.cli.export import export_command
from kankei.cli.ingest import ingest_command
from kankei.cli.phases import phases_command
from kankei.cli.report import report_command
from kankei.cli.rules import rules_command
from kankei.cli.series import series_command
from kankei.cli.serve import serve_command
from kankei.cli.summary import summary_command


@click.group(cls=KankeiGroup)
@click.version_option(__version__, prog_name="kankei")
def cli() -> None:
    """Turn Japanese writing about international relations into coded event data."""


for command in (
    ingest_command,
    export_command,
    events_command,
    series_command,
    summary_command,
    eval_command,
    actors_command,
    phases_command,
    report_command,
    serve_command,
    rules_command,
):
    cli.add_command(command)


def main() -> None:
    cli()
