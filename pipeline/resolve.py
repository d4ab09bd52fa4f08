"""Identity: one entity per real-world name across all documents.

Names are grouped by a normalized key (case, accents, apostrophes, hyphens and a leading
"the" do not matter), and within one document a one-word name ("Sadr", "al-Sadr", "Qayis")
joins the one person named in full that it is the surname or given name of (of several
namesakes, the only one named before it; else it is left unresolved, never a person of its
own). Names a sentence gives as one body's ("X, also known as Y": ``pipeline.aliases``)
join across the corpus. The key, not the
winning label, names the IRI, so IRIs stay stable when another surface form becomes the most
frequent one. Every merge is recorded.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from . import names
from .aliases import is_kunya, shaped_as_body, stated_aliases
from .demonyms import COUNTRY_OF, country_name
from .names import PARTICLES as _PARTICLES
from .names import THE_BEFORE, consonants, content_tokens
from .orgheads import ORG_HEADS
from .placewords import PLACE_BEFORE, STRONG_PLACE_BEFORE
from .records import (
    AnalyzedDocument,
    Entity,
    EntityKind,
    Mention,
    Outline,
    Resolution,
    ResolvedMention,
)

# The same few thousand names and words come back for every mention and every comparison.
name_key = lru_cache(maxsize=1 << 16)(names.name_key)

# Spellings English news uses interchangeably beyond the shared transliteration rules: a first
# "gh" for "q" in Persian names (Ghasem/Qasem, Ghaani/Qaani; inside a word "gh" stays "g", as
# in Mughniyeh/Mugniyah), British "-is-" for "-iz-" (Mobilisation/Mobilization), and "dh"
# for "z", the two spellings of one Arabic letter (Kadhim/Kazim, Fadhil/Fazil, Ridha/Reza).
_PERSIAN_Q = re.compile(r"^gh")
_BRITISH_S = re.compile(r"iz(ation|ations|e|es|ed|ing)$")


def _spelling(token: str) -> str:
    return _BRITISH_S.sub(r"is\1", _PERSIAN_Q.sub("q", token)).replace("dh", "z")


@lru_cache(maxsize=1 << 16)
def variant_token(token: str) -> str:
    """A token's transliteration skeleton (``pipeline.names``) after the spellings above."""
    return names.variant_token(_spelling(token))


# "e" stands for a short vowel that other transliterations write "a" or "i": Mehdi/Mahdi,
# Mohandes/Muhandis, Mughniyeh/Mughniyah. It is kept apart as this mark, not folded into "i".
_E = "\u00e9"


@lru_cache(maxsize=1 << 16)
def _e_skeleton(token: str) -> str:
    text = names.variant_token(_spelling(token).replace("e", _E))
    return text[:-1] if len(text) > 3 and text.endswith(_E + "h") else text


def _e_for_vowel(a: str, b: str) -> bool:
    """The two tokens differ only where one writes "e" for the other's "a" or "i"."""
    sa, sb = _e_skeleton(a), _e_skeleton(b)
    return (
        len(sa) == len(sb)
        and sa != sb
        and all(
            x == y or (_E in (x, y) and {x, y} <= {"a", "i", _E})
            for x, y in zip(sa, sb, strict=True)
        )
    )


def slug(key: str) -> str:
    """An IRI-safe segment of a name key: ASCII letters, digits and hyphens."""
    text = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def _short_form_targets(
    mentions: Sequence[Mention], given_names: bool = True
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Within one document, map a one-word name to the full person names it may stand for,
    one group of spellings per person.

    A one-word name ("Sadr", "al-Sadr", "Qayis") is the surname or the given name of a person
    named in full in the same document, whatever type the tagger gave the short form (it often
    tags a bare surname a place). Words are compared by transliteration skeleton ("Qazali"
    fits "Qais Khazali"), and full names that are spellings of one another ("Qayis Khazali",
    "Qais Khazali") are one group. The result is keyed by skeleton: look it up with
    ``variant_token``. Without ``given_names`` only surnames fit (used across documents, where
    a given name alone says too little).
    """
    full = {name_key(m.name) for m in mentions if m.kind is EntityKind.PERSON}
    fits: dict[str, set[str]] = defaultdict(set)
    for key in full:
        words = _content_words(key)
        if len(words) >= 2:
            fits[variant_token(words[-1])].add(key)
            if given_names and not key.startswith(tuple(f"{p} " for p in _PARTICLES)):
                fits[variant_token(words[0])].add(key)
    targets: dict[str, tuple[tuple[str, ...], ...]] = {}
    for short, keys in fits.items():
        groups: list[list[str]] = []
        for key in sorted(keys):
            group = next((g for g in groups if all(_variant_evidence(o, key) for o in g)), None)
            if group is None:
                groups.append([key])
            else:
                group.append(key)
        targets[short] = tuple(tuple(g) for g in groups)
    return targets


def _preceding_person(
    groups: tuple[tuple[str, ...], ...], first_seen: dict[str, int], mention: Mention
) -> str | None:
    """The person a short form fitting several people of its document stands for: the only
    one of them named in full before it ("Zubaidi" after Hamid al-Zubaidi, before Karim
    al-Zubaidi is introduced); None when none or several were."""
    before = [g for g in groups if min(first_seen.get(k, mention.start) for k in g) < mention.start]
    return before[0][0] if len(before) == 1 else None


def _bodies_named_by(mentions: Sequence[Mention]) -> defaultdict[str, set[str]]:
    """Key of a one-word name -> the other organizations of the document named with that word
    ("Houthis", "Houthi movement" for "Houthi"): a lone word tagged an organization that
    fits several namesakes is then the body, not one of them ("Haftar's forces" is Haftar's)."""
    words: defaultdict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.kind is EntityKind.ORGANIZATION:
            key = name_key(mention.name)
            for word in content_tokens(key):
                words[_block_token(word)].add(key)
    found: defaultdict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        key = name_key(mention.name)
        tokens = content_tokens(key)
        if len(tokens) == 1:
            found[key] = words.get(_block_token(tokens[0]), set()) - {key}
    return found


# A relative named by a possessive and a kinship noun: "his son Mustafa", "Karim's brother,".
_KIN_BEFORE = re.compile(
    r"(?:\b(?:his|her|their)|\w['’]s)\s+(?:(?:eldest|elder|older|youngest|younger|late|only"
    r"|first|second|third|\d+-year-old)\s+)?(?:sons?|daughters?|brothers?|sisters?|father"
    r"|mother|wife|wives|husband|widow|nephews?|nieces?|cousins?|uncle|aunt|grandsons?"
    r"|granddaughters?|(?:son|daughter|brother|sister)s?-in-law|stepsons?|half-brothers?"
    r"|children|child)\s*,?\s*\Z",
    re.I,
)


class _Kinship:
    """Which names of a document stand right after a kinship noun ("his son Mustafa")."""

    def __init__(self, analyzed: AnalyzedDocument | Outline) -> None:
        self.text = analyzed.document.text
        self.named = {name_key(m.name) for m in analyzed.mentions if self.after(m)}

    def after(self, mention: Mention) -> bool:
        return bool(_KIN_BEFORE.search(self.text, max(0, mention.start - 60), mention.start))


def _namesakes(
    groups: tuple[tuple[str, ...], ...],
    skeleton: str,
    body: bool,
    mention: Mention,
    kin: _Kinship,
) -> tuple[tuple[str, ...], ...]:
    """The people a one-word name may stand for, without those it fits only as their given
    name where the text says it is someone else's: a lone word that also names a body of the
    document ("Badr units" beside "Badr Organization" and a Sheikh Badr Hamad) is the body's,
    since news calls a person by the surname; a given name after a kinship noun ("his son
    Mustafa") is a relative's, the namesake's ("Mustafa al-Kadhimi") only when the document
    names that person in full after a kinship noun too ("his son Mustafa Karim")."""
    relative = kin.after(mention)
    kept = []
    for group in groups:
        given_only = all(variant_token(_content_words(k)[-1]) != skeleton for k in group)
        if given_only and (body or (relative and not kin.named.intersection(group))):
            continue
        kept.append(group)
    return tuple(kept)


def _only(groups: tuple[tuple[str, ...], ...]) -> str | None:
    """The one person the groups of ``_short_form_targets`` name, or None."""
    return groups[0][0] if len(groups) == 1 else None


def _content_words(key: str) -> list[str]:
    return _without_suffix([w for w in key.split() if w not in _PARTICLES])


# Generational suffixes after a surname ("Lloyd J. Austin III"): the surname is the word before.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _without_suffix(words: list[str]) -> list[str]:
    """A name's words without a generational suffix at the end (three words or more)."""
    return words[:-1] if len(words) >= 3 and words[-1] in _SUFFIXES else words


def _name_words(key: str) -> list[str]:
    """The words two spellings of a name are compared by: its content words
    (``names.content_tokens``) without a generational suffix."""
    return _without_suffix(content_tokens(key))


# Two tokens whose skeletons differ only in vowels are one name when this similar (rapidfuzz
# ratio, 0-100) and at least _MIN_FUZZY letters long: "Muhammad"/"Mohammed", "Hezbollah"/
# "Hizballah" (one vowel in seven letters); shorter tokens must match exactly, since
# "Hamid"/"Hamad" and "Haddadi"/"Hadidi" are different names.
SIMILARITY = 85.0
_MIN_FUZZY = 6


def _token_evidence(a: str, b: str) -> str | None:
    """Why two name tokens are spellings of one word, or None when they are not."""
    if a == b:
        return "same"
    va, vb = variant_token(a), variant_token(b)
    if va == vb:
        return f"{a}/{b} same transliteration skeleton {va!r}"
    if _e_for_vowel(a, b):
        return f"{a}/{b} differ only in a vowel written e"
    if va.rstrip("s") == vb.rstrip("s") and len(va.rstrip("s")) >= 4:
        return f"{a}/{b} differ by a plural s"
    if (
        min(len(va), len(vb)) >= _MIN_FUZZY
        and consonants(va) == consonants(vb)
        and fuzz.ratio(va, vb) >= SIMILARITY
    ):
        return f"{a}/{b} same consonants, similarity {fuzz.ratio(va, vb):.0f}"
    return None


def _variant_evidence(key_a: str, key_b: str) -> str | None:
    """Why two name keys are transliteration variants of one name, or None.

    Vetoes: the content words (articles "al"/"el" aside) must pair up one to one in order, or
    the shorter name (two words at least) must be the longer one's first and last word with
    words between left out; every pair must be alike, so a different given name ("Laith" vs
    "Qais Khazali") or surname vetoes the merge.
    """
    ta, tb = _name_words(key_a), _name_words(key_b)
    if not ta or not tb or key_a == key_b:
        return None
    if len(ta) != len(tb) and _joined(ta) == _joined(tb):
        return f"same words, written apart or joined ({' '.join(ta)} / {' '.join(tb)})"
    if len(ta) == len(tb):
        pairs = list(zip(ta, tb, strict=True))
        if not all(_token_evidence(a, b) for a, b in pairs):
            return _reordered_evidence(ta, tb)
    else:
        short, long = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        if len(short) < 2:
            return None
        pairs = [(short[0], long[0]), (short[-1], long[-1])]
        middle, rest = short[1:-1], long[1:-1]
        for word in middle:  # the shorter name's inner words, in order, among the longer's
            hit = next((i for i, other in enumerate(rest) if _token_evidence(word, other)), None)
            if hit is None:
                return None
            pairs.append((word, rest[hit]))
            rest = rest[hit + 1 :]
    why = []
    for a, b in pairs:
        evidence = _token_evidence(a, b)
        if evidence is None:
            return None
        if evidence != "same":
            why.append(evidence)
    if len(ta) != len(tb):
        why.append("the shorter name is the longer one's first and last word")
    return "; ".join(why) or "same words once articles are ignored"


def _joined(tokens: list[str]) -> str:
    """The skeleton of a name with its words run together: "Nasr Allah" is "Nasrallah"."""
    return "".join(variant_token(t) for t in tokens)


def _reordered_evidence(ta: list[str], tb: list[str]) -> str | None:
    """Why two names with the same words in another order are one name, or None.

    "Ali Mussa Daqduq" / "Musa Ali Daqduq": the given names of an Arabic name are written in
    either order in translation. Vetoes: three words at least, the same last word (the family
    name), and the other words pairing up one to one.
    """
    if len(ta) < 3 or not _token_evidence(ta[-1], tb[-1]):
        return None
    rest = list(tb[:-1])
    for word in ta[:-1]:
        hit = next((i for i, other in enumerate(rest) if _token_evidence(word, other)), None)
        if hit is None:
            return None
        rest.pop(hit)
    return f"same words in another order ({' '.join(ta)} / {' '.join(tb)}), same family name"


# "IRGC", and one hyphenated to the initials of the area or branch ("MNF-I", "IRGC-QF").
_ACRONYM = re.compile(r"^[A-Z]{2,8}(?:-[A-Z]{1,3})?$")
_INITIAL_SKIP = frozenset({"of", "the", "for", "and", "in", "on", "al", "el", "de"})


def _initials(key: str) -> set[str]:
    """The acronyms a full name can have: with or without its small words, and without a
    country adjective or possessive before it ("Iranian Islamic Revolutionary Guard Corps
    (IRGC)")."""
    words = key.split()
    found = {
        "".join(w[0] for w in words),
        "".join(w[0] for w in words if w not in _INITIAL_SKIP),
    }
    prefix = _country_prefix(key)
    if prefix and len(words) > 2:
        found |= _initials(prefix[1])
    return found


_BRACKET_BEFORE = re.compile(r"\(\s*$")
_BRACKET_AFTER = re.compile(r"\s*\)")
_NAME_WORD = re.compile(r"[A-Z0-9][\w'’.-]*")


def _spelled_out(analyzed: AnalyzedDocument | Outline) -> dict[str, tuple[Mention, str]]:
    """Acronym -> (the name it follows, that name as the text writes it) for each acronym in
    brackets right after a name whose initials it is: "United Nations Assistance Mission for
    Iraq (UNAMI)", "Armed Conflict Location & Event Data Project (ACLED)": "&" gives no
    letter, small words may give one or none, one word after the first may give none
    (``_spells``); the tagger may have cut the name short ("United Nations Interim Force" of
    "United Nations Interim Force in Lebanon (UNIFIL)"), the text before the bracket says
    where it ends. The longest such name wins.

    An organization's name right before the bracket is the acronym's whatever its letters
    (``_named_before``): news writes "Name (ACRONYM)" only to define the acronym, which may be
    another language's ("Kurdistan Workers' Party (PKK)") or a contraction ("US Central Command
    (CENTCOM)")."""
    text = analyzed.document.text
    in_order = sorted(analyzed.mentions, key=lambda m: m.start)
    found: dict[str, tuple[Mention, str]] = {}
    for mention in analyzed.mentions:
        acronym = mention.name
        if acronym in found or not _ACRONYM.match(acronym):
            continue
        bracket = _BRACKET_BEFORE.search(text, mention.sentence.start, mention.start)
        if not bracket or not _BRACKET_AFTER.match(text, mention.end):
            continue
        opened = bracket.start()
        for candidate in in_order:
            if (
                mention.sentence.start <= candidate.start
                and candidate.end <= opened
                and candidate.kind is not EntityKind.PERSON
                and _spells(phrase := text[candidate.start : opened].strip(), acronym)
            ):
                found[acronym] = (candidate, phrase)
                break
        else:
            named = _named_before(text, in_order, mention.sentence.start, opened, acronym)
            if named is not None:
                found[acronym] = named
    return found


# An abbreviation in brackets, plural or not: "(EFPs)", "(IED)".
_ABBREVIATION_IN_BRACKETS = re.compile(r"\(\s*([A-Z]{2,6})(s?)\s*\)")
_LOWER_WORDS = re.compile(r"(?:\b[a-z]+[\s-]+)+\Z")
_WORD_BREAK = re.compile(r"[\s-]+")


def _common_noun_acronyms(text: str) -> set[str]:
    """Keys of the abbreviations a document defines in brackets after lower-case words whose
    initials they are ("explosively formed penetrators (EFPs)", "rocket-propelled grenades
    (RPGs)"), with and without their plural s: a thing's abbreviation, which the tagger may
    take for a body's acronym ("two EFP arrays"), not a name."""
    found: set[str] = set()
    for bracket in _ABBREVIATION_IN_BRACKETS.finditer(text):
        letters = bracket.group(1)
        words = _LOWER_WORDS.search(text, max(0, bracket.start() - 80), bracket.start())
        if words is None:
            continue
        initials = "".join(w[0] for w in _WORD_BREAK.split(words.group().strip()))
        if initials.endswith(letters.lower()):
            found |= {name_key(letters), name_key(letters + "s")}
    return found


def _whole_names(analyzed: AnalyzedDocument | Outline) -> AnalyzedDocument | Outline:
    """The document with each name the tagger cut short before an acronym's bracket named in
    full, wherever the text writes it whole, and the names it cut out of it dropped: "Islamic
    State" and "Khorasan" of "Islamic State Khorasan Province (ISKP)" are one name there, a
    branch, not the "Islamic State" that other documents name (whose link and mentions it
    would take) nor a place of its own. Only a name cut at its end: words left out before it
    ("Palestinian" of "Islamic Jihad (PIJ)") leave the same body's name (``_named_before``)."""
    text = analyzed.document.text
    rests: dict[str, str] = {}  # the tagger's name -> the words it left out after it
    for candidate, phrase in _spelled_out(analyzed).values():
        cut = text[candidate.start : candidate.end]
        if name_key(phrase) != name_key(candidate.name) and phrase.startswith(cut):
            rests[cut] = phrase[len(cut) :]
    whole = {  # span of the tagger's name -> where the whole name ends
        (m.start, m.end): m.end + len(rests[m.text])
        for m in analyzed.mentions
        if m.text in rests and text.startswith(rests[m.text], m.end)
    }
    if not whole:
        return analyzed
    mentions = []
    for mention in analyzed.mentions:
        if any(s < mention.start and mention.end <= e for (s, _), e in whole.items()):
            continue  # a word of a longer name ("Khorasan")
        end = whole.get((mention.start, mention.end))
        mentions.append(replace(mention, name=text[mention.start : end]) if end else mention)
    return replace(analyzed, mentions=tuple(mentions))


# Capitalized words the tagger left out before a name ("Palestinian" of "Islamic Jihad").
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,2}\Z")


def _named_before(
    text: str, in_order: list[Mention], sentence_start: int, opened: int, acronym: str
) -> tuple[Mention, str] | None:
    """The organization named right before an acronym's bracket, and its name as written: with
    the one or two capitalized words before it when with them it spells the acronym
    ("Palestinian Islamic Jihad (PIJ)", the tagger's name "Islamic Jihad")."""
    candidate = next(
        (
            m
            for m in in_order
            if m.kind is EntityKind.ORGANIZATION
            and sentence_start <= m.start
            and m.end <= opened
            and not text[m.end : opened].strip()
        ),
        None,
    )
    if candidate is None:
        return None
    phrase = text[candidate.start : candidate.end]
    before = _WORDS_BEFORE.search(text, sentence_start, candidate.start)
    if before is not None and _spells(longer := before.group() + phrase, acronym):
        return candidate, longer
    return candidate, phrase


def _spells(phrase: str, acronym: str) -> bool:
    """The words of ``phrase`` (capitalized or small, "&" aside, nothing else between them)
    give ``acronym``'s letters in order: each capitalized word its initial, a small word its
    initial or none ("United Nations Interim Force in Lebanon" is UNIFIL), and in an acronym of
    three letters or more one capitalized word after the first may give none (the last one of
    ACLED, "Ezzor" of a "Deir Ezzor Military Council (DMC)"). A hyphenated acronym takes the
    letters of hyphenated words ("Multi-National Force-Iraq" is MNF-I)."""
    if "-" in acronym:
        acronym, phrase = acronym.replace("-", ""), phrase.replace("-", " ")
    letters: list[tuple[str, bool]] = []  # (initial, whether the word must give it)
    for word in phrase.split():
        if word == "&":
            continue
        small = word.lower() in _INITIAL_SKIP
        if not small and not _NAME_WORD.fullmatch(word):
            return False
        letters.append((word[0].upper(), not small))
    first = next((i for i, (_, required) in enumerate(letters) if required), None)
    # small words before the first capitalized one give nothing ("al Qaeda in Iraq")
    return first is not None and _gives(letters[first:], acronym, 0, 0, int(len(acronym) >= 3))


def _gives(letters: list[tuple[str, bool]], acronym: str, i: int, j: int, skips: int) -> bool:
    """Whether ``letters[i:]`` give ``acronym[j:]``, with ``skips`` capitalized words (never
    the first) left to give no letter."""
    if i == len(letters):
        return j == len(acronym)
    letter, required = letters[i]
    given = j < len(acronym) and letter == acronym[j]
    if given and _gives(letters, acronym, i + 1, j + 1, skips):
        return True
    if not required:
        return _gives(letters, acronym, i + 1, j, skips)
    return i > 0 and skips > 0 and _gives(letters, acronym, i + 1, j, skips - 1)


def _acronym_definitions(
    analyzed: AnalyzedDocument | Outline,
    kinds: dict[str, EntityKind],
    bare: dict[str, str],
    spelled: dict[str, tuple[Mention, str]],
) -> list[tuple[str, str, str]]:
    """(acronym key, full-name key, evidence) for each acronym one document spells out.

    An all-capitals name ("IRGC") stands for the one organization or place named in full in the
    same document whose initials it is ("Islamic Revolutionary Guard Corps"); two candidates
    veto it, unless the acronym is in brackets right after one of them (``spelled``:
    ``_spelled_out``). A person's name is never expanded from initials.
    """
    text = analyzed.document.text
    keys = {bare.get(name_key(m.name), name_key(m.name)) for m in analyzed.mentions}
    fulls = {k for k in keys if len(k.split()) >= 2 and kinds.get(k) is not EntityKind.PERSON}
    found = []
    for acronym in sorted({m.name for m in analyzed.mentions if _ACRONYM.match(m.name)}):
        short = name_key(acronym)
        matches = sorted(key for key in fulls if short.replace(" ", "") in _initials(key))
        if len(matches) != 1:
            if acronym in spelled:
                candidate, phrase = spelled[acronym]
                full = bare.get(name_key(candidate.name), name_key(candidate.name))
                if kinds.get(full) is not EntityKind.PERSON:
                    why = f"{acronym!r} = {phrase!r} (acronym in brackets after the name)"
                    found.append((short, full, f"{analyzed.document.doc_id}: {why}"))
            continue
        full = matches[0]
        names = sorted(
            {
                m.name
                for m in analyzed.mentions
                if bare.get(name_key(m.name), name_key(m.name)) == full
            }
        )
        defined = any(
            re.search(re.escape(n) + r"\s*\(\s*" + re.escape(acronym) + r"\s*\)", text)
            for n in names
        )
        how = (
            "acronym defined in parentheses"
            if defined
            else "acronym of its initials, the only such name"
        )
        found.append(
            (short, full, f"{analyzed.document.doc_id}: {acronym!r} = {names[0]!r} ({how})")
        )
    return found


def _acronym_led_forms(
    analyzed: AnalyzedDocument | Outline, kinds: dict[str, EntityKind], bare: dict[str, str]
) -> list[tuple[str, str, str]]:
    """(short key, full key, evidence) for organizations one document names in full and then
    by the acronym of their first words and the words after them, a last word left out or not:
    "IS Sahel" for "Islamic State Sahel Province", "AQ Yemen" for "Al Qaeda Yemen Branch".
    Two names of the document that fit veto it."""
    names = {
        key: m.name.split()
        for m in analyzed.mentions
        if kinds.get(key := bare.get(name_key(m.name), name_key(m.name))) is EntityKind.ORGANIZATION
    }
    found = []
    for short, words in sorted(names.items()):
        if len(words) < 2 or not _ACRONYM.match(words[0]):
            continue
        rest = content_tokens(" ".join(words[1:]).lower())
        fits = [
            full
            for full, written in names.items()
            if full != short
            and any(_acronym_led(words[0], rest, written, i) for i in range(1, len(written)))
        ]
        if len(fits) == 1:
            why = f"{short!r} is the acronym of {fits[0]!r}'s first words and the words after"
            found.append((short, fits[0], f"{analyzed.document.doc_id}: {why}"))
    return found


def _acronym_led(acronym: str, rest: list[str], written: list[str], i: int) -> bool:
    """The name ``written`` is ``acronym`` spelled by its first ``i`` words, then ``rest``
    (spelled alike), then at most one word more."""
    after = content_tokens(" ".join(written[i:]).lower())
    return (
        bool(rest)
        and 0 <= len(after) - len(rest) <= 1
        and _spells(" ".join(written[:i]), acronym)
        and all(_token_evidence(a, b) for a, b in zip(rest, after, strict=False))
    )


_ADJECTIVE_COUNTRY = {adjective.lower(): country for adjective, country in COUNTRY_OF.items()}


def _country_prefix(key: str) -> tuple[str, str] | None:
    """(country, rest of the name) when a name key starts with a country adjective or a
    country's possessive ("iranian qods force", "irans quds force": Iran, the Qods Force)."""
    first, _, rest = key.partition(" ")
    if not rest:
        return None
    country = _ADJECTIVE_COUNTRY.get(first)
    if country is None and first.endswith("s"):
        country = country_name(first[:-1])
    return (country, rest) if country else None


# Last words a short form of an organization's name leaves out ("Revolutionary Guard").
_DROPPABLE_LAST = frozenset({"corps"})
# Words before a name that make another body of it: the "Special Republican Guard" is not the
# "Republican Guard", so the shorter name is no short form of the longer.
_DISTINGUISHING = frozenset(
    {
        "special", "popular", "national", "supreme", "higher", "high", "central", "federal",
        "general", "grand", "joint", "united", "royal", "presidential", "provisional",
        "transitional", "interim", "new", "free", "elite",
    }
)  # fmt: skip


def _ends_with(long: list[str], short: list[str]) -> bool:
    """The short name's words are the long one's last words, spelled alike (a plural s and
    transliteration aside)."""
    return len(short) < len(long) and all(
        _token_evidence(a, b) for a, b in zip(short, long[-len(short) :], strict=True)
    )


def _organization_short_forms(
    analyzed: AnalyzedDocument | Outline,
    kinds: dict[str, EntityKind],
    bare: dict[str, str],
    corpus: dict[tuple[str, str], list[str]],
    rendered: Collection[str] = (),
) -> list[tuple[str, str, str]]:
    """(short key, full key, evidence) for organizations one document names in full and then
    by their last words: "Security Council" after "U.N. Security Council", "Revolutionary
    Guard" or "Iran's Revolutionary Guard" after "Islamic Revolutionary Guard Corps". Like an
    acronym, the short form joins the full name everywhere unless another document gives it
    another; two full names that fit in one document veto it ("National Council" with two
    national councils), and so does a country other than the full name's. A short form of two
    words or more that fits no full name of its document joins the one organization of the
    corpus (``corpus``: ``_by_last_words``) that it fits, as a lone surname joins the one person
    named in full. A name of two words or more tagged an organization is also the short form
    of the name it is without that name's generic head noun ("Popular Mobilization" for the
    "Popular Mobilization Forces"; ``_without_head``), in its document or else the one such in
    the corpus. A one-word name is the short form of a name of its document that adds only
    head nouns to it ("Badr" for "Badr Organization", "Mahdi" for "Mahdi Army"), whatever the
    tagger called it, or that it opens in Arabic (``_first_word_of``), or whose head noun it is
    when the document writes it after "the" each time ("the Observatory" for the "Syrian
    Observatory for Human Rights": ``_after_the``, ``_head_nouns``; two such names veto it),
    unless the document puts it as a place ("in Odra" beside the "Odra Council": ``_placed``);
    one tagged a body also stands for the English name it ends ("Framework" for the
    "Coordination Framework": ``_last_word_of``).
    A name that renders an Arabic one of the corpus (``rendered``: "Hezbollah Brigades" for
    "Kataib Hezbollah", ``_translations``) has no such one-word form: its first word is what
    the body is named after ("Hezbollah"), as the Arabic name's last word is."""
    keys = {bare.get(name_key(m.name), name_key(m.name)) for m in analyzed.mentions}
    placed = _placed(analyzed)
    after_the = _after_the(analyzed)
    titled = {bare.get(name_key(m.name), name_key(m.name)) for m in analyzed.mentions if m.titles}
    orgs = [k for k in keys if kinds.get(k) is EntityKind.ORGANIZATION]
    found = []
    for short in sorted(keys):
        prefix = _country_prefix(short)
        words = _core(short)
        if not words or (kinds.get(short) is EntityKind.PERSON and len(words) > 1):
            continue
        if len(words) == 1 and short in placed:
            continue
        fulls = [o for o in orgs if len(words) > 1 or o not in rendered]
        fits = _fitting(short, words, prefix, fulls, kinds, short in after_the, short in titled)
        where = "of its document"
        if not fits and len(words) >= 2:
            fits = _fitting(short, words, prefix, corpus.get(_last_two(words), ()), kinds)
            where = "of any document, the only one it fits"
        if len(fits) == 1:
            part = "first word" if len(words) == 1 else "last words"
            if len(words) == 1 and words[0] in _head_nouns(content_tokens(fits[0])):
                part = "head noun"
            elif len(words) == 1 and _arabic_last_word(fits[0], words[0]):
                part = "last word, after an article,"
            elif len(words) == 1 and _last_word_of(fits[0], words[0]):
                part = "last word"
            elif _without_head(content_tokens(fits[0]), words):
                part = "name without the head noun"
            why = f"{analyzed.document.doc_id}: {short!r} is the {part} of {fits[0]!r} {where}"
            found.append((short, fits[0], why))
    return found


def _one_word_bodies(short_forms: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(key, key of the other name, evidence) for the names that one word alone shortens in
    different documents when each is that word and head nouns only ("Badr" for the "Badr
    Corps" in one and for the "Badr Organization" in another): the word is the body's name,
    the head nouns what each writer called it, so the names are one body's. Two bodies that
    share a word otherwise ("Mahdi Army", "Imam Mahdi Scouts") stay apart."""
    by_word: dict[str, set[str]] = defaultdict(set)
    for short, full, _ in short_forms:
        tokens = content_tokens(full)
        if (
            [short] == content_tokens(short)
            and len(full.split()) == len(tokens) >= 2
            and tokens[0] == short
            and ORG_HEADS.issuperset(tokens[1:])
        ):
            by_word[short].add(full)
    return [
        (
            full,
            first,
            f"{full!r} and {first!r} are {word!r} and a head noun, and {word!r} "
            "alone stands for each",
        )
        for word, fulls in sorted(by_word.items())
        if len(fulls) > 1
        for first in [min(fulls)]
        for full in sorted(fulls - {first})
    ]


def _kunyas_with_nisba(
    aliases: Iterable[tuple[str, str, str]], kinds: dict[str, EntityKind]
) -> list[tuple[str, str, str]]:
    """(key, person key, evidence) for a kunya with a family name after it ("Abu Hussein
    al-Hamidawi") and the one person named in full with that family name whom a sentence
    gives that kunya alone ("Ahmed Mohsen al-Hamidawi, who goes by Abu Hussein"), in whatever
    document: the kunya and the family name are both that person's. Two such people, or a
    family name that is not the person's, veto it ("Abu Hussein al-Khafaji" is someone else)."""
    bearers: dict[str, set[str]] = defaultdict(set)  # skeleton of a kunya -> its bearers
    for pair in aliases:
        for kunya, full in (pair[:2], pair[1::-1]):
            if (
                is_kunya(kunya)
                and len(kunya.split()) == 2
                and kinds.get(full) is EntityKind.PERSON
                and not is_kunya(full)
                and len(_name_words(full)) >= 2
            ):
                bearers[_skeleton(kunya)].add(full)
    found = []
    for key, kind in sorted(kinds.items()):
        words = key.split()
        if kind is EntityKind.ORGANIZATION or len(words) < 3 or not is_kunya(key):
            continue
        kunya, family = " ".join(words[:2]), _name_words(key)[-1]
        fits = [
            full
            for full in bearers.get(_skeleton(kunya), ())
            if _token_evidence(_name_words(full)[-1], family)
        ]
        if len(fits) == 1:
            why = f"{key!r} is the kunya {kunya!r} that {fits[0]!r} goes by, and his family name"
            found.append((key, fits[0], why))
    return found


def _placed(analyzed: AnalyzedDocument | Outline) -> set[str]:
    """Keys of the one-word names the document puts after a place word ("in Odra")."""
    text = analyzed.document.text
    return {
        name_key(m.name)
        for m in analyzed.mentions
        if " " not in m.name.strip() and PLACE_BEFORE.search(text, max(0, m.start - 30), m.start)
    }


def _after_the(analyzed: AnalyzedDocument | Outline) -> set[str]:
    """Keys of the one-word names the document writes after "the" each time ("the
    Observatory"): a body named again by its head noun, never a person or a place there."""
    text = analyzed.document.text
    lone: dict[str, bool] = {}
    for m in analyzed.mentions:
        if " " not in m.name.strip():
            key = name_key(m.name)
            after = bool(THE_BEFORE.search(text, max(0, m.start - 5), m.start))
            lone[key] = lone.get(key, True) and after
    return {key for key, after in lone.items() if after}


# Nouns an organization's name is about ("Syrian Observatory for Human Rights"), which the
# text may use alone for it after "the": the organizations' head nouns and institutions'.
_HEAD_NOUNS = ORG_HEADS | {
    "administration", "assembly", "association", "board", "center", "centre", "court",
    "directorate", "federation", "government", "mission", "observatory", "office",
    "parliament", "secretariat", "society", "tribunal", "union",
}  # fmt: skip
_OF = frozenset({"of", "for", "in", "on"})


def _head_nouns(tokens: list[str]) -> tuple[str, ...]:
    """The head noun of an organization's name: in English the word before its first "of",
    "for", "in" or "on" ("observatory" of the "Syrian Observatory for Human Rights"), else its
    last word, when it is one of ``_HEAD_NOUNS``; in Arabic, which puts the head first, the
    English words for its first word ("movement" of "Harakat al-Nujaba",
    ``names.arabic_head``), never its last word ("Hezbollah" of "Kataib Hezbollah")."""
    if len(tokens) < 2:
        return ()
    arabic = names.arabic_head(tokens)
    if arabic is not None:
        return arabic[0]
    cut = next((i for i, word in enumerate(tokens) if i and word in _OF), len(tokens))
    return (tokens[cut - 1],) if tokens[cut - 1] in _HEAD_NOUNS else ()


def _by_last_words(organizations: Iterable[str]) -> dict[tuple[str, str], list[str]]:
    """Organization keys by the blocks of their last two words (and of the two before a
    droppable last word or a head noun), so a short form of two words or more is compared
    only with the names it can end or open ("Popular Mobilization" without "Forces")."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(organizations):
        tokens = content_tokens(key)
        ends = [tokens] if len(tokens) >= 3 else []
        if len(tokens) >= 3 and tokens[-1] in _DROPPABLE_LAST:
            ends.append(tokens[:-1])
        if len(tokens) >= 3 and tokens[-1] in ORG_HEADS:  # the name without its head noun
            ends.append(tokens[:-1])
        # a short form has two words at least and fewer than the name
        for block in sorted({_last_two(words) for words in ends if len(words) >= 2}):
            index[block].append(key)
    return index


def _last_two(words: list[str]) -> tuple[str, str]:
    return _block_token(words[-2]), _block_token(words[-1])


def _fitting(
    short: str,
    words: list[str],
    prefix: tuple[str, str] | None,
    fulls: Iterable[str],
    kinds: dict[str, EntityKind],
    after_the: bool = False,
    titled: bool = False,
) -> list[str]:
    """The organization names among ``fulls`` that the short form's ``words`` shorten; a
    one-word name the text writes after "the" (``after_the``) also shortens the names whose
    head noun it is ("the Observatory"); one the text writes with a title (``titled``) only
    the Arabic names it opens."""
    fits = []
    for full in fulls:
        tokens = content_tokens(full)
        if not tokens or full == short:  # a name of particles only ("AS", "An")
            continue
        full_prefix = _country_prefix(full)
        if prefix and full_prefix and full_prefix[0] != prefix[0]:
            continue  # "Syrian Foreign Ministry" is no short form of the Iranian one
        if len(words) == 1:  # "Badr" for "Badr Organization", whatever its tag
            if (
                _first_word_of(full, tokens, words[0], titled)
                or (after_the and words[0] in _head_nouns(tokens))
                or (kinds.get(short) is not EntityKind.PLACE and _arabic_last_word(full, words[0]))
                or (kinds.get(short) is EntityKind.ORGANIZATION and _last_word_of(full, words[0]))
            ):
                fits.append(full)
        elif kinds.get(short) is EntityKind.ORGANIZATION and (
            (
                _shortens(tokens, words)
                and not _DISTINGUISHING.intersection(tokens[: len(tokens) - len(words)])
            )
            or _without_head(tokens, words)
        ):
            fits.append(full)
    # names that are themselves short forms of another fitting name are that name
    # ("Revolutionary Guards" beside "Islamic Revolutionary Guard Corps")
    return [
        full
        for full in fits
        if not any(
            other != full and _shortens(content_tokens(other), _core(full)) for other in fits
        )
    ]


def _first_word_of(full: str, tokens: list[str], word: str, titled: bool) -> bool:
    """A lone word stands for a name of its document that it opens when the rest are head
    nouns ("Badr" for "Badr Organization", "Wagner" for the "Wagner Group" even tagged a
    person), unless a title makes it a person's ("Mr. Badr"), or when the name is Arabic, an
    article after its first word ("Asaib" for "Asaib Ahl al-Haq", even tagged a person: a
    lone word that is no one's surname). A country or its adjective never does ("Lebanese" is
    no short form of the "Lebanese Forces")."""
    if len(tokens) < 2 or tokens[0] != word or word in _ADJECTIVE_COUNTRY or country_name(word):
        return False
    arabic = len(full.split()) > len(tokens)
    return arabic or (not titled and set(tokens[1:]) <= ORG_HEADS)


def _last_word_of(full: str, word: str) -> bool:
    """An English name of a body ends in ``word``, a word of its own rather than a generic head
    noun ("Framework" of the "Coordination Framework", "Brotherhood" of the "Muslim
    Brotherhood"): news calls the body by that word alone, with or without "the" (a generic
    head, "the Council", needs "the" each time: ``_after_the``). Never the last word of an
    Arabic name, which is what the body is named after ("Hezbollah" of "Kataib Hezbollah"), nor
    a country's ("Islamic Resistance in Iraq")."""
    tokens = content_tokens(full)
    return (
        len(tokens) >= 2
        and tokens[-1] == word
        and len(full.split()) == len(tokens)
        and word not in _HEAD_NOUNS
        and names.arabic_head(tokens) is None
        and country_name(word) is None
        and word not in _ADJECTIVE_COUNTRY
    )


def _arabic_last_word(full: str, word: str) -> bool:
    """An Arabic group name ends in ``word`` after an article ("Nusra" of "Jabhat al-Nusra",
    "Nujaba" of "Harakat Hezbollah al-Nujaba"): English news shortens it to that word, whatever
    the tagger called it (a word the text puts as a place is kept out by the caller)."""
    written = full.split()
    return (
        len(written) >= 3
        and written[-1] == word
        and written[-2] in ("al", "el")
        and names.arabic_head(content_tokens(full)) is not None
    )


def _without_head(tokens: list[str], words: list[str]) -> bool:
    """``words`` (two at least) are the name ``tokens`` without its last word, a generic head
    noun: "Popular Mobilization" for "Popular Mobilization Forces"."""
    return (
        len(words) >= 2
        and len(tokens) == len(words) + 1
        and tokens[-1] in ORG_HEADS
        and all(_token_evidence(a, b) for a, b in zip(words, tokens, strict=False))
    )


def _core(key: str) -> list[str]:
    """A name's content words without a country adjective or possessive before them, when
    two words or more remain ("Iran's Revolutionary Guard": revolutionary guard)."""
    prefix = _country_prefix(key)
    if prefix and len(content_tokens(prefix[1])) >= 2:
        return content_tokens(prefix[1])
    return content_tokens(key)


def _shortens(tokens: list[str], words: list[str]) -> bool:
    """``words`` are the last words of the name ``tokens``, or of it without a droppable last
    word ("Revolutionary Guard" of "Islamic Revolutionary Guard Corps")."""
    return _ends_with(tokens, words) or (
        tokens[-1] in _DROPPABLE_LAST and _ends_with(tokens[:-1], words)
    )


def _translations(kinds: dict[str, EntityKind]) -> list[tuple[str, str, str]]:
    """(Arabic key, English key, evidence) for each organization named by an Arabic group word
    and the rest of its name ("jaish al mahdi") and each organization named by that rest and
    an English rendering of the word, head last ("mahdi army"; ``names.arabic_head``). The rest
    must be spelled alike word for word; another head ("Mahdi Brigade") or another country
    before either name ("Syrian", "Iraqi") vetoes it, and ``_merge_keys`` joins only an Arabic
    name that fits one English name."""
    orgs = sorted(k for k, kind in kinds.items() if kind is EntityKind.ORGANIZATION)
    by_head: dict[str, list[str]] = defaultdict(list)
    for key in orgs:
        words = _core(key)
        if len(words) >= 2 and names.arabic_head(words) is None:
            by_head[_block_token(words[-1])].append(key)
    found = []
    for key in orgs:
        words = _core(key)
        arabic = names.arabic_head(words)
        if arabic is None:
            continue
        heads, rest = arabic
        for head in heads:
            for english in by_head.get(_block_token(head), ()):
                other = _core(english)
                prefixes = {p[0] for p in map(_country_prefix, (key, english)) if p}
                if (
                    len(prefixes) < 2
                    and len(other) == len(rest) + 1
                    and _token_evidence(head, other[-1])
                    and all(_token_evidence(a, b) for a, b in zip(rest, other, strict=False))
                ):
                    why = f"{words[0]} is {head!r}, written before the name in Arabic"
                    found.append((key, english, f"{key!r} is {english!r} translated: {why}"))
    return found


def _stated_aliases(
    doc_id: str,
    stated: Sequence[tuple[Mention, Mention, str]],
    pairs: Sequence[tuple[Mention, str]],
) -> list[tuple[str, str, str]]:
    """(key, key of the other name, evidence) for each two names of different keys that a
    sentence of the document gives as one entity's (``stated``: ``pipeline.aliases``)."""
    key_of = {(m.start, m.end): key for m, key in pairs}
    found = []
    for a, b, how in stated:
        first, second = key_of.get((a.start, a.end)), key_of.get((b.start, b.end))
        if first and second and first != second:
            why = f"{doc_id}: {a.name!r} and {b.name!r} are one ({how})"
            found.append((second, first, why))
    return found


def _without_country_adjective(kinds: dict[str, EntityKind]) -> dict[str, str]:
    """Keys that are another key of the same kind with a country adjective or possessive before
    it ("iranian qods force", "irans quds force" -> "qods force", the rest spelled alike): the
    NLP stage keeps the adjective in descriptive names, and the same body named without it
    must stay one entity."""
    spelled: dict[tuple[EntityKind, str], list[str]] = defaultdict(list)
    for key, kind in kinds.items():
        spelled[kind, _skeleton(key)].append(key)
    found = {}
    for key, kind in kinds.items():
        prefix = _country_prefix(key)
        if not prefix or kind is EntityKind.PERSON:
            continue
        if kinds.get(prefix[1]) is kind:
            found[key] = prefix[1]
        elif len(same := spelled.get((kind, _skeleton(prefix[1])), [])) == 1:
            found[key] = same[0]  # "irans quds force" -> "qods force"
    return found


def _person_spellings(
    kinds: dict[str, EntityKind], clusters: dict[str, list[Mention]]
) -> list[tuple[str, str, str]]:
    """(key, person key, evidence) for names of two words or more tagged an organization or a
    place that are a spelling of one person's full name mentioned more often ("Musa Ali
    Daqduq" tagged an organization once, "Ali Mussa Daqduq" a person throughout): a tagging
    slip. A name mentioned as often as the person, or a spelling of two people, keeps its kind
    ("Kadir Mansuri" twice a bank, "Qadir Mansoori" once a person)."""
    people: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for key, kind in kinds.items():
        words = _name_words(key)
        if kind is EntityKind.PERSON and len(words) >= 2:
            for block in _blocks(EntityKind.PERSON, words):
                people[block].append(key)
    found = []
    for key, kind in sorted(kinds.items()):
        words = _name_words(key)
        if kind is EntityKind.PERSON or len(words) < 2:
            continue
        candidates = {p for b in _blocks(EntityKind.PERSON, words) for p in people.get(b, ())}
        fits = {p: why for p in candidates if (why := _variant_evidence(key, p))}
        if len(fits) == 1:
            ((person, why),) = fits.items()
            if len(clusters[person]) > len(clusters[key]):
                found.append((key, person, why))
    return found


def _skeleton(key: str) -> str:
    return " ".join(variant_token(t) for t in content_tokens(key))


@lru_cache(maxsize=1 << 16)
def _block_token(token: str) -> str:
    """What two tokens that ``_token_evidence`` calls one word always share: the consonant
    skeleton without final s (equal skeletons, skeletons equal but for a plural s, and the
    fuzzy match all keep it)."""
    return consonants(variant_token(token)).rstrip("s")


def _blocks(kind: EntityKind, words: list[str]) -> tuple[tuple[object, ...], ...]:
    """Keys two name keys share whenever ``_variant_evidence`` finds them one name: names of
    one length or shortened alike in first and last word, reordered names in their last word
    and their bag of words, names written apart or joined ("Nasr Allah") in their joined
    skeleton. Comparing only keys that share a block keeps resolution near linear in the
    number of names, where comparing all pairs was quadratic."""
    tokens = [_block_token(w) for w in words]
    return (
        (kind, tokens[0], tokens[-1]),
        (kind, tokens[-1], tuple(sorted(tokens))),
        (kind, _joined(words)),
    )


def _merge_keys(
    counts: Counter[str],
    kinds: dict[str, EntityKind],
    acronyms: list[tuple[str, str, str]],
    translations: Sequence[tuple[str, str, str]] = (),
    aliases: Sequence[tuple[str, str, str]] = (),
) -> tuple[dict[str, str], set[str], list[str]]:
    """Map each name key to the key of its cluster, and say why each merge happened; the keys
    that joined as acronyms or short forms come second.

    Transliteration variants join greedily, most mentioned key first (ties by key), and a key
    joins a cluster only if it is a variant of every member there, of the same kind, and of
    no other cluster: the outcome does not depend on document order. Acronyms and short forms
    ("IRGC", "Security Council") then join the full name their documents spell out, unless two
    documents spell out different names; an Arabic name joins the one English name of the
    corpus it translates (``_translations``), and a name joins the one other name a sentence
    gives it (``_stated_aliases``), both staying full names. A
    cluster is named by its lexicographically smallest full-name key, so its IRI is stable.
    """
    merges: list[str] = []
    clusters: list[list[str]] = []
    founders: list[tuple[tuple[EntityKind, str], tuple[EntityKind, str]] | None] = []
    blocked: dict[tuple[object, ...], set[int]] = defaultdict(set)
    for key in sorted(counts, key=lambda k: (-counts[k], k)):
        words = _name_words(key)
        if not words:
            clusters.append([key])
            founders.append(None)
            continue
        # candidates share the first word's or the last word's initial with the key that
        # founded their cluster (reordered names), and a block with one of their members
        kind = kinds[key]
        first = (kind, variant_token(words[0])[:1])
        last = (kind, "$" + variant_token(words[-1])[:1])
        blocks = _blocks(kind, words)
        fitting = []
        for index in sorted(set().union(*(blocked.get(b, ()) for b in blocks))):
            founder = founders[index]
            if founder is None or (founder[0] != first and founder[1] != last):
                continue
            evidence = [_variant_evidence(key, member) for member in clusters[index]]
            if all(evidence):
                fitting.append((index, evidence[0]))
        if len(fitting) == 1:
            index, why = fitting[0]
            merges.append(f"{key!r} is a spelling of {clusters[index][0]!r}: {why}")
        else:
            if len(fitting) > 1:
                merges.append(
                    f"{key!r} kept apart: it is a spelling of {len(fitting)} different names"
                )
            index = len(clusters)
            founders.append((first, last))
            clusters.append([])
        clusters[index].append(key)
        for block in blocks:
            blocked[block].add(index)

    cluster_of = {key: i for i, members in enumerate(clusters) for key in members}
    joined: set[str] = set()  # keys of short forms, never a cluster's name or label
    for pairs, apart, short_forms in (
        (aliases, "sentences give it as another name of different names", False),
        (translations, "it translates different names", False),
        (acronyms, "documents spell it out as different names", True),
    ):
        for short, target, whys in _targets(pairs, cluster_of):
            if target is None:
                merges.append(f"{short!r} kept apart: {apart}")
                continue
            source = cluster_of[short]
            if source == target:
                continue
            moved = clusters[source]
            clusters[target].extend(moved)
            for key in moved:
                cluster_of[key] = target
            if short_forms:
                joined.update(moved)
            clusters[source] = []
            merges.append(f"{short!r} joins {clusters[target][0]!r}: " + "; ".join(whys))

    representative: dict[str, str] = {}
    for members in clusters:
        if not members:
            continue
        full = [k for k in members if k not in joined] or members
        name = min(full)
        for key in members:
            representative[key] = name
    return representative, joined, merges


def _targets(
    pairs: Iterable[tuple[str, str, str]], cluster_of: dict[str, int]
) -> Iterable[tuple[str, int | None, list[str]]]:
    """(name key, the one cluster its pairs point to or None when several, evidence) for each
    key that ``pairs`` (key, full key, evidence) join to another name. Clusters are looked up
    as each key comes, so the joins made before it in the same pass count."""
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for short, full, why in pairs:
        if short in cluster_of and full in cluster_of:
            by_key[short].append((full, why))
    for short in sorted(by_key):
        targets: dict[int, set[str]] = defaultdict(set)
        for full, why in by_key[short]:
            targets[cluster_of[full]].add(why)
        if len(targets) != 1:
            yield short, None, []
            continue
        ((target, whys),) = targets.items()
        yield short, target, sorted(whys)


def _canonical(forms: Counter[str]) -> str:
    """Most frequent form; ties go to the longer, then the alphabetically first."""
    return min(forms, key=lambda f: (-forms[f], -len(f), f))


def resolve(documents: Iterable[AnalyzedDocument | Outline]) -> Resolution:
    """Group every mention of every document into entities with stable keys."""
    analyzed_docs = [_whole_names(analyzed) for analyzed in documents]
    clusters: dict[str, list[Mention]] = defaultdict(list)
    votes: dict[str, Counter[EntityKind]] = defaultdict(Counter)  # the kind each mention says
    full_forms: dict[str, Counter[str]] = defaultdict(Counter)  # names whose own key this is
    assigned: dict[str, list[tuple[Mention, str]]] = {}
    stated: dict[str, list[tuple[Mention, Mention, str]]] = {}  # names one sentence makes one
    merges: list[str] = []
    # a surname alone in a document that names no one in full ("President Velasco", or with
    # its particle "al-Sadr" whatever its tag): the one person of the corpus named in full
    # with that surname, else nobody
    surnames = _short_form_targets(
        [m for analyzed in analyzed_docs for m in analyzed.mentions], given_names=False
    )
    for analyzed in analyzed_docs:
        targets = _short_form_targets(analyzed.mentions)
        bodies = _bodies_named_by(analyzed.mentions)
        # one-word names after "the" each time that are no surname of a person named in full
        after_the = {
            key
            for key in _after_the(analyzed)
            if not any(
                variant_token(w) in targets or variant_token(w) in surnames
                for w in _content_words(key)
            )
        }
        kin = _Kinship(analyzed)
        common = _common_noun_acronyms(analyzed.document.text)
        first_seen: dict[str, int] = {}
        for mention in analyzed.mentions:
            first_seen.setdefault(name_key(mention.name), mention.start)
        pairs: list[tuple[Mention, str]] = []
        stated[analyzed.document.doc_id] = stated_aliases(analyzed.document.text, analyzed.mentions)
        aliased = {(m.start, m.end) for pair in stated[analyzed.document.doc_id] for m in pair[:2]}
        as_person: set[tuple[int, int]] = set()  # short forms of a person tagged otherwise
        for mention in analyzed.mentions:
            key = name_key(mention.name)
            if not key:
                continue
            if key in common:
                merges.append(
                    f"{analyzed.document.doc_id}: {mention.name!r} left out: its document "
                    "spells it out in lower case, a thing's abbreviation, not a name"
                )
                continue
            kind = _kind_by_shape(mention, key in after_the, analyzed.document.text)
            country = None if kind is EntityKind.PERSON else country_name(mention.name)
            if country is not None:  # "U.S.", "US" and "United States": one place, one key
                key, kind = name_key(country), EntityKind.PLACE
            form = mention.name
            short = _content_words(key)
            skeleton = variant_token(short[0]) if len(short) == 1 and not country else None
            if kind is EntityKind.ORGANIZATION and (mention.start, mention.end) in aliased:
                skeleton = None  # "Ansar Allah, as the Houthi movement calls itself": a body's
            groups = targets.get(skeleton, ()) if skeleton else ()
            if groups and skeleton:
                kept = _namesakes(
                    groups, skeleton, any(map(shaped_as_body, bodies[key])), mention, kin
                )
                if not kept and kin.after(mention):
                    merges.append(
                        f"{analyzed.document.doc_id}: {mention.name!r} left unresolved: a "
                        "relative's given name, no namesake's"
                    )
                    continue
                groups = kept
            target, where = None, "the only person named in full that it fits"
            if len(groups) == 1:
                target = groups[0][0]
            elif groups and (kind is not EntityKind.ORGANIZATION or not bodies[key]):
                target = _preceding_person(groups, first_seen, mention)
                where = "the only person named in full before it that it fits"
                if target is None:  # a split is worse than a name left unpublished
                    merges.append(
                        f"{analyzed.document.doc_id}: {mention.name!r} left unresolved: it "
                        f"fits {len(groups)} people of its document and none alone before it"
                    )
                    continue
            elif not groups and skeleton and (kind is EntityKind.PERSON or len(key.split()) > 1):
                # a surname alone, or with its particle ("al-Sadr") whatever its tag
                target = _only(surnames.get(skeleton, ()))
                where = "the only person of any document named in full with that surname"
            full_forms[key][form] += 1
            if target is not None and target != key:
                merges.append(
                    f"{analyzed.document.doc_id}: {mention.name!r} is a short form of "
                    f"{target!r}, {where}"
                )
                key, kind = target, EntityKind.PERSON
                if mention.kind is not kind:
                    as_person.add((mention.start, mention.end))
            clusters[key].append(mention)
            votes[key][kind] += TITLE_VOTES if mention.titles else 1
            pairs.append((mention, key))
        assigned[analyzed.document.doc_id] = pairs
        if as_person:  # "Hadid, whose real name is ...": the surname tagged a place is a person's
            stated[analyzed.document.doc_id] = stated_aliases(
                analyzed.document.text,
                [
                    replace(m, kind=EntityKind.PERSON) if (m.start, m.end) in as_person else m
                    for m in analyzed.mentions
                ],
            )

    kinds = {key: _majority(votes[key]) for key in clusters}
    bare = _without_country_adjective(kinds)
    for key, rest in bare.items():
        clusters[rest].extend(clusters.pop(key))
        votes[rest].update(votes.pop(key))
        full_forms[rest].update(full_forms.pop(key))
        del kinds[key]
        merges.append(f"{key!r} is {rest!r} with a country adjective or possessive before it")
    for doc_id, pairs in assigned.items():
        assigned[doc_id] = [(m, bare.get(key, key)) for m, key in pairs]
    for key, person, why in _person_spellings(kinds, clusters):
        kinds[key] = EntityKind.PERSON
        votes[key] = Counter({EntityKind.PERSON: votes[key].total()})
        merges.append(f"{key!r} was tagged otherwise but is a spelling of {person!r}: {why}")
    spelled = {analyzed.document.doc_id: _spelled_out(analyzed) for analyzed in analyzed_docs}
    for found in spelled.values():
        for candidate, phrase in found.values():
            key = name_key(candidate.name)
            if name_key(phrase) != key and bare.get(key, key) in clusters:
                full_forms[bare.get(key, key)][phrase] += 1  # the name the tagger cut short
    corpus_orgs = _by_last_words(k for k, kind in kinds.items() if kind is EntityKind.ORGANIZATION)
    rendered = {english for _, english, _ in _translations(kinds)}
    acronyms = [
        found
        for analyzed in analyzed_docs
        for found in (
            *_acronym_definitions(analyzed, kinds, bare, spelled[analyzed.document.doc_id]),
            *_organization_short_forms(analyzed, kinds, bare, corpus_orgs, rendered),
            *_acronym_led_forms(analyzed, kinds, bare),
        )
    ]
    for short, full, _ in acronyms:  # a short form is what its full name is
        if short in votes and full in kinds:
            if kinds[full] is EntityKind.PLACE and _head_nouns(content_tokens(full)):
                # "Deir Ezzor Military Council (DMC)" tagged a place: a council is a body
                kinds[full] = EntityKind.ORGANIZATION
                votes[full] = Counter({EntityKind.ORGANIZATION: votes[full].total()})
            votes[short] = Counter({kinds[full]: votes[short].total()})
    aliases = [
        found
        for doc_id, pairs in assigned.items()
        for found in _stated_aliases(doc_id, stated[doc_id], pairs)
    ] + _one_word_bodies(acronyms)
    aliases += _kunyas_with_nisba(aliases, kinds)
    for pair in aliases:  # "the X Force, known as Y": Y is the body's, whatever its tag
        kinds_of = {kinds.get(key) for key in pair[:2]}
        if kinds_of == {EntityKind.ORGANIZATION, EntityKind.PERSON}:
            # but a kunya ("Fadi Rahal, known as Abu Rami") is a person's byname
            kind = EntityKind.PERSON if any(map(is_kunya, pair[:2])) else EntityKind.ORGANIZATION
            for key in pair[:2]:
                votes[key] = Counter({kind: votes[key].total()})
    representative, short_forms, why = _merge_keys(
        Counter({key: len(ms) for key, ms in clusters.items()}),
        kinds,
        acronyms,
        _translations(kinds),
        aliases,
    )
    merges.extend(why)
    merged: dict[str, list[Mention]] = defaultdict(list)
    merged_votes: dict[str, Counter[EntityKind]] = defaultdict(Counter)
    merged_forms: dict[str, Counter[str]] = defaultdict(Counter)
    short_forms |= {short for short, _, _ in acronyms}
    for key, mentions in clusters.items():
        rep = representative[key]
        merged[rep].extend(mentions)
        merged_votes[rep].update(votes[key])
        if key not in short_forms or rep == key:
            merged_forms[rep].update(full_forms.get(key, Counter()))

    entities: dict[str, Entity] = {}
    slug_of: dict[str, str] = {}
    for key in sorted(merged):
        mentions = merged[key]
        kind = _majority(merged_votes[key])
        names = merged_forms[key]
        label = _canonical(names or Counter(m.name for m in mentions))
        if kind is EntityKind.PLACE:
            label = country_name(label) or label
        entity_slug = f"{kind.value}/{slug(key)}"
        while entity_slug in entities:  # two keys that slug alike: deterministic suffix
            entity_slug += "-x"
        aliases = {m.name for m in mentions} | {m.text for m in mentions if m.titles}
        entities[entity_slug] = Entity(
            key=entity_slug,
            kind=kind,
            label=label,
            alt_labels=aliases - {label},
            # only a person has honorifics (SHACL): a title on another kind is a tagging slip
            honorifics={t for m in mentions for t in m.titles}
            if kind is EntityKind.PERSON
            else set(),
        )
        slug_of[key] = entity_slug

    resolved = {
        doc_id: tuple(
            ResolvedMention(
                m, slug_of[representative[key]], entities[slug_of[representative[key]]].kind
            )
            for m, key in pairs
        )
        for doc_id, pairs in assigned.items()
    }
    return Resolution(entities=entities, mentions=resolved, merges=tuple(merges))


# A body's head noun hyphenated to the area it covers: "Multi-National Force-Iraq", "United
# States Forces-Iraq", "Task Force-South".
_HEAD_FOR_AREA = re.compile(r"\b([A-Za-z]+)-[A-Z]")


def _kind_by_shape(mention: Mention, after_the: bool, text: str) -> EntityKind:
    """The kind a name's shape says where the tagger's says otherwise: a kunya alone ("Abu
    Zaid") tagged a body is a person's byname (one tagged a place may be a town's, "Abu
    Ghraib"; one with a nisba a brigade's named after a saint, "Abu Fadl al-Abbas"), but a town's
    after a place word ("arrested in Abu Ghraib" tagged a body, "near Abu Ghraib" a person:
    ``_kunya_placed``); a one-word
    name tagged a person that its document writes after "the" each time ("the Hashd's
    command") is a body's, as no person's name takes "the" (the caller leaves out a person's
    surname: "the Sadr movement"); a name tagged a place with a body's head noun hyphenated
    to an area ("Multi-National Force-Iraq") is the body that covers it."""
    kind = mention.kind
    if kind is not EntityKind.PLACE and is_kunya(mention.name) and len(mention.name.split()) == 2:
        if _kunya_placed(mention, text):
            return EntityKind.PLACE
        if kind is EntityKind.ORGANIZATION:
            return EntityKind.PERSON
    if kind is EntityKind.PERSON and after_the:
        return EntityKind.ORGANIZATION
    if kind is EntityKind.PLACE and any(
        word.lower() in ORG_HEADS for word in _HEAD_FOR_AREA.findall(mention.name)
    ):
        return EntityKind.ORGANIZATION
    return kind


def _kunya_placed(mention: Mention, text: str) -> bool:
    """A kunya-shaped name is a town's ("Abu Ghraib", "Abu Kamal") after a place word: "in"
    when the tagger called it a body (a person is seldom "in" anyone), the stronger words
    ("near", "west of") whatever it called it; never before a possessive ("in Abu Ali's
    house")."""
    if _POSSESSIVE_AFTER.match(text, mention.end):
        return False
    before = PLACE_BEFORE if mention.kind is EntityKind.ORGANIZATION else STRONG_PLACE_BEFORE
    return bool(before.search(text, max(0, mention.start - 30), mention.start))


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


# A title before a name ("Mr. Santos", "President Tandja") is said only of a person: such a
# mention outweighs this many untitled mentions the tagger called an organization or place.
TITLE_VOTES = 5


def _majority(votes: Counter[EntityKind]) -> EntityKind:
    """The kind most mentions say; ties go to the earlier kind (person, organization, place)."""
    return min(votes, key=lambda k: (-votes[k], list(EntityKind).index(k)))
