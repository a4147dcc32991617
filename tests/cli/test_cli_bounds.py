"""Arguments out of range get a message, never a traceback or a silent "all"; actor codes are
read in any case, as the dyad commands read them."""

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from kankei.cli import cli
from kankei.serve.app import create_app
from tests.synthetic import build_store

ROWS = [{"date": "1962", "code": "111"}, {"date": "1963", "code": "040"}]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("bounds") / "b.duckdb", {"a.txt": ROWS})


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--limit", "-1"],
        ["events", "--limit", "0"],
        ["actors", "--limit", "-5"],
        ["actors", "--unknown", "--limit", "0"],
    ],
)
def test_a_limit_below_one_is_refused_with_a_message(db, args):
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert result.exit_code == 2
    assert "--limit" in result.output and "Traceback" not in result.output


def test_events_read_actor_codes_in_any_case(db):
    lower = CliRunner().invoke(cli, ["events", "--source", "usa", "--db", str(db)])
    upper = CliRunner().invoke(cli, ["events", "--source", "USA", "--db", str(db)])
    assert lower.exit_code == 0 and lower.output == upper.output and "111" in lower.output
    bad = CliRunner().invoke(cli, ["events", "--source", "U S", "--db", str(db)])
    assert bad.exit_code == 2 and "is not an actor code" in bad.output


@pytest.mark.parametrize("path", ["/api/documents", "/api/events"])
def test_a_huge_offset_is_a_4xx_not_a_500(db, path):
    with TestClient(create_app(db)) as client:
        response = client.get(path, params={"offset": "99999999999999999999"})
    assert 400 <= response.status_code < 500
    assert "offset" in str(response.json()["detail"])
