from __future__ import annotations

import gc
import socket
from pathlib import Path

import click

from kankei.cli.common import db_option
from kankei.errors import KankeiError

# at most this many connections and requests at once; beyond, a 503 (stalled clients are
# dropped after REQUEST_TIMEOUT, so they cannot hold the slots for long)
LIMIT_CONCURRENCY = 64
# seconds an idle kept-alive connection stays open
KEEP_ALIVE = 5


class ServeError(KankeiError):
    """The server could not listen on that address."""


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, before anything is printed: a port in use is one line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise ServeError(str(exc), path=f"{host}:{port}") from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ServeError(exc.strerror or str(exc), path=f"{host}:{port}") from exc
    return sock


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host is NAME, with any port (repeatable; '*': any). "
    "By default only the --host, localhost, 127.0.0.1 and [::1] with the port are answered.",
)
def serve_command(db: Path, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """Serve the read-only HTTP API (/api, docs at /docs) and the web explorer (/)."""
    import uvicorn

    from kankei.serve.app import create_app
    from kankei.serve.security import BoundedH11Protocol, HostRule

    app = create_app(db, HostRule.local(host, port, allow_hosts))
    sock = bind(host, port)
    config = uvicorn.Config(
        app,
        log_level="warning",
        http=BoundedH11Protocol,
        timeout_keep_alive=KEEP_ALIVE,
        limit_concurrency=LIMIT_CONCURRENCY,
    )
    # the dictionaries and the codebook live as long as the server: kept out of the
    # collector's full passes, which a long series' thousands of objects set off
    gc.freeze()
    click.echo(f"kankei explorer: http://{host}:{port}/   API docs: http://{host}:{port}/docs")
    uvicorn.Server(config).run(sockets=[sock])
