import pytest

from kankei.errors import NotFound, QueryError
from kankei.store import Store
from kankei.store.filters import EventQuery
from kankei.store.queries import actor_index, document, documents, find_events
from tests.synthetic import build_store

DOCS = {
    "a.txt": [
        {"date": "1941", "code": "070"},
        {
            "date": "1944",
            "code": "111",
            "source": "SUN",
            "target": "USA",
            "text": "ソ連は米国を非難した。",
        },
        {"date": "1950", "code": "190", "source": "SUN", "target": "KOR", "target_text": "韓国"},
    ],
    "b.txt": [
        {"date": None, "code": "040", "mode": "desired"},
        {"date": "1972", "code": "057", "negated": True},
    ],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("q") / "q.duckdb", DOCS)
    with Store(path, read_only=True) as s:
        yield s


def ids(page):
    return [(e["source"], e["target"], e["code"]) for e in page.items]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), 5),
        (EventQuery(actor="SUN"), 5),
        (EventQuery(actor="KOR"), 1),
        (EventQuery(source="SUN"), 2),
        (EventQuery(dyad=("SUN", "USA")), 4),
        (EventQuery(year_from=1944, year_to=1950), 2),
        (EventQuery(root="19"), 1),
        (EventQuery(code="11"), 1),
        (EventQuery(code="111"), 1),
        (EventQuery(modes=("desired",)), 1),
        (EventQuery(negated=True), 1),
        (EventQuery(text="非難"), 1),
        (EventQuery(text="韓国"), 1),
        (EventQuery(text="%"), 0),
    ],
)
def test_filters(store, query, expected):
    assert find_events(store, query).total == expected


def test_pages_are_in_time_order_and_carry_the_sentence(store):
    first = find_events(store, EventQuery(limit=2))
    second = find_events(store, EventQuery(limit=2, offset=2))
    assert first.total == 5 and len(first.items) == 2
    years = [e["year"] for e in first.items + second.items]
    assert years == [1941, 1944, 1950, 1972]
    assert first.items[1]["sentence"] == "ソ連は米国を非難した。"
    rest = find_events(store, EventQuery(offset=4))
    assert rest.items[0]["year"] is None  # undated events come last


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (EventQuery(actor="usa"), "not an actor code"),
        (EventQuery(source="USA'; DROP TABLE events; --"), "not an actor code"),
        (EventQuery(dyad=("USA", "x")), "not an actor code"),
        (EventQuery(root="4"), "not a CAMEO code"),
        (EventQuery(root="042"), "two digits"),
        (EventQuery(code="04a"), "not a CAMEO code"),
        (EventQuery(modes=("rumoured",)), "not one of"),
        (EventQuery(limit=0), "outside"),
        (EventQuery(offset=-1), "negative"),
        (EventQuery(offset=4_990, limit=50), "first 5,000 events"),
        (EventQuery(year_from=1990, year_to=1980), "after"),
    ],
)
def test_bad_queries_are_refused(store, query, message):
    with pytest.raises(QueryError, match=message):
        find_events(store, query)


def test_actors_documents_and_one_document(store):
    actors = {a["code"]: a for a in actor_index(store)}
    assert actors["SUN"]["events"] == 5 and actors["KOR"]["as_target"] == 1
    assert "韓国" in actors["KOR"]["words"]
    docs = documents(store)
    assert docs.total == 2 and [d["events"] for d in docs.items] == [3, 2]
    doc = document(store, docs.items[0]["doc_id"])
    assert len(doc["sentences"]) == 3 and len(doc["events"]) == 3
    first = doc["sentences"][1]
    assert doc["text"][first["start"] : first["end"]] == "ソ連は米国を非難した。"
    with pytest.raises(NotFound, match="no document"):
        document(store, "nope")
