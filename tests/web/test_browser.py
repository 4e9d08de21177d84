"""The web UI in a real headless Chromium (Debian's chromium and chromium-driver)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from enduse.api import create_app
from enduse.config import Settings
from enduse.store import Repository

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_db: tuple[Settings, Repository]) -> Iterator[str]:
    settings, repo = demo_db
    port = _free_port()
    config = uvicorn.Config(create_app(settings, repo), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ):
        options.add_argument(arg)
    b = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    yield b
    b.quit()


def test_documents_page_lists_the_demo(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/")  # type: ignore[attr-defined]
    rows = browser.find_elements(By.CSS_SELECTOR, "#documents tbody tr")  # type: ignore[attr-defined]
    assert len(rows) >= 9
    assert "documents" in browser.find_element(By.ID, "summary").text  # type: ignore[attr-defined]


def test_document_page_shows_text_and_claims_with_evidence(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/")  # type: ignore[attr-defined]
    links = browser.find_elements(By.CSS_SELECTOR, "a.doc-link")  # type: ignore[attr-defined]
    hrefs = [a.get_attribute("href") for a in links]
    shown = 0
    for href in hrefs:
        browser.get(href)  # type: ignore[attr-defined]
        claims = browser.find_elements(By.CSS_SELECTOR, "li.claim")  # type: ignore[attr-defined]
        if not claims:
            continue
        text = browser.find_element(By.ID, "doc-text").text  # type: ignore[attr-defined]
        evidence = claims[0].find_element(By.CSS_SELECTOR, "blockquote.evidence").text
        assert evidence[:40] in text
        marks = browser.find_elements(By.CSS_SELECTOR, "#doc-text mark")  # type: ignore[attr-defined]
        assert marks
        shown += 1
    assert shown >= 3


def test_hostile_markup_is_shown_as_text_and_never_runs(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/documents/hostile")  # type: ignore[attr-defined]
    text = browser.find_element(By.ID, "doc-text").text  # type: ignore[attr-defined]
    assert "<script>window.__pwned = 1</script>" in text
    assert browser.execute_script("return window.__pwned === undefined")  # type: ignore[attr-defined]
    assert not browser.find_elements(By.CSS_SELECTOR, "#doc-text script, #doc-text img")  # type: ignore[attr-defined]
