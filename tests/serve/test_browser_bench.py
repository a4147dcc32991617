"""The explorer on a store of real documents (the reference corpus and the first bench-corpus
articles, skipped without ../shared): many dyads, undated events, other modes, long texts."""

import pytest
from playwright.sync_api import expect

from tests.serve import test_browser as shared
from tests.serve.test_browser import (
    ASSERTED,
    DESKTOP,
    PHONE,
    api_json,
    explorer,
    point_position,
    query_of,
    serving,
)

# the fixtures of test_browser.py: one browser per module, the small store made once
browser = shared.browser


@pytest.fixture(scope="module")
def bench_url(bench_store):
    with serving(bench_store) as url:
        yield url


@pytest.fixture()
def usa_sun(browser, bench_url):
    with explorer(browser, bench_url + "/?a=USA&b=SUN&by=year") as pg:
        yield pg


def test_the_page_says_how_many_events_are_undated_and_lists_them(usa_sun):
    page = usa_sun
    series = api_json(page, "/api/series", a="USA", b="SUN", **ASSERTED)
    on_curve = sum(p["events"] for p in series["both"])
    undated = series["undated"]
    assert undated > 10 and on_curve > 10
    every_mode = api_json(page, "/api/events", dyad="USA,SUN")["total"]
    assert every_mode > on_curve + undated  # the store has events the curve leaves out
    expect(page.locator("#curve-note")).to_contain_text(
        f"{on_curve} events on the curve, {undated} undated not shown"
    )
    expect(page.locator("#event-count")).to_have_text(f"{on_curve + undated} events")
    page.click("#show-undated")
    expect(page.locator("#event-count")).to_contain_text(f"{undated} events — 日付なし")
    assert query_of(page)["undated"] == ["1"]
    cards = page.locator("#timeline .event")
    assert cards.count() == min(undated, 30)
    assert all(d == "日付なし" for d in page.locator("#timeline .ev-date").all_text_contents())
    assert page.problems == []


def test_a_phase_and_a_hovered_year_list_what_they_count(usa_sun):
    page = usa_sun
    phases = api_json(page, "/api/phases", a="USA", b="SUN", **ASSERTED)["phases"]
    assert len(phases) >= 3
    for index, phase in enumerate(phases):
        page.locator("#phase-list li.phase").nth(index).click()
        expect(page.locator("#event-count")).to_contain_text(f"{phase['events']} events —")
    series = api_json(page, "/api/series", a="USA", b="SUN", **ASSERTED)
    busiest = sorted(enumerate(series["both"]), key=lambda ip: -ip[1]["events"])[:3]
    for index, point in busiest:
        page.mouse.move(*point_position(page, 0, index))
        expect(page.locator("#hover-title")).to_contain_text(
            f"{point['period']} USA ⇄ SUN: {point['events']} events"
        )
    assert page.problems == []


def test_by_month_the_curve_the_months_and_the_undated_agree(browser, bench_url):
    with explorer(browser, bench_url + "/?a=USA&b=SUN&by=month") as page:
        series = api_json(page, "/api/series", a="USA", b="SUN", by="month", **ASSERTED)
        on_curve = sum(p["events"] for p in series["both"])
        expect(page.locator("#curve-note")).to_contain_text(
            f"{on_curve} events on the curve, {series['undated']} undated not shown"
        )
        index, month = max(enumerate(series["both"]), key=lambda ip: ip[1]["events"])
        page.mouse.move(*point_position(page, 0, index))
        expect(page.locator("#hover-title")).to_contain_text(
            f"{month['period']} USA ⇄ SUN: {month['events']} events"
        )
        page.click("#show-undated")
        # by month, an event dated only to its year is off the curve too
        expect(page.locator("#event-count")).to_contain_text(f"{series['undated']} events")
        assert page.problems == []


def test_on_a_phone_a_long_document_is_full_screen_and_closes(browser, bench_url):
    with explorer(browser, bench_url + "/?a=USA&b=SUN", viewport=PHONE) as page:
        page.locator("#timeline .event").nth(5).click()
        focus = page.locator("#doc-text .focus")
        focus.wait_for()
        expect(focus).to_be_in_viewport()
        box = page.locator("#doc-view").bounding_box()
        assert (box["width"], box["height"]) == (PHONE["width"], PHONE["height"])
        expect(page.locator("#doc-close")).to_be_in_viewport()
        page.keyboard.press("Escape")
        expect(page.locator("#doc-view")).to_be_hidden()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.problems == []


def test_the_overview_of_a_real_store_opens_its_busiest_dyad(browser, bench_url):
    with explorer(browser, bench_url + "/?view=overview", viewport=DESKTOP, wait=None) as page:
        page.locator("#overview-body .open-dyad").first.wait_for()
        top = api_json(page, "/api/overview", limit="20", **ASSERTED)["dyads"][0]
        page.locator("#overview-body .open-dyad").first.click()
        expect(page.locator("#chart-title")).to_contain_text(f"{top['a']} ⇄ {top['b']}")
        series = api_json(page, "/api/series", a=top["a"], b=top["b"], **ASSERTED)
        on_curve = sum(p["events"] for p in series["both"])
        assert on_curve + series["undated"] == top["events"]
        expect(page.locator("#event-count")).to_have_text(f"{top['events']} events")
        assert page.problems == []
