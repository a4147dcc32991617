"""Issue 16: bounded cost per request (phases), the Host allow-list, the security headers of
every response, no ingest path in answers, and a deadline on reading a request."""

import socket
import threading
import time

import numpy as np
import pytest
import ruptures
import uvicorn
from fastapi.testclient import TestClient

from kankei.analysis.phases import MAX_PHASES, PhaseSettings, find_phases, pelt_l2
from kankei.errors import QueryError
from kankei.serve import app as app_module
from kankei.serve.app import create_app
from kankei.serve.security import CSP, DOCS_CSP, BoundedH11Protocol, HostRule
from kankei.store import Store
from tests.synthetic import build_store

# one event a year, hostile and cooperative in turn: with a tiny penalty every year is a phase
SEESAW = [{"date": str(y), "code": "190" if y % 2 else "057"} for y in range(1900, 1960)]
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("hardening") / "h.duckdb", {"a.txt": SEESAW})


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("penalty", ["0", "-1", "0.01", "nan", "inf", "-inf", "1e308"])
def test_a_penalty_out_of_bounds_is_refused(client, penalty):
    response = client.get("/api/phases", params={"a": "USA", "b": "SUN", "penalty": penalty})
    assert response.status_code == 422
    assert "penalty" in str(response.json()["detail"])


def test_too_many_phases_are_refused_before_their_top_events_are_read(client):
    params = {"a": "USA", "b": "SUN", "penalty": 0.1}
    response = client.get("/api/phases", params=params)
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert f"more than {MAX_PHASES}" in detail and "larger penalty" in detail
    fine = client.get("/api/phases", params={**params, "penalty": 1000})
    assert fine.status_code == 200 and len(fine.json()["phases"]) == 1


def test_a_series_longer_than_the_cap_is_refused(db):
    with Store(db, read_only=True) as store:
        with pytest.raises(QueryError, match="60 periods with events"):
            find_phases(store, "USA", "SUN", PhaseSettings(max_periods=59))
        assert find_phases(store, "USA", "SUN", PhaseSettings(max_periods=60, penalty=1e6))


@pytest.mark.parametrize("penalty", [float("nan"), float("inf"), -1.0, 0.0, 2e6])
def test_phase_settings_refuse_the_same_penalties(penalty):
    with pytest.raises(QueryError, match="penalty"):
        PhaseSettings(penalty=penalty)


def test_pelt_finds_what_ruptures_finds():
    rng = np.random.default_rng(16)
    for n in (2, 3, 10, 57, 200):
        for penalty in (0.1, 1.0, 5.0, 40.0, 1e6):
            signal = np.concatenate([rng.normal(m, 1.5, n) for m in (-6, 2, 7)])
            expected = ruptures.Pelt(model="l2", min_size=1, jump=1).fit(signal[:, None])
            assert pelt_l2(signal, penalty) == expected.predict(pen=penalty)


def test_pelt_is_fast_on_a_long_series():
    signal = np.random.default_rng(1).normal(0, 2, 2400)
    started = time.perf_counter()
    assert pelt_l2(signal, 1e6) == [2400]  # no pruning at all: the worst case
    assert time.perf_counter() - started < 1.0


def test_hosts_outside_the_allow_list_get_a_400(db):
    app = create_app(db, HostRule.local("127.0.0.1", 8000, ["kankei.lan"]))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        for host in (
            "127.0.0.1:8000",
            "localhost:8000",
            "[::1]:8000",
            "kankei.lan",
            "KANKEI.lan:80",
        ):
            assert c.get("/api/meta", headers={"Host": host}).status_code == 200, host
        for host in ("evil.example:8000", "localhost:8001", "127.0.0.1", "", "testserver"):
            response = c.get("/api/meta", headers={"Host": host})
            assert response.status_code == 400, host
            assert "--allow-host" in response.json()["detail"]
            assert response.headers["Content-Security-Policy"] == CSP
        # the offline API docs are served under the same rule
        for path in ("/docs", "/redoc"):
            page = c.get(path)
            assert page.status_code == 200
            assert page.headers["Content-Security-Policy"] == DOCS_CSP
        assert c.get("/vendor/docs/swagger-ui-bundle.js").status_code == 200


def test_port_80_and_any_host():
    assert HostRule.local("localhost", 80).allows("localhost")
    assert not HostRule.local("localhost", 8000).allows("localhost")
    assert HostRule.local("::1", 8000).allows("[::1]:8000")
    assert HostRule.local("127.0.0.1", 8000, ["*"]).allows("anything:1")


def test_every_response_carries_the_security_headers(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app_module, "overview", broken)
    answers = {
        200: client.get("/api/meta"),
        404: client.get("/no/such/page"),
        422: client.get("/api/events", params={"limit": 0}),
        400: client.get("/api/events", params={"from": 1990, "to": 1980}),
        500: client.get("/api/overview"),
    }
    for status, response in answers.items():
        assert response.status_code == status
        assert response.headers["Content-Security-Policy"] == CSP, status
        for name, value in HEADERS.items():
            assert response.headers[name] == value, (status, name)
    error = answers[500]
    assert error.headers["content-type"] == "application/json"
    assert "secret internals" not in error.text and "Traceback" not in error.text
    assert "server's log" in error.json()["detail"]


def test_documents_show_no_ingest_path(client):
    listing = client.get("/api/documents").json()["items"]
    doc = client.get(f"/api/documents/{listing[0]['doc_id']}").json()
    assert "path" not in doc and doc["name"] == "a.txt"
    assert all("path" not in item for item in listing)


def _start(db, protocol):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, log_level="warning", http=protocol
    )
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return server, port


def test_a_stalled_request_is_dropped(db, monkeypatch):
    monkeypatch.setattr(BoundedH11Protocol, "request_timeout", 0.5)
    server, port = _start(db, BoundedH11Protocol)
    try:
        address = ("127.0.0.1", port)
        with (
            socket.create_connection(address, timeout=5) as silent,
            socket.create_connection(address, timeout=5) as half,
        ):
            half.sendall(b"GET /api/meta HTTP/1.1\r\nHost: 127.0")  # and nothing more
            started = time.monotonic()
            assert half.recv(100) == b""  # closed by the server, not by our timeout
            assert silent.recv(100) == b""
            assert time.monotonic() - started < 3
        with socket.create_connection(("127.0.0.1", port), timeout=5) as whole:
            whole.sendall(b"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert whole.recv(100).startswith(b"HTTP/1.1 200")
            # kept alive after its response, then dropped when no next request comes
            assert _drain(whole) < 3
    finally:
        server.should_exit = True


def _drain(sock):
    started = time.monotonic()
    while sock.recv(65536):
        pass
    return time.monotonic() - started
