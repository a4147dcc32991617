import textwrap

import pytest

from kankei.errors import DataFileError
from kankei.extract.actors import (
    ActorDictionary,
    check_members,
    load_actor_dictionary,
    parse_actor_file,
    resolve,
)
from kankei.extract.grammar import load_grammar

GRAMMAR = load_grammar()
ACTORS = load_actor_dictionary(GRAMMAR)

STATES = """
- {code: EST, type: state, names: [エストニア]}
- {code: LVA, type: state, names: [ラトビア]}
- {code: LTU, type: state, names: [リトアニア]}
"""


def parse(body: str, where: str = "test.yaml"):
    return parse_actor_file(where, "version: '1'\nentries:\n" + textwrap.indent(body, "  "))


def codes(text: str, when: str | None = None, actors: ActorDictionary = ACTORS):
    return [(m.text, m.code, m.kind) for raw in actors.find(text) for m in resolve(raw, when)]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- {type: collective, names: [三国]}", "two or more actor codes"),
        ("- {type: collective, names: [三国], members: [EST]}", "two or more actor codes"),
        ("- {type: collective, names: [三国], members: EST}", "two or more actor codes"),
        ("- {type: collective, names: [三国], members: [EST, est]}", "two or more actor codes"),
        ("- {type: collective, names: [三国], members: [EST, EST]}", "lists a code twice"),
        ("- {type: state, code: EST, names: [三国], members: [EST, LVA]}", "only for entries"),
        ("- {type: collective, code: BLT, names: [三国], members: [EST, LVA]}", "no 'code'"),
        (
            "- {type: collective, names: [三国], members: [EST, LVA], agent: GOV}",
            "no 'agent'",
        ),
        (
            "- {type: collective, names: [三国], members: [EST, LVA],"
            " valid_from: 1991-01-01, valid_to: 1990-01-01}",
            "valid_from is after valid_to",
        ),
    ],
)
def test_malformed_collectives_are_rejected_with_the_place(body, message):
    with pytest.raises(DataFileError) as info:
        parse(body)
    assert message in info.value.message
    assert "test.yaml entry 1" in info.value.message


def test_a_collective_is_coded_by_its_members():
    (entry,) = parse("- {type: collective, names: [バルト三国], members: [EST, LVA, LTU]}")
    assert entry.members == ("EST", "LVA", "LTU")
    assert entry.code == "EST+LVA+LTU"


@pytest.mark.parametrize(("member", "ok"), [("LTU", True), ("XXX", False), ("NATO", False)])
def test_members_must_be_codes_of_states(member, ok):
    entries = [
        *parse(STATES, "states.yaml"),
        *parse(
            f"- {{type: collective, names: [三国], members: [EST, LVA, {member}]}}",
            "mine.yaml",
        ),
        *parse("- {code: NATO, type: igo, names: [NATO]}", "igo.yaml"),
    ]
    if ok:
        check_members(entries)
        return
    with pytest.raises(DataFileError) as info:
        check_members(entries)
    assert "mine.yaml entry 1" in info.value.message
    assert repr(member) in info.value.message


def test_a_user_file_with_an_unknown_member_fails_to_load(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "version: '1'\nentries:\n"
        "  - {type: collective, names: [枢軸三国], members: [DEU, ITA, XXX]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_actor_dictionary(GRAMMAR, [user])
    assert str(user) in info.value.message


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("ソ連はバルト三国を併合した。", "1940", ["SUN", "EST", "LVA", "LTU"]),
        ("1972年、東西ドイツは基本条約に調印した。", "1972", ["DDR", "DEU"]),
        ("東西両ドイツの首脳", None, ["DDR", "DEU"]),
        ("ベネルクス三国とフランス", None, ["BEL", "NLD", "LUX", "FRA"]),
        ("南北朝鮮の首脳", "2000", ["KOR", "PRK"]),
        ("中央アジア5カ国の外相", "2020", ["KAZ", "KGZ", "TJK", "TKM", "UZB"]),
        # vague groupings stay unresolved
        ("北欧諸国は反発した。", None, []),
    ],
)
def test_a_collective_gives_one_mention_per_member(text, when, expected):
    assert [code for _, code, _ in codes(text, when)] == expected


def test_collective_mentions_behave_like_compounds():
    found = ACTORS.find("バルト三国の外相")
    assert [raw.rule for raw in found] == ["compound"]
    assert {kind for _, _, kind in codes("バルト三国の外相")} == {"compound"}
    assert codes("米ソ関係")[0][2] == "compound"


def test_a_collective_in_a_small_dictionary():
    entries = [
        *parse(STATES),
        *parse("- {type: collective, names: [バルト三国], members: [EST, LVA, LTU]}"),
    ]
    check_members(entries)
    actors = ActorDictionary(entries, GRAMMAR)
    assert codes("バルト三国とエストニア", None, actors) == [
        ("バルト三国", "EST", "compound"),
        ("バルト三国", "LVA", "compound"),
        ("バルト三国", "LTU", "compound"),
        ("エストニア", "EST", "state"),
    ]
