"""The API on a store of real documents (the reference corpus and bench-corpus articles), not
only the three reference documents: what broke there must work."""

import csv
import io

import pytest
from fastapi.testclient import TestClient

from kankei.serve.app import create_app


@pytest.fixture(scope="module")
def client(bench_store):
    with TestClient(create_app(bench_store)) as c:
        yield c


@pytest.mark.parametrize(("q", "code"), [("ソ連", "SUN"), ("USA", "USA"), ("usa", "USA")])
def test_actor_lookup_answers_on_a_real_store(client, q, code):
    response = client.get("/api/actors", params={"q": q})
    assert response.status_code == 200
    assert code in [r["code"] for r in response.json()["items"]]


def test_every_code_of_a_real_store_can_be_looked_up(client):
    items = client.get("/api/actors", params={"limit": 500}).json()["items"]
    assert len(items) > 20
    for row in items[:40]:
        assert client.get("/api/actors", params={"q": row["code"]}).status_code == 200


def test_the_dyad_exports_as_csv(client):
    response = client.get("/api/events", params={"dyad": "USA,SUN", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:3] == ["id", "doc", "doc_id"]
    listed = client.get("/api/events", params={"dyad": "USA,SUN"}).json()["total"]
    assert len(rows) - 1 == listed > 100


def test_curve_and_undated_account_for_every_asserted_event(client):
    series = client.get("/api/series", params={"a": "USA", "b": "SUN"}).json()
    on_curve = sum(p["events"] for p in series["both"])
    asserted = client.get(
        "/api/events",
        params={"dyad": "USA,SUN", "mode": "asserted", "negated": False},
    ).json()["total"]
    assert series["undated"] > 0
    assert on_curve + series["undated"] == asserted
