"""``ldpub eval`` on tiny extracts of the open corpora (tests/data/eval/corpora)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.evaluate import NEWS_HELDOUT, Row, news_heldout
from pipeline.extract import evaluate_relations as er
from pipeline.extract.marked import marked_document
from pipeline.namespaces import RELATIONS

CORPORA = Path(__file__).parent / "data" / "eval" / "corpora"


def test_eval_prints_every_task_as_json() -> None:
    result = CliRunner().invoke(main, ["eval", "--corpora", str(CORPORA), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    data = {(r["task"], r["data"]) for r in rows}
    assert ("ner", "GMB held-out") in data
    assert ("ner", "CrossNER politics test") in data
    assert ("relations", "Re-DocRED test, gold mentions, rules + classifier") in data
    assert ("relations", "domain sentences, NER mentions, rules + classifier") in data
    assert ("events", "VOA held-out, gold mentions") in data
    news3 = {r["type"]: r for r in rows if r["data"] == "militia news held-out 3"}
    assert news3["ALL"]["tp"] + news3["ALL"]["fn"] == 147  # the names marked in the untuned set
    for row in rows:
        assert 0.0 <= row["precision"] <= 1.0 and 0.0 <= row["recall"] <= 1.0
    gmb = {r["type"]: r for r in rows if r["data"] == "GMB held-out"}
    assert gmb["ALL"]["tp"] > 0 and gmb["ALL"]["tp"] + gmb["ALL"]["fn"] >= 3
    events = [r for r in rows if r["task"] == "events" and r["type"] == "ALL"]
    assert events[0]["tp"] >= 1  # the extract holds annotated held-out sentences


def test_eval_table_for_one_task_and_dev_split() -> None:
    result = CliRunner().invoke(
        main, ["eval", "--task", "relations", "--split", "dev", "--corpora", str(CORPORA)]
    )
    assert result.exit_code == 0, result.output
    assert "Re-DocRED dev" in result.stdout and "ner" not in result.stdout.split()


def test_missing_corpus_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "gmb_kaggle_ner").mkdir()
    result = CliRunner().invoke(main, ["eval", "--task", "ner", "--corpora", str(tmp_path)])
    assert result.exit_code == 2
    assert "crossner_politics not found" in result.output
    assert "--corpora" in result.output


def test_row_scores() -> None:
    row = Row("ner", "d", "ORG", tp=3, fp=1, fn=2)
    assert (row.precision, row.recall) == (0.75, 0.6)
    assert round(row.f1, 4) == 0.6667
    assert Row("ner", "d", "ORG", 0, 0, 0).f1 == 0.0


def test_ner_dev_split_scores_gmb_dev_alone() -> None:
    result = CliRunner().invoke(
        main, ["eval", "--task", "ner", "--split", "dev", "--corpora", str(CORPORA), "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["data"] for r in rows} == {"GMB dev"}  # CrossNER dev is training data
    assert "ALL" in {r["type"] for r in rows}


def test_the_final_ner_and_relation_sets_are_registered_and_load() -> None:
    """Loaded and counted only: nothing is extracted from the sets written last."""
    docs = news_heldout(NEWS_HELDOUT["militia news held-out 4"])
    assert len(docs) == 40 and sum(len(doc.ents) for doc in docs) == 148
    assert er.MARKED["news7"] == er.NEWS_SETS["news held-out 7"] == er.NEWS7
    items = _marked_relation_items(er.NEWS7)
    assert len(items) == 48 and sum(not item["relations"] for item in items) == 8
    assert sum(len(item["relations"]) for item in items) == 46


def test_the_eighth_to_thirteenth_relation_sets_are_registered_and_load() -> None:
    """Loaded and counted only, like the seventh: each states every predicate three to five
    times."""
    for number, path, sentences, empty, relations in (
        (8, er.NEWS8, 56, 8, 56),
        (9, er.NEWS9, 47, 7, 45),
        (10, er.NEWS10, 53, 7, 48),
        (11, er.NEWS11, 52, 7, 50),
        (12, er.NEWS12, 52, 7, 52),
        (13, er.NEWS13, 53, 7, 52),
    ):
        assert er.MARKED[f"news{number}"] == er.NEWS_SETS[f"news held-out {number}"] == path
        items = _marked_relation_items(path)
        assert len(items) == sentences and sum(not item["relations"] for item in items) == empty
        per_predicate = Counter(p for item in items for _, p, _ in item["relations"])
        assert sum(per_predicate.values()) == relations and set(per_predicate) == set(RELATIONS)
        assert all(3 <= count <= 5 for count in per_predicate.values()), per_predicate


def _marked_relation_items(path: Path) -> list[dict]:
    """The set's lines, checked as ``domain_triples`` reads them: each triple names mentions
    marked in its own sentence, by a contract predicate."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for item in items:
        names = {m.name for m in marked_document(item["text"]).mentions}
        for s, predicate, o in item["relations"]:
            assert {s, o} <= names and predicate in RELATIONS, item["text"]
    return items


@pytest.mark.parametrize(
    ("name", "sentences", "kinds"),
    [
        ("militia news held-out 5", 45, {"PERSON": 30, "ORG": 55, "GPE": 79}),
        ("militia news held-out 6", 35, {"PERSON": 25, "ORG": 55, "GPE": 59}),
        ("militia news held-out 7", 38, {"PERSON": 44, "ORG": 61, "GPE": 53}),
        ("militia news held-out 8", 45, {"PERSON": 38, "ORG": 104, "GPE": 95}),
        ("militia news held-out 9", 41, {"PERSON": 34, "ORG": 102, "GPE": 84}),
    ],
)
def test_the_last_ner_sets_are_registered_and_their_marks_parse(
    name: str, sentences: int, kinds: dict[str, int]
) -> None:
    """Loaded and counted only, like the fourth: no model has run on them. A mark the parser
    misreads leaves a bracket or bar in the text, or a span off the token boundaries."""
    docs = news_heldout(NEWS_HELDOUT[name])
    assert len(docs) == sentences
    assert Counter(ent.label_ for doc in docs for ent in doc.ents) == kinds
    assert not [doc.text for doc in docs if set("[|]") & set(doc.text)]


def test_a_name_inside_a_token_the_tokenizer_keeps_whole_is_still_gold(tmp_path: Path) -> None:
    """spaCy keeps "U.S.-run" one token; the gold marks "[U.S.|L]-run", scored by characters."""
    path = tmp_path / "marked.jsonl"
    path.write_text('{"text": "He was held at the [U.S.|L]-run camp near [Umm Qasr|L]."}\n')
    (doc,) = news_heldout(path)
    assert [(e.text, e.label_) for e in doc.ents] == [("U.S.", "GPE"), ("Umm Qasr", "GPE")]
    assert doc.text == "He was held at the U.S.-run camp near Umm Qasr."
