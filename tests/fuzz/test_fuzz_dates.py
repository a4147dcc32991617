"""Date resolution on generated Japanese date expressions: no crash, spans inside the text."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kankei.extract.dates import Anchor, find_dates
from tests.fuzz.strategies import fuzz

VALUE = re.compile(r"-?\d+(?:-\d{2}){0,2}")
PARTS = (
    "年",
    "月",
    "日",
    "年代",
    "同年",
    "翌年",
    "前年",
    "今年",
    "昨年",
    "一昨年",
    "来年",
    "同月",
    "翌月",
    "先月",
    "今月",
    "同日",
    "翌日",
    "昨日",
    "先週",
    "来週",
    "後",
    "前",
    "か月後",
    "週間後",
    "日後",
    "年後",
    "末",
    "初頭",
    "前半",
    "後半",
    "上旬",
    "下旬",
    "昭和",
    "平成",
    "令和",
    "大正",
    "明治",
    "元",
    "十",
    "百",
    "〇",
    "一",
    "九",
    "二",
    "三",
    "〜",
    "-",
    "（",
    "）",
    "、",
    "。",
    "に",
    "延期",
    "において",
    "この時期において",
    "戦争で",
    "頃",
    "０",
    "１",
    "９",
)
date_text = st.lists(
    st.one_of(st.sampled_from(PARTS), st.integers(0, 99999).map(str)), max_size=25
).map("".join)
doc_date = st.one_of(
    st.none(),
    st.tuples(st.integers(1, 9999), st.integers(0, 12), st.integers(0, 31)).map(
        lambda t: "-".join(str(x) for x in t if x) if t[1] else str(t[0])
    ),
)


@fuzz(2500)
@given(date_text, doc_date, st.booleans())
def test_find_dates_never_crashes(text: str, doc: str | None, stated: bool) -> None:
    anchor = Anchor.from_doc_date(doc, stated=stated)
    dates, moved = find_dates(text, anchor)
    # a second sentence resolved against the anchor the first one left
    find_dates(text, moved)
    for d in dates:
        assert 0 <= d.start < d.end <= len(text) and d.text == text[d.start : d.end]
        if d.value is not None:
            assert VALUE.fullmatch(d.value), d.value
            parts = [int(p) for p in d.value.split("-")] + [1, 1]
            dt.date(parts[0], parts[1], parts[2])  # a date the calendar has


@pytest.mark.parametrize(
    ("text", "doc"),
    [("2月30日", "2000"), ("同年2月29日", "2001"), ("一昨年", "1"), ("昭和99999年", "2000")],
)
def test_resolved_values_are_calendar_dates(text: str, doc: str) -> None:
    dates, _ = find_dates(text, Anchor.from_doc_date(doc))
    for d in dates:
        if d.value is not None:
            parts = [int(p) for p in d.value.split("-")] + [1, 1]
            dt.date(parts[0], parts[1], parts[2])


@pytest.mark.parametrize(
    ("text", "doc"),
    [
        ("1979年2月30日、ソ連は侵攻した。3日後、米国は抗議した。", None),
        ("2月30日に会談した。その翌日、声明を出した。", "1980"),
        ("先週、会談した。", "1-2-29"),  # a document date the calendar lacks
        ("昨日、会談した。", "1-01-01"),  # the day before the calendar's first
    ],
)
def test_a_day_beyond_the_month_end_does_not_crash(text: str, doc: str | None) -> None:
    find_dates(text, Anchor.from_doc_date(doc))
