"""Identity: one entity per real-world name across all documents.

Names are grouped by a normalized key (case, accents, apostrophes, hyphens and a leading
"the" do not matter), and within one document a one-word name ("Sadr", "al-Sadr", "Qayis")
joins the one person named in full that it is the surname or given name of. The key, not the
winning label, names the IRI, so IRIs stay stable when another surface form becomes the most
frequent one. Every merge is recorded.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .records import AnalyzedDocument, Entity, EntityKind, Mention, Resolution, ResolvedMention

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"'s?$")
_NON_WORD = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
# Name particles that a bare surname may omit ("Sadr" for "Muqtada al Sadr").
_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "abu", "van", "von", "de", "da", "di"})


def name_key(name: str) -> str:
    """The normalized form under which two spellings count as the same name."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text.replace("-", " ").replace("'", ""))
    text = _SPACE.sub(" ", text).strip()
    return text.removeprefix("the ") if text.count(" ") else text


def slug(key: str) -> str:
    """An IRI-safe segment of a name key: ASCII letters, digits and hyphens."""
    text = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def _short_form_targets(mentions: Sequence[Mention]) -> dict[str, str]:
    """Within one document, map a one-word name to the single full person name it stands for.

    A one-word name ("Sadr", "al-Sadr", "Qayis") is the surname or the given name of a person
    named in full in the same document; it joins that person only when exactly one full name
    fits, whatever type the tagger gave the short form (it often tags a bare surname a place).
    """
    full = {name_key(m.name) for m in mentions if m.kind is EntityKind.PERSON}
    fits: dict[str, set[str]] = defaultdict(set)
    for key in full:
        words = _content_words(key)
        if len(words) >= 2:
            fits[words[-1]].add(key)
            if not key.startswith(tuple(f"{p} " for p in _PARTICLES)):
                fits[words[0]].add(key)
    return {short: next(iter(keys)) for short, keys in fits.items() if len(keys) == 1}


def _content_words(key: str) -> list[str]:
    return [w for w in key.split() if w not in _PARTICLES]


def _canonical(forms: Counter[str]) -> str:
    """Most frequent form; ties go to the longer, then the alphabetically first."""
    return min(forms, key=lambda f: (-forms[f], -len(f), f))


def resolve(documents: Iterable[AnalyzedDocument]) -> Resolution:
    """Group every mention of every document into entities with stable keys."""
    clusters: dict[str, list[Mention]] = defaultdict(list)
    votes: dict[str, Counter[EntityKind]] = defaultdict(Counter)  # the kind each mention says
    assigned: dict[str, list[tuple[Mention, str]]] = {}
    merges: list[str] = []
    for analyzed in documents:
        targets = _short_form_targets(analyzed.mentions)
        pairs: list[tuple[Mention, str]] = []
        for mention in analyzed.mentions:
            key = name_key(mention.name)
            if not key:
                continue
            kind = mention.kind
            short = _content_words(key)
            if len(short) == 1 and short[0] in targets and targets[short[0]] != key:
                merges.append(
                    f"{analyzed.document.doc_id}: {mention.name!r} is a short form of "
                    f"{targets[short[0]]!r}, the only person named in full that it fits"
                )
                key, kind = targets[short[0]], EntityKind.PERSON
            clusters[key].append(mention)
            votes[key][kind] += 1
            pairs.append((mention, key))
        assigned[analyzed.document.doc_id] = pairs

    entities: dict[str, Entity] = {}
    slug_of: dict[str, str] = {}
    for key in sorted(clusters):
        mentions = clusters[key]
        kind = min(votes[key], key=lambda k: (-votes[key][k], list(EntityKind).index(k)))
        names = Counter(m.name for m in mentions if name_key(m.name) == key)
        label = _canonical(names or Counter(m.name for m in mentions))
        entity_slug = f"{kind.value}/{slug(key)}"
        while entity_slug in entities:  # two keys that slug alike: deterministic suffix
            entity_slug += "-x"
        aliases = {m.name for m in mentions} | {m.text for m in mentions if m.titles}
        entities[entity_slug] = Entity(
            key=entity_slug,
            kind=kind,
            label=label,
            alt_labels=aliases - {label},
            honorifics={t for m in mentions for t in m.titles},
        )
        slug_of[key] = entity_slug

    resolved = {
        doc_id: tuple(
            ResolvedMention(m, slug_of[key], entities[slug_of[key]].kind) for m, key in pairs
        )
        for doc_id, pairs in assigned.items()
    }
    return Resolution(entities=entities, mentions=resolved, merges=tuple(merges))
