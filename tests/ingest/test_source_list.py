"""A news article's trailing source list: never parsed, and its latest citation dates the article
(team-written documents in the Wikinews layout: headline, article, sources)."""

from pathlib import Path

import pytest

from kankei.ingest.documents import document_from_bytes

ARTICLE = """日本、新国家を承認

16日、日本政府はモンテネグロを国家として承認した。
外務大臣は同日、談話を発表した。
『日本、モンテネグロを承認へ』。
朝日新聞、2006年6月16日。
"外交関係樹立へ"。
読売新聞、2006年6月17日。
"""


def read(text, name="wikinews_9999.txt"):
    return document_from_bytes(text.encode("utf-8"), Path(name))


def test_the_latest_citation_dates_the_article_and_the_list_is_not_parsed():
    doc = read(ARTICLE)
    assert (doc.doc_date, doc.doc_date_source) == ("2006-06-17", "evidence:sources")
    sources = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "source"]
    assert sources[0] == "『日本、モンテネグロを承認へ』。" and len(sources) == 4
    parsed = [s.text for s in doc.sentences if s.parse]
    assert parsed == [
        "16日、日本政府はモンテネグロを国家として承認した。",
        "外務大臣は同日、談話を発表した。",
    ]


def test_english_citations_and_a_list_of_related_articles():
    text = (
        "見出し\n\n米国は声明を発表した。\n英語版ウィキニュースからの翻訳です。\n"
        '" Talks resume ". BBC, October 14, 2005 " Talks end ". Reuters, October 15, 2005。\n'
        "最近の記事米国、声明を発表ほかの記事。\n続きの記事の見出し。\n"
    )
    doc = read(text)
    assert doc.doc_date == "2005-10-15"
    assert [s.text for s in doc.sentences if s.parse] == ["米国は声明を発表した。"]


@pytest.mark.parametrize(
    "ending",
    [
        # a bibliography is no source list of the article's news
        "1. 某著『日露関係史』某出版社、2000年4月25日発行、ISBN 4-00-000000-0、10頁。\n",
        # nor is prose that happens to end the text with a date
        "両国は、2006年6月に国交を樹立した。\n",
    ],
)
def test_what_is_not_a_source_list(ending):
    doc = read("見出し\n\n米国は声明を発表した。\n" + ending)
    assert doc.doc_date_source != "evidence:sources"
    assert not [b for b in doc.blocks if b.kind == "source"]


def test_a_day_of_the_article_resolves_against_its_sources(pipeline):
    from tests.coding import code_sentences

    doc = read(ARTICLE)
    sentences = [s.text for s in doc.sentences if s.parse]
    events = code_sentences(pipeline, sentences, doc.doc_date).events
    assert {(e.source, e.target, e.root, e.date) for e in events} >= {
        ("JPN", "MNE", "05", "2006-06-16")
    }
