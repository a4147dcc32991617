import pytest

from kankei.analysis.phases import PhaseSettings, find_phases, label_for
from kankei.errors import QueryError
from kankei.store import Store
from tests.synthetic import build_store


def year_rows(years, codes):
    return [{"date": str(y), "code": c} for y in years for c in codes]


ALLIANCE_COLD_WAR_DETENTE = (
    year_rows(range(1941, 1946), ["070", "057"])  # mean +7.5
    + year_rows(range(1946, 1956), ["190", "111"])  # mean -6
    + year_rows(range(1956, 1961), ["040", "057", "040"])  # mean +3.33
)


def phases_of(tmp_path, rows, **kw):
    path = build_store(tmp_path / "p.duckdb", {"a.txt": rows})
    with Store(path, read_only=True) as store:
        return find_phases(store, "USA", "SUN", PhaseSettings(**kw))


def test_three_regimes_are_found_and_labelled(tmp_path):
    phases = phases_of(tmp_path, ALLIANCE_COLD_WAR_DETENTE)
    assert [(p.start, p.end, p.label) for p in phases] == [
        ("1941", "1945", "cooperative"),
        ("1946", "1955", "hostile"),
        ("1956", "1960", "cooperative"),
    ]
    assert [p.events for p in phases] == [10, 20, 15]
    assert phases[1].goldstein_mean == -6.0


def test_top_events_are_the_strongest_within_the_phase(tmp_path):
    phases = phases_of(tmp_path, ALLIANCE_COLD_WAR_DETENTE, top=3)
    hostile = phases[1]
    assert len(hostile.top_events) == 3
    assert all(e["code"] == "190" for e in hostile.top_events)
    assert all(1946 <= e["year"] <= 1955 for e in hostile.top_events)
    assert all("sentence" in e for e in hostile.top_events)


def test_a_long_silence_ends_a_phase(tmp_path):
    rows = year_rows(range(1941, 1944), ["057"]) + year_rows(range(1972, 1975), ["057"])
    phases = phases_of(tmp_path, rows, max_gap=10)
    assert [(p.start, p.end) for p in phases] == [("1941", "1943"), ("1972", "1974")]
    merged = phases_of(tmp_path, rows, max_gap=40)
    assert [(p.start, p.end) for p in merged] == [("1941", "1974")]


def test_a_large_penalty_keeps_one_phase(tmp_path):
    phases = phases_of(tmp_path, ALLIANCE_COLD_WAR_DETENTE, penalty=1e6)
    assert len(phases) == 1 and phases[0].label == "mixed"


def test_direction_and_no_events(tmp_path):
    assert phases_of(tmp_path, ALLIANCE_COLD_WAR_DETENTE, direction="ba") == []
    with pytest.raises(QueryError, match="direction"):
        phases_of(tmp_path, [], direction="sideways")


@pytest.mark.parametrize(
    ("mean", "label"),
    [
        (5.0, "cooperative"),
        (1.0, "cooperative"),
        (0.9, "mixed"),
        (-0.5, "mixed"),
        (-1.0, "hostile"),
    ],
)
def test_labels_by_mean_goldstein(mean, label):
    assert label_for(mean, PhaseSettings()) == label
