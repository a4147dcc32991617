"""International organisations as actors: the bodies and agencies of the UN system are coded
as the UN (as the gold guidelines code them), and a state's envoy to an organisation (国連大使)
acts for the state, not the organisation (team-written sentences)."""

import pytest

from kankei.extract.actors import load_actor_dictionary, resolve
from kankei.extract.grammar import load_grammar
from tests.coding import code, triples

ACTORS = load_actor_dictionary(load_grammar())


def codes(text):
    return [(m.text, m.code) for raw in ACTORS.find(text) for m in resolve(raw, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国際原子力機関は査察を行った。", [("国際原子力機関", "UN")]),
        ("UNHCRとユニセフは支援を始めた。", [("UNHCR", "UN"), ("ユニセフ", "UN")]),
        ("国連事務総長は声明を出した。", [("国連事務総長", "UN")]),
        # an envoy to the organisation names the post, not the organisation acting
        ("フランスの国連大使は反対した。", [("フランス", "FRA")]),
        ("日本の国連代表部は抗議した。", [("日本", "JPN")]),
        ("NATO大使は会合に出席した。", []),
    ],
)
def test_organisation_names(text, expected):
    assert codes(text) == expected


def test_a_states_envoy_to_the_un_acts_for_the_state(pipeline):
    events = code(pipeline, "2003年、フランスの国連大使は米国の提案に反対した。")
    assert ("FRA", "USA", "12") in triples(events)
    assert not any("UN" in (e.source, e.target) for e in events)


def test_an_agency_acts_as_the_un(pipeline):
    events = code(pipeline, "2006年、国際原子力機関はイランの核開発を非難した。")
    assert ("UN", "IRN", "11") in triples(events)
