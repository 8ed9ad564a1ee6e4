"""End-to-end: Debian's chromium, driven by Selenium, against a live server on a free port.

Needs ``apt-get install -y chromium chromium-driver`` (skipped otherwise). Set
``DEATHTOLL_SCREENSHOT=docs/img/event-page.png`` to save the event page for the README.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import PASSWORD
from web_samples import FakePipeline

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)),
                       reason="needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(ledger):
    import uvicorn

    from deathtoll.web import create_app

    port = _free_port()
    app = create_app(ledger.path, pipeline=FakePipeline(), secret_key="browser-test")
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(5)


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1700"):
        opts.add_argument(arg)
    from selenium.common.exceptions import WebDriverException

    try:
        drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    except WebDriverException:  # a loaded machine can miss chromium's start-up deadline once
        time.sleep(1)
        drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    drv.implicitly_wait(3)
    yield drv
    drv.quit()


def test_sign_in_filter_merge_correct_undo(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    b = browser
    css = lambda sel: b.find_element(By.CSS_SELECTOR, sel)  # noqa: E731

    def gone(el) -> bool:
        """Has ``el`` left the page? Chromium reports a node of the old page either as stale
        or, while the new page is being built, as "Node ... does not belong to the document"
        (a plain WebDriverException, which selenium's staleness_of lets through)."""
        try:
            el.is_enabled()
        except WebDriverException:  # StaleElementReferenceException is one of these
            return True
        return False

    def click(sel_or_el) -> None:
        """Click and wait until the next page has replaced this one."""
        el = css(sel_or_el) if isinstance(sel_or_el, str) else sel_or_el
        old = b.find_element(By.TAG_NAME, "html")
        el.click()
        WebDriverWait(b, 10).until(lambda _: gone(old))
    # sign in
    b.get(server + "/")
    click("#sign-in")
    css("#name").send_keys("alice")
    css("#password").send_keys(PASSWORD)
    click("#login-submit")
    assert css("#current-user").text == "alice"
    # filter to Nigeria: one event
    css("#filters input[name=country]").send_keys("Nigeria")
    click("#apply-filters")
    rows = b.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")
    assert len(rows) == 1 and "Zango" in rows[0].text
    # untrusted markup in titles and quotes shows as text, never runs
    click(rows[0].find_element(By.CSS_SELECTOR, "a.event-link"))
    zango_url = b.current_url
    assert "<script>alert('x')</script>" in css("#claims").text
    assert b.find_elements(By.CSS_SELECTOR, "#claims img") == []
    screenshot = tmp_path / "event-page.png"
    b.save_screenshot(str(screenshot))
    if os.environ.get("DEATHTOLL_SCREENSHOT"):
        Path(os.environ["DEATHTOLL_SCREENSHOT"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, os.environ["DEATHTOLL_SCREENSHOT"])
    # merge with the Mosul event
    b.get(server + "/?country=Iraq")
    mosul_id = css("#events-table a.event-link").get_attribute("href").rsplit("/", 1)[1]
    b.get(zango_url)
    css("#merge-other").send_keys(mosul_id)
    click("#merge-submit")
    assert len(b.find_elements(By.CSS_SELECTOR, "#mentions > li")) == 3
    # correct the type
    css("#correct-field").send_keys("type")
    css("#correct-value").send_keys("massacre")
    click("#correct-submit")
    assert css("#field-type").text == "massacre"
    # the audit log has both; undo the merge
    log = css("#audit-log").text
    assert "merge" in log and "correct type" in log and "alice" in log
    merge_row = css("#audit-log tr[data-action=merge]")
    click(merge_row.find_element(By.CSS_SELECTOR, "button.undo"))
    assert len(b.find_elements(By.CSS_SELECTOR, "#mentions > li")) == 2
    assert "undone" in css("#audit-log tr[data-action=merge]").text
    assert css("#field-type").text == "massacre"  # the correction stays
    b.get(server + "/")
    assert len(b.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")) == 2
