import pytest
from fastapi.testclient import TestClient

from kankei.extract.cameo import load_codebook
from kankei.serve.app import create_app
from tests.synthetic import build_store

PAYLOAD = '1972年、米国はソ連と会談した<script>alert("x")</script><img src=x onerror="alert(1)">。'
DOCS = {
    "a.txt": [
        {"date": "1941", "code": "070"},
        {"date": "1944", "code": "111", "source": "SUN", "target": "USA"},
        {"date": "1950", "code": "190", "source": "SUN", "target": "KOR"},
    ],
    "payload.txt": [{"date": "1972", "code": "040", "text": PAYLOAD}],
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("api") / "api.duckdb", DOCS)
    with TestClient(create_app(db)) as c:
        yield c


def test_events_with_filters_and_code_names(client):
    body = client.get("/api/events", params={"dyad": "USA,SUN"}).json()
    assert body["total"] == 3
    first = body["items"][0]
    code = load_codebook().get("070")
    assert (first["code"], first["code_name"], first["code_name_ja"]) == (
        "070",
        code.name,
        code.name_ja,
    )
    assert first["sentence"] == "1941年、米国はソ連と会談した。"
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 4 and len(page["items"]) == 1 and page["offset"] == 1
    assert client.get("/api/events", params={"q": "script"}).json()["total"] == 1
    assert client.get("/api/events", params={"root": "19"}).json()["items"][0]["target"] == "KOR"
    modes = client.get("/api/events", params=[("mode", "asserted"), ("mode", "desired")]).json()
    assert modes["total"] == 4


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"root": "4"}, 400, "root"),
        ({"quad": 5}, 400, "QuadClass"),
        ({"min_confidence": 2}, 422, "min_confidence"),
        ({"format": "xml"}, 422, "format"),
        ({"limit": 5000}, 422, "limit"),
        ({"dyad": "USA"}, 422, "dyad"),
        ({"source": "usa"}, 422, "source"),
        ({"from": 1990, "to": 1980}, 400, "after"),
        ({"mode": "rumoured"}, 400, "rumoured"),
        ({"offset": 4990, "limit": 50}, 400, "kankei export"),
    ],
)
def test_bad_parameters_get_a_4xx_with_a_message(client, params, status, message):
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert message in str(response.json()["detail"])


def test_series_and_phases(client):
    series = client.get("/api/series", params={"a": "USA", "b": "SUN"}).json()
    assert series["both"][0]["period"] == "1941"
    assert len(series["both"]) == 1972 - 1941 + 1
    assert series["ba"][3] == {
        "period": "1944",
        "events": 1,
        "goldstein_sum": -2.0,
        "goldstein_mean": -2.0,
        "q1": 0,
        "q2": 0,
        "q3": 1,
        "q4": 0,
    }
    phases = client.get("/api/phases", params={"a": "USA", "b": "SUN"}).json()["phases"]
    assert phases and all(p["label"] in ("cooperative", "mixed", "hostile") for p in phases)
    assert phases[0]["top_events"][0]["code_name"]
    assert (
        client.get("/api/series", params={"a": "USA", "b": "SUN", "by": "week"}).status_code == 400
    )
    assert client.get("/api/phases", params={"a": "USA"}).status_code == 422


def test_actors_autocomplete_by_code_and_japanese_name(client):
    by_code = client.get("/api/actors", params={"q": "SU"}).json()["items"]
    assert [a["code"] for a in by_code] == ["SUN"]
    by_name = client.get("/api/actors", params={"q": "ソ連"}).json()["items"]
    assert "SUN" in [a["code"] for a in by_name]
    assert "ソ連" in by_name[0]["names"]
    everyone = client.get("/api/actors").json()
    assert {a["code"] for a in everyone["items"]} == {"USA", "SUN", "KOR"}


def test_documents_keep_the_payload_as_data(client):
    docs = client.get("/api/documents").json()
    assert docs["total"] == 2
    doc_id = next(d["doc_id"] for d in docs["items"] if d["name"] == "payload.txt")
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert PAYLOAD in doc["text"] and doc["events"][0]["sentence"] == PAYLOAD
    missing = client.get("/api/documents/0000")
    assert missing.status_code == 404 and "no document" in missing.json()["detail"]


def test_page_assets_openapi_and_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and "/vendor/plotly.min.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    assert client.get("/static/app.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/series", "/api/phases", "/api/actors", "/api/documents"} <= set(
        spec["paths"]
    )
    assert client.get("/docs").status_code == 200
