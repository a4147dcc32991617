"""The explorer in a real browser: Debian's chromium driven by Playwright."""

import shutil
import socket
import threading
import time

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
SCRIPT = '<script>alert("xss")</script>'
IMG = '<img src=x onerror="alert(1)">'
PAYLOAD = (
    f"1972年5月、ニクソン大統領はモスクワでブレジネフ書記長と会談した{SCRIPT}。\n"
    f"1973年6月、ブレジネフ書記長は米国を訪問し、ニクソン大統領と会談した{IMG}。\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    (folder / "payload.txt").write_text(PAYLOAD, encoding="utf-8")
    db = folder / "k.duckdb"
    report = ingest([EXAMPLES, folder / "payload.txt"], Settings(db=db))
    assert report.exit_code == 0 and report.events
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
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


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


@pytest.fixture()
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
    pg = context.new_page()
    pg.problems = []  # console errors, page errors and dialogs seen while the test ran
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))

    def on_dialog(dialog):
        pg.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.goto(base_url + "/")
    pg.wait_for_selector("#timeline .event")
    yield pg
    context.close()


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
    assert "#a=USA&b=CUB" in page.url
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
    assert SCRIPT in text and IMG in text
    for where in ("#doc-text", "#timeline", "#hover-panel"):
        assert page.locator(f"{where} script").count() == 0
        assert page.locator(f"{where} img").count() == 0
    assert page.problems == []


def test_an_event_card_shows_the_ids_of_the_rules_that_fired(page):
    rules = page.locator("#timeline .event .ev-rules").first.text_content()
    assert "predicate." in rules and "source." in rules
    assert page.problems == []
