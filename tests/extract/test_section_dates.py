"""Dates from the discourse's structure: the section a dated heading opens (date.narrative),
and dates that tell the history of something named, which leave the narrative where it stands
(date.background). Team-written sentences; a text starting with # is a heading."""

import pytest

from tests.coding import code_sentences


def dated(pipeline, texts, disabled=frozenset()):
    coder = pipeline.coder.with_disabled(frozenset(disabled))
    events = code_sentences(pipeline, texts, "2000-01-01", coder).events
    return {(e.source, e.target, e.root, e.date) for e in events}


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # an undated act two sentences below a dated heading takes the heading's date
        (
            ["### 1962年10月24日", "ソ連は封鎖を非難した。", "国連は米国に書簡を送った。"],
            {("UN", "USA", "04", "1962-10-24")},
        ),
        # a subsection without a date stays inside the dated section
        (
            [
                "### 1962年10月24日",
                "ソ連は封鎖を非難した。",
                "#### 国連",
                "国連は米国に書簡を送った。",
            ],
            {("UN", "USA", "04", "1962-10-24")},
        ),
        # a heading of the same level ends the section
        (
            [
                "### 1962年10月24日",
                "ソ連は封鎖を非難した。",
                "### 背景",
                "国連は米国に書簡を送った。",
            ],
            {("UN", "USA", "04", None)},
        ),
        # a date of the sentence's own wins over the section's
        (
            ["### 1962年10月24日", "ソ連は封鎖を非難した。", "国連は翌日、米国に書簡を送った。"],
            {("UN", "USA", "04", "1962-10-25")},
        ),
        # what was going on then (…していた) is not dated by the section
        (
            ["### 1962年10月24日", "ソ連は封鎖を非難した。", "米国はソ連と交渉を続けていた。"],
            {("USA", "SUN", "04", None)},
        ),
    ],
)
def test_section_date(pipeline, texts, expected):
    assert dated(pipeline, texts) == expected


def test_without_the_rule_the_section_dates_nothing(pipeline):
    texts = ["### 1962年10月24日", "ソ連は封鎖を非難した。", "国連は米国に書簡を送った。"]
    assert dated(pipeline, texts, {"date.narrative"}) == {("UN", "USA", "04", None)}


@pytest.mark.parametrize(
    ("texts", "expected_year"),
    [
        # a treaty's date in the clause describing it
        (
            [
                "1962年、米国は1947年に締結した条約に基づいてキューバを封鎖した。",
                "翌年、ソ連は米国と協定を結んだ。",
            ],
            "1963",
        ),
        # a publication's
        (
            [
                "1962年、米国の補佐官が1965年に書いた著書で述べた。",
                "翌年、ソ連は米国と協定を結んだ。",
            ],
            "1963",
        ),
        # an organisation's
        (
            ["1962年、1949年に発足した機構はソ連を非難した。", "翌年、ソ連は米国と協定を結んだ。"],
            "1963",
        ),
        # a date in a clause describing anything else does move the narrative
        (
            ["1962年、1970年に就任した大統領は演説した。", "翌年、ソ連は米国と協定を結んだ。"],
            "1971",
        ),
    ],
)
def test_a_date_telling_a_history_leaves_the_narrative(pipeline, texts, expected_year):
    assert ("SUN", "USA", "05", expected_year) in dated(pipeline, texts)


def test_without_the_rule_the_history_moves_the_narrative(pipeline):
    texts = [
        "1962年、米国は1947年に締結した条約に基づいてキューバを封鎖した。",
        "翌年、ソ連は米国と協定を結んだ。",
    ]
    assert ("SUN", "USA", "05", "1948") in dated(pipeline, texts, {"date.background"})
