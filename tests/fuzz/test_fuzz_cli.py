"""The CLI on generated arguments: a result or a usage message (exit 0 or 2), no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kankei.cli import cli
from tests.fuzz.strategies import fuzz
from tests.synthetic import build_store

ROWS = [
    {"date": "1962", "code": "111"},
    {"date": "1963", "code": "040"},
    {"date": "1979", "code": "190"},
]

values = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        [
            "",
            "-",
            "--",
            "nan",
            "inf",
            "-inf",
            "1e309",
            "0x10",
            "5y",
            "0y",
            "-3y",
            "year",
            "month",
            "decade",
            "1000000y",
            "y",
            "ｙｅａｒ",
            "１０",
            "usa",
            "USA",
        ]
    ),
    st.text(max_size=12),
)
actors = st.one_of(st.sampled_from(["USA", "SUN", "usa", "RUS"]), st.text(max_size=6))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = build_store(tmp_path_factory.mktemp("fuzzcli") / "f.duckdb", {"a.txt": ROWS})
    return path


def _check(db: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert result.exit_code in (0, 2), (args, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        result.exception,
    )
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.strip()


@fuzz(300)
@given(values, st.lists(st.sampled_from(["--from", "--to", "--root"]), max_size=1), values)
def test_events(db: Path, limit: str, extra: list[str], value: str) -> None:
    _check(db, ["events", "--limit", limit, *[a for opt in extra for a in (opt, value)]])


@fuzz(300)
@given(actors, actors, values, st.sampled_from(["ab", "ba", "both", "x"]), st.booleans())
def test_series(db: Path, a: str, b: str, by: str, direction: str, fill: bool) -> None:
    args = ["series", a, b, "--by", by, "--direction", direction]
    _check(db, [*args, "--fill"] if fill else args)


@fuzz(300)
@given(actors, actors, values, values, values)
def test_phases(db: Path, a: str, b: str, penalty: str, by: str, gap: str) -> None:
    _check(db, ["phases", a, b, "--penalty", penalty, "--by", by, "--max-gap", gap])
