"""``/search``: find people, organizations and places by any name the graph knows.

The index holds every ``rdfs:label`` and ``skos:altLabel`` of the release's entities, read
with one SPARQL query the first time a release is searched and kept in memory (keyed on the
release id, so a rebuild gets a fresh index). Names are compared folded: case, accents,
punctuation and the Arabic article ("al-", "Al ", "el-") do not matter, and rapidfuzz lets
small spelling differences ("Qayis Khazali", "Quds Force") still match.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from flask import Blueprint, Response, render_template, request
from rapidfuzz import fuzz, process

from pipeline.web.errors import ApiError
from pipeline.web.explore import KINDS, Views, int_arg, respond_views, select
from pipeline.web.publication import PerRelease
from pipeline.web.site import href, publication

bp = Blueprint("search", __name__)

MAX_QUERY = 200  # characters: longer text is no name
_PARTICLES = frozenset({"al", "el", "the"})
_APOSTROPHES = re.compile(r"['’‘`ʼʻ]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
FUZZY_CUTOFF = 75.0  # rapidfuzz WRatio (0-100) below which a name does not match
CLOSE = 85.0  # the least score shown beside a name that starts with the query
WORD_CUTOFF = 70.0  # rapidfuzz ratio above which two words are spellings of one another
MAX_PREFIXED = 500  # words a typed prefix may expand to

_NAMES = """
SELECT ?entity ?class ?label ?name WHERE {
  VALUES ?class { schema:Person schema:Organization schema:Place }
  ?entity a ?class ; rdfs:label ?label .
  { ?entity rdfs:label ?name } UNION { ?entity skos:altLabel ?name }
}"""


def fold(text: str) -> str:
    """Lower case ASCII words: accents, apostrophes and punctuation gone."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", text.casefold())).strip()


def key(text: str) -> str:
    """The form names are compared in: folded, without the Arabic article or a leading 'the'."""
    words = fold(text).split()
    kept = [w for w in words if w not in _PARTICLES]
    return " ".join(kept or words)


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str
    kind: str  # person, organization, place
    matched: str  # the name that matched (the label or an alias)
    score: float  # 100 for the same name, less for prefixes and near spellings


@dataclass(frozen=True)
class _Name:
    iri: str
    label: str
    kind: str
    name: str


class LabelIndex:
    """Every name of every entity of one release, searchable by folded prefix and similarity.

    A query is compared only with the names that share a word with it, where words match
    when equal, when the query's last word starts one (typing), or when close in spelling;
    so a search costs a lookup in the word list, not a pass over every name.
    """

    def __init__(self, rows: list[dict[str, str | None]]) -> None:
        names: dict[tuple[str, str], _Name] = {}
        for r in rows:
            iri, label, name = r["entity"], r["label"], r["name"]
            if iri and label and name:
                kind = KINDS[str(r["class"])][0]
                names.setdefault((iri, name), _Name(iri, label, kind, name))
        self._names = list(names.values())
        self._keys = [key(n.name) for n in self._names]
        self._holders: dict[str, list[int]] = {}
        for i, k in enumerate(self._keys):
            for word in set(k.split()):
                self._holders.setdefault(word, []).append(i)
        self._words = sorted(self._holders)

    def __len__(self) -> int:
        return len(self._names)

    def _close_words(self, word: str, last: bool) -> set[str]:
        found = {word} if word in self._holders else set()
        if last and len(word) >= 2:  # the word being typed: every word it starts
            start = bisect.bisect_left(self._words, word)
            for w in self._words[start : start + MAX_PREFIXED]:
                if not w.startswith(word):
                    break
                found.add(w)
        if len(word) >= 3:
            found.update(
                w
                for w, _, _ in process.extract(
                    word, self._words, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=30
                )
            )
        return found

    def _candidates(self, q: str) -> set[int]:
        words = q.split()
        out: set[int] = set()
        for n, word in enumerate(words):
            for w in self._close_words(word, last=n == len(words) - 1):
                out.update(self._holders[w])
        return out

    def search(self, text: str, limit: int) -> list[Hit]:
        """The best match of each entity, best first."""
        q = key(text)
        if not q:
            return []
        scores: dict[int, float] = {}
        padded = " " + q
        for i in self._candidates(q):
            k = self._keys[i]
            if k == q:
                score = 100.0
            elif k.startswith(q):
                score = 98.0
            elif padded in " " + k:
                score = 95.0
            elif len(q) < 3:
                continue
            else:  # a short name inside a longer query is no match: compare them whole
                score = min(fuzz.WRatio(q, k) if len(k) >= len(q) else fuzz.ratio(q, k), 94.0)
            if score >= FUZZY_CUTOFF:
                scores[i] = score
        if scores and max(scores.values()) >= 95.0:  # a name starts so: only near spellings too
            scores = {i: s for i, s in scores.items() if s >= CLOSE}
        best: dict[str, Hit] = {}
        for i, score in scores.items():
            n = self._names[i]
            if n.iri not in best or score > best[n.iri].score:
                best[n.iri] = Hit(n.iri, n.label, n.kind, n.name, round(score, 1))
        ranked = sorted(best.values(), key=lambda h: (-h.score, len(h.label), h.label))
        return ranked[:limit]


index_for = PerRelease(lambda store: LabelIndex(select(store, _NAMES)))
"""The release's search index, built on first use; only the two newest releases are kept."""


def _text() -> str:
    text = request.args.get("q", "").strip()
    if len(text) > MAX_QUERY:
        raise ApiError(
            400,
            f"The search text is {len(text)} characters long; search for a name of at most "
            f"{MAX_QUERY} characters.",
        )
    return text


@bp.route("/search")
@bp.route("/search.json", defaults={"suffix": ".json"})
def search(suffix: str | None = None) -> Response:
    """Entities whose names match ``q``: a results page, or JSON for the autocomplete."""
    text = _text()
    limit = int_arg("limit", 20, 1, 100)
    hits = index_for(publication()).search(text, limit) if text else []

    def data() -> dict:
        return {
            "query": text,
            "release": publication().release,
            "results": [
                {
                    "iri": h.iri,
                    "url": href(h.iri),
                    "label": h.label,
                    "type": h.kind,
                    "matched": h.matched,
                    "score": h.score,
                }
                for h in hits
            ],
        }

    return respond_views(
        "/search",
        suffix,
        Views(
            page=lambda twins: render_template("search.html", q=text, hits=hits, twins=twins),
            data=data,
        ),
    )
