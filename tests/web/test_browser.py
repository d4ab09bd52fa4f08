"""The query page and an entity page in headless Chromium (Debian's chromium + chromedriver)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM and CHROMEDRIVER),
        reason="needs Debian's chromium and chromium-driver: run scripts/system-deps.sh",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="ldpub-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1280,1000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _no_console_errors(browser: webdriver.Chrome) -> None:
    """No script errors (failed requests are the tests' own doing, e.g. a bad query)."""
    log = browser.get_log("browser")
    severe = [e for e in log if e["level"] == "SEVERE" and e["source"] != "network"]
    assert not severe, severe


def test_clicking_an_example_runs_it(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "sparql")
    assert "SPARQL query" in browser.title
    browser.find_element(By.ID, "example-leaders").click()
    wait = WebDriverWait(browser, 15)
    wait.until(ec.text_to_be_present_in_element((By.ID, "status"), "row"))
    table = browser.find_element(By.CSS_SELECTOR, "#results table.results")
    assert "?leaderName" in table.text and "Qais Khazali" in table.text
    assert "Qais Khazali leads the Asaib Ahl al Haq." in table.text
    assert browser.find_element(By.ID, "status").text.startswith("1 row")
    # IRIs in results link back into this server.
    link = table.find_element(By.LINK_TEXT, "https://news.example/ldpub/id/person/qais-khazali")
    assert link.get_attribute("href") == server + "id/person/qais-khazali"
    _no_console_errors(browser)


def test_example_link_from_home_page_and_error_display(
    server: str, browser: webdriver.Chrome
) -> None:
    browser.get(server)
    browser.find_element(By.CSS_SELECTOR, 'a[href="/sparql#events"]').click()
    wait = WebDriverWait(browser, 15)
    wait.until(ec.text_to_be_present_in_element((By.ID, "status"), "row"))
    results = browser.find_element(By.ID, "results").text
    assert "2007-01-20" in results and "Karbala" in results
    editor = browser.find_element(By.ID, "query")
    editor.clear()
    editor.send_keys("SELECT * WHERE { ?s ?p")
    browser.find_element(By.ID, "run").click()
    wait.until(ec.visibility_of_element_located((By.ID, "error")))
    assert "SPARQL syntax error" in browser.find_element(By.ID, "error").text


def test_entity_page(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "id/organization/asaib-ahl-al-haq")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Asaib Ahl al Haq"
    relations = browser.find_element(By.CSS_SELECTOR, "table.relations").text
    assert "Qais Khazali" in relations and "ldpub:leaderOf" in relations
    assert "Qods Force" in relations and "ldpub:supports" in relations
    events = browser.find_element(By.CSS_SELECTOR, "table.events").text
    assert "2007-01-20" in events and "Karbala" in events
    twins = {
        a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.twin")
    }
    assert twins["Turtle"] == server + "id/organization/asaib-ahl-al-haq.ttl"
    # A source quote leads to the sentence in its document.
    browser.find_element(By.CSS_SELECTOR, ".quotes blockquote a.doc").click()
    WebDriverWait(browser, 10).until(ec.url_contains("/id/article/000-raid"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Special Groups and the Karbala raid"
    assert (
        browser.find_element(By.ID, "char=0,40").text == "Qais Khazali leads the Asaib Ahl al Haq."
    )
    _no_console_errors(browser)
