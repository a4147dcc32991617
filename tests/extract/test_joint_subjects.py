"""Joint subjects (AとBは…, 米英仏は…): of a two-party act the first named is the source and the
others its counterparts; of an act each party does on its own — a refusal among them — every
party is a source and the counterpart is found elsewhere. Team-written sentences."""

import pytest

from tests.coding import code_sentences


def triples(pipeline, texts):
    events = code_sentences(pipeline, texts, "2000-01-01").events
    return {(e.source, e.target, e.root) for e in events if e.mode == "asserted" and not e.negated}


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["米国とソ連は条約に署名した。"], {("USA", "SUN", "05")}),
        (["日本と中国は首脳会談を行った。"], {("JPN", "CHN", "04")}),
        # a list summed up by its count (…の3カ国は) is the list
        (["日本、韓国、中国の3カ国は会談した。"], {("JPN", "KOR", "04"), ("JPN", "CHN", "04")}),
        (
            ["米英仏ソの4か国はドイツを分割統治した。"],
            {
                ("USA", "DEU", "19"),
                ("GBR", "DEU", "19"),
                ("FRA", "DEU", "19"),
                ("SUN", "DEU", "19"),
            },
        ),
        # but countries other than one (米国以外の国々) are not that one
        (["米国以外の国々は穀物をソ連に輸出した。"], set()),
        # each refuses the proposal made to them: none is the others' counterpart
        (
            ["ソ連は米英仏に提案を送った。", "米英仏はこの提案に同意できないと回答した。"],
            {
                ("SUN", "USA", "03"),
                ("SUN", "GBR", "03"),
                ("SUN", "FRA", "03"),
                ("USA", "SUN", "12"),
                ("GBR", "SUN", "12"),
                ("FRA", "SUN", "12"),
            },
        ),
    ],
)
def test_joint_subjects(pipeline, texts, expected):
    assert triples(pipeline, texts) == expected
