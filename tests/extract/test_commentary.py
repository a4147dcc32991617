"""What is quoted, written or merely posed is not an act between states."""

import pytest

from tests.coding import code, triples


@pytest.mark.parametrize(
    "text",
    [
        # a subject inside the quotation is not the subject of the verb quoting it
        "1980年、歴史家は「ハマーはレーニンと会談した」と書いている。",
        # proposals and statements made in an article or a book are commentary
        "1990年、ハースはこの論文の中でロシアとの対話を提言した。",
        "1995年、キッシンジャーは回顧録で中国との交渉を述べた。",
        # the setting scopes over the chain of clauses it opens
        "2023年、ハースはこの論文の中で停戦の可能性を予測し、ロシアとの対話を提言した。",
        # te-form 対抗して is a postposition: countering, not an act of its own
        "1942年、スターリン軍はナチス軍に対抗して東部戦線を維持した。",
        # a treaty's provisions are no events
        "第2条：日ソ両国は、相互に領土を尊重し、不可侵を約束する。",
        # a posture aimed at a counterpart who is no actor is not unilateral
        "1960年、ソ連は周辺の衛星国に対して軍を駐留させた。",
    ],
)
def test_not_coded(pipeline, text):
    assert triples(code(pipeline, text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the finite verb is an act
        ("1955年、ソ連は米国に対抗した。", {("SUN", "USA", "11")}),
        # a test is unilateral, whatever the event noun's own case
        ("1957年、ソ連は大陸間弾道ミサイルの発射実験に成功した。", {("SUN", None, "15")}),
        # one act told twice in a chain (結ばれ、署名が行われた) is one record per pair
        (
            "1991年7月、START Iがブッシュとゴルバチョフとの間で結ばれ、署名が行われた。",
            {("USA", "SUN", "05")},
        ),
    ],
)
def test_coded(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


def test_named_parties_do_not_repeat_a_stated_act(pipeline):
    events = code(
        pipeline, "1991年7月、START Iがブッシュとゴルバチョフとの間で結ばれ、署名が行われた。"
    )
    assert len(events) == 1 and "src:named" not in events[0].rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 要請を受け、 is an act, not the postposition …を受けて: nothing of its clause moves
        (
            "1905年、米国大統領は日本海海戦のあとに日本から要請を受け、ロシアに講和を勧告した。",
            {("JPN", "USA", "02"), ("USA", "RUS", "02")},
        ),
        # a time (…ている間に) is no counterpart; an event noun's own target under a light verb
        (
            "ソ連の使節がハンガリーに出かけている間に、ソ連はハンガリーに対する出兵を決定した。",
            {("SUN", "HUN", "15")},
        ),
        # what one could not do is a refusal, not an ability
        (
            "1950年、米国はソ連の要求に同意できなかった。",
            {("SUN", "USA", "10"), ("USA", "SUN", "12")},
        ),
    ],
)
def test_clauses_and_postpositions(pipeline, text, expected):
    assert triples(code(pipeline, text)) == expected


def test_an_aside_does_not_set_the_main_clause_in_a_column(pipeline):
    text = "2023年、コラムで指摘したように、米国政府は「ロシアの弱体化」を目指す方針を公言した。"
    assert ("USA", "RUS", "01") in triples(code(pipeline, text))


def test_what_a_request_is_about_is_not_whom_it_asks(pipeline):
    events = code(pipeline, "1950年、米国はソ連に朝鮮問題について協議を要請した。")
    assert {(e.source, e.target, e.root) for e in events} == {("USA", "SUN", "02")}
    assert all(e.target_text == "ソ連" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a material act with no patient goes on with the source's own act ...
        (
            "1979年、中国はベトナムに侵攻し、翌月に撤退した。",
            {("CHN", "VNM", "19"), ("CHN", "VNM", "08")},
        ),
        # ... but takes no other party of the sentence as its patient
        (
            "1949年、米国の支援する国民党とソ連の支援する共産党が戦い、共産党が勝利した。",
            {("USA", "CHN", "07"), ("SUN", "CHN", "07")},
        ),
    ],
)
def test_material_acts_without_a_patient(pipeline, text, expected):
    assert triples(code(pipeline, text)) <= expected
    assert triples(code(pipeline, text)) & expected


def test_a_state_naming_an_issue_is_no_counterpart(pipeline):
    # NATO問題, 台湾問題: the issue is named after it; the counterpart is elsewhere or unsaid
    assert triples(code(pipeline, "1996年、中国は台湾問題について米国に抗議した。")) == {
        ("CHN", "USA", "11")
    }
    assert triples(code(pipeline, "2023年、NATO問題に詳しい米国の元高官も参加した。")) == set()
