"""Armed acts against an occupied state by a third party are aimed at the occupier."""

import pytest

from kankei.errors import DataFileError
from kankei.extract.occupations import load_occupations, parse_occupations
from tests.coding import code, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # liberation: the fight is with the occupier
        (
            "1944年6月、米英はフランスに上陸して侵攻した。",
            {("USA", "DEU", "19"), ("GBR", "DEU", "19")},
        ),
        ("1944年10月、米国はフィリピンに侵攻した。", {("USA", "JPN", "19")}),
        ("1991年1月、米国はクウェートを攻撃した。", {("USA", "IRQ", "19")}),
        # the occupier's own invasion, and acts before or after the occupation, are unchanged
        ("1940年5月、ドイツはフランスに侵攻した。", {("DEU", "FRA", "19")}),
        ("1990年8月、イラクはクウェートに侵攻した。", {("IRQ", "KWT", "19")}),
        ("1950年、ソ連はフランスを攻撃した。", {("SUN", "FRA", "19")}),
        # a land divided between two occupiers names no single one
        ("1940年、ソ連はポーランドを攻撃した。", {("SUN", "POL", "19")}),
    ],
)
def test_occupied_targets(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


def test_rule_names_the_occupied_state(pipeline):
    (event,) = code(pipeline, "1944年10月、米国はフィリピンに侵攻した。")
    assert event.rule.endswith("occupied:PHL")


def test_undated_events_are_left_alone():
    occupations = load_occupations()
    assert occupations.occupiers("FRA", None) == []
    assert occupations.occupiers("FRA", "1943-05") == ["DEU"]
    assert occupations.occupiers("FRA", "1946") == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{territory: FRA, occupier: FRA, valid_from: 1940-01-01, valid_to: 1941-01-01}", "itself"),
        (
            "{territory: France, occupier: DEU, valid_from: 1940-01-01, valid_to: 1941-01-01}",
            "codes",
        ),
        ("{territory: FRA, occupier: DEU, valid_from: 1942-01-01, valid_to: 1941-01-01}", "before"),
        ("{territory: FRA, occupier: DEU, valid_from: 1940-01-01}", "before"),
        ("{territory: FRA, occupier: DEU, since: 1940-01-01}", "unknown field"),
    ],
)
def test_loader_rejects_bad_entries(entry, message):
    text = f'version: "1"\nentries:\n  - {entry}\n'
    with pytest.raises(DataFileError, match=message) as err:
        parse_occupations("occ.yaml", text)
    assert "occ.yaml" in str(err.value)
