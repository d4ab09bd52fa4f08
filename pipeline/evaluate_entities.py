"""``ldpub eval --task entities``: what a whole build publishes per entity, scored against the
hand-annotated article pages of ``tests/data/entities/`` (see its README for the conventions).

The other tasks score one stage on sentences; this one writes each set's articles as text files
with sidecars, runs the real build (bundled model, no network, no cache) and reads the
published graph back, so NER, page segmentation, resolution across documents and linking are
measured together, as a reader of the publication meets them.

A published entity (``schema:Person``, ``schema:Organization`` or ``schema:Place``) *matches* a
gold entity when its ``rdfs:label`` or one of its ``skos:altLabel`` equals one of the gold names
after ``normalise``. Published and gold entities are paired one to one by a maximum matching
over the matching pairs of the same type: a pair is a true positive of its type, an unpaired
published entity a false positive, an unpaired gold entity a false negative. So the second IRI
of a split entity costs precision, the second entity of a merge costs recall, and a wrong type
costs both. Splits, merges, wrong types, junk, misses, commenters published and ``owl:sameAs``
links are listed for a person to read (only a person can tell whether a Wikidata link is right).
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from pipeline.evaluate import Row
from pipeline.namespaces import SCHEMA

DATA = Path(__file__).parent.parent / "tests" / "data" / "entities"
SETS = {
    "dev": DATA / "articles_dev.jsonl",
    "test": DATA / "articles_test.jsonl",
    "final": DATA / "articles_final.jsonl",
    "final2": DATA / "articles_final2.jsonl",
    "final3": DATA / "articles_final3.jsonl",
    "final4": DATA / "articles_final4.jsonl",
    "final5": DATA / "articles_final5.jsonl",
    "final6": DATA / "articles_final6.jsonl",
    "final7": DATA / "articles_final7.jsonl",
}
"""The sets by name, each committed before anything ran on it."""
STATUS = {
    "dev": "tuned on",
    "test": "its errors read",
    "final": "tuned on after its first run",
    "final2": "tuned on after its first run",
    "final3": "tuned on after its first run",
    "final4": "tuned on after its first run",
    "final5": "tuned on after its first run",
    "final6": "tuned on after its first run",
    "final7": "never tuned on",
}
"""What was done with each set's errors: a rule round reads a fresh set's errors only after a
newer set is written, so the newest set (final7) gives the untuned figure."""
GOLD_TYPES = {"Person": "PERSON", "Organization": "ORG", "Place": "PLACE"}
CLASSES = {SCHEMA.Person: "PERSON", SCHEMA.Organization: "ORG", SCHEMA.Place: "PLACE"}
BASE_URI = "http://entities.example.org/"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"'})
_LEADING_THE = re.compile(r"^the\s+")


def normalise(name: str) -> str:
    """The form names are compared in: case folded, curly quotes straight, spaces collapsed,
    a leading "the" dropped ("The Quds Force" is "quds force")."""
    folded = " ".join(name.translate(_QUOTES).casefold().split())
    return _LEADING_THE.sub("", folded)


@dataclass(frozen=True)
class Article:
    """One page of a set: its text and what the sidecar says, and who commented on it."""

    id: str
    published: str
    text: str
    commenters: tuple[str, ...]


@dataclass(frozen=True)
class GoldEntity:
    """One real-world entity of a set, with every surface form its articles' bodies use."""

    key: str
    type: str
    names: tuple[str, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(normalise(n) for n in self.names)


@dataclass(frozen=True)
class PublishedEntity:
    """An entity of the published graph: its IRI, type, label, names and Wikidata links."""

    iri: str
    type: str
    label: str
    names: frozenset[str]  # normalised label and altLabels
    same_as: tuple[str, ...]

    def matches(self, names: Iterable[str]) -> bool:
        return not self.names.isdisjoint(names)


def read_set(path: Path) -> tuple[list[Article], list[GoldEntity]]:
    """The articles of a set file and its gold entities, joined across articles by ``id``.

    A set whose entity keeps two types, or whose name belongs to two entities, is an
    annotation error and stops here rather than score nonsense."""
    articles: list[Article] = []
    types: dict[str, str] = {}
    names: dict[str, dict[str, None]] = {}  # ordered sets
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        articles.append(
            Article(item["id"], item["published"], item["text"], tuple(item.get("commenters", ())))
        )
        for entity in item["entities"]:
            key, kind = entity["id"], GOLD_TYPES[entity["type"]]
            if types.setdefault(key, kind) != kind:
                raise ValueError(f"{path}: entity {key} is both {types[key]} and {kind}")
            names.setdefault(key, {}).update(dict.fromkeys(entity["names"]))
    gold = [GoldEntity(key, types[key], tuple(names[key])) for key in types]
    owners: dict[str, str] = {}
    for entity in gold:
        for name in entity.keys:
            if owners.setdefault(name, entity.key) != entity.key:
                raise ValueError(f"{path}: {name!r} names both {owners[name]} and {entity.key}")
    return articles, gold


def published_entities(graph: Graph) -> list[PublishedEntity]:
    """Every person, organization and place the graph publishes, in IRI order."""
    found = []
    for cls, kind in CLASSES.items():
        for iri in set(graph.subjects(RDF.type, cls)):
            labels = [str(o) for o in graph.objects(iri, RDFS.label)]
            alts = [str(o) for o in graph.objects(iri, SKOS.altLabel)]
            same_as = tuple(sorted(str(o) for o in graph.objects(iri, OWL.sameAs)))
            names = frozenset(normalise(n) for n in (*labels, *alts))
            label = min(labels) if labels else str(iri)
            found.append(PublishedEntity(str(iri), kind, label, names, same_as))
    return sorted(found, key=lambda e: e.iri)


def _matching(pairs: dict[int, list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching (Kuhn's augmenting paths): published index -> gold index,
    from each published entity's candidate gold entities."""
    owner: dict[int, int] = {}  # gold -> published

    def augment(p: int, seen: set[int]) -> bool:
        for g in pairs[p]:
            if g not in seen:
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    for p in pairs:
        augment(p, set())
    return {p: g for g, p in owner.items()}


@dataclass(frozen=True)
class EntityScore:
    """A set's gold and published entities and how they pair; rows and lists for the report."""

    data: str
    gold: tuple[GoldEntity, ...]
    published: tuple[PublishedEntity, ...]
    commenters: frozenset[str]  # normalised
    paired: dict[int, int]  # published index -> gold index, same type
    quarantined: tuple[str, ...] = ()

    def rows(self) -> list[Row]:
        """P/R/F1 per type and ALL, as ``ldpub eval`` prints them."""
        counts = {t: [0, 0, 0] for t in sorted(GOLD_TYPES.values())}
        for p, entity in enumerate(self.published):
            counts[entity.type][0 if p in self.paired else 1] += 1
        matched = set(self.paired.values())
        for g, entity in enumerate(self.gold):
            if g not in matched:
                counts[entity.type][2] += 1
        counts["ALL"] = [sum(c[i] for c in counts.values()) for i in range(3)]
        return [Row("entities", self.data, t, *c) for t, c in counts.items()]

    def _gold_of(self, entity: PublishedEntity) -> list[GoldEntity]:
        return [g for g in self.gold if entity.matches(g.keys)]

    def splits(self) -> list[tuple[GoldEntity, list[PublishedEntity]]]:
        """Gold entities two or more published entities match (any type)."""
        found = [(g, [p for p in self.published if p.matches(g.keys)]) for g in self.gold]
        return [(g, ps) for g, ps in found if len(ps) > 1]

    def merges(self) -> list[tuple[PublishedEntity, list[GoldEntity]]]:
        """Published entities that match two or more gold entities."""
        found = [(p, self._gold_of(p)) for p in self.published]
        return [(p, gs) for p, gs in found if len(gs) > 1]

    def wrong_types(self) -> list[tuple[PublishedEntity, GoldEntity]]:
        """Unpaired published entities whose names are a gold entity's of another type."""
        return [
            (p, g)
            for i, p in enumerate(self.published)
            if i not in self.paired
            for g in self._gold_of(p)
            if g.type != p.type
        ]

    def junk(self) -> list[PublishedEntity]:
        """Published entities no gold entity names, whatever the type."""
        return [p for p in self.published if not self._gold_of(p)]

    def missed(self) -> list[GoldEntity]:
        """Gold entities no published entity names, whatever the type."""
        return [g for g in self.gold if not any(p.matches(g.keys) for p in self.published)]

    def commenters_published(self) -> list[PublishedEntity]:
        """Published entities named as a reader who commented is."""
        return [p for p in self.published if p.matches(self.commenters)]

    def linked(self) -> list[PublishedEntity]:
        return [p for p in self.published if p.same_as]

    def summary(self) -> str:
        """One line of the counts that must be zero, for every run of the task."""
        line = (
            f"entities, {self.data}: {len(self.gold)} gold, {len(self.published)} published; "
            f"{len(self.splits())} split, {len(self.merges())} merged, "
            f"{len(self.wrong_types())} wrong type, {len(self.junk())} junk, "
            f"{len(self.missed())} missed, {len(self.commenters_published())} commenters "
            f"published, {len(self.linked())} owl:sameAs links to check"
        )
        return line + (f"; quarantined: {', '.join(self.quarantined)}" if self.quarantined else "")

    def errors(self) -> str:
        """The lists behind the summary, one entity a line."""
        sections = {
            "split (one gold entity, several IRIs)": [
                f"{_gold_name(g)}: " + " | ".join(map(_pub_name, ps)) for g, ps in self.splits()
            ],
            "merged (one IRI, several gold entities)": [
                f"{_pub_name(p)}: " + ", ".join(map(_gold_name, gs)) for p, gs in self.merges()
            ],
            "wrong type": [f"{_pub_name(p)}: gold {_gold_name(g)}" for p, g in self.wrong_types()],
            "junk (no gold entity has its names)": [_pub_name(p) for p in self.junk()],
            "missed (no published entity has its names)": [
                f"{_gold_name(g)}: {', '.join(g.names)}" for g in self.missed()
            ],
            "commenters published": [_pub_name(p) for p in self.commenters_published()],
            "owl:sameAs (check each by hand)": [
                f"{_pub_name(p)} -> {', '.join(p.same_as)}; gold: "
                + (", ".join(g.key for g in self._gold_of(p)) or "none")
                for p in self.linked()
            ],
        }
        lines = [f"== entities, {self.data}"]
        for title, items in sections.items():
            lines.append(f"-- {title}: {len(items)}")
            lines += [f"   {item}" for item in items]
        return "\n".join(lines)


def _same(published: PublishedEntity, gold: GoldEntity) -> bool:
    return published.type == gold.type and published.matches(gold.keys)


def _gold_name(entity: GoldEntity) -> str:
    return f"{entity.key} ({entity.type})"


def _pub_name(entity: PublishedEntity) -> str:
    return f"{entity.label!r} {entity.type} <{entity.iri}>"


def score(
    data: str,
    gold: Sequence[GoldEntity],
    published: Sequence[PublishedEntity],
    commenters: Iterable[str] = (),
    quarantined: Sequence[str] = (),
) -> EntityScore:
    """Pair ``published`` with ``gold`` (see the module docstring) and keep both for the report."""
    pairs = {
        p: [g for g, gold_entity in enumerate(gold) if _same(pub, gold_entity)]
        for p, pub in enumerate(published)
    }
    return EntityScore(
        data,
        tuple(gold),
        tuple(published),
        frozenset(normalise(c) for c in commenters),
        _matching(pairs),
        tuple(quarantined),
    )


def write_articles(articles: Sequence[Article], folder: Path) -> None:
    """Each article as ``<id>.txt`` with a ``<id>.meta.json`` sidecar, as a user's corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
        meta = {"url": f"{BASE_URI}articles/{article.id}", "published": article.published}
        (folder / f"{article.id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def build_graph(articles: Sequence[Article]) -> tuple[Graph, list[str]]:
    """The union graph a real build of ``articles`` publishes, and the quarantined files."""
    from pipeline.build import build
    from pipeline.settings import SETTINGS

    with tempfile.TemporaryDirectory(prefix="ldpub-entities-") as tmp:
        corpus, out = Path(tmp) / "articles", Path(tmp) / "dist"
        write_articles(articles, corpus)
        result = build(
            [corpus], out, base_uri=BASE_URI, model=SETTINGS["model"].default, cache=False
        )
        dump = gzip.decompress((out / "dumps" / "ldpub.nt.gz").read_bytes())
        quarantined = [Path(q.path).name for q in result.quarantined]
    return Graph().parse(data=dump, format="nt"), quarantined


def evaluate_set(data: str, path: Path) -> EntityScore:
    """Build the set in ``path`` and score what it publishes."""
    articles, gold = read_set(path)
    graph, quarantined = build_graph(articles)
    commenters = [c for a in articles for c in a.commenters]
    return score(data, gold, published_entities(graph), commenters, quarantined)


def entity_rows(
    split: str,
    progress: Callable[[str], None] = lambda _: None,
    notes: Callable[[str], None] = lambda _: None,
    errors: bool = False,
) -> list[Row]:
    """Rows for ``ldpub eval``: the dev set (tuned on), and with ``split`` test every other set
    too; each set's summary, and with ``errors`` its lists, go to ``notes``."""
    names = ("dev",) if split == "dev" else tuple(SETS)
    rows: list[Row] = []
    for name in names:
        progress(f"entities: building the invented article pages ({name})")
        result = evaluate_set(f"invented article pages {name} ({STATUS[name]}), build", SETS[name])
        rows += result.rows()
        notes(result.summary())
        if errors:
            notes(result.errors())
    return rows
