"""The questions this dataset answers, as SPARQL, shown on the home and query pages.

Each example says in one sentence what it answers; its result columns name entities by label
and keep their IRIs, so the query page can link every row to the entity's page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.namespaces import PREFIXES, RELATIONS

_PREFIXED = re.compile(r"(?<![\w?$<])([A-Za-z][\w-]*):")


@dataclass(frozen=True)
class Example:
    slug: str  # the page anchor: /sparql#leaders
    title: str  # the question
    answers: str  # one sentence: what the result tells
    body: str  # the query without PREFIX lines

    @property
    def text(self) -> str:
        """The query with PREFIX lines for the prefixes it uses, so it runs anywhere."""
        used = set(_PREFIXED.findall(self.body))
        lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p in used]
        return "\n".join([*lines, "", self.body.strip()]) if lines else self.body.strip()


_EVIDENCE = """  OPTIONAL {{
    ?statement rdf:subject ?{s} ; rdf:predicate ?relation ; rdf:object ?{o} ;
               prov:wasDerivedFrom ?sentence .
    ?sentence nif:anchorOf ?quote .
  }}"""

EXAMPLES: tuple[Example, ...] = (
    Example(
        "leaders",
        "Who leads or commands what, and which sentence says so?",
        "Each leader or commander with the organization and the sentence reporting it.",
        f"""
SELECT ?leaderName ?relation ?organizationName ?quote ?leader ?organization ?sentence WHERE {{
  VALUES ?relation {{ ldpub:leaderOf ldpub:commanderOf }}
  ?leader ?relation ?organization ;
          rdfs:label ?leaderName .
  ?organization rdfs:label ?organizationName .
{_EVIDENCE.format(s="leader", o="organization")}
}}
ORDER BY ?organizationName ?leaderName
""",
    ),
    Example(
        "supports",
        "Who supports, trains or funds whom?",
        "Support and training ties between groups and states, each with its source sentence.",
        f"""
SELECT ?actorName ?relation ?otherName ?quote ?actor ?other ?sentence WHERE {{
  VALUES ?relation {{ ldpub:supports ldpub:trainedBy }}
  ?actor ?relation ?other ;
         rdfs:label ?actorName .
  ?other rdfs:label ?otherName .
{_EVIDENCE.format(s="actor", o="other")}
}}
ORDER BY ?relation ?actorName
""",
    ),
    Example(
        "events",
        "What happened, where and when, and who took part?",
        "Every reported event by date, with its place, its actors and a sentence reporting it.",
        """
SELECT ?date ?type ?placeName (GROUP_CONCAT(DISTINCT ?actorName; separator="; ") AS ?actors)
       (SAMPLE(?text) AS ?quote) ?event WHERE {
  ?event a sem:Event , ?type .
  FILTER(STRSTARTS(STR(?type), STR(ldpub:)))
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event sem:hasPlace/rdfs:label ?placeName }
  OPTIONAL { ?event sem:hasActor/rdfs:label ?actorName }
  OPTIONAL { ?event prov:wasDerivedFrom/nif:anchorOf ?text }
}
GROUP BY ?date ?type ?placeName ?event
ORDER BY ?date ?placeName
""",
    ),
    Example(
        "casualties",
        "Which events killed, wounded or captured the most people?",
        "Events with casualty or capture counts, largest first, with place and date.",
        """
SELECT ?type ?date ?placeName ?killed ?wounded ?captured ?event WHERE {
  ?event a sem:Event , ?type .
  FILTER(STRSTARTS(STR(?type), STR(ldpub:)))
  OPTIONAL { ?event ldpub:killedCount ?killed }
  OPTIONAL { ?event ldpub:woundedCount ?wounded }
  OPTIONAL { ?event ldpub:capturedCount ?captured }
  FILTER(BOUND(?killed) || BOUND(?wounded) || BOUND(?captured))
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event sem:hasPlace/rdfs:label ?placeName }
}
ORDER BY DESC(COALESCE(?killed, 0) + COALESCE(?wounded, 0) + COALESCE(?captured, 0))
LIMIT 25
""",
    ),
    Example(
        "members",
        "Who belongs to which organization?",
        "Members and the organizations they belong to, by organization.",
        """
SELECT ?personName ?organizationName ?person ?organization WHERE {
  ?person ldpub:memberOf ?organization ;
          rdfs:label ?personName .
  ?organization rdfs:label ?organizationName .
}
ORDER BY ?organizationName ?personName
""",
    ),
    Example(
        "connected",
        "Which entities have the most relations?",
        "The hubs of the network: entities counted by relations in either direction.",
        f"""
SELECT ?name (COUNT(DISTINCT ?other) AS ?related) ?entity WHERE {{
  VALUES ?relation {{ {" ".join(f"ldpub:{r}" for r in RELATIONS)} }}
  {{ ?entity ?relation ?other }} UNION {{ ?other ?relation ?entity }}
  ?entity rdfs:label ?name .
}}
GROUP BY ?entity ?name
ORDER BY DESC(?related) ?name
LIMIT 25
""",
    ),
    Example(
        "mentioned",
        "Who and what is named most often?",
        "People, organizations and places by the number of sentences that name them.",
        """
SELECT ?name ?class (COUNT(DISTINCT ?sentence) AS ?sentences) ?entity WHERE {
  ?mention itsrdf:taIdentRef ?entity ;
           nif:sentence ?sentence .
  ?entity rdfs:label ?name ;
          a ?class .
}
GROUP BY ?entity ?name ?class
ORDER BY DESC(?sentences)
LIMIT 25
""",
    ),
    Example(
        "together",
        "Which people and organizations are named in the same sentence?",
        "Pairs of a person and an organization that share sentences, most often first.",
        """
SELECT ?personName ?organizationName (COUNT(DISTINCT ?s) AS ?sentences) ?person ?organization
WHERE {
  ?m1 itsrdf:taIdentRef ?person ; nif:sentence ?s .
  ?m2 itsrdf:taIdentRef ?organization ; nif:sentence ?s .
  ?person a schema:Person ; rdfs:label ?personName .
  ?organization a schema:Organization ; rdfs:label ?organizationName .
}
GROUP BY ?person ?personName ?organization ?organizationName
ORDER BY DESC(?sentences) ?personName
LIMIT 25
""",
    ),
    Example(
        "spellings",
        "Which spellings and titles does the graph know for each name?",
        "Every entity with the other names it appears under (transliterations, titles).",
        """
SELECT ?name (GROUP_CONCAT(?alias; separator=" | ") AS ?aliases) ?entity WHERE {
  ?entity rdfs:label ?name ; skos:altLabel ?alias .
}
GROUP BY ?entity ?name
ORDER BY ?name
""",
    ),
    Example(
        "wikidata",
        "Which entities are the same as a Wikidata item?",
        "Entities verified against Wikidata, with their Wikidata and DBpedia pages.",
        """
SELECT ?name ?wikidata ?dbpedia ?entity WHERE {
  ?entity rdfs:label ?name ; owl:sameAs ?wikidata .
  OPTIONAL { ?entity rdfs:seeAlso ?dbpedia }
}
ORDER BY ?name
""",
    ),
    Example(
        "articles",
        "Which articles are there, and how many facts does each report?",
        "The articles by publication date, with the number of relations each states.",
        """
SELECT ?published ?headline (COUNT(DISTINCT ?statement) AS ?relations) ?article WHERE {
  ?article a schema:NewsArticle ;
           schema:headline ?headline .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL {
    GRAPH ?g { ?article a schema:NewsArticle . ?statement a rdf:Statement }
  }
}
GROUP BY ?article ?published ?headline
ORDER BY ?published
""",
    ),
)
