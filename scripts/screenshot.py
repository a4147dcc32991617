"""Screenshot of the explorer for the README: docs/explorer.png.

Usage: python scripts/screenshot.py [DB] [OUT]   (defaults: out/kankei.duckdb docs/explorer.png)

Serves DB on a free port, opens the page in Debian's chromium, clicks the first event of the
1941 alliance so the document view shows its sentence, and saves the window.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from kankei.serve.app import create_app

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main() -> None:
    db = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/kankei.duckdb")
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/explorer.png")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1050}, locale="ja-JP")
        page.goto(f"http://127.0.0.1:{port}/#a=USA&b=SUN&by=year")
        page.wait_for_selector("#timeline .event")
        page.locator("#timeline .event", has_text="1941").first.click()
        page.wait_for_selector("#doc-text .focus")
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(800)  # the chart resizes to the narrower column
        box = page.locator("#chart .point").nth(5).bounding_box()
        if box:
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(600)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()
    server.should_exit = True
    thread.join(timeout=10)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
