"""The document-level entity evaluation: the scorer on hand-made graphs, and one real build."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from pipeline.cli import main
from pipeline.evaluate_entities import (
    SETS,
    STATUS,
    GoldEntity,
    evaluate_set,
    normalise,
    published_entities,
    read_set,
    score,
)
from pipeline.namespaces import SCHEMA

ID = "http://data.example.org/id/"
GOLD = [
    GoldEntity("qais-al-khazali", "PERSON", ("Qais al-Khazali", "Qayis Khazali", "Khazali")),
    GoldEntity("kataib-hezbollah", "ORG", ("Kataib Hezbollah", "KH")),
    GoldEntity("hezbollah", "ORG", ("Hezbollah",)),
    GoldEntity("basra", "PLACE", ("Basra",)),
]


def _graph(*entities: tuple[str, URIRef, str, tuple[str, ...]]) -> Graph:
    """A graph publishing each (slug, class, label, altLabels) as the build does."""
    graph = Graph()
    for slug, cls, label, alts in entities:
        iri = URIRef(ID + slug)
        graph.add((iri, RDF.type, cls))
        graph.add((iri, RDFS.label, Literal(label, lang="en")))
        for alt in alts:
            graph.add((iri, SKOS.altLabel, Literal(alt, lang="en")))
    return graph


def _counts(graph: Graph, commenters: tuple[str, ...] = ()) -> dict[str, tuple[int, int, int]]:
    result = score("hand-made", GOLD, published_entities(graph), commenters)
    return {row.type: (row.tp, row.fp, row.fn) for row in result.rows()}


def test_normalise_folds_case_quotes_and_a_leading_the() -> None:
    assert normalise("The  Quds Force") == normalise("quds force")
    assert normalise("Sadr’s") == normalise("Sadr's")
    assert normalise("Theodore Vance") == "theodore vance"


def test_every_gold_entity_found_once_scores_one() -> None:
    graph = _graph(
        ("person/khazali", SCHEMA.Person, "Qais al-Khazali", ("Qayis Khazali",)),
        ("organization/kh", SCHEMA.Organization, "Kataib Hezbollah", ("KH",)),
        ("organization/hezbollah", SCHEMA.Organization, "Hezbollah", ()),
        ("place/basra", SCHEMA.Place, "Basra", ()),
    )
    counts = _counts(graph)
    assert counts["ALL"] == (4, 0, 0)
    assert counts["PERSON"] == (1, 0, 0) and counts["ORG"] == (2, 0, 0)


def test_a_split_entity_costs_precision_and_is_listed() -> None:
    graph = _graph(
        ("person/khazali", SCHEMA.Person, "Qais al-Khazali", ()),
        ("person/qayis-khazali", SCHEMA.Person, "Qayis Khazali", ("Khazali",)),
    )
    result = score("hand-made", GOLD, published_entities(graph))
    assert {row.type: (row.tp, row.fp, row.fn) for row in result.rows()}["PERSON"] == (1, 1, 0)
    [(gold, published)] = result.splits()
    assert gold.key == "qais-al-khazali" and len(published) == 2
    assert "qais-al-khazali (PERSON)" in result.errors()


def test_a_merge_costs_recall_and_is_listed() -> None:
    graph = _graph(("organization/hezbollah", SCHEMA.Organization, "Hezbollah", ("KH",)))
    result = score("hand-made", GOLD, published_entities(graph))
    assert {row.type: (row.tp, row.fp, row.fn) for row in result.rows()}["ORG"] == (1, 0, 1)
    [(published, golds)] = result.merges()
    assert published.label == "Hezbollah" and len(golds) == 2


def test_a_wrong_type_is_a_false_positive_and_a_false_negative() -> None:
    graph = _graph(("person/basra", SCHEMA.Person, "Basra", ()))
    counts = _counts(graph)
    assert counts["PERSON"] == (0, 1, 1) and counts["PLACE"] == (0, 0, 1)
    result = score("hand-made", GOLD, published_entities(graph))
    assert [(p.label, g.key) for p, g in result.wrong_types()] == [("Basra", "basra")]
    assert result.junk() == []


def test_junk_and_published_commenters_are_listed() -> None:
    graph = _graph(
        ("place/basra", SCHEMA.Place, "Basra", ()),
        ("person/mick-donnelly", SCHEMA.Person, "Mick Donnelly", ()),
        ("organization/sinjar", SCHEMA.Organization, "Sinjar Council", ()),
    )
    result = score("hand-made", GOLD, published_entities(graph), ["Mick Donnelly"])
    assert sorted(p.label for p in result.junk()) == ["Mick Donnelly", "Sinjar Council"]
    assert [p.label for p in result.commenters_published()] == ["Mick Donnelly"]
    assert "1 commenters published" in result.summary()
    assert _counts(graph)["ALL"] == (1, 2, 3)


def test_sameas_links_are_read_for_a_person_to_check() -> None:
    graph = _graph(("place/basra", SCHEMA.Place, "Basra", ()))
    graph.add((URIRef(ID + "place/basra"), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q1")))
    result = score("hand-made", GOLD, published_entities(graph))
    assert [p.same_as for p in result.linked()] == [("http://www.wikidata.org/entity/Q1",)]
    assert "-> http://www.wikidata.org/entity/Q1; gold: basra" in result.errors()


def _write_set(path: Path, *articles: dict) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def _article(id_: str, entities: list[dict]) -> dict:
    return {"id": id_, "published": "2020-01-01", "text": "Title\n", "entities": entities}


def test_gold_entities_join_across_articles_by_id(tmp_path: Path) -> None:
    person = {"id": "qais", "type": "Person"}
    path = _write_set(
        tmp_path / "set.jsonl",
        _article("a", [{**person, "names": ["Qais al-Khazali", "Khazali"]}]),
        _article("b", [{**person, "names": ["Qayis al-Qazali", "Khazali"]}]),
    )
    articles, gold = read_set(path)
    assert [a.id for a in articles] == ["a", "b"]
    assert gold == [GoldEntity("qais", "PERSON", ("Qais al-Khazali", "Khazali", "Qayis al-Qazali"))]


@pytest.mark.parametrize(
    ("second", "message"),
    [
        ({"id": "qais", "type": "Organization", "names": ["Qais"]}, "both PERSON and ORG"),
        ({"id": "other", "type": "Person", "names": ["the Khazali"]}, "names both"),
    ],
)
def test_an_inconsistent_set_is_refused(tmp_path: Path, second: dict, message: str) -> None:
    first = {"id": "qais", "type": "Person", "names": ["Khazali"]}
    path = _write_set(tmp_path / "set.jsonl", _article("a", [first]), _article("b", [second]))
    with pytest.raises(ValueError, match=message):
        read_set(path)


def test_the_bundled_sets_are_consistent() -> None:
    pages = {"dev": 4, "test": 4, "final": 3, "final2": 4, "final3": 3, "final4": 4, "final5": 4,
             "final6": 4, "final7": 4}  # fmt: skip
    assert set(SETS) == set(pages) == set(STATUS)  # each set says what was done with it
    for name, path in SETS.items():
        articles, gold = read_set(path)
        assert len(articles) == pages[name] and gold
    assert len(read_set(SETS["final"])[1]) == 61  # counted only: the final sets are never run here
    types = Counter(entity.type for entity in read_set(SETS["final2"])[1])
    assert types == {"PERSON": 25, "ORG": 23, "PLACE": 34}
    types = Counter(entity.type for entity in read_set(SETS["final3"])[1])
    assert types == {"PERSON": 17, "ORG": 22, "PLACE": 34}
    types = Counter(entity.type for entity in read_set(SETS["final4"])[1])
    assert types == {"PERSON": 21, "ORG": 24, "PLACE": 30}
    types = Counter(entity.type for entity in read_set(SETS["final5"])[1])
    assert types == {"PERSON": 35, "ORG": 25, "PLACE": 30}
    types = Counter(entity.type for entity in read_set(SETS["final6"])[1])
    assert types == {"PERSON": 28, "ORG": 27, "PLACE": 34}
    types = Counter(entity.type for entity in read_set(SETS["final7"])[1])
    assert types == {"PERSON": 28, "ORG": 23, "PLACE": 40}


@pytest.mark.parametrize("name", ["final2", "final3", "final4", "final5", "final6", "final7"])
def test_every_gold_name_of_the_last_sets_is_written_on_its_page_before_the_tags(
    name: str,
) -> None:
    """Loaded only: a gold name its page does not spell (case aside) in the title, body or
    captions, all of which come before the ``Tags:`` line, is an annotation error."""
    for line in SETS[name].read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        before_tags = page["text"].split("\nTags:")[0]
        for entity in page["entities"]:
            for name in entity["names"]:
                word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
                assert word.search(before_tags), (page["id"], name)


MINI_PAGE = """\
Gunmen attack police station in Mosul

By Jane Roe, Example Wire

Gunmen attacked a police station in Mosul on Tuesday, killing two policemen, officials said.

Police chief Salim al-Tamimi said the attackers fled toward Tal Afar. Tamimi said an
investigation had begun.

Tags: Iraq, Mosul

2 Comments

Jack Miller says:
January 1, 2020 at 9:00 am
Terrible news. Stay safe.

Laura Finch says:
January 1, 2020 at 11:30 am
Same story every week.

Leave a Reply
"""


def test_a_real_build_of_one_page_is_scored(tmp_path: Path) -> None:
    """End to end: the page is built (bundled model), its graph read back and scored."""
    gold = [
        {"id": "mosul", "type": "Place", "names": ["Mosul"]},
        {"id": "salim-al-tamimi", "type": "Person", "names": ["Salim al-Tamimi", "Tamimi"]},
        {"id": "tal-afar", "type": "Place", "names": ["Tal Afar"]},
    ]
    page = {
        "id": "mosul-attack",
        "published": "2020-01-01",
        "text": MINI_PAGE,
        "commenters": ["Jack Miller", "Laura Finch"],
        "entities": gold,
    }
    result = evaluate_set("mini", _write_set(tmp_path / "mini.jsonl", page))
    everything = {row.type: row for row in result.rows()}["ALL"]
    assert everything.tp + everything.fn == 3
    assert everything.tp + everything.fp == len(result.published) > 0
    assert "mosul" not in {g.key for g in result.missed()}
    assert result.commenters_published() == []
    assert result.quarantined == ()


def test_ldpub_eval_prints_the_entity_rows_and_summary() -> None:
    args = ["eval", "--task", "entities", "--split", "dev", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {row["type"] for row in rows} == {"ALL", "ORG", "PERSON", "PLACE"}
    assert all(row["task"] == "entities" and "dev" in row["data"] for row in rows)
    assert "commenters published" in result.stderr
