import pytest

from kankei.extract.dates import Anchor, find_dates


def first(text, anchor=None):
    dates, after = find_dates(text, anchor or Anchor())
    return dates[0] if dates else None, after


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("1941年6月22日、ドイツが侵攻した。", "1941-06-22", "day"),
        ("1941年6月、ドイツが侵攻した。", "1941-06", "month"),
        ("1933年に承認した。", "1933", "year"),
        ("１９９１年１２月２６日に解体した。", "1991-12-26", "day"),
        ("1991年12月26日", "1991-12-26", "day"),
        ("1941年末に参戦した。", "1941-12", "month"),
    ],
)
def test_absolute_dates(text, value, precision):
    d, _ = first(text)
    assert (d.value, d.precision, d.rule) == (value, precision, "absolute")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1941-1945年の同盟", "1941", "1945"),
        ("(1917年 - 1939年)", "1917", "1939"),
        ("1930年代に", "1930", "1939"),
        ("1970年代後半", "1975", "1979"),
        ("1980年代前半", "1980", "1984"),
        ("1920年代末", "1927", "1929"),
    ],
)
def test_spans_and_decades_keep_a_range_and_no_date(text, start, end):
    d, _ = first(text)
    assert d.value is None
    assert (d.range_start, d.range_end) == (start, end)


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("同年12月、日本が攻撃した。", Anchor(year=1941, month=6), "1941-12"),
        ("翌年、条約が結ばれた。", Anchor(year=1941), "1942"),
        ("前年の会談", Anchor(year=1973), "1972"),
        ("同月28日に応じた。", Anchor(year=1962, month=10), "1962-10-28"),
        ("9月にはソ連が占領した。", Anchor(year=1939, month=8), "1939-09"),
        ("7月29日の会見", Anchor(year=2023, month=8, doc_year=2023, doc_month=8), "2023-07-29"),
        ("今年4月に会談した。", Anchor.from_doc_date("2023-08"), "2023-04"),
        ("昨年4月29日公開", Anchor.from_doc_date("2023-08"), "2022-04-29"),
        ("先月の反乱", Anchor.from_doc_date("2023-07-06"), "2023-06"),
        ("先月の反乱", Anchor.from_doc_date("2023-01-06"), "2022-12"),
    ],
)
def test_discourse_and_document_relative_dates(text, anchor, value):
    d, _ = first(text, anchor)
    assert d.value == value


@pytest.mark.parametrize("text", ["今年4月に会談した。", "先月の会談", "同年12月"])
def test_relative_dates_without_an_anchor_stay_null(text):
    d, _ = first(text)
    assert d.value is None


def test_anchor_advances_through_a_sentence():
    dates, after = find_dates("1941年6月にドイツが侵攻し、同年12月に日本が参戦した。", Anchor())
    assert [d.value for d in dates] == ["1941-06", "1941-12"]
    assert (after.year, after.month) == (1941, 12)
    nxt, _ = find_dates("翌年、会談した。", after)
    assert nxt[0].value == "1942"


def test_offsets_are_those_of_the_sentence():
    text = "さらに、1941年3月、ウェルズは警告した。"
    d, _ = first(text)
    assert text[d.start : d.end] == "1941年3月" == d.text


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("両首脳は8日、調印した。", Anchor.from_doc_date("1987-12-09"), "1987-12-08"),
        ("31日に発表した。", Anchor(year=2023), None),
        ("3日間の会談", Anchor.from_doc_date("1987-12-09"), None),
    ],
)
def test_day_only_dates_take_the_discourse_month(text, anchor, value):
    d, _ = first(text, anchor)
    assert (d.value if d else None) == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # kanji numerals and era years
        ("一九四一年十二月八日、日本は参戦した。", None, "1941-12-08"),
        ("千九百四十五年八月", None, "1945-08"),
        ("昭和16年12月、開戦した。", None, "1941-12"),
        ("平成元年", None, "1989"),
        ("令和5年5月", None, "2023-05"),
        ("明治37年2月", None, "1904-02"),
        # offsets from the discourse anchor
        ("その2年後、条約は失効した。", Anchor(year=1939), "1941"),
        ("3か月後に撤退した。", Anchor(year=1979, month=2), "1979-05"),
        ("3か月後に撤退した。", Anchor(year=1979, month=11), "1980-02"),
        ("10日後に停戦した。", Anchor(year=1973, month=10, day=6), "1973-10-16"),
        ("1週間後に宣戦布告した。", Anchor(year=1917, month=3, day=22), "1917-03"),
        ("1週間後に宣戦布告した。", Anchor(year=1917, month=3, day=28), "1917"),
        ("翌日、反撃した。", Anchor(year=1950, month=6, day=25), "1950-06-26"),
        ("同年末に解体した。", Anchor(year=1991, month=8), "1991-12"),
        # document-relative forms against the document date
        ("昨日、会談した。", Anchor.from_doc_date("2023-03-01"), "2023-02-28"),
        ("先週、訪問した。", Anchor.from_doc_date("2023-08-16"), "2023-08"),
        ("一昨年の合意", Anchor.from_doc_date("2023-08"), "2021"),
        ("来年1月に再開する。", Anchor.from_doc_date("2023-08"), "2024-01"),
    ],
)
def test_more_date_forms(text, anchor, value):
    d, _ = first(text, anchor)
    assert d.value == value


@pytest.mark.parametrize(
    "text", ["一年間続いた。", "十日間の交渉", "三日目に", "その後、交渉した。"]
)
def test_durations_are_not_dates(text):
    dates, _ = find_dates(text, Anchor(year=1950, month=1, day=1))
    assert all(d.value is None for d in dates)


def test_month_day_in_a_dated_document_takes_the_article_year():
    # the narrative mentioned 2022 (a quotation), but 7月29日 in a 2023 article is 2023
    anchor = Anchor.from_doc_date("2023-08")
    _, anchor = find_dates("2022年初頭の時点で提案した。", anchor)
    d, _ = first("7月29日、記者会見で述べた。", anchor)
    assert d.value == "2023-07-29"


def test_month_day_in_an_undated_document_takes_the_narrative_year():
    _, anchor = find_dates("1939年8月、条約が結ばれた。", Anchor())
    d, _ = first("9月1日、ドイツが侵攻した。", anchor)
    assert d.value == "1939-09-01"


def test_an_inferred_document_date_does_not_take_over_the_narrative():
    anchor = Anchor.from_doc_date("1993", stated=False)
    _, anchor = find_dates("1939年8月、条約が結ばれた。", anchor)
    month, _ = first("9月、侵攻した。", anchor)
    assert month.value == "1939-09"
    this_year, _ = first("今年、会談した。", anchor)
    assert this_year.value == "1993"


def test_a_date_put_off_to_dates_nothing_and_leaves_the_anchor():
    dates, anchor = find_dates(
        "会談が1943年に延期されたときは抗議しただけだったが、翌年には関係を断った。",
        Anchor(year=1942),
    )
    assert [(d.value, d.rule) for d in dates] == [(None, "target-date"), ("1943", "discourse")]
    assert anchor.year == 1943


def test_a_date_in_an_aside_does_not_move_the_anchor():
    dates, anchor = find_dates("会談はマルタ（2014年に改修）で開かれた。", Anchor(year=1989))
    assert dates[0].value == "2014"
    assert anchor.year == 1989
