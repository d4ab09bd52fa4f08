"""Sentences and name mentions in the fact-bearing segments of a document.

The statistical model finds the names; the rules here only clean what it found: edge
punctuation, possessives and leading articles come off, name particles ("al-", "Abu") the model
left outside a name are joined to it, and a title right before a person's name is taken into the
mention (``Mention.text`` "Maj. Gen. Rick Lynch") while ``Mention.name`` is the bare name
("Rick Lynch") and ``Mention.titles`` the title ("Maj. Gen.",).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline import lexicon
from pipeline.demonyms import COUNTRY_OF, SPONSOR_PARTICIPLES, country_name
from pipeline.names import THE_BEFORE
from pipeline.nlp.datelines import split_dateline
from pipeline.nlp.groups import GROUP_ADJECTIVES, follower_plural, group_word
from pipeline.nlp.kinds import corrected_kind, given_name
from pipeline.nlp.known import known_kind, table_kind
from pipeline.nlp.offices import (
    BODY_NOUNS,
    before_body_noun,
    before_office,
    office_cut,
    untagged_bodies,
    untagged_places,
)
from pipeline.nlp.openers import capitalized_by_position, opens_sentence
from pipeline.nlp.orgnames import (
    CONNECTORS,
    OPEN_HEADS,
    acronym_end,
    arabic_group_names,
    not_an_organization,
    numbered_units,
    run_on_end,
    titles_a_name,
)
from pipeline.nlp.titles import (
    MODIFIERS,
    NAME_PARTICLE,
    leading_title,
    title_before,
    titled_names,
)
from pipeline.orgheads import ORG_HEADS
from pipeline.placewords import (
    FACILITY_AFTER,
    PLACE_BEFORE,
    PLACE_WORDS,
    SETTLEMENT_NOUNS,
    STRONG_PLACE_BEFORE,
)
from pipeline.records import Document, EntityKind, Mention, Segment, Sentence
from pipeline.roles import ROLES

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
# Lower-case particles a name may start or end with, unlike a common word (``_lower_word``).
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "ez", "ad", "as", "ash", "an", "ar"})
# A name particle (``titles.NAME_PARTICLE``) right before a name, and one with its name after it.
_PARTICLE_BEFORE = re.compile(rf"(?<![\w'’-]){NAME_PARTICLE}\Z")
_PARTICLE_AFTER = re.compile(rf"\A\s*{NAME_PARTICLE}[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*")
_POSSESSIVE = re.compile(r"['’]s?\Z")
_SPACES = re.compile(r"\s+")
# Words the model takes for a place or a body when they stand alone: compass words cut from
# "South Korean", and adjectives of peoples, faiths and regions (``groups``; country adjectives
# are in ``COUNTRY_OF``).
_NO_PLACE_WORDS = GROUP_ADJECTIVES | {
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
}  # fmt: skip


def analyze(
    nlp: Language, document: Document, segments: Sequence[Segment]
) -> tuple[tuple[Sentence, ...], tuple[Mention, ...]]:
    """The mentions in title, body and caption segments, and the sentences that hold them.

    Comments, navigation and other segments are never analysed: facts come from the article.
    Offsets are into ``document.text``.
    """
    return analyze_parsed(segments, nlp.pipe(fact_texts(document, segments)))


def fact_texts(document: Document, segments: Sequence[Segment]) -> list[str]:
    """The texts of the segments the model reads, in order (see ``analyze_parsed``): a body
    paragraph from after its dateline (``datelines``)."""
    reports = [split_dateline(s)[1] for s in segments if s.kind.carries_facts]
    return [document.text[s.start : s.end] for s in reports]


def analyze_parsed(
    segments: Sequence[Segment], docs: Iterable[Doc]
) -> tuple[tuple[Sentence, ...], tuple[Mention, ...]]:
    """``analyze`` on the model's output for ``fact_texts``, which may come from one ``nlp.pipe``
    over many documents (batching is what makes the model fast)."""
    fact_segments = [s for s in segments if s.kind.carries_facts]
    mentions: list[Mention] = []
    for whole, doc in zip(fact_segments, docs, strict=True):
        taken_until = -1
        found, segment = split_dateline(whole)
        text = doc.text  # spaCy joins its tokens again on every read of Doc.text
        for ent in doc.ents:
            kind = LABELS.get(ent.label_)
            if kind is not None:
                kind = corrected_kind(ent.text, kind)
            mention = None if kind is None else _mention(doc, text, ent, kind, segment.start)
            if mention is not None and mention.start >= taken_until:
                found += _owner_apart(mention)
                taken_until = mention.end
        for mention in (
            _headed_orgs(doc, text, segment.start)
            + _arabic_groups(doc, text, segment.start)
            + _headed_places(doc, text, segment.start)
        ):
            found = _with_longer(found, mention)
        for mention in _spelled_by_acronyms(text, segment.start, found):
            found = _with_longer(found, mention)
        found += _places_before_offices(doc, text, segment.start, found)
        found += _titled_persons(doc, text, segment.start, found)
        found += _given_named_persons(doc, text, segment.start, found)
        found += _opening_followers(doc, text, segment.start, found)
        found = [_with_country_adjective(text, segment.start, m) for m in found]
        found = _aliases_of_kind(text, segment.start, found)
        for mention in _country_adjectives(doc, text, segment.start, found) + _compounded_names(
            doc, text, segment.start
        ):
            if not any(m.start < mention.end and mention.start < m.end for m in found):
                found.append(mention)
        mentions.extend(sorted(found, key=lambda m: m.start))
    mentions = _short_names_of_kind(mentions)
    sentences = sorted({m.sentence for m in mentions}, key=lambda s: (s.start, s.end))
    return tuple(sentences), tuple(mentions)


# Head nouns of an armed group's or a party's name that news drops after the first mention
# ("the Badr Organization", then "Badr gunmen"); not a place's offices ("Basra Police").
_GROUP_HEADS = frozenset(
    {"organization", "organisation", "brigade", "brigades", "movement", "militia"}
)
# How far back in a document the longer name may stand: a news story's length; the corpora's
# test sets put many stories into one document.
_SHORT_NAME_REACH = 4000
_FAMILY_PARTICLE = re.compile(r"\A(?:al|el|as|ash|ad|an|ar|az)-", re.IGNORECASE)


def _short_names_of_kind(mentions: list[Mention]) -> list[Mention]:
    """The document's one-word names that stand for a longer name it gave before, with that
    name's kind: a person's surname ("Muqtada al-Sadr" ... "Sadr aide", "Sadr told his men") and
    a group's name without its head noun ("the Badr Organization" ... "Badr gunmen"), which
    alone the model reads as a body or a place. Never a country, a place the link table
    knows, or a name before a body's noun ("the Sadr movement")."""
    kinds: dict[str, tuple[EntityKind, int]] = {}
    corrected = []
    for mention in mentions:
        word = mention.name
        kind, at = kinds.get(word, (None, 0)) if " " not in word else (None, 0)
        if (
            kind is not None
            and kind is not mention.kind
            and mention.start - at < _SHORT_NAME_REACH
            and not mention.titles
            and country_name(word) is None
            and table_kind(word) is not PLACE
            and not _in_place_or_body_context(mention)
        ):
            mention = replace(mention, kind=kind)
        corrected.append(mention)
        words = mention.name.split()
        if mention.kind is EntityKind.PERSON and len(words) >= 2:
            kinds[_FAMILY_PARTICLE.sub("", words[-1])] = (EntityKind.PERSON, mention.start)
        elif mention.kind is ORG and len(words) == 2 and words[-1].lower() in _GROUP_HEADS:
            kinds[words[0]] = (ORG, mention.start)
    return corrected


_SETTLEMENT_AFTER = re.compile(rf"\s+(?:{'|'.join(SETTLEMENT_NOUNS)})\b")


def _in_place_or_body_context(mention: Mention) -> bool:
    """The words around a mention say it is a place's ("in X", "the X district") or a body's
    ("the X movement") name."""
    text, start = mention.sentence.text, mention.start - mention.sentence.start
    end = mention.end - mention.sentence.start
    return (
        PLACE_BEFORE.search(text, max(0, start - 30), start) is not None
        or _SETTLEMENT_AFTER.match(text, end) is not None
        or before_body_noun(text, end)
    )


# "Sadr's Mahdi Army", "the Philippines' Department": one or two capitalized words, a
# possessive, a capitalized name.
_OWNED = re.compile(r"([A-Z][\w-]*(?: [A-Z][\w-]*)?)(?:['’]s|(?<=s)['’])\s+(?=[A-Z])")


def _owner_apart(mention: Mention) -> list[Mention]:
    """A body's or a place's name with its owner's possessive before it ("Sadr's Mahdi Army",
    "Yemen's Houthis", "Turkey's Ministry of National Defence") as two mentions, the owner's
    and the name's: the possessive is no part of a name. Not where the owner is a common word
    of the name ("People's Party") or a plural ("Martyrs' Brigade"), unless it is a country's name
    ("Turkey", "the Philippines'")."""
    owned = _OWNED.match(mention.name)
    if (
        mention.kind is EntityKind.PERSON
        or owned is None
        or not mention.text.startswith(owned.group())
    ):
        return [mention]
    owner = owned.group(1)
    word = owner.split()[-1].lower()
    if country_name(owner):
        owner_kind = PLACE
    elif (
        word in lexicon.load(lexicon.NOUNS)
        or word in lexicon.load()
        or owned.group()[len(owner) :].rstrip().endswith(("'", "’"))  # "Martyrs' Brigade"
    ):
        return [mention]
    else:
        owner_kind = table_kind(owner) or corrected_kind(owner, EntityKind.PERSON)
    rest = mention.text[owned.end() :]
    return [
        replace(mention, end=mention.start + len(owner), text=owner, name=owner, kind=owner_kind),
        replace(mention, start=mention.end - len(rest), text=rest, name=rest),
    ]


# What may stand between a country adjective and a person's name for the adjective to say whose
# office it is: "Iraqi Prime Minister X", "Iranian foreign minister X", "Syrian army officer X".
_ROLES = "|".join(
    re.escape(r).replace(r"\ ", r"[\s-]+") for r in sorted(ROLES, key=len, reverse=True)
)
_ROLE_BEFORE_NAME = re.compile(
    rf"\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_ROLES})s?,?\s+", re.IGNORECASE
)


def _country_adjectives(
    doc: Doc, text: str, offset: int, found: Sequence[Mention]
) -> list[Mention]:
    """A country adjective that says which country acts or is meant: "Iranian-backed", "the
    Lebanese Hezbollah", "Iraqi Prime Minister X"; and a country's name before a sponsor's
    participle, which the model leaves untagged ("Iran-backed": the name of the country, so a
    mention of it, unlike an adjective). The name is the country ("Iran"), the quote
    the adjective; relations such as supports, affiliatedWith and leaderOf need it as a mention.
    An adjective before any other noun ("Iraqi officials") is no mention.
    """
    starts = {m.start - offset: m for m in found}
    mentions = []
    for token, following in pairwise(doc):
        sponsor = (
            following.text == "-"
            and token.i + 2 < len(doc)
            and doc[token.i + 2].lower_ in SPONSOR_PARTICIPLES
        )
        country = COUNTRY_OF.get(token.text) or (country_name(token.text) if sponsor else None)
        if country is None:
            continue
        end = token.idx + len(token)
        named = starts.get(end + 1) if text[end : end + 1] == " " else None
        person = next(
            (
                m
                for m in found
                if m.kind is EntityKind.PERSON
                and 0 < m.start - offset - end < 60
                and _ROLE_BEFORE_NAME.fullmatch(text, end, _name_start(m) - offset)
            ),
            None,
        )
        if sponsor or (named is not None and named.kind is EntityKind.ORGANIZATION) or person:
            mentions.append(
                Mention(
                    start=offset + token.idx,
                    end=offset + end,
                    text=token.text,
                    kind=EntityKind.PLACE,
                    name=country,
                    sentence=_sentence(token.sent, text, offset),
                )
            )
    return mentions


# A name hyphenated to a participle that says what it does to the noun after it: "a
# Washington-based institute", "the U.S.-run prison", "Hezbollah-trained cells" (one token or
# three: spaCy keeps "U.S.-run" whole). Not "-led" nor "-made": GMB, which marks none of these,
# has "U.S.-led" 40 times in its held-out tenth, where a mention costs most and says least.
_COMPOUND_PARTICIPLES = (SPONSOR_PARTICIPLES - {"led"}) | {
    "based", "run", "linked", "allied", "affiliated", "aligned",
}  # fmt: skip
_NAME_BEFORE_PARTICIPLE = re.compile(
    rf"(?<![\w'’.-])((?:[A-Z]\.){{2,}}|[A-Z][a-z][\w'’]*)-(?:{'|'.join(_COMPOUND_PARTICIPLES)})\b"
)


def _compounded_names(doc: Doc, text: str, offset: int) -> list[Mention]:
    """A name before a hyphen and a participle, which the model leaves untagged: a country's
    ("U.S.-run"), or a place's or a body's the link table knows ("Beirut-based",
    "Hezbollah-trained"). It names the place or body, so it is a mention of it
    (tests/data/ner/README.md); an adjective ("Iranian-backed", "Houthi-run") is none, and
    nor is a name the table does not know ("Velmar-based": GMB marks none of them, and a
    city, a firm or a person may stand there)."""
    mentions = []
    for sent in doc.sents:
        for match in _NAME_BEFORE_PARTICIPLE.finditer(text, sent.start_char, sent.end_char):
            name = match.group(1)
            if name in COUNTRY_OF or name in _NO_PLACE_WORDS or group_word(name):
                continue
            kind = PLACE if country_name(name) else table_kind(name)
            if kind is not None:
                mentions.append(
                    Mention(
                        start=offset + match.start(1),
                        end=offset + match.end(1),
                        text=name,
                        kind=kind,
                        name=name,
                        sentence=_sentence(sent, text, offset),
                    )
                )
    return mentions


# Head nouns of state bodies a country adjective belongs to ("Iraqi Army", "Iranian Red Crescent").
_STATE_HEADS = ORG_HEADS | {"congress", "parliament", "police", "government", "crescent", "navy"}
_COUNTRY_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+) \Z")


def _with_country_adjective(text: str, offset: int, mention: Mention) -> Mention:
    """An organization's name with the country adjective before it when the name is descriptive
    ("Iraqi Army", "Iraqi National Congress"): the model leaves the adjective out, as its GMB
    training data does. A proper name keeps it apart ("Lebanese Hezbollah")."""
    if mention.kind is not EntityKind.ORGANIZATION:
        return mention
    start = mention.start - offset
    adjective = _COUNTRY_ADJECTIVE_BEFORE.search(text, max(0, start - 20), start)
    if adjective is None or adjective.group(1) not in COUNTRY_OF:
        return mention
    words = mention.name.lower().split()
    if words[-1] not in _STATE_HEADS and not all(w in lexicon.load() for w in words):
        return mention
    new_start = offset + adjective.start()
    return replace(
        mention,
        start=new_start,
        text=text[adjective.start() : mention.end - offset],
        name=f"{adjective.group(1)} {mention.name}",
    )


def _name_start(mention: Mention) -> int:
    """Where the bare name starts in a person's mention, after a title taken into it."""
    if mention.titles and mention.text.endswith(mention.name):
        return mention.end - len(mention.name)
    return mention.start


ORG, PLACE = EntityKind.ORGANIZATION, EntityKind.PLACE


def _with_longer(found: list[Mention], mention: Mention) -> list[Mention]:
    """``found`` with an organization's name a rule read: added where nothing overlaps it, and
    in place of the shorter names of any kind it holds whole ("Supreme Islamic Iraqi Council"
    for the model's "Supreme Islamic")."""
    overlapping = [m for m in found if m.start < mention.end and mention.start < m.end]
    if not overlapping:
        return [*found, mention]
    if all(
        mention.start <= m.start and m.end <= mention.end for m in overlapping
    ) and mention.end - mention.start > max(m.end - m.start for m in overlapping):
        return [m for m in found if m not in overlapping] + [mention]
    return found


def _spelled_by_acronyms(text: str, offset: int, found: Sequence[Mention]) -> list[Mention]:
    """Organizations' names the model cut at a connecting word that the acronym in brackets
    after the whole spells ("United Nations Interim Force in Lebanon (UNIFIL)")."""
    longer = []
    for m in found:
        end = None if m.kind is not ORG else acronym_end(text, m.start - offset, m.end - offset)
        if end is not None:
            whole = text[m.start - offset : end]
            longer.append(replace(m, end=offset + end, text=whole, name=_SPACES.sub(" ", whole)))
    return longer


def _places_before_offices(
    doc: Doc, text: str, offset: int, found: Sequence[Mention]
) -> list[Mention]:
    """Places the model missed before a local office ("Anbar Governor X") and bodies before a
    body's noun ("the Obeid tribe"; see ``offices``)."""
    taken = [(m.start - offset, m.end - offset) for m in found]
    places = [(s, e, PLACE) for s, e in untagged_places(doc, taken)]
    taken += [(s, e) for s, e, _ in places]
    bodies = [(s, e, ORG) for s, e in untagged_bodies(doc, text, taken)]
    return [
        Mention(
            offset + s,
            offset + e,
            text[s:e],
            kind,
            text[s:e],
            _sentence(doc.char_span(s, e).sent, text, offset),
        )
        for s, e, kind in places + bodies
    ]


def _titled_persons(doc: Doc, text: str, offset: int, found: Sequence[Mention]) -> list[Mention]:
    """Names the model missed after a capitalized title ("Major General Tahsin al-Khafaji"),
    when the name reads as a person's (``_titled``) and overlaps no name found so far."""
    persons = []
    for sent in doc.sents:
        for start, name_start, end in titled_names(text, sent.start_char, sent.end_char):
            overlaps = any(m.start - offset < end and start < m.end - offset for m in found)
            if overlaps or not _titled(text, sent.start_char, name_start, end):
                continue
            persons.append(
                Mention(
                    start=offset + start,
                    end=offset + end,
                    text=text[start:end],
                    kind=EntityKind.PERSON,
                    name=text[name_start:end],
                    sentence=_sentence(sent, text, offset),
                    titles=(_SPACES.sub(" ", text[start:name_start]).strip(),),
                )
            )
    return persons


# A given name, perhaps a father's, and a family's "al-" name: "Karim al-Tarvo", "Salim Hatem
# al-Obeidi".
_FAMILY_NAMED = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]+)(?: [A-Z][a-z]+)? (?:al|el)-[A-Z][a-z]+(?:['’][a-z]+)?(?![\w-])"
)


def _given_named_persons(
    doc: Doc, text: str, offset: int, found: Sequence[Mention]
) -> list[Mention]:
    """Persons' names the model missed that open with a common given name of the region and end
    in a family's "al-" name ("the Velmar Guards of Karim al-Tarvo"), overlapping no name found
    so far: no place's or body's name is built so (they open with a noun, ``kinds``)."""
    persons = []
    for sent in doc.sents:
        for m in _FAMILY_NAMED.finditer(text, sent.start_char, sent.end_char):
            start, end = m.span()
            if not given_name(m.group(1)) or any(
                f.start - offset < end and start < f.end - offset for f in found
            ):
                continue
            persons.append(
                Mention(
                    offset + start,
                    offset + end,
                    m.group(),
                    EntityKind.PERSON,
                    m.group(),
                    _sentence(sent, text, offset),
                )
            )
    return persons


def _opening_followers(doc: Doc, text: str, offset: int, found: Sequence[Mention]) -> list[Mention]:
    """A movement's followers in the plural opening a sentence before a plural's verb, which
    the model leaves untagged where a capital says nothing ("Houthis free crew"); see
    ``groups.follower_plural``."""
    taken = {m.start - offset for m in found}
    return [
        Mention(
            start=offset + token.idx,
            end=offset + token.idx + len(token),
            text=token.text,
            kind=ORG,
            name=token.text,
            sentence=_sentence(token.sent, text, offset),
        )
        for token in doc[:-1]
        if token.is_sent_start
        and token.idx not in taken
        and not token.ent_type_
        and follower_plural(token.text)
        and token.lower_ not in lexicon.load(lexicon.NOUNS)  # "Tennis players"
        and _PLURAL_VERB.fullmatch(doc[token.i + 1].text) is not None
    ]


# A lower-case word that may follow a plural subject: no "-s" or "-d" ending ("Dupuis says",
# "Dupuis said": a surname) and no modal that would follow a singular too ("Dupuis will").
_PLURAL_VERB = re.compile(r"(?!(?:will|would|can|could|may|might|must|shall|should)\Z)[a-z]+[^sd]")


def _arabic_groups(doc: Doc, text: str, offset: int) -> list[Mention]:
    """Group names opening with an Arabic noun for a body ("Asa'ib Ahl al-Haq") and units named
    by a number ("Brigade 30"), which the model reads as a date."""
    found = []
    for sent in doc.sents:
        for start, end in arabic_group_names(text, sent.start_char, sent.end_char) + numbered_units(
            text, sent.start_char, sent.end_char
        ):
            found.append(
                Mention(
                    start=offset + start,
                    end=offset + end,
                    text=text[start:end],
                    kind=ORG,
                    name=text[start:end],
                    sentence=_sentence(sent, text, offset),
                )
            )
    return found


# What joins a name to its alias: "the Special Deterrence Force, known as Radaa".
_KNOWN_AS = re.compile(
    r",?\s+(?:also\s+|better\s+|widely\s+|commonly\s+)?(?:known|referred\s+to)\s+as\s+"
    r"(?:the\s+)?[\"“‘']?"
)


def _aliases_of_kind(text: str, offset: int, found: list[Mention]) -> list[Mention]:
    """``found`` with a name right after "known as" given the kind of the name before it: an
    alias names the same thing ("the Rapid Brigade, known as Qorvan": a body, which the model
    may read as a person)."""
    aliased = []
    for mention in found:
        named = next(
            (
                before
                for before in found
                if before.end < mention.start
                and _KNOWN_AS.fullmatch(text, before.end - offset, mention.start - offset)
            ),
            None,
        )
        aliased.append(mention if named is None else replace(mention, kind=named.kind))
    return aliased


# A water's or a landform's name opening with its noun and "of" ("Strait of Hormuz", "Gulf of
# Aden", "Horn of Africa"): the training corpora tag 52 of 61 such runs one place.
_PLACE_OF = re.compile(
    r"(?<![\w-])(?:Straits?|Gulf|Bay|Sea|Isle|Horn|Cape|Lake) of (?:the )?"
    r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
)


def _headed_places(doc: Doc, text: str, offset: int) -> list[Mention]:
    """Places named by a landform's noun and "of", which the model cuts in two ("Strait",
    "Hormuz") or misses."""
    return [
        Mention(
            start=offset + m.start(),
            end=offset + m.end(),
            text=m.group(),
            kind=PLACE,
            name=m.group(),
            sentence=_sentence(sent, text, offset),
        )
        for sent in doc.sents
        for m in _PLACE_OF.finditer(text, sent.start_char, sent.end_char)
    ]


_HYPHEN_BEFORE = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w]*-)+\Z")
_HYPHEN_AFTER = re.compile(r"-([A-Z][\w]*)(?![\w-])")
# A compass point or area hyphenated to a command's name: "-North", "-South East", "-Center".
# Head nouns of commands named for the area they cover ("Multi-National Corps-Iraq").
_COMMAND_HEADS = frozenset({"division", "force", "corps", "command"})
_COMPASS_POINT = r"(?:North|South|East|West|Central|Center|Centre)"
_HYPHEN_REGION = re.compile(rf"-{_COMPASS_POINT}(?:[ -]{_COMPASS_POINT})?(?![\w-])")


def _hyphenated(
    text: str, sent_start: int, start: int, end: int, others: list[tuple[int, int, EntityKind]]
) -> tuple[int, int]:
    """An organization's name with the capitalized words hyphenated to it that the model cut
    off: "Multi-" before "National Force", a country after it ("-Iraq"), and after a command's
    head noun the place or region it covers ("Multi-National Division-Basra", "Task
    Force-South East"). Never another name ("Hamas-Fatah talks")."""
    before = _HYPHEN_BEFORE.search(text, max(sent_start, start - 40), start)
    if before is not None and not any(s < start and before.start() < e for s, e, _ in others):
        start = before.start()
    after = _HYPHEN_AFTER.match(text, end)
    if after is not None and country_name(after.group(1)) is not None:
        return start, after.end()
    if text[start:end].split()[-1].lower() in _COMMAND_HEADS:
        region = _HYPHEN_REGION.match(text, end) or after
        if region is not None:
            return start, region.end()
    return start, end


def _spans(doc: Doc) -> list[tuple[int, int, EntityKind]]:
    """The model's names and their kinds, which an organization's name does not run into."""
    return [(e.start_char, e.end_char, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS]


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# Nouns that end a military unit's name after its ordinal ("2nd Squadron"), beside the
# organizations' head nouns; "Team" after another word ("3rd Brigade Combat Team", not a
# contest's "3rd Team").
_UNIT_ENDS = frozenset({"squadron", "wing", "fleet", "company", "troop", "battery"})


def _headed_orgs(doc: Doc, text: str, offset: int) -> list[Mention]:
    """Capitalized word runs that end in an organization's head noun ("Special Groups", a
    numbered unit "26th Brigade", "3rd Brigade Combat Team"), or in one that a name runs on
    from ("League of the Righteous")."""
    others = _spans(doc)
    found = []
    i = 0
    while i < len(doc):
        j = i + 1 if _ORDINAL.fullmatch(doc[i].text) else i
        while j < len(doc) and doc[j].is_title and not doc[j].is_sent_start and doc[j].is_alpha:
            j += 1
        end = doc[j - 1].idx + len(doc[j - 1]) if j > i else 0
        if j > i and doc[j - 1].lower_ in OPEN_HEADS:  # "League of the Righteous"
            end = run_on_end(text, doc[j - 1].lower_, end, doc[i].sent.end_char, others)
        ordinal = j > i and _ORDINAL.fullmatch(doc[i].text) is not None
        if j > i and (
            end > doc[j - 1].idx + len(doc[j - 1])
            or (j - i >= 2 and doc[j - 1].lower_ in ORG_HEADS)
            or (ordinal and j - i >= 2 and doc[j - 1].lower_ in _UNIT_ENDS)
            or (ordinal and j - i >= 3 and doc[j - 1].lower_ == "team")
        ):
            start, end = _hyphenated(text, doc[i].sent.start_char, doc[i].idx, end, others)
            found.append(
                Mention(
                    start=offset + start,
                    end=offset + end,
                    text=text[start:end],
                    kind=EntityKind.ORGANIZATION,
                    name=text[start:end],
                    sentence=_sentence(doc[i].sent, text, offset),
                )
            )
        i = max(j, i + 1)
    return found


def _trim(span: Span, kind: EntityKind, text: str) -> tuple[int, int] | None:
    """Token bounds of the span without edge punctuation, possessives, a leading article and a
    last connecting word ("Islamic State of": the model stopped short; see ``run_on_end``).
    ``text`` is the span's ``doc.text``, which spaCy joins again on every read."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if kind is not EntityKind.PERSON and start < end - 1 and doc[start].text in _ARTICLES:
        start += 1
    while kind is not EntityKind.PERSON and end - start > 1 and _lower_word(doc[start]):
        start += 1  # "western Anbar"
    while kind is not EntityKind.PERSON and end - start > 1 and _lower_word(doc[end - 1]):
        end -= 1  # "Baghdad airport"
    if kind is not EntityKind.PERSON:
        end = _end_before_title(doc, text, start, end)
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or not any(ch.isalnum() for ch in doc[end - 1].text)  # a byline's bar: "X |"
        or doc[end - 1].text in _EDGE_JUNK
        or (kind is not EntityKind.PERSON and doc[end - 1].text in CONNECTORS)
    ):
        end -= 1
    return (start, end) if start < end else None


def _end_before_title(doc: Doc, text: str, start: int, end: int) -> int:
    """The end of a name the model ran on into a person's title after a connecting word ("Amal
    Movement of Speaker" before "Nabih Berri"): the title is the person's, who follows."""
    if end >= len(doc) or not doc[end].is_title:
        return end
    limit = doc[end].idx + len(doc[end])
    for k in range(start + 1, end):
        if doc[k - 1].lower_ in CONNECTORS and titles_a_name(text, doc[k].idx, limit):
            return k
    return end


def _lower_word(token: Token) -> bool:
    """A lower-case word that is no name particle: a name's words are capitalized, so one at its
    edge is a common word the model took in."""
    return token.is_lower and token.is_alpha and token.text not in _NAME_PARTICLES


def _given_names_start(doc: Doc, start: int) -> int:
    """The first token of a person's name with the capitalized given names right before the
    span that the model left out ("deputy secretary-general Naim [Haddad]"): at most two,
    each no name the model found, title, adjective or common word, and after a lower-case word
    that is no function word (not "Secretary of Defense Donald [Rumsfeld]")."""
    first = start
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    while first > doc[start].sent.start and start - first < 2:
        token = doc[first - 1]
        if (
            not (token.is_title and token.is_alpha and token.whitespace_)
            or token.i in taken
            or token.text in COUNTRY_OF
            or token.text in _NO_PLACE_WORDS
            or token.text in MODIFIERS
            or token.lower_ in lexicon.load()
            or leading_title(f"{token.text} x")
        ):
            break
        first -= 1
    before = doc[first - 1] if first > doc[start].sent.start else None
    if before is None or not before.is_lower or before.is_stop:
        return start
    return first


def _sentence_initial_function_word(doc: Doc, start: int, end: int) -> bool:
    """ "Therefore", "Thus", "Even" opening a sentence: capitalized by position, not a name."""
    token = doc[start]
    return end - start == 1 and token.is_sent_start and token.is_stop


def _common_word_start(doc: Doc, start: int, end: int) -> int:
    """Past a common word that only its place at the start of a sentence capitalizes ("Running",
    "Background"); see ``pipeline.lexicon``."""
    token = doc[start]
    if token.is_title and token.lower_ in lexicon.load() and opens_sentence(doc, start):
        return start + 1
    return start


def _mention(doc: Doc, text: str, ent: Span, kind: EntityKind, offset: int) -> Mention | None:
    bounds = _trim(ent, kind, text)
    if (
        bounds is None
        or _sentence_initial_function_word(doc, *bounds)
        or capitalized_by_position(doc, *bounds)
    ):
        return None
    bounds = (_common_word_start(doc, *bounds), bounds[1])
    if bounds[0] >= bounds[1]:
        return None
    if kind is EntityKind.PERSON:
        bounds = (_given_names_start(doc, bounds[0]), bounds[1])
    sent = doc[bounds[0]].sent
    if doc[bounds[1] - 1].sent != sent:
        return None
    start, end = doc[bounds[0]].idx, doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1])
    end = start + len(_POSSESSIVE.sub("", text[start:end]) or text[start:end])

    particle = _PARTICLE_BEFORE.search(text, sent.start_char, start)
    if particle is not None:
        start = particle.start()
    cut = office_cut(text, start, end)
    if cut is not None:
        end, kind = cut, PLACE  # "Nineveh Governor": the place of the office after it
    elif (
        kind is not PLACE
        and text[start:end].split()[-1].lower() not in ORG_HEADS
        and (
            (before_office(text, end) and not leading_title(text[start:end]))
            or (FACILITY_AFTER.match(text, end) and not text[start:end].isupper())
        )
    ):
        # "Maysan police", "Diyala operations commander"; "the Baiji oil field", "Ain al-Asad
        # air base"
        kind = PLACE
    if (before_body_noun(text, end) and not text[start:end].isupper()) or _members_of(
        text, sent.start_char, start, end
    ):
        # "the Albu Nimr tribe", "the Sadiqoun bloc", "fighters of the Nujaba"; an acronym
        # keeps its kind ("the U.N. agency": GMB's place, see ``known``)
        kind = ORG
    elif kind is EntityKind.PERSON and _REPORTING_ACRONYM.match(text, start, sent.end_char):
        kind = ORG  # "SANA reported", "JNIM claimed": a news agency, a group
    elif kind is EntityKind.PERSON and _common_noun_after_the(text, sent.start_char, start, end):
        if text[start:end].lower() not in OPEN_HEADS:
            return None  # "the Warden": a person's name takes no article
        kind = ORG  # "the Observatory": a body's short name
    elif kind is EntityKind.PERSON and _one_word_after_the(text, sent.start_char, start, end):
        kind = ORG  # "the Hashd has grown": a person's name takes no article
    elif _before_members(text, start, end, kind):
        kind = ORG  # "Hashd fighters", "the Nujaba factions": a body has fighters
    elif (
        kind is not EntityKind.PERSON
        and _KUNYA.fullmatch(text, start, end)
        and table_kind(text[start:end]) is None
    ):
        kind = _kunya_kind(text, sent.start_char, start, kind)
    elif (
        kind is not EntityKind.PERSON
        and _AIDE_AFTER.match(text, end)
        and " " not in text[start:end]
    ):
        kind = EntityKind.PERSON  # "a Qorvani aide": a person has aides
    elif kind is not PLACE and not text.startswith(("'s", "’s"), end):  # "in Hassan's death"
        kind = _kind_in_place_context(text, sent.start_char, start, end, kind)
    if kind is not EntityKind.PERSON and (
        _titled(text, sent.start_char, start, end) or _kunya_with_name(text, start, end)
    ):
        kind = EntityKind.PERSON
    if kind is EntityKind.ORGANIZATION:
        others = [o for o in _spans(doc) if o[:2] != (ent.start_char, ent.end_char)]
        short = ent.end > bounds[1] and doc[bounds[1]].text in CONNECTORS
        end = run_on_end(text, text[start:end], end, sent.end_char, others, short)
        start, end = _hyphenated(text, sent.start_char, start, end, others)
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
    if (
        kind is not EntityKind.PERSON
        and " " in name
        and leading_title(text[start : sent.end_char]) > end - start
    ):
        # the start of a title ("National Security" of "National Security Adviser"); one word
        # is the office's department, as GMB tags it ("Secretary of Defense", "Information")
        return None
    if group_word(name):
        return None  # a people, a faith or a sect: "Shiites", "the Saudi capital"
    if kind is not EntityKind.PERSON and name in _NO_PLACE_WORDS:
        return None  # a compass word: "South Korean"
    if (
        name.lower() in ORG_HEADS
        and opens_sentence(doc, bounds[0])
        and _ROLE_AFTER.match(text, end, sent.end_char)
    ):
        return None  # "Army spokesman Colonel X": whose army, the sentence does not name
    if (
        kind is not ORG
        and follower_plural(name)
        and _FOLLOWERS_BEFORE.search(text, max(sent.start_char, start - 30), start)
    ):
        kind = ORG  # "the Houthis": followers, no person (who takes no article) nor place
    title = _SPACES.sub(" ", text[start:name_start]).strip()
    if not title:
        kind = _appositive_kind(text, sent.start_char, sent.end_char, start, end, name) or kind
    if not title and not (kind is EntityKind.PERSON and country_name(name)):
        kind = known_kind(name) or kind  # "Tehran summoned": the table knows the city
    if kind is EntityKind.ORGANIZATION:
        if not_an_organization(name):
            return None
        if country_name(name) is not None:
            kind = EntityKind.PLACE  # "the U.S. says": a country's government is the country
    if kind is EntityKind.PERSON and " " in name and country_name(name) is not None:
        kind = EntityKind.PLACE  # "Saudi Arabia"; one word may be a person's ("Jordan")
    return Mention(
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        kind=kind,
        name=name,
        sentence=_sentence(sent, text, offset),
        titles=(title,) if title else (),
    )


# An acronym that reports or claims: in the training corpora 139 of 139 such names before
# "reported" or "said" are organizations (a surname in capitals, GMB's "KIM", is the subject
# of other verbs).
_REPORTING_ACRONYM = re.compile(
    r"[A-Z]{2,}\s+(?:reported|reports|said|says|quoted|cited|added|announced|claimed|claims"
    r"|denied|denies)\b"
)
# Members of a body before its one-word name: "fighters of the Fatemiyoun".
_MEMBERS_OF = re.compile(
    r"(?<![\w-])(?:fighters|members|militants|militiamen|gunmen|loyalists|commanders|"
    r"supporters|followers) of the\s+\Z"
)


def _common_noun_after_the(text: str, sent_start: int, start: int, end: int) -> bool:
    """One capitalized common noun after "the" ("the Observatory said"), never a person's name,
    which takes no article."""
    name = text[start:end]
    return (
        name.isalpha()
        and name.lower() in lexicon.load(lexicon.NOUNS)
        and THE_BEFORE.search(text, max(sent_start, start - 6), start) is not None
    )


# A person's helper after the person's name: in the training corpora the one-word names before
# "aide" are persons' ("a former Olmert aide").
_AIDE_AFTER = re.compile(r"\s+aides?\b")


# Words after a subject that a name before them cannot modify: auxiliaries and "said".
_SUBJECTS_VERB = re.compile(
    r"\s+(?:has|have|had|is|was|are|were|will|would|could|can|did|does|said|says|reported|reports)\b"
)


def _one_word_after_the(text: str, sent_start: int, start: int, end: int) -> bool:
    """One capitalized word after "the" that modifies no word after it ("the Hashd has grown",
    "the Hashd's posts", "shame the Hashd."; not "the Obama administration", "the Clinton
    presidential campaign"): a body's short name, since a person's name takes no article."""
    return (
        text[start:end].isalpha()
        and THE_BEFORE.search(text, max(sent_start, start - 6), start) is not None
        and (_NEXT_WORD.match(text, end) is None or _SUBJECTS_VERB.match(text, end) is not None)
    )


def _members_of(text: str, sent_start: int, start: int, end: int) -> bool:
    """A one-word name after "fighters of the" (members of a body) and before no noun it would
    modify ("members of the Bekaa council"): the body's name. Not a country ("members of the
    U.S. military")."""
    return (
        " " not in text[start:end]
        and _MEMBERS_OF.search(text, max(sent_start, start - 30), start) is not None
        and _NEXT_WORD.match(text, end) is None
        and country_name(text[start:end]) is None
    )


# Names listed before the last one, which the text ends before, after a word for places:
# "residents of Dhiban and", "the towns of Mayadin, Hajin and". Only "and" closes a list: a
# comma alone also ends an opening phrase ("In Britain, Brown said").
_NAME_IN_LIST = r"[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’.-]*)*"
_LISTED_AFTER_PLACE_WORD = re.compile(
    rf"(?<![\w-])(?:{PLACE_WORDS})\s+(?:{_NAME_IN_LIST}\s*,\s*)*"
    rf"{_NAME_IN_LIST},?\s+and\s+\Z"
)


def _kind_in_place_context(
    text: str, sent_start: int, start: int, end: int, kind: EntityKind
) -> EntityKind:
    """A place's kind for a name after a word for places ("near Tuz Khurmatu", "residents of
    Dhiban") or listed with names after one ("the towns of Mayadin and Albu Kamal"), which the
    model took for a person (see ``pipeline.placewords``); for a one-word organization too, but
    after "in" ("in Congress") and for a known body or an acronym ("near UNIFIL"). A title after
    it makes a person again (``_titled``)."""
    window = max(sent_start, start - 30)
    if kind is EntityKind.PERSON:
        listed = _LISTED_AFTER_PLACE_WORD.search(text, max(sent_start, start - 80), start)
        return PLACE if PLACE_BEFORE.search(text, window, start) or listed else kind
    name = text[start:end]
    if (
        " " in name
        or name.isupper()
        or name in COUNTRY_OF
        or name.lower() in ORG_HEADS
        or table_kind(name) is ORG
        or not STRONG_PLACE_BEFORE.search(text, window, start)
    ):
        return kind
    return PLACE


# Titles that also open companies' and bodies' names ("General Motors", "Major League"): before
# one word they make no person, before two they do ("General Sekouba Konate").
_COMPANY_TITLES = frozenset({"general", "major", "private", "justice", "director", "speaker"})
# Role nouns said only of people, written in lower case right before a name.
_PERSON_ROLES = (
    "leader", "chief", "commander", "spokesman", "spokeswoman", "spokesperson", "operative",
    "militant", "militiaman", "fighter", "cleric", "founder", "ringleader", "loyalist", "aide",
    "adviser", "advisor", "deputy", "lawmaker", "envoy", "activist", "journalist", "reporter",
    "blogger", "photographer", "preacher", "tribesman", "dissident", "politician",
)  # fmt: skip
_ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(_PERSON_ROLES)}),?\s+\Z")
_ROLE_AFTER = re.compile(rf"\s+(?:{'|'.join(_PERSON_ROLES)})\b")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
# What stands before a plural that names a movement's followers: "the Houthis", "Yemen's Houthis".
_FOLLOWERS_BEFORE = re.compile(r"(?:(?<![\w-])the|\w['’]s)\s+\Z", re.IGNORECASE)


# Nouns for a body that head a phrase in apposition to its name ("Amal, a Shiite movement").
_BODY_APPOSITIVES = ORG_HEADS | BODY_NOUNS | {"faction", "company", "firm", "outfit", "offshoot"}
# Nouns for a person: single-word roles ("minister", "spokesman") and kin ("the emir's son").
_PERSON_APPOSITIVES = {r for r in ROLES if " " not in r and r != "mouthpiece"} | {
    "son", "daughter", "brother", "sister", "wife", "husband", "father", "mother", "nephew",
    "cousin", "widow",
}  # fmt: skip
_APPOSITIVE_KINDS = (
    dict.fromkeys(SETTLEMENT_NOUNS, PLACE)
    | dict.fromkeys(_BODY_APPOSITIVES, ORG)
    | dict.fromkeys(_PERSON_APPOSITIVES, EntityKind.PERSON)
)
# What opens an appositive: an article or a possessive ("Russia's", "the group's"), then at most
# three lower-case words before its head noun ("a river town", "deputy defence minister").
_APPOSITIVE_OPENER = r"(?:the|a|an|its|his|her|their|(?:the\s+)?[\w.-]+['’]s?)\s+"
_APPOSITIVE_MODIFIERS = r"(?:[a-z][\w-]*(?:['’]s)?\s+){0,3}?(?:(?:[A-Z][\w'’-]*\s+){1,4}?)?"
# What closes its head noun: a comma, a full stop, a bracket or a word that opens a clause.
_APPOSITIVE_CLOSE = (
    r"(?=\s*[,;.)]|\s+(?:of|in|on|at|for|from|near|who|which|that|whose|and|since|with|"
    r"based|led|run|backed|known)\b|\s*\Z)"
)
_APPOSITIVE_AFTER = re.compile(
    rf",\s+{_APPOSITIVE_OPENER}{_APPOSITIVE_MODIFIERS}([a-z][\w-]*){_APPOSITIVE_CLOSE}"
)
_APPOSITIVE_BEFORE = re.compile(
    rf"(?:(?<![\w-])(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)|\w['’]s?)\s+{_APPOSITIVE_MODIFIERS}"
    rf"([a-z][\w-]*),\s+\Z"
)
# A sentence's opening phrase, whose comma ends no appositive: "In Korvat, the group's leader",
# "Speaking on a visit to Korvat, the group's leader": a preposition or a participle, no comma.
_OPENING_PHRASE = re.compile(
    r"[\"“‘'(]?\s*(?:In|At|From|After|Before|Near|Across|Outside|Inside|Since|For|On|To|During"
    r"|[A-Z][a-z]+(?:ing|ed))\s[^,]*\Z"
)


def _appositive_kind(
    text: str, sent_start: int, sent_end: int, start: int, end: int, name: str
) -> EntityKind | None:
    """The kind the head noun of a phrase in apposition to the name says: a settlement's ("Jilib,
    a river town"), a body's ("Amal, a Shiite movement") or a person's ("X, Russia's deputy
    defence minister,"; "Its head, X, told"); reporters name anything new to a reader so. None
    where no such phrase is, the comma ends a sentence's opening phrase ("In Korvat, the
    group's leader said"), a word for places stands before the name ("in Korvat, a spokesman
    said"), or a person's noun would stand by a country's name."""
    after = _APPOSITIVE_AFTER.match(text, end, sent_end)
    kind = _APPOSITIVE_KINDS.get(after.group(1)) if after is not None else None
    if kind is None and text.startswith(",", end):
        before = _APPOSITIVE_BEFORE.search(text, max(sent_start, start - 60), start)
        head = before.group(1) if before is not None else ""
        kind = EntityKind.PERSON if head in _PERSON_APPOSITIVES else None
    if kind is None or _OPENING_PHRASE.match(text, sent_start, start) is not None:
        return None
    if kind is not PLACE and PLACE_BEFORE.search(text, max(sent_start, start - 30), start):
        return None  # "a rally in Korvat, a city" is the place's; "in" says so of any name
    if kind is EntityKind.PERSON and (country_name(name) or known_kind(name)):
        return None
    return kind


# Members after a body's one-word name ("Hashd fighters", "the Nujaba factions"); "forces" and
# "loyalists" follow a person's too ("Gaddafi forces", "Sadr loyalists").
_MEMBERS_AFTER = re.compile(r"\s+(?:fighters|gunmen|militiamen|militants|factions)\b")


def _before_members(text: str, start: int, end: int, kind: EntityKind) -> bool:
    """A one-word name before a noun for a body's members, which the model took for a person's
    or for a place no table knows ("Hashd fighters"; not "Anbar fighters" nor a country's
    "Syria fighters")."""
    name = text[start:end]
    return (
        kind is not ORG
        and name.isalpha()
        and _MEMBERS_AFTER.match(text, end) is not None
        and country_name(name) is None
        and (kind is EntityKind.PERSON or table_kind(name) is None)
    )


# A kunya alone: "Abu" or "Umm" ("father of", "mother of") and one name.
_KUNYA = re.compile(r"(?:Abu|Umm) [A-Z][\w'’-]+")
# What gives a person's alias: "alias", "nicknamed", "nom de guerre", "known (only / in the
# town) as" with a quote.
_ALIAS_BEFORE = re.compile(
    r"(?:\balias|\bnicknamed|\bnom de guerre,?|\bknown\b[^,.;\"“]{0,40}?\bas\s+[\"“‘'])"
    r"\s*[\"“‘']?\Z"
)
# A preposition of place before a name, perhaps after other names and "and" ("from X and").
_AT_PLACE_BEFORE = re.compile(
    rf"(?<![\w-])(?:at|in|near|to|into|from|outside)\s+(?:{_NAME_IN_LIST},?\s+and\s+)?\Z"
)


def _kunya_kind(text: str, sent_start: int, start: int, kind: EntityKind) -> EntityKind:
    """A kunya alone the model took for a body or a place is a person's alias ("an officer
    known only as 'Abu Zainab'") or a place ("held at Abu Ghraib", "from Halbur and Abu
    Tamra"): "Abu" opens persons' and places' names, and a body's only with a noun for it
    (``kinds``)."""
    window = max(sent_start, start - 80)
    if _ALIAS_BEFORE.search(text, window, start):
        return EntityKind.PERSON
    if _AT_PLACE_BEFORE.search(text, window, start):
        return PLACE
    return kind


def _kunya_with_name(text: str, start: int, end: int) -> bool:
    """ "Abu Mustafa" followed by "al-Sheibani": a kunya and a family name, a person's name
    (a kunya alone may name a place: "Abu Ghraib", "Abu Dhabi")."""
    return (
        text.startswith(("Abu ", "Umm "), start)
        and _PARTICLE_AFTER.match(text[end : end + 60]) is not None
    )


def _titled(text: str, sent_start: int, start: int, end: int) -> bool:
    """A name after a person's title, before it ("Mr. Arafat") or inside the model's span
    ("King Gyanendra"), or after a role noun ("operative X"), names a person whatever the model
    tagged: the title then becomes the
    person's honorific, and a title on an organization or place would be a false statement.
    Not a country ("Private England"), nor a name holding an organization's head noun or
    ending in a common word ("General Assembly"), nor a company's ("General Electric"), nor
    one that modifies a noun ("the Imam Ali mosque").
    """
    following = _NEXT_WORD.match(text, end)
    if following is not None and following.group(1) in lexicon.load(lexicon.NOUNS):
        return False
    inside = leading_title(text[start:end])
    before = title_before(text[sent_start:start])
    if inside:
        title = text[start : start + inside]
    elif before >= 0:
        title = text[sent_start + before : start]
    elif _ROLE_BEFORE.search(text, max(sent_start, start - 30), start):
        title = ""  # "Hezbollah operative Ali Musa Daqduq"
    else:
        return False
    name = text[start + inside : end]
    words = name.lower().split()
    if title.strip().lower() in _COMPANY_TITLES and len(words) < 2:
        return False
    return (
        not OPEN_HEADS.intersection(words)
        and "of" not in words
        and words[-1] not in lexicon.load(lexicon.NOUNS)
        and not (len(words) == 1 and words[0] in lexicon.load())
        and country_name(name) is None
    )


def _sentence(sent: Span, text: str, offset: int) -> Sentence:
    raw = text[sent.start_char : sent.end_char]  # Span.text, without joining its tokens again
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    start = offset + sent.start_char + lead
    return Sentence(start=start, end=start + len(body), text=body)
