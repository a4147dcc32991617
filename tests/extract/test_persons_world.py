"""Leaders of the states, and heads of the IGOs, listed in persons_world.yaml."""

import pytest

from kankei.extract.actors import load_actor_dictionary, resolve
from kankei.extract.grammar import load_grammar

ACTORS = load_actor_dictionary(load_grammar())


def code_of(text: str, when: str | None) -> list[tuple[str, str]]:
    out = []
    for raw in ACTORS.find(text):
        out.extend((m.text, m.code) for m in resolve(raw, when))
    return out


@pytest.mark.parametrize(
    ("text", "when", "name", "code"),
    [
        ("文在寅大統領は平壌を訪問した。", "2018-09", "文在寅", "KOR"),
        ("ネタニヤフ首相は演説した。", "2015", "ネタニヤフ", "ISR"),
        ("金永南は北京を訪れた。", "2005", "金永南", "PRK"),
        ("ラフサンジャニ大統領は述べた。", "1990", "ラフサンジャニ", "IRN"),
        ("ザリフ外相はウィーンで会談した。", "2015-07", "ザリフ", "IRN"),
        ("ムシャラフ大統領は訪米した。", "2006", "ムシャラフ", "PAK"),
        ("デ・ガスペリはワシントンを訪れた。", "1947", "デ・ガスペリ", "ITA"),
        ("オルバーン首相はモスクワを訪問した。", "2024", "オルバーン", "HUN"),
        ("ゴ・ディン・ジエムは米国の支援を受けた。", "1956", "ゴ・ディン・ジエム", "VNM"),
        ("マンデラ大統領は来日した。", "1995", "マンデラ", "ZAF"),
        ("ミロシェヴィッチは拒否した。", "1999-03", "ミロシェヴィッチ", "YUG"),
        ("ヴチッチ大統領は述べた。", "2022", "ヴチッチ", "SRB"),
        ("ハマーショルド事務総長はコンゴへ向かった。", "1961", "ハマーショルド", "UN"),
        ("ストルテンベルグ事務総長は警告した。", "2022-02", "ストルテンベルグ", "NATO"),
        ("ストルテンベルグ首相は訪日した。", "2010", "ストルテンベルグ", "NOR"),
        (
            "フォン・デア・ライエン委員長は制裁を発表した。",
            "2022-03",
            "フォン・デア・ライエン",
            "EU",
        ),
        ("トゥスクは演説した。", "2016", "トゥスク", "EU"),
        ("トゥスク首相は演説した。", "2024", "トゥスク", "POL"),
        ("潘基文事務総長は懸念を表明した。", "2010", "潘基文", "UN"),
        ("潘基文外交通商部長官と会談した。", "2006", "潘基文", "KOR"),
        ("プローディ首相は述べた。", "1997", "プローディ", "ITA"),
        ("プローディ委員長は述べた。", "2002", "プローディ", "EU"),
        ("ヴァーツラフ・クラウス首相は述べた。", "1995", "ヴァーツラフ・クラウス", "CZE"),
        ("ジャウラーニーは声明を出した。", "2020", "ジャウラーニー", "SYRREB"),
        ("シャラア暫定大統領は述べた。", "2025", "シャラア", "SYR"),
    ],
)
def test_leaders_are_coded_as_their_state_at_the_date(text, when, name, code):
    assert (name, code) in code_of(text, when)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # ordinary words near a leader's name in spelling are not that leader
        ("シーア派系アラウィ派がスンナ派を支配する。", "アラウィ"),
        ("CIAエージェントであると暴露した。", "エージェント"),
        ("東ベルリンでのフリーハンドを与える。", "フリーハンド"),
        ("日本軍は連戦連勝をつづけた。", "連戦"),
        ("カティンの森事件", "カティン"),
    ],
)
def test_words_that_look_like_names_are_not_leaders(text, word):
    assert word not in [name for name, _ in code_of(text, "2000")]


@pytest.mark.parametrize("surname", ["金", "李", "朴", "崔", "張"])
def test_shared_korean_and_chinese_surnames_are_not_coded_alone(surname):
    codes = {e.code for e in ACTORS.by_surname.get(surname, [])}
    assert len(codes) <= 1
    assert surname not in ACTORS.by_name
