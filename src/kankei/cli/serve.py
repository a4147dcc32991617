from __future__ import annotations

import gc
from pathlib import Path

import click

from kankei.cli.common import db_option


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
def serve_command(db: Path, host: str, port: int) -> None:
    """Serve the read-only HTTP API (/api, docs at /docs) and the web explorer (/)."""
    import uvicorn

    from kankei.serve.app import create_app

    app = create_app(db)
    # the dictionaries and the codebook live as long as the server: kept out of the
    # collector's full passes, which a long series' thousands of objects set off
    gc.freeze()
    click.echo(f"kankei explorer: http://{host}:{port}/   API docs: http://{host}:{port}/docs")
    uvicorn.run(app, host=host, port=port, log_level="warning")
