"""Linking: verified sameAs only on exact names of one row, closeMatch when plausible."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.link import (
    DBPEDIA,
    TABLE,
    WIKIDATA,
    _index,
    link,
    link_resolution,
    load_table,
    match,
)
from pipeline.names import name_key
from pipeline.records import Entity, EntityKind, Mention, Resolution, ResolvedMention, Sentence

P, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def _entity(label: str, kind: EntityKind, *alts: str) -> Entity:
    return Entity(key=f"{kind.value}/x", kind=kind, label=label, alt_labels=set(alts))


def test_table_is_valid() -> None:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    assert raw, "the table is empty"
    assert set(raw[0]) == {"qid", "wikipedia_title", "label", "aliases", "type", "source"}
    for row in raw:
        assert re.fullmatch(r"Q[0-9]+", row["qid"]), row
        assert row["type"] in {"person", "organization", "place"}, row
        assert row["source"].strip(), row
        assert row["label"].strip(), row
    qids = Counter(row["qid"] for row in raw)
    assert [q for q, n in qids.items() if n > 1] == []
    labels = Counter((row["type"], name_key(row["label"])) for row in raw)
    assert [k for k, n in labels.items() if n > 1] == []
    assert len(load_table()) == len(raw)


def test_no_name_points_at_two_rows_of_one_type() -> None:
    """An alias shared by two rows would make every entity with it unlinkable: keep none."""
    for key, rows in _index().exact.items():
        kinds = Counter(row.kind for row in rows)
        assert all(n == 1 for n in kinds.values()), (key, [r.qid for r in rows])


def test_person_table_names_are_never_one_word() -> None:
    for row in load_table():
        if row.kind is P:
            assert all(len(name_key(n).split()) >= 2 for n in row.names), row


def test_exact_label_or_alias_links_verified() -> None:
    linked = link({"a": _entity("Baghdad", PLACE), "b": _entity("the U.S.", PLACE)})
    assert linked["a"].same_as == WIKIDATA + "Q1530"
    assert linked["a"].dbpedia == DBPEDIA + "Baghdad"
    assert linked["a"].close_match is None
    assert linked["b"].same_as == WIKIDATA + "Q30"
    assert linked["b"].dbpedia == DBPEDIA + "United_States"


def test_alt_label_links_and_input_is_not_changed() -> None:
    entity = _entity("Republic of Lebanon", PLACE, "Lebanon")
    linked = link({"a": entity})
    assert linked["a"].same_as == WIKIDATA + "Q822"
    assert entity.same_as is None


def test_type_mismatch_is_only_a_close_match() -> None:
    linked = link({"a": _entity("Iraq", ORG)})
    assert linked["a"].same_as is None and linked["a"].dbpedia is None
    assert linked["a"].close_match == WIKIDATA + "Q796"


def test_fuzzy_and_variant_spellings_are_only_close_matches() -> None:
    found = match(_entity("Afganistan", PLACE))
    assert found is not None and found[0] == "close_match" and found[1].qid == "Q889"
    found = match(_entity("Tehraan", PLACE))
    assert found is not None and found[0] == "close_match" and found[1].qid == "Q3616"


def test_unknown_names_stay_unlinked() -> None:
    linked = link({"a": _entity("Zorvath Khelmani", P), "b": _entity("Northfield", PLACE)})
    assert all(e.same_as is None and e.close_match is None for e in linked.values())


def test_two_rows_matching_veto_the_link(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "qid,wikipedia_title,label,aliases,type,source\n"
        "Q1,Alpha Town,Alpha Town,,place,test\n"
        "Q2,Beta Town,Beta Town,,place,test\n",
        encoding="utf-8",
    )
    index = _index(table)
    assert match(_entity("Alpha Town", PLACE, "Beta Town"), index) is None
    found = match(_entity("Alpha Town", PLACE), index)
    assert found is not None and found[0] == "same_as"


def test_person_never_linked_by_surname_alone(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "qid,wikipedia_title,label,aliases,type,source\nQ7,Dara Venn,Dara Venn,,person,test\n",
        encoding="utf-8",
    )
    index = _index(table)
    assert match(_entity("Venn", P), index) is None
    assert match(_entity("Dara Venn", P, "Venn"), index) == ("same_as", load_table(table)[0])


@pytest.mark.parametrize("bad", ["X12", "Q", "q12"])
def test_malformed_table_is_an_error(tmp_path: Path, bad: str) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        f"qid,wikipedia_title,label,aliases,type,source\n{bad},A,A,,place,test\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="QID"):
        load_table(table)


def test_organization_alias_links() -> None:
    linked = link({"a": _entity("U.N.", ORG), "b": _entity("the Arab League", ORG)})
    assert linked["a"].same_as == WIKIDATA + "Q1065"
    assert linked["b"].same_as == WIKIDATA + "Q7172"
    assert linked["b"].dbpedia == DBPEDIA + "Arab_League"


def test_names_verified_as_one_item_become_one_entity() -> None:
    """Two spellings that share no letters but one verified QID: one entity, one IRI."""
    rows = {r.label: r for r in load_table()}
    row = next(r for r in rows.values() if r.kind is EntityKind.PLACE and r.aliases)
    alias = row.aliases[0]
    a = Entity("place/a", EntityKind.PLACE, row.label, {"the land"})
    b = Entity("place/b", EntityKind.PLACE, alias)
    c = Entity("place/elsewhere-town", EntityKind.PLACE, "Elsewhere Town")
    sentence = Sentence(0, 10, "0123456789")
    mention = Mention(0, 3, "abc", EntityKind.PLACE, alias, sentence)
    resolution = Resolution(
        entities={e.key: e for e in (a, b, c)},
        mentions={"d": (ResolvedMention(mention, "place/b", EntityKind.PLACE),)},
    )
    merged = link_resolution(resolution)
    assert set(merged.entities) == {"place/a", "place/elsewhere-town"}
    kept = merged.entities["place/a"]
    assert kept.same_as == WIKIDATA + row.qid
    assert kept.alt_labels == {"the land", alias}
    assert merged.mentions["d"][0].entity_key == "place/a"
    assert any(row.qid in why for why in merged.merges)
    assert a.alt_labels == {"the land"}  # the input is not changed


def test_us_and_united_states_are_one_item_but_palestine_is_not_the_state() -> None:
    linked = link(
        {
            "a": _entity("US", PLACE),
            "b": _entity("United States", PLACE),
            "c": _entity("Palestine", PLACE),
            "d": _entity("Anbar", PLACE),
            "e": _entity("Basra", PLACE),
        }
    )
    assert linked["a"].same_as == linked["b"].same_as == WIKIDATA + "Q30"
    assert linked["c"].same_as is None and linked["c"].close_match is None
    assert linked["d"].same_as == WIKIDATA + "Q187334"  # the governorate
    assert linked["e"].same_as == WIKIDATA + "Q48195"  # the city, not its governorate
