"""The plain records every stage speaks.

Stages import these records and never each other, so any stage can be read, tested or replaced
alone (see DESIGN.md). Offsets are always character offsets into ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class SegmentKind(StrEnum):
    """What a stretch of an article is; only title, body and caption carry facts."""

    TITLE = "title"
    BODY = "body"
    CAPTION = "caption"
    NOTE = "note"  # editor's notes ("This article was originally published at ...")
    BIO = "bio"  # author bio line
    TAGS = "tags"
    COMMENT = "comment"
    NAVIGATION = "navigation"

    @property
    def carries_facts(self) -> bool:
        return self in (SegmentKind.TITLE, SegmentKind.BODY, SegmentKind.CAPTION)


class EntityKind(StrEnum):
    """The entity classes of the RDF contract (schema:Person, schema:Organization, schema:Place)."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"


@dataclass(frozen=True)
class DocumentMeta:
    """Article metadata, from the ``NAME.meta.json`` sidecar or inferred from the text."""

    title: str
    url: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    author: str | None = None
    author_inferred: bool = False
    publisher: str | None = None
    language: str = "en"


@dataclass(frozen=True)
class Document:
    """One article as read from disk: ``text`` is the decoded file with newlines normalized."""

    doc_id: str  # slug, unique within a build, used in IRIs
    path: Path
    text: str
    sha256: str  # of the raw file bytes (and the sidecar, when there is one)
    meta: DocumentMeta


@dataclass(frozen=True)
class Segment:
    """A stretch of a document with one role (body paragraph, caption, comment, ...)."""

    kind: SegmentKind
    start: int
    end: int
    text: str
    author: str | None = None  # comments only: the commenter's name, as text
    timestamp: dt.datetime | None = None  # comments only, when the page shows one


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A name found in a fact-bearing segment.

    ``text`` is the exact quote ``Document.text[start:end]``; ``name`` is that quote with titles
    and honorifics removed ("Maj. Gen. Rick Lynch" -> "Rick Lynch"), ``titles`` what was removed.
    """

    start: int
    end: int
    text: str
    kind: EntityKind
    name: str
    sentence: Sentence
    titles: tuple[str, ...] = ()


@dataclass
class Entity:
    """One real-world entity across all documents, with every surface form seen."""

    key: str  # stable "{kind}/{slug}", the IRI is ``{base}id/{key}``
    kind: EntityKind
    label: str
    alt_labels: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    same_as: str | None = None  # verified Wikidata entity IRI
    close_match: str | None = None  # plausible Wikidata entity IRI
    dbpedia: str | None = None


@dataclass(frozen=True)
class TextSpan:
    """Any stretch of ``Document.text`` (an event trigger, a date expression)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Relation:
    """A relation one sentence asserts between two of its mentions.

    ``predicate`` is a local name of ``namespaces.RELATIONS`` ("leaderOf"); ``rule`` names the
    pattern that found it, so every statement can be explained.
    """

    subject: Mention
    predicate: str
    object: Mention
    sentence: Sentence
    rule: str


class DatePrecision(StrEnum):
    """How precise the text is: xsd:date, xsd:gYearMonth or xsd:gYear."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class EventDate:
    """A date as precise as the text gives it, relative dates resolved against the article."""

    value: dt.date  # day 1 / month 1 where the text is less precise
    precision: DatePrecision
    span: TextSpan


@dataclass(frozen=True)
class Event:
    """One event a document reports, its mentions in several sentences merged.

    ``type`` is a local name of ``namespaces.EVENT_TYPES`` ("Raid").
    """

    type: str
    triggers: tuple[TextSpan, ...]
    sentences: tuple[Sentence, ...]
    actors: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    place: Mention | None = None
    date: EventDate | None = None
    killed: int | None = None
    wounded: int | None = None
    captured: int | None = None


@dataclass(frozen=True)
class AnalyzedDocument:
    """Everything the stages learned about one document, before identity is resolved."""

    document: Document
    segments: tuple[Segment, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()

    def outline(self) -> Outline:
        return Outline(self.document, self.mentions, len(self.events))


@dataclass(frozen=True)
class Outline:
    """What a build holds of each analysis while it resolves identity across the corpus: the
    text and mentions that resolution reads, and the number of events for the summary.

    The rest (segments, sentences, relations, events) is read back from the build cache by the
    worker that maps the document, so a build's memory grows with the mentions of the corpus,
    not with every analysis.
    """

    document: Document
    mentions: tuple[Mention, ...]
    events: int


@dataclass(frozen=True)
class Quarantined:
    """A document that was not published, and the one sentence that says why."""

    path: Path
    reason: str
    report: str | None = None  # a SHACL report, when validation failed


@dataclass(frozen=True)
class Run:
    """One build, described as a prov:Activity."""

    run_id: str  # compact UTC timestamp, e.g. 20261120T231500Z
    started: dt.datetime
    software_version: str
    model_name: str
    model_version: str
    ended: dt.datetime | None = None


@dataclass(frozen=True)
class ResolvedMention:
    """A mention with the entity it was resolved to, and that entity's (majority) kind."""

    mention: Mention
    entity_key: str
    kind: EntityKind


@dataclass(frozen=True)
class Resolution:
    """The outcome of identity resolution over all documents.

    ``mentions`` maps a doc_id to that document's mentions with their entity keys; ``merges``
    keeps why two names became one entity, so every merge can be explained.
    """

    entities: dict[str, Entity]
    mentions: dict[str, tuple[ResolvedMention, ...]]
    merges: tuple[str, ...] = ()
