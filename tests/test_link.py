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
from pipeline.resolve import resolve
from tests.test_resolve import _doc

P, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def _entity(label: str, kind: EntityKind, *alts: str) -> Entity:
    return Entity(key=f"{kind.value}/x", kind=kind, label=label, alt_labels=set(alts))


def test_table_is_valid() -> None:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    assert raw, "the table is empty"
    assert set(raw[0]) == {
        "qid",
        "wikipedia_title",
        "label",
        "aliases",
        "type",
        "country",
        "source",
    }
    for row in raw:
        assert re.fullmatch(r"Q[1-9][0-9]*", row["qid"]), row
        assert row["type"] in {"person", "organization", "place"}, row
        assert row["source"].strip(), row
        assert row["label"].strip(), row
        assert row["country"] in {"", "yes", "capital"}, row
        assert row["country"] == "" or row["type"] == "place", row
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
    """A city (not a capital) or a person named by another type's name is only plausibly that
    item."""
    linked = link({"a": _entity("Basra", ORG), "b": _entity("Ali Khamenei", ORG)})
    assert linked["a"].same_as is None and linked["a"].dbpedia is None
    assert linked["a"].close_match == WIKIDATA + "Q48195"
    assert linked["a"].kind is ORG
    assert linked["b"].same_as is None and linked["b"].close_match == WIKIDATA + "Q57336"


def test_organization_named_as_a_country_is_the_country() -> None:
    linked = link({"a": _entity("Iraq", ORG), "b": _entity("the U.S.", ORG)})
    assert linked["a"].kind is PLACE and linked["a"].same_as == WIKIDATA + "Q796"
    assert linked["a"].dbpedia == DBPEDIA + "Iraq"
    assert linked["b"].kind is PLACE and linked["b"].same_as == WIKIDATA + "Q30"
    # a territory that is not a country stays an organization with a close match only
    gaza = link({"c": _entity("Gaza", ORG)})["c"]
    assert gaza.kind is ORG and gaza.same_as is None and gaza.close_match == WIKIDATA + "Q39760"


def test_organization_named_as_a_capital_is_the_capital_but_another_city_is_not() -> None:
    linked = link({"a": _entity("Tehran", ORG), "b": _entity("Mosul", ORG)})
    assert linked["a"].kind is PLACE and linked["a"].same_as == WIKIDATA + "Q3616"
    assert linked["b"].kind is ORG and linked["b"].same_as is None
    assert linked["b"].close_match == WIKIDATA + "Q83317"


@pytest.mark.parametrize(
    ("name", "qid"), [("U.K.", "Q145"), ("U.A.E.", "Q878"), ("U.S.A.", "Q30"), ("U.N.", "Q1065")]
)
def test_initials_with_stops_link_as_without(name: str, qid: str) -> None:
    kind = ORG if qid == "Q1065" else PLACE
    assert link({"a": _entity(name, kind)})["a"].same_as == WIKIDATA + qid


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


def _resolution(*entities: Entity) -> Resolution:
    """Entities with one mention each, in one invented document."""
    sentence = Sentence(0, 40, "x" * 40)
    mentions = tuple(
        ResolvedMention(Mention(i, i + 1, "x", e.kind, e.label, sentence), e.key, e.kind)
        for i, e in enumerate(entities)
    )
    return Resolution(entities={e.key: e for e in entities}, mentions={"d": mentions})


def test_country_tagged_organization_merges_into_the_place() -> None:
    org = Entity("organization/u-s", ORG, "U.S.", {"US"})
    place = Entity("place/united-states", PLACE, "United States")
    merged = link_resolution(_resolution(org, place))
    assert set(merged.entities) == {"place/united-states"}
    kept = merged.entities["place/united-states"]
    assert kept.kind is PLACE and kept.same_as == WIKIDATA + "Q30"
    assert kept.alt_labels == {"U.S.", "US"}
    assert [(rm.entity_key, rm.kind) for rm in merged.mentions["d"]] == [
        ("place/united-states", PLACE),
        ("place/united-states", PLACE),
    ]
    assert any("tagged organization" in why for why in merged.merges)


def test_country_tagged_organization_alone_gets_a_place_key() -> None:
    merged = link_resolution(_resolution(Entity("organization/iraq", ORG, "Iraq")))
    assert set(merged.entities) == {"place/iraq"}
    assert merged.entities["place/iraq"].key == "place/iraq"
    assert merged.mentions["d"][0].entity_key == "place/iraq"
    assert merged.mentions["d"][0].kind is PLACE


def test_country_tagged_organization_joins_a_place_of_the_same_slug() -> None:
    org = Entity("organization/iran", ORG, "Iran", {"Islamic Republic"})
    place = Entity("place/iran", PLACE, "Iran")
    merged = link_resolution(_resolution(org, place))
    assert set(merged.entities) == {"place/iran"}
    assert merged.entities["place/iran"].alt_labels == {"Islamic Republic"}
    assert {rm.entity_key for rm in merged.mentions["d"]} == {"place/iran"}


def test_retyping_never_reuses_a_key_of_another_item() -> None:
    """The slug "place/iraq" names Baghdad here: the organization keeps its own key."""
    org = Entity("organization/iraq", ORG, "Iraq")
    other = Entity("place/iraq", PLACE, "Baghdad")
    merged = link_resolution(_resolution(org, other))
    assert set(merged.entities) == {"organization/iraq", "place/iraq"}
    kept = merged.entities["organization/iraq"]
    assert kept.kind is ORG and kept.same_as is None and kept.close_match == WIKIDATA + "Q796"
    assert merged.entities["place/iraq"].same_as == WIKIDATA + "Q1530"
    assert merged.mentions["d"][0].kind is ORG


@pytest.mark.parametrize(
    ("name", "kind", "qid"),
    [
        ("Hafiz al Asad", P, "Q118725"),
        ("Ayatollah Ali Khamenei", P, "Q57336"),
        ("the Defense Department", ORG, "Q11209"),
        ("U.S. Army", ORG, "Q9212"),
        ("the U.N. Security Council", ORG, "Q37470"),
        ("the P.L.O.", ORG, "Q26683"),
        ("Arabian Gulf", PLACE, "Q34675"),
        ("Dohuk Province", PLACE, "Q189541"),
        ("Khuzistan", PLACE, "Q241119"),
        ("the Revolutionary Guard Corps", ORG, "Q271110"),
        ("Iranian Revolutionary Guard", ORG, "Q271110"),
        ("Kerbala", PLACE, "Q199909"),  # the city, not Karbala Governorate
        ("Mosul", PLACE, "Q83317"),
        ("Sulaimaniyah", PLACE, "Q191204"),
    ],
)
def test_spelling_variants_in_the_table_link_verified(
    name: str, kind: EntityKind, qid: str
) -> None:
    assert link({"a": _entity(name, kind)})["a"].same_as == WIKIDATA + qid


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Kata'ib Hezbollah", ORG),  # the Iraqi militia is not the Lebanese party
        ("Hezbollah Brigades", ORG),
        ("Badr", ORG),
        ("Mahdi Army", ORG),
        ("Security Council", ORG),  # whose council is not said
        ("Khamenei", P),  # a surname alone
        ("Mount Lebanon", PLACE),  # the mountains, not the governorate
        ("Kurdistan", PLACE),  # the region, not Iran's province
        ("Quds Force", ORG),  # a branch of the IRGC, not the IRGC
    ],
)
def test_ambiguous_names_get_no_same_as(name: str, kind: EntityKind) -> None:
    assert link({"a": _entity(name, kind)})["a"].same_as is None


def test_every_name_of_the_irgc_in_news_is_one_linked_entity() -> None:
    """Resolution then linking, on invented sentences: one IRI, verified."""
    names = [
        "Islamic Revolutionary Guard Corps",
        "IRGC",
        "Revolutionary Guards",
        "Revolutionary Guard Corps",
        "Iran's Revolutionary Guard",
        "Iranian Revolutionary Guard",
    ]
    docs = [_doc(f"d{i}", f"A unit of the {n} crossed.", [(n, ORG)]) for i, n in enumerate(names)]
    linked = link_resolution(resolve(docs))
    keys = {rm.entity_key for items in linked.mentions.values() for rm in items}
    assert len(keys) == 1
    assert linked.entities[keys.pop()].same_as == WIKIDATA + "Q271110"


def test_a_place_or_person_named_as_one_organization_is_that_organization() -> None:
    """A tagging slip ("the Iranian Pasdaran" tagged a place) joins the verified organization."""
    org = Entity(key="organization/irgc", kind=ORG, label="IRGC", alt_labels=set())
    place = Entity(key="place/pasdaran", kind=PLACE, label="Pasdaran", alt_labels=set())
    person = Entity(
        key="person/islamic-state", kind=P, label="Islamic State", alt_labels=set(),
        honorifics={"Sheikh"},
    )  # fmt: skip
    mention = Mention(0, 8, "Pasdaran", PLACE, "Pasdaran", Sentence(0, 8, "Pasdaran"))
    resolution = Resolution(
        entities={e.key: e for e in (org, place, person)},
        mentions={"d": (ResolvedMention(mention, "place/pasdaran", PLACE),)},
        merges=(),
    )
    linked = link_resolution(resolution)
    assert set(linked.entities) == {"organization/irgc", "organization/islamic-state"}
    assert linked.entities["organization/irgc"].alt_labels == {"Pasdaran"}
    assert linked.mentions["d"][0].entity_key == "organization/irgc"
    assert linked.mentions["d"][0].kind is ORG
    state = linked.entities["organization/islamic-state"]
    assert state.same_as == WIKIDATA + "Q2429253" and state.honorifics == set()
    # a city keeps its own type: a place row of that name exists
    assert link({"a": _entity("Baghdad", PLACE)})["a"].kind is PLACE
