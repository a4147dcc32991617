import pytest

from kankei.extract.actors import load_actor_dictionary, resolve
from kankei.extract.grammar import load_grammar

ACTORS = load_actor_dictionary(load_grammar())


def codes(text: str, when: str | None = None) -> list[tuple[str, str]]:
    out = []
    for raw in ACTORS.find(text):
        out.extend((m.text, m.code) for m in resolve(raw, when))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("米ソ関係は悪化した。", [("米ソ", "USA"), ("米ソ", "SUN")]),
        ("英米仏の三国", [("英米仏", "GBR"), ("英米仏", "USA"), ("英米仏", "FRA")]),
        ("英首相は抗議した。", [("英", "GBR")]),
        ("対ソ禁輸を解除した。", [("ソ", "SUN")]),
        ("米国とソビエト連邦", [("米国", "USA"), ("ソビエト連邦", "SUN")]),
        # katakana names are not cut out of longer words
        ("フォードソントラクターを輸入した。", []),
        ("インドシナ半島", []),
        # ordinary words made of abbreviation characters are not actors
        ("米を中心に日々の食料を確保した。", []),
        ("中米諸国", []),
        # a time zone, a language or a currency named after a state is no actor
        ("12日夜(日本時間13日未明)に演説した。", []),
        ("ロシア語の新聞が報じた。", []),
        ("支援額は日本円で約5億円。", []),
        # nor is a sea; but the state's navy or marines are the state
        ("ミサイルは日本海に落下した。", []),
        ("日本海軍は出撃した。", [("日本海軍", "JPN")]),
        ("米海兵隊が上陸した。", [("米海兵隊", "USA")]),
        ("日本海上保安庁が警告した。", [("日本", "JPN")]),
    ],
)
def test_mentions(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(("when", "code"), [(None, "RUS"), ("1950-03", "SUN"), ("1995", "RUS")])
def test_moscow_by_date(when, code):
    assert codes("モスクワは反発した。", when) == [("モスクワ", code)]


@pytest.mark.parametrize("text", ["交渉の土台作りを進めた。", "追加協定が結ばれた。", "南米諸国"])
def test_abbreviations_inside_words_are_not_actors(text):
    assert codes(text) == []


def test_compound_before_ryo():
    assert codes("米ソ両首脳は会談した。")[:2] == [("米ソ", "USA"), ("米ソ", "SUN")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("岸田首相はキーウを訪問した。", [("岸田", "JPN"), ("キーウ", "UKR")]),
        ("安倍元首相は", [("安倍", "JPN")]),
        ("習主席と会談した。", [("習", "CHN")]),
        # a bare surname without a title is left alone
        ("岸田は述べた。", []),
    ],
)
def test_kanji_surname_before_a_title(text, expected):
    assert codes(text, "2023") == expected


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        # a katakana surname before a title, told apart by the terms of those who bore it
        ("ウィルソン大統領は演説した。", "1918", [("ウィルソン", "USA")]),
        ("ウィルソン首相は演説した。", "1966", [("ウィルソン", "GBR")]),
        ("ウィルソン元首相は演説した。", "1966", [("ウィルソン", "GBR")]),
        # not without a title, nor inside a longer katakana name
        ("ウィルソンは演説した。", "1918", []),
        ("ジャクソンウィルソン大統領", "1918", []),
    ],
)
def test_katakana_surname_before_a_title(text, when, expected):
    assert codes(text, when) == expected


def test_mention_ranges():
    # (the ranges of the letters for ロ and ウィルソン are those of the text)
    (raw,) = ACTORS.find("米ロ首脳")
    assert (raw.start, raw.end, raw.text) == (0, 2, "米ロ")


def test_a_katakana_surname_is_not_found_inside_a_longer_name():
    assert codes("エイブラハム・リンカーン大統領は演説した。", "1862") == []
    assert codes("リンカーン大統領は演説した。", "1862") == []
