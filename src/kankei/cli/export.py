from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from kankei.cli.common import db_option
from kankei.errors import ExportError
from kankei.store import Store
from kankei.store.db import EXPORT_FIELDS


@click.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: standard output; required for parquet).",
)
def export_command(db: Path, fmt: str, out: Path | None) -> None:
    """Write every stored event, one record each."""
    if fmt == "parquet" and out is None:
        raise ExportError("parquet needs --out FILE")
    with Store(db, read_only=True) as store:
        if fmt == "parquet":
            assert out is not None
            count = store.export_parquet(out)
        else:
            rows = store.export_rows()
            count = len(rows)
            stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
            try:
                if fmt == "jsonl":
                    for row in rows:
                        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
                else:
                    writer = csv.DictWriter(stream, fieldnames=EXPORT_FIELDS)
                    writer.writeheader()
                    # (a CSV cell holds the fired rules' ids separated by spaces)
                    writer.writerows({**r, "rules": " ".join(r["rules"])} for r in rows)
            finally:
                if out:
                    stream.close()
    if out:
        click.echo(f"wrote {count} events to {out}", err=True)
