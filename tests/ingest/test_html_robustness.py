"""HTML text is not lost to nesting depth or to tags a page leaves unclosed (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kankei.ingest.documents import document_from_bytes
from kankei.ingest.html import extract_html, main_text_lines, visible_text


def _para(i: int) -> str:
    return f"{1900 + i}年、ソ連は第{i}回の会談で米国と合意した。"


def _parsed(html: str) -> list[str]:
    doc = document_from_bytes(html.encode("utf-8"), Path("page.html"))
    return [s.text for s in doc.sentences if s.parse]


def _assert_maps_back(html: str) -> None:
    mapped, _, _ = visible_text(html)
    for ch, off in zip(mapped.text, mapped.offsets, strict=True):
        assert html[off] == ch or html[off] in "<&", (ch, off)


def _page(body: str) -> str:
    return f"<html><head><title>記事</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("depth", [254, 300, 1000])
def test_deeply_nested_block_and_what_follows_it_are_kept(depth: int) -> None:
    before = "".join(f"<p>{_para(i)}</p>" for i in range(3))
    after = "".join(f"<p>{_para(i)}</p>" for i in range(4, 7))
    html = _page(before + "<div>" * depth + f"<p>{_para(3)}</p>" + "</div>" * depth + after)
    assert _parsed(html) == [_para(i) for i in range(7)]
    assert any("nested" in w for w in extract_html(html).warnings)
    _assert_maps_back(html)


@pytest.mark.parametrize("tag", ["font", "div", "span", "b"])
def test_pages_of_unclosed_tags_keep_every_paragraph(tag: str) -> None:
    html = _page("".join(f"<{tag}><p>{_para(i)}</p>" for i in range(300)))
    assert _parsed(html) == [_para(i) for i in range(300)]


@pytest.mark.parametrize("tag", ["form", "nav", "button", "header", "footer", "aside", "select"])
def test_an_unclosed_tag_does_not_swallow_the_rest_of_the_page(tag: str) -> None:
    html = _page(
        f"<p>{_para(0)}</p><{tag}><p>メニュー</p>"
        + "".join(f"<p>{_para(i)}</p>" for i in range(1, 6))
    )
    assert _parsed(html) == [_para(i) for i in range(6)]
    _assert_maps_back(html)


def test_unclosed_furniture_is_told_in_a_warning() -> None:
    html = _page(f"<nav><a href='/'>ホーム</a><p>{_para(1)}</p>")
    page = extract_html(html)
    assert _para(1) in page.mapped.text
    at = html.index("<nav>")
    assert page.warnings == (
        f"1 <nav> never closed (the first at offset {at}): their text is kept",
    )


def test_furniture_closed_by_an_ancestor_is_kept_too() -> None:
    # a wrapper's </div> ends the <nav> the page forgot to close: where the page meant it to
    # end is unknown, so nothing in it is left out
    html = _page(f"<div><nav><a>ホーム</a><p>{_para(1)}</p></div><p>{_para(2)}</p>")
    assert _parsed(html) == [_para(1), _para(2)]


def test_form_and_button_text_is_shown_as_a_browser_shows_it() -> None:
    html = _page(f"<form action='/'><p>{_para(0)}</p><button>{_para(1)}</button></form>")
    assert _para(0) in _parsed(html)
    assert _para(1) in visible_text(html)[0].text


def test_closed_furniture_is_left_out_and_counted() -> None:
    aside = "広告" + "".join(_para(i) for i in range(5))
    html = _page(f"<p>{_para(0)}</p><aside>{aside}</aside><nav>ホーム</nav><p>{_para(9)}</p>")
    page = extract_html(html)
    assert "広告" not in page.mapped.text and "ホーム" not in page.mapped.text
    assert page.left_out == len(aside) + len("ホーム")
    assert any("prose inside 1 <aside>" in w for w in page.warnings)
    assert _parsed(html) == [_para(0), _para(9)]


def test_nested_furniture_end_tag_closes_the_innermost() -> None:
    html = _page(f"<nav>A<nav>B</nav><p>{_para(1)}</p>")
    text = visible_text(html)[0].text
    assert "B" not in text and "A" in text and _para(1) in text


def test_unclosed_script_does_not_hide_the_rest() -> None:
    html = _page(f"<p>{_para(0)}</p><script>var x = 1;<p>{_para(1)}</p>")
    assert _parsed(html) == [_para(0), _para(1)]


def test_closed_script_and_style_stay_hidden() -> None:
    html = _page(f"<style>p {{}}</style><script>if (a<b) {{}}</script><p>{_para(0)}</p>")
    mapped, title, _ = visible_text(html)
    assert mapped.text.strip() == _para(0) and title == "記事"


def test_unclosed_title_keeps_the_page_text() -> None:
    html = f"<html><head><title>記事<body><p>{_para(0)}</p></body></html>"
    assert _para(0) in visible_text(html)[0].text


def test_head_never_closed_ends_where_the_page_content_starts() -> None:
    html = f"<html><head><title>記事</title><meta charset='utf-8'><p>{_para(0)}</p></head>"
    mapped, title, _ = visible_text(html)
    assert title == "記事" and _para(0) in mapped.text


def test_list_items_and_cells_close_each_other_without_losing_text() -> None:
    html = _page(
        "<ul><li>一<li>二<ul><li>三</ul><li>四</ul><table><tr><td>五<td>六<tr><td>七</table>"
    )
    text = visible_text(html)[0].text
    assert [w for w in text.split() if w] == ["一", "二", "三", "四", "五", "六", "七"]


def test_entities_map_to_their_ampersand() -> None:
    html = _page("<p>米&amp;ソ&#x3001;&nbsp;&unknown;&apos;</p>")
    text = visible_text(html)[0].text
    assert "米&ソ、\xa0&unknown;'" in text
    _assert_maps_back(html)


def test_main_content_finder_reads_the_normalized_page() -> None:
    html = _page("<div>" * 400 + "".join(f"<p>{_para(i)}</p>" for i in range(5)))
    lines = main_text_lines(html)
    assert lines is not None and all(_para(i) in lines for i in range(5))


def test_ten_thousand_levels_and_stray_end_tags_are_read() -> None:
    # (its cost is measured by bench/robustness.py, not asserted here)
    html = _page(
        "<div>" * 10_000 + _para(0) + "</div>" * 10_000 + "<span>" * 10_000 + "</b>" * 10_000
    )
    page = extract_html(html)
    assert _para(0) in page.mapped.text and page.normalized is not None
