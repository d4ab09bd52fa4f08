"""Sentences and name mentions in the fact-bearing segments of a document.

The statistical model finds the names; the rules here only clean what it found: edge
punctuation, possessives and leading articles come off, name particles ("al-", "Abu") the model
left outside a name are joined to it, and a title right before a person's name is taken into the
mention (``Mention.text`` "Maj. Gen. Rick Lynch") while ``Mention.name`` is the bare name
("Rick Lynch") and ``Mention.titles`` the title ("Maj. Gen.",).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.demonyms import COUNTRY_OF, SPONSOR_PARTICIPLES
from pipeline.nlp.orgheads import ORG_HEADS
from pipeline.nlp.titles import leading_title, title_before
from pipeline.records import Document, EntityKind, Mention, Segment, Sentence

LABELS: dict[str, EntityKind] = {
    "PERSON": EntityKind.PERSON,
    "PER": EntityKind.PERSON,
    "ORG": EntityKind.ORGANIZATION,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
}
_EDGE_JUNK = {"'s", "’s", "'", "’"}
_ARTICLES = {"the", "The", "THE"}
# Arabic name particles that belong to the name that follows them (al-Sadr, Abu Musab, bin Laden).
_PARTICLE = r"(?:al|el|Al|El|bin|ibn|bint|Abu|Umm)"
_PARTICLE_BEFORE = re.compile(rf"(?<![\w'’-]){_PARTICLE}(?:-|\s+)\Z")
_PARTICLE_AFTER = re.compile(rf"\A\s*{_PARTICLE}(?:-|\s+)[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*")
_POSSESSIVE = re.compile(r"['’]s?\Z")
_SPACES = re.compile(r"\s+")


def analyze(
    nlp: Language, document: Document, segments: Sequence[Segment]
) -> tuple[tuple[Sentence, ...], tuple[Mention, ...]]:
    """The mentions in title, body and caption segments, and the sentences that hold them.

    Comments, navigation and other segments are never analysed: facts come from the article.
    Offsets are into ``document.text``.
    """
    fact_segments = [s for s in segments if s.kind.carries_facts]
    texts = (document.text[s.start : s.end] for s in fact_segments)
    mentions: list[Mention] = []
    for segment, doc in zip(fact_segments, nlp.pipe(texts), strict=True):
        taken_until = -1
        found: list[Mention] = []
        for ent in doc.ents:
            kind = LABELS.get(ent.label_)
            mention = None if kind is None else _mention(doc, ent, kind, segment.start)
            if mention is not None and mention.start >= taken_until:
                found.append(mention)
                taken_until = mention.end
        for mention in (*_sponsor_countries(doc, segment.start), *_headed_orgs(doc, segment.start)):
            if not any(m.start < mention.end and mention.start < m.end for m in found):
                found.append(mention)
        mentions.extend(sorted(found, key=lambda m: m.start))
    sentences = sorted({m.sentence for m in mentions}, key=lambda s: (s.start, s.end))
    return tuple(sentences), tuple(mentions)


def _sponsor_countries(doc: Doc, offset: int) -> list[Mention]:
    """ "Iranian-backed", "Syrian-trained": the country adjective names the country that acts.

    The statistical model does not tag these adjectives, and relations such as "supports" need
    the country as a mention; the name is the country ("Iran"), the quote the adjective.
    """
    found = []
    for token in doc[:-2]:
        country = COUNTRY_OF.get(token.text)
        after, participle = doc[token.i + 1], doc[token.i + 2]
        if country and after.text == "-" and participle.lower_ in SPONSOR_PARTICIPLES:
            found.append(
                Mention(
                    start=offset + token.idx,
                    end=offset + token.idx + len(token),
                    text=token.text,
                    kind=EntityKind.PLACE,
                    name=country,
                    sentence=_sentence(token.sent, offset),
                )
            )
    return found


def _headed_orgs(doc: Doc, offset: int) -> list[Mention]:
    """Capitalized word runs that end in an organization's head noun ("Special Groups")."""
    found = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].is_title and not doc[j].is_sent_start and doc[j].is_alpha:
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in ORG_HEADS:
            span = doc[i:j]
            found.append(
                Mention(
                    start=offset + span.start_char,
                    end=offset + span.end_char,
                    text=span.text,
                    kind=EntityKind.ORGANIZATION,
                    name=span.text,
                    sentence=_sentence(span.sent, offset),
                )
            )
        i = max(j, i + 1)
    return found


def _trim(span: Span, kind: EntityKind) -> tuple[int, int] | None:
    """Token bounds of the span without edge punctuation, possessives and a leading article."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if kind is not EntityKind.PERSON and start < end - 1 and doc[start].text in _ARTICLES:
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in _EDGE_JUNK
    ):
        end -= 1
    return (start, end) if start < end else None


def _sentence_initial_function_word(doc: Doc, start: int, end: int) -> bool:
    """ "Therefore", "Thus", "Even" opening a sentence: capitalized by position, not a name."""
    token = doc[start]
    return end - start == 1 and token.is_sent_start and token.is_stop


def _mention(doc: Doc, ent: Span, kind: EntityKind, offset: int) -> Mention | None:
    bounds = _trim(ent, kind)
    if bounds is None or _sentence_initial_function_word(doc, *bounds):
        return None
    sent = doc[bounds[0]].sent
    if doc[bounds[1] - 1].sent != sent:
        return None
    text = doc.text
    start, end = doc[bounds[0]].idx, doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1])
    end = start + len(_POSSESSIVE.sub("", text[start:end]) or text[start:end])

    particle = _PARTICLE_BEFORE.search(text, sent.start_char, start)
    if particle is not None:
        start = particle.start()
    name_start = start
    if kind is EntityKind.PERSON:
        after = _PARTICLE_AFTER.match(text[end : sent.end_char])
        if after is not None:
            end += after.end()
        name_start = start + leading_title(text[start:end])
        before = title_before(text[sent.start_char : start])
        if before >= 0:
            start = sent.start_char + before

    name = _SPACES.sub(" ", text[name_start:end]).strip()
    if len(name) < 2 or name == name.lower() or not any(ch.isalpha() for ch in name):
        return None
    if leading_title(name + " x") == len(name) + 1:
        return None  # a bare title ("President", "Brig.") the model took for a name
    title = _SPACES.sub(" ", text[start:name_start]).strip()
    return Mention(
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        kind=kind,
        name=name,
        sentence=_sentence(sent, offset),
        titles=(title,) if title else (),
    )


def _sentence(sent: Span, offset: int) -> Sentence:
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    start = offset + sent.start_char + lead
    return Sentence(start=start, end=start + len(body), text=body)
