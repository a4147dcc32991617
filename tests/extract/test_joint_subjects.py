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
