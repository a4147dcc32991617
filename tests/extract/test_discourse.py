"""What one sentence lends the next: anaphora, zero targets, aliases (needs the parser)."""

import pytest

from tests.coding import code_sentences as code_doc


def triples(coded, index):
    return {(e.source, e.target, e.root) for e in coded.events if e.sentence_index == index}


def test_ryokoku_points_back_to_the_two_states(pipeline):
    coded = code_doc(pipeline, ["1972年、日本は中国を訪問した。", "両国は共同声明に署名した。"])
    assert ("JPN", "CHN", "05") in triples(coded, 1)


def test_an_unsaid_target_is_the_actor_just_named(pipeline):
    coded = code_doc(
        pipeline, ["1990年、米国はイラクに撤退を要求した。", "しかし、イラクは拒否した。"]
    )
    assert ("IRQ", "USA", "12") in triples(coded, 1)


def test_a_role_phrase_codes_the_surname_later(pipeline):
    coded = code_doc(
        pipeline,
        ["1950年、米国大使ジョン・スミスがモスクワに着任した。", "スミスはソ連を批判した。"],
    )
    assert ("USA", "SUN", "11") in triples(coded, 1)


def test_uncoded_names_are_listed(pipeline):
    coded = code_doc(pipeline, ["ヘンリー・フォードはソ連に工場を建てた。"])
    assert (0, "ヘンリー・フォード", "person") in coded.unknown


def dates_of(coded, index):
    return {(e.source, e.target, e.root, e.date) for e in coded.events if e.sentence_index == index}


def test_an_undated_sentence_goes_on_at_the_date_of_the_one_before(pipeline):
    coded = code_doc(
        pipeline, ["1933年11月、米国はソ連を承認した。", "ソ連は米国に内政不干渉を約束した。"]
    )
    assert ("SUN", "USA", "03", "1933-11") in dates_of(coded, 1)
    assert {e.date_rule for e in coded.events if e.sentence_index == 1} == {
        "previous-sentence:absolute"
    }


def test_the_date_carried_is_the_frame_date_of_the_sentence_before(pipeline):
    coded = code_doc(
        pipeline,
        [
            "1972年5月、ニクソン大統領は1959年以来初めてソ連を訪れた。",
            "米国はソ連と弾道弾迎撃ミサイル制限条約に署名した。",
        ],
    )
    assert ("USA", "SUN", "05", "1972-05") in dates_of(coded, 1)


def test_a_sentence_with_a_bound_of_its_own_carries_no_date(pipeline):
    coded = code_doc(
        pipeline,
        ["1990年5月、米国はソ連と会談した。", "1944年の会談の後、米国はソ連を非難した。"],
    )
    assert ("USA", "SUN", "11", None) in dates_of(coded, 1)


def test_a_city_a_declaration_is_named_after_is_no_counterpart(pipeline):
    coded = code_doc(
        pipeline,
        ["1975年、米国とソ連は会談した。", "ヘルシンキ宣言では、ソ連が人権の尊重を約束した。"],
    )
    assert {e.target for e in coded.events if e.sentence_index == 1} == {"USA"}


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # an act aimed at an act just told (これ) is aimed at that act's agent
        ("ソ連はこれに強く反対した。", {("SUN", "USA", "12")}),
        # a counterpart stated but no actor leaves no unsaid target to guess
        ("ソ連の大使館はコメントの要請に応じなかった。", set()),
        # the document acted on is no counterpart: the unsaid one is still the state just named
        ("1972年、ソ連は共同声明に署名した。", {("SUN", "USA", "05")}),
        # nor is an adverb with に
        ("ソ連は派遣していた技術者を一斉に引き揚げた。", {("SUN", "USA", "16")}),
    ],
)
def test_unsaid_targets_only_where_nothing_is_said(pipeline, second, expected):
    coded = code_doc(pipeline, ["1972年、米国はソ連に新たな提案を示した。", second])
    assert triples(coded, 1) == expected


def test_an_act_dated_after_the_report_has_not_happened(pipeline):
    coded = code_doc(
        pipeline, ["来週、バイデン大統領はリトアニアでNATO首脳と会談する。"], "2023-07-06"
    )
    assert [(e.source, e.target, e.mode) for e in coded.events] == [("USA", "NATO", "future")]


@pytest.mark.parametrize("doc_date", [None, "2023"])
def test_an_act_dated_forward_has_not_happened_whatever_the_document_date(pipeline, doc_date):
    coded = code_doc(pipeline, ["来週、バイデン大統領はNATO首脳と会談する。"], doc_date)
    assert [(e.source, e.target, e.mode) for e in coded.events] == [("USA", "NATO", "future")]


def test_a_crisis_named_after_a_state_is_no_antecedent(pipeline):
    coded = code_doc(
        pipeline,
        [
            "1962年、米国はソ連を非難した。",
            "1963年、キューバ危機を受けて、両超大国はホットラインを設置した。",
        ],
    )
    assert {(e.source, e.target) for e in coded.events if e.sentence_index == 1} <= {
        ("USA", "SUN"),
        ("SUN", "USA"),
    }


def test_what_was_going_on_takes_no_date_from_the_sentence_before(pipeline):
    coded = code_doc(
        pipeline, ["1979年3月16日、両国は条約に署名した。", "ソ連はアフガニスタンを支援していた。"]
    )
    assert [(e.source, e.target, e.date) for e in coded.events if e.sentence_index == 1] == [
        ("SUN", "AFG", None)
    ]


def test_this_group_is_the_state_named_before_other_than_the_topic(pipeline):
    coded = code_doc(
        pipeline,
        [
            "2023年、米国の元高官グループはロシアの外相と秘密裏に会談した。",
            "ロシアのラブロフ外相は、4月に数時間、このグループのメンバーと会談した。",
        ],
    )
    assert ("RUS", "USA", "04") in triples(coded, 1)


def test_an_event_told_again_takes_the_date_it_was_told_with(pipeline):
    coded = code_doc(
        pipeline,
        [
            "2023年4月、ロシアの外相は米国の元高官と会談した。",
            "会談はニューヨークで行われた。",
            "ロシアの外相と会談したのは、米国の元高官であった。",
        ],
    )
    assert [
        (e.source, e.target, e.date, e.date_rule) for e in coded.events if e.sentence_index == 2
    ] == [("USA", "RUS", "2023-04", "same-event")]


def test_a_carried_date_keeps_its_month_only_for_the_same_parties(pipeline):
    coded = code_doc(
        pipeline, ["1939年9月、ドイツはポーランドに侵攻した。", "英国はドイツを強く非難した。"]
    )
    assert ("GBR", "DEU", "11", "1939") in dates_of(coded, 1)


def test_a_demand_is_not_addressed_to_a_state_named_in_its_terms(pipeline):
    coded = code_doc(
        pipeline,
        [
            "1972年、米国はソ連と会談した。",
            "米国は北ベトナムへの支援を停止するという条件を提示した。",
        ],
    )
    assert ("USA", "SUN", "10") in triples(coded, 1)


def test_an_unsaid_target_is_not_sought_beyond_the_sentence_before(pipeline):
    coded = code_doc(
        pipeline,
        [
            "1990年、米国はイラクに撤退を要求した。",
            "その後、長い討議が続いた。",
            "しかし、イラクは拒否した。",
        ],
    )
    assert triples(coded, 2) == set()


def test_a_subject_inside_a_clause_of_time_is_not_the_main_verbs(pipeline):
    # 交渉が…されたときは: the が belongs to the time clause, the topic does the complaining
    coded = code_doc(
        pipeline,
        [
            "1950年、米国はソ連に交渉を約束した。",
            "スターリンは、交渉が延期されたときは不平を言った。",
        ],
    )
    assert triples(coded, 1) == {("SUN", "USA", "11")}


def test_after_what_is_answered_the_subject_is_the_main_clauses(pipeline):
    # …ことを受けて is a postposition: the subject before it belongs to 終了, and the state
    # named in the clause it answers is coded for the event's date (ロシア in 1924 → SUN)
    coded = code_doc(
        pipeline,
        ["米国政府による援助は、ロシアが穀物の輸出を再開したことを受けて、1924年に終了した。"],
    )
    assert triples(coded, 0) == {("USA", "SUN", "16")}


def test_a_year_in_a_name_neither_dates_nor_moves_the_narrative(pipeline):
    coded = code_doc(
        pipeline,
        [
            "1968年1月、ソ連はチェコスロバキアの新指導部と会談した。",
            "2月22日に開催された1948年革命記念式典には、ソ連の首脳がチェコスロバキアを訪問して出席した。",
        ],
    )
    dates = {e.date for e in coded.events if e.sentence_index == 1}
    assert dates == {"1968-02-22"}


def test_a_named_period_carries_no_date(pipeline):
    coded = code_doc(
        pipeline,
        ["1972年5月、米ソは首脳会談を行った。", "この緊張緩和の時期には、米ソの交渉が重ねられた。"],
    )
    assert [e.date for e in coded.events if e.sentence_index == 1] == [None]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # an act aimed at an act just told is aimed at its agent, not at its victim
        (
            [
                "2020年、アゼルバイジャン軍がアルメニア軍の陣地を砲撃した。",
                "フランスはこれを強く非難した。",
            ],
            {("FRA", "AZE", "11")},
        ),
        # …and so is a reaction to what another did (…したことに対して)
        (
            [
                "2018年、アメリカがイランとの核合意から離脱したことに対して、フランスが強く反発した。"
            ],
            {("FRA", "USA", "11")},
        ),
    ],
)
def test_a_reaction_is_aimed_at_the_agent_of_the_act_it_answers(pipeline, texts, expected):
    coded = code_doc(pipeline, texts)
    assert expected <= triples(coded, len(texts) - 1)
