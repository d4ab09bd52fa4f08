"""Relations one sentence asserts between two of its mentions, from surface patterns.

The bundled NER model has no parser or tagger, so each rule reads the plain text between two
mentions of one sentence (and a little text around them) with a regular expression that must
match that stretch whole, and constrains the kinds of both mentions. A rule fires only when no
other mention lies between the two, and every relation is checked against the ontology's
rdfs:domain / rdfs:range (``SIGNATURES``, tested against ``ontology/ldpub.ttl``). Precision comes
first: a wrong statement is worse than a missing one, so hedged wording ("a suspected member")
and lists ("Basra, Najaf and Karbala") assert nothing.

The word lists (roles, kinship terms, modifiers) are general English, not taken from any article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from pipeline import lexicon
from pipeline.demonyms import COUNTRY_OF
from pipeline.records import AnalyzedDocument, EntityKind, Mention, Relation, Sentence
from pipeline.roles import ROLES

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE
ANY = frozenset(EntityKind)
_ORG_OR_PLACE = frozenset({ORG, PLACE})
_PERSON_OR_ORG = frozenset({PERSON, ORG})

SIGNATURES: dict[str, tuple[frozenset[EntityKind], frozenset[EntityKind]]] = {
    "memberOf": (ANY, frozenset({ORG})),
    "leaderOf": (frozenset({PERSON}), _ORG_OR_PLACE),
    "partOf": (frozenset({ORG}), _ORG_OR_PLACE),
    "affiliatedWith": (frozenset({PERSON, ORG}), _ORG_OR_PLACE),
    "supports": (ANY, ANY),
    "trainedBy": (frozenset({PERSON, ORG}), ANY),
    "commanderOf": (frozenset({PERSON}), frozenset({ORG})),
    "spokespersonFor": (frozenset({PERSON}), _ORG_OR_PLACE),
    "employedBy": (frozenset({PERSON}), _ORG_OR_PLACE),
    "foundedBy": (frozenset({ORG}), ANY),
    "relativeOf": (frozenset({PERSON}), frozenset({PERSON})),
    "rivalOf": (ANY, ANY),
    "locatedIn": (ANY, frozenset({PLACE})),
}
"""Each relation's allowed subject and object kinds: the ontology's rdfs:domain and rdfs:range."""

SYMMETRIC = frozenset({"relativeOf", "rivalOf"})

KIN: tuple[str, ...] = (
    "brother", "sister", "son", "daughter", "father", "mother", "cousin", "nephew", "niece",
    "uncle", "aunt", "wife", "husband", "widow", "widower", "grandson", "granddaughter",
    "grandfather", "grandmother", "son-in-law", "daughter-in-law", "father-in-law",
    "mother-in-law", "brother-in-law", "sister-in-law", "stepson", "stepfather", "half-brother",
    "half-sister", "relative", "spouse", "sibling", "child", "parent",
)  # fmt: skip
_SUPPORT_VERBS = (
    "backed", "supported", "funded", "financed", "armed", "sponsored", "bankrolled", "equipped",
    "supplied", "subsidized", "subsidised", "underwritten", "underwrote", "propped up",
)  # fmt: skip
# Words that may stand before a role without changing it ("a senior Hezbollah commander").
_MODIFIER_WORDS = (
    "senior", "top", "former", "longtime", "long-time", "veteran", "chief", "military",
    "political", "spiritual", "religious", "local", "regional", "high-ranking", "high-level",
    "mid-level", "key", "notorious", "then", "late", "new", "current", "overall", "de facto",
    "founding", "elected", "powerful", "influential", "prominent", "leading", "ex-", "acting",
    "interim", "self-proclaimed", "self-styled", "deputy", "vice", "assistant", "second-in-command",
    "alleged", "suspected", "purported", "reputed", "presumed", "would-be", "official", "most",
    "tribal", "battlefield", "field", "operations", "operational",
    # describing words that leave the role as it is ("a civilian mechanic", "a jailed financier")
    "civilian", "private", "freelance", "independent", "part-time", "full-time", "young",
    "retired", "jailed", "detained", "imprisoned", "slain", "wounded", "missing", "exiled",
)  # fmt: skip
# Roles whose holder serves the body after "to" ("an adviser to the council").
_SERVES = frozenset({"aide", "adviser", "advisor", "chief of staff"})
# A deputy is a member, not the leader; hedged wording asserts nothing.
_SUBORDINATE = re.compile(r"\b(?:deputy|vice|assistant|second-in-command)\b", re.I)
# roles only a state's government has ("the Polish king X" may be a nationality, "the Iraqi
# defence minister X" is Iraq's)
_STATE_OFFICE = re.compile(r"\bminister|\bspokes|\bambassador|\benvoy", re.I)
# a head of a body's fighting, not of the body: "its battlefield chief", "the military leader"
_IN_THE_FIELD = re.compile(r"\b(?:battlefield|field|military|operations|operational)\b", re.I)
_HEDGED = re.compile(r"\b(?:alleged|suspected|purported|reputed|presumed|would-be)\b", re.I)
# the highest of a body's staff: "its top military officer", "the military chief of staff" heads
# its fighting (a chief of staff without "military" may be a leader's aide)
_TOP = re.compile(r"\b(?:top|chief)\b", re.I)
_STAFF_AT_THE_TOP = frozenset({"officer", "official", "chief of staff"})


def _words(words: Iterable[str]) -> str:
    """A regex alternation, longest first, where a space or hyphen may join words."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))  # ties by text: same regex every run
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?") for w in parts)


# Trades a relation reads like a role ("a Reuters photographer", "a Badr gunman, X") that
# ``ROLES`` leaves out: the NLP stage and the classifier's features read that list as it is.
_TRADES: dict[str, str] = {
    "gunman": "memberOf",
    "gunwoman": "memberOf",
    **dict.fromkeys(
        (
            "photographer", "cameraman", "camerawoman", "journalist", "videographer",
            "stringer", "engineer", "technician", "driver", "security guard",
            "translator", "interpreter", "worker", "contractor", "doctor", "nurse",
            # other hands a firm or a ministry pays ("a civilian mechanic contracted to X")
            "mechanic", "electrician", "welder", "cook", "chef", "clerk", "accountant",
            "secretary", "cleaner", "labourer", "laborer", "pilot", "teacher", "lecturer",
            "researcher", "producer", "presenter", "columnist", "medic", "paramedic",
            "surgeon", "pharmacist", "consultant", "staff member",
        ),
        "employedBy",
    ),
    # what a militant does for his group ("a Kataib X financier", "a courier for Y")
    **dict.fromkeys(
        (
            "financier", "courier", "smuggler", "weapons smuggler", "bomb-maker", "bombmaker",
            "bomb maker", "recruiter", "facilitator", "fundraiser", "treasurer", "sniper",
            "ideologue", "emissary", "rank-and-filer", "foot soldier", "guerrilla",
            "insurgent", "jihadist", "henchman", "enforcer", "hitman", "gunrunner",
        ),
        "memberOf",
    ),
}  # fmt: skip
_ROLE_NOUNS = {**ROLES, **_TRADES}
# "spokesmen", "chairwomen": the plural of a role that ends in "man"
_MEN = [role[:-3] + "men" for role in _ROLE_NOUNS if role.endswith("man")]
_ROLE = rf"(?P<role>{_words([*_ROLE_NOUNS, *_MEN])})(?:s|es)?"
_MODS = rf"(?P<mods>(?:(?:{_words(_MODIFIER_WORDS)})[\s-]+)*)"
# a role with its modifiers, matched only to look ahead
_A_ROLE = rf"(?:(?:{_words(_MODIFIER_WORDS)})[\s-]+)*(?:{_words(ROLES)})(?:s|es)?"
_MODS2 = rf"(?P<mods2>(?:(?:{_words(_MODIFIER_WORDS)})[\s-]+)*)"
_DET = (
    r"(?:(?:the|a|an|its|their|his|her|one\s+of\s+(?:the|several|many|two|three)|one\s+of"
    r"|another)\s+)?"
)
_THE = r"(?:the\s+)?"
_POSS = r"['’]s?"
_BE = r"(?:is|was|are|were|has\s+been|have\s+been|had\s+been|became|becomes|remains|remained)"
_REL_PRONOUN = r"(?:(?:who|which|that)\s+)"
# what opens examples of the noun before it: "groups such as X", "members, among them X"
_INCLUDING = r"(?:including|among\s+them|among\s+whom|such\s+as|notably|like)\s+(?:the\s+)?"
# "... commanders were killed, among them X and ": a role, then the names of a list before the
# last one
_AMONG = rf"\b[^,;.]{{0,60}},\s*{_INCLUDING}(?:[^;.]*?(?:,\s*|\s+and\s+))?"
# How long a description has held, between the apposition comma and the description: "X, for
# a decade the mouthpiece of Y", "X, since 2019 the head of Y", "X, until May the chief of Y"
_TENURE = (
    r"(?:(?:for|during)\s+(?:(?:a|an|the|two|three|four|five|six|many|several|more\s+than\s+a)"
    r"\s+)?(?:past\s+)?(?:decades?|years?|months?)|(?:since|until|till)\s+(?:last\s+)?[\w-]+"
    r"|from\s+\d{4}\s+(?:to|until)\s+\d{4}|once|long|formerly|then|now|still),?\s+"
)
# a first description before "and" in an apposition: "X, the former prime minister and Y's
# longtime adversary" (lower-case words only: no name stands in it)
_AND_DESCRIBED = r"(?:(?:(?-i:[a-z])[\w-]*\s+){1,4}?and\s+(?:(?:the|a|an)\s+)?)?"
# What joins a name to a description of it: an apposition comma or a copula.
_LINK = (
    rf"(?:\s*,\s*(?:{_TENURE})?(?:{_REL_PRONOUN}{_BE}\s+)?|\s+{_BE}\s+|(?:\s*,\s*{_REL_PRONOUN}|\s+)(?:{_BE}\s+)?"
    r"(?:named|appointed|elected|sworn\s+in|installed|confirmed|served\s+as|serves\s+as"
    r"|serving\s+as)(?:\s+as)?\s+"
    r"|\s+(?:spent|spends|spending)\s+(?:[\w-]+\s+){1,3}?as\s+"
    r"|(?:\s*,\s*{_REL_PRONOUN}|\s+)(?:works|worked|working)\s+as\s+"
    # "analysts describe X as a proxy of Y", "Y replaced X as head of Z"
    r"|\s+as\s+)"
)
_ADVERB = (
    r"(?:(?:also|directly|secretly|heavily|openly|largely|closely|now|currently|once|later"
    r"|first|originally|still|long|both|all|then|eventually|soon|subsequently)\s+)?"
)
# "has long", "had also", "now": adverbs around an optional auxiliary of the perfect
_PERFECT = rf"{_ADVERB}(?:has\s+|have\s+|had\s+)?{_ADVERB}"
_KIN = rf"(?P<kin>{_words(KIN)})s?"
_KIN_MODS = (
    r"(?:(?:older|younger|elder|eldest|oldest|youngest|late|only|first|second|third"
    r"|estranged|former)\s+)*"
)
# kin of one another, said of two names at once
_SIBLINGS = (
    r"(?:brothers|sisters|siblings|twins|twin\s+(?:brothers|sisters)|half-(?:brothers|sisters)"
    r"|step-?(?:brothers|sisters)|(?:first\s+|second\s+)?cousins|in-laws|spouses"
    r"|husband\s+and\s+wife|(?:a\s+)?married\s+couple|married)"
)
# words between "the son of" and the name: "the widow of slain commander X"
_KIN_NAME_MODS = (
    r"(?:(?:the|a|late|slain|murdered|assassinated|jailed|detained|imprisoned|exiled|kidnapped"
    rf"|fallen|tribal|militia|cleric|sheikh|{_words(_MODIFIER_WORDS)}|{_words(ROLES)})\s+){{0,4}}"
)
# words after which "his" or "her" may belong to someone else than the clause's subject
_OTHER_SUBJECT = (
    r"(?:who|whom|whose|which|that|when|while|because|if|told|accused|met|and\s+the|with\s+the)\b"
)
_RIVAL = r"(?:rivals?|enem(?:y|ies)|foes?|nemes(?:is|es)|adversar(?:y|ies)|arch-?enem(?:y|ies))"
# what holds between enemies: "the feud between X and Y", "the X-Y rivalry"
_ENMITY = (
    r"(?:rivalry|feud|feuding|enmity|tensions?|clashes|fighting|power\s+struggle|bad\s+blood"
    r"|hostility|animosity|vendetta|war|conflict|hatred|turf\s+war|infighting"
    # a contest of two for the same prize: "the contest between X and Y", "the X-Y standoff"
    r"|contest|competition|struggle|standoff|stand-off|duel|showdown|tug[\s-]of[\s-]war"
    r"|quarrel|row|dispute|falling[\s-]out|score-settling)"
)
# how a reporter says two are enemies: "at loggerheads", "at daggers drawn", "locked in a feud"
_AT_ODDS = (
    r"(?:at\s+(?:odds|war|loggerheads|daggers\s+drawn|each\s+other['’]s\s+throats)"
    r"|locked\s+in\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:feud|rivalry|power\s+struggle|turf\s+war"
    r"|vendetta))"
)
# what two rivals vie for: "for control", "for years for power"
_FOR_CONTROL = (
    r"(?:for\s+(?:years|decades|months)\s+)?for\s+(?:control|power|influence|dominance"
    r"|supremacy|primacy|leadership)"
)
# what may stand before "ally" or "partner": "its closest ally", "a junior coalition partner"
_ALLY_MODS = (
    r"(?:(?:closest|close|main|chief|key|longtime|long-time|loyal|junior|senior|political"
    r"|coalition|traditional|staunch|strongest|trusted)\s+)*"
)
# exchanges of fire between two sides: "clashed", "trade fire", "have exchanged gunfire"
_CLASH = (
    r"(?:clash(?:ed|es|ing)?|feud(?:ed|s|ing)?|battled|battles|skirmish(?:ed|es)?"
    r"|(?:trad|exchang)(?:e|es|ed|ing)\s+(?:fire|gunfire|blows|shots))"
)
_RIVAL_MODS = (
    r"(?:(?:main|chief|bitter|arch|longtime|long-time|political|fierce|sworn|old|traditional)"
    r"[\s-]+)*(?:arch-?)?"
)
_UNIT_MODS = (
    r"(?:elite|special|military|armed|political|paramilitary|covert|external|overseas|foreign"
    r"|intelligence|local|regional|secret|clandestine|youth|women's|media|propaganda|security"
    r"|operational|operations)"
)
_UNIT = (
    r"(?:arm|branch|unit|wing|division|faction|cell|subsidiary|department|section|brigade"
    r"|battalion|component|chapter|directorate|office|bureau|formation|squad|detachment"
    r"|contingent|regiment|column|platoon)"
)
_PLACE_NOUN = (
    r"(?:city|town|village|district|province|governorate|region|neighbo(?:u)?rhood|suburb"
    r"|capital|port(?:\s+city)?|state|county|area|municipality|island|oblast|prefecture"
    r"|department|commune)"
)

# named sites inside a place ("Najaf's Wadi al-Salam cemetery")
_SITE = (
    r"(?:cemetery|shrine|mosque|airport|airbase|air\s+base|port|harbou?r|plains?|valley|desert"
    r"|mountains?|camp|refinery|dam|bridge|square|market|quarter|old\s+city|outskirts|suburbs?"
    r"|oasis|peninsula|strip|border\s+crossing|crossing)"
)

# a place noun a place's own name may end in ("the Bekaa Valley", "Idlib Governorate")
_NAME_ENDS_IN_A_PLACE_NOUN = (
    "valley", "province", "governorate", "district", "region", "desert", "plain", "plains",
    "mountains", "peninsula", "strip", "oasis", "city", "marshes", "heights", "plateau",
    # a quarter, a zone or a stretch of land or water ("Baghdad's Green Zone", "Iraq's Sunni
    # Triangle", "Lebanon's Shouf Mountains")
    "zone", "quarter", "triangle", "belt", "corridor", "basin", "delta", "coast", "island",
    "islands", "bay", "highlands", "lowlands", "uplands", "hills", "wetlands", "county",
)  # fmt: skip

_COMPASS_WORD = (
    r"(?:(?:far\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east"
    r"|south-?west)(?:ern)?)"
)
_COMPASS = rf"(?:{_COMPASS_WORD}\s+)?"
# "X, a small town in", "X is a city of": a place noun with its describing words; any
# describing words after "a" ("X, a desert garrison town in Y"), but after "the" only those of
# a list ("the capital city of X", "the old city of X" name X itself)
_A_PLACE_IN = (
    rf"{_LINK}(?:{_DET}(?:(?:small|large|major|mostly\s+\w+|predominantly\s+\w+|key|strategic"
    r"|southern|northern|eastern|western|central|restive|remote|border|holy|shrine|home|native"
    r"|ancestral)[\s-]+)*"
    rf"{_PLACE_NOUN}\s+(?:in|of)|an?\s+(?:(?!(?:in|of|on|at|the|and|or|which|that)\b)"
    rf"(?-i:[a-z])[\w-]*\s+){{1,3}}?{_PLACE_NOUN}\s+in"
    # "X, the former exile camp in Y": a site in a place
    r"|(?:an?|the)\s+(?:(?!(?:in|of|on|at|the|and|or|which|that)\b)(?-i:[a-z])[\w-]*\s+){0,3}?"
    rf"{_SITE}\s+in)\s+{_THE}"
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


Groups = Mapping[str, str | None]
Emit = Callable[[Groups], tuple[tuple[str, bool], ...]]
"""Given the named groups of a rule's matches: each (predicate, the left mention is the subject)."""


@dataclass(frozen=True)
class _Rule:
    name: str
    left: frozenset[EntityKind]
    right: frozenset[EntityKind]
    between: re.Pattern[str]  # must match the whole text between the two mentions
    emit: Emit
    before: re.Pattern[str] | None = None  # must match the sentence text before the left mention
    after: re.Pattern[str] | None = None  # must match at the start of the text after the right
    demonym: bool = False  # the left mention must be a country adjective ("Lebanese")
    clause: bool = False  # the right mention is a clause's subject, followed by its verb
    head: bool = False  # the right mention must not be followed by a common noun it modifies
    name_before: bool = False  # ``before`` reads up to the left name, past a title in its mention
    own_name: bool = False  # the left mention must be a name, not an adjective ("Nepalese")


def _role(groups: Groups, person_is_left: bool) -> tuple[tuple[str, bool], ...]:
    """The relation a role noun states, with modifiers and prepositions taken into account."""
    mods = " ".join(filter(None, (groups.get("mods"), groups.get("mods2"))))
    if _HEDGED.search(mods):
        return ()
    role = _role_noun(groups)
    predicate = _ROLE_NOUNS.get(role) or _ROLE_NOUNS.get(role.replace(" ", "-"))
    if predicate is None:
        return ()
    if _SUBORDINATE.search(mods) and predicate in ("leaderOf", "commanderOf", "founder"):
        predicate = "memberOf"
    if predicate == "leaderOf" and _IN_THE_FIELD.search(mods):
        predicate = "commanderOf"  # "its battlefield chief", "the military leader of"
    if (
        role in _STAFF_AT_THE_TOP
        and _IN_THE_FIELD.search(mods)
        and not _SUBORDINATE.search(mods)
        and (role == "chief of staff" or _TOP.search(mods))
    ):
        predicate = "commanderOf"  # "its top military officer", "their military chief of staff"
    prep = (groups.get("prep") or "").lower()
    if prep == "to" and role not in _SERVES:
        return ()  # "the ambassador to Iraq" serves another state
    if prep in ("in", "within", "with") and predicate not in ("memberOf", "employedBy"):
        predicate = "memberOf"
    if predicate == "founder":
        return (("foundedBy", not person_is_left),)
    return ((predicate, person_is_left),)


def _role_noun(groups: Groups) -> str:
    """The role noun a rule read, singular and with single spaces ("spokesmen" -> "spokesman")."""
    return re.sub(r"men$", "man", re.sub(r"[\s-]+", " ", (groups.get("role") or "").lower()))


def _is_trade(groups: Groups) -> bool:
    """Whether the role a rule read is one of ``_TRADES`` ("photographer"), not an office."""
    return _role_noun(groups) in _TRADES


def _led_or_founded(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "X, led / commanded / founded by Y": the organization is on the left."""
    verb = (groups.get("verb") or "").lower()
    if verb.startswith("command"):
        return (("commanderOf", False),)
    if verb.startswith(("led", "lead", "head", "run", "chair")):
        return (("leaderOf", False),)
    return (("foundedBy", True),)


def _swapped(found: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    """The same statements read with the other mention on the left."""
    return tuple((predicate, not left_is_subject) for predicate, left_is_subject in found)


def _fronted_backing(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "With backing from X, Y ...", "Armed and trained by X, Y ...": the backer is on the
    left."""
    if not groups.get("verbs"):
        return (("supports", True),)
    return _swapped(_verbs(groups))


def _object_relative(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "X, which Y founded": X foundedBy Y; "the X unit that Y commanded": Y commanderOf X;
    "X, which Y arms and trains": the active verbs read with Y first."""
    if groups.get("founded"):
        return (("foundedBy", True),)
    if groups.get("led"):
        return _swapped(_leads({"verb": groups["led"]}))
    return _swapped(_active_verbs(groups))


# the last word of a military unit's name ("the 9th Armoured Division", "the Golden Division")
_MILITARY_UNIT_NAME = "|".join(
    rf"(?<=\s{word})"
    for word in ("division", "brigade", "brigades", "battalion", "regiment", "corps", "squadron")
)


def _possessor_leads(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "X's Y" is X leaderOf Y; commanderOf where X holds a military rank or Y is a unit."""
    military = groups.get("rank") or groups.get("unit") is not None  # (the unit's is empty)
    return (("commanderOf" if military else "leaderOf", True),)


def _fixed(predicate: str, left_is_subject: bool) -> Emit:
    return lambda _groups: ((predicate, left_is_subject),)


# What joins a clause's subject to its verb: nothing, or a relative pronoun after a comma
# (or "who" with no comma: a cleft, "It was X who founded Y")
_NEAR = rf"(?:\s*,\s*{_REL_PRONOUN}|\s+(?:who\s+)?)"
# ... or an aside ("X, who was freed in 2009, joined") or a first verb phrase ("X quit the army
# and joined"), with no word that starts another clause
_FAR = (
    r"(?:\s*,\s*(?!(?:and|but|or)\b)[^,;]{1,80},\s+|\s+(?:(?!(?:who|whom|whose|which|that"
    r"|when|while|because|said|says|told|after|before|where|if|as|but|or)\b)[\w'’-]+,?\s+){1,10}?"
    r"(?:and|then|before|after)\s+)"
)
# "for Y", "on behalf of Y", "in the name of Y": whom a speaker speaks for
_ON_BEHALF = r"(?:for|on\s+behalf\s+of|in\s+the\s+name\s+of)"
# "at the helm of", "at the top of", "in charge of", "in command of": where a body's leader
# (or commander) stands
_AT_THE_TOP = r"(?:at\s+the\s+(?:helm|top|head)|in\s+(?:overall\s+)?(?:charge|command))\s+of"
# "the man at the top of", "the shadowy figure at the helm of": who stands there
_THE_ONE_AT_TOP = (
    rf"(?:the|a)\s+(?:[\w-]+\s+){{0,2}}?(?:man|woman|figure|person)\s+(?={_AT_THE_TOP})"
)
# "the leader of X since 2019, Y": how long the role has been held
_SINCE = (
    r"(?:\s+(?:since|from)\s+(?:the\s+)?[\w-]+(?:\s+(?:to|until)\s+[\w-]+)?"
    r"|\s+for\s+(?:\w+\s+)?(?:years|months|decades))?"
)
# military ranks before a name ("now under Lieutenant General X")
_RANK = (
    r"(?:(?:(?:lieutenant|major|brigadier|lt\.|maj\.|brig\.)\s+)?(?:general|gen\.)"
    r"|(?:lieutenant\s+|lt\.\s+)?(?:colonel|col\.)|field\s+marshal|(?:rear\s+|vice\s+)?admiral"
    r"|brigadier|major|captain|capt\.)"
)
# The subject of a sentence or of a reported clause ("Police said X ...")
_SUBJECT_START = re.compile(r"(?:^\W*|[;:]\s*|\b(?:said|says|that)\s+)\Z", re.IGNORECASE)
_LEADS = (
    rf"{_ADVERB}(?:has\s+|had\s+)?{_ADVERB}"
    r"(?P<verb>leads|led|lead|heads|headed|head|commands|commanded|command|runs|ran|run|chairs"
    r"|chaired|governs|governed|govern|(?:took|takes|taken|assumed|assumes|took\s+over)\s+(?:the\s+)?"
    r"(?P<took>command|leadership|charge|helm)\s+of"
    # "X, at the helm of Y since 2015", "X is in charge of Y"
    rf"|(?:{_BE}\s+|been\s+|(?:was\s+|were\s+)?(?:put|placed|left)\s+)?{_ADVERB}"
    rf"{_AT_THE_TOP})\s+(?:both\s+)?" + _THE
)
_FOUNDED = (
    rf"{_ADVERB}(?:has\s+|had\s+)?{_ADVERB}"
    rf"(?:co-?founded|founded|established|formed|created|set\s+up"
    # "put together X", "stood up X", "gave birth to X"
    r"|put\s+together|stood\s+up|launched|(?:gave|gives|give|giving)\s+birth\s+to"
    # "began organising X": who set about building it founded it
    r"|(?:began|begun|begins|started|starts)\s+(?:organi[sz]ing|building|forming|assembling))"
    rf"\s+{_THE}"
)
_JOINED = rf"{_PERFECT}(?:joined|joins|joining)\s+{_THE}"
_FORMED = r"(?:established|formed|created|set\s+up|founded|launched|organi[sz]ed|raised)"
_founded = _fixed("foundedBy", False)
_joined = _fixed("memberOf", True)


def _counted_among(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "Y counts X among its founders": Y foundedBy X; "... among its members": X memberOf Y."""
    if groups["among"].lower() == "founders":
        return (("foundedBy", True),)
    return (("memberOf", False),)


def _leads(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "took command of", "commands" and "in command of" give commanderOf, the other verbs
    leaderOf."""
    verb = groups.get("took") or groups.get("verb") or ""
    return (("commanderOf" if re.search(r"\bcommand", verb, re.I) else "leaderOf", True),)


def _far_subject(name: str, left: frozenset, right: frozenset, verb: str, emit: Emit) -> _Rule:
    """A verb rule whose subject, at the start of its clause, is separated from the verb by an
    aside or a first verb phrase."""
    return _Rule(name, left, right, _compile(_FAR + verb), emit, before=_SUBJECT_START)


def _verbs(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "trained by" gives trainedBy (trainee first); "backed/funded/armed by" gives supports
    (backer first); "armed and trained by" gives both."""
    said = re.sub(_PACES, "trained", (groups.get("verbs") or "").lower())
    verbs = re.split(r"[\s,]+(?:and\s+)?", said)
    found = []
    if any(v.startswith(_TRAIN_STEMS) for v in verbs):
        found.append(("trainedBy", True))
    if any(not v.startswith(_TRAIN_STEMS) for v in verbs):
        found.append(("supports", False))
    return tuple(found)


def _active_verbs(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "<Y> trained <X>": X trainedBy Y; "<Y> funds and arms <X>": Y supports X."""
    return _swapped(_verbs({"verbs": groups.get("active")}))


_TRAIN_STEMS = ("train", "drill", "school", "taught", "instruct", "coach", "tutor", "mentor")
_VERB = rf"(?:trained|drilled|schooled|{'|'.join(_SUPPORT_VERBS)})"
# "recruited, armed and paid by": other participles may come first in the chain, and "paid"
# supports only in the passive ("Iran paid X" may be a bribe or a ransom), as do the verbs of
# teaching ("coached X" may be a sports team)
# "were put through their paces by Y officers": drilled
_PACES = r"put\s+through\s+(?:their|his|her|its)\s+paces"
_PAID = rf"(?:{_VERB}|paid|taught|instructed|coached|tutored|mentored|{_PACES})"
_VERB_CHAIN = (
    rf"(?:(?!{_PAID}\b)[a-z]+ed(?:\s*,\s*|,?\s+and\s+))*"
    rf"(?P<verbs>{_PAID}(?:\s*,\s*{_PAID})*(?:,?\s+and\s+{_PAID})?)"
)
_VERB_ACTIVE = (
    rf"(?:{_VERB}|trains|funds|arms|backs|supports|finances|sponsors|equips|supplies|bankrolls"
    r"|train|fund|arm|back|support|finance|sponsor|equip|supply|bankroll|subsidi[sz]es"
    r"|subsidi[sz]e|underwrites|underwrite|props\s+up|prop\s+up)"
)
_GERUND = (
    r"(?:arming|funding|financing|training|backing|supporting|supplying|equipping|bankrolling"
    r"|sponsoring)"
)
# "of sheltering and arming X": other gerunds may come first in the chain
_GERUND_CHAIN = (
    r"(?P<active>(?:[a-z]+ing(?:\s*,\s*|,?\s+and\s+))*"
    rf"{_GERUND}(?:\s*,\s*{_GERUND})*(?:,?\s+and\s+{_GERUND})?)"
)
_VERB_CHAIN_ACTIVE = (
    rf"(?P<active>{_VERB_ACTIVE}(?:\s*,\s*{_VERB_ACTIVE})*(?:,?\s+and\s+{_VERB_ACTIVE})?)"
)

# "founded in 2011 by", "trained in the 1990s by", "trained for years by": a time or place
# word between verb and agent
_WHEN = (
    r"(?:(?:in|at|during|since)\s+(?:the\s+)?[\w-]+\s+"
    r"|for\s+(?:\w+\s+)?(?:years?|months?|decades?|weeks?)\s+)?"
)
# "schooled in sniper tactics by", "taught to fly drones by": what the trainee learned
_SKILL = r"(?:(?:in|on)\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?|(?:how\s+)?to\s+(?:[\w-]+\s+){1,4}?)?"
# "by the cleric X", "by a former army officer, X", "by advisers from the Y": who the agent is
_AGENT = (
    r"(?:(?:the|a|an)\s+)?(?:(?:late|former|exiled|radical|senior|powerful|young|influential"
    r"|prominent|hardline|wealthy|local|army|police|retired)\s+)*"
    r"(?:cleric|preacher|imam|ayatollah|sheikh|businessman|politician|tycoon|officer|general"
    r"|militant|activist|lawmaker|warlord|veteran|group|movement|militia|organi[sz]ation|party)"
    r",?\s+"
)
# the agent of a passive: "by", "at the hands of", "under the tutelage of"
_AGENT_BY = (
    r"(?:by|at\s+the\s+hands\s+of|under\s+the\s+(?:tutelage|guidance|supervision|eye)\s+of)\s+"
)
# What joins a name to a passive participle about it: "X, backed by", "X, which is backed by",
# "X was backed by"; not "X, led by Y, was backed by" (a finite verb after a comma and no
# relative pronoun has the subject before the comma)
# An attributed claim asserts what it attributes ("X is believed to be backed by Y"); the
# evidence sentence keeps the attribution. A denied one asserts nothing (``negated``).
_HEARSAY_TO = (
    rf"(?:(?:{_BE}\s+)?{_ADVERB}(?:widely\s+)?(?:believed|thought|said|reported|alleged|suspected"
    r"|understood|known|assumed|rumou?red)\s+to\s+)"
)
_HEARSAY = rf"(?:{_HEARSAY_TO}(?:be|have\s+been)\s+)"
_PASSIVE = (
    rf"(?:\s*,\s*(?:{_REL_PRONOUN}{_ADVERB}(?:{_HEARSAY}|{_BE}\s+|being\s+)?|being\s+|{_HEARSAY})?"
    rf"|\s+{_ADVERB}(?:{_HEARSAY}|{_BE}\s+|being\s+)?){_ADVERB}"
)
# "by parliament speaker X", "by veteran cleric X": lower-case words that describe the agent,
# not others who act for him ("by forces loyal to X", "by supporters of X")
_AGENT_TITLE = (
    r"(?:(?!(?:of|to|from|with|and|or|in|on|at|for|by|under|loyal|forces|fighters|men|troops"
    r"|gunmen|supporters|followers|allies|a|an|the)\b)(?-i:[a-z])[\w.-]*\s+){1,3}?"
)
_LED_BY = (
    r"(?P<verb>led|headed|commanded|run|chaired|co-?founded|founded|established|formed|created"
    rf"|started|set\s+up)\s+{_WHEN}by\s+{_THE}(?:{_AGENT}|{_RANK}\s+|{_AGENT_TITLE})?"
)
# "in the early 1980s", "since 2014": when, after the agent of a fronted participle
_AT_TIME = r"(?:\s+(?:in|during|since|from|after)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?[\w-]+)?"
# "Iran's ": a capitalized name and its possessive, before the name it owns
_POSSESSOR_NAME = r"(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,3}['’]s?\s+"
_BODY = (
    r"(?:group|militia|movement|organi[sz]ation|party|faction|force|brigade|network|coalition"
    r"|alliance|council|unit|body|committee|front|outfit|offshoot|splinter\s+group)"
)
# "... in 2008 as a select force within ": what a body was formed as
_FORMED_AS = (
    rf"{_AT_TIME}(?:\s*,)?\s+as\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{_BODY}"
    rf"|{_UNIT})s?\s+(?:within|inside|of|in|under)\s+{_THE}"
)
_INSTRUCTORS = (
    r"(?:instructors|trainers|advisers|advisors|officers|experts|operatives|members|commanders"
    r"|specialists|engineers|mentors|teachers)"
)
# plurals of the bodies "one of several ..." names ("forces" is an army's troops)
_BODIES = r"(?:groups|militias|movements|factions|brigades|units|battalions|networks)"
_TRAINEES = (
    r"(?:fighters|members|militiamen|recruits|units|cadres|commanders|gunmen|operators|operatives"
    r"|cadets|snipers|pilots|militants|volunteers|personnel)"
)

_TITLE_BEFORE_NAME = _compile(rf"\s*(?:{_POSS}\s+)?{_THE}{_MODS}{_ROLE},?\s+")
_PROVIDED = (
    r"(?:provides?|provided|providing|gives?|gave|given|giving|sends?|sent|sending|supplies"
    r"|supplied|supplying|delivers?|delivered|delivering|pledged|pours?|poured|pouring|pumped"
    r"|pumping|channell?(?:ed|ing)|funnell?(?:ed|ing)|smuggl(?:ed|ing)|transfers?|transferred"
    r"|transferring|ship(?:s|ped|ping)?|ferr(?:y|ies|ied|ying)|airlift(?:s|ed|ing)?)"
)
_AID = (
    r"(?:\$[\d.,]+(?:\s*(?:million|billion|bn|m))?(?:\s+(?:a|per|each)\s+(?:year|month))?"
    r"|dollars|euros|support|funding|funds|money|cash|weapons|arms|aid|backing|financing|equipment|supplies"
    r"|rockets|missiles|drones|ammunition|explosives|salaries|training|rifles|munitions|mortars"
    # "missile components", "drone parts"
    r"|(?:missile|rocket|drone|weapons?|bomb)\s+(?:parts|components|kits))"
)


# what may stand before what is given: "between $2 million and", "hundreds of", "new"
_AMOUNT = (
    r"(?:[\d$.,]+|between|and|a|an|some|up\s+to|about|nearly|roughly|more\s+than|at\s+least"
    r"|hundreds\s+of|thousands\s+of|millions\s+of|dozens\s+of|tons\s+of|tonnes\s+of|new"
    r"|advanced|heavy|modern|regular|monthly|weekly|steady|lethal|million|billion)"
)


def _provided(groups: Groups) -> tuple[tuple[str, bool], ...]:
    """ "<X> provided weapons and training to <Y>": X supports Y; training: Y trainedBy X."""
    found = [("supports", True)]
    if re.search(r"\btraining\b", groups.get("aid") or "", re.I):
        found.append(("trainedBy", False))
    return tuple(found)


# who keeps another going: "its chief patron", "the main backer", "a longtime paymaster"
_PATRON = (
    r"(?:(?:chief|main|principal|key|biggest|largest|foreign|regional|longtime|long-time"
    r"|financial|military|political|sole|only|last|top|staunchest|main\s+foreign)\s+)*"
    r"(?:patron|backer|sponsor|benefactor|paymaster|financier|bankroller|armou?rer)s?"
)


# what a backer gives, said as the subject of "comes from" or "flowed to"
_MONEY = (
    r"(?:money|cash|funds|funding|financing|weapons|arms|salaries|support|backing|aid"
    r"|ammunition|rockets|missiles|drones)"
)
_COMES_FROM = (
    rf"\s+{_ADVERB}(?:comes?|came|coming|flows?|flowed|is\s+coming)\s+(?:\w+ly\s+)?from\s+" + _THE
)

# where a group stands that sides with another: "in Y's orbit", "in the camp of Y" (not a camp
# somewhere: "in Y's camp near Z")
_ORBIT_NOUN = (
    r"(?:political\s+|military\s+)?(?:orbit|camp(?!\s+(?:near|in|at|outside|on\s+the\s+outskirts)\b)|fold"
    r"|sphere\s+of\s+influence|corner)"
)
# what puts a group in another's orbit: "X, a militia in", "X operates within"
_ORBIT = (
    rf"(?:{_LINK}{_DET}(?:[\w-]+\s+){{0,3}}?|(?:\s*,\s*{_REL_PRONOUN}|\s+){_ADVERB}(?:{_BE}\s+"
    rf"|operates\s+|operated\s+|operating\s+|falls\s+|fell\s+|sits\s+|sat\s+|stands?\s+|stood\s+"
    rf"|standing\s+|remains?\s+|remained\s+)?{_ADVERB}"
    r"|\s*,\s*(?:long\s+|firmly\s+|now\s+)?)(?:firmly\s+|squarely\s+)?(?:in|within|inside)\s+"
)

# Words after which "X in Y" tells where something happened to X: a preposition of an event's
# participant or a verb of violence or meeting
_EVENT_WORD = "|".join(
    (
        "against", "with", "for", "from", "by", "between", "at", "to", "toward", "towards",
        "on", "in", "into", "among", "and", "or", "struck", "strike", "strikes", "hit", "hits",
        "attacked", "attack", "attacks", "bombed", "targeted", "targets", "target", "fought",
        "fight", "fighting", "battled", "raided", "met", "meet", "meets", "meeting", "visited",
        "defeated", "ambushed", "shelled", "clashed", "join", "joined", "joining", "alongside",
    )
)  # fmt: skip
# A time right after a place: the place is where something happened then ("in Basra on Friday")
_TIME_AFTER = re.compile(
    r"\s*,?\s*(?:on\s+(?:\w+\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)"
    r"|(?:last|this|next)\s+(?:week|month|year|morning|night|weekend)|yesterday|today|tonight"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)


def told_at_a_time(text: str, place: Mention) -> bool:
    """Whether a time follows the place, which then tells where an event happened."""
    return _TIME_AFTER.match(text, place.end, place.sentence.end) is not None


# A place that closes its noun phrase, not followed by a time ("in Basra on Friday"); with the
# rule's ``head``, nor by a noun it modifies ("al-Qaida in Iraq fighters")
_PLACE_CLOSES = _compile(
    r"(?:\s+(?:province|governorate))?(?=\s*(?:[,.;:)\"”]|\Z)|\s+[a-z]+\b)"
    r"(?!\s*,?\s*(?:on|in|at|during|since|last|this|next|early|late|after|before|for|from|with"
    r"|to|near|until|over|yesterday|today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)"
)
_BELONGS_TO = _compile(
    rf"{_NEAR}{_PERFECT}(?:belongs|belonged|belong|belonging)"
    rf"\s+to\s+{_THE}"
)


# Words that may follow a name that ends its noun phrase; any other word after a place name makes
# the place a modifier ("linked to Baghdad pet market bombing", "Iran-backed Basra police").
_PHRASE_ENDS = re.compile(
    r"\s*(?:[^\w\s]|\Z)|\s+(?:(?:and|or|but|nor|in|on|at|of|for|with|by|to|from|into|since"
    r"|during|after|before|until|as|than|through|over|under|against|which|who|whom|that|because"
    r"|while|when|where|is|was|are|were|has|have|had|will|would|could|should|can|may|might|must"
    r"|does|did|do|said|says|say|told|also|not|then|its|their|his|her|the|a|an|this|these|those)"
    r"\b|\w+ly\b|\d)",
    re.IGNORECASE,
)


# "the X tribe and the Y tribe": a name before the noun of its kind of body
_KINDRED = rf"(?:tribes?|clans?|famil(?:y|ies)|{_BODY}s?|{_TRAINEES})"


def _rivals_and(before: str, after: str) -> _Rule:
    """ "X and Y" are rivals when the words before or after the pair say so."""
    return _Rule(
        "rival",
        ANY,
        ANY,
        # "the feud between X and his cousin Y"
        _compile(rf"(?:\s+{_KINDRED})?\s+and\s+(?:(?:his|her)\s+{_KIN_MODS}{_KIN},?\s+|{_THE})"),
        _fixed("rivalOf", True),
        before=_compile(before),
        after=_compile(after),
    )


# "the leaders of ": a role of the body named next
_ROLES_OF = _compile(rf"(?:^|\W){_THE}{_MODS}{_ROLE}\s+(?P<prep>of|for)\s+{_THE}\Z")
# "a senior official in the X": in an organization only ("the U.N. envoy in Iraq" is not Iraq's)
_ROLES_IN = _compile(rf"(?:^|\W){_THE}{_MODS}{_ROLE}\s+(?P<prep>in|at|with|within)\s+{_THE}\Z")


# "X and Y, both ...", "A, B and C, all three ...": what follows is said of each name
_BOTH = r"\s*,\s*(?:both|each|all(?:\s+(?:two|three|four|five|six))?)\s+(?:of\s+them\s+)?"
# the role after a body's name or possessive ("Hezbollah's military chief", "a Badr official");
# the last of two coordinated nouns ("the Houthis' chief negotiator and spokesman"); not a role
# that only modifies the noun after it ("its chief negotiator,")
_ORG_ROLE_AFTER = _compile(
    rf"\s*(?:{_POSS}\s+)?{_MODS2}(?:(?:(?-i:[a-z])[\w-]*\s+){{1,2}}and\s+{_MODS})?{_ROLE}\b"
    r"(?![\s-]+(?:of|for)\b)(?!\s+(?-i:[a-z])[\w-]*(?:\s*,|\s+and\b))"
)


def _role_of_before_name(
    name: str, between: str, roles: re.Pattern[str] = _ROLES_OF, bodies: frozenset = _ORG_OR_PLACE
) -> _Rule:
    """ "the leader of X, Y": a role of a body, then (``between``) the person who holds it."""
    return _Rule(
        name,
        bodies,
        frozenset({PERSON}),
        _compile(between),
        lambda g: _role(g, person_is_left=False),
        before=roles,
    )


RULES: tuple[_Rule, ...] = (
    # "Hezbollah leader Hassan Nasrallah", "Hezbollah's leader, Hassan Nasrallah"
    _Rule(
        "title-before-name",
        frozenset({PLACE}),
        frozenset({PERSON}),
        _TITLE_BEFORE_NAME,
        # "a British journalist X" works for no state
        lambda g: () if _is_trade(g) else _role(g, person_is_left=False),
        # "the Polish king X": a name after an article may be a nationality, not the state
        before=_compile(r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)\Z"),
    ),
    # "the Iraqi defence minister, X": after an article, only an office of a state
    _Rule(
        "title-before-name",
        frozenset({PLACE}),
        frozenset({PERSON}),
        _TITLE_BEFORE_NAME,
        lambda g: _role(g, person_is_left=False) if _STATE_OFFICE.search(g["role"]) else (),
        before=_compile(r"(?:^|\W)the\s+\Z"),
        demonym=True,
    ),
    # "the Interior Ministry's spokesman, X", "a Badr Organization spokesman, X"
    _Rule(
        "title-before-name",
        frozenset({ORG}),
        frozenset({PERSON}),
        _TITLE_BEFORE_NAME,
        lambda g: _role(g, person_is_left=False),
    ),
    # "X fighters under Y", "X troops under the command of Gen. Y", "X gunmen commanded by Y":
    # who the body's men answer to in the field
    _Rule(
        "men-under",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(
            rf"(?:{_POSS})?\s+(?:{_TRAINEES}|troops|forces|men|gunmen|units)\s+(?:under\s+"
            r"(?:the\s+)?(?:(?:direct|overall|personal)\s+)?(?:command\s+of\s+)?|commanded\s+by\s+)"
            rf"{_THE}(?:{_RANK}\s+)?"
        ),
        _fixed("commanderOf", False),
    ),
    # "the leader of Hezbollah, Hassan Nasrallah", "the head of X since 2019, Y"
    # "the founder of the X movement, Y": the body's noun may follow its name
    _role_of_before_name("role-of-before-name", rf"(?:\s+{_BODY})?{_SINCE}\s*,\s*"),
    _role_of_before_name(
        "role-of-before-name", rf"(?:\s+{_BODY})?{_SINCE}\s*,\s*", _ROLES_IN, frozenset({ORG})
    ),
    # "Returned to office as Basra's governor in 2023, X pledged": a fronted "as" phrase
    # describes the clause's subject
    _Rule(
        "fronted-as",
        _ORG_OR_PLACE,
        frozenset({PERSON}),
        _compile(rf"{_POSS}\s+{_MODS}{_ROLE}(?:\s+[^,;]{{1,60}}?)?\s*,\s*"),
        lambda g: _role(g, person_is_left=False),
        before=_compile(r"^\W*(?:(?-i:[A-Za-z])[\w-]*\s+){0,4}?as\s+\Z"),
    ),
    # "Registered with X as its 45th brigade, Y draws salaries", "Folded into X in 2016, the Y":
    # a fronted participle of joining describes the clause's subject
    _Rule(
        "fronted-as",
        frozenset({ORG}),
        frozenset({ORG}),
        _compile(
            # (the description may list: "as its 45th, 46th and 47th brigades")
            r"(?:\s+as\s+(?:its|their|an?|one\s+of\s+(?:its|their|the))\s+[^;]{0,60}?)?"
            rf"{_AT_TIME}\s*,\s*(?:the\s+)?"
        ),
        _fixed("partOf", False),
        before=_compile(
            r"^\W*(?:formally\s+|officially\s+)?(?:registered|enrolled|listed|incorporated"
            r"|integrated|folded|absorbed|merged|subsumed)\s+(?:with|in|into|under)\s+(?:the\s+)?\Z"
        ),
    ),
    # "The man at the top of X since 2019, Y, ..."
    _Rule(
        "role-of-before-name",
        _ORG_OR_PLACE,
        frozenset({PERSON}),
        _compile(rf"{_SINCE}\s*,\s*"),
        _fixed("leaderOf", False),
        before=_compile(rf"(?:^|\W){_THE_ONE_AT_TOP}{_AT_THE_TOP}\s+{_THE}\Z"),
    ),
    # "three members of X, among them Y", "commanders of X, including Y and Z"
    _role_of_before_name(
        "role-of-including",
        r"\s*,\s*(?:including|among\s+them|among\s+whom|such\s+as|notably)\s+",
    ),
    # "Hassan Nasrallah, the leader of Hezbollah", "X is a commander in the Mahdi Army"
    _Rule(
        "apposition-role",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(
            rf"{_LINK}{_DET}{_MODS}{_ROLE}\s+(?:(?P<hired>contracted|hired|employed|working)\s+"
            r"(?:to|by|for)|(?P<prep>of|for|at|with|in|within|to))\s+"
            + _THE
            + r"(?:(?:group|movement|militia|organization|party)\s+)?"
        ),
        # "a mechanic contracted to X" works for X, as "a mechanic for X" does
        lambda g: _role({**g, "prep": "for"} if g.get("hired") else g, person_is_left=True),
        # "an aide to Mahdi Army commander X" serves X; "an adviser to Iran's supreme leader"
        # serves Iran; "X, officials in Y say": the role is the sources' who speak
        after=_compile(
            rf"(?!-[^\W\d_]|\s+{_A_ROLE}\b)(?!['’]s?\s+(?!{_A_ROLE}\b))"
            r"(?!\s+(?:say|says|said|told|tell|report|reported|believe|believed|estimate"
            r"|estimated|add|added|claim|claimed|insist|insisted)\b)"
        ),
    ),
    # "Daqduq, a senior Hezbollah operative", "Nasrallah, Hezbollah's leader"
    _Rule(
        "apposition-org-role",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(rf"{_LINK}{_DET}{_MODS}"),
        lambda g: _role(g, person_is_left=True),
        after=_ORG_ROLE_AFTER,
    ),
    # "X and Y, both field commanders of Z", "X and Y, both Z commanders": each of the list
    _Rule(
        "both-role",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(rf"{_BOTH}{_DET}{_MODS}{_ROLE}\s+(?P<prep>of|for|at|with|in|within)\s+{_THE}"),
        lambda g: _role(g, person_is_left=True),
        after=_compile(rf"(?!-[^\W\d_]|\s+{_A_ROLE}\b)(?!['’]s?\s+(?!{_A_ROLE}\b))"),
    ),
    _Rule(
        "both-role",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(rf"{_BOTH}{_DET}{_MODS}"),
        lambda g: _role(g, person_is_left=True),
        after=_ORG_ROLE_AFTER,
    ),
    # "X named Y as its new spokesman": the body that appoints, the person, then the role
    _Rule(
        "appointed-as",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(
            rf"\s+{_PERFECT}(?:named|appointed|chose|picked"
            r"|selected|tapped|installed|designated|elected)\s+"
        ),
        lambda g: _role(g, person_is_left=False),
        after=_compile(rf"\s*,?\s+(?:as|to\s+be)\s+(?:its|their)\s+{_MODS}{_ROLE}\b"),
    ),
    # "named X as the commander of Y", "appointed X as head of the Y": the role after the name
    _Rule(
        "appointed-as",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(rf"\s*,?\s+(?:as\s+)?{_DET}{_MODS}{_ROLE}\s+(?P<prep>of|for|in)\s+{_THE}"),
        lambda g: _role(g, person_is_left=True),
        before=_compile(
            r"\b(?:named|names|name|appointed|appoints|appoint|installed|chose|picked|selected"
            r"|tapped|designated|elected|confirmed|identified|unmasked)\s+\Z"
        ),
        name_before=True,
    ),
    # "X, who has run Iraq's foreign ministry": a ministry's head is the state's employee
    _Rule(
        "verb-leads",
        frozenset({PERSON}),
        frozenset({PLACE}),
        _compile(rf"{_NEAR}" + _LEADS),
        _fixed("employedBy", True),
        after=_compile(
            rf"{_POSS}\s+(?:[\w-]+\s+){{0,2}}?(?:ministry|department|agency|embassy|service"
            r"|bureau|directorate|commission)\b"
        ),
    ),
    # "Nasrallah leads Hezbollah", "Soleimani, who commands the Qods Force"
    _Rule(
        "verb-leads",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(rf"(?:{_NEAR}|\s*,\s*(?={_ADVERB}(?:at|in)\s)|{_LINK}{_THE_ONE_AT_TOP})" + _LEADS),
        _leads,
    ),
    # "Mughniyeh founded Islamic Jihad", "Iran created Hezbollah"
    _Rule("verb-founded", ANY, frozenset({ORG}), _compile(_NEAR + _FOUNDED), _founded),
    # "Three officers, among them X, founded Y": one of the founders named in an aside
    _Rule(
        "verb-founded",
        ANY,
        frozenset({ORG}),
        _compile(r"\s*,\s*" + _FOUNDED),
        _founded,
        before=_compile(r"\b(?:among\s+them|including|among\s+whom)\s+(?:the\s+)?\Z"),
    ),
    # "X called Y into being", "X brought Y into existence"
    _Rule(
        "verb-founded",
        ANY,
        frozenset({ORG}),
        _compile(
            rf"{_NEAR}{_PERFECT}(?:called|calls|call|calling|brought|brings|bring|bringing)\s+"
            + _THE
        ),
        _founded,
        after=_compile(r"\s+into\s+(?:being|existence)\b"),
    ),
    # "Hezbollah, led by Nasrallah", "the group was founded in Lebanon by ..."-free passive
    _Rule(
        "passive-led-by",
        frozenset({ORG}),
        ANY,
        _compile(rf"(?:\s+{_BODY})?{_PASSIVE}{_LED_BY}"),
        _led_or_founded,
    ),
    # "X, under the command of Y", "Under the leadership of Y, X ..."
    _Rule(
        "under-command",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(
            rf"(?:\s*,\s*|\s+)(?:(?:which|that)\s+{_BE}\s+|now\s+|{_BE}\s+|operating\s+)?"
            r"under\s+(?:the\s+)?(?:overall\s+|direct\s+|new\s+)?(?P<verb>command|leadership)"
            rf"\s+of\s+{_THE}(?:{_AGENT})?"
        ),
        _led_or_founded,
    ),
    # "the Tigris Command, now under Lieutenant General X": an officer commands the unit
    _Rule(
        "under-command",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(
            rf"\s*,\s*(?:(?:which|that)\s+{_BE}\s+|now\s+|currently\s+)?under\s+{_THE}{_RANK}\s+"
        ),
        _fixed("commanderOf", False),
    ),
    _Rule(
        "under-command",
        frozenset({PERSON}),
        frozenset({ORG}),
        _compile(rf"\s*,\s*{_THE}"),
        lambda g: _swapped(_led_or_founded(g)),
        before=_compile(
            r"(?:^|\W)under\s+(?:the\s+)?(?:overall\s+|direct\s+|new\s+)?"
            r"(?P<verb>command|leadership)\s+of\s+\Z"
        ),
    ),
    # "Under X, the Y has grown", "Under X's command, the Y ...": a sentence that opens with
    # its subject's leader
    _Rule(
        "under-command",
        frozenset({PERSON}),
        frozenset({ORG}),
        # "Under X, who took over in 2018, the Y": past an aside about X
        _compile(
            rf"(?:{_POSS}\s+(?P<verb>leadership|command|stewardship|rule))?"
            rf"(?:\s*,\s*(?:who|whose)\s+[^,;]+)?\s*,\s*{_THE}"
        ),
        _leads,
        before=_compile(r"^\W*under\s+\Z"),
    ),
    # "With backing from X, Y expanded", "Trained and armed by X, Y fought": a sentence that
    # opens with the backer
    _Rule(
        "fronted-backing",
        ANY,
        _PERSON_OR_ORG,
        _compile(r"\s*,\s*(?:the\s+)?"),
        _fronted_backing,
        before=_compile(
            rf"^\W*(?:{_VERB_CHAIN}\s+by|with\s+(?:the\s+)?(?:[\w-]+\s+)?(?:backing|support"
            r"|funding|financing|money|weapons)\s+(?:from|of))\s+(?:the\s+)?\Z"
        ),
    ),
    # "Set up by a former army officer, X, the Y ...", "Led by X, the Y": a sentence that
    # opens with its subject's founder or leader
    _Rule(
        "fronted-founder",
        ANY,
        frozenset({ORG}),
        _compile(rf"{_AT_TIME}\s*,\s*(?:the\s+)?"),
        lambda g: _swapped(_led_or_founded(g)),
        # "Set up by Iran's Revolutionary Guards in the early 1980s, the X": the agent may be
        # a possessor's
        before=_compile(rf"^\W*{_LED_BY}(?:{_POSSESSOR_NAME})?\Z"),
    ),
    # "X was the brainchild of Y", "X owes its creation to Y"
    _Rule(
        "passive-led-by",
        frozenset({ORG}),
        ANY,
        _compile(
            rf"(?:\s*,\s*|\s+{_BE}\s+){_DET}(?:brainchild|creation|creature|invention)\s+of\s+"
            rf"{_THE}(?:{_RANK}\s+)?|\s+{_ADVERB}(?:owes|owed)\s+its\s+(?:creation|existence|founding|birth)\s+"
            rf"to\s+{_THE}(?:{_AGENT})?"
        ),
        _fixed("foundedBy", True),
    ),
    # "X, a militia founded by Y", "X, a group set up in 2014 by the cleric Y"
    _Rule(
        "passive-led-by",
        frozenset({ORG}),
        ANY,
        _compile(rf"{_LINK}{_DET}(?:[\w-]+\s+){{0,2}}?{_BODY}\s+{_ADVERB}{_LED_BY}"),
        _led_or_founded,
    ),
    # "X, which Iran created in 2019", "the militia X, which Iran arms and trains"
    _Rule(
        "object-relative",
        frozenset({ORG}),
        ANY,
        # "X, which", "the X unit that": the relative clause is about X or X's unit
        _compile(rf"(?:\s+{_UNIT}s?)?(?:\s*,\s*|\s+)(?:which|that|whom)\s+(?:the\s+)?"),
        _object_relative,
        after=_compile(
            r"\s+(?:(?:has|have|had)\s+)?(?:also\s+|once\s+|long\s+)?"
            rf"(?:(?P<founded>co-?founded|founded|established|formed|created|set\s+up)"
            r"|(?P<led>led|leads|headed|heads|commanded|commands|ran|runs|chaired|chairs)"
            rf"|{_VERB_CHAIN_ACTIVE})\b"
        ),
        clause=True,
        # not "told X that Y leads Z": X is the one told
        before=_compile(
            r"\A(?!(?s:.*)\b(?:told|tells|tell|telling|warned|warns|informed|informs|assured"
            r"|assures|reminded|reminds|notified|convinced|persuaded|promised|asked)\s+(?:the\s+)?\Z)"
        ),
    ),
    # "X says it has lost one of its own: Y", "X mourned one of its fighters, Y"
    _Rule(
        "lost-one-of-its-own",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(
            r"(?:\s+(?:says?|said|announced|confirmed)\s+(?:that\s+)?(?:it|they))?\s+"
            rf"{_PERFECT}(?:lost|mourned|mourns|mourning|buried|buries|burying)\s+(?:one\s+of"
            rf"\s+(?:its|their)\s+(?:own|{_TRAINEES}|men|commanders|leaders)|(?:its|their)\s+"
            r"(?:[\w-]+\s+)?(?:fighter|member|militiaman))\s*[:,]\s*"
        ),
        _fixed("memberOf", False),
    ),
    # "X is a member of Y", "X joined Y"
    _Rule(
        "member-of",
        ANY,
        frozenset({ORG}),
        _compile(
            rf"(?:\s*,\s*(?:{_REL_PRONOUN}{_BE}\s+)?|\s+{_BE}\s+){_DET}"
            rf"(?P<mods>(?:(?:{_words(_MODIFIER_WORDS)}|active|full|founding)[\s-]+)*)"
            rf"members?\s+(?:since\s+(?:the\s+)?\d{{4}}s?\s+)?of\s+{_THE}"
        ),
        lambda g: () if _HEDGED.search(g.get("mods") or "") else (("memberOf", True),),
    ),
    # "X joined Y", "X, joining Y in 2013, rose"
    _Rule(
        "joined",
        frozenset({PERSON}),
        frozenset({ORG}),
        _compile(rf"(?:{_NEAR}|\s*,\s*){_JOINED}"),
        _joined,
    ),
    # "X and Y have joined the Z umbrella": a body that joins a coalition is its member; not
    # "joined the Y in retaking", "joined the Y offensive"
    _Rule(
        "joined",
        frozenset({ORG}),
        frozenset({ORG}),
        _compile(rf"(?:{_NEAR}|\s*,\s*){_JOINED}"),
        _joined,
        # nor a name the tagger cut before "in" ("the Islamic Resistance | in Iraq")
        after=_compile(
            r"(?!\s+(?:in|on|for)\s+(?:\w+ing\b|(?:an?|the|its|their)\s)"
            r"|\s+in\s+(?!(?:January|February|March|April|May|June|July|August|September|October"
            r"|November|December)\b)(?-i:[A-Z]))"
        ),
        head=True,
    ),
    # "Y counts X among its members", "Y numbers X among its founders"
    _Rule(
        "counts-among",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(rf"\s+{_ADVERB}(?:counts|counted|count|numbers|numbered)\s+"),
        _counted_among,
        after=_compile(
            r"\s+among\s+(?:its|their)\s+(?:[\w-]+\s+)?"
            r"(?P<among>members|ranks|founders|commanders|leaders|fighters|operatives)\b"
        ),
    ),
    # the same verbs with a clause or an aside between the subject and its verb: "X quit the
    # army in 2010 and joined Y", "X, who was freed in 2009, founded Y"
    _far_subject("verb-leads", frozenset({PERSON}), _ORG_OR_PLACE, _LEADS, _leads),
    _far_subject("verb-founded", ANY, frozenset({ORG}), _FOUNDED, _founded),
    _far_subject("joined", frozenset({PERSON}), frozenset({ORG}), _JOINED, _joined),
    # "X, who fought for Y", "X served with Y", "X rose through the ranks of Y"
    _Rule(
        "served-in",
        frozenset({PERSON}),
        frozenset({ORG}),
        _compile(
            rf"(?:{_NEAR}|\s*,\s*){_ADVERB}(?:{_BE}\s+|has\s+|had\s+)?{_ADVERB}"
            r"(?:(?:fought|fights|fighting)\s+(?:for|alongside|in\s+the\s+ranks\s+of)"
            r"|(?:served|serves|serving)\s+(?:with|in|for)"
            r"|(?:rose|risen|rising|climbed)\s+(?:up\s+)?(?:through\s+)?the\s+ranks\s+of"
            r"|recruited\s+(?:by|into)|enlisted\s+(?:in|with)|signed\s+up\s+(?:with|for)"
            r"|(?:sits|sat|sitting|seated)\s+on|(?:re-?)?elected\s+(?:on)?to"
            r"|(?:sits|sat|sitting|seated|serves|served|serving)\s+in\s+(?:the\s+)?"
            r"(?:parliament|assembly|senate|congress|legislature)\s+for"
            r"|(?:won|holds|held|took|has|had)\s+(?:a|his|her)\s+seat\s+(?:on|in))\s+" + _THE
        ),
        _fixed("memberOf", True),
    ),
    # "militias trained by the Qods Force", "Hezbollah trained the Mahdi Army",
    # "Hamas, backed by Iran", "Iran funds and arms Hezbollah"
    _Rule(
        "trained-or-backed-by",
        ANY,
        ANY,
        _compile(
            rf"(?:(?:\s+[\w-]+)?\s+{_TRAINEES}|{_LINK}{_DET}(?:[\w-]+\s+){{0,2}}?{_BODY}s?)?"
            rf"{_PASSIVE}{_VERB_CHAIN}\s+{_SKILL}{_WHEN}{_AGENT_BY}{_THE}"
            rf"(?:{_AGENT}|{_INSTRUCTORS}\s+(?:from|of)\s+{_THE})?"
        ),
        _verbs,
    ),
    _Rule(
        "trains-or-backs",
        ANY,
        ANY,
        _compile(
            rf"\s+{_ADVERB}(?:{_HEARSAY_TO}(?:have\s+)?|has\s+|have\s+|had\s+)?{_ADVERB}"
            rf"{_VERB_CHAIN_ACTIVE}\s+{_THE}(?:{_TRAINEES}\s+(?:of|from|loyal\s+to)\s+{_THE})?"
        ),
        _active_verbs,
        after=_compile(r"(?!\s*(?:in|at)\s+(?:the\s+)?(?:use|art|handling|tactics)\b)"),
    ),
    # "Hezbollah instructors trained fighters of the Mahdi Army"
    _Rule(
        "instructors-trained",
        ANY,
        frozenset({PERSON, ORG}),
        _compile(
            rf"\s+{_INSTRUCTORS}\s+(?:(?:have|had|has)\s+(?:been\s+)?|(?:are|were)\s+)?(?:also\s+)?"
            r"(?:trained|instructed|taught|drilled|train|trains|instruct|instructs|training"
            r"|instructing|drilling)\s+"
            rf"(?:{_TRAINEES}\s+(?:of|from)\s+)?{_THE}"
        ),
        _fixed("trainedBy", False),
    ),
    # "X received training from Y", "fighters of X received instruction in tactics from Y
    # advisers", "X learned his trade from Y"
    _Rule(
        "received-training-from",
        frozenset({PERSON, ORG}),
        ANY,
        _compile(
            rf"(?:\s+{_TRAINEES})?\s+{_PERFECT}(?:(?:received|receive|receives|got|underwent"
            r"|undergo|undergoes|were\s+given|was\s+given)\s+(?:\w+\s+)?(?:training|instruction"
            rf"|schooling|tuition)\s+{_SKILL}(?:from|by)|(?:learned|learnt|learns|learn)\s+"
            r"(?:(?:his|her|their|its|the)\s+)?(?:[\w-]+\s+){0,2}?(?:trade|craft|skills?|tactics"
            r"|techniques|bomb-?making|sniping|ropes)\s+from)\s+" + _THE
        ),
        _fixed("trainedBy", True),
    ),
    # "accused Iran of arming X", "Iran, accused of funding X": an allegation states what it
    # alleges (the evidence sentence keeps who alleges it); a denied one is vetoed (``negated``)
    _Rule(
        "accused-of",
        ANY,
        ANY,
        _compile(rf"\s+of\s+{_ADVERB}{_GERUND_CHAIN}\s+{_THE}"),
        _active_verbs,
        before=_compile(r"\b(?:accus|charg|blam|suspect)\w*\s+(?:the\s+)?\Z"),
    ),
    _Rule(
        "accused-of",
        ANY,
        ANY,
        _compile(
            rf"{_PASSIVE}(?:accused|suspected|charged|blamed)\s+(?:by\s+[\w\s.]+?\s+)?of\s+"
            rf"{_ADVERB}{_GERUND_CHAIN}\s+{_THE}"
        ),
        _active_verbs,
    ),
    # "Iranian-backed", "Iran-backed militias": "<Y>-backed <X>", "Iran-trained <X>"
    _Rule(
        "hyphen-backed",
        ANY,
        ANY,
        _compile(
            rf"-(?P<verbs>backed|supported|funded|financed|sponsored|armed|trained)"
            rf"\s+{_THE}"
        ),
        lambda g: _active_verbs({"active": g.get("verbs")}),
    ),
    # "Iranian-backed groups such as X and Y": each name of the list
    _Rule(
        "hyphen-backed-such-as",
        ANY,
        _PERSON_OR_ORG,
        _compile(
            rf"-(?P<verbs>backed|supported|funded|financed|sponsored|armed|trained)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:groups|militias|factions|movements|organi[sz]ations|parties"
            rf"|forces|brigades|fighters|rebels)\s*,?\s*{_INCLUDING}"
        ),
        lambda g: _active_verbs({"active": g.get("verbs")}),
    ),
    # "Baghdad-based Kataib Hezbollah", "Hezbollah, based in Beirut"
    _Rule(
        "based-in",
        frozenset({PLACE}),
        frozenset({ORG}),
        _compile(r"-based\s+(?:\w+\s+)?"),
        _fixed("locatedIn", False),
    ),
    # "the Houthis in Yemen", "Hezbollah in Lebanon said": a group's own place, where the
    # phrase is a noun phrase of its own, not where an event happened ("clashed with gunmen
    # from X in Y on Friday", "Israel struck X in Y")
    _Rule(
        "org-in-place",
        frozenset({ORG}),
        frozenset({PLACE}),
        _compile(rf"\s+in\s+{_THE}"),
        _fixed("locatedIn", True),
        # nor after an infinitive of purpose ("sent instructors to train X in Y")
        before=_compile(rf"\A(?!(?s:.*)\b(?:{_EVENT_WORD}|to\s+[a-z]+)\s+(?:the\s+)?\Z)"),
        after=_PLACE_CLOSES,
        head=True,
    ),
    # "the X unit in Haditha" (not "an X cell in Y", one of X's cells)
    _Rule(
        "org-in-place",
        frozenset({ORG}),
        frozenset({PLACE}),
        _compile(rf"\s+{_UNIT}\s+in\s+{_THE}"),
        _fixed("locatedIn", True),
        before=_compile(r"(?:^|\W)the\s+\Z"),
        after=_PLACE_CLOSES,
        head=True,
    ),
    # "X, an Iranian-funded group in Gaza", "X is a militia based in Y" (not "active in Y",
    # where it fights)
    _Rule(
        "org-in-place",
        frozenset({ORG}),
        frozenset({PLACE}),
        _compile(
            rf"{_LINK}{_DET}(?:[\w-]+\s+){{0,3}}?(?:{_BODY}|{_BODIES})\s+(?:(?:based|stationed"
            rf"|headquartered)\s+(?:in|inside|on|at)|in|inside)\s+{_THE}{_COMPASS}"
        ),
        _fixed("locatedIn", True),
        after=_PLACE_CLOSES,
        head=True,
    ),
    # "X keeps its headquarters in Y", "X has bases in Y"
    _Rule(
        "based-in",
        frozenset({ORG}),
        frozenset({PLACE}),
        _compile(
            rf"(?:\s*,\s*{_REL_PRONOUN}|\s+){_ADVERB}(?:keeps|kept|has|had|maintains|maintained"
            r"|runs|ran|operates|operated)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:headquarters|base|bases|offices?|command\s+centers?|camps?|strongholds?"
            r"|hideouts?)\s+(?:in|at)\s+"
            + _THE
            # "X runs its courts and radio out of Y", "X operates out of Y"
            + rf"|{_NEAR}{_PERFECT}(?:runs|ran|run|operates|operated|operating|directs|directed)"
            r"\s+(?:[^.;]{0,60}?\s+)?(?:out\s+of"
            # "X directs its fighters from a walled compound in Y"
            r"|from\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:headquarters|base|compound"
            r"|stronghold|command\s+cent(?:er|re)|offices?)\s+(?:in|at|inside))\s+"
            + _THE
            # "X, whose sprawling compound lies at Y"
            + r"|\s*,?\s+whose\s+(?:[\w-]+\s+){0,2}?(?:headquarters|base|compound|stronghold"
            r"|seat|command\s+cent(?:er|re))\s+(?:lies|lay|is|was|are|were|sits|sat|stands|stood"
            r"|remains?)\s+(?:in|at|inside)\s+" + _THE
        ),
        _fixed("locatedIn", True),
    ),
    _Rule(
        "based-in",
        frozenset({ORG, PERSON}),
        frozenset({PLACE}),
        _compile(
            # "X, based in Y", "X, the broadcaster based in Y"
            rf"(?:\s*,\s*(?:{_REL_PRONOUN}{_BE}\s+|{_DET}(?:[\w-]+\s+){{1,3}}?)?|\s+{_BE}\s+|\s+)"
            r"(?:based|headquartered|garrisoned|stationed)\s+(?:in|at|out\s+of)\s+" + _THE
        ),
        _fixed("locatedIn", True),
    ),
    # "Y, a desert camp, is now a base of X", "Y became the headquarters of X"
    _Rule(
        "based-in",
        frozenset({PLACE}),
        frozenset({ORG}),
        _compile(
            rf"(?:{_LINK}|\s+{_BE}\s+){_ADVERB}{_DET}(?:(?:main|key|major|principal|rear"
            r"|forward|military|new)\s+)*(?:base|headquarters|stronghold|garrison|bastion)\s+"
            rf"(?:of|for)\s+{_THE}"
        ),
        _fixed("locatedIn", False),
    ),
    # "<X> works for <Y>", "<X> was hired by <Y>"
    _Rule(
        "works-for",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(
            rf"(?:\s*,\s*{_REL_PRONOUN}|\s+){_ADVERB}(?:{_BE}\s+)?{_ADVERB}"
            r"(?:(?:works|worked|working|has\s+worked|had\s+worked)\s+"
            # "worked as a driver for Y" (not a role noun, which says more: "as a spokesman")
            rf"(?:as\s+(?!(?:an?\s+)?{_A_ROLE}\b)(?:an?\s+)?(?:[\w-]+\s+){{1,2}}?)?(?:for|at)"
            r"|on\s+(?:the\s+)?payroll\s+of"
            # "drew a salary from Y"
            r"|(?:draws|drew|drawn|drawing|earns|earned|earning)\s+(?:a|an|his|her)\s+"
            r"(?:[\w-]+\s+)?(?:salary|wage|paycheck|pay\s+packet)\s+from)\s+" + _THE
        ),
        _fixed("employedBy", True),
    ),
    _Rule(
        "works-for",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(rf"{_PASSIVE}(?:employed|hired)\s+by\s+{_THE}"),
        _fixed("employedBy", True),
    ),
    # "Hadi, the son of Nasrallah", "Nasrallah's son Hadi", "X is the brother of Y"
    _Rule(
        "kinship",
        frozenset({PERSON}),
        frozenset({PERSON}),
        _compile(
            rf"{_LINK}{_DET}{_KIN_MODS}{_KIN}\s+(?:of|to)\s+{_KIN_NAME_MODS}"
            # "X, who is married to Y", "X married Y in 2001"
            rf"|(?:\s*,\s*{_REL_PRONOUN}|\s+){_PERFECT}(?:(?:{_BE}|been|got|get|gets)\s+)?"
            rf"(?:(?:married|wed|engaged)\s+to|married|marries|wed|weds)\s+{_KIN_NAME_MODS}"
        ),
        _fixed("relativeOf", True),
    ),
    _Rule(
        "kinship",
        frozenset({PERSON}),
        frozenset({PERSON}),
        _compile(rf"(?:{_POSS}|\s+and\s+(?:his|her))\s+{_KIN_MODS}{_KIN},?\s+"),
        _fixed("relativeOf", False),
    ),
    # "X, Y's eldest daughter, said", "X is Y's cousin": the kin noun after the second name
    _Rule(
        "kinship",
        frozenset({PERSON}),
        frozenset({PERSON}),
        _compile(rf"{_LINK}{_DET}{_AND_DESCRIBED}"),
        _fixed("relativeOf", True),
        after=_compile(rf"{_POSS}\s+{_KIN_MODS}{_KIN}\b(?!['’]|[\s-]+(?:of|to)\b)"),
    ),
    # "X, whose founder Y", "the militia X, whose leader, Y"
    _Rule(
        "whose-role",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(rf"\s*,?\s+whose\s+{_MODS}{_ROLE}(?:\s+{_BE})?,?\s+"),
        lambda g: _role(g, person_is_left=False),
    ),
    # "X, the force whose every decision rests with Y", "X, whose final say lies with Y"
    _Rule(
        "whose-role",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(
            rf"(?:{_LINK}{_DET}(?:[\w-]+\s+){{0,3}}?{_BODY}\s*,?|\s*,)\s+whose\s+(?:every\s+"
            r"|final\s+|last\s+|real\s+)?(?:decisions?|say|word|power|authority)\s+(?:rests?|rested"
            rf"|lies|lay|lie)\s+(?:solely\s+|entirely\s+)?(?:with|in\s+the\s+hands\s+of)\s+{_THE}"
        ),
        _fixed("leaderOf", False),
    ),
    # "the X fighters took their orders from Y": the one who gives a body its orders commands it
    _Rule(
        "answers-to",
        frozenset({ORG}),
        frozenset({PERSON}),
        _compile(
            rf"(?:\s+{_TRAINEES})?{_NEAR}{_PERFECT}(?:take|takes|took|taken|taking|received"
            r"|receive|receives|got|get|gets)\s+(?:(?:its|their|his|her)\s+)?(?:orders|instructions"
            rf"|commands)\s+(?:directly\s+|only\s+)?from\s+{_THE}(?:{_RANK}\s+)?"
        ),
        _fixed("commanderOf", False),
    ),
    # "X, whose son Y"
    _Rule(
        "kinship",
        frozenset({PERSON}),
        frozenset({PERSON}),
        _compile(rf"\s*,?\s+whose\s+{_KIN_MODS}{_KIN},?\s+"),
        _fixed("relativeOf", True),
    ),
    # "X was detained along with his brother Y", "X said his son Y", "X was freed, but his
    # cousin Y": "his" or "her" later in the clause names X's relative
    _Rule(
        "kinship",
        frozenset({PERSON}),
        frozenset({PERSON}),
        _compile(
            rf"(?!.*\b(?:the|a|an)\s+[\w-]+\s+(?:and|with)\s+(?:his|her)\b)"
            rf"[\s,]+(?:(?!{_OTHER_SUBJECT})[\w'’-]+,?\s+){{1,8}}?"
            rf"(?:(?:one|two|three|four|both|some|several|all)\s+of\s+)?(?:his|her)\s+"
            rf"{_KIN_MODS}{_KIN},?\s+(?:including\s+)?"
        ),
        _fixed("relativeOf", True),
    ),
    # "X and Y, brothers from Z", "X and Y are cousins", "the brothers X and Y"
    _Rule(
        "kinship",
        frozenset({PERSON}),
        frozenset({PERSON}),
        _compile(r"\s+and\s+"),
        _fixed("relativeOf", True),
        # "X and Y, who are cousins", "X and Y, both of whom were brothers"
        after=_compile(
            r"(?:\s*,\s*(?:(?:who|both\s+of\s+whom)\s+(?:are|were)\s+)?|\s+(?:are|were)\s+)"
            rf"(?:both\s+)?{_SIBLINGS}\b"
        ),
    ),
    _Rule(
        "kinship",
        frozenset({PERSON}),
        frozenset({PERSON}),
        _compile(r"\s+and\s+"),
        _fixed("relativeOf", True),
        # "the brothers X and Y", "Brothers X and Y were", "police held cousins X and Y"
        before=_compile(
            rf"(?:^|\W)(?:(?:the|his|her|their|two|three)\s+)?(?:[\w-]+\s+)?{_SIBLINGS}\s+\Z"
        ),
    ),
    # "X's rival Y", "X, a rival of Y", "X and its rival Y", "X accused his rival, Y"
    _Rule(
        "rival",
        ANY,
        ANY,
        _compile(
            rf"(?:{_POSS}\s+|\s+(?:and|accused|attacked|blamed|criticized|criticised|met|said"
            rf"|defeated|challenged|denounced|accuses|blames|beat)\s+(?:its|his|her|their)\s+)"
            rf"{_RIVAL_MODS}{_RIVAL},?\s+{_THE}"
        ),
        _fixed("rivalOf", True),
    ),
    _Rule(
        "rival",
        ANY,
        ANY,
        _compile(rf"{_LINK}{_DET}{_RIVAL_MODS}{_RIVAL}\s+(?:of|to)\s+{_THE}"),
        _fixed("rivalOf", True),
    ),
    # "X, Y's nemesis in the west", "X is Y's arch-rival"
    _Rule(
        "rival",
        ANY,
        ANY,
        _compile(rf"{_LINK}{_DET}{_AND_DESCRIBED}"),
        _fixed("rivalOf", True),
        after=_compile(rf"{_POSS}\s+{_RIVAL_MODS}{_RIVAL}\b(?![\s-]+(?:of|to)\b)"),
    ),
    # "X clashed with gunmen from Y", "X has feuded with Y", "X fought the rival Y"
    _Rule(
        "clashed-with",
        _PERSON_OR_ORG,
        _PERSON_OR_ORG,
        _compile(
            rf"(?:{_POSS})?(?:\s+(?:{_TRAINEES}|men|tribe|clan|family|{_BODY}))?"
            rf"(?:\s*,\s*(?:which|who)\s+|\s+){_ADVERB}(?:(?:has|have|had)\s+)?{_ADVERB}"
            rf"(?:{_CLASH}"
            # "fought with X" may be at X's side: only "fought X" or "fought against X"
            r"|(?:fought|fights|fighting)(?!\s+with\b)"
            rf"|(?:is|are|was|were|been)\s+(?:\w+ly\s+)?{_AT_ODDS}"
            r"|(?:has|have|had)\s+(?:long\s+)?(?:had\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:feud|rivalry|vendetta|power\s+struggle))"
            r"(?:\s+(?:with|against))?\s+"
            # "feuded with those of Y"
            rf"(?:(?:{_TRAINEES}|supporters|forces|loyalists|a\s+faction|those|men)\s+"
            r"(?:of|from|loyal\s+to)\s+)?"
            rf"{_THE}(?:{_RIVAL_MODS}rivals?\s+)?"
        ),
        _fixed("rivalOf", True),
        # "fought the Islamic State in Mosul" is a battle; a clash between two groups is rivalry,
        # but "fought for X" or "fought alongside X" is not
        after=_compile(r"(?!\s*(?:forces|troops|army)\b)"),
    ),
    # "X vied with Y for control of the port", "X competes with Y for influence"
    _Rule(
        "clashed-with",
        _PERSON_OR_ORG,
        _PERSON_OR_ORG,
        _compile(
            rf"{_NEAR}{_PERFECT}(?:vied|vies|vie|vying|competed|competes|compete|competing"
            rf"|jostled|jostles|jostling)\s+with\s+{_THE}"
        ),
        _fixed("rivalOf", True),
        after=_compile(rf"\s+{_FOR_CONTROL}\b"),
    ),
    # "X and Y, once bitter rivals, ...", "X and Y have feuded for years"
    _rivals_and(
        # not the last of a list ("A, B and C"), but after an opening phrase ("In Basra, ")
        before=r"(?<!,\s)(?<!,)(?<!\band\s)\Z|^\W*(?:in|across|throughout)\s+[^,;]{1,40},\s+\Z",
        after=(
            rf"(?:\s+{_KINDRED})?(?:\s*,\s*(?:(?:once|long|longtime|traditional|former|now|bitter)\s+)*"
            rf"{_RIVAL_MODS}(?:rivals|rival\s+(?:groups|factions|parties|militias|clans|tribes))\b"
            r"|(?:\s*,\s*(?:which|who))?\s+(?:(?:have|had)\s+)?(?:(?:long|repeatedly|often|still"
            r"|regularly|frequently|sometimes|occasionally)\s+)*"
            rf"(?:{_CLASH}|(?:fought|battled)\s+(?:each\s+other|one\s+another)"
            # "vied for years for control of", "competed for power"
            r"|(?:vied|vie|vying|competed|compete|competing|jostled|jostling)\s+(?:with\s+"
            rf"(?:each\s+other|one\s+another)\s+)?{_FOR_CONTROL}"
            r"|(?:are|were|have\s+been|had\s+been|been)\s+(?:\w+\s+)?(?:rivals|enemies|foes"
            rf"|{_AT_ODDS}))\b)(?!\s+(?:with|against)\b)"
        ),
    ),
    # "the rivals X and Y", "the feud between X and Y"
    _rivals_and(
        before=(
            rf"(?:^|\W)(?:(?:the\s+)?rivals|(?:the\s+)?{_ENMITY}\s+between|rival\s+(?:groups|factions"
            r"|parties|militias)|arch-?rivals)\s+(?:the\s+)?\Z"
        ),
        after=r"(?!\s*,?\s*(?:and|or)\b|\s*,\s*(?-i:[A-Z]))",
    ),
    # "the Hamas-Fatah rivalry", "a Fatah–Hamas feud"
    _Rule(
        "rival",
        ANY,
        ANY,
        _compile(r"\s*[-–]\s*"),
        _fixed("rivalOf", True),
        after=_compile(rf"\s+{_ENMITY}\b"),
    ),
    # "relations between X and Y have been hostile"
    _rivals_and(
        before=r"(?:^|\W)(?:relations|ties|the\s+relationship)\s+between\s+(?:the\s+)?\Z",
        after=(
            rf"(?:\s+{_KINDRED})?\s+{_PERFECT}(?:been|are|were|is|was|remains?|remained|grew|grown"
            # hostile, not merely "strained" or "tense" (as between states that trade)
            r"|turned)\s+(?:\w+ly\s+|more\s+)?(?:hostile|poisonous|poisoned|bitter|acrimonious"
            r"|antagonistic)\b"
        ),
    ),
    # "Y established X in 2008 as a select force within Z", "X was set up as a unit of Z": a
    # body formed as a part of another
    _Rule(
        "formed-within",
        frozenset({ORG}),
        frozenset({ORG}),
        _compile(_FORMED_AS),
        _fixed("partOf", True),
        before=_compile(rf"(?:^|\W){_FORMED}\s+(?:the\s+)?\Z"),
    ),
    _Rule(
        "formed-within",
        frozenset({ORG}),
        frozenset({ORG}),
        _compile(rf"\s+{_PERFECT}(?:{_BE}\s+)?{_FORMED}{_FORMED_AS}"),
        _fixed("partOf", True),
    ),
    # "the Qods Force, a unit of the Revolutionary Guard", "Hezbollah's military wing, the X",
    # "the X clan, a branch of the Y"
    _Rule(
        "part-of",
        frozenset({ORG}),
        _ORG_OR_PLACE,
        _compile(
            rf"(?:\s+(?:tribe|clan|confederation))?{_LINK}{_DET}(?:{_UNIT_MODS}[\s-]+)*(?:part|{_UNIT})s?\s+(?:of|in|within)\s+{_THE}"
        ),
        _fixed("partOf", True),
    ),
    _Rule(
        "part-of",
        frozenset({ORG}),
        frozenset({ORG}),
        _compile(
            rf"{_POSS}\s+(?:{_UNIT_MODS}[\s-]+)*"
            r"(?:arm|branch|unit|wing|division|faction|subsidiary|department|directorate)"
            rf",?\s+{_THE}"
        ),
        _fixed("partOf", False),
    ),
    # "the Counter-Terrorism Service's elite Golden Division": a unit named after its body's
    # possessive
    _Rule(
        "part-of",
        frozenset({ORG}),
        frozenset({ORG}),
        _compile(rf"{_POSS}\s+(?:{_UNIT_MODS}[\s-]+)*"),
        _fixed("partOf", False),
        after=_compile(
            "|".join(
                f"(?<={head})"
                for head in (
                    "division",
                    "brigade",
                    "brigades",
                    "battalion",
                    "regiment",
                    "unit",
                    "wing",
                    "force",
                    "corps",
                    "squad",
                    "company",
                    "cell",
                )
            )
        ),
    ),
    # "the Xyz Brigades, Hezbollah's armed wing", "X, once Y's Syrian branch", "X, one of
    # several Y units"
    _Rule(
        "part-of",
        frozenset({ORG}),
        frozenset({ORG}),
        _compile(rf"{_LINK}(?:(?:once|formerly|long|now)\s+)?{_DET}"),
        _fixed("partOf", True),
        after=_compile(
            # "one of Y's death squads", "Y's rocket cell": any one word may say what the unit does
            rf"(?:{_POSS})?\s+(?:(?-i:[A-Z][a-z]+)\s+)?(?:{_UNIT_MODS}[\s-]+)*"
            rf"(?:(?-i:[a-z])[\w-]*\s+)?{_UNIT}s?\b(?![\s-]+(?:of|in|within)\b)"
        ),
    ),
    # "the Lebanese Hezbollah", "Iraqi Hezbollah Brigades": the group is tied to that country
    _Rule(
        "demonym-org",
        frozenset({PLACE}),
        frozenset({ORG}),
        _compile(r"\s+"),
        _fixed("affiliatedWith", False),
        demonym=True,
    ),
    # "the Mahdi Army, affiliated with Sadr's movement", "X, which has close ties to Y",
    # "X, a proxy of Y"
    _Rule(
        "affiliated-with",
        frozenset({PERSON, ORG}),
        _ORG_OR_PLACE,
        _compile(
            rf"(?:\s*,\s*(?:{_REL_PRONOUN}{_BE}\s+)?|\s+(?:{_HEARSAY}|{_BE}\s+)|\s+)"
            r"(?:(?:closely|loosely|reportedly|directly|also|fiercely|politically|ideologically"
            r"|militarily|financially)\s+)?"
            r"(?:affiliated|linked|allied|aligned|associated|tied|connected|loyal)\s+(?:with|to)\s+"
            rf"{_THE}|(?:\s*,\s*{_REL_PRONOUN}(?:has|have|had|maintains?)|\s*,\s*with"
            r"|\s+(?:has|have|had|maintains?|with))\s+"
            r"(?:(?:close|strong|direct|long-?standing|deep|longtime|long-time)\s+)*"
            rf"(?:ties|links|connections)\s+(?:to|with)\s+{_THE}"
            # "X, a little-known group believed to be a front for Y", "X, a proxy of Y"
            rf"|{_LINK}{_DET}(?:[\w-]+\s+){{0,3}}?(?:{_HEARSAY}{_DET})?"
            r"(?:(?:key|main|chief|loyal|armed|political)\s+)?"
            r"(?:prox(?:y|ies)\s+(?:of|for)|fronts?\s+(?:groups?\s+)?for"
            # "X, a fellow traveller of Y", "a satellite of Y", "Y's sister party"
            r"|(?:fellow[\s-]travell?ers?|satellites?|sister\s+(?:group|organi[sz]ation|party"
            rf"|movement|militia)s?)\s+(?:of|to))\s+{_THE}"
            # "X, a shell company that lets Y move cash"
            rf"|{_LINK}{_DET}(?:[\w-]+\s+){{0,3}}?(?:front|shell)(?:\s+(?:company|firm|group"
            r"|organi[sz]ation|charity))?\s+(?:that|which)\s+(?:lets|let|allows|allowed|helps"
            rf"|helped|enables|enabled)\s+{_THE}"
            # "X operates in the orbit of Y"
            rf"|{_ORBIT}the\s+{_ORBIT_NOUN}\s+of\s+{_THE}"
            # "X, a politician close to Y", "X is close to Y", "X, a cleric associated with Y"
            rf"|(?:{_LINK}(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?|\s+{_BE}\s+(?:\w+ly\s+)?)"
            r"(?:\w+ly\s+)?(?:close\s+to|(?:affiliated|linked|allied|aligned|associated|tied"
            rf"|connected|loyal)\s+(?:with|to))\s+{_THE}"
            # "X pledged allegiance to Y", "X swore loyalty to Y"
            rf"|{_NEAR}{_PERFECT}(?:pledged|pledges|pledge|pledging|swore|swears|swear|sworn"
            r"|declared|declares|renewed|renews|professed|professes)\s+(?:(?:its|their|his|her"
            r"|an?\s+oath\s+of)\s+)?(?:allegiance|loyalty|fealty|bay['’]?ah?)\s+to\s+" + _THE
        ),
        _fixed("affiliatedWith", True),
    ),
    # "X has allied itself with Y", "X joined forces with Y", "X formed an alliance with Y"
    _Rule(
        "allied-with",
        frozenset({PERSON, ORG}),
        frozenset({ORG}),
        _compile(
            rf"{_NEAR}{_PERFECT}(?:(?:allied|aligned|allies|aligns|ally|align|allying|aligning)"
            r"\s+(?:itself|themselves|himself|herself)|(?:joined|joins|join|joining)\s+forces"
            r"|(?:teamed|teams|team|teaming)\s+up|(?:partnered|partners|partner|partnering)"
            r"|(?:formed|forms|form|forming|struck|strikes|sealed|seals)\s+an?\s+(?:[\w-]+\s+)?"
            r"(?:alliance|coalition|pact|partnership)"
            # "X sided with Y", "X threw in its lot with Y", "X made common cause with Y"
            r"|(?:sided|sides|side|siding)(?:\s+(?:itself|themselves|himself|herself))?"
            r"|(?:(?:threw|throws|throw|thrown|throwing|cast|casts|casting)\s+in"
            r"|cast|casts|casting)\s+(?:its|their|his|her)\s+lot"
            r"|(?:made|makes|make|making)\s+common\s+cause"
            rf"|(?:stood|stands|stand|standing)\s+shoulder\s+to\s+shoulder)\s+with\s+{_THE}"
        ),
        _fixed("affiliatedWith", True),
    ),
    # "X, an ally of Y", "X, a junior partner to Y"
    _Rule(
        "allied-with",
        frozenset({PERSON, ORG}),
        frozenset({ORG}),
        _compile(
            rf"{_LINK}{_DET}{_ALLY_MODS}(?:ally|allies|partner|partners)\s+(?:of|to)\s+{_THE}"
        ),
        _fixed("affiliatedWith", True),
        # not "an ally of Hezbollah leader X", nor of "the Y's Z" or "the Y-backed Z"
        head=True,
        after=_compile(rf"(?!['’]s?\s|-[^\W\d_]|\s+{_A_ROLE}\b)"),
    ),
    # "X, Y's longtime partner in parliament", "X is Y's closest ally"
    _Rule(
        "allied-with",
        frozenset({PERSON, ORG}),
        frozenset({ORG}),
        _compile(rf"{_LINK}{_DET}{_AND_DESCRIBED}"),
        _fixed("affiliatedWith", True),
        after=_compile(rf"{_POSS}\s+{_ALLY_MODS}(?:ally|partner)\b(?![\s-]+(?:of|to)\b)"),
    ),
    # "X, a militia in Y's orbit"
    _Rule(
        "affiliated-with",
        frozenset({PERSON, ORG}),
        _ORG_OR_PLACE,
        _compile(_ORBIT + _THE),
        _fixed("affiliatedWith", True),
        after=_compile(rf"['’]s?\s+{_ORBIT_NOUN}\b"),
    ),
    # "Brigade commander X of the Y", "military spokesman X of the Y": the role before the name
    _Rule(
        "title-name-of",
        frozenset({PERSON}),
        frozenset({ORG}),
        _compile(r"\s+(?P<prep>of)\s+(?:the\s+)?"),
        lambda g: _role(g, person_is_left=True),
        before=_compile(rf"(?:^|\W){_MODS}{_ROLE}\s+\Z"),
        name_before=True,
    ),
    # "Five commanders were killed, among them X and Y of the Z": the role reaches each name
    _Rule(
        "role-among-of",
        frozenset({PERSON}),
        frozenset({ORG}),
        _compile(r"\s+(?P<prep>of)\s+(?:the\s+)?"),
        lambda g: _role(g, person_is_left=True),
        before=_compile(rf"(?:^|\W){_MODS}{_ROLE}{_AMONG}\Z"),
    ),
    # "Hamid Rashid of the Badr Organization"
    _Rule(
        "affiliated-with",
        frozenset({PERSON}),
        frozenset({ORG}),
        _compile(r"\s+of\s+(?:the\s+)?"),
        _fixed("affiliatedWith", True),
        before=_compile(rf"\A(?!(?s:.*)(?:^|\W){_A_ROLE}(?:\s+|{_AMONG})\Z)"),
        name_before=True,
    ),
    # "the rockets had been supplied to X by Y": what is given, then its receiver and giver
    _Rule(
        "supplied-to-by",
        ANY,
        ANY,
        _compile(rf"(?:\s+(?-i:[a-z])[\w-]*)?\s+{_WHEN}by\s+{_THE}"),
        _fixed("supports", False),
        before=_compile(
            rf"\b{_AID}\b[^,;.]{{0,60}}?\s(?:supplied|given|sent|delivered|provided|smuggled"
            r"|shipped|transferred|funnell?ed|channell?ed|sold)\s+to\s+(?:the\s+)?\Z"
        ),
    ),
    # "Hezbollah receives money and weapons from Iran"
    _Rule(
        "supported-from",
        ANY,
        ANY,
        _compile(
            # "the X cell had received explosives from Y": the receiver's unit is the receiver
            rf"(?:\s+(?:{_UNIT}|{_BODY}|{_TRAINEES})s?)?"
            rf"(?:\s*,\s*(?:who|which|that)\s+|\s+)(?:{_HEARSAY_TO}|(?:has|have|had)\s+)?"
            r"(?:also\s+)?(?:receives?|received|receiving|gets?|got|getting|obtains?|obtained)\s+"
            r"(?:[\w-]+\s+){0,3}?(?:support|funding|funds|money|cash|weapons|arms|aid|backing"
            r"|financing|equipment|supplies|salaries|rockets|missiles|drones|ammunition|explosives"
            rf"|dollars)\s+from\s+{_THE}"
        ),
        _fixed("supports", False),
    ),
    # "Turkey provides air cover and supplies to the SNA", "Iran poured money into X"
    _Rule(
        "provides-to",
        ANY,
        ANY,
        _compile(
            rf"\s+(?:of\s+)?{_PERFECT}{_PROVIDED}\s+"
            rf"(?P<aid>(?:[\w$.,-]+\s+){{0,4}}?{_AID}(?:\s+and\s+{_AID})?)\s+(?:to|into)\s+{_THE}"
        ),
        _provided,
    ),
    # "X's money comes largely from Y", "the money that X uses comes from Y": Y supports X
    _Rule(
        "aid-comes-from",
        _PERSON_OR_ORG,
        ANY,
        _compile(rf"{_POSS}\s+(?:[\w-]+\s+){{0,2}}?{_MONEY}{_COMES_FROM}"),
        _fixed("supports", False),
    ),
    _Rule(
        "aid-comes-from",
        _PERSON_OR_ORG,
        ANY,
        _compile(
            r"\s+(?:uses|used|spends|spent|receives|received|gets|got|needs|pays|paid"
            # "the money that keeps X running comes from Y"
            r"|running|going|afloat|alive|operating|in\s+business)"
            rf"(?:\s+[\w-]+){{0,4}}?{_COMES_FROM}"
        ),
        _fixed("supports", False),
        before=_compile(
            rf"\b{_MONEY}\s+(?:that\s+|which\s+)?(?:keeps\s+|kept\s+|keep\s+)?(?:the\s+)?\Z"
        ),
    ),
    # "Emirati cash has flowed to X", "Y's weapons, smuggled by sea, went to X": Y supports X
    _Rule(
        "aid-flowed-to",
        ANY,
        _PERSON_OR_ORG,
        _compile(
            rf"(?:{_POSS})?\s+(?:[\w-]+\s+){{0,2}}?{_MONEY}(?:\s*,[^,;]{{1,80}},|(?:\s+[\w-]+){{0,6}}?)"
            rf"\s+{_PERFECT}(?:flowed|flows|flow|flowing|went"
            r"|goes|poured|pours|streamed|(?:was|were|is|are)\s+(?:funnell?ed|channell?ed"
            r"|sent|smuggled|shipped|delivered))\s+(?:\w+ly\s+)?(?:to|into)\s+" + _THE
        ),
        _fixed("supports", True),
    ),
    # "Hamas relies on Iran for money and rockets": Iran supports Hamas
    _Rule(
        "relies-on",
        ANY,
        ANY,
        _compile(
            rf"{_NEAR}{_PERFECT}(?:relies|relied|rely|relying"
            r"|depends|depended|depend|depending)\s+(?:heavily\s+|largely\s+|mostly\s+"
            rf"|entirely\s+)?(?:up)?on\s+{_THE}"
        ),
        lambda g: _swapped(_provided(g)),
        after=_compile(rf"\s+for\s+(?P<aid>(?:[\w$.,-]+\s+){{0,3}}?{_AID}(?:\s+and\s+{_AID})?)"),
    ),
    # "Qatar footed the bill for X", "Y picked up the tab for X", "Y pays the salaries of X"
    _Rule(
        "pays-for",
        ANY,
        frozenset({ORG}),
        _compile(
            rf"{_NEAR}{_PERFECT}(?:foot(?:s|ed|ing)?|pick(?:s|ed|ing)?\s+up"
            r"|pa(?:y|ys|id|ying)|(?:has|have|had)\s+paid)\s+(?:(?:much|most|part|all|some|half"
            r"|the\s+bulk)\s+of\s+)?(?:the|its|a)\s+(?:bills?|tab|costs?|salaries|wages|payroll)"
            rf"\s+(?:for|of)\s+{_THE}"
        ),
        _fixed("supports", True),
    ),
    # "Y has kept X afloat", "Y kept X stocked with rockets", "Y kept X in ammunition"
    _Rule(
        "pays-for",
        ANY,
        frozenset({ORG}),
        # "Y, whose cargo flights have kept X in ammunition"
        _compile(
            rf"(?:{_NEAR}|\s*,?\s+whose\s+(?:[\w-]+\s+){{1,3}}?){_PERFECT}"
            rf"(?:kept|keeps|keep|keeping)\s+{_THE}"
        ),
        _fixed("supports", True),
        after=_compile(
            r"\s+(?:(?:financially\s+)?afloat|(?:well\s+)?(?:supplied|stocked|armed|equipped"
            rf"|provisioned)\s+with|(?:supplied\s+|stocked\s+)?in\s+{_AID})\b"
        ),
    ),
    # "Wagner fought on the side of X", "fighters of Y intervened on behalf of X"
    _Rule(
        "fought-for",
        ANY,
        _PERSON_OR_ORG,
        _compile(
            rf"(?:\s+{_TRAINEES})?{_NEAR}{_PERFECT}(?:fought|fights|fight|fighting|battled"
            r"|intervened|intervenes|intervene|intervening)\s+(?:on\s+(?:the\s+)?side\s+of"
            rf"|on\s+behalf\s+of)\s+{_THE}"
        ),
        _fixed("supports", True),
    ),
    # "Iran sent advisers to help X", "Y dispatched officers to train X"
    _Rule(
        "sent-to-help",
        ANY,
        ANY,
        _compile(
            rf"\s+{_PERFECT}(?:sent|sends|send|dispatched"
            r"|dispatches|deployed|deploys)\s+(?:[\w-]+\s+){0,3}?(?:advisers|advisors|fighters"
            r"|troops|forces|weapons|arms|instructors|experts|officers|trainers|commanders"
            r"|units|money|cash)\s+(?:to\s+)?(?P<verbs>help|support|aid|back|assist|reinforce"
            rf"|bolster|train)\s+{_THE}"
        ),
        lambda g: (("trainedBy", False),) if g.get("verbs") == "train" else (("supports", True),),
    ),
    # "X sends its fighters to Y for training"; "fighters of X attended a Y training camp"
    _Rule(
        "sent-for-training",
        _PERSON_OR_ORG,
        ANY,
        _compile(
            rf"\s+{_PERFECT}(?:sent|sends|send|dispatched"
            r"|dispatches)\s+(?:(?:its|their|his|her|some|several|hundreds\s+of|dozens\s+of)"
            rf"\s+)?(?:[\w-]+\s+){{0,3}}?to\s+{_THE}"
        ),
        _fixed("trainedBy", True),
        after=_compile(r"\s+for\s+(?:\w+\s+)?training\b"),
    ),
    _Rule(
        "sent-for-training",
        _PERSON_OR_ORG,
        ANY,
        _compile(
            rf"\s+{_PERFECT}(?:attended|attends|attend"
            r"|went\s+through|passed\s+through|graduated\s+from|(?:was|were)\s+sent\s+to"
            r"|trained\s+at"
            # "X learned to assemble bombs at a Y camp"
            r"|(?:learned|learnt|learns|learn|(?:was|were)\s+taught)\s+(?:how\s+)?to\s+"
            r"(?:[\w-]+\s+){1,5}?at"
            # "X owed his marksmanship to a Y course"
            r"|(?:owed|owes|owe|owing)\s+(?:his|her|their|its)\s+(?:[\w-]+\s+){1,2}?to)"
            r"\s+(?:a|an|the)\s+(?:[\w-]+\s+)?"
        ),
        _fixed("trainedBy", True),
        after=_compile(
            r"(?:['’]s?)?\s+(?:military\s+|special\s+|secret\s+)?(?:training\s+(?:camps?"
            r"|courses?|programs?|bases?|facilit(?:y|ies))|camps?|courses?)\b"
        ),
    ),
    # "Under the tutelage of Y engineers, X technicians learned to ...": a sentence that opens
    # with the trainer
    _Rule(
        "fronted-tutelage",
        ANY,
        _PERSON_OR_ORG,
        _compile(rf"(?:\s+{_INSTRUCTORS})?\s*,\s*(?:the\s+)?"),
        _fixed("trainedBy", False),
        before=_compile(
            r"^\W*under\s+the\s+(?:[\w-]+\s+)?(?:tutelage|guidance|instruction|supervision)"
            r"\s+of\s+(?:the\s+)?\Z"
        ),
        after=_compile(
            rf"(?:\s+(?:{_TRAINEES}|technicians|engineers|crews))?\s+{_PERFECT}(?:learned|learnt"
            r"|trained|mastered|(?:was|were)\s+(?:taught|trained))\b"
        ),
    ),
    # "X said operatives of Y had shown him how to wire the charges", "X told police Y
    # instructors had taught him to": a detainee's account of who trained him
    _Rule(
        "showed-him-how",
        frozenset({PERSON}),
        _PERSON_OR_ORG,
        _compile(
            # "The detainee, X, told interrogators that": past the apposition's closing comma
            r"(?:\s*,)?\s+(?:said|says|told\s+(?:[\w-]+\s+)?[\w-]+|admitted|confessed|testified)\s+"
            rf"(?:that\s+)?(?:{_INSTRUCTORS}\s+(?:of|from)\s+)?{_THE}"
        ),
        _fixed("trainedBy", True),
        after=_compile(
            rf"(?:\s+{_INSTRUCTORS})?\s+{_PERFECT}(?:(?:shown|showed|show|taught|teach|trained"
            r"|instructed)\s+(?:him|her)\s+(?:how\s+)?to\b"
            # "had put him (and ten others) through a month-long course"
            r"|put\s+(?:him|her)\b[^,;.]{0,40}?\s+through\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
            r"(?:course|training|programme|program|drills|paces)\b)"
        ),
    ),
    # "X, which broke away from Y in 2011, is now its fiercest rival"
    _Rule(
        "rival",
        _PERSON_OR_ORG,
        _PERSON_OR_ORG,
        _compile(rf"\s*,\s*(?:which|who)\s+[^,;]*?\s+(?:from|with|of|against|under)\s+{_THE}"),
        _fixed("rivalOf", True),
        after=_compile(
            r"[^,;]*,\s+(?:(?:is|was|has\s+become|became|remains)\s+(?:now\s+)?(?:its|their|his"
            rf"|her)\s+{_RIVAL_MODS}(?:fiercest\s+|main\s+|biggest\s+|chief\s+)?{_RIVAL}\b"
            rf"|{_ADVERB}(?:(?:has|have|had)\s+)?(?:since\s+)?{_ADVERB}(?:clashed|feuded|fought|battled)"
            r"\s+(?:with\s+)?(?:it|them|him|her|its|their|his)\b)"
        ),
    ),
    # "Iran's support for Hezbollah", "Iranian funding of the militias"
    _Rule(
        "support-for",
        ANY,
        ANY,
        _compile(
            rf"(?:{_POSS})?\s+(?:(?:military|financial|political|material|covert|open|longtime"
            r"|long-standing|continued|continuing|growing|decades-long)\s+(?:and\s+)?)*"
            r"(?:support|backing|funding|financing|sponsorship|patronage|arming)\s+"
            rf"(?:for|of|to)\s+{_THE}"
        ),
        _fixed("supports", True),
    ),
    # "X threw its weight behind Y", "X rallied behind Y"
    _Rule(
        "support-for",
        ANY,
        ANY,
        _compile(
            rf"{_NEAR}{_PERFECT}(?:(?:threw|throws|throw|thrown|throwing|put|puts|putting)\s+"
            r"(?:its|their|his|her)\s+(?:full\s+|considerable\s+|political\s+|military\s+)?"
            r"weight|(?:rallied|rallies|rally|rallying|lined\s+up|lines\s+up))\s+behind\s+" + _THE
        ),
        _fixed("supports", True),
    ),
    # "X's chief patron, Y", "Y, X's main backer", "Y, the paymaster of X": Y supports X
    _Rule(
        "patron",
        ANY,
        ANY,
        _compile(rf"{_POSS}\s+{_PATRON},?\s+{_THE}"),
        _fixed("supports", False),
    ),
    _Rule(
        "patron",
        ANY,
        ANY,
        _compile(rf"{_LINK}{_DET}{_AND_DESCRIBED}"),
        _fixed("supports", True),
        after=_compile(rf"{_POSS}\s+{_PATRON}\b(?![\s-]+(?:of|to)\b)"),
    ),
    _Rule(
        "patron",
        ANY,
        ANY,
        _compile(rf"{_LINK}{_DET}{_PATRON}\s+(?:of|to|for)\s+{_THE}"),
        _fixed("supports", True),
    ),
    # "Iran provides the Houthis with missiles"
    _Rule(
        "provides-to",
        ANY,
        ANY,
        _compile(rf"\s+{_PERFECT}(?:provides?|provided)\s+{_THE}"),
        _fixed("supports", True),
        after=_compile(r"\s+with\b"),
    ),
    # "Iran was giving X between $1 million and $2 million a month", "Y sends X rockets",
    # "Y gave X crash courses in drone warfare": the thing given follows the receiver
    _Rule(
        "gives-to",
        ANY,
        ANY,
        _compile(
            rf"(?:\s+{_INSTRUCTORS})?(?:\s*,\s*{_REL_PRONOUN}|\s+){_PERFECT}"
            rf"(?:(?:is|was|are|were|been)\s+)?{_ADVERB}(?:gives?|gave|given|giving|sends?|sent|sending|hands?|handed|handing)\s+"
            + _THE
        ),
        lambda g: (("trainedBy", False),) if g.get("lessons") else (("supports", True),),
        # not a place where the givers are ("advisers in Y have been giving X ...")
        before=_compile(r"(?<!\bin\s)(?<!\bat\s)(?<!\bnear\s)(?<!\bfrom\s)\Z"),
        after=_compile(
            rf"\s+(?:{_AMOUNT}\s+)*(?:{_AID}|(?P<lessons>(?:[\w-]+\s+)?(?:courses|lessons"
            r"|classes|instruction)\s+in))\b"
        ),
    ),
    # "X, who speaks for Y", "X told reporters, speaking in the name of Y", "It was X who took
    # the podium for Y"
    _Rule(
        "speaks-for",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(
            rf"(?:\s+(?:told|tells|said|says)(?:\s+[\w.'’-]+){{0,2}}?)?"
            rf"(?:\s*,\s*(?:{_REL_PRONOUN}{_ADVERB}(?:speaks|spoke)|{_ADVERB}speaking)"
            rf"|{_NEAR}{_ADVERB}(?:speaks|spoke|speaking|(?:took|takes|take|taking)\s+the"
            r"\s+(?:podium|microphone|lectern|rostrum)))\s+"
            rf"{_ON_BEHALF}\s+{_THE}"
        ),
        _fixed("spokespersonFor", True),
    ),
    # "X, who reads out the Y's communiques", "X, whose job is to relay Y's line to the press"
    _Rule(
        "speaks-for",
        frozenset({PERSON}),
        _ORG_OR_PLACE,
        _compile(
            rf"(?:{_NEAR}|\s*,?\s+whose\s+(?:job|role|task|duty)\s+(?:it\s+)?is\s+to\s+)"
            rf"{_PERFECT}(?:(?:reads?|reading)\s+out|relays?|relayed|relaying|conveys?|conveyed"
            r"|conveying|issues?|issued|issuing|presents?|presented|presenting)\s+" + _THE
        ),
        _fixed("spokespersonFor", True),
        after=_compile(
            r"(?:\s+(?:government|leadership|movement|military|army|command))?['’]s?\s+"
            r"(?:[\w-]+\s+){0,2}?(?:communiqu[eé]s?|statements?|announcements|briefings|bulletins"
            r"|(?:line|position|message|views)\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:press|media"
            r"|reporters|journalists))\b"
        ),
    ),
    # "Speaking for X, Y said", "Speaking on behalf of X, a man who gave his name as Y said"
    _Rule(
        "speaks-for",
        _ORG_OR_PLACE,
        frozenset({PERSON}),
        _compile(
            r"\s*,\s*(?:(?:a|an|the|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|person|official"
            r"|fighter|member|commander|officer)\s+(?:who\s+(?:gave|identified)\s+(?:his|her)"
            r"(?:self|\s+name)?\s+(?:only\s+)?as|(?:named|called|identified\s+(?:only\s+)?as))\s+)?"
        ),
        _fixed("spokespersonFor", False),
        before=_compile(rf"^\W*speaking\s+{_ON_BEHALF}\s+(?:the\s+)?\Z"),
    ),
    # "X belongs to the Badr Organization"; a group that belongs to another is part of it
    _Rule(
        "belongs-to",
        frozenset({PERSON}),
        frozenset({ORG}),
        _BELONGS_TO,
        _fixed("memberOf", True),
    ),
    _Rule("belongs-to", frozenset({ORG}), frozenset({ORG}), _BELONGS_TO, _fixed("partOf", True)),
    # "X answers to Y", "X takes its orders from Y", "X falls under the Y", "X was folded into
    # Y": a body under another's authority is part of it
    _Rule(
        "answers-to",
        frozenset({ORG}),
        frozenset({ORG}),
        _compile(
            rf"{_NEAR}{_PERFECT}(?:{_BE}\s+|being\s+|been\s+)?{_ADVERB}(?:(?:answer|report)(?:s|ed"
            r"|ing)?\s+(?:directly\s+|only\s+)?to|(?:take|takes|took|taking|taken)\s+(?:(?:its"
            r"|their|his|her)\s+)?(?:orders|instructions|commands)\s+(?:directly\s+)?from"
            r"|(?:subordinate|subordinated|accountable)\s+to|(?:fall|falls|fell|fallen|falling"
            r"|operate|operates|operated|operating|came|come|comes|brought|placed|put)\s+under"
            r"(?:\s+the\s+(?:command|authority|control|umbrella|banner|wing|aegis|supervision)"
            r"\s+of)?|(?:folded|absorbed|merged|integrated|incorporated|subsumed)\s+into)\s+" + _THE
        ),
        _fixed("partOf", True),
        head=True,  # not "came under Y fire"
    ),
    # "Kataib X, an Iranian-trained militia", "X, an Iran-backed group"
    _Rule(
        "apposition-backed",
        frozenset({PERSON, ORG}),
        ANY,
        _compile(rf"(?:\s*,\s*|\s+{_BE}\s+)(?:an?|the|one\s+of\s+(?:the|several|many))\s+"),
        _verbs,
        after=_compile(rf"-{_VERB_CHAIN}\b"),
    ),
    # "Sadr's Mahdi Army": a person's organization is the one he leads; "X, a politician
    # whose Y movement sided with Z": the same possessive in a relative clause; an officer's
    # ("Maj. Gen. X's Y") or a unit's ("X's 9th Division") is the one he commands
    _Rule(
        "possessor-leads",
        frozenset({PERSON}),
        frozenset({ORG}),
        _compile(
            rf"(?:{_POSS}|\s*,\s*(?:(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?)?whose)\s+(?:own\s+)?"
        ),
        _possessor_leads,
        head=True,  # not "Ijaz's BlackBerry messages"
        before=_compile(rf"(?P<rank>(?:^|\W){_RANK}\s+)?\Z"),
        name_before=True,
        # (not "Sadr's Mahdi Army's commander", "X's Y-backed militia": the object is further on)
        after=_compile(rf"(?P<unit>{_MILITARY_UNIT_NAME})?(?!['’]s?\s|-[^\W\d_])"),
    ),
    # "the pro-Y daily X", "a pro-Iranian militia, X": X sides with Y
    _Rule(
        "affiliated-with",
        _ORG_OR_PLACE,
        frozenset({ORG}),
        _compile(r"\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?:,\s*)?(?:the\s+)?"),
        _fixed("affiliatedWith", False),
        before=_compile(r"\bpro-\Z"),
    ),
    # "Syria-allied Amal"
    _Rule(
        "affiliated-with",
        _ORG_OR_PLACE,
        frozenset({PERSON, ORG}),
        _compile(rf"-(?:affiliated|linked|allied|aligned|associated)\s+{_THE}"),
        _fixed("affiliatedWith", False),
    ),
    # "Basra, Iraq": a place, then the place that contains it, outside a list of places
    _Rule(
        "place-comma-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(r"\s*,\s*"),
        _fixed("locatedIn", True),
        before=_compile(r"(?<!,)(?<!,\s)(?<!\band\s)(?<!\bor\s)\Z"),
        # the containing place closes the phrase ("Basra, Iraq."), unlike "In Lebanon, Iran stood"
        after=_compile(
            r"(?:\s+(?:province|governorate))?(?=\s*[,.;)\]”\"]|\s*\Z)"
            r"(?!\s*,?\s*(?:and|or)\b|\s*,\s*(?:the\s+)?(?-i:[A-Z])|\s*[-:])"
        ),
    ),
    # "Lebanon's Bint Jbeil district", "Najaf's Wadi al-Salam cemetery", "Iraq's southern
    # Basra.": a place after its country's or city's possessive, with a word that says it is
    # one (not "Israel's Gaza offensive", nor "Germany's Florian Mayer", a name mistagged)
    _Rule(
        "place-possessive",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(rf"{_POSS}\s+{_COMPASS}"),
        _fixed("locatedIn", False),
        after=_compile(rf"(?=\s+(?:{_PLACE_NOUN}|{_SITE})\b)"),
    ),
    # "Lebanon's Bekaa Valley", "Syria's Idlib Governorate": the word is the name's own last
    _Rule(
        "place-possessive",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(rf"{_POSS}\s+{_COMPASS}"),
        _fixed("locatedIn", False),
        after=_compile(
            "(?:"
            + "|".join(f"(?<=\\s{word})" for word in _NAME_ENDS_IN_A_PLACE_NOUN)
            + r")(?![\w'’-])"
        ),
        head=True,  # not "Israel's Gaza Strip offensive"
    ),
    _Rule(
        "place-possessive",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(rf"{_POSS}\s+{_COMPASS_WORD}\s+"),
        _fixed("locatedIn", False),
        after=_compile(r"(?=\s*[,.;:)]|\s*\Z)"),
    ),
    # "Hodeidah, Yemen's main Red Sea port"
    _Rule(
        "place-possessive",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(r"\s*,\s*"),
        _fixed("locatedIn", True),
        before=_compile(r"(?<!,)(?<!,\s)(?<!\band\s)(?<!\bor\s)\Z"),
        after=_compile(
            rf"{_POSS}\s+(?:[\w-]+\s+){{0,4}}?(?:{_PLACE_NOUN}|{_SITE})\b(?!\s+(?:of|in)\b)"
        ),
    ),
    # "Sadr City, a district of Baghdad", "Kufa is a town in Najaf province"
    _Rule(
        "place-in-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(_A_PLACE_IN + _COMPASS),
        _fixed("locatedIn", True),
    ),
    # "X, a garrison town in Y's far north"
    _Rule(
        "place-in-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(_A_PLACE_IN),
        _fixed("locatedIn", True),
        after=_compile(rf"{_POSS}\s+{_COMPASS_WORD}\b"),
    ),
    # "Hit and Rutba, both towns in Anbar"
    _Rule(
        "places-in-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(
            rf"\s*,\s*(?:both|all|each)\s+(?:[\w-]+\s+)?{_PLACE_NOUN}s?\s+(?:in|of)\s+{_THE}"
            r"(?:(?:north|south|east|west|central)(?:ern)?\s+)?"
        ),
        _fixed("locatedIn", True),
    ),
    # "Jurf al-Sakhar, in northern Babil province, ..."
    _Rule(
        "place-in-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        # "X, deep in Y's western desert", "X, high in the Y mountains" (not "just outside")
        _compile(
            r"\s*,\s*(?:(?:deep|far|high|well|right|squarely)\s+)?(?:in|inside|within)\s+"
            rf"(?:the\s+)?{_COMPASS}"
        ),
        _fixed("locatedIn", True),
        before=_compile(r"(?<!\bof\s)\Z"),  # not "south of Baghdad, in Numaniya"
        # "X, in Beirut's southern suburbs": a site of the place closes the phrase too
        after=_compile(
            rf"(?:\s+(?:province|governorate|district|region)|{_POSS}\s+{_COMPASS}{_SITE})?"
            r"\s*(?:[,.;)]|\Z)"
        ),
    ),
    # "the Iraqi city of Mosul" (with a place's name first, "the Baghdad district of Karrada"
    # and "the Karrada district of Baghdad" are both written: no rule)
    _Rule(
        "place-in-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(rf"\s+{_PLACE_NOUN}\s+of\s+"),
        _fixed("locatedIn", False),
        before=_compile(r"(?:^|\W)the\s+\Z"),
        demonym=True,
    ),
    # "the Anbar town of Hit", "the Nineveh village of X": a settlement's noun after its
    # province's name (a district or a neighbourhood is written either way round: no rule)
    _Rule(
        "place-in-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(
            r"\s+(?:(?:small|tiny|remote|border|desert|mountain|mostly\s+\w+|predominantly\s+\w+"
            r"|mixed|restive|strategic|holy|shrine|oil|market|farming|garrison|frontier)[\s-]+)*"
            r"(?:town|city|village|hamlet|port(?:\s+city)?)\s+of\s+"
        ),
        _fixed("locatedIn", False),
        before=_compile(r"(?:^|\W)the\s+\Z"),
        after=_compile(r"(?!['’]|\s*,?\s*(?:and|or)\b)"),
        own_name=True,
    ),
    # "the Kessel fish market in Y", "the Wadi shrine in Y": a named site in a place
    _Rule(
        "place-in-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(rf"\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?{_SITE}\s+in\s+(?:the\s+)?{_COMPASS}"),
        _fixed("locatedIn", True),
        before=_compile(r"(?:^|\W)the\s+\Z"),
        after=_compile(r"(?!['’]|\s*,?\s*(?:and|or)\b)"),
        own_name=True,
    ),
    # "fighting in Sadr City in Baghdad": a place in a place, after a locative preposition
    _Rule(
        "place-in-place",
        frozenset({PLACE}),
        frozenset({PLACE}),
        _compile(
            r"\s+in\s+(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east"
            r"|south-?west)(?:ern)?\s+)?"
        ),
        _fixed("locatedIn", True),
        before=_compile(r"(?:^|\W)(?:in|at|inside|outside\s+of)\s+(?:the\s+)?\Z"),
        after=_compile(r"(?!['’]|\s*,?\s*(?:and|or)\b)"),
    ),
)


def name_start(mention: Mention) -> int:
    """Where the bare name starts, after a title the NER took into the mention."""
    if not mention.titles:
        return mention.start
    for match in re.finditer(r"(?<!\S)\S", mention.text):
        if " ".join(mention.text[match.start() :].split()) == mention.name:
            return mention.start + match.start()
    return mention.start


def _apply(
    rule: _Rule, text: str, sentence: Sentence, left: Mention, right: Mention, skip: str = ""
) -> list[tuple[str, Mention, Mention]]:
    """Each (predicate, subject, object) ``rule`` reads between two mentions.

    ``skip`` is the possessive that stands between them ("Iran's " in "commander of Iran's Quds
    Force"): the rule reads the text as if it were not there.
    """
    if left.kind not in rule.left or right.kind not in rule.right:
        return []
    if rule.demonym and not _names_the_country(text, sentence, left, right):
        return []
    if rule.own_name and _adjectival(left):
        return []
    if rule.head and before_a_noun(text, sentence, right):
        return []
    groups: dict[str, str | None] = {}
    for end in dict.fromkeys((right.start, name_start(right))):
        between = text[left.end : end]
        if skip:
            between = between.replace(skip, "", 1)
        match = rule.between.fullmatch(between)
        if match is not None:
            groups.update(match.groupdict())
            break
    else:
        return []
    if rule.before is not None:
        # on the sentence's own text, so that ``^`` is where the sentence starts
        start = name_start(left) if rule.name_before else left.start
        match = rule.before.search(text[sentence.start : start])
        if match is None:
            return []
        groups.update({k: v for k, v in match.groupdict().items() if v is not None})
    if rule.after is not None:
        match = rule.after.match(text, right.end, sentence.end)
        if match is None:
            return []
        groups.update({k: v for k, v in match.groupdict().items() if v is not None})
    elif right.kind is not PERSON and re.match(r"['’]s?\s", text[right.end : right.end + 3]):
        return []  # "a unit of Iran's Revolutionary Guard": the object is the next name
    elif _COMPOUND.match(text, right.end):
        return []  # "part of the Iran-aligned axis": the name only qualifies the next word
    found = []
    for predicate, left_is_subject in rule.emit(groups):
        subject, obj = (left, right) if left_is_subject else (right, left)
        domain, range_ = SIGNATURES[predicate]
        if subject.kind not in domain or obj.kind not in range_:
            continue
        if predicate != "locatedIn" and not rule.clause and _modifies_a_noun(text, right, sentence):
            continue
        found.append((predicate, subject, obj))
    return found


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_STATE_AGENT = re.compile(
    r"\s+(?:government|military|army|authorities|regime|administration|cabinet|armed\s+forces"
    r"|security\s+forces|special\s+(?:operations\s+)?forces|instructors|trainers|advisers|advisors|officers|experts|operatives"
    r"|officials|troops|commanders|specialists|agents|diplomats)\b"
)
_COMPOUND = re.compile(r"-[^\W\d_]")
_HYPHENATED = re.compile(r"-[^\W\d_]+\s+")
_ORG_TITLE = _compile(rf"\s+{_MODS}{_ROLE}\s+")
_UNIT_AFTER = _compile(rf"\s+(?=(?:{_UNIT_MODS}[\s-]+)*{_UNIT}s?\b)")


# Denial and negation: "Iran denies funding X", "X, which Iran has never armed", "no evidence
# that Iran armed X", "X was mistakenly identified as a Y commander". A kinship or a place
# holds whatever is denied about it.
_ACQUIT = r"acquit(?:s|ted|ting)?|exonerat(?:e|es|ed|ing)"
_NEGATION = (
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)"
    r"|never|not|no\s+longer|no\s+evidence|stopped|ceased|halted|mistaken(?:ly)?|falsely"
    rf"|wrongly|erroneously|incorrectly|{_ACQUIT})\b|n['’]t\b"
)
# "a court acquitted X of charges that he ...": what X is cleared of is not so
_CLEARED = re.compile(rf"\b(?:{_ACQUIT}|clear(?:s|ed|ing)?)\s+\Z", re.IGNORECASE)
_OF = re.compile(r"\s+of\s")
NOT_NEGATED = frozenset({"relativeOf", "locatedIn"})
_NEGATED_BETWEEN = re.compile(_NEGATION, re.IGNORECASE)
# ", which denied it,", " — not to be confused with X —", " (not the X)"
_ASIDE = re.compile(r",\s*(?:which|who)\s+[^,]*,|[—–][^—–]*[—–]|\([^()]*\)", re.IGNORECASE)
_OBJECT_RELATIVE_OPENS = re.compile(r"\b(?:which|that|whom)\s+(?:the\s+)?\Z", re.IGNORECASE)
_NEGATED_AFTER = re.compile(
    rf"\s+(?:(?:has|have|had|does|do|did|is|was)\s+)?(?:long\s+|repeatedly\s+)?(?:{_NEGATION})",
    re.IGNORECASE,
)
_DENIED_CLAUSE = re.compile(
    rf"(?:{_NEGATION})(?:\s+[\w'’-]+){{0,3}}?\s+(?:that|of|whether|if)\s+"
    r"(?:(?!\b(?:and|but)\b)[^;,.])*\Z",
    re.IGNORECASE,
)
# A claim the sentence goes on to deny: "..., a charge Tehran denied", "..., which Riyadh
# denies.", "..., but Iran denies it"
_DENIAL = (
    r"(?:(?:has|have|had|did|does)\s+)?(?:long\s+|repeatedly\s+|strongly\s+|flatly\s+"
    r"|always\s+)?(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refute[sd]?)"
)
_CLAIM = r"(?:charges?|claims?|accusations?|allegations?|reports?|assertions?)"
_DENIED_LATER = re.compile(
    r"(?:[,;:(—–]|\s-|\b(?:but|and|while|though|although)\b)\s*(?:"
    rf"(?:(?:a|an|the)\s+)?{_CLAIM}\b[^,;.]*?\b{_DENIAL}\b"
    rf"|which\s+(?:[\w'’.-]+\s+){{0,4}}?{_DENIAL}\s*(?:[,;.)]|\Z)"
    rf"|(?:[\w'’.-]+\s+){{1,4}}?{_DENIAL}\s+(?:it|this|them|the\s+{_CLAIM}|such\s+{_CLAIM}"
    r"|any\s+(?:link|links|role|involvement|support|ties))\b"
    # "denied that." denies the claim; "denied that his fighters ..." denies another clause
    rf"|(?:[\w'’.-]+\s+){{1,4}}?{_DENIAL}\s+that\s*(?:[,;.)]|\Z))",
    re.IGNORECASE,
)
# A claim the sentence calls false: "Reports that X had been named head of Y were untrue"
_CLAIM_THAT = re.compile(
    rf"\b(?:{_CLAIM}|rumou?rs?|stories|suggestions?)\s+that\s+[^;]*\Z", re.IGNORECASE
)
_PROVED_FALSE = re.compile(
    r"[^;]*?\b(?:(?:is|are|was|were|been|remains?|remained|proved|proven|turned\s+out\s+to\s+be)"
    r"\s+(?:\w+ly\s+)?"
    r"(?:untrue|false|baseless|unfounded|groundless|fabricated|wrong|incorrect|inaccurate"
    r"|mistaken|fake|unconfirmed|unproven|unsubstantiated)|(?:was|were|has\s+been|have\s+been)"
    r"\s+(?:\w+ly\s+)?(?:denied|(?:never|not)\s+(?:confirmed|proven|proved|substantiated))"
    # a claim that failed where it was tested: "collapsed", "was thrown out", "fell apart"
    r"|collapsed|fell\s+apart|crumbled|unravell?ed|(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?(?:thrown\s+out|dismissed|debunked|discredited|retracted|withdrawn"
    r"|overturned|struck\s+down)|(?:did|does)\s+not\s+hold\s+up)\b",
    re.IGNORECASE,
)
# A condition asserts nothing: "If X ever chose to arm Y", "asked whether X funds Y", "Should
# X decide to arm Y" (an inverted condition)
_CONDITION = re.compile(
    r"(?:(?:^|[,;:]\s*|\b(?:that|and|but|asked|wondered)\s+)(?:even\s+|only\s+)?(?:if|unless"
    r"|whether)|^\W*(?:should|had|were))\s+[^,;]*\Z",
    re.IGNORECASE,
)
# A plan is no fact: "A decision to fold X into Y, if it ever comes", "plans to arm X"
_PROPOSED = re.compile(
    r"\b(?:plans?|proposals?|bids?|calls?|push|demands?|threats?|(?:a|any|the)\s+(?:decision"
    r"|move|law|bill|vote))\s+to\s+[a-z]+\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# "X, a splinter group of Y", "X broke away from Y": neither part of nor allied with Y
_SPLIT = re.compile(
    r"\b(?:splinter(?:ed|s)?|offshoots?|breakaway|break-away|splits?\s+(?:from|off|with|away)"
    r"|broke\s+(?:away|off|with|from)|breaking\s+(?:away|off|with)|defected|dissidents?)\b",
    re.IGNORECASE,
)


# A person who breaks with a body: "X broke with Y", "X parted ways with Y"
_BROKE_WITH = re.compile(
    r"\b(?:broke\s+(?:away\s+)?(?:with|from)|broke\s+ranks\s+with|split\s+(?:from|with)"
    r"|parted\s+(?:ways|company)\s+with|defected\s+from)\b",
    re.IGNORECASE,
)
_TIES = frozenset({"leaderOf", "commanderOf", "memberOf", "affiliatedWith", "spokespersonFor"})


# "fought alongside X", "fought with X" (at X's side, or against X: no rivalry read)
_SIDE_BY_SIDE = re.compile(
    r"\b(?:alongside|side\s+by\s+side|together\s+with|joined\s+forces|(?:fought|fights|fight"
    r"|fighting)\s+with)\b",
    re.IGNORECASE,
)


def negated(text: str, sentence: Sentence, first: Mention, second: Mention) -> bool:
    """Whether the sentence denies or negates what it says between ``first`` and ``second``
    (in text order): a negation between them (outside a relative aside), after the second
    when it is an object relative clause's subject ("X, which Iran denies funding"), or a
    denial whose "that" clause holds both ("Iran denies that it trains X"), a condition that
    holds both ("if Iran armed X"), a claim called false ("reports that ... were untrue"), or a
    denial of the claim later in the sentence ("accused Iran of arming X, a charge Tehran
    denied")."""
    between = text[first.end : second.start]
    if _NEGATED_BETWEEN.search(_ASIDE.sub(",", between)):
        return True
    if _OBJECT_RELATIVE_OPENS.search(between) and _NEGATED_AFTER.match(
        text, second.end, sentence.end
    ):
        return True
    opening = text[sentence.start : first.start]
    if _DENIED_CLAUSE.search(opening) is not None:
        return True
    if _CLEARED.search(opening) is not None and _OF.match(between):
        return True
    # a condition or a plan holds both names only where no comma parts them
    if "," not in between and (_CONDITION.search(opening) or _PROPOSED.search(opening)):
        return True
    return called_false(text, sentence, first, second) or (
        _DENIED_LATER.search(text, second.end, sentence.end) is not None
    )


def called_false(text: str, sentence: Sentence, first: Mention, second: Mention) -> bool:
    """Whether both names stand in a claim the sentence calls false or unconfirmed ("Rumours
    that X was Y's cousin were never confirmed"): unlike a denial, this unsays a kinship or a
    place too. The claim holds both only where no comma parts them."""
    return (
        "," not in text[first.end : second.start]
        and _CLAIM_THAT.search(text, sentence.start, first.start) is not None
        and _PROVED_FALSE.match(text, second.end, sentence.end) is not None
    )


def vetoed(text: str, sentence: Sentence, predicate: str, subject: Mention, obj: Mention) -> bool:
    """Whether a statement a rule or the classifier read must not be made: it is denied or
    negated (``negated``), it makes rivals of two that fought side by side, or it ties a
    splinter group to the group it split from."""
    first, second = sorted((subject, obj), key=lambda m: m.start)
    if predicate not in NOT_NEGATED and negated(text, sentence, first, second):
        return True
    if predicate in NOT_NEGATED and called_false(text, sentence, first, second):
        return True
    if predicate == "rivalOf" and _SIDE_BY_SIDE.search(text, first.end, second.start):
        return True
    if predicate in _TIES and _BROKE_WITH.search(text, first.end, second.start):
        return True  # "X broke with Y, taking his gunmen with him": neither leads nor belongs
    split = subject.kind is not PERSON and obj.kind is not PERSON and predicate != "rivalOf"
    return split and (
        _SPLIT.search(text, first.end, second.start) is not None
        or (
            _LEFT_BEFORE.search(text, sentence.start, first.start) is not None
            and _TO_FOUND.fullmatch(text, first.end, second.start) is not None
        )
    )


def _names_the_country(text: str, sentence: Sentence, adjective: Mention, name: Mention) -> bool:
    """A country adjective before an organization ties the two ("the Lebanese Hezbollah"),
    unless it describes something else the name only modifies ("an American Democratic
    politician", "the French SNEP charts")."""
    if adjective.text not in COUNTRY_OF:
        return False
    if re.search(r"\b(?:a|an)\s+\Z", text[sentence.start : adjective.start], re.IGNORECASE):
        return False
    return not before_a_noun(text, sentence, name)


def _adjectival(mention: Mention) -> bool:
    """Whether a mention reads as a nationality's adjective ("Iraqi", "Nepalese", "Kurdish"),
    which names no place of its own before a place noun."""
    return mention.text in COUNTRY_OF or re.search(r"(?:ese|ian|ish)\Z", mention.text) is not None


def before_a_noun(text: str, sentence: Sentence, name: Mention) -> bool:
    """Whether a common noun follows the name, which then only modifies it."""
    following = _NEXT_WORD.match(text, name.end, sentence.end)
    return following is not None and following.group(1) in lexicon.load(lexicon.NOUNS)


_PROVINCE = re.compile(r"\s+(?:province|governorate)\b", re.IGNORECASE)


def _modifies_a_noun(text: str, mention: Mention, sentence: Sentence) -> bool:
    """A place name right before another word of its noun phrase names where the thing is, not
    a party to the relation; but a country adjective before the state's own people or organs
    ("the Iranian government", "Turkish officers") names the state acting through them."""
    if mention.kind is not PLACE:
        return False
    # "Karbala province": the noun is the place's own ("who governs Karbala province")
    noun = _PROVINCE.match(text, mention.end, sentence.end)
    if _PHRASE_ENDS.match(text, noun.end() if noun else mention.end, sentence.end):
        return False
    return not (mention.text in COUNTRY_OF and _STATE_AGENT.match(text, mention.end, sentence.end))


def _by_sentence(mentions: Sequence[Mention]) -> dict[Sentence, list[Mention]]:
    grouped: dict[Sentence, list[Mention]] = defaultdict(list)
    for mention in mentions:
        grouped[mention.sentence].append(mention)
    return grouped


POSSESSOR = re.compile(r"['’]s?\s+")
"""A possessive and the space before the name it owns ("Iran's Quds Force")."""
# "trained in Lebanon by": the place is where, the agent comes after it
_IN_PLACE = re.compile(r"\s(?P<prep>in|at|near|inside|outside)\s+(?:the\s+)?\Z", re.IGNORECASE)
_BY = re.compile(r"\s+(?:(?:in|during|since)\s+\w+\s+)?by\s", re.IGNORECASE)
# Lists: "Iran and Syria", "Hamas, Islamic Jihad and Hezbollah" (an "or" list asserts nothing).
COORDINATION = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", re.IGNORECASE)
# "X and his brother Y" lists two persons too
_KIN_LIST = re.compile(rf"\s+and\s+(?:his|her)\s+{_KIN_MODS}{_KIN},?\s+", re.IGNORECASE)
# A list acts as the subject only where a clause starts ("He said Iran and Syria armed ...").
_CLAUSE_START = re.compile(
    r"(?:\A|[,;:(—–]\s*|\b(?:that|said|says|and|but|while|as|because|when|after)\s+)"
    r"(?:both\s+)?(?:the\s+)?\Z",
    re.IGNORECASE,
)
# A list named as examples ("groups such as A and B", "among them A and B") is both.
_INCLUDED = re.compile(rf"\b{_INCLUDING}\Z", re.IGNORECASE)
# A list acts as the object only where its noun phrase closes ("armed Hezbollah and Hamas.").
_LIST_ENDS = re.compile(
    r"\s*(?:[.,;:)!?\"”]|\Z)|\s+(?:in|on|at|for|with|since|during|after|before|until|to|from"
    r"|by|as|which|who|that|\w+ly)\b",
    re.IGNORECASE,
)
# Rules whose statement holds for each name of a list on either side ("members of A and B").
DISTRIBUTIVE = frozenset(
    {
        "trained-or-backed-by", "trains-or-backs", "received-training-from", "member-of",
        "joined", "served-in", "verb-founded", "passive-led-by", "affiliated-with", "based-in",
        "works-for", "supported-from", "provides-to", "belongs-to", "instructors-trained",
        "object-relative", "clashed-with", "support-for", "verb-leads", "apposition-role",
        "accused-of", "role-of-including", "places-in-place", "relies-on", "sent-to-help",
        "sent-for-training", "hyphen-backed-such-as", "role-among-of", "pays-for",
        "answers-to", "both-role",
    }
)  # fmt: skip


def _lists(text: str, sentence: Sentence, mentions: Sequence[Mention]) -> dict[Mention, tuple]:
    """Each mention in a list of same-kind names joined by commas and a final "and", with
    whether the list may be a clause's subject (its first name) and a phrase's object (last)."""
    lists: dict[Mention, tuple] = {}
    run = [mentions[0]] if mentions else []
    for prev, mention in pairwise(mentions):
        link = COORDINATION.fullmatch(text, prev.end, mention.start)
        if link is None and prev.kind is PERSON:
            link = _KIN_LIST.fullmatch(text, prev.end, mention.start)
        if link is not None and mention.kind is prev.kind and prev.end <= mention.start:
            run.append(mention)
            continue
        _close(run, text, sentence, lists)
        run = [mention]
    _close(run, text, sentence, lists)
    return lists


def _close(run: list[Mention], text: str, sentence: Sentence, lists: dict) -> None:
    if len(run) < 2 or not re.search(r"\band\b", text[run[-2].end : run[-1].start], re.I):
        return
    # on the sentence's own text: ``\A`` does not match at a search's start position
    before = text[sentence.start : run[0].start]
    included = bool(_INCLUDED.search(before))
    as_subject = included or bool(_CLAUSE_START.search(before))
    as_object = included or bool(_LIST_ENDS.match(text, run[-1].end, sentence.end))
    members = (tuple(run), as_subject, as_object)
    for mention in run:
        lists[mention] = members


def _qualifies(text: str, name: Mention, following: Mention) -> bool:
    """Whether ``name`` only qualifies the name right after it: a country adjective ("a
    Lebanese Hezbollah commander") or a hyphen compound ("the Iran-backed Kataib Hezbollah")."""
    gap = text[name.end : following.start]
    if name.kind is PLACE and name.text in COUNTRY_OF and gap == " ":
        return True
    return name.kind is not PERSON and re.fullmatch(r"-[^\W\d_]+\s+", gap) is not None


def _pairs(text: str, mentions: Sequence[Mention]) -> Iterable[tuple[Mention, Mention, str]]:
    """Adjacent mentions, and mentions one possessive apart ("commander of Iran's Quds Force"),
    one qualifier apart ("leader of the Iran-backed X", ``_qualifies``) or one place adverbial
    before a passive agent apart ("trained in Lebanon by Hezbollah"):
    (left, right, the text between them the rules skip)."""
    for i in range(len(mentions) - 1):
        left, right = mentions[i], mentions[i + 1]
        if right.start < left.end or left.name == right.name:
            continue
        yield left, right, ""
        if i + 2 >= len(mentions) or mentions[i + 2].name == left.name:
            continue
        after = mentions[i + 2]
        possessive = POSSESSOR.match(text, right.end)
        if right.kind is not PERSON and possessive is not None:
            if after.start == possessive.end():
                yield left, after, text[right.start : possessive.end()]
        elif _qualifies(text, right, after):
            yield left, after, text[right.start : after.start]
        elif right.kind is not PERSON and (compound := _HYPHENATED.match(text, right.end)):
            # "X, an Iranian-funded group in Y": the compound only describes the noun after it
            yield left, after, text[right.start : compound.end()]
        elif (
            PERSON is left.kind is after.kind
            and right.kind is ORG
            and (title := _ORG_TITLE.fullmatch(text, right.end, after.start))
        ):
            # "the widow of Badr commander Y", "married to jailed X financier Y": the body only
            # says whose title the name bears
            yield left, after, text[right.start : title.end()]
        elif right.kind is ORG and (unit := _UNIT_AFTER.match(text, right.end)):
            # "X, a Y unit stationed in Z": the name only says whose unit
            yield left, after, text[right.start : unit.end()]
        elif right.kind is PLACE and _BY.match(text, right.end):
            where = _IN_PLACE.search(text, left.end, right.start)
            if where is not None:
                yield left, after, text[where.start("prep") : right.end]
    yield from _past_asides(text, mentions)


# An aside between a subject and its verb: a relative or participle clause or a short noun
# phrase between commas, a phrase between dashes or in parentheses, followed by a lowercase word
# that goes on with the subject's clause
_SUBJECT_ASIDE = re.compile(
    r"(?P<closed>\s*,\s*(?:which|who|whom|whose)\b[^,;()—–]*,|\s+[—–]\s*[^—–;]+?\s*[—–])"
    r"|\s*,\s*(?:(?:long|once|now|also|first|later|still|originally)\s+)?"
    r"(?:[a-z]+ed|set\s+up|run|led|built)\b[^,;()—–]*,|\s+\([^()]+\)"
    # a short noun phrase: "X, the bomb-maker, learned", "X, the armed wing of Z, kept", "X,
    # the cleric executed by Z in 1980, was"
    r"|\s*,\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
    r"(?:\s+(?:of|in|for|(?-i:[a-z]+ed)\s+(?:by|in|at|on|from))\s+[^,;()—–]{1,60}?)?\s*,",
    re.IGNORECASE,
)
# (a relative pronoun after it opens a clause of its own: "X, the namesake of Y, who founded Z")
_CLAUSE_GOES_ON = re.compile(r"\s+(?!(?:and|or|but|nor|then|who|whom|which|that)\b)[a-z]")


def subject_aside(text: str, at: int) -> re.Match[str] | None:
    """The aside (``_SUBJECT_ASIDE``) that starts at ``at``, when the clause goes on after it."""
    aside = _SUBJECT_ASIDE.match(text, at)
    if aside is None or not _CLAUSE_GOES_ON.match(text, aside.end()):
        return None
    return aside


def _past_asides(text: str, mentions: Sequence[Mention]) -> Iterable[tuple[Mention, Mention, str]]:
    """(a name, the first name after the aside that follows it, the aside): "X — not to be
    confused with Z — was set up by Y", "X, long commanded by Z, is a unit of Y", "X, which Z
    arms, has its headquarters in Y" read as if the aside were not there."""
    for left in mentions:
        aside = subject_aside(text, left.end)
        if aside is None:
            continue
        right = next((m for m in mentions if m.start >= aside.end()), None)
        if right is not None and right.name != left.name:
            yield left, right, text[left.end : aside.end()]


def _spread(
    found: tuple[str, Mention, Mention], left: Mention, right: Mention, lists: dict
) -> Iterable[tuple[str, Mention, Mention]]:
    """The statement for every name of the list at either end of a distributive rule."""
    predicate, subject, obj = found
    yield found
    left_list = lists.get(left)
    if left_list is not None and left_list[0][-1] is left and left_list[1]:
        for other in left_list[0][:-1]:
            yield (predicate, other, obj) if subject is left else (predicate, subject, other)
    right_list = lists.get(right)
    if right_list is not None and right_list[0][0] is right and right_list[2]:
        for other in right_list[0][1:]:
            yield (predicate, other, obj) if subject is right else (predicate, subject, other)


_GROUP = (
    r"\b(?:the|this)\s+(?:group|militia|movement|organi[sz]ation|network|party|faction|force"
    r"|army|brigades?)['’]s?\s+"
)
_GROUP_ROLE_BEFORE = _compile(rf"{_GROUP}{_MODS}{_ROLE},?\s+\Z")
_ONE_OF = r"(?:one\s+of\s+)?"  # "X, one of the group's founders"
_GROUP_ROLE_AFTER = _compile(rf"{_LINK}{_ONE_OF}{_GROUP}{_MODS}{_ROLE}\b(?![\s-]+(?:of|for)\b)")
ANAPHOR_WINDOW = 2
"""How many sentences before the anaphor's own one "the group" may reach back to."""


_ITS = r"\b(?:its|their)\s+"
_ITS_ROLE_BEFORE = _compile(rf"{_ITS}{_MODS}{_ROLE},?\s+\Z")
_ITS_ROLE_AFTER = _compile(rf"{_LINK}{_ONE_OF}{_ITS}{_MODS}{_ROLE}\b(?![\s-]+(?:of|for)\b)")


def _group_role(text: str, sentence: Sentence, person: Mention) -> re.Match[str] | None:
    before = _GROUP_ROLE_BEFORE.search(text, sentence.start, name_start(person))
    return before or _GROUP_ROLE_AFTER.match(text, person.end, sentence.end)


def _its_role(text: str, sentence: Sentence, person: Mention) -> re.Match[str] | None:
    before = _ITS_ROLE_BEFORE.search(text, sentence.start, name_start(person))
    return before or _ITS_ROLE_AFTER.match(text, person.end, sentence.end)


def group_anaphora(
    analyzed: AnalyzedDocument, by_sentence: Mapping[Sentence, Sequence[Mention]]
) -> Iterable[tuple[str, Mention, Mention, Sentence]]:
    """ "The group's leader X", "X, the militia's spokesman": the role is in the organization
    named last before it, when the sentence and the two before it name only that one. "Its
    leader X", "X, its spokesman": in the one organization or place named before it in the
    sentence."""
    sentences = sorted(by_sentence, key=lambda s: s.start)
    text = analyzed.document.text
    for index, sentence in enumerate(sentences):
        window = sentences[max(0, index - ANAPHOR_WINDOW) : index + 1]
        for person in by_sentence[sentence]:
            if person.kind is not PERSON:
                continue
            match, kinds = _group_role(text, sentence, person), {ORG}
            if match is None:
                match, kinds, window = _its_role(text, sentence, person), _ORG_OR_PLACE, [sentence]
            if match is None:
                continue
            named = [
                m
                for s in window
                for m in by_sentence[s]
                if m.kind in kinds and m.end <= match.start()
            ]
            if not named or len({m.name for m in named}) != 1:
                continue
            for predicate, person_is_subject in _role(match.groupdict(), person_is_left=True):
                subject, obj = (person, named[-1]) if person_is_subject else (named[-1], person)
                domain, range_ = SIGNATURES[predicate]
                if subject.kind in domain and obj.kind in range_:
                    yield predicate, subject, obj, sentence


def parallel_roles(
    text: str, sentence: Sentence, mentions: Sequence[Mention], lists: dict[Mention, tuple]
) -> Iterable[tuple[str, Mention, Mention]]:
    """ "The leaders of A and B, X and Y (respectively)": a role before a list of bodies
    followed by as many persons pairs them in order (``lists``: the sentence's ``_lists``)."""
    seen: set[tuple[Mention, ...]] = set()
    for bodies, _, _ in lists.values():
        if bodies in seen or bodies[0].kind is PERSON:
            continue
        seen.add(bodies)
        role = _ROLES_OF.search(text, sentence.start, bodies[0].start)
        following = [m for m in mentions if m.start >= bodies[-1].end]
        if role is None or not following or following[0] not in lists:
            continue
        persons = lists[following[0]][0]
        if (
            persons[0] is not following[0]
            or persons[0].kind is not PERSON
            or len(persons) != len(bodies)
            or not re.fullmatch(r"\s*,\s*", text[bodies[-1].end : persons[0].start])
        ):
            continue
        for body, person in zip(bodies, persons, strict=True):
            for predicate, person_is_subject in _role(role.groupdict(), person_is_left=False):
                subject, obj = (body, person) if person_is_subject else (person, body)
                domain, range_ = SIGNATURES[predicate]
                if subject.kind in domain and obj.kind in range_:
                    yield predicate, subject, obj


# "X left Y to create Z", "X quit Y in 2014 and founded Z": Z is X's, and no part of Y
_QUIT = r"(?:left|quit|abandoned|deserted|broke\s+(?:away\s+)?(?:with|from))\s+(?:the\s+)?"
_LEFT = _compile(rf"{_NEAR}{_ADVERB}(?:has\s+|had\s+)?{_ADVERB}{_QUIT}")
_LEFT_BEFORE = _compile(rf"\b{_QUIT}\Z")
_TO_FOUND = _compile(
    r"(?:\s+in\s+\d{4})?(?:\s*,)?\s+(?:to|and)\s+(?:co-?found|found|form|create|set\s+up"
    r"|launch|establish|start)(?:ed|d)?\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:own\s+)?"
    r"(?:new\s+)?(?:(?:[\w-]+\s+){0,2}?" + _BODY + r",?\s+(?:the\s+|called\s+|named\s+)?)?"
)


def _person_and_two_bodies(
    text: str, mentions: Sequence[Mention], before: re.Pattern[str], after: re.Pattern[str]
) -> Iterable[tuple[Mention, Mention, Mention]]:
    """Runs of a person and two organizations whose gaps are ``before`` and ``after``: the
    middle body stands between the person and the last, so no pair rule reads the two."""
    for person, middle, last in zip(mentions, mentions[1:], mentions[2:], strict=False):
        if (
            person.kind is PERSON
            and middle.kind is ORG
            and last.kind is ORG
            and before.fullmatch(text, person.end, middle.start)
            and after.fullmatch(text, middle.end, last.start)
        ):
            yield person, middle, last


def founded_on_leaving(
    text: str, mentions: Sequence[Mention]
) -> Iterable[tuple[str, Mention, Mention]]:
    """ "X left Y to create Z": Z foundedBy X."""
    for person, _, founded in _person_and_two_bodies(text, mentions, _LEFT, _TO_FOUND):
        yield "foundedBy", founded, person


# "X sits on the Y Council for the Z party": a seat held for a party is membership of it
_SEAT = _compile(
    rf"{_NEAR}{_PERFECT}(?:(?:sits|sat|sitting|seated|serves|served|serving)\s+(?:on|in)"
    r"|(?:won|wins|holds|held|took|has|had)\s+(?:a|his|her)\s+seat\s+(?:on|in)"
    rf"|(?:was\s+|were\s+)?(?:re-?)?elected\s+to)\s+{_THE}"
)
_FOR_PARTY = _compile(
    r"\s+(?:for|representing|on\s+behalf\s+of|on\s+the\s+(?:\w+\s+)?(?:ticket|list|slate)\s+of"
    rf"|as\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:member|representative|candidate)\s+of)\s+{_THE}"
)


def seats_for_a_party(
    text: str, mentions: Sequence[Mention]
) -> Iterable[tuple[str, Mention, Mention]]:
    """ "X sits on the Y Council for the Z": X memberOf Z (the seat on Y is the rules'
    ``served-in``)."""
    for person, _, party in _person_and_two_bodies(text, mentions, _SEAT, _FOR_PARTY):
        yield "memberOf", person, party


# "X, the leader of Z, and his deputy, Y": a deputy of Z's leader is a member of Z
_HIS_DEPUTY = _compile(
    r"\b(?:his|her)\s+(?:deputy|second-in-command|number\s+two|lieutenant|right-hand\s+man)"
    r",?\s+\Z"
)


def deputies(
    text: str, sentence: Sentence, mentions: Sequence[Mention], found: Sequence[Relation]
) -> Iterable[tuple[str, Mention, Mention]]:
    """(memberOf, the deputy, the body) for each "his deputy, Y" whose sentence names one
    person before it, who leads or commands a body (``found``, the sentence's relations)."""
    for deputy in mentions:
        if deputy.kind is not PERSON or not _HIS_DEPUTY.search(text, sentence.start, deputy.start):
            continue
        before = {m.name for m in mentions if m.kind is PERSON and m.end <= deputy.start}
        for r in found:
            if r.predicate in ("leaderOf", "commanderOf") and {r.subject.name} == before:
                yield "memberOf", deputy, r.object


# "He was trained ...", "The militia is backed by ...": a sentence that opens with a pronoun or
# "the group" and goes on about the one person or organization named just before
_PRONOUN_SUBJECT = re.compile(
    r"[\s\"“‘']*(?P<pronoun>(?-i:He|She)|(?-i:The)\s+(?:group|militia|movement|organi[sz]ation"
    r"|faction|network|party))\b(?!['’])",
    re.IGNORECASE,
)


def pronoun_subjects(
    analyzed: AnalyzedDocument, by_sentence: Mapping[Sentence, Sequence[Mention]]
) -> Iterable[tuple[Mention, Mention]]:
    """(a stand-in mention for the sentence's opening pronoun, the mention it stands for): "He"
    stands for the one person, "The group" for the one organization, named in the sentence
    before or the one before that (``ANAPHOR_WINDOW``); with two candidates it stands for none.
    Then the pronouns that open a later clause of a sentence (``_clause_pronouns``)."""
    sentences = sorted(analyzed.sentences, key=lambda s: s.start)
    text = analyzed.document.text
    for index, sentence in enumerate(sentences):
        match = _PRONOUN_SUBJECT.match(text, sentence.start, sentence.end)
        if match is None or sentence not in by_sentence:
            continue
        kind = PERSON if match.group("pronoun").lower() in ("he", "she") else ORG
        window = sentences[max(0, index - ANAPHOR_WINDOW) : index]
        named = [m for s in window for m in by_sentence.get(s, ()) if m.kind is kind]
        if not named or len({m.name for m in named}) != 1:
            continue
        begin, end = match.span("pronoun")
        antecedent = named[-1]
        stand_in = Mention(begin, end, text[begin:end], kind, antecedent.name, sentence)
        yield stand_in, antecedent
    for sentence, mentions in by_sentence.items():
        yield from _clause_pronouns(text, sentence, mentions)


# "..., and he later led Y", "...; he then joined Y", "X said she had been", "..., and it is
# backed by Y": a subject pronoun that opens a later clause of the sentence
_CLAUSE_PRONOUN = re.compile(
    r"(?:[,;:]\s*(?:(?:and|but|then|so)\s+)?(?:(?:where|when|after\s+which)\s+)?"
    r"|\b(?:and|but|said|says|that|where|when|because|after|before|until|while)\s+"
    r"|\b(?:told|tells|telling)\s+(?:reporters|journalists|the\s+court|police|investigators)\s+)"
    r"(?P<pronoun>(?-i:he|she|it))\b(?!['’])",
    re.IGNORECASE,
)


def _clause_pronouns(
    text: str, sentence: Sentence, mentions: Sequence[Mention]
) -> Iterable[tuple[Mention, Mention]]:
    """(a stand-in, the mention it stands for) for each "he" or "she" whose sentence named one
    person before it, and each "it" whose sentence named one organization before it; a name
    followed by a possessive stands for nobody ("X's brother said he")."""
    for match in _CLAUSE_PRONOUN.finditer(text, sentence.start, sentence.end):
        begin, end = match.span("pronoun")
        kind = ORG if match.group("pronoun") == "it" else PERSON
        named = [m for m in mentions if m.kind is kind and m.end <= begin]
        if not named or len({m.name for m in named}) != 1 or POSSESSOR.match(text, named[-1].end):
            continue
        antecedent = named[-1]
        yield Mention(begin, end, text[begin:end], kind, antecedent.name, sentence), antecedent


def extract_relations(analyzed: AnalyzedDocument) -> tuple[Relation, ...]:
    """The rules' relations, then the learned classifier's for the pairs the rules left
    unrelated (``pipeline.extract.learned``)."""
    from pipeline.extract.learned import learned_relations  # it builds on this module

    found = rule_relations(analyzed)
    return found + learned_relations(analyzed, found)


def rule_relations(analyzed: AnalyzedDocument) -> tuple[Relation, ...]:
    """Every relation a rule reads between two adjacent mentions of one sentence.

    Adjacent: no other mention lies between the two (a possessive name may: "Iran's"), so a rule
    never reaches over a name; a distributive rule's statement holds for each name of a list at
    either end. "The group's leader X" reaches back to the one organization named just before.
    Relations are deduplicated on (subject span, predicate, object span); for the symmetric
    relations either direction counts as the same statement. The first rule in ``RULES`` wins.
    """
    text = analyzed.document.text
    relations: list[Relation] = []
    seen: set[tuple[int, int, str, int, int]] = set()

    def add(predicate: str, subject: Mention, obj: Mention, sentence: Sentence, rule: str) -> None:
        key = (subject.start, subject.end, predicate, obj.start, obj.end)
        if key in seen or subject.name == obj.name:
            return
        seen.add(key)
        if predicate in SYMMETRIC:
            seen.add((obj.start, obj.end, predicate, subject.start, subject.end))
        relations.append(Relation(subject, predicate, obj, sentence, rule))

    by_sentence = _by_sentence(analyzed.mentions)
    stands_for = dict(pronoun_subjects(analyzed, by_sentence))
    for sentence, mentions in by_sentence.items():
        pronouns = [p for p in stands_for if p.sentence == sentence]
        mentions = sorted([*mentions, *pronouns], key=lambda m: (m.start, m.end))
        lists = _lists(text, sentence, mentions)
        for left, right, skip in _pairs(text, mentions):
            for rule in RULES:
                for found in _apply(rule, text, sentence, left, right, skip):
                    spread = (
                        _spread(found, left, right, lists)
                        if rule.name in DISTRIBUTIVE
                        else (found,)
                    )
                    for predicate, subject, obj in spread:
                        if vetoed(text, sentence, predicate, subject, obj):
                            continue
                        how = rule.name
                        if subject in pronouns or obj in pronouns:
                            how = f"{rule.name}+pronoun"
                            subject, obj = (stands_for.get(m, m) for m in (subject, obj))
                        add(predicate, subject, obj, sentence, how)
        for predicate, subject, obj in parallel_roles(text, sentence, mentions, lists):
            add(predicate, subject, obj, sentence, "parallel-roles")
        for how, found in (
            ("founded-on-leaving", founded_on_leaving(text, mentions)),
            ("seat-for-party", seats_for_a_party(text, mentions)),
        ):
            for predicate, subject, obj in found:
                if not vetoed(text, sentence, predicate, subject, obj):
                    add(predicate, subject, obj, sentence, how)
        told = [r for r in relations if r.sentence == sentence]
        for predicate, subject, obj in deputies(text, sentence, mentions, told):
            add(predicate, subject, obj, sentence, "deputy")
    for predicate, subject, obj, sentence in group_anaphora(analyzed, by_sentence):
        add(predicate, subject, obj, sentence, "group-anaphor")
    return tuple(relations)
