"""Passive clauses that describe a noun (日本に占領されたフィリピン): the noun suffers the act."""

import pytest

from tests.coding import code, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ドイツに併合されたオーストリアは1945年に独立を回復した。", {("DEU", "AUT", "19")}),
        (
            "1950年、北朝鮮に侵攻された韓国を米国は支援した。",
            {("PRK", "KOR", "19"), ("USA", "KOR", "07")},
        ),
        ("ソ連に支援された北ベトナムは1970年に勢力を広げた。", {("SUN", "VNM", "07")}),
        (
            "ソ連によって占領されたバルト三国は1991年に独立した。",
            {("SUN", "EST", "19"), ("SUN", "LVA", "19"), ("SUN", "LTU", "19")},
        ),
    ],
)
def test_the_described_noun_is_the_target(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a manner word taken for a clause does not hide the object (丁重に迎えた)
        (
            "1918年、ソビエト外務委員会は英米の特使を丁重に迎えた。",
            {("RUS", "GBR", "04"), ("RUS", "USA", "04")},
        ),
        # an agent hung inside the nominal's target (ソ連による[…運動に対する]弾圧)
        ("1980年、ソ連によるポーランド民主化運動に対する弾圧が続いた。", {("SUN", "POL", "17")}),
    ],
)
def test_parser_attachments(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what one obtains from another (から) the other gave
        ("1950年、米国は英国から支援の約束を取り付けた。", {("GBR", "USA", "03")}),
        # without a から the giver is unsaid: only the act that follows is coded
        ("1945年、米国はスターリンの同意を得て、日本に侵攻した。", {("USA", "JPN", "19")}),
        # agreeing to or accepting another's act is aimed at that other
        ("1990年、ソ連はドイツがNATOに留まることを受け入れた。", {("SUN", "DEU", "08")}),
        # a nominal naming its target inside (国連参加) has its genitive as its agent
        ("1945年、ルーズベルトはソ連の国連参加を実現した。", {("USA", "UN", "05")}),
    ],
)
def test_givers_and_parties(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the counterpart hung on the object of an object+verb entry (中国に懸念を伝えた)
        ("2005年、日本は東シナ海の開発について中国に懸念を伝えた。", {("JPN", "CHN", "01")}),
        # the counterpart of a manner clause (…を示唆して) before the predicate
        (
            "1962年、米国はソ連とキューバに対して海上封鎖を示唆して威嚇した。",
            {("USA", "SUN", "13"), ("USA", "CUB", "13")},
        ),
    ],
)
def test_counterparts_hung_elsewhere(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partner (と共に) acts alongside the subject and is no target
        (
            "2003年、米国は英国と共にイラクに侵攻した。",
            {("USA", "IRQ", "19"), ("GBR", "IRQ", "19")},
        ),
        (
            "2003年、米国はイギリスなどと共にイラクへの侵攻を開始した。",
            {("USA", "IRQ", "19"), ("GBR", "IRQ", "19")},
        ),
        # the に of a passive is its agent when an actor suffers it ...
        ("1950年、韓国は北朝鮮に侵攻された。", {("PRK", "KOR", "19")}),
        # ... but where what is sent goes when nothing does
        ("1962年、多数の技術者や兵士もキューバに送られた。", set()),
    ],
)
def test_partners_and_passive_agents(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected
