"""The kind of a name the project's link table knows: "Tehran" is a place, "Islamic State" an
organization, whatever the model tagged ("Tehran summoned the envoy": a capital standing for
its government is still the city, as a country is the country; see tests/data/ner/README.md).

The table (``pipeline/data/wikidata.csv``, read by ``pipeline.link``) holds general knowledge
of the domain, each row with its type; a name equal to a row's label or alias, normalized as
the linker does (``pipeline.link.link_key``: "U.K." is "UK"), takes the row's type when the
rows that hold it agree on one:
always a place's, an organization's only for a name of two words or more ("Islamic State"
tagged a place). A one-word organization's short name is also the model's word for what the
body does or owns ("U.N. team", "Interpol police": GMB tags them places), left as tagged.
"""

from __future__ import annotations

from functools import cache

from pipeline.link import link_key, load_table
from pipeline.records import EntityKind


@cache
def _kinds() -> dict[str, frozenset[EntityKind]]:
    """Each normalized name of the table -> the types of the rows that hold it."""
    kinds: dict[str, set[EntityKind]] = {}
    for row in load_table():
        for name in row.names:
            kinds.setdefault(link_key(name), set()).add(row.kind)
    return {key: frozenset(found) for key, found in kinds.items()}


def table_kind(name: str) -> EntityKind | None:
    """The table's type for ``name``, or None when no row or rows of two types hold it."""
    found = _kinds().get(link_key(name), frozenset())
    return next(iter(found)) if len(found) == 1 else None


def known_kind(name: str) -> EntityKind | None:
    """``table_kind`` where it overrules the model: a place's, or a longer organization's."""
    kind = table_kind(name)
    return kind if kind is EntityKind.PLACE or " " in name.strip() else None
