"""反政府勢力 and its kin: the armed opposition of the state named with it, or of the state
whose war is the setting."""

import pytest

from tests.coding import code, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2012年、米国はシリアの反政府勢力を支援した。", {("USA", "SYRREB", "07")}),
        ("1985年、ソ連はアフガニスタン反政府ゲリラを攻撃した。", {("SUN", "AFGREB", "19")}),
        # the setting names the state; など ends the list of sources
        (
            "アフガニスタン紛争で、米国やパキスタンなどは反政府勢力を支援した。",
            {("USA", "AFGREB", "07"), ("PAK", "AFGREB", "07")},
        ),
        # the subject's own state is not the rebels' state
        ("2012年、米国は反政府勢力を支援した。", set()),
        # two conflicts named: no single state
        ("朝鮮戦争とベトナム戦争で、米国は反政府勢力を支援した。", set()),
    ],
)
def test_rebels(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


def test_rebels_carry_the_rebel_agent(pipeline):
    (event,) = code(pipeline, "2012年、米国はシリアの反政府勢力を支援した。")
    assert event.target_agent == "REB" and event.target_text == "反政府勢力"
