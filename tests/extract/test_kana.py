import pytest

from kankei.extract.actors import ActorDictionary, parse_actor_file
from kankei.extract.grammar import load_grammar
from kankei.extract.kana import kana_key, within_one_edit

ENTRIES = parse_actor_file(
    "t.yaml",
    """
version: '1'
entries:
  - {code: USA, type: person, names: [フランクリン・ルーズベルト, ルーズベルト]}
  - {code: SUN, type: person, names: [コンスタンティン・オーマンスキー, オーマンスキー]}
  - {code: UKR, type: person, names: [ゼレンスキー]}
""",
)
ACTORS = ActorDictionary(ENTRIES, load_grammar())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ヴェルサイユ", "ベルサイユ"),
        ("ルーズベルト", "ルズベルト"),
        ("ケネディ", "ケネデイ"),
        ("ロイド＝ジョージ", "ロイド・ジョージ"),
    ],
)
def test_spelling_insensitive_key(a, b):
    assert kana_key(a) == kana_key(b)


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("ウマンスキ", "オマンスキ", True),
        ("ゼレンシキ", "ゼレンスキ", True),
        ("ゼレンスキ", "ゼレンスキ", True),
        ("スミス", "スミスス", True),
        ("スミス", "ヨハネス", False),
    ],
)
def test_within_one_edit(a, b, ok):
    assert within_one_edit(a, b) is ok


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ウーマンスキーは答えた。", "SUN"),
        ("ゼレンシキー大統領", "UKR"),
        ("ローズヴェルトは", "USA"),
    ],
)
def test_variants_match_known_names(text, code):
    (hit,) = ACTORS.find(text)
    assert hit.candidates[0].code == code and hit.rule == "variant"


@pytest.mark.parametrize("text", ["マンスキーは", "ゼレン", "アメリカンフットボール"])
def test_short_or_distant_words_do_not_match(text):
    assert ACTORS.find(text) == []
