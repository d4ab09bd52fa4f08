"""A closed-loop load driver: N client threads cycle through a mix of requests for S seconds.

Each request names the status it must get, so "zero errors" means every answer was the expected
one (a refused update is expected to be 403), and a connection failure is an error too. Used
bounded by the hostile suite and at length by ``bench/soak.py``.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

import requests

JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Call:
    """One request of the mix and the status it must get."""

    name: str
    path: str
    accept: str = "application/json"
    form: dict[str, str] | None = None  # POSTed as a form when given
    expect: int = 200


def sparql(name: str, query: str, accept: str = JSON, expect: int = 200) -> Call:
    return Call(name, "sparql?query=" + quote(query), accept, expect=expect)


# The query mix of a public endpoint: lookups, aggregates, a result cut by the limit, pages,
# RDF twins, dumps, and the mistakes and attacks a public endpoint gets all day.
MIX: tuple[Call, ...] = (
    sparql("select labels", "SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l LIMIT 20"),
    sparql(
        "count by graph", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    ),
    sparql("mentions join", "SELECT ?e ?q WHERE { ?m itsrdf:taIdentRef ?e ; nif:anchorOf ?q }"),
    sparql("truncated", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"),
    sparql("ask", "ASK { ?s a schema:Person }"),
    sparql("construct", "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }", "text/turtle"),
    sparql("syntax error", "SELECT * WHERE { ?s ?p", expect=400),
    sparql("service", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", expect=403),
    Call("update", "sparql", form={"update": "DROP ALL"}, expect=403),
    Call("post query", "sparql", JSON, form={"query": "SELECT ?s WHERE { ?s a schema:Place }"}),
    Call("home", "", "text/html"),
    Call("health", "health"),
    Call("dumps", "dumps/"),
)


@dataclass
class Report:
    """What a load run saw: per-call latencies, and every unexpected answer."""

    seconds: float
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def percentile(self, p: float, name: str | None = None) -> float:
        """The p-th percentile latency in seconds (nearest rank), of one call or of all."""
        samples = sorted(
            self.latencies.get(name, [])
            if name
            else [x for v in self.latencies.values() for x in v]
        )
        if not samples:
            return 0.0
        return samples[min(len(samples) - 1, max(0, round(p / 100 * len(samples)) - 1))]

    def table(self) -> str:
        """A plain-text table: requests, rate and p50/p99/max per call and overall."""
        rows = [f"{'call':<16}{'requests':>9}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}"]
        for name in [*sorted(self.latencies), None]:
            samples = self.latencies.get(name, []) if name else None
            count = len(samples) if samples is not None else self.requests
            worst = max(samples or [0.0]) if name else self.percentile(100)
            rows.append(
                f"{name or 'all':<16}{count:>9}{self.percentile(50, name) * 1000:>9.1f}"
                f"{self.percentile(99, name) * 1000:>9.1f}{worst * 1000:>9.1f}"
            )
        rows.append(
            f"{self.requests} requests in {self.seconds:.1f} s = "
            f"{self.requests / self.seconds:.0f}/s, errors: {sum(self.errors.values())}"
        )
        rows += [f"  {n} x {error}" for error, n in self.errors.most_common(10)]
        return "\n".join(rows)


def run_load(url: str, *, clients: int, seconds: float, mix: Sequence[Call] = MIX) -> Report:
    """Drive ``url`` with ``clients`` threads for ``seconds``; each thread starts at another
    call of the mix so all of it runs at once."""
    report = Report(seconds)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        session = requests.Session()
        n = offset
        while time.monotonic() < deadline:
            call = mix[n % len(mix)]
            n += 1
            started = time.monotonic()
            try:
                headers = {"Accept": call.accept}
                if call.form is None:
                    r = session.get(url + call.path, headers=headers, timeout=30)
                else:
                    r = session.post(url + call.path, data=call.form, headers=headers, timeout=30)
                error = None if r.status_code == call.expect else f"{call.name}: {r.status_code}"
            except requests.RequestException as e:
                error = f"{call.name}: {type(e).__name__}"
            elapsed = time.monotonic() - started
            with lock:
                report.latencies.setdefault(call.name, []).append(elapsed)
                if error:
                    report.errors[error] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return report
