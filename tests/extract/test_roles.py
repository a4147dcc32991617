import pytest

from kankei.extract.actors import load_actor_dictionary
from kankei.extract.grammar import load_grammar
from kankei.extract.roles import kanji_surname, learn_aliases
from tests.coding import code_sentences

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


@pytest.mark.parametrize(
    ("name", "code", "surname"),
    [
        ("松岡洋右", "JPN", "松岡"),
        ("吉田茂", "JPN", "吉田"),
        ("周恩来", "CHN", None),  # a one-character surname: too ambiguous alone
        ("中曽根康弘", "JPN", None),  # where the surname ends the name does not show
        ("ルーズベルト", "USA", None),
    ],
)
def test_the_kanji_surname_a_full_name_shows(name, code, surname):
    assert kanji_surname(name, code) == surname


def test_a_person_named_in_full_is_then_called_by_the_surname(pipeline):
    texts = [
        "1940年、外務大臣の松岡洋右はドイツを訪問した。",
        "1941年4月、松岡はソ連と中立条約を締結した。",
    ]
    coded = code_sentences(pipeline, texts, None).events
    assert ("JPN", "SUN", "05") in {(e.source, e.target, e.root) for e in coded}


def test_a_foreign_official_named_before_a_title_is_the_states(pipeline):
    # the press style: state の name title; the name then stands alone for the same person
    texts = ["イランのアセフィ報道官は日本を非難した。", "アセフィ報道官は再び日本を批判した。"]
    coded = code_sentences(pipeline, texts, None).events
    second = [e for e in coded if e.sentence_index == 1]
    assert [(e.source, e.target, e.source_text) for e in second] == [("IRN", "JPN", "アセフィ")]


@pytest.mark.parametrize("text", ["日本の次期首相は中国を訪問した。", "日本の中国大使は抗議した。"])
def test_no_name_is_learned_where_none_stands_before_the_title(pipeline, text):
    assert (
        learn_aliases(
            text, pipeline.coder.actors.find(text), pipeline.coder.knowledge.grammar, None
        )
        == {}
    )
