import pytest

from kankei.extract.actors import choose, load_actor_dictionary
from kankei.extract.arguments import is_actor
from kankei.extract.grammar import load_grammar

ACTORS = load_actor_dictionary(load_grammar())


@pytest.mark.parametrize(
    ("name", "when", "code"),
    [
        ("クリミア", None, "UKR"),
        ("クリミア", "2014", "UKR"),
        ("クリミア", "1942", "SUN"),
        ("クリミア", "1854", "RUS"),
        ("シベリア", "1918", "RUS"),
        ("シベリア", "1945-08", "SUN"),
        ("シベリア", None, "RUS"),
        ("金門島", "1958", "TWN"),
        ("ヨルダン川西岸", "1967", "JOR"),
        ("ヨルダン川西岸", "2000", "PSE"),
        ("ガザ地区", "1956", "EGY"),
        ("ガザ地区", "2023", "PSE"),
        ("フォークランド諸島", "1982", "GBR"),
        ("シナイ半島", "1967", "EGY"),
        ("ゴラン高原", "1967", "SYR"),
        ("広島", "1945-08", "JPN"),
        ("沖縄", "1972", "JPN"),
        ("延坪島", "2010", "KOR"),
        ("満州", "1931", "CHN"),
        ("アラスカ", "1867-03", "RUS"),
        ("アラスカ", "1950", "USA"),
        ("スルプスカ共和国", "1994", "BIHREB"),
        ("スルプスカ共和国", "2010", "BIH"),
    ],
)
def test_places_are_coded_as_their_state_at_the_date(name, when, code):
    assert choose(tuple(ACTORS.by_name[name]), when).code == code


@pytest.mark.parametrize("name", ["朝鮮半島", "南シナ海", "北方領土", "竹島", "尖閣諸島"])
def test_shared_or_disputed_places_are_not_coded(name):
    assert name not in ACTORS.by_name


@pytest.mark.parametrize("text", ["広島", "クリミア", "ゴラン高原"])
def test_a_place_is_no_actor_by_itself(text):
    """Places are venues unless they fill a predicate's argument (is_actor is False)."""
    (raw,) = ACTORS.find(text)
    assert not is_actor(raw)


@pytest.mark.parametrize(
    ("name", "code", "agent"),
    [
        ("国連人権理事会", "UN", None),
        ("中国海警局", "CHN", "MIL"),
        ("イラン革命防衛隊", "IRN", "MIL"),
        ("ボスニアのセルビア人勢力", "BIHREB", "REB"),
        ("親ロシア派武装勢力", "UKRREB", "REB"),
        ("レヒ", "ISRREB", "REB"),
        ("米国家安全保障会議", "USA", "GOV"),
        ("ペンタゴン", "USA", "MIL"),
    ],
)
def test_organisations_and_armed_groups(name, code, agent):
    entry = ACTORS.by_name[name][0]
    assert (entry.code, entry.agent) == (code, agent)


@pytest.mark.parametrize(("when", "code"), [("1920", "RUS"), ("1935", "SUN")])
def test_comintern_is_its_ruling_party_state(when, code):
    assert choose(tuple(ACTORS.by_name["コミンテルン"]), when).code == code
