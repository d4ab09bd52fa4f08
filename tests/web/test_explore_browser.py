"""The explore pages in headless Chromium over the seeds' build, saving the README screenshots.

Search a variant spelling and land on the entity; see its network picture and timeline; follow
a claim to its quote; browse events by year; open an event and a place. The entity, year and
place are picked from the store with SPARQL, so the test follows whatever the build extracts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions, Store

from pipeline.namespaces import RELATIONS, SPARQL_PROLOGUE
from tests.web.live_server import REPO, live_server
from tests.web.test_browser import browser, pytestmark  # noqa: F401 (a fixture, the skip)
from tests.web.test_explore import variant

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SHOTS = REPO / "docs" / "screenshots"


@pytest.fixture(scope="module")
def seeds(seeds_build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    """The seeds' build served by the real server, and its store for expected values."""
    out, _ = seeds_build
    store = Store.read_only(str(Path(out) / "store"))
    with live_server(Path(out), tmp_path_factory.mktemp("log") / "server.log") as url:
        yield url, store


@pytest.fixture(scope="module")
def window(browser: webdriver.Chrome) -> webdriver.Chrome:  # noqa: F811 (the fixture)
    """test_browser's headless Chromium, at the screenshots' size."""
    browser.set_window_size(1200, 900)
    return browser


def rows(store: Store, query: str) -> list[dict[str, str]]:
    result = store.query(SPARQL_PROLOGUE + query, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def shoot(window: webdriver.Chrome, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.save_screenshot(str(SHOTS / f"{name}.png"))


def no_script_errors(window: webdriver.Chrome) -> None:
    severe = [e for e in window.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, severe


def path_of(url: str, base: str) -> str:
    return url[len(base) - 1 :] if url.startswith(base) else url


@pytest.fixture(scope="module")
def target(seeds: tuple[str, Store]) -> dict[str, str]:
    """The person or organization with an alias, a sourced relation and the most events."""
    _, store = seeds
    relations = " ".join(f"ldpub:{r}" for r in RELATIONS)
    found = rows(
        store,
        f"""SELECT ?e ?label ?alias (COUNT(DISTINCT ?ev) AS ?events) WHERE {{
          VALUES ?c {{ schema:Person schema:Organization }}
          VALUES ?p {{ {relations} }}
          ?e a ?c ; rdfs:label ?label ; skos:altLabel ?alias .
          FILTER(STRLEN(?alias) >= 8 && CONTAINS(?alias, " "))
          ?st rdf:subject|rdf:object ?e ; rdf:predicate ?p ; prov:wasDerivedFrom ?s .
          ?ev sem:hasActor|ldpub:hasTarget ?e ; prov:wasDerivedFrom ?evs .
        }} GROUP BY ?e ?label ?alias ORDER BY DESC(?events) ?alias LIMIT 1""",
    )
    assert found, "the seeds' build has no entity with an alias, a relation and an event"
    return found[0]


def test_search_a_variant_spelling_and_land_on_the_entity(
    seeds: tuple[str, Store], window: webdriver.Chrome, target: dict[str, str]
) -> None:
    url, _ = seeds
    window.get(url + "people")
    box = window.find_element(By.ID, "site-search")
    assert box.get_attribute("role") == "combobox"
    spelled = variant(target["alias"]).lower()
    assert spelled != target["alias"].lower()
    box.send_keys(spelled)
    wait = WebDriverWait(window, 15)
    first = wait.until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, "#site-search-list [role=option]"))
    )
    assert target["label"] in first.text
    assert box.get_attribute("aria-expanded") == "true"
    shoot(window, "search")
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.send_keys(Keys.ENTER)
    wait.until(ec.url_to_be(url + target["e"].split("/", 3)[3]))
    assert window.find_element(By.TAG_NAME, "h1").text == target["label"]
    no_script_errors(window)


def test_entity_page_shows_network_and_timeline(
    seeds: tuple[str, Store], window: webdriver.Chrome, target: dict[str, str]
) -> None:
    url, store = seeds
    events = rows(
        store,
        f"""SELECT DISTINCT ?ev WHERE {{
              ?ev sem:hasActor|ldpub:hasTarget|sem:hasPlace <{target["e"]}> }}""",
    )
    window.get(url + target["e"].split("/", 3)[3])
    svg = window.find_element(By.CSS_SELECTOR, "svg.network")
    assert svg.get_attribute("role") == "img"
    nodes = svg.find_elements(By.CSS_SELECTOR, "a.node")
    assert len(nodes) >= 2
    assert target["label"] in svg.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
    timeline = window.find_elements(By.CSS_SELECTOR, "table.timeline tbody tr")
    assert len(timeline) == len(events)
    window.execute_script("arguments[0].scrollIntoView()", window.find_element(By.TAG_NAME, "h1"))
    shoot(window, "entity")
    heading = window.find_element(By.ID, "timeline-heading")
    window.execute_script("arguments[0].scrollIntoView()", heading)
    shoot(window, "timeline")
    # Each node of the picture is a link to its entity's page.
    other = next(n for n in nodes if "centre" not in n.get_attribute("class"))
    name = other.find_element(By.TAG_NAME, "title").get_attribute("textContent").rsplit(" (", 1)
    window.execute_script("arguments[0].scrollIntoView()", svg)
    other.click()
    WebDriverWait(window, 10).until(ec.title_contains(name[0]))
    no_script_errors(window)


def test_follow_a_claim_to_its_quote(
    seeds: tuple[str, Store], window: webdriver.Chrome, target: dict[str, str]
) -> None:
    url, _ = seeds
    window.get(url + target["e"].split("/", 3)[3])
    claim = window.find_element(By.CSS_SELECTOR, "table.relations details.claim")
    quote = claim.find_element(By.CSS_SELECTOR, "blockquote p")
    assert not quote.is_displayed()  # folded until asked for
    claim.find_element(By.TAG_NAME, "summary").click()
    assert quote.is_displayed()
    text = quote.text.strip("“”")
    link = claim.find_element(By.CSS_SELECTOR, "a.doc")
    fragment = link.get_attribute("href").split("#", 1)[1]
    link.click()
    WebDriverWait(window, 10).until(ec.url_contains("#" + fragment))
    sentence = window.find_element(By.ID, fragment)
    assert sentence.text == text
    assert window.execute_script(
        "return document.querySelector(':target') === arguments[0]", sentence
    )
    shoot(window, "quote")


def test_browse_events_by_year_then_open_one(
    seeds: tuple[str, Store], window: webdriver.Chrome
) -> None:
    url, store = seeds
    year, count = next(
        (r["y"], int(r["n"]))
        for r in rows(
            store,
            """SELECT ?y (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a sem:Event ; sem:hasTimeStamp ?d
                 BIND(SUBSTR(STR(?d), 1, 4) AS ?y) } GROUP BY ?y ORDER BY DESC(?n) ?y""",
        )
    )
    window.get(url + "events")
    window.find_element(By.CSS_SELECTOR, f'.facets a[href="/events?year={year}"]').click()
    WebDriverWait(window, 10).until(ec.url_contains(f"year={year}"))
    status = window.find_element(By.CSS_SELECTOR, "p.count").text
    assert status.startswith(f"{count} event")
    dates = [td.text for td in window.find_elements(By.CSS_SELECTOR, "table.browse td.date")]
    assert len(dates) == min(count, 50) and all(d.startswith(year) for d in dates)
    twins = {a.text for a in window.find_elements(By.CSS_SELECTOR, "a.twin")}
    assert {"JSON", "Turtle", "JSON-LD"} <= twins
    shoot(window, "events-by-year")
    window.find_element(By.CSS_SELECTOR, "table.browse tbody td:nth-child(2) a").click()
    card = WebDriverWait(window, 10).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, "section.event-card"))
    )
    assert "type" in card.text and year in card.text
    assert card.find_elements(By.CSS_SELECTOR, "blockquote.source")
    shoot(window, "event")
    no_script_errors(window)


def test_place_page_lists_events_there(seeds: tuple[str, Store], window: webdriver.Chrome) -> None:
    url, store = seeds
    place, label, count = next(
        (r["p"], r["label"], int(r["n"]))
        for r in rows(
            store,
            """SELECT ?p ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {
                 ?e sem:hasActor|ldpub:hasTarget|sem:hasPlace ?p .
                 ?p a schema:Place ; rdfs:label ?label }
               GROUP BY ?p ?label ORDER BY DESC(?n) ?label""",
        )
    )
    window.get(url + place.split("/", 3)[3])
    assert window.find_element(By.TAG_NAME, "h1").text == label
    assert len(window.find_elements(By.CSS_SELECTOR, "table.timeline tbody tr")) == count
    window.execute_script(
        "arguments[0].scrollIntoView()", window.find_element(By.CSS_SELECTOR, "svg.network, h1")
    )
    shoot(window, "place")
