"""How fast the explore pages answer: the label index against a SPARQL scan, side by side.

    python -m bench.explore_bench [--entities 20000] [--queries 200] [--dist DIST]
    python -m bench.explore_bench --browse [--triples 1000000] [--source BUILD.nq.gz]

1. A seeded synthetic store of ``--entities`` people, organizations and places (a label and
   two aliases each, Arabic-style names with "al-" particles): the time to build the label
   index, then the same misspelled queries answered by the index (fuzzy, accent- and
   article-insensitive) and by a SPARQL ``CONTAINS`` scan over every name (exact substrings
   only), p50/p99 and their ratio.
2. With ``--dist``, a built publication: p50/p99 of the explore routes through the real app
   (Flask's test client, no network), each asked 20 times.
3. With ``--browse``, a store of ``--triples`` (copies of the seeds' build, see
   ``bench/common.py``): each list's first page, last page and a filtered page, timed the way
   the server answered before key-first paging (its queries, kept in ``bench/browse_before.py``,
   run on the store) and now (the JSON route through the app), side by side in one run, with
   PASS/MISS against p50 <= 100 ms per page; and what the first list request after opening a
   release costs (reading the keys into memory).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from pyoxigraph import Literal, NamedNode, Quad, Store
from rich.console import Console
from rich.table import Table

from pipeline.namespaces import PREFIXES
from pipeline.web.explore import select
from pipeline.web.search import _NAMES, LabelIndex

console = Console(stderr=True)
SYLLABLES = ("qa", "is", "kha", "za", "li", "mu", "ha", "ma", "di", "sa", "dr", "ra", "bi", "na")
GRAPH = NamedNode("urn:bench:entities")


def _name(rng: random.Random) -> str:
    words = ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))).capitalize() for _ in "ab"]
    return f"{words[0]} al-{words[1]}" if rng.random() < 0.4 else " ".join(words)


def _misspell(rng: random.Random, name: str) -> str:
    """What a reader types: lower case, 'al ' for 'al-', two letters swapped."""
    text = name.lower().replace("al-", "al ")
    i = rng.randrange(1, len(text) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def synthetic_store(n: int, seed: int = 0) -> tuple[Store, list[str]]:
    rng = random.Random(seed)
    store = Store()
    classes = [PREFIXES["schema"] + c for c in ("Person", "Organization", "Place")]
    rdf_type = NamedNode(PREFIXES["rdf"] + "type")
    label, alt = NamedNode(PREFIXES["rdfs"] + "label"), NamedNode(PREFIXES["skos"] + "altLabel")
    names = []
    quads = []
    for i in range(n):
        e = NamedNode(f"http://localhost:8000/id/entity/{i}")
        name = _name(rng)
        names.append(name)
        quads += [
            Quad(e, rdf_type, NamedNode(classes[i % 3]), GRAPH),
            Quad(e, label, Literal(name, language="en"), GRAPH),
            Quad(e, alt, Literal(name.replace("al-", "al "), language="en"), GRAPH),
            Quad(e, alt, Literal(name.split()[-1], language="en"), GRAPH),
        ]
    store.extend(quads)
    return store, names


_SCAN = """
SELECT ?q ?entity ?name WHERE {
  ?entity rdfs:label|skos:altLabel ?name .
  FILTER(CONTAINS(LCASE(STR(?name)), LCASE(STR(?q))))
} LIMIT 20"""


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def search_bench(entities: int, queries: int) -> None:
    with console.status(f"building a store of {entities:,} entities"):
        store, names = synthetic_store(entities)
    rng = random.Random(1)
    asked = [(n, _misspell(rng, n)) for n in rng.sample(names, queries)]
    start = time.perf_counter()
    index = LabelIndex(select(store, _NAMES))
    build = (time.perf_counter() - start) * 1000
    found_index = found_scan = 0
    index_ms, scan_ms = [], []
    with console.status(f"{queries} queries, index and SPARQL scan"):
        for name, typed in asked:
            start = time.perf_counter()
            hits = index.search(typed, 20)
            index_ms.append((time.perf_counter() - start) * 1000)
            found_index += any(h.label == name for h in hits[:5])
            start = time.perf_counter()
            rows = select(store, _SCAN, q=Literal(typed))
            scan_ms.append((time.perf_counter() - start) * 1000)
            found_scan += any(r["name"] == name for r in rows)
    table = Table(title=f"search over {len(index):,} names of {entities:,} entities")
    for col in ("method", "p50 ms", "p99 ms", "misspelled name found (top 5)"):
        table.add_column(col)
    table.add_row(
        "label index (rapidfuzz)",
        f"{statistics.median(index_ms):.2f}",
        f"{_p(index_ms, 0.99):.2f}",
        f"{found_index}/{queries}",
    )
    table.add_row(
        "SPARQL CONTAINS scan",
        f"{statistics.median(scan_ms):.2f}",
        f"{_p(scan_ms, 0.99):.2f}",
        f"{found_scan}/{queries}",
    )
    Console().print(table)
    print(
        f"index build (one SPARQL query + folding): {build:.0f} ms; "
        f"scan p50 / index p50 = {statistics.median(scan_ms) / statistics.median(index_ms):.1f}x"
    )


ROUTES = (
    "/search.json?q=qays%20kazali",
    "/search?q=moqtada",
    "/people",
    "/organizations?sort=mentions",
    "/events",
    "/events?year=2007",
    "/events.ttl?year=2007",
    "/id/person/qais-qazali",
    "/id/place/iraq",
)


def routes_bench(dist: Path) -> None:
    from pipeline.web.app import create_app

    app = create_app({"dist": dist, "query_workers": 1})
    client = app.test_client()
    table = Table(title=f"explore routes over {dist}")
    for col in ("route", "status", "p50 ms", "p99 ms", "bytes"):
        table.add_column(col)
    for route in ROUTES:
        response = client.get(route, headers={"Accept": "text/html"})  # warm: index, caches
        times = _timed(lambda r=route: client.get(r, headers={"Accept": "text/html"}), 20)
        table.add_row(
            route,
            str(response.status_code),
            f"{statistics.median(times):.1f}",
            f"{_p(times, 0.99):.1f}",
            f"{len(response.data):,}",
        )
    Console().print(table)


TARGET_MS = 100.0  # p50 per browse page at 1M triples
# (list, filtered page): a name, dates (counts within them), event type and year, a place.
FILTERED = {
    "people": "?from=2007-08&sort=mentions",
    "organizations": "?q=al&sort=articles",
    "places": "?q=ba",
    "events": "?year=2007&type=Attack&sort=place",
}


def _publication(triples: int, source: Path | None, folder: Path) -> Path:
    from bench.common import replicate, seed_quads, write_publication

    quads = folder / "data.nq"
    with console.status(f"writing {triples:,} triples"):
        replicate(seed_quads(source), triples, quads)
        write_publication(quads, folder / "dist")
    quads.unlink()
    return folder / "dist"


def _browse_page(
    client: object, store: Store, kind: str, path: str, repeat: int
) -> tuple[list[float], list[float]]:
    """(before, now) times of one page: the old queries on the store, the route in the app."""
    from bench import browse_before
    from bench.common import BASE

    url = urlsplit(path)
    args = dict(parse_qsl(url.query))
    html = not url.path.endswith(".json")
    headers = {"Accept": "text/html"}
    with console.status(f"{path}: before"):
        before = _timed(
            lambda: browse_before.page(store, BASE, kind, args, html), max(3, repeat // 5)
        )
    with console.status(f"{path}: now, {repeat} times"):
        client.get(path, headers=headers)  # type: ignore[attr-defined]
        now = _timed(lambda: client.get(path, headers=headers), repeat)  # type: ignore[attr-defined]
    return before, now


def browse_bench(triples: int, source: Path | None, repeat: int) -> None:
    from pipeline.web.app import create_app

    with tempfile.TemporaryDirectory(prefix="ldpub-browse-bench-") as folder:
        dist = _publication(triples, source, Path(folder))
        client = create_app({"dist": dist, "query_workers": 1}).test_client()
        _browse_table(client, Store.read_only(str(dist / "store")), triples, repeat)


def _browse_table(client: object, store: Store, triples: int, repeat: int) -> None:
    from bench.common import uptime

    table = Table(title=f"browse pages at {triples:,} triples: before vs now (ms)")
    for col in ("page", "before p50", "before p99", "now p50", "now p99", "ratio", ""):
        table.add_column(col, justify="left" if col in ("page", "") else "right")
    first: list[str] = []
    misses = 0
    for kind, filtered in FILTERED.items():
        start = time.perf_counter()
        total = client.get(f"/{kind}.json").get_json()["total"]  # type: ignore[attr-defined]
        first.append(f"{kind} {(time.perf_counter() - start) * 1000:.0f} ms")
        pages = [f"/{kind}.json", f"/{kind}.json?page={max(1, -(-total // 50))}"]
        pages += [f"/{kind}.json{filtered}"] + (["/events?year=2007"] if kind == "events" else [])
        for path in pages:
            before, now = _browse_page(client, store, kind, path, repeat)
            p50 = statistics.median(now)
            misses += p50 > TARGET_MS
            table.add_row(
                path,
                f"{statistics.median(before):.0f}",
                f"{_p(before, 0.99):.0f}",
                f"{p50:.1f}",
                f"{_p(now, 0.99):.1f}",
                f"{statistics.median(before) / p50:.0f}x",
                "PASS" if p50 <= TARGET_MS else "MISS",
            )
    Console(width=120).print(table)
    print(
        f"first list request after opening the release (reads the keys): {', '.join(first)}; "
        f"{uptime()}"
    )
    verdict = "PASS" if not misses else f"MISS ({misses} pages)"
    print(f"target p50 <= {TARGET_MS:.0f} ms per page at {triples:,} triples: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--dist", type=Path, help="a built publication (ldpub build --out DIR)")
    parser.add_argument("--browse", action="store_true", help="time the browse lists only")
    parser.add_argument("--triples", type=int, default=1_000_000, help="with --browse")
    parser.add_argument("--source", type=Path, help="with --browse: a build's .nq.gz")
    parser.add_argument("--repeat", type=int, default=30, help="with --browse: times per page")
    args = parser.parse_args()
    if args.browse:
        browse_bench(args.triples, args.source, args.repeat)
        return
    search_bench(args.entities, args.queries)
    if args.dist:
        routes_bench(args.dist)


if __name__ == "__main__":
    main()
