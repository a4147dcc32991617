"""Shared CLI pieces: the --db option and the one place errors become messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click

from kankei.errors import KankeiError

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("kankei.duckdb"),
    show_default=True,
    help="DuckDB file holding documents and events.",
)


def _actor_code(ctx: click.Context, param: click.Parameter, value: str) -> str:
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{2,12}", code):
        raise click.BadParameter(f"{value!r} is not an actor code (e.g. USA, SUN, RUSREB)")
    return code


def optional_actor_code(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    return None if value is None else _actor_code(ctx, param, value)


def actor_option(name: str, help_text: str) -> Any:
    """An optional actor code option, upper-cased and checked like the dyad arguments."""
    return click.option(name, callback=optional_actor_code, help=help_text)


def limit_option(default: int, what: str) -> Any:
    """--limit N: at most N rows, N ≥ 1 (0 or a negative number is refused, not "all")."""
    return click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=default,
        show_default=True,
        help=f"At most this many {what} (1 or more).",
    )


def dyad_arguments(f: Any) -> Any:
    """The two actor codes A and B of a dyad, upper-cased and checked."""
    f = click.argument("b", callback=_actor_code)(f)
    return click.argument("a", callback=_actor_code)(f)


def direction_option(default: str) -> Any:
    return click.option(
        "--direction",
        type=click.Choice(["ab", "ba", "both"]),
        default=default,
        show_default=True,
        help="Events A→B (ab), B→A (ba) or both.",
    )


period_option = click.option(
    "--by",
    default="year",
    show_default=True,
    help="Period: year, month, decade or a window of N years (e.g. 5y).",
)


class KankeiGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KankeiError as exc:
            click.secho(f"Error: {exc.message}", fg="red", err=True)
            ctx.exit(2)
