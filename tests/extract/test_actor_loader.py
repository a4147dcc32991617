import datetime as dt
import textwrap

import pytest

from kankei.errors import DataFileError
from kankei.extract.actors import ActorDictionary, choose, load_actor_dictionary, parse_actor_file
from kankei.extract.grammar import load_grammar

GRAMMAR = load_grammar()


def parse(body: str):
    return parse_actor_file("test.yaml", "version: '1'\nentries:\n" + textwrap.indent(body, "  "))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- {type: state, names: [米国]}", "bad or missing 'code'"),
        ("- {code: usa, type: state, names: [米国]}", "bad or missing 'code'"),
        ("- {code: USA, type: country, names: [米国]}", "'type' must be one of"),
        ("- {code: USA, type: state, names: []}", "non-empty list"),
        ("- {code: USA, type: state, names: [米国, 米国]}", "lists a string twice"),
        ("- {code: USA, type: state, names: [米国], abbrev: [米国]}", "one character each"),
        ("- {code: USA, type: person, names: [X], abbrev: [米]}", "'abbrev' is for states"),
        ("- {code: USA, type: person, names: [X], agent: BOSS}", "'agent' must be one of"),
        (
            "- {code: SUN, type: state, names: [ソ連], valid_from: 1991-12-26, valid_to: 1922-12-30}",
            "valid_from is after valid_to",
        ),
        ("- {code: SUN, type: state, names: [ソ連], valid_from: '30 Dec 1922'}", "ISO date"),
        ("- {code: SUN, type: state, names: [ソ連], colour: red}", "unknown field"),
        ("- just a string", "must be a mapping"),
    ],
)
def test_malformed_entries_are_rejected_with_the_place(body, message):
    with pytest.raises(DataFileError) as info:
        parse(body)
    assert message in info.value.message
    assert "test.yaml entry 1" in info.value.message


@pytest.mark.parametrize(
    "text", ["entries: []", "version: 1", "version: 1\nentries: {}", "[1, 2]", "a: [b"]
)
def test_malformed_files_are_rejected(text):
    with pytest.raises(DataFileError):
        parse_actor_file("bad.yaml", text)


def test_validity_windows_choose_the_code_for_the_date():
    entries = parse(
        """
- {code: RUS, type: state, names: [ロシア]}
- {code: SUN, type: state, names: [ロシア], valid_from: 1922-12-30, valid_to: 1991-12-25}
- {code: RUS, type: state, names: [ロシア], valid_to: 1922-12-29}
"""
    )
    cands = tuple(entries)
    assert choose(cands, None).code == "RUS"
    assert choose(cands, "1950").code == "SUN"
    assert choose(cands, "1918-03").code == "RUS"
    assert choose(cands, "2023-04").code == "RUS"
    assert entries[1].valid_from == dt.date(1922, 12, 30)


def test_bundled_dictionary_loads_and_codes_the_core_states():
    actors = load_actor_dictionary(GRAMMAR)
    cases = {
        "ソ連": "SUN",
        "アメリカ合衆国": "USA",
        "米国": "USA",
        "国際連盟": "LON",
        "ワルシャワ条約機構": "WTO",
        "北大西洋条約機構": "NATO",
        "国連": "UN",
    }
    for name, code in cases.items():
        assert choose(tuple(actors.by_name[name]), None).code == code, name


def test_user_file_overrides_bundled(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "version: '1'\nentries:\n  - {code: GBR, type: state, names: [米国]}\n", encoding="utf-8"
    )
    actors = load_actor_dictionary(GRAMMAR, [user])
    assert actors.by_name["米国"][0].code == "GBR"


def test_empty_dictionary_matches_nothing():
    assert ActorDictionary([], GRAMMAR).find("米国はソ連を承認した。") == []
