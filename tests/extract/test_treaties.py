"""Talks and treaties with no actor of their own are between the parties they name."""

import pytest

from kankei.errors import DataFileError
from kankei.extract.treaties import load_treaties, parse_treaties
from tests.coding import code, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parties named in the event's own compound or modifiers
        ("1985年、米ソの首脳会談が行われた。", {("USA", "SUN", "04")}),
        ("1985年、米ソ首脳会談が開催された。", {("USA", "SUN", "04")}),
        # a treaty concluded in the passive names its parties in its own modifier
        ("1955年、英仏ソの三国協定が締結された。", {("GBR", "FRA", "05"), ("GBR", "SUN", "05")}),
        ("2018年、米国と北朝鮮の首脳会談が行われた。", {("USA", "PRK", "04")}),
        # a treaty known by name gives its parties
        ("1972年5月、SALT Iが調印された。", {("USA", "SUN", "05")}),
        ("1987年12月、中距離核戦力全廃条約が調印された。", {("USA", "SUN", "05")}),
        ("1979年、SALT IIの交渉が行われた。", {("USA", "SUN", "04")}),
        # the treaty named last, nearest the predicate (not SALT I inside SALT II)
        ("1993年、START Iに続くSTART IIの合意に達した。", {("USA", "RUS", "05")}),
        # agreements reached, made or done (達する, 至る, 成す, 為す)
        ("1972年、米ソは合意に達した。", {("USA", "SUN", "05")}),
        ("1990年、日本は韓国と合意を成した。", {("JPN", "KOR", "05")}),
        ("1975年、米ソの間で議論が為された。", {("USA", "SUN", "04")}),
    ],
)
def test_named_parties(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the subject of an active verb is what acts, not who meets
        "1945年、米ソ同盟は終結を迎えた。",
        # a verb's own object is what it does: 和平 is no light-verb slot here
        "その時代は両国の和平に意味を為した。",
        # failing to reach an agreement is not a refusal, and no agreement took place
        "1986年、米ソは合意に至らなかった。",
    ],
)
def test_not_coded(pipeline, text):
    assert triples(code(pipeline, text)) == set()


def test_latin_names_end_at_a_boundary():
    found = load_treaties().find("SALT IIとSALT Iと START IIIの話")
    names = [m.treaty.names[0] for m in found]
    assert names == ["SALT II", "SALT I"]


def test_loader_rejects_bad_entries():
    text = 'version: "1"\nentries:\n  - {names: [X条約], parties: [USA]}\n'
    with pytest.raises(DataFileError, match="two or more") as err:
        parse_treaties("t.yaml", text)
    assert "t.yaml" in str(err.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks between the parties a compound in the genitive names (ロ for 露 in a compound)
        ("2023年、米ロの直接の対話が続いた。", {("USA", "RUS", "04")}),
        ("2019年の日ロの首脳会談は成果に乏しかった。", {("JPN", "RUS", "04")}),
    ],
)
def test_talks_named_by_a_compound_genitive(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "米ソの関係は1985年に改善した。",  # a relation is no event
        "米ソの和平は1990年に意味を持った。",  # only talks are named by their parties
        "1990年、日本は米ロボットを輸入した。",  # ロ inside a katakana word
    ],
)
def test_compound_genitives_that_name_no_talks(pipeline, text):
    assert triples(code(pipeline, text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # acting on a treaty is aimed at its other party, or at the state it was made with
        ("1952年、インドは対日平和条約への調印を拒否した。", {("IND", "JPN", "12")}),
        ("1920年、米国はヴェルサイユ条約を批准しなかった。", set()),
        ("1972年、ソ連はSALT Iを批准した。", {("SUN", "USA", "05")}),
        # the state it was made with does not aim it at itself
        ("1951年、日本はサンフランシスコ平和条約に調印した。", set()),
    ],
)
def test_treaty_counterparts(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


def test_with_and_parties_exclude_each_other():
    text = 'version: "1"\nentries:\n  - {names: [X条約], parties: [USA, SUN], with: JPN}\n'
    with pytest.raises(DataFileError, match="'with'"):
        parse_treaties("t.yaml", text)
