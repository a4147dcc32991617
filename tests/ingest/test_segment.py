import pytest

from kankei.ingest.boilerplate import load_boilerplate
from kankei.ingest.segment import blocks_and_sentences, identity

BOILER = load_boilerplate()


def sentences(text):
    _, sents = blocks_and_sentences("d", identity(text), BOILER)
    return sents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "米国はソ連を承認した。両国は国交を樹立した。",
            ["米国はソ連を承認した。", "両国は国交を樹立した。"],
        ),
        # no split inside quotations or brackets
        (
            "ウィルソンは「ロシアは同盟国だ。名誉の仲間だ。」と述べた。次に進んだ。",
            ["ウィルソンは「ロシアは同盟国だ。名誉の仲間だ。」と述べた。", "次に進んだ。"],
        ),
        ("ソ連（当時。現ロシア）は反対した。", ["ソ連（当時。現ロシア）は反対した。"]),
        # a citation marker between two sentences with no 。 splits them
        (
            "貿易の試みがあった[19]ヘンリー・フォードは工場を建てた。",
            ["貿易の試みがあった", "ヘンリー・フォードは工場を建てた。"],
        ),
        # but not inside a sentence
        ("米国[3]は承認した[4]。", ["米国は承認した。"]),
        ("政府である[2]と述べた。", ["政府であると述べた。"]),
        # bullets are left out
        ("・ロシアの外相は会談した。", ["ロシアの外相は会談した。"]),
        ("デビッド・R・フランシス英語版は求めた。", ["デビッド・R・フランシスは求めた。"]),
    ],
)
def test_sentence_split(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_offsets_point_into_the_original():
    text = "見出し\n\n結局米国政府は臨時政府を承認し[2][1]、最初の外国政府となった[3]。次の文。\n"
    sents = sentences(text)
    first = sents[0]
    assert first.text == "結局米国政府は臨時政府を承認し、最初の外国政府となった。"
    assert (
        text[first.start : first.end]
        == "結局米国政府は臨時政府を承認し[2][1]、最初の外国政府となった[3]。"
    )
    for i, ch in enumerate(first.text):
        assert text[first.offsets[i]] == ch
    begin = first.text.index("承認")
    start, end = first.source_span(begin, begin + 2)
    assert text[start:end] == "承認"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ブログランキングに参加しています。よろしければ応援クリックお願いします。", "furniture"),
        ("メールアドレスが公開されることはありません。", "furniture"),
        ("2023-08-13 200500.jpg", "image"),
        (
            "  • Bennett, Edward M. Franklin D. Roosevelt and the Search for Security (1985)",
            "foreign",
        ),
        ("冷戦期 (1947年 - 1991年)", "heading"),
        ("ソ連は1949年に最初の核実験を行った。", "prose"),
    ],
)
def test_line_kinds(line, kind):
    blocks, _ = blocks_and_sentences("d", identity(line), BOILER)
    assert blocks[0].kind == kind


def test_comments_and_notes_are_not_parsed():
    text = "本文の文である。\nこの記事へのコメント\nウクライナよ、頑張れ。\n2023年08月15日 14:49\n"
    blocks, sents = blocks_and_sentences("d", identity(text), BOILER)
    assert [b.kind for b in blocks] == ["prose", "furniture", "comment", "comment"]
    assert [s.text for s in sents] == ["本文の文である。"]


def test_very_long_line_is_cut_at_commas():
    line = "米国は、" * 2000 + "承認した。"
    sents = sentences(line)
    assert len(sents) > 1
    assert all(len(s.text) <= 500 for s in sents)
    assert "".join(s.text for s in sents) == line


def test_a_dated_heading_is_kept_unparsed_for_its_date():
    sents = sentences("## 2010年\n\n3月26日、沈没事件が起こる。\n")
    assert [(s.text, s.parse) for s in sents] == [
        ("## 2010年", False),
        ("3月26日、沈没事件が起こる。", True),
    ]


def test_a_caption_with_a_year_is_not_taken_for_a_heading():
    sents = sentences(
        "1945年のヤルタ会談\n\n米国はソ連と会談した。\n2010年\n\n3月、事件が起こる。\n"
    )
    assert [(s.text, s.parse) for s in sents] == [
        ("米国はソ連と会談した。", True),
        ("2010年", False),
        ("3月、事件が起こる。", True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day of a chronicle, without its year: its date is read in the narrative's year
        ("### 10月24日（水）\n\n書簡が届く。\n", [("### 10月24日（水）", False)]),
        # an undated marked heading is kept too: it ends the section a dated one began
        ("## 背景\n\n書簡が届く。\n", [("## 背景", False)]),
        # a marked timeline bullet with a date
        ("- 1962年10月\n\n書簡が届く。\n", [("- 1962年10月", False)]),
    ],
)
def test_marked_headings_are_kept_unparsed(text, expected):
    sents = sentences(text)
    assert [(s.text, s.parse) for s in sents] == [*expected, ("書簡が届く。", True)]
