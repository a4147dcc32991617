import pytest

from kankei.analysis.series import dyad_series
from kankei.errors import QueryError
from kankei.store import Store
from kankei.store.queries import Period
from tests.synthetic import build_store

ROWS = [
    {"date": "1941-06", "code": "070"},
    {"date": "1941-12", "code": "057"},
    {"date": "1941", "code": "111", "source": "SUN", "target": "USA"},
    {"date": "1944", "code": "190", "source": "SUN", "target": "USA"},
    {"date": "1944", "code": "190", "negated": True},
    {"date": "1944", "code": "190", "mode": "desired"},
    {"date": None, "code": "040"},
    {"date": "1950", "code": "040", "source": "GBR", "target": "SUN"},
]


@pytest.fixture()
def store(tmp_path):
    with Store(build_store(tmp_path / "s.duckdb", {"a.txt": ROWS}), read_only=True) as s:
        yield s


def as_table(points):
    return [(p.period, p.events, p.goldstein_sum, p.goldstein_mean) for p in points]


def test_directions_and_filled_years(store):
    s = dyad_series(store, "USA", "SUN")
    assert as_table(s.ab) == [
        ("1941", 2, 15.0, 7.5),
        ("1942", 0, 0.0, None),
        ("1943", 0, 0.0, None),
        ("1944", 0, 0.0, None),
    ]
    assert [p.events for p in s.ba] == [1, 0, 0, 1]
    assert as_table(s.both)[0] == ("1941", 3, 13.0, 4.333)
    assert (s.both[0].q2, s.both[0].q1, s.both[0].q3) == (1, 1, 1)
    assert s.both[-1].q4 == 1


def test_all_modes_counts_negated_and_unasserted_events(store):
    s = dyad_series(store, "USA", "SUN", asserted_only=False, fill=False)
    assert [(p.period, p.events) for p in s.ab] == [("1941", 2), ("1944", 2)]


def test_months_and_windows(store):
    months = dyad_series(store, "USA", "SUN", Period.parse("month"))
    assert [p.period for p in months.ab][:2] == ["1941-06", "1941-07"]
    assert months.ab[-1].period == "1941-12" and len(months.ab) == 7
    decade = dyad_series(store, "USA", "SUN", Period.parse("decade"), fill=False)
    assert as_table(decade.both) == [("1940", 4, 3.0, 0.75)]
    assert Period.parse("5y").years == 5


@pytest.mark.parametrize("text", ["week", "0y", "y", "10 y", ""])
def test_unknown_periods_are_refused(text):
    with pytest.raises(QueryError, match="unknown period"):
        Period.parse(text)


def test_a_dyad_without_events_is_empty(store):
    s = dyad_series(store, "USA", "JPN")
    assert s.ab == s.ba == s.both == ()
