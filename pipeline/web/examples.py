"""Example queries for the questions users ask, shown on the home and query pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.namespaces import PREFIXES

_PREFIXED = re.compile(r"(?<![\w?$<])([A-Za-z][\w-]*):")


@dataclass(frozen=True)
class Example:
    slug: str  # the page anchor: /sparql#leaders
    title: str
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
        "Who leads or commands what, and which sentence says so",
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
        "Who supports or trained whom, with the source sentence",
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
        "Events by date and place, with who took part and the source sentence",
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
        "members",
        "Who belongs to which organization",
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
        "mentioned",
        "The most mentioned people, organizations and places",
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
        "articles",
        "The articles, with their date and number of facts",
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
