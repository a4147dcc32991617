"""Issue 16: `kankei serve` binds before it speaks and sets its limits; `phases` refuses the
penalties the API refuses; `report` refuses more events than it lists."""

import socket

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi.testclient import TestClient

from kankei.cli import cli
from kankei.serve.security import BoundedH11Protocol
from tests.synthetic import build_store

ROWS = [{"date": str(y), "code": "057"} for y in range(1941, 1946)]


@pytest.fixture
def db(tmp_path):
    return build_store(tmp_path / "s.duckdb", {"a.txt": ROWS})


def test_a_port_in_use_is_one_line_and_exit_2(db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: 127.0.0.1:{port}: The server could not listen on that address. "
        "(Address already in use)"
    ]
    assert "kankei explorer" not in result.output


def test_serve_sets_timeouts_limits_and_the_host_rule(db, monkeypatch):
    seen = {}

    def run(server, sockets=None):
        seen["config"], seen["address"] = server.config, sockets[0].getsockname()
        sockets[0].close()

    monkeypatch.setattr(uvicorn.Server, "run", run)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    args = ["serve", "--db", str(db), "--port", str(port), "--allow-host", "kankei.lan"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"kankei explorer: http://127.0.0.1:{port}/")
    assert seen["address"] == ("127.0.0.1", port)
    config = seen["config"]
    assert config.http is BoundedH11Protocol
    assert config.timeout_keep_alive == 5 and config.limit_concurrency == 64
    with TestClient(config.app) as client:
        assert client.get("/api/meta", headers={"Host": "kankei.lan:8000"}).status_code == 200
        assert client.get("/api/meta", headers={"Host": "evil.example"}).status_code == 400
        assert client.get("/api/meta", headers={"Host": f"localhost:{port}"}).status_code == 200


@pytest.mark.parametrize("penalty", ["-1", "nan", "inf", "0", "1e308"])
def test_phases_refuses_the_penalties_the_api_refuses(db, penalty):
    result = CliRunner().invoke(
        cli, ["phases", "USA", "SUN", "--db", str(db), "--penalty", penalty]
    )
    assert result.exit_code == 2
    assert "penalty" in result.output and "Traceback" not in result.output


def test_phases_takes_a_penalty_within_bounds(db):
    result = CliRunner().invoke(cli, ["phases", "USA", "SUN", "--db", str(db), "--penalty", "0.1"])
    assert result.exit_code == 0 and "1941" in result.output


def test_report_refuses_more_events_than_it_lists(db, tmp_path):
    out = tmp_path / "r.html"
    args = ["report", "USA", "SUN", "--db", str(db), "--out", str(out)]
    refused = CliRunner().invoke(cli, [*args, "--max-events", "5000"])
    assert refused.exit_code == 2 and "--max-events" in refused.output
    assert "1<=x<=1000" in refused.output and not out.exists()
    done = CliRunner().invoke(cli, [*args, "--max-events", "1000"])
    assert done.exit_code == 0 and "5 events" in done.output
