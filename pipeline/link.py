"""Linking: Wikidata and DBpedia identities for resolved entities.

A small reference table shipped with the project (``pipeline/data/wikidata.csv``: general
knowledge of the domain, every QID verified against a public source) is the only thing
linked against, so a build never needs the network. A wrong ``owl:sameAs`` is worse than
none, hence the tiers:

- ``same_as`` (and the DBpedia IRI): a name of the entity equals, once normalized, the label
  or an alias of exactly one row of the same type;
- ``close_match``: the match is only plausible: a transliteration variant or a fuzzy match
  (rapidfuzz ratio >= ``FUZZY_THRESHOLD``) of one row, or an exact name of a row of another
  type;
- ``country``: an organization named exactly as a country ("the U.S. said") or as a capital
  ("Tehran denies") is that country, or that capital, speaking through its government, as
  place names are tagged elsewhere: it becomes the place, verified, and merges with the
  place's other names;
- ``retyped``: a place or a person named exactly as one organization of the table, and as no
  row of its own type ("the Iranian Pasdaran" tagged a place), is a tagging slip: it becomes
  that organization, verified, and merges with its other names;
- nothing, for everything else. Vetoes: a person is never linked by a one-word name (a bare
  surname), and a name that fits two rows links to neither.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from .names import name_key, variant_key
from .records import Entity, EntityKind, Resolution

TABLE = Path(__file__).parent / "data" / "wikidata.csv"
WIKIDATA = "http://www.wikidata.org/entity/"
DBPEDIA = "http://dbpedia.org/resource/"
# rapidfuzz ratio (0-100) of normalized names above which a row is a plausible match: one
# letter in a dozen may differ ("Hizbollah" for "Hezbollah" is caught by the variant key).
FUZZY_THRESHOLD = 92.0
_QID = re.compile(r"^Q[1-9][0-9]*$")


def link_key(name: str) -> str:
    """``name_key``, with initials written with stops run together: "U.K." is "UK", "U.A.E."
    is "UAE", so a table alias in one form links the other."""
    key = name_key(name)
    letters = key.split()
    return "".join(letters) if len(letters) > 1 and all(len(w) == 1 for w in letters) else key


@dataclass(frozen=True)
class Row:
    """One verified row of the reference table."""

    qid: str
    wikipedia_title: str
    label: str
    aliases: tuple[str, ...]
    kind: EntityKind
    source: str
    country: bool = False
    capital: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    @property
    def wikidata(self) -> str:
        return WIKIDATA + self.qid

    @property
    def dbpedia(self) -> str | None:
        if not self.wikipedia_title:
            return None
        return DBPEDIA + self.wikipedia_title.replace(" ", "_")


def load_table(path: Path = TABLE) -> tuple[Row, ...]:
    """Read and check the reference table; a malformed row is an error, not a silent skip."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, raw in enumerate(csv.DictReader(handle), start=2):
            qid = (raw.get("qid") or "").strip()
            if not _QID.match(qid):
                raise ValueError(f"{path}:{number}: {qid!r} is not a Wikidata QID")
            if not (raw.get("source") or "").strip():
                raise ValueError(f"{path}:{number}: {qid} has no source")
            try:
                kind = EntityKind((raw.get("type") or "").strip())
            except ValueError as error:
                raise ValueError(f"{path}:{number}: {qid} has no valid type") from error
            aliases = tuple(a.strip() for a in (raw.get("aliases") or "").split("|") if a.strip())
            rows.append(
                Row(
                    qid=qid,
                    wikipedia_title=(raw.get("wikipedia_title") or "").strip(),
                    label=raw["label"].strip(),
                    aliases=aliases,
                    kind=kind,
                    source=raw["source"].strip(),
                    country=(raw.get("country") or "").strip() == "yes",
                    capital=(raw.get("country") or "").strip() == "capital",
                )
            )
    return tuple(rows)


@dataclass(frozen=True)
class _Index:
    exact: dict[str, tuple[Row, ...]]
    variant: dict[str, tuple[Row, ...]]
    keys: tuple[tuple[str, Row], ...]


@cache
def _index(path: Path = TABLE) -> _Index:
    exact: dict[str, set[Row]] = {}
    variant: dict[str, set[Row]] = {}
    keys: list[tuple[str, Row]] = []
    for row in load_table(path):
        for name in row.names:
            key = link_key(name)
            exact.setdefault(key, set()).add(row)
            variant.setdefault(variant_key(name), set()).add(row)
            keys.append((key, row))
    return _Index(
        exact={k: tuple(v) for k, v in exact.items()},
        variant={k: tuple(v) for k, v in variant.items()},
        keys=tuple(keys),
    )


def _usable(entity: Entity, name: str) -> bool:
    """A person is never linked by a one-word name: a bare surname is not an identity."""
    key = link_key(name)
    return bool(key) and (entity.kind is not EntityKind.PERSON or len(key.split()) >= 2)


def _one(rows: Iterable[Row]) -> Row | None:
    """The single row matched, or None when nothing or more than one row matched."""
    distinct = {row.qid: row for row in rows}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def match(entity: Entity, index: _Index | None = None) -> tuple[str, Row] | None:
    """("same_as" | "country" | "retyped" | "close_match", row) for an entity, or None."""
    index = index or _index()
    names = [n for n in sorted({entity.label, *entity.alt_labels}) if _usable(entity, n)]
    exact = [row for n in names for row in index.exact.get(link_key(n), ())]
    if exact:
        same_kind = [row for row in exact if row.kind is entity.kind]
        if same_kind:
            row = _one(same_kind)
            return ("same_as", row) if row else None
        row = _one(exact)
        if row and (row.country or row.capital) and entity.kind is EntityKind.ORGANIZATION:
            return ("country", row)
        if row and row.kind is EntityKind.ORGANIZATION:
            return ("retyped", row)
        return ("close_match", row) if row else None
    variants = [row for n in names for row in index.variant.get(variant_key(n), ())]
    if variants:
        row = _one(r for r in variants if r.kind is entity.kind) or None
        return ("close_match", row) if row else None
    fuzzy = []
    for n in names:
        key = link_key(n)
        for candidate, row in index.keys:
            if (
                row.kind is entity.kind
                and candidate.count(" ") == key.count(" ")
                and fuzz.ratio(key, candidate) >= FUZZY_THRESHOLD
            ):
                fuzzy.append(row)
    row = _one(fuzzy)
    return ("close_match", row) if row else None


def link(entities: Mapping[str, Entity]) -> dict[str, Entity]:
    """Entities with ``same_as``/``dbpedia`` (verified) or ``close_match`` (plausible) set."""
    index = _index()
    linked: dict[str, Entity] = {}
    for key, entity in entities.items():
        found = match(entity, index)
        if found is None:
            linked[key] = replace(entity)
        elif found[0] in ("same_as", "country", "retyped"):
            row = found[1]
            linked[key] = replace(
                entity,
                kind=row.kind,
                same_as=row.wikidata,
                close_match=None,
                dbpedia=row.dbpedia,
                # only a person has honorifics (SHACL)
                honorifics=entity.honorifics if row.kind is EntityKind.PERSON else set(),
            )
        else:
            linked[key] = replace(entity, same_as=None, close_match=found[1].wikidata, dbpedia=None)
    return linked


def _rekey(resolution: Resolution, linked: dict[str, Entity]) -> tuple[dict[str, str], list[str]]:
    """Give an entity the link re-typed a key of its new kind: "organization/us" -> "place/us".

    When that key is taken by an entity verified as another item the re-typing is undone (the
    entity keeps its kind, with only a close match): one IRI must never name two things.
    """
    renamed: dict[str, str] = {}
    merges: list[str] = []
    for key, entity in list(linked.items()):
        old_kind, _, slug = key.partition("/")
        new_key = f"{entity.kind.value}/{slug}"
        if new_key == key:
            continue
        taken = linked.get(new_key)
        if taken is not None and taken.same_as != entity.same_as:
            linked[key] = replace(
                resolution.entities[key], close_match=entity.same_as, same_as=None, dbpedia=None
            )
            continue
        del linked[key]
        if taken is None:
            linked[new_key] = replace(entity, key=new_key)
        else:  # the place is already there under this slug: it takes the other names
            linked[new_key] = replace(
                taken,
                alt_labels=(taken.alt_labels | entity.alt_labels | {entity.label}) - {taken.label},
                honorifics=taken.honorifics | entity.honorifics,
            )
        renamed[key] = new_key
        merges.append(f"{entity.label!r} was tagged {old_kind} but names {entity.same_as}")
    return renamed, merges


def link_resolution(resolution: Resolution) -> Resolution:
    """Link every entity, then make entities verified as one Wikidata item one entity.

    "U.S." and "United States" share no spelling, but both are verified as the same item, so
    they are one real-world entity and get one IRI: the key of the entity whose label is the
    table's label (else the smallest key), with every other name kept as an alias. An
    organization named as a country first becomes that place (see ``match``).
    """
    linked = link(resolution.entities)
    renamed, merges = _rekey(resolution, linked)
    merges = [*resolution.merges, *merges]
    groups: dict[str, list[Entity]] = defaultdict(list)
    for entity in linked.values():
        if entity.same_as:
            groups[entity.same_as].append(entity)
    labels = {row.wikidata: row.label for row in load_table()}
    for qid, group in sorted(groups.items()):
        if len(group) < 2:
            continue
        keep = min(group, key=lambda e: (e.label != labels.get(qid), e.key))
        others = [e for e in group if e is not keep]
        names = {n for e in others for n in (e.label, *e.alt_labels)} | keep.alt_labels
        linked[keep.key] = replace(
            keep,
            alt_labels=names - {keep.label},
            honorifics=keep.honorifics.union(*(e.honorifics for e in others)),
        )
        for other in others:
            renamed[other.key] = keep.key
            del linked[other.key]
            merges.append(f"{other.label!r} and {keep.label!r} are both {qid} (verified link)")

    def final(key: str) -> str:
        while key in renamed:
            key = renamed[key]
        return key

    mentions = {
        doc_id: tuple(
            replace(rm, entity_key=final(rm.entity_key), kind=linked[final(rm.entity_key)].kind)
            if rm.entity_key in renamed
            else rm
            for rm in items
        )
        for doc_id, items in resolution.mentions.items()
    }
    return Resolution(entities=linked, mentions=mentions, merges=tuple(merges))
