"""The explorer's views in a real browser: the view in the address, filters and measures,
the keyboard, colour contrast, the data behind the view, the overview, comparisons and the
phone layout."""

import csv
import io

from playwright.sync_api import expect

from tests.serve import test_browser as shared
from tests.serve.test_browser import ASSERTED, PHONE, api_json, explorer, query_of

# the fixtures of test_browser.py: one browser per module, the small store made once
base_url = shared.base_url
browser = shared.browser
page = shared.page

# every element with text of its own, outside the chart's SVG: its text colour against the
# first opaque background behind it (WCAG 2 contrast ratio)
CONTRAST_JS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const background = (node) => {
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const node of document.querySelectorAll('body *')) {
    if (node.closest('svg') || node.closest('[hidden]') || !node.checkVisibility()) continue;
    const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    if (!own || node.matches('input, select, option')) continue;
    const fg = lum(rgb(getComputedStyle(node).color)), bg = lum(background(node));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) low.push(`${ratio.toFixed(2)} ${node.tagName}.${node.className}: ${node.textContent.slice(0, 30)}`);
  }
  return low;
}"""


def test_the_address_holds_the_view_and_back_and_forward_restore_it(page):
    url = page.url.split("?")[0] + "?a=USA&b=SUN&by=month&quad=1&measure=count"
    page.goto(url)
    page.wait_for_selector("#timeline .event")
    assert page.input_value("#period") == "month"  # the selector knows month
    assert page.is_checked("#filters input[name=quad][value='1']")
    assert page.is_checked("#filters input[name=measure][value=count]")
    expect(page.locator("#chart .barlayer .trace")).to_have_count(4)  # q1..q4 stacked
    all_events = page.text_content("#event-count")
    page.locator("#phase-list li.phase").first.click()
    expect(page.locator("#event-count")).not_to_have_text(all_events)
    phase_events = page.text_content("#event-count")
    assert "from" in query_of(page) and query_of(page)["by"] == ["month"]
    page.go_back()
    expect(page.locator("#event-count")).to_have_text(all_events)
    assert "from" not in query_of(page)
    page.go_forward()
    expect(page.locator("#event-count")).to_have_text(phase_events)
    # an address typed by hand is shown as it says
    page.goto(page.url.split("?")[0] + "?a=USA&b=CUB&by=decade")
    expect(page.locator("#chart-title")).to_contain_text("USA ⇄ CUB")
    assert page.input_value("#period") == "decade"
    assert page.problems == []


def test_a_filter_changes_every_count_and_the_address(page):
    page.locator("#f-quad summary").click()
    page.check("#filters input[name=quad][value='4']")
    expect(page.locator("#chart-title")).to_contain_text("QuadClass 4")
    assert query_of(page)["quad"] == ["4"]
    expected = api_json(page, "/api/events", dyad="USA,SUN", quad="4", **ASSERTED)["total"]
    series = api_json(page, "/api/series", a="USA", b="SUN", quad="4", **ASSERTED)
    assert 0 < expected < 20
    assert sum(p["events"] for p in series["both"]) + series["undated"] == expected
    expect(page.locator("#event-count")).to_have_text(f"{expected} events")
    # Escape folds the open filter list
    page.keyboard.press("Escape")
    expect(page.locator("#f-quad .checks")).to_be_hidden()
    # the hypothetical, desired and future events come in when their mode is asked for
    page.locator("#f-mode summary").click()
    page.check("#filters input[name=mode][value=future]")
    expect(page.locator("#chart-title")).to_contain_text("mode asserted/future")
    assert query_of(page)["mode"] == ["asserted", "future"]
    assert page.problems == []


def test_the_measures_draw_mean_sum_and_stacked_counts(page):
    series = api_json(page, "/api/series", a="USA", b="SUN", **ASSERTED)
    busiest = max(series["both"], key=lambda p: p["events"])
    page.check("#filters input[name=measure][value=sum]")
    expect(page.locator("#chart-title")).to_contain_text("Goldstein sum")
    sums = page.evaluate("document.getElementById('chart').data[0].y")
    assert busiest["goldstein_sum"] in sums
    page.check("#filters input[name=measure][value=count]")
    expect(page.locator("#chart .barlayer .trace")).to_have_count(4)
    stacked = page.evaluate("document.getElementById('chart').data.slice(0, 4).map(t => t.y)")
    assert [sum(col) for col in zip(*stacked, strict=True)] == [p["events"] for p in series["both"]]
    assert query_of(page)["measure"] == ["count"]
    assert page.problems == []


def test_phases_and_events_work_from_the_keyboard_and_escape_closes_the_document(page):
    phase = page.locator("#phase-list li.phase").nth(1)
    phase.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#event-count")).to_contain_text("events —")
    card = page.locator("#timeline .event").first
    card.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#doc-view")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#doc-view")).to_be_hidden()
    # the focus goes back to the event the document was opened from
    assert page.evaluate("document.activeElement.classList.contains('event')")
    assert page.problems == []


def test_every_text_colour_meets_wcag_aa(page):
    page.locator("#timeline .event").first.click()
    page.locator("#doc-text .focus").wait_for()
    assert page.evaluate(CONTRAST_JS) == []
    page.keyboard.press("Escape")
    page.click("#tab-overview")
    page.locator("#overview-body table").first.wait_for()
    assert page.evaluate(CONTRAST_JS) == []
    # the Goldstein colours of scores printed on white, over the whole scale
    ratios = page.evaluate(
        """() => Array.from({length: 41}, (_, i) => {
             const probe = document.createElement('span');
             probe.style.color = kankeiChart.goldsteinColour(-10 + i / 2);
             document.body.append(probe);
             const c = getComputedStyle(probe).color.match(/\\d+/g).map(Number);
             probe.remove();
             return kankeiChart.contrast(c, [255, 255, 255]);
           })"""
    )
    assert min(ratios) >= 4.5


def test_the_data_links_download_the_events_the_view_shows(page):
    page.locator("#phase-list li.phase").first.click()
    expect(page.locator("#event-count")).to_contain_text("events —")
    shown = int(page.text_content("#event-count").split()[0])
    href = page.get_attribute("#dl-events-csv", "href")
    rows = list(csv.reader(io.StringIO(page.request.get(href).text())))
    assert len(rows) - 1 == shown
    jsonl = page.request.get(page.get_attribute("#dl-events-jsonl", "href")).text()
    assert len(jsonl.strip().splitlines()) == shown
    series_csv = page.request.get(page.get_attribute("#dl-series-csv", "href"))
    assert series_csv.ok and series_csv.headers["content-type"].startswith("text/csv")
    assert page.problems == []


def test_the_overview_lists_dyads_and_actors_and_opens_a_dyad(page):
    page.click("#tab-overview")
    expect(page.locator("#overview")).to_be_visible()
    assert query_of(page)["view"] == ["overview"]
    overview = api_json(page, "/api/overview", limit="20", **ASSERTED)
    first = overview["dyads"][0]
    rows = page.locator("#overview-body .open-dyad")
    expect(rows).to_have_count(len(overview["dyads"]))
    assert rows.first.text_content() == f"{first['a']} ⇄ {first['b']}"
    assert page.locator("#overview-body .open-actor").count() == len(overview["actors"])
    assert page.locator(".matrix button.cell").count() >= 2  # both halves of a pair
    page.locator(".matrix button.cell").first.click()
    expect(page.locator("#dyad-view")).to_be_visible()
    assert "view" not in query_of(page)
    page.click("#tab-overview")
    rows.nth(1).click()
    second = overview["dyads"][1]
    expect(page.locator("#chart-title")).to_contain_text(f"{second['a']} ⇄ {second['b']}")
    assert page.problems == []


def test_another_dyad_is_drawn_beside_this_one(page):
    page.fill("#compare-input", "USA キューバ")
    page.click("#compare-add")
    expect(page.locator("#compare-list .chip")).to_have_count(1)
    names = page.evaluate("document.getElementById('chart').data.map(t => t.name)")
    assert "USA ⇄ CUB" in names and "USA ⇄ SUN" in names
    assert query_of(page)["vs"] == ["USA,CUB"]
    page.check("#filters input[name=measure][value=count]")
    expect(page.locator("#chart .barlayer .trace")).to_have_count(4)
    assert "USA ⇄ CUB" in page.evaluate("document.getElementById('chart').data.map(t => t.name)")
    page.click("#compare-list .chip button")
    expect(page.locator("#compare-list .chip")).to_have_count(0)
    assert "vs" not in query_of(page)
    assert page.problems == []


def test_on_a_phone_the_document_covers_the_screen_and_closes(browser, base_url):
    with explorer(browser, base_url + "/", viewport=PHONE) as pg:
        pg.locator("#timeline .event").first.click()
        pg.locator("#doc-text .focus").wait_for()
        box = pg.locator("#doc-view").bounding_box()
        assert box["x"] == 0 and box["y"] == 0
        assert box["width"] == PHONE["width"] and box["height"] == PHONE["height"]
        close = pg.locator("#doc-close").bounding_box()
        assert close["x"] >= 0 and close["x"] + close["width"] <= PHONE["width"]
        assert close["y"] >= 0 and close["y"] + close["height"] <= PHONE["height"]
        assert close["width"] >= 40 and close["height"] >= 40  # a finger's target
        pg.click("#doc-close")
        expect(pg.locator("#doc-view")).to_be_hidden()
        timeline = pg.locator("#timeline").bounding_box()
        assert timeline["width"] > PHONE["width"] * 0.8
        # nothing is wider than the screen
        assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert pg.problems == []
