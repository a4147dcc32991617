"""What was tried for or asked for did not take place: its mode says so."""

import pytest

from tests.coding import code


def modes(events):
    return {(e.source, e.target, e.root, e.mode) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a light verb of trying: an attempt code where CAMEO has one ...
        ("1970年、米国はソ連との対話を試みた。", {("USA", "SUN", "03", "asserted")}),
        ("1989年、米国はソ連に対する制裁の解除を試みた。", {("USA", "SUN", "03", "asserted")}),
        # ... else the act is only desired
        ("1989年、米国はソ連との交流の中断を試みた。", {("USA", "SUN", "16", "desired")}),
        # what a request's object names is asked for, however the request is worded
        (
            "1933年、米国の議会ではソ連の承認を求める声が高まった。",
            {("USA", "SUN", "10", "asserted")},
        ),
        # a plea for an act: the plea is the event, the act is desired
        (
            "1942年、ソ連は英国に米国の参戦を懇願した。",
            {("SUN", "GBR", "02", "asserted")},
        ),
    ],
)
def test_modes(pipeline, text, expected):
    assert {m for m in modes(code(pipeline, text)) if m[3] == "asserted"} == {
        m for m in expected if m[3] == "asserted"
    }
    assert {m for m in expected if m[3] != "asserted"} <= modes(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statement against the state its compound names is a denunciation
        ("1963年、米国大統領は反ソ演説を行った。", {("USA", "SUN", "111")}),
        # an order is the act ordered; the event noun's genitive is what it is done to
        ("1991年、エリツィンはソ連政府資産の没収を命じた。", {("RUS", "SUN", "1711")}),
        ("1975年、米国はソ連の承認を行った。", {("USA", "SUN", "054")}),
    ],
)
def test_codes(pipeline, text, expected):
    events = code(pipeline, text)
    assert {(e.source, e.target, e.code) for e in events if e.mode == "asserted"} == expected


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # what one can do is no act done; what one could do and did is
        ("米国大使はプーチンと直接接触でき、仲介役を果たせる。", "hypothetical"),
        ("1990年、米国はソ連と直接交渉できる立場にあった。", "hypothetical"),
        ("1985年、米国はソ連と会談できた。", "asserted"),
        ("1985年、米国はソ連と会談することができた。", "asserted"),
        ("1979年、ドイツは軍備を再配置することが可能になった。", "hypothetical"),
        # an act talked about in general (…することは…かねない)
        ("専門家は、米国がロシアと話し合うことは危険になりかねないと述べた。", "hypothetical"),
    ],
)
def test_ability_and_acts_in_general(pipeline, text, mode):
    events = [e for e in code(pipeline, text) if e.root in ("04", "15")]
    assert events and {e.mode for e in events} == {mode}


def test_what_was_plotted_did_not_happen(pipeline):
    events = code(pipeline, "1956年、英仏はエジプトに侵攻して運河の確保を画策した。")
    assert events and {e.mode for e in events if e.root == "19"} == {"desired"}
