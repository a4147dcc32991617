"""Officials named by their office: a person's name before a title is the person (the title need
not be in the dictionary), a minister of any portfolio or a spokesman is an organ of the state
named with it, and a name the parser hangs on its title as a clause stays in the phrase.
Team-written sentences."""

import pytest

from kankei.extract.grammar import load_grammar
from tests.coding import code, triples

GRAMMAR = load_grammar()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known person's name compounded with a title: the title does not hide the person
        ("国際連合のアナン事務総長は北朝鮮を非難した。", ("UN", "PRK", "11")),
        # a minister of any portfolio is the government of the state named with it
        ("ロシア外務次官は日本を訪問した。", ("RUS", "JPN", "04")),
        ("韓国の外交通商相は米国を訪問した。", ("KOR", "USA", "04")),
        ("ペルーの法相はチリを批判した。", ("PER", "CHL", "11")),
        # an organisation's head is the organisation
        ("NATO事務総長はロシアを非難した。", ("NATO", "RUS", "11")),
        # the parser hangs the unknown name on its title as a clause: the state still owns it
        ("ロシアのヌルガリエフ内相は、米国を訪問した。", ("RUS", "USA", "04")),
    ],
)
def test_an_official_acts_for_the_state_or_body_of_the_title(pipeline, text, expected):
    assert expected in triples(code(pipeline, text, "2006-05-01"))


@pytest.mark.parametrize(
    ("title", "agent"),
    [("外交通商相", "GOV"), ("外務次官", "GOV"), ("スポークスマン", "GOV"), ("事務局長", "GOV")],
)
def test_offices_are_roles_of_government(title, agent):
    assert GRAMMAR.role_agent(title) == agent


def test_a_compounded_state_is_still_no_actor_of_a_plain_noun(pipeline):
    # 日本製品 names goods, not Japan: a state before a noun that is no office stays a modifier
    assert triples(code(pipeline, "日本製品は米国を圧倒した。", "2006-05-01")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is proposed, topicalised with も, is not who proposes
        ("ゴルバチョフは、米国との関係を深めることも米国に提案した。", ("SUN", "USA", "03")),
        ("ソ連は、査察を受け入れることは米国に拒否した。", ("SUN", "USA", "12")),
    ],
)
def test_a_topicalised_content_clause_is_no_subject(pipeline, text, expected):
    assert expected in triples(code(pipeline, text, "1987-05-01"), asserted=False)
