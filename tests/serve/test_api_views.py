"""The explorer's views over the API: kind filters counted alike by the list, the curve and the
overview; undated events reported; the data behind a view as CSV and JSON Lines; offline docs."""

import csv
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from kankei.serve.app import create_app
from tests.synthetic import build_store

DOCS = {
    "a.txt": [
        {"date": "1961", "code": "040", "plover": "CONSULT"},
        {"date": "1961", "code": "111", "source": "SUN", "target": "USA", "plover": "ACCUSE"},
        {"date": "1962", "code": "190", "plover": "ASSAULT", "confidence": 0.5},
        {"date": "1962", "code": "057", "mode": "hypothetical", "plover": "AGREE"},
        {"date": "1963", "code": "040", "negated": True, "plover": "CONSULT"},
        {"code": "070", "plover": "AID"},  # undated
        {"code": "111", "source": "SUN", "target": "USA", "plover": "ACCUSE"},  # undated
        # a code named only through an anaphor: no words of its own in the store
        {"date": "1962", "code": "040", "source": "CUB", "source_text": "", "target": "SUN"},
    ],
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("views") / "views.duckdb", DOCS)
    with TestClient(create_app(db)) as c:
        yield c


def test_actor_lookup_works_for_a_code_without_words(client):
    response = client.get("/api/actors", params={"q": "キューバ"})
    assert response.status_code == 200
    assert [r["code"] for r in response.json()["items"]] == ["CUB"]
    for q in ("ソ連", "USA", "usa"):
        codes = [r["code"] for r in client.get("/api/actors", params={"q": q}).json()["items"]]
        assert codes and codes[0] in ("SUN", "USA")


KIND_FILTERS = [
    ({}, 3),  # asserted, not negated, dated: 040, 111, 190
    ({"quad": 4}, 1),
    ({"quad": [1, 3]}, 2),
    ({"root": "11"}, 1),
    ({"plover": "CONSULT"}, 1),
    ({"min_confidence": 0.8}, 2),
    ({"mode": ["asserted", "hypothetical"]}, 4),
]


@pytest.mark.parametrize(("filters", "on_curve"), KIND_FILTERS)
def test_the_list_and_the_curve_count_the_same_events(client, filters, on_curve):
    dyad = {"a": "USA", "b": "SUN"}
    series = client.get("/api/series", params={**dyad, **filters}).json()
    assert sum(p["events"] for p in series["both"]) == on_curve
    listed = client.get(
        "/api/events",
        params={"dyad": "USA,SUN", "negated": False, "dated": True, "mode": "asserted", **filters},
    ).json()
    assert listed["total"] == on_curve
    phases = client.get("/api/phases", params={**dyad, **filters}).json()["phases"]
    assert sum(p["events"] for p in phases) == on_curve


def test_the_series_says_how_many_events_are_undated(client):
    series = client.get("/api/series", params={"a": "USA", "b": "SUN"}).json()
    assert series["undated"] == 2
    undated = client.get(
        "/api/events",
        params={"dyad": "USA,SUN", "dated": False, "mode": "asserted", "negated": False},
    ).json()
    assert undated["total"] == 2
    by_month = client.get("/api/series", params={"a": "USA", "b": "SUN", "by": "month"}).json()
    assert by_month["undated"] == 5  # a year alone gives no month


def test_events_as_csv_have_a_header_and_every_event(client):
    response = client.get("/api/events", params={"dyad": "USA,SUN", "format": "csv", "limit": 1})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 7  # every event of the dyad, whatever the page size
    assert {"source", "target", "code", "sentence", "doc"} <= set(rows[0])
    assert rows[0]["sentence"].endswith("会談した。")


def test_events_as_jsonl_follow_the_filters(client):
    response = client.get("/api/events", params={"dyad": "USA,SUN", "format": "jsonl", "quad": 3})
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [(r["source"], r["code"]) for r in records] == [("SUN", "111"), ("SUN", "111")]


def test_the_series_as_csv(client):
    response = client.get("/api/series", params={"a": "USA", "b": "SUN", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    both = {r["period"]: int(r["events"]) for r in rows if r["direction"] == "both"}
    assert both == {"1961": 2, "1962": 1}


def test_the_overview_ranks_actors_and_dyads(client):
    body = client.get("/api/overview").json()
    assert body["dyads"][0] == {
        "a": "SUN",
        "b": "USA",
        "events": 5,  # dated or not
        "ab": 2,
        "ba": 3,
        "goldstein_mean": pytest.approx(-1.2, abs=1e-3),
    }
    codes = [a["code"] for a in body["actors"]]
    assert codes[:2] == ["SUN", "USA"] and "CUB" in codes
    assert client.get("/api/overview", params={"quad": 4}).json()["dyads"][0]["events"] == 1


def test_meta_lists_the_roots_and_plover_categories_of_the_store(client):
    meta = client.get("/api/meta").json()
    assert {r["root"] for r in meta["roots"]} == {"04", "05", "07", "11", "19"}
    assert meta["plover"] == ["ACCUSE", "AGREE", "AID", "ASSAULT", "CONSULT"]


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_api_docs_need_no_other_host(client, path):
    page = client.get(path)
    assert page.status_code == 200
    refs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert refs and not [r for r in refs if r.startswith(("http:", "https:", "//"))]
    for ref in refs:
        assert client.get(ref).status_code == 200, ref
    assert "plot.ly" not in page.text and "plotly.com" not in page.text


def test_events_bounded_by_month_and_by_date_precision(tmp_path):
    rows = [
        {"date": "1962-10-16", "code": "040"},
        {"date": "1962-10", "code": "111"},
        {"date": "1962-11-02", "code": "190"},
        {"date": "1962", "code": "057"},  # a year alone: on a curve by year, not by month
        {"code": "070"},
    ]
    db = build_store(tmp_path / "m.duckdb", {"m.txt": rows})
    with TestClient(create_app(db)) as c:

        def codes(**params):
            body = c.get("/api/events", params={"dyad": "USA,SUN", **params}).json()
            return sorted(e["code"] for e in body["items"])

        assert codes(**{"from": "1962-10", "to": "1962-10"}) == ["040", "111"]
        assert codes(**{"from": "1962-11", "to": "1962-12"}) == ["190"]
        assert codes(**{"from": "1962", "to": "1962"}) == ["040", "057", "111", "190"]
        assert codes(dated="nomonth") == ["057", "070"]
        assert codes(dated="month") == ["040", "111", "190"]
        assert c.get("/api/events", params={"from": "1962-13"}).status_code == 422
        series = c.get("/api/series", params={"a": "USA", "b": "SUN", "by": "month"}).json()
        assert series["undated"] == len(codes(dated="nomonth"))
