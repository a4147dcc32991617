import pytest

from kankei.extract.actors import load_actor_dictionary
from kankei.extract.grammar import load_grammar
from kankei.extract.roles import learn_aliases

GRAMMAR = load_grammar()
ACTORS = load_actor_dictionary(GRAMMAR)


@pytest.mark.parametrize(
    ("text", "name", "code", "agent"),
    [
        ("米国大統領ジョン・スミスは述べた。", "ジョン・スミス", "USA", "GOV"),
        (
            "駐ペトログラード米国大使のジョン・R・スミスは求めた。",
            "ジョン・R・スミス",
            "USA",
            "DIP",
        ),
        ("ソ連外相イワン・ペトロフを招いた。", "イワン・ペトロフ", "SUN", "GOV"),
        ("ロシアの外交官ボリス・イワノフが訪れた。", "ボリス・イワノフ", "RUS", "DIP"),
    ],
)
def test_role_phrases_code_unknown_persons(text, name, code, agent):
    learned = learn_aliases(text, ACTORS.find(text), GRAMMAR, None)
    (entry,) = learned[name]
    assert (entry.code, entry.agent) == (code, agent)
    surname = name.split("・")[-1]
    assert learned[surname] == learned[name]


def test_a_learned_alias_codes_the_surname_later():
    first = "米国大統領ジョン・スミスは述べた。"
    aliases = learn_aliases(first, ACTORS.find(first), GRAMMAR, None)
    later = ACTORS.find("スミスはソ連を訪問した。", aliases)
    assert [(m.text, m.candidates[0].code, m.rule) for m in later] == [
        ("スミス", "USA", "role"),
        ("ソ連", "SUN", "name"),
    ]


def test_no_role_no_alias():
    text = "ジョン・スミスは述べた。"
    assert learn_aliases(text, ACTORS.find(text), GRAMMAR, None) == {}
