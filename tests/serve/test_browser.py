"""The explorer in a real browser: Debian's chromium driven by Playwright."""

import contextlib
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import uvicorn
from playwright.sync_api import expect

from kankei.engines import ingest
from kankei.serve.app import create_app
from kankei.settings import Settings
from tests.conftest import EXAMPLES

CHROMIUM = "/usr/bin/chromium"
# no connections to Google's services: this machine's network is closed
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}
SCRIPT = '<script>alert("xss")</script>'
IMG = '<img src=x onerror="alert(1)">'
PAYLOAD = (
    f"1972年5月、ニクソン大統領はモスクワでブレジネフ書記長と会談した{SCRIPT}。\n"
    f"1973年6月、ブレジネフ書記長は米国を訪問し、ニクソン大統領と会談した{IMG}。\n"
)
# the page's own filters: what /api/series counts when it is given them
ASSERTED = {"mode": "asserted", "negated": "false"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(db):
    """A real uvicorn server on the store, in a thread, for as long as the block runs."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


_SMALL_STORE = {}  # the small store is made once per test run, however many modules use it


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    if "db" not in _SMALL_STORE:
        folder = tmp_path_factory.mktemp("browser")
        (folder / "payload.txt").write_text(PAYLOAD, encoding="utf-8")
        db = folder / "k.duckdb"
        report = ingest([EXAMPLES, folder / "payload.txt"], Settings(db=db))
        assert report.exit_code == 0 and report.events
        _SMALL_STORE["db"] = db
    with serving(_SMALL_STORE["db"]) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} is missing: `make test` installs the Debian packages chromium and "
            "fonts-noto-cjk"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextlib.contextmanager
def explorer(browser, url, viewport=DESKTOP, wait="#timeline .event"):
    """A fresh page on the explorer that records console errors, page errors, dialogs and
    every host it sends a request to."""
    context = browser.new_context(viewport=viewport, locale="ja-JP", accept_downloads=True)
    pg = context.new_page()
    pg.problems = []
    pg.hosts = set()
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("request", lambda r: pg.hosts.add(urlsplit(r.url).netloc or urlsplit(r.url).scheme))

    def on_dialog(dialog):
        pg.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.goto(url)
    if wait:
        pg.wait_for_selector(wait)
    try:
        yield pg
    finally:
        context.close()


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def api_json(page, path, **params):
    response = page.request.get(page.url.split("/?")[0] + path, params=params)
    assert response.ok, response.text()
    return response.json()


# where plotly drew point `index` of trace `curve`, in page pixels
POINT_JS = """([curve, index]) => {
  const gd = document.getElementById('chart');
  const {xaxis, yaxis, _size} = gd._fullLayout;
  const trace = gd._fullData[curve];
  const box = gd.getBoundingClientRect();
  const xv = xaxis.d2p(trace.x[index]), yv = yaxis.d2p(trace.y[index]);
  return [box.left + _size.l + xv, box.top + _size.t + yv];
}"""


def point_position(page, curve, index):
    page.locator("#chart").scroll_into_view_if_needed()
    return page.evaluate(POINT_JS, [curve, index])


@pytest.fixture()
def page(browser, base_url):
    with explorer(browser, base_url + "/") as pg:
        yield pg


def test_page_loads_draws_the_chart_and_renders_japanese(page, tmp_path):
    assert page.locator("#chart .main-svg").count() >= 1
    assert page.locator("#chart .scatterlayer .trace").count() == 3
    assert page.locator("#chart .shapelayer path").count() >= 1  # phase bands
    assert page.locator("#phase-list li .phase-label").count() >= 1
    assert page.input_value("#actor-a") == "USA" and page.input_value("#actor-b") == "SUN"
    assert "USA ⇄ SUN" in page.text_content("#chart-title")
    # with fonts-noto-cjk installed Japanese gets real glyphs, not empty boxes
    assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK JP\"', '関係')")
    shot = tmp_path / "explorer.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.problems == []


def test_choosing_a_dyad_updates_chart_and_timeline(page):
    before = page.text_content("#event-count")
    page.fill("#actor-a", "USA")
    page.fill("#actor-b", "キューバ")  # a Japanese name, resolved to its code
    page.click("#show")
    expect(page.locator("#chart-title")).to_contain_text("USA ⇄ CUB")
    assert page.input_value("#actor-b") == "CUB"
    expect(page.locator("#event-count")).not_to_have_text(before)
    cards = page.locator("#timeline .event")
    assert cards.count() >= 1
    assert all("CUB" in cards.nth(i).text_content() for i in range(cards.count()))
    assert query_of(page)["a"] == ["USA"] and query_of(page)["b"] == ["CUB"]
    assert page.problems == []


def test_clicking_an_event_shows_its_sentence_in_the_document(page):
    card = page.locator("#timeline .event").nth(1)
    sentence = card.locator(".sentence").text_content()
    predicate = card.locator("mark.pred").text_content()
    card.click()
    focus = page.locator("#doc-text .focus")
    focus.wait_for()
    assert focus.text_content() == sentence
    assert predicate in focus.locator("mark.pred").all_text_contents()
    assert page.is_visible("#doc-view")
    assert focus.is_visible()  # scrolled into view
    assert page.problems == []


def test_markup_in_a_document_is_shown_as_text(page):
    card = page.locator("#timeline .event", has_text="alert(").first
    card.wait_for()
    assert SCRIPT in card.text_content() or IMG in card.text_content()
    card.click()
    page.locator("#doc-text .focus").wait_for()
    text = page.text_content("#doc-text")
    # the server masks tags in plain text for display; whatever is left is shown as text
    assert 'alert("xss")' in text and "1973年6月" in text
    assert page.text_content("#doc-text .focus").replace("\u200b", "") in text.replace("\u200b", "")
    for where in ("#doc-text", "#timeline", "#hover-panel"):
        assert page.locator(f"{where} script").count() == 0
        assert page.locator(f"{where} img").count() == 0
    assert page.problems == []


def test_an_event_card_shows_the_ids_of_the_rules_that_fired(page):
    rules = page.locator("#timeline .event .ev-rules").first.text_content()
    assert "predicate." in rules and "source." in rules
    assert page.problems == []


def test_an_api_error_shows_its_message_and_clears_on_the_next_success(page):
    # a crash answered in plain text: the banner says what happened, not "not valid JSON"
    page.route("**/api/actors?*", lambda r: r.fulfill(status=500, body="Internal Server Error"))
    page.fill("#actor-b", "ソ")
    expect(page.locator("#error")).to_be_visible()
    assert "500" in page.text_content("#error")
    assert "JSON" not in page.text_content("#error")
    # a refusal with a JSON detail: the banner shows the detail
    page.unroute("**/api/actors?*")
    detail = '{"detail": "q: too long"}'
    page.route("**/api/actors?*", lambda r: r.fulfill(status=422, body=detail))
    page.fill("#actor-b", "ソビ")
    expect(page.locator("#error")).to_contain_text("q: too long")
    page.unroute("**/api/actors?*")
    page.fill("#actor-b", "CUB")
    page.click("#show")
    expect(page.locator("#chart-title")).to_contain_text("USA ⇄ CUB")
    expect(page.locator("#error")).to_be_hidden()
    # a refused view (a period the API does not know) shows the API's own message
    page.goto(page.url.split("?")[0] + "?a=USA&b=SUN&by=year")
    page.route("**/api/series?*", lambda r: r.fulfill(status=400, body='{"detail": "by: no"}'))
    page.select_option("#period", "decade")
    expect(page.locator("#error")).to_contain_text("by: no")
    page.unroute("**/api/series?*")
    page.select_option("#period", "year")
    expect(page.locator("#error")).to_be_hidden()


def test_an_unknown_code_says_there_are_no_events_for_it(page):
    page.fill("#actor-b", "XYZ")
    page.click("#show")
    expect(page.locator("#chart-message")).to_contain_text("no events for XYZ")
    expect(page.locator("#curve-note")).to_contain_text("0 events on the curve")
    assert page.problems == []


def test_the_timeline_counts_the_events_of_the_curve(page):
    # the store holds a future-mode and a negated USA–SUN event: the curve leaves them out,
    # and so must the list
    series = api_json(page, "/api/series", a="USA", b="SUN", **ASSERTED)
    on_curve = sum(p["events"] for p in series["both"])
    every = api_json(page, "/api/events", dyad="USA,SUN")["total"]
    assert every > on_curve + series["undated"]
    expected = f"{on_curve} events on the curve, {series['undated']} undated not shown"
    expect(page.locator("#curve-note")).to_contain_text(expected)
    expect(page.locator("#event-count")).to_have_text(f"{on_curve + series['undated']} events")


def test_hovering_a_point_lists_as_many_events_as_the_point_counts(page):
    series = api_json(page, "/api/series", a="USA", b="SUN", **ASSERTED)
    busy = [(i, p) for i, p in enumerate(series["both"]) if p["events"]]
    for index, point in busy[:4]:
        x, y = point_position(page, 0, index)
        page.mouse.move(x, y)
        expect(page.locator("#hover-title")).to_contain_text(
            f"{point['period']} USA ⇄ SUN: {point['events']} events"
        )
    assert page.problems == []


def test_a_phase_lists_the_events_it_counts(page):
    phases = api_json(page, "/api/phases", a="USA", b="SUN", **ASSERTED)["phases"]
    for index, phase in enumerate(phases[:3]):
        page.locator("#phase-list li.phase").nth(index).click()
        expect(page.locator("#event-count")).to_contain_text(f"{phase['events']} events —")
    assert page.problems == []


def test_png_and_svg_downloads_work_and_nothing_contacts_another_host(page, base_url):
    for button, magic in (("#dl-png", b"\x89PNG\r\n\x1a\n"), ("#dl-svg", b"<svg")):
        with page.expect_download() as info:
            page.click(button)
        data = Path(info.value.path()).read_bytes()
        assert data.startswith(magic), data[:20]
        assert len(data) > 5000  # the chart, not an empty image
    assert info.value.suggested_filename.endswith(".svg")
    # no share, Chart Studio, cloud or logo link in plotly's mode bar
    titles = page.eval_on_selector_all(
        "#chart .modebar-btn", "bs => bs.map(b => b.dataset.title || '')"
    )
    page.hover("#chart")
    assert titles and not [t for t in titles if any(w in t for w in ("Share", "Cloud", "Studio"))]
    assert page.locator("#chart .modebar a[href]").count() == 0
    assert page.locator("#chart .modebar-btn--logo").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
    assert all(h.startswith(base_url + "/") for h in hrefs), hrefs
    assert page.hosts == {urlsplit(base_url).netloc}
    assert page.problems == []
