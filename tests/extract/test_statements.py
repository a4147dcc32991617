"""Statements and what they say: threats, warnings passed on, agreements to act (team-written
sentences, needs the parser)."""

import pytest

from tests.coding import code


def coded(events):
    return {(e.source, e.target, e.code[:3], e.mode) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted warning that sets a condition is a threat; the condition is not an act
        (
            "2017年、米国は「北朝鮮がこれ以上米国を脅かせば、報復するだろう」と北朝鮮に警告した。",
            {("USA", "PRK", "130", "asserted")},
        ),
        # force the addressee is told it will be held to account for
        (
            "1962年、米国は「トルコへのいかなる攻撃も、ソ連による米国への攻撃とみなす」とソ連に警告した。",
            {("USA", "SUN", "130", "asserted"), ("SUN", "USA", "190", "hypothetical")},
        ),
        # a third party's attack foretold to its target: intelligence passed on (06)
        (
            "1941年3月、米国はソ連に「ドイツが近くソ連を攻撃する」と警告した。",
            {("USA", "SUN", "064", "asserted"), ("DEU", "SUN", "190", "hypothetical")},
        ),
    ],
)
def test_warnings(pipeline, text, expected):
    assert expected <= coded(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年、日韓両国はシャトル外交を再開することで合意した。", ("JPN", "KOR", "030")),
        ("1994年、ロシアは米国と核ミサイルの照準を外すことで合意した。", ("RUS", "USA", "030")),
        ("1994年、ロシアは米国と核ミサイルの照準に関する協定で合意した。", ("RUS", "USA", "057")),
    ],
)
def test_an_agreement_to_act_is_an_intent(pipeline, text, expected):
    assert expected in {(e.source, e.target, e.code) for e in code(pipeline, text)}


def test_a_hostile_act_an_actor_says_another_did_is_its_accusation(pipeline):
    events = code(pipeline, "1990年、イラク政府はクウェートがイラクの油田を攻撃したと主張した。")
    assert ("IRQ", "KWT", "112", "asserted") in coded(events)
    assert ("KWT", "IRQ", "190", "hypothetical") in coded(events)


def test_what_a_source_reports_is_still_told_as_fact(pipeline):
    events = code(pipeline, "2023年、関係者はロシアが米国の元高官と会談したと語った。")
    assert ("RUS", "USA", "040", "asserted") in coded(events)
