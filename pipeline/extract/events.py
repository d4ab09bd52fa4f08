"""Events a document reports: type, trigger, actors, targets, place, time and casualty counts.

Works on sentence text and the NER stage's mentions only (the bundled model has no parser), so
every rule is a lexical pattern with its reason next to it, and precision wins over recall: a
trigger in a hypothetical ("plans to attack"), a release of a report, a "said" without a named
speaker make no event. Mentions of one event in several sentences become one event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from pipeline.demonyms import COUNTRY_OF, country_name
from pipeline.extract.dates import WEEKDAYS, find_dates
from pipeline.extract.triggers import (
    ACCUSING,
    DEATH_NOT_KILLING,
    HUMAN,
    LEXICON,
    VESSEL,
    WEAPON_OBJECT,
    WOUNDING,
    Trigger,
)
from pipeline.numberwords import NUMBER_ALTERNATION, NUMBER_WORDS
from pipeline.records import (
    AnalyzedDocument,
    DatePrecision,
    EntityKind,
    Event,
    EventDate,
    Mention,
    SegmentKind,
    Sentence,
    TextSpan,
)

_Optional = re.Pattern[str] | None
_COMPILED: tuple[tuple[Trigger, re.Pattern[str], _Optional, _Optional], ...] = tuple(
    (
        t,
        re.compile(rf"(?<![\w-])(?:{t.pattern})(?![\w-])", re.IGNORECASE),
        re.compile(t.needs, re.IGNORECASE) if t.needs else None,
        re.compile(t.unless, re.IGNORECASE) if t.unless else None,
    )
    for t in LEXICON
)

VIOLENT = ("Bombing", "Attack", "Raid", "MilitaryOperation", "Killing")
TOLL = "toll"  # a sentence's count of dead or wounded alone, never an event of its own
SPOKEN = ("Statement", "Interview", "PressBriefing", "Speech")  # one per speaker and occasion
CUSTODY = ("Capture", "Arrest", "Detention", "Kidnapping", "Raid", "MilitaryOperation")
_AGENTS = (EntityKind.PERSON, EntityKind.ORGANIZATION)

# A modal, "to" or a negation right before a trigger: a plan, threat or denial, not an event.
# Also "to kidnap and kill", "to halt attacks", "to carry out raids": the trigger is the aim.
_IRREALIS = re.compile(
    r"(?:\b(?:will|would|could|may|might|can|cannot|should|must|to|not|never|plans?|threatens?)"
    r"|n't)\s+(?:\w+ly\s+)?(?:be\s+|have\s+been\s+)?$"
    r"|\b(?:no|without)\s+(?:(?:further|more|new|direct|fresh|formal)\s+)?$"  # "no talks with"
    r"|\bto\s+(?-i:[a-z]+)\s+(?:and|or)\s+$"  # not "travelled to Tyre and met"
    r"|\bto\s+(?:halt|stop|prevent|end|avoid|launch|conduct|carry\s+out|stage|commit|resume)"
    r"\s+(?:(?:the|an?|any|more|further|new)\s+)?$"
    # Stopped, not done: "is suspending operations against U.S. forces", "halts attacks".
    r"|\b(?:suspend|halt|ceas|stop|freez)\w*\s+(?:(?:its|their|all|the|further)\s+)?"
    r"(?:[\w-]+\s+)?$"
    r"|\b(?:plott(?:ing|ed)|plans?|planned|planning|cancell?(?:ed|ing)|postponed|called\s+off"
    r"|scrapped|threat\s+of|fears?\s+of)\s+(?:(?:his|her|their|its|the|an?|planned)\s+)*$"
    # Asked for, not done: "to discuss the withdrawal", "demanded Jabouri's release".
    r"|\b(?:to\s+(?:discuss|consider|negotiate|debate|seek|demand)|demand(?:ed|ing|s)?"
    r"|call(?:ed|ing|s)?\s+for|urg(?:ed|ing|es))\s+(?:(?:the|an?|his|her|their|its)\s+)?"
    r"(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
# Attending what is to come: "will take part in the talks", "is to attend a summit" (an
# election to come is an Election all the same: it is set, not planned by the one who votes).
_TO_ATTEND = re.compile(
    r"\b(?:will|would|to)\s+(?:attend|join|host|chair|take\s+part\s+in|participate\s+in)\s+"
    r"(?:(?:the|an?|next|new|planned|upcoming)\s+)*(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
_WEAPON_OBJECT = re.compile(WEAPON_OBJECT, re.IGNORECASE)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got|get)\s+(?:\w+ly\s+|later\s+|also\s+)?$"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\s+others?\s+$",
    re.IGNORECASE,  # the second: "two were killed and six others captured"
)
# A verb-family trigger after a determiner is used as a noun ("the attack on ... by ...").
_NOMINAL = re.compile(
    r"\b(?:the|a|an|this|that|its|their|his|her|these|those)\s+(?:[\w-]+\s+)?$"
    r"|\b(?:in|during|amid|after|of|for)\s+(?-i:(?:an?|the|recent|separate|several)\s+)?$",
    re.IGNORECASE,  # the second: "killed in clashes with", "during an attack on"
)
# A light verb takes an event noun; its subject is the event's actor ("X carried out the
# attack", "X and Y claimed responsibility for the bombing", "X has staged a wave of raids").
_SUPPORT = re.compile(
    r"\b(?:carried\s+out|launched|conducted|staged|mounted|claimed\s+(?:responsibility|credit)"
    r"\s+for|(?:was|were|is|are)\s+behind)\s+[\"“]?(?:(?:the|an?|that|this|these|its|their)\s+)?"
    r"(?:(?:wave|series|string|spate|number)\s+of\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# Who receives what is handed over or freed is not acted on: "released them to the Red Cross".
_PASSED_ON = ("Handover", "Release")
_RECEIVER = re.compile(r"\b(?:to|into)\b", re.IGNORECASE)
_SURVIVED = re.compile(
    r"\b(?:surviv|escap)(?:ed|es|e)\s+(?:(?:an?|the|two|three|several)\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "X's assassination", "Kozulin's arrest": a possessive before these nouns is who suffers it.
_PATIENT_NOUNS = ("Killing", "Kidnapping", "Arrest", "Detention", "Release", "Capture")
_POSSESSIVE = re.compile(r"^['’]s?\s*$")
# A pronoun right before the verb stands for the last person ("he", "she") or group ("it",
# "they") named before it.
_PRONOUN = re.compile(  # "its men stormed": the group's people act for it
    r"\b(?:(?P<pronoun>he|she|it|they)|(?:its|their)\s+(?:men|fighters|gunmen|members"
    r"|militants|militiamen|forces))\s+(?:(?:has|have|had|was|were|is|are|also|later|reportedly"
    r"|allegedly)\s+)*$",
    re.IGNORECASE,
)
# "X, a militia that kidnapped": the relative clause's subject is the name it follows.
_RELATIVE = re.compile(
    r"(?:,\s*(?:an?|the)\s+[^,;]{1,60}?\s+(?:who|which|that)|\s*,?\s*(?:who|which))\s+"
    r"(?:(?:was|were|had|has|have|been|also)\s+)*$"
)
# "the group said", "the same militia kidnapped": the last organization named.
_GROUP_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:same\s+)?(?:militia|group|movement|organi[sz]ation|faction"
    r"|brigades?|network)\s+(?:(?:has|had|have|also|later|then)\s+)*$",
    re.IGNORECASE,
)
# The fighting a raid or an operation sparks is part of it.
_FIGHTING = re.compile(
    r"gun ?battles?|gunfights?|firefights?|clash(?:es|ed)?|fighting", re.IGNORECASE
)
# "a similar attack", "another raid": a second event of the type in the same sentence.
_ANOTHER = re.compile(
    r"\b(?:another|similar|separate|second|earlier|previous|other)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# A toll of another incident or a running total, not the last event's: "In a separate
# attack, ...", "Since January, 300 people have been wounded".
_NOT_THE_LAST = re.compile(
    r"\b(?:separate|another|other|elsewhere|meanwhile|since|so\s+far|this\s+year|last\s+year"
    r"|each|every|annual(?:ly)?|weekly|monthly)\b",
    re.IGNORECASE,
)
_NOT_VIOLENT = re.compile(DEATH_NOT_KILLING, re.IGNORECASE)
# "Hours later, troops raided ...": the day of the event told before.
_SAME_DAY = re.compile(
    r"\b(?:(?:hours|minutes|moments)\s+(?:later|earlier|afterwards)|later\s+that\s+(?:day|night)"
    r"|the\s+same\s+day|that\s+(?:day|night|morning|afternoon|evening))\b",
    re.IGNORECASE,
)
# People of a group act for it: "Gunmen from the X militia raided", "members of X attacked".
_MEMBERS_OF = re.compile(
    r"\b(?:gunmen|fighters|members|militants|militiamen|troops|forces|soldiers|men|commandos"
    r"|units?|police|officers|agents|supporters|loyalists)\s+(?:from|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Names in a list act or suffer together: "X, Y and Z attacked", "detained X and Y".
_LIST_GLUE = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_END = re.compile(r"^\s*,?\s+(?:and|or)\s+(?:the\s+)?$", re.IGNORECASE)
# "a suspected X commander, Jabbar Mahmoud": the person named in apposition is the one meant.
_APPOSED = re.compile(r"^\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+,\s+$")
_SAYS_AFTER = re.compile(
    r"^\s*,?\s*(?:said|says|told|tells|added|adds|stated|announced|announces)\b", re.IGNORECASE
)
# A verb after "and" that shares an earlier passive: "was handed over in 2011 and freed".
_SHARED_PASSIVE = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b[^;]{0,80}?\s+and\s+"
    r"(?:(?:later|then|subsequently|eventually)\s+)?$",
    re.IGNORECASE,
)
_INTRANSITIVE = re.compile(r"(?:walked|went)\s+free", re.IGNORECASE)  # its subject is freed
_HIM = re.compile(r"\s+(?:him|her)\b", re.IGNORECASE)
# A state acts by its forces: "Iran trained", "Israeli troops seized", "Russian warplanes bombed".
_STATE_SUBJECT = re.compile(
    r"^\s+(?:(?:[\w-]+\s+)?(?:forces|troops|soldiers|army|military|navy|police|jets|warplanes"
    r"|aircraft|planes|helicopters|drones|gunboats|warships|artillery|tanks|commandos|special"
    r"\s+forces)\s+)?(?:(?:has|have|had|also|reportedly|was|were)\s+)*$",
    re.IGNORECASE,
)
_AUXILIARIES = re.compile(r"\s+(?:(?:has|have|had|also)\s+)*")
_AUXILIARY = re.compile(r"(?:was|were)\s", re.IGNORECASE)
# A clause opens after a reporting verb or a subordinator: its subject is found after it.
_CLAUSE = re.compile(
    r".*\b(?:said|says|told|that|which|who|whom|while|after|before|when|because|although)\b|.*[;:]",
    re.IGNORECASE | re.DOTALL,
)
# A phrase the sentence opens with, before its subject: "On Tuesday, after weeks of talks, ",
# "In a statement issued late Monday, ", "After meeting X, ", "Speaking in Y, ".
_FRONTED = re.compile(
    r"^\s*(?:(?:on|in|at|after|before|during|following|despite|amid|under|since|until|once"
    r"|late|early|earlier|later|last|when|while|as|by|with|without|according|unlike|hours|days"
    r"|weeks|months|shortly|overnight|elsewhere|meanwhile|separately|however|\w+ing)\b"
    r"[^,;]{0,100}?,\s*)+",
    re.IGNORECASE,
)
_BARE = re.compile(  # no subject between the comma and the verb
    r"(?:(?:and|then|later|also|has|have|had|was|were|subsequently)\s+)*", re.IGNORECASE
)
# An aside between the subject and its verb: "X, which had held them since May, released",
# "X, after weeks of talks, released", "X, backed by Y, attacked" (not an apposed name).
_ASIDE = re.compile(
    r",\s*(?:which|who|whose|after|before|while|when|although|though|despite|in|on|at|for|with"
    r"|under|during|since|until|according|backed|led|based|armed|as|along|together|\w+ing)\b"
    r"[^,;]{1,100}?,\s*(?:(?:has|have|had|also|later|then|reportedly|allegedly|was|were)\s+)*$",
    re.IGNORECASE,
)
_RELATIVE_OPENS = re.compile(r",\s*(?:which|who|whose)\b", re.IGNORECASE)
# A second verb sharing the first one's subject: "stormed the office and (later) kidnapped".
_JOINED = re.compile(  # also "detained him for months, then freed him"
    r"(?:\s+and\b\s*(?:(?:then|later|also|subsequently|eventually|reportedly|has|have|had|was"
    r"|were)\s+)*|,\s*(?:and\s+)?(?:then|later)\s+)$",
    re.IGNORECASE,
)
_VERB_WORD = re.compile(
    r"(?<![\w'’-])(?:(?!(?:hundred|red|bed|shed|need|speed|seed|feed|creed|greed)\b)[a-z]+ed"
    r"|was|were|took|struck|hit|shot|overran|fought|held|stole|blew|threw|met|said|told|fled|flew"
    r"|went|came|gave|sent|led|spoke|brought|began|found)(?![\w'’-])"
)
_DETERMINED = re.compile(
    r"\b(?:the|a|an|its|their|his|her|this|that|these|those|\d+|two|three|four|five|several"
    r"|some|many|other|heavily|well)\s+$",
    re.IGNORECASE,
)
# "The soldiers were freed": a definite subject of a passive tells an event again.
_DEFINITE_SUBJECT = re.compile(
    r"^(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:,[^,;.]{1,80},)?\s+"
    r"(?:was|were|(?:has|have|had)\s+been)\s+$",
    re.IGNORECASE,
)
# A participle after its noun, with no object: "those detained", "the men arrested in May".
_REDUCED_RELATIVE = re.compile(
    r"\s*(?:[,.;]|$|(?:at|in|on|near|during|since|last|earlier|by|and|were|was|had|have"
    r"|remain|are)\b)",
    re.IGNORECASE,
)
# What follows a verb that acts on someone: "release 12 fighters", "freed the men", and
# with a name ("freed Ivo Marin") where no date may follow instead ("the raid Tuesday").
_OBJECT = r"\s+(?:\d|(?:the|an?|all|some|several|dozens)\b"
_VERB_OBJECT = re.compile(_OBJECT + ")", re.IGNORECASE)
_OBJECT_NEXT = re.compile(_OBJECT + "|(?-i:[A-Z]))", re.IGNORECASE)
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|those|its|their|his|her|same)\s+(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,  # "that night's attack"
)
# "Wednesday's attack", "last week's raid": a day's event, told before (that day's only).
_DAYS_EVENT = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|yesterday|last\s+(?:week|night|month))['’]s\s+"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# A preposition right before a name makes it an oblique (place, instrument), never the subject.
_OBLIQUE = re.compile(
    r"\b(?:in|at|near|from|of|to|with|on|for|outside|inside|into|across|against|by|over|under"
    r"|through|around|between|among|about|after|before|during)\s+(?:the\s+)?"
    r"(?:(?:north|south)?(?:east|west)?(?:ern)?\s+|central\s+)?$",  # "in northern"
    re.IGNORECASE,
)
# After the preposition: "the northern Iraqi city of", "his", "a" (then "Baghdad mosque").
_PLACE_LEAD = (
    r"\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,3}(?:city|town|village|province|district|region|capital|area"
    r"|suburbs?|outskirts|neighbou?rhood|stronghold|port|state|county|island|valley|coast)"
    r"\s+of\s+|(?-i:[a-z'’-]+\s+){0,2})?$"
)
_LOCATIVE = re.compile(  # "off the coast of": at sea
    r"\b(?:in|near|at|off|outside|inside|across|around|into|(?:north|south|east|west|northeast|"
    r"northwest|southeast|southwest|northern|southern|eastern|western)(?:ern)?(?:\s+of)?)"
    + _PLACE_LEAD,
    re.IGNORECASE,
)
_MODIFIER = re.compile(r"^\s+(?-i:[a-z-]+\s+){0,2}$")  # "the London suicide bombings"
# The place struck: a direct object ("raided a West Bank camp") or after "on"/"at", where it
# must end its phrase ("strikes on Gaza", not "attacks on U.S. forces").
_NOT_PREP = r"(?!(?:against|on|at|in|of|to|from|by|with|for|near|during|after)\b)"
_STRUCK = re.compile(rf"^\s+(?:(?:a|an|the)\s+)?(?-i:{_NOT_PREP}[a-z-]+\s+){{0,2}}$")
_STRUCK_AT = re.compile(r"^\s+(?:on|at)\s+(?:the\s+)?$", re.IGNORECASE)
_PHRASE_ENDS = re.compile(r"^\s*(?:[,.;:)]|$|(?-i:[a-z]+\b)(?<!forces)(?<!troops))")
# "killed two U.S. soldiers": a place before people says whose they are, not where it happened.
_PEOPLE_AFTER = re.compile(rf"^\s+(?:[a-z-]+\s+)?(?:{HUMAN})", re.IGNORECASE)
# People counted or pointed at right before a custody verb: "freed two aid workers arrested".
_PEOPLE_BEFORE = re.compile(
    r"\b(?:an?|the|these|those|other|several|dozens\s+of|\d+|"
    + NUMBER_ALTERNATION
    + rf")\s+(?:[\w-]+\s+){{0,2}}?(?:{HUMAN})\s+$",
    re.IGNORECASE,
)
_WHERE = re.compile(r"^\s*,?\s*where\b", re.IGNORECASE)  # "in Gaza, where ... were kidnapped"
_FROM_CUSTODY = re.compile(r"\bfrom\s+(?:(?:the|his|her|their)\s+)?(?:house\s+)?$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|visited|visit|visiting|visits)" + _PLACE_LEAD, re.IGNORECASE)
_BY = re.compile(r"^[^.;]{0,60}?\bby\s+(?:the\s+)?$", re.IGNORECASE)
# "met with envoys of the X", "met leaders of X": X is a party to the meeting.
_ENVOYS_OF = re.compile(
    r"^\s*(?:with\s+)?(?:[\w-]+\s+){0,2}?(?:envoys|leaders|officials|representatives"
    r"|delegations?|members|commanders)\s+(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BY_NEXT = re.compile(r"\s+by\b", re.IGNORECASE)  # "23 prisoners released by X": passive
_TITLED = re.compile(r"\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.'’-]*\s+){0,4}")
_WITH = re.compile(r"\b(?:with|and|between)\s+(?:the\s+)?$", re.IGNORECASE)
# What may stand between a verb and the one it acts on: "detained two suspected X fighters",
# "trained fighters of the X militia", "abducted a German aid worker, X,".
_TARGET_LEAD = re.compile(
    r"^\s*(?:(?:of|on|against|at)\s+)?"
    r"(?:(?:the|an?|its|their|his|her|about|some|several|at\s+least|more\s+than|up\s+to)\s+)?"
    r"(?:(?!(?:says?|said|told|was|were|is|are|has|have|had|and|or|but|who|which|that|when"
    r"|after|before|while|in|on|at|near|by|with|for)\b)[\w'’.-]+\s+){0,4}?"
    r"(?:(?:of|from)\s+(?:the\s+)?|[\w'’-]+,\s+)?$",
    re.IGNORECASE,
)
# The speaker of a statement stands right next to the verb ("Smith said", "Smith, a
# spokesman, said", "said Smith").
_SPEAKER_BEFORE = re.compile(
    r"^(?:\s+(?:in|of|for|from)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s*){1,4})?"
    r"(?:\s+(?:militia|group|movement|party|army|brigades?|spokes(?:man|woman)|leader|commander))?"
    r"\s*(?:,(?:[^,;.]|(?<=[A-Z])\.){1,80},\s*|,\s*)?(?:also\s+|has\s+|had\s+)?"
    r"(?:(?-i:[a-z]+(?:ed|s))\b[^,;.]{0,40}?\s+and\s+(?:also\s+)?)?$"  # "X thanked Y and said"
)
# "said Nineveh governor Faisal Qasim": title words may stand between.
_SPEAKER_AFTER = re.compile(r"^\s*(?:(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*|[a-z]+(?<!ed))\s+){0,4}$")
_ROLE_FOR = re.compile(  # "X, a spokesman for the U.S. Navy's Fifth Fleet, said": X speaks
    r"^\s*,\s+(?:an?|the|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:for|of|at|with|to)\s+(?:the\s+)?"
    r"(?:[\w.'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "companies that it said had sold oil": whose word a noun's description is, no occasion.
_ATTRIBUTION = re.compile(r"\b(?:that|which|who|whom)\s+(?:it|he|she|they)\s+$", re.IGNORECASE)
_ACCUSES = re.compile(ACCUSING, re.IGNORECASE)
# The speaker follows the verb after a quote or a clause: "..., said X", "'...' says X".
_INVERTS = re.compile(r"(?:^|[,;:\"“”'’]|--|—)\s*(?:also\s+)?$")
_SPEAKER_ENDS = re.compile(r"^\s*(?:[,.;]|$)")  # "..., said Ana Ruiz." but not "says Ana Ruiz was"

# A wire dateline opens the first body sentence ("BASRA, Iraq, April 16, 2008 - "): its place is
# where the story was filed and its date the article's, neither the event's.
_DATELINE = re.compile(
    r"^(?-i:[A-Z]{2}[A-Z.'’ -]*|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=,))(?:,\s*[^,\n]{1,30}?){0,3}?"
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:-{1,2}|—|–)\s+"
)
# "..., officials said on Thursday": a date right after the reporting verb dates the statement.
_SAID_GAP = re.compile(
    r"\b(?:that|who|which|when|after|before|had|has|have|was|were|is|are|he|she|it|they|we"
    r"|\w+ed)\b|[\"“”,;]",
    re.IGNORECASE,
)
_ON_AFTER_COMMA = re.compile(r"^\s*,\s*on\s+$", re.IGNORECASE)  # "the bombing, on May 9, ..."
_IN_STATEMENT = re.compile(r"\b(?:in|issued)\s+an?\s+(?:[\w-]+\s+)?statement\b", re.IGNORECASE)
_IN_RETURN = re.compile(r"(?:in\s+(?:return|exchange)|in\s+turn)\b", re.IGNORECASE)
# "freed a kidnapped pharmacist": an event named in passing, without this sentence's date.
_ADJECTIVAL = re.compile(r"\b(?:an?|the|two|three|four|five|several)\s+$", re.IGNORECASE)
_LOWER_NEXT = re.compile(r"\s+[a-z]")  # "at a U.S. base": the state owns what is struck
_NOUN_NEXT = re.compile(r"\s+(?-i:[a-z]+)\b(?!\s+(?:by|in|on|at|near|from)\b)")
_REPORTING = re.compile(r"\b(?:said|says|told\s+\w+|that)\b", re.IGNORECASE)
_SAID_LEAD = re.compile(
    r"^\s*(?:$|(?:on|in|at|to|during|via|late|early|last|this|earlier|reporters|journalists)\b)",
    re.IGNORECASE,
)
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told\s+\w+|added|announced|reported|stated)\s+(?:on\s+)?$", re.IGNORECASE
)

_NO_ONE = ("no", "no one", "nobody", "none")
_NUM = r"(?!one\s+of\b)(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + NUMBER_ALTERNATION + ")"
_NOT_PEOPLE = r"(?!\s*-?\s*(?:percent|%|years?|months?|days?|hours?|minutes?|kilomet|km|miles?))"
# The figure given counts, bound or estimate alike, as ACLED codes the figure reported.
_LEAST = r"(?:(?:at\s+least|more\s+than|over|about|some|around|nearly|almost|up\s+to)\s+)?"
_BETWEEN = r"\s+(?:(?!and\b)[A-Za-z-]+\s+){0,3}?"
_AUX = r"(?:were|was|have\s+been|has\s+been|had\s+been|are|being)\s+(?:also\s+)?"
# Without an auxiliary, "30 militants killed" is passive only when no object follows the verb
# ("... killed and 12 captured"); "two blasts killed 30" is active and counts 30, not two.
_NO_OBJECT = (
    r"(?=\s*(?:[,.;)]|$|and\b|in\b|on\b|at\b|by\b|near\b|when\b|during\b|after\b|yesterday\b"
    r"|today\b|overnight\b|last\b|earlier\b|this\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))"
)


def _count_patterns(active: str, passive: str) -> tuple[re.Pattern[str], ...]:
    """ "killed eight" (active verb, then the number) and "15 Iraqis were killed" (number first);
    "killed a commander and two other men" (one, then the others)."""
    return (
        re.compile(rf"\b(?:{active})\s+{_LEAST}{_NUM}\b{_NOT_PEOPLE}", re.IGNORECASE),
        re.compile(
            rf"\b(?:{active})\s+(?:an?|one)\s+(?:[\w-]+\s+){{1,4}}?and\s+{_LEAST}{_NUM}"
            r"(?=\s+others?\b)",
            re.IGNORECASE,
        ),
        re.compile(
            rf"(?<![\w.,-]){_LEAST}{_NUM}\b{_NOT_PEOPLE}{_BETWEEN}"
            rf"(?:{_AUX}(?:{passive})\b|(?:others?\s+)?(?:{passive})\b{_NO_OBJECT})",
            re.IGNORECASE,
        ),
    )


def _none(passive: str, nouns: str) -> tuple[re.Pattern[str], ...]:
    """ "none killed", "no one was hurt", "caused no injuries": a toll of zero, as reported
    (not "no reports of injuries", which says nothing of how many, nor "no other casualties"
    after a death)."""
    return (
        re.compile(
            r"\b(?P<n>no\s+one|nobody|none)\s+(?:(?:was|were|(?:has|had)\s+been)\s+)?"
            rf"(?:{passive})\b",
            re.IGNORECASE,
        ),
        re.compile(rf"\b(?P<n>no)\s+(?:{nouns})\b", re.IGNORECASE),
    )


_COUNTS: dict[str, tuple[re.Pattern[str], ...]] = {
    "killed": (
        *_count_patterns(r"killed|killing|kills", r"killed|dead|died"),
        re.compile(rf"\bleft\s+{_LEAST}{_NUM}\s+(?:people\s+|persons\s+)?dead\b", re.IGNORECASE),
        *_none(r"killed|died|dead", r"deaths|fatalities|casualties"),
    ),
    "wounded": (
        *_count_patterns(
            r"wounded|wounding|wounds|injured|injuring|injures", r"wounded|injured|hurt"
        ),
        *_none(r"hurt|injured|wounded", r"injuries|casualties"),
    ),
    "captured": (
        *_count_patterns(
            r"captured|capturing|captures|detained|detaining|detains|arrested|arresting|arrests"
            r"|abducted|abducts|kidnapped|kidnaps|seized|seizes|held\s+hostage|jailed|jails"
            r"|imprisoned|sentenced",
            r"captured|detained|arrested|abducted|kidnapped|seized|taken\s+prisoner|held|jailed"
            r"|imprisoned|sentenced",
        ),
        # "seized a tanker and its 21 crew": the ship's people are taken with it.
        re.compile(
            r"\b(?:seiz|captur|hijack)(?:ed|es|e|ing)\s+(?:an?|the|their|its)\s+(?:[\w-]+\s+){0,3}?"
            rf"(?:{VESSEL})\s+(?:and|with)\s+"
            rf"(?:its|their|all)\s+(?:of\s+)?{_LEAST}{_NUM}\s+(?:crew|sailors|seamen|passengers)\b",
            re.IGNORECASE,
        ),
    ),
}
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Gov|Sen|Rep|St|Jr|Sr|No|vs|etc|U\.S"
    r"|U\.N|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|\b[A-Z])\.$"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“(]?[A-Z0-9])")


@dataclass
class _Draft:
    """An event being built; frozen into an ``Event`` once merging is done."""

    type: str
    triggers: list[TextSpan]
    sentences: list[Sentence]
    actors: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    date: EventDate | None = None
    counts: dict[str, int] = field(default_factory=dict)
    anaphoric: bool = False
    date_attached: bool = False  # "the ambush on January 14": the date is the event's own
    place_attached: bool = False  # "the men detained at Muqdadiya": the place is the event's
    headline: bool = False  # from the title, which announces what the body then reports
    setting: str | None = None  # a statement's occasion: "Interview", "Speech", "statement"...


def extract_events(analyzed: AnalyzedDocument) -> tuple[Event, ...]:
    """Every event the document's title, body and captions report, merged across sentences.

    Dates resolve against ``analyzed.document.meta.published``; without it only dates that
    carry their own year are kept.
    """
    published = analyzed.document.meta.published
    drafts: list[_Draft] = []
    titles = [s for s in analyzed.segments if s.kind is SegmentKind.TITLE]
    origin: dict[Mention, Mention] = {}
    context: list[Mention] = []
    tagged = _Tagged(analyzed.mentions)
    occasion: tuple[EventDate | None, Mention | None] = (None, None)
    for sentence in fact_sentences(analyzed):
        headline = any(t.start <= sentence.start < t.end for t in titles)
        inside = [
            m for m in analyzed.mentions if sentence.start <= m.start and m.end <= sentence.end
        ]
        echoes = _echoes(sentence, inside, tagged)
        origin |= echoes
        inside = sorted([*inside, *echoes], key=lambda m: m.start)
        back = _BACK_TO.search(sentence.text)
        for draft in sentence_events(sentence, inside, published, context[-12:]):
            draft.headline = headline
            if back:  # "At the graveside, X said": the funeral told before, its day and place
                draft.date = draft.date or occasion[0]
                if back["at"] and draft.place is None:
                    draft.place = occasion[1]
            if draft.date is None and _SAME_DAY.search(sentence.text):
                days = (d.date for d in reversed(drafts) if d.date and d.date.precision is _DAY)
                draft.date = next(days, None)
            _merge_or_append(drafts, draft)
        told = _OCCASION.search(sentence.text)
        if told and not back:
            days = find_dates(sentence.text, sentence.start, published)
            places = _located(sentence, inside)
            occasion = (
                _nearest([d for d in days if d.precision is _DAY], sentence.start + told.start()),
                places[0] if places else None,
            )
        context += inside
    return tuple(_freeze(d, origin) for d in drafts)


# A gathering a sentence tells, and a later phrase that points back to it: "Mourners attended
# the funeral in X on Thursday. At the graveside, Y said ...", "Hours after the funeral, ...".
_OCCASIONS = (
    r"funerals?|burials?|graveside|grave|rally|ceremony|memorial|vigil|demonstration|gathering"
    r"|summit|conference"
)
_OCCASION = re.compile(rf"\b(?:{_OCCASIONS})\b", re.IGNORECASE)
_BACK_TO = re.compile(
    rf"\b(?:(?P<at>at|during)|(?:hours|minutes|moments|shortly)\s+(?:after|before))\s+the"
    rf"\s+(?:{_OCCASIONS})\b",
    re.IGNORECASE,
)


class _Tagged:
    """A document's tagged names (not all-capital ones, like a dateline's), and one
    expression that finds any of them, longest first."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.first: dict[str, Mention] = {}
        for mention in mentions:
            if len(mention.text) >= 3 and not mention.text.isupper():
                self.first.setdefault(mention.text, mention)
        for mention in mentions:  # "Israeli jets" where "Israel" is tagged: the state acts
            country = country_name(mention.name) if mention.kind is EntityKind.PLACE else None
            for adjective in (a for a, c in COUNTRY_OF.items() if country and c == country):
                self.first.setdefault(adjective, mention)
        names = sorted(self.first, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, names))
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if names else None


def _echoes(
    sentence: Sentence, inside: Sequence[Mention], tagged: _Tagged
) -> dict[Mention, Mention]:
    """Names the tagger found elsewhere in the document but missed here, each with the tagged
    mention it repeats (which the graph knows): a tagger is not consistent across sentences,
    and an event's participant should not depend on which occurrence it tagged."""
    found: dict[Mention, Mention] = {}
    if tagged.pattern is None:
        return found
    for match in tagged.pattern.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(start < m.end and m.start < end for m in inside):
            continue
        mention = tagged.first[match.group()]
        echo = replace(mention, start=start, end=end, text=match.group(), sentence=sentence)
        found[echo] = mention
    return found


def fact_sentences(analyzed: AnalyzedDocument) -> list[Sentence]:
    """The NER stage's sentences, plus the fact-bearing sentences it skipped for want of a name.

    A simple split (end punctuation, then a capital; not after a title or initial) covers the
    stretches of title, body and caption segments no analysed sentence covers.
    """
    text = analyzed.document.text
    known = sorted(analyzed.sentences, key=lambda s: s.start)
    found: list[Sentence] = list(known)
    for segment in analyzed.segments:
        if not segment.kind.carries_facts:
            continue
        for start, end in _split(text, segment.start, segment.end):
            if not any(start < s.end and s.start < end for s in known):
                found.append(Sentence(start, end, text[start:end]))
    return sorted(found, key=lambda s: s.start)


def _split(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Sentence bounds in ``text[start:end]``, whitespace trimmed."""
    cut = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, cut, match.start() + 1):
            continue
        yield from _trimmed(text, cut, match.end())
        cut = match.end()
    yield from _trimmed(text, cut, end)


def _trimmed(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    chunk = text[start:end]
    body = chunk.strip()
    if body:
        first = start + len(chunk) - len(chunk.lstrip())
        yield first, first + len(body)


@dataclass(frozen=True)
class _Hit:
    trigger: Trigger
    start: int  # sentence-relative
    end: int


def sentence_events(
    sentence: Sentence,
    mentions: Sequence[Mention],
    published: dt.date | None,
    context: Sequence[Mention] = (),
) -> list[_Draft]:
    """The events one sentence reports, one per type, before merging across sentences.

    ``context`` holds the mentions of the sentences before, for a pronoun to stand for.
    """
    text = sentence.text
    dateline = _DATELINE.match(text)
    cut = sentence.start + (dateline.end() if dateline else 0)
    mentions = [m for m in mentions if m.start >= cut]
    hits = [  # "Omar Said" is no statement
        h
        for h in _hits(text)
        if not any(
            m.start < sentence.start + h.end and sentence.start + h.start < m.end for m in mentions
        )
    ]
    hits = [
        h for h in hits if h.trigger.type != "Statement" or _speaker(sentence, h, mentions, context)
    ]
    if any(h.trigger.type in VIOLENT and h.trigger is not WOUNDING for h in hits):
        hits = [h for h in hits if h.trigger is not WOUNDING]  # "exploded, wounding 12": a toll
    types = {h.trigger.type for h in hits}
    if "Bombing" in types:  # "a suicide bomb attack": one bombing, the attack is its trigger too
        bombs = [h for h in hits if h.trigger.type == "Bombing"]
        hits = [  # "the bombs went off ..., in the deadliest attack this year": one bombing
            replace(h, trigger=_as("Bombing"))
            if h.trigger.type == "Attack"
            and (
                any(_close(h, b) for b in bombs)
                or (_is_anaphor(sentence, h) and not _DAYS_EVENT.search(text, 0, h.start))
            )
            else h
            for h in hits
        ]
    if types & {"Raid", "MilitaryOperation"}:  # "raided a hideout, sparking a gunbattle"
        hits = [h for h in hits if not _FIGHTING.fullmatch(text[h.start : h.end])]
    killings: list[_Hit] = []
    if types & {"Bombing", "Attack", "Raid", "MilitaryOperation"}:
        killings = [h for h in hits if h.trigger.type == "Killing"]  # the killed are its victims
        hits = [h for h in hits if h.trigger.type != "Killing"]
    if "Release" in types:  # "released from house arrest": the custody ends, nothing begins
        hits = [
            h
            for h in hits
            if h.trigger.type not in CUSTODY or not _FROM_CUSTODY.search(text[: h.start])
        ]
    if "Arrest" in types:  # "arrested and detained": the arrest; not "six remain in detention"
        arrests = [h for h in hits if h.trigger.type == "Arrest"]
        hits = [
            h
            for h in hits
            if h.trigger.type != "Detention" or not any(_close(h, a) for a in arrests)
        ]
    if not hits:
        return _toll(sentence, mentions, published, cut)
    dates = [d for d in find_dates(text, sentence.start, published) if d.span.start >= cut]
    groups: list[list[_Hit]] = []  # one event per type, unless "another" or "a similar" one
    for hit in hits:
        same = [g for g in groups if g[0].trigger.type == hit.trigger.type]
        if (
            same
            and not _ANOTHER.search(text[: hit.start])
            and not _apart(sentence, same[-1][-1], hit, dates)
        ):
            same[-1].append(hit)
        else:
            groups.append([hit])
    counts = _counts(text, sentence.start)
    drafts = []
    for group in groups:
        first = group[0]
        event_type = first.trigger.type
        draft = _Draft(
            type=event_type,
            triggers=[_span(sentence, h) for h in group],
            sentences=[sentence],
            anaphoric=_is_anaphor(sentence, first) and not _answers(text, groups, group),
        )
        if event_type == "Statement":
            draft.actors = [_speaker(sentence, first, mentions, context)]  # type: ignore[list-item]
        elif event_type in SPOKEN:  # no one is acted on
            draft.actors = _participants(sentence, first, mentions, context)[0] or _fronted_subject(
                sentence, first, mentions
            )
        else:
            draft.actors, draft.targets = _participants(sentence, first, mentions, context)
        killing = next((k for k in killings if _nearest_group(groups, k) is group), None)
        if event_type in VIOLENT and killing and not draft.targets:  # "the strike that killed X"
            _, killed = _participants(sentence, killing, mentions, context)
            draft.targets = [m for m in killed if m not in draft.actors]
        if not _context_holds(first.trigger, text, draft.targets):
            continue
        passing = (
            not first.trigger.passive  # "a militia founded in 2011" tells when it was founded
            and _past(sentence, first)
            and _ADJECTIVAL.search(text[: first.start]) is not None
            and _NOUN_NEXT.match(text, first.end) is not None
        )
        if passing:
            draft.anaphoric = True
            drafts.append(draft)
            continue
        draft.place = _place(sentence, first, mentions, draft.actors + draft.targets)
        own = [
            d
            for d in dates
            if (
                _said_on(sentence, first, d, cut)
                if event_type == "Statement"
                else not _REPORTED_ON.search(text[: d.span.start - sentence.start])
                and not _in_relative_aside(sentence, first, d)
                and not _in_main_clause(sentence, first, d)
            )
            and (event_type == "Election" or published is None or d.value <= published)
            and not _SINCE.search(text, 0, d.span.start - sentence.start)
        ]
        when = _when_date(sentence, first, dates)
        draft.date = when or _own_date(sentence, first, own, hits)
        draft.date_attached = draft.date is not None and (
            when is not None
            or _attached(sentence, first, draft.date.span)
            or (len(groups) == 1 and _OPENING_ANAPHOR.match(text[: first.start]) is not None)
            or (len(groups) == 1 and _suffered_on(sentence, first, draft.date))
        )
        draft.place_attached = draft.place is not None and _attached(sentence, first, draft.place)
        drafts.append(draft)
    for key, (value, where) in counts.items():
        if key == "captured":  # the people a raid takes are its captives and their arrest's
            for draft in drafts:
                if draft.type in CUSTODY:
                    draft.counts[key] = value
            continue
        violent = [d for d in drafts if d.type in VIOLENT]  # the dead are one event's: the nearest
        if violent:
            nearest = min(violent, key=lambda d: min(abs(t.start - where) for t in d.triggers))
            nearest.counts[key] = value
    drafts = [d for d in drafts if not _claim(d, drafts) and not _claimed(sentence, d, drafts)]
    _after_a_trip(sentence, drafts)
    setting = next((d.type for d in drafts if d.type in SPOKEN[1:]), None)
    for draft in drafts:
        if draft.type == "Statement":
            draft.setting = setting or ("statement" if _IN_STATEMENT.search(text) else None)
    speakers = [d.actors for d in drafts if d.type == "Statement"]
    for draft in drafts:  # "X said in an interview": X gave the interview
        if draft.type in SPOKEN and not draft.actors and speakers:
            draft.actors = list(speakers[0])
    return sorted(drafts, key=lambda d: d.triggers[0].start)


def _nearest_group(groups: Sequence[Sequence[_Hit]], killing: _Hit) -> Sequence[_Hit] | None:
    """The violent event a killing in its sentence tells the dead of: the nearest ("Tuesday's
    attack was the worst since the strike that killed X" killed X in the strike)."""
    violent = [g for g in groups if g[0].trigger.type in VIOLENT]
    return min(violent, key=lambda g: min(abs(h.start - killing.start) for h in g), default=None)


# "since January 2020, when Iran fired missiles": the date the clause after it tells.
_WHEN = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)


def _when_date(sentence: Sentence, hit: _Hit, dates: Sequence[EventDate]) -> EventDate | None:
    """The date a "when" clause holding the trigger hangs on, though "since" bounds it."""
    for date in dates:
        end = date.span.end - sentence.start
        when = _WHEN.match(sentence.text, end)
        if when and when.end() <= hit.start and ";" not in sentence.text[end : hit.start]:
            return date
    return None


def _after_a_trip(sentence: Sentence, drafts: Sequence[_Draft]) -> None:
    """ "X flew to Y ... and met Z (there)": the meeting is the traveller's, at the trip's
    destination, though a reporting aside ("two diplomats said, and met") hides its subject."""
    trip = next((d for d in drafts if d.type == "Travel"), None)
    if trip is None:
        return
    for draft in drafts:
        if draft.type != "Meeting" or trip.triggers[0].start > draft.triggers[0].start:
            continue
        draft.place = draft.place or trip.place
        lead = sentence.text[: draft.triggers[0].start - sentence.start]
        if not draft.actors and _AND_THEN.search(lead):
            draft.actors = list(trip.actors)


_AND_THEN = re.compile(r"\band\s+(?:(?:then|later|also)\s+)?$", re.IGNORECASE)


def _fronted_subject(sentence: Sentence, hit: _Hit, mentions: Sequence[Mention]) -> list[Mention]:
    """The subject right after the opening phrase that holds the trigger: "In his weekly address,
    X talked" (X gave the address)."""
    fronted = _FRONTED.match(sentence.text)
    if fronted is None or hit.end > fronted.end():
        return []
    at = sentence.start + fronted.end()
    first = [m for m in mentions if m.kind in _AGENTS and 0 <= m.start - at <= 4][:1]
    if not first:
        return []
    titled = [  # "YBS commander Zardasht Shingali": the person named by the title speaks
        m
        for m in mentions
        if m.kind is EntityKind.PERSON
        and m.start > first[0].end
        and _TITLE_WORDS.fullmatch(_between(sentence, first[0].end, m.start))
    ]
    return titled[:1] or first


_TITLE_WORDS = re.compile(r"\s+(?-i:[a-z-]+\s+){1,3}")


def _claim(draft: _Draft, drafts: Sequence[_Draft]) -> bool:
    """A statement whose speaker did the violence it tells ("the group said it had struck a
    tanker") claims responsibility: no Statement, by the annotation's convention; a denial
    stays one."""
    attackers = [m for d in drafts if d.type in VIOLENT for m in d.actors]
    return (
        draft.type == "Statement"
        and not draft.triggers[0].text.lower().startswith(("denie", "rejected"))
        and _same_one(draft.actors, attackers)
    )


def _claimed(sentence: Sentence, claim: _Draft, drafts: Sequence[_Draft]) -> bool:
    """ "X claimed the abduction in May": no Statement but the abduction told again, X its
    actor, the month the claim's; True for the claim, which the event takes in."""
    if claim.type != "Statement" or not claim.triggers[0].text.lower().startswith("claim"):
        return False
    claimed = [
        d
        for d in drafts
        if d.type not in SPOKEN
        and _CLAIMED.fullmatch(_between(sentence, claim.triggers[0].end, d.triggers[0].start))
    ]
    for draft in claimed:
        draft.actors = draft.actors or list(claim.actors)
        draft.anaphoric, draft.date, draft.date_attached = True, None, False
    return bool(claimed)


_CLAIMED = re.compile(r"\s+(?:the|an?|its|their|this|that)\s+(?:[\w'’-]+\s+)?", re.IGNORECASE)


def _toll(
    sentence: Sentence, mentions: Sequence[Mention], published: dt.date | None, cut: int
) -> list[_Draft]:
    """A sentence that only counts the dead or wounded ("Twelve people were wounded, police
    said"; "No one was hurt"): a toll for the violent event told just before it, if any (see
    ``_merge_or_append``), with its place and date to check they agree."""
    text = sentence.text
    counts = {k: v for k, (v, _) in _counts(text).items() if k != "captured"}
    if not counts or _NOT_THE_LAST.search(text) or _NOT_VIOLENT.search(text):
        return []
    dates = [d for d in find_dates(text, sentence.start, published) if d.span.start >= cut]
    places = _located(sentence, mentions)
    return [
        _Draft(
            type=TOLL,
            triggers=[],
            sentences=[sentence],
            place=places[0] if places else None,
            date=dates[0] if dates else None,
            counts=counts,
        )
    ]


def _located(sentence: Sentence, mentions: Sequence[Mention]) -> list[Mention]:
    """The places a sentence names after a locative ("in X", "near the town of Y")."""
    return [
        m
        for m in mentions
        if m.kind is EntityKind.PLACE
        and not _adjective(m)
        and _LOCATIVE.search(_between(sentence, sentence.start, m.start))
    ]


def _said_on(sentence: Sentence, hit: _Hit, date: EventDate, cut: int) -> bool:
    """A statement's own date: in the verb's phrase ("said in a statement on Thursday", "denied
    on Wednesday") or opening the sentence ("On Monday, X said"), never one of what is said
    ("said the men, detained in 2014, ...")."""
    start, end = date.span.start - sentence.start, date.span.end - sentence.start
    if start >= hit.end:
        gap = sentence.text[hit.end : start]
        opens = _SAID_LEAD.match(gap) or re.search(r"\b(?:a|an|the)$", sentence.text[: hit.end])
        return len(gap) <= 50 and bool(opens) and _SAID_GAP.search(gap) is None
    body = cut - sentence.start
    fronted = _FRONTED.match(sentence.text, body)  # "In an interview on Monday, X said"
    return end <= hit.start and (
        date.span.start - cut <= 3
        or (
            fronted is not None
            and end <= fronted.end() <= hit.start
            and not _NOT_NOW.match(sentence.text, body)
        )
    )


# An opening phrase that dates something else: "After the raid on Monday, X said".
_NOT_NOW = re.compile(
    r"\s*(?:after|before|following|since|until|despite|amid|hours|days|weeks|months)\b",
    re.IGNORECASE,
)


def _in_relative_aside(sentence: Sentence, hit: _Hit, date: EventDate) -> bool:
    """A date in a relative clause between the subject and the verb dates what the clause
    tells: "X, which has held them since May, released" is no release in May."""
    aside = _ASIDE.search(sentence.text, 0, hit.start)
    return (
        aside is not None
        and _RELATIVE_OPENS.match(sentence.text, aside.start()) is not None
        and aside.start() <= date.span.start - sentence.start < hit.start
    )


# "the first since 2013": a period's bound, not the time of the event.
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _in_main_clause(sentence: Sentence, hit: _Hit, date: EventDate) -> bool:
    """A date before an "after" or "before" whose clause holds the trigger dates the main
    clause: "Last year Iran freed them, months after the Guards had seized it" (but "hours
    after" is that day, and "after which" tells what followed)."""
    start = date.span.end - sentence.start
    if start > hit.start:
        return False
    bound = _SUBORDINATE.search(sentence.text, start, hit.start)
    return (
        bound is not None
        and "," not in sentence.text[bound.end() : hit.start]
        and not _SAME_DAY_BOUND.match(bound.group().lstrip(", "))
        and not sentence.text.startswith(" which", bound.end())
    )


_SAME_DAY_BOUND = re.compile(r"(?:hours|minutes|shortly|soon|just)\b", re.IGNORECASE)


# "The strike, shortly before midnight on Jan. 30, killed ...": an event told again as the
# subject of its sentence, the sentence's own date its date.
_OPENING_ANAPHOR = re.compile(r"^\s*(?:the|that|this)\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)


def _suffered_on(sentence: Sentence, hit: _Hit, date: EventDate) -> bool:
    """ "The women had been seized at their camp on Monday": a definite subject's passive tells
    the event again, and the date in its clause, after the verb, is the event's own."""
    start = date.span.start - sentence.start
    return (
        _DEFINITE_SUBJECT.match(sentence.text[: hit.start]) is not None
        and start >= hit.end
        and not _CLAUSE_BREAK.search(sentence.text, hit.end, start)
    )


def _own_date(
    sentence: Sentence, hit: _Hit, dates: Sequence[EventDate], hits: Sequence[_Hit]
) -> EventDate | None:
    """The date in the trigger's phrase ("December 2007 elections"), else the first after it in
    its clause and before the next trigger ("flew to X on Wednesday and met Y on Thursday": the
    meeting's is Thursday), else the nearest."""
    attached = [  # not "flew in on Wednesday night and met"
        d
        for d in dates
        if _attached(sentence, hit, d.span)
        and not _JOINING.search(sentence.text, d.span.end - sentence.start, hit.start)
    ]
    until = min((h.start for h in hits if h.start >= hit.end), default=len(sentence.text))
    following = [
        d
        for d in dates
        if hit.end <= d.span.start - sentence.start < until
        and not _CLAUSE_BREAK.search(sentence.text, hit.end, d.span.start - sentence.start)
    ]
    if not (attached or following) and _modifies_people(sentence, hit):
        dates = [d for d in dates if d.span.start - sentence.start < until]  # the main verb's
    return (attached or following or [_nearest(dates, sentence.start + hit.start)])[0]


_JOINING = re.compile(r"\b(?:and|or|but|then)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”–—]|\s-\s")


def _apart(sentence: Sentence, prev: _Hit, hit: _Hit, dates: Sequence[EventDate]) -> bool:
    """Two triggers of one type in one sentence that tell two events: each with its own date
    ("in 2014 it abducted ..., and last year its men seized ..."), or one suffered and one done
    to others ("were freed under a deal that saw the authorities release 12 fighters")."""
    offset = sentence.start
    if _AVENGED.search(sentence.text, prev.end, hit.start):
        return True  # "fired missiles in retaliation for the drone strike": an earlier one
    before = {d.value for d in dates if d.span.end - offset <= prev.start}
    between = {d.value for d in dates if prev.end <= d.span.start - offset < hit.start}
    if before and between and not before & between:
        return True
    return (  # not "was shot dead ..., a killing the family blames on": that one, named
        _passive(sentence, prev)
        and not _passive(sentence, hit)
        and _OBJECT_NEXT.match(sentence.text, hit.end) is not None
        and _DETERMINED.search(sentence.text, 0, hit.start) is None
    )


_AVENGED = re.compile(
    r"\b(?:in\s+(?:retaliation|revenge|response|reprisal)\s+(?:for|to)|to\s+avenge|avenging)\b",
    re.IGNORECASE,
)


def _answers(text: str, groups: Sequence[Sequence[_Hit]], group: Sequence[_Hit]) -> bool:
    """ "fired rockets in retaliation for the drone strike": the strike is no anaphor of the
    rockets told before it in the sentence, though "the" names it."""
    first = group[0]
    return any(
        g[-1].end <= first.start
        and g[0].trigger.type == first.trigger.type
        and _AVENGED.search(text, g[-1].end, first.start) is not None
        for g in groups
    )


def _modifies_people(sentence: Sentence, hit: _Hit) -> bool:
    """A custody participle after the people it befell, no object of its own: "freed two aid
    workers arrested in 2021", "two engineers kidnapped in X were freed" (the workers were
    arrested, the engineers kidnapped, before what the sentence tells)."""
    return (
        hit.trigger.type in _PATIENT_NOUNS
        and _past(sentence, hit)
        and _PEOPLE_BEFORE.search(sentence.text, 0, hit.start) is not None
        and _REDUCED_RELATIVE.match(sentence.text, hit.end) is not None
    )


def _passive(sentence: Sentence, hit: _Hit) -> bool:
    lead = sentence.text[: hit.start]
    return (
        _PASSIVE.search(lead) is not None or _AUXILIARY.match(sentence.text, hit.start) is not None
    )


def _is_anaphor(sentence: Sentence, hit: _Hit) -> bool:
    """Whether the trigger tells an event told before: "the raid" (not "a militia that
    raided"), "the soldiers were freed", "those detained", "the men arrested in January"."""
    lead = sentence.text[: hit.start]
    if hit.trigger.type == "Release" and _IN_RETURN.match(sentence.text):
        return True  # "In return, Y freed 19 fighters": the other half of the swap told before
    opens = [0, *(m.end() for m in _REPORTING.finditer(lead))]  # "X said the men, ..., were"
    if any(_DEFINITE_SUBJECT.match(lead[at:].lstrip()) for at in opens):
        return True
    if not (_ANAPHOR.search(lead) or _DAYS_EVENT.search(lead)) or (
        _VERB_OBJECT.match(sentence.text, hit.end) and not _IN_THE.search(lead)
    ):
        return False  # "saw the government release 12 fighters" is a verb, "during the raid the
        # assault force found" a noun
    return not _past(sentence, hit) or _REDUCED_RELATIVE.match(sentence.text, hit.end) is not None


_IN_THE = re.compile(
    r"\b(?:during|in|after|before|since|following|amid|of)\s+the\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE
)


def _close(a: _Hit, b: _Hit) -> bool:
    """Two triggers of one phrase ("a bomb attack", "the attack, a car bombing")."""
    return max(a.start, b.start) - min(a.end, b.end) <= 15


def _attached(sentence: Sentence, hit: _Hit, span: TextSpan | Mention) -> bool:
    """A date or place in the trigger's own phrase, not the clause's: "the raid on Monday"."""
    start, end = span.start - sentence.start, span.end - sentence.start
    gap = sentence.text[hit.end : start] if start >= hit.end else sentence.text[end : hit.start]
    return len(gap) <= 12 and (
        not re.search(r"[,;]", gap) or _ON_AFTER_COMMA.match(gap) is not None
    )


def _context_holds(trigger: Trigger, text: str, targets: Sequence[Mention]) -> bool:
    """A trigger's ``needs`` holds in the sentence, or a person it names is the one acted on."""
    if trigger.needs is None or re.search(trigger.needs, text, re.IGNORECASE):
        return True
    return trigger.person_suffices and any(m.kind is EntityKind.PERSON for m in targets)


def _as(event_type: str) -> Trigger:
    return next(t for t in LEXICON if t.type == event_type)


def _hits(text: str) -> list[_Hit]:
    """Trigger matches, longest first where they overlap, minus hypotheticals and misses."""
    candidates = []
    for trigger, pattern, needs, unless in _COMPILED:
        matches = list(pattern.finditer(text))  # first: most triggers are not in the sentence
        if not matches:
            continue
        if needs is not None and needs.search(text) is None and not trigger.person_suffices:
            continue
        if unless is not None and unless.search(text) is not None:
            continue
        for match in matches:
            lead = text[: match.start()]
            if not (
                _IRREALIS.search(lead)
                or (trigger.type == "Bombing" and _WEAPON_OBJECT.search(lead))
                or (trigger.type != "Election" and _TO_ATTEND.search(lead))
            ):
                candidates.append(_Hit(trigger, match.start(), match.end()))
    candidates.sort(key=lambda h: (h.start - h.end, h.start))
    kept: list[_Hit] = []
    for hit in candidates:
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _span(sentence: Sentence, hit: _Hit) -> TextSpan:
    return TextSpan(
        sentence.start + hit.start, sentence.start + hit.end, sentence.text[hit.start : hit.end]
    )


def _between(sentence: Sentence, start: int, end: int) -> str:
    """Sentence text between two document offsets."""
    return sentence.text[start - sentence.start : end - sentence.start]


def _speaker(
    sentence: Sentence, hit: _Hit, mentions: Sequence[Mention], context: Sequence[Mention] = ()
) -> Mention | None:
    """The named person or organization right before or after a reporting verb, if any, or the
    one a pronoun or "the group" right before it stands for."""
    at, until = sentence.start + hit.start, sentence.start + hit.end
    lead = sentence.text[: hit.start]
    if _ATTRIBUTION.search(lead):
        return None
    if _PRONOUN.search(lead) or _GROUP_ANAPHOR.search(lead):
        return next(iter(_antecedent(sentence, lead, mentions, context)), None)
    _, _, first = _clause_head(sentence, mentions, hit.start)
    if first is not None:  # "The army named the soldier as X and said": the army speaks
        return next(iter(_actor(sentence, mentions, first, context)), None)
    agents = [m for m in mentions if m.kind in _AGENTS]
    before = [
        m for m in agents if m.end <= at and _SPEAKER_BEFORE.match(_between(sentence, m.end, at))
    ]
    before = before or [  # a state speaking: "Israel said", not "officials in Israel said"
        m  # nor "the U.S. military says", whose speaker is unnamed
        for m in mentions
        if _state(m)
        and m.end <= at
        and _AUXILIARIES.fullmatch(_between(sentence, m.end, at))
        and _is_subject(sentence, m, sentence.start)
    ]
    if before:
        speaker = before[-1]
        for person in before[:-1]:  # "X, a spokesman for Y, said": X speaks for Y
            if person.kind is EntityKind.PERSON and _ROLE_FOR.match(
                _between(sentence, person.end, speaker.start)
            ):
                return person
        return speaker
    if _ACCUSES.match(sentence.text, hit.start):
        return None  # "Police blamed X": the one named after is the accused
    if not _INVERTS.search(lead):
        return None  # "Ankara says the group, ..., is": what is said, not who says it
    after = [
        m
        for m in agents
        if m.start >= until
        and _SPEAKER_AFTER.match(_between(sentence, until, m.start))
        and _SPEAKER_ENDS.match(_between(sentence, m.end, sentence.end))
    ]
    return after[0] if after else None


def _past(sentence: Sentence, hit: _Hit) -> bool:
    """A trigger in -ed is a verb, so "that" before it opens a relative clause ("a militia
    that kidnapped"), where before a noun it points back ("that attack")."""
    return sentence.text[hit.start : hit.end].lower().endswith("ed")


def _masked(sentence: Sentence, mentions: Sequence[Mention]) -> str:
    """The sentence with its names blanked out, for words that may also be names ("Said")."""
    text = list(sentence.text)
    for m in mentions:
        text[m.start - sentence.start : m.end - sentence.start] = "X" * (m.end - m.start)
    return "".join(text)


def _is_subject(sentence: Sentence, mention: Mention, opens: int) -> bool:
    """Not after a preposition, unless it names whose people act ("gunmen from X")."""
    lead = _between(sentence, opens, mention.start)
    return _OBLIQUE.search(lead) is None or _MEMBERS_OF.search(lead) is not None


def _subject(sentence: Sentence, mentions: Sequence[Mention], opens: int, at: int) -> list[Mention]:
    """The agent named last before ``at`` in the clause, not after a preposition."""
    before = [m for m in mentions if opens <= m.start and m.end <= at and at - m.end <= 100]
    return [
        m
        for m in before
        if m.kind in _AGENTS
        or (
            m is before[-1]  # a state acting ("Iran trained"): right before its verb
            and m.kind is EntityKind.PLACE
            and _STATE_SUBJECT.match(_between(sentence, m.end, at))
        )
        if _is_subject(sentence, m, opens)
    ][-1:]


def _actor(
    sentence: Sentence, mentions: Sequence[Mention], at: int, context: Sequence[Mention]
) -> list[Mention]:
    """The subject of the verb at ``at`` (sentence offset), found past an opening phrase ("On
    Tuesday, after talks, X released"), before an aside ("X, which held them, released"), and
    for a second verb after "and" the first verb's ("X stormed Y's office and kidnapped")."""
    head, opens, first = _clause_head(sentence, mentions, at)
    if first is not None:
        return _actor(sentence, mentions, first, context)
    end = sentence.start + len(head)
    return _subject(sentence, mentions, sentence.start + opens, end) or _antecedent(
        sentence, sentence.text[: len(head)], mentions, context
    )


def _clause_head(
    sentence: Sentence, mentions: Sequence[Mention], at: int
) -> tuple[str, int, int | None]:
    """The text before the verb at ``at`` (names masked, up to an aside), where its clause
    opens, and for a second verb after "and" where the first verb stands."""
    masked = _masked(sentence, mentions)
    aside = _ASIDE.search(masked, 0, at)
    head = masked[: aside.start() if aside else at]
    opens = _opening(head)
    joined = _JOINED.search(head, opens) if _VERB_WORD.match(masked, at) else None
    return head, opens, _first_verb(head, opens, joined.start()) if joined else None


def _opening(head: str) -> int:
    """Where the clause of the verb ending ``head`` opens: after a reporting verb or a
    subordinator, or after a phrase the sentence opens with ("On Tuesday, after talks, ")."""
    clause = _CLAUSE.search(head)
    opens = clause.end() if clause else 0
    fronted = _FRONTED.match(head)
    if fronted and fronted.end() > opens and not _BARE.fullmatch(head, fronted.end()):
        return fronted.end()  # "On Monday X ambushed a convoy, then captured": no phrase
    return opens


def _first_verb(head: str, start: int, end: int) -> int | None:
    """The first finite verb of ``head[start:end]``, a participle after a determiner
    ("the wounded", "two armed men") being none."""
    for verb in _VERB_WORD.finditer(head, start, end):
        if not _DETERMINED.search(head, 0, verb.start()):
            return verb.start()
    return None


def _antecedent(
    sentence: Sentence, lead: str, mentions: Sequence[Mention], context: Sequence[Mention]
) -> list[Mention]:
    """Who a pronoun ("when he was abducted") or a relative clause ("X, a militia that
    kidnapped") right before the verb stands for."""
    group = _GROUP_ANAPHOR.search(lead)
    if group:
        at = sentence.start + group.start()
        return [
            m
            for m in (*context, *mentions)
            if m.end <= at and m.kind is EntityKind.ORGANIZATION and not _kin(m)
        ][-1:]
    pronoun = _PRONOUN.search(lead)
    if pronoun:
        person = (pronoun["pronoun"] or "").lower() in ("he", "she")
        kind = EntityKind.PERSON if person else EntityKind.ORGANIZATION
        return _referent(sentence.start + pronoun.start(), kind, mentions, context)
    relative = _RELATIVE.search(lead)
    if relative:
        at = sentence.start + relative.start()
        return [m for m in mentions if m.kind in _AGENTS and 0 <= at - m.end <= 1][-1:]
    return []


def _kin(mention: Mention) -> bool:
    """A tribe, clan or family ("elders of the Shaitat tribe"), which "the group" never names."""
    after = mention.sentence.text[mention.end - mention.sentence.start :][:12]
    return _KIN.search(mention.name) is not None or _KIN.match(after) is not None


_KIN = re.compile(r"\s*\b(?:tribes?|clans?|famil(?:y|ies))\b", re.IGNORECASE)


def _referent(
    at: int,
    kind: EntityKind,
    mentions: Sequence[Mention],
    context: Sequence[Mention],
    skip: Sequence[Mention] = (),
) -> list[Mention]:
    """Who a pronoun at ``at`` stands for: the last of its kind named before it in the
    sentence, else the subject (the first named) of the sentence before: "X, which was formed
    by men who left Y, has done it before. In 2014 it ..." is X, not Y."""
    here = [m for m in mentions if m.end <= at and m.kind is kind and m not in skip]
    if here:
        return here[-1:]
    last = [m for m in context if context and m.sentence == context[-1].sentence]
    return [m for m in last if m.kind is kind][:1]


def _listed(
    sentence: Sentence, chosen: list[Mention], mentions: Sequence[Mention]
) -> list[Mention]:
    """``chosen`` with the names listed with it ("X, Y and Z"); a list ends in "and" or "or",
    so a name before the chosen one across a bare comma is no item ("after talks with X, Y")."""
    if not chosen:
        return chosen
    state = _state(chosen[0])  # "U.S. and British strikes"
    agents = [m for m in mentions if m.kind in _AGENTS or (state and _state(m))]
    out = list(chosen)
    while prior := [
        m
        for m in agents
        if m.end <= out[0].start
        and (_LIST_GLUE if len(out) > 1 else _LIST_END).match(
            _between(sentence, m.end, out[0].start)
        )
    ]:
        out.insert(0, prior[-1])
    while later := [
        m
        for m in agents
        if m.start >= out[-1].end and _LIST_GLUE.match(_between(sentence, out[-1].end, m.start))
    ]:
        out.append(later[0])
    return out


def _acted_on(sentence: Sentence, until: int, after: Sequence[Mention]) -> list[Mention]:
    """The first agent after the verb that it acts on, or the person named in apposition to
    it ("a suspected X commander, Jabbar Mahmoud"); never the speaker of ", X said"."""
    first = [
        m
        for m in after
        if m.kind in _AGENTS
        and _TARGET_LEAD.match(_between(sentence, until, m.start))
        and not _SAYS_AFTER.match(_between(sentence, m.end, sentence.end))
    ][:1]
    if first:
        apposed = [
            m
            for m in after
            if m.kind is EntityKind.PERSON
            and m.start > first[0].end
            and _APPOSED.match(_between(sentence, first[0].end, m.start))
        ]
        return apposed[:1] or first
    return first


def _participants(
    sentence: Sentence, hit: _Hit, mentions: Sequence[Mention], context: Sequence[Mention] = ()
) -> tuple[list[Mention], list[Mention]]:
    """Actors and targets: by position around the trigger, which the voice decides."""
    at, until = sentence.start + hit.start, sentence.start + hit.end
    lead = sentence.text[: hit.start]
    clause = _CLAUSE.search(_masked(sentence, mentions)[: hit.start])  # not "Said" of a name
    opens = sentence.start + (clause.end() if clause else 0)
    before = [m for m in mentions if opens <= m.start and m.end <= at and at - m.end <= 100]
    after = [m for m in mentions if m.start >= until and m.start - until <= 80]
    by_agent = [m for m in after if _BY.match(_between(sentence, until, m.start)) is not None]
    subject = _actor(sentence, mentions, hit.start, context)
    if hit.trigger.type in _PASSED_ON:  # "handed them over to the army's 20th Division"
        after = [m for m in after if not _RECEIVER.search(_between(sentence, until, m.start))]
    acted_on = _listed(sentence, _acted_on(sentence, until, after), mentions)
    if not acted_on and _HIM.match(sentence.text, hit.end):  # "Hezbollah trained him"
        acted_on = _referent(at, EntityKind.PERSON, mentions, context, skip=subject)
    if hit.trigger.type == "Meeting":
        bare = sentence.text[hit.start : hit.end].lower() in ("met", "meets")
        partners = [
            m for m in after if m.kind in _AGENTS and _met(_between(sentence, until, m.start), bare)
        ]
        return subject + partners, []
    adjacent = [m for m in before if m.kind in _AGENTS and at - m.end <= 3]
    if (
        adjacent
        and hit.trigger.type in _PATIENT_NOUNS
        and _POSSESSIVE.match(_between(sentence, adjacent[-1].end, at))
        and not _past(sentence, hit)
    ):
        return by_agent[:1], adjacent[-1:]
    survived = _SURVIVED.search(lead)
    if survived and not by_agent:  # "X survived an attack": X was its target
        return [], _listed(
            sentence, _actor(sentence, mentions, survived.start(), context), mentions
        )
    if hit.trigger.voice == "noun" or (_NOMINAL.search(lead) and not _past(sentence, hit)):
        support = _SUPPORT.search(lead)
        if support and not adjacent and not by_agent:
            doer = _actor(sentence, mentions, support.start(), context)
            return _listed(sentence, doer, mentions), acted_on
        states = [m for m in before if _state(m) and at - m.end <= 1]  # "the Israeli strikes"
        if hit.trigger.type in VIOLENT and states and not (adjacent or by_agent):
            return _listed(sentence, states[-1:], mentions), acted_on
        return (adjacent or by_agent)[:1], acted_on
    reduced = _past(sentence, hit) and (
        (by_agent and _BY_NEXT.match(sentence.text, hit.end)) or _modifies_people(sentence, hit)
    )
    if reduced and not by_agent:
        return [], []
    if _passive(sentence, hit) or reduced or hit.trigger.passive:
        return by_agent[:1], _listed(sentence, subject, mentions)
    shared = _SHARED_PASSIVE.search(lead)  # "X was arrested at the farm and released later"
    if shared and _object_next(sentence, hit, after):  # "was freed and visited Oslo": active
        shared = None
    if shared or _INTRANSITIVE.fullmatch(sentence.text[hit.start : hit.end]):
        sufferer = _actor(sentence, mentions, shared.start() if shared else hit.start, context)
        return by_agent[:1], _listed(sentence, sufferer, mentions)
    return _listed(sentence, subject, mentions), acted_on


def _met(gap: str, bare: bool) -> bool:
    """What may stand between a meeting's verb and a party to it: "met with X", "met leaders of
    X", and after a bare "met" a title ("met Deputy Interior Minister X")."""
    return bool(_WITH.search(gap) or _ENVOYS_OF.match(gap) or (bare and _TITLED.fullmatch(gap)))


def _object_next(sentence: Sentence, hit: _Hit, after: Sequence[Mention]) -> bool:
    """An object right after the verb ("captured three men", "visited Oslo"), not a time
    ("released a month later"): active voice."""
    until = sentence.start + hit.end
    text = sentence.text
    counted = _VERB_OBJECT.match(text, hit.end) and not _SPAN_OF_TIME.match(text, hit.end)
    return bool(counted) or any(m.start - until <= 1 for m in after)


_SPAN_OF_TIME = re.compile(
    r"\s+(?:an?|the|\w+)\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?)\b",
    re.IGNORECASE,
)


def _place(
    sentence: Sentence, hit: _Hit, mentions: Sequence[Mention], taken: Sequence[Mention]
) -> Mention | None:
    """Where the event happened: a place naming the trigger noun ("a Kabul bombing"), else one
    after a locative preposition or before ", where", nearest after the trigger, else before."""
    at = sentence.start + hit.start
    candidates = [
        m for m in mentions if m.kind is EntityKind.PLACE and m not in taken and not _adjective(m)
    ]
    modifier = [  # "a Kabul bombing", but "U.S. strikes": the state strikes
        m
        for m in candidates
        if m.end <= at
        and _MODIFIER.match(_between(sentence, m.end, at))
        and not (hit.trigger.type in VIOLENT and _state(m))
        and not _subject_s(sentence, m, hit)
    ]
    if modifier:
        return modifier[-1]
    if hit.trigger.type in VIOLENT:  # "raided a West Bank camp", "air strikes on Gaza"
        until = sentence.start + hit.end
        struck = [
            m
            for m in candidates
            if m.start >= until
            and not _PEOPLE_AFTER.match(_between(sentence, m.end, sentence.end))
            and not (_state(m) and _LOWER_NEXT.match(sentence.text, m.end - sentence.start))
            and (
                _STRUCK.match(_between(sentence, until, m.start))
                or (
                    _STRUCK_AT.match(_between(sentence, until, m.start))
                    and _PHRASE_ENDS.match(_between(sentence, m.end, sentence.end))
                )
            )
        ]
        if struck:
            return struck[0]
    lead = {"Travel": _TO, "Withdrawal": _FROM}.get(hit.trigger.type, _LOCATIVE)
    places = [
        m
        for m in candidates
        if lead.search(_between(sentence, sentence.start, m.start))
        or _LOCATIVE.search(_between(sentence, sentence.start, m.start))
        or _WHERE.match(_between(sentence, m.end, sentence.end))
    ]
    bounds = (p.search(sentence.text, hit.end) for p in (_SUBORDINATE, _HAD_BEFORE))
    end = sentence.start + min((b.start() for b in bounds if b), default=len(sentence.text))
    later = [m for m in places if at <= m.start < end]
    earlier = [m for m in places if m.start < at]
    place = later[0] if later else (earlier[-1] if earlier else None)
    inner = [
        m
        for m in candidates
        if place is not None
        and m.start > place.end
        and _WITHIN.match(_between(sentence, place.end, m.start))
    ]
    return inner[0] if inner else place


def _subject_s(sentence: Sentence, place: Mention, hit: _Hit) -> bool:
    """A place before the subject of the verb ("X speedboats fired on", "police in X have
    detained") says whose, not where; before a noun ("a X bombing") or the object of a verb
    joined by "and" ("stormed a X hotel and seized") it is where."""
    gap = _between(sentence, place.end, sentence.start + hit.start)
    return _VERB_WORD.match(sentence.text, hit.start) is not None and not _JOINING.search(gap)


_SUBORDINATE = re.compile(
    r",?\s+(?:(?:hours|days|weeks|minutes|shortly|soon|just)\s+)?(?:after|before|while|because"
    r"|although)\b|;",
    re.IGNORECASE,
)
# "freed four fighters who had been held in X": the clause tells what came before, elsewhere.
_HAD_BEFORE = re.compile(r",?\s+who(?:m)?\s+had\b", re.IGNORECASE)
# "the Diyala province town of Khalis": the town is where, the province only says whose.
_WITHIN = re.compile(
    r"^\s+(?:[\w'’-]+\s+){0,2}(?:city|town|village|district|neighbou?rhood|suburbs?|area"
    r"|camp|region)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _state(mention: Mention) -> bool:
    """A country or its adjective, which acts as a state ("Israel said", "Iraqi troops")."""
    return mention.kind is EntityKind.PLACE and (
        mention.text in COUNTRY_OF or country_name(mention.name) is not None
    )


def _adjective(mention: Mention) -> bool:
    """A country adjective standing for its country ("Iraqi troops"): who acts, never where."""
    return mention.text in COUNTRY_OF and mention.name != mention.text


def _nearest(dates: Sequence[EventDate], at: int) -> EventDate | None:
    return min(dates, key=lambda d: abs(d.span.start - at), default=None)


def _number(text: str) -> int | None:
    text = " ".join(text.lower().split())
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if text in _NO_ONE:
        return 0
    value = int(text.replace(",", ""))
    return None if 1900 <= value <= 2100 and "," not in text else value


def _counts(text: str, offset: int = 0) -> dict[str, tuple[int, int]]:
    """Killed, wounded and captured counts the sentence states, the first of each, with where
    it stands in the document; "a commander and two other men" are three."""
    found: dict[str, tuple[int, int]] = {}
    for key, patterns in _COUNTS.items():
        matches = sorted((m for p in patterns for m in p.finditer(text)), key=lambda m: m.start())
        for match in matches:
            value = _number(match.group("n"))
            if value is not None:
                one_more = _ONE_AND.search(text, 0, match.start("n")) and _OTHERS.match(
                    text, match.end("n")
                )
                found[key] = (value + bool(one_more), offset + match.start("n"))
                break
    pair = _NAMED_AND_KIN.search(text)
    if pair and "killed" not in found:
        found["killed"] = (2, offset + pair.start("n"))
    return found


# "killing X, a commander, and his driver": two dead, though no number is given.
_NAMED_AND_KIN = re.compile(
    r"\b(?:killed|killing|kills)\s+(?P<n>(?-i:[A-Z])[\w'’-]*)(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}"
    r"(?:,[^;]{1,100}?,)?\s+and\s+(?:his|her)\s+(?:driver|bodyguard|guard|aide|son|daughter|wife"
    r"|husband|brother|sister|father|mother|nephew|cousin|companion)\b",
    re.IGNORECASE,
)


_ONE_AND = re.compile(r"\b(?:an?|one)\s+(?:[\w-]+\s+){1,4}?and\s+$", re.IGNORECASE)
_OTHERS = re.compile(r"\s+others?\b", re.IGNORECASE)


# Merging ------------------------------------------------------------------------------------


_DAY = DatePrecision.DAY
_RANK = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}


def _compatible_dates(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None:
        return True
    coarse = max(a.precision, b.precision, key=_RANK.__getitem__)
    if coarse is DatePrecision.YEAR:
        return a.value.year == b.value.year
    if coarse is DatePrecision.MONTH:
        return (a.value.year, a.value.month) == (b.value.year, b.value.month)
    return a.value == b.value


def _compatible_places(a: Mention | None, b: Mention | None) -> bool:
    """One place, or a province and a town that may lie in it ("in Shabwa province", "in
    Hatib"): a province does not tell two events apart."""
    return (
        a is None
        or b is None
        or a.name == b.name
        or _region(a)
        or _region(b)
        or _quarter(a) != _quarter(b)  # "the Karrada district" may lie in Baghdad
    )


def _region(place: Mention) -> bool:
    after = place.sentence.text[place.end - place.sentence.start :]
    return _REGION_NEXT.match(after) is not None


_REGION_NEXT = re.compile(r"\s+(?:province|governorate|region)\b", re.IGNORECASE)


def _quarter(place: Mention) -> bool:
    """A part of a city, named with its noun ("in the Karrada district")."""
    after = place.sentence.text[place.end - place.sentence.start :]
    return _QUARTER_NEXT.match(after) is not None


_QUARTER_NEXT = re.compile(
    r"\s+(?:district|neighbou?rhood|quarter|suburb)\b(?!\s+of\b)", re.IGNORECASE
)


def _names(draft: _Draft) -> set[str]:
    return {m.name for m in draft.actors + draft.targets}


def _same_one(a: Sequence[Mention], b: Sequence[Mention]) -> bool:
    """Whether two lists share a participant, a short form counting ("Feld", "Markus Feld";
    "Obaidi", "Karim al-Obaidi")."""
    return any(
        x.name == y.name
        or x.name.endswith(" " + y.name)
        or y.name.endswith(" " + x.name)
        or ((" " not in x.name or " " not in y.name) and _surname(x.name) == _surname(y.name))
        for x in a
        for y in b
    )


def _surname(name: str) -> str:
    """The last word of a name without its article ("al-Obaidi", "Al-Maliki": "obaidi")."""
    return _ARTICLE.sub("", name.split()[-1]).lower() if name.split() else ""


_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|an|ar|at|az)-", re.IGNORECASE)


def _same_event(earlier: _Draft, later: _Draft) -> bool:
    """Whether a later mention reports the same event: an anaphor ("the raid", "the attack"
    after a bombing), or the same type and the same day, the same target, or the same place and
    a shared participant, or the headline's event told in the body, with no other date or place.

    An anaphor's own sentence date and place are not held against it: "the bombing was their
    work, a spokesman in Kabul said on Sunday" places and dates the statement, not the bombing.

    What one speaker says in one article is one statement (a reader counts the occasion, not
    each "he said"), unless its dates differ; two speakers' statements are never one.
    """
    if earlier.type == later.type and earlier.type in SPOKEN and earlier.actors and later.actors:
        settings = {earlier.setting, later.setting} - {None}
        return (
            _same_one(earlier.actors, later.actors)
            and _compatible_dates(earlier.date, later.date)
            and len(settings) < 2  # an interview and a speech are two occasions
        )
    if (
        _taking(earlier.type, later.type)
        and later.sentences[0] not in earlier.sentences  # one sentence's two are two
        and _same_one(earlier.targets, later.targets)
    ):
        return _compatible_dates(earlier.date, later.date)
    if _headline_of(earlier, later):
        return _compatible_dates(earlier.date, later.date)
    if earlier.type != later.type or later.sentences[0] in earlier.sentences:
        return False  # one sentence tells two of one type only when it means two
    if not _compatible_dates(earlier.date, later.date):
        return False
    if earlier.headline and not later.headline:  # "kidnap in Diyala", then the town in Diyala
        return True
    if not _compatible_places(earlier.place, later.place):
        return False
    same_day = (
        earlier.date is not None
        and later.date is not None
        and earlier.date.precision is DatePrecision.DAY
        and earlier.date.value == later.date.value
    )
    same_place = earlier.place is not None and later.place is not None
    same_victim = _same_one(earlier.targets, later.targets)
    dated = earlier.date is not None and later.date is not None  # compatible, checked above
    revisited = (  # "the Velmar base was shelled on Monday ... whoever fired at Velmar"
        later.date is None
        and same_place
        and earlier.place.name == later.place.name  # type: ignore[union-attr]
        and not _ANEW.search(later.sentences[0].text)
    )
    retold = (  # "X stormed the home on Friday ... X raided the house after dark"
        later.date is None
        and later.place is None
        and _same_one(earlier.actors, later.actors)
        and not _ANEW.search(later.sentences[0].text)
    )
    told_first = (  # "a contractor kidnapped in X was freed", then "Y was seized on May 3"
        earlier.date is None
        and same_place  # compatible, checked above
        and not (earlier.actors or earlier.targets)
        and not _ANEW.search(later.sentences[0].text)
    )
    return (
        same_day
        or same_victim
        or retold
        or revisited
        or told_first
        or (same_place and (dated or bool(_names(earlier) & _names(later))))
    )


# A sentence that tells a second one: "also raided", "another raid", "raided again".
_ANEW = re.compile(
    r"\b(?:also|another|again|second|third|separate|new|similar|other|earlier|previous)\b",
    re.IGNORECASE,
)


def _headline_of(earlier: _Draft, later: _Draft) -> bool:
    """A headline's attack or killing told in the body as a bombing, a raid or an attack with
    its dead ("Drone kills two", then "a drone strike killed two men")."""
    return (
        earlier.headline
        and not later.headline
        and earlier.type in ("Attack", "Killing")
        and later.type in VIOLENT
        and later.type != earlier.type
        and later.type != "Killing"
    )


def _taking(a: str, b: str) -> bool:
    """Two words for taking one person ("abducted X" ... "X was seized")."""
    return {a, b} <= {"Kidnapping", "Capture"} or {a, b} <= {"Arrest", "Detention", "Capture"}


def _refers(anaphor: str, antecedent: str) -> bool:
    """ "the attack" may name an earlier bombing or raid, "his detention" an arrest, "the
    captured man" one seized; other anaphors name their own type."""
    return (
        anaphor == antecedent
        or (anaphor == "Attack" and antecedent in ("Bombing", "Raid"))
        or _taking(anaphor, antecedent)
    )


def _merge_or_append(drafts: list[_Draft], draft: _Draft) -> None:
    """Fold ``draft`` into the most recent earlier event it reports again, or append it.

    An anaphor ("the raid", "those detained") names the latest event of its own type, else the
    latest it may name ("the attack" after a bombing), one that fits what its phrase says;
    a toll with no one named ("14 people were killed") is the violent event told just before.
    """
    if draft.anaphoric and draft.type not in SPOKEN:
        named = [e for e in reversed(drafts) if _refers(draft.type, e.type) and _fits(e, draft)]
        named = [e for e in named if _weapon_agrees(e, draft)] or named
        own = [e for e in named if e.type == draft.type]
        if named:
            _fold((own or named)[0], draft)
            return
    latest = max(drafts, key=lambda d: d.sentences[-1].start, default=None)
    if _IN_THE_FIGHTING.search(draft.sentences[0].text):  # past a statement about it
        latest = max(
            (d for d in drafts if d.type in VIOLENT),
            key=lambda d: d.sentences[-1].start,
            default=latest,
        )
    if latest is not None and _toll_of(latest, draft):
        _fold(latest, draft)
        return
    if draft.type == TOLL:
        return  # no violent event before to count for
    for earlier in reversed(drafts):
        if _same_event(earlier, draft):
            _fold(earlier, draft)
            return
    drafts.append(draft)


# "Four men were killed in the fighting": the toll of the last violent event told.
_IN_THE_FIGHTING = re.compile(
    r"\b(?:in|during)\s+the\s+(?:ensuing\s+|subsequent\s+|heavy\s+)?(?:fighting|battle|shootout"
    r"|exchange\s+of\s+fire)\b",
    re.IGNORECASE,
)


def _fits(earlier: _Draft, anaphor: _Draft) -> bool:
    """An anaphor's own phrase agrees with the event: "the bombings" names one told in the
    plural, "the men detained at X" one at X, "the raid on Monday" one on Monday."""
    last = anaphor.triggers[-1].text.lower()
    plural = last.endswith("s") and not last.endswith(("ss", "ers", "ors"))  # "the kidnappers"
    if (
        plural
        and anaphor.sentences[0] not in earlier.sentences  # "raided X, one of their assaults"
        and not any(
            t.text.lower().endswith("s") or _many_after(earlier, t) for t in earlier.triggers
        )
    ):
        return False
    if anaphor.place_attached and not _compatible_places(earlier.place, anaphor.place):
        return False
    said, named = anaphor.sentences[0], anaphor.triggers[0]
    if (
        anaphor.targets
        and earlier.targets
        and _OF_NEXT.match(said.text, named.end - said.start)
        and not _same_one(earlier.targets, anaphor.targets)
    ):
        return False  # "the kidnapping of two officers" after a capture of someone else
    return not anaphor.date_attached or _compatible_dates(earlier.date, anaphor.date)


def _many_after(draft: _Draft, trigger: TextSpan) -> bool:
    """ "freed eight members": one event of many people, which "the releases" may name."""
    sentence = next(s for s in draft.sentences if s.start <= trigger.start < s.end)
    return _MANY.match(sentence.text, trigger.end - sentence.start) is not None


_MANY = re.compile(
    rf"\s+(?:(?:at\s+least|more\s+than|some|about)\s+)?(?:\d+|several|dozens|scores"
    rf"|{NUMBER_ALTERNATION})\b(?<!\bone)",
    re.IGNORECASE,
)
_OF_NEXT = re.compile(r"\s+of\b", re.IGNORECASE)


def _weapon_agrees(earlier: _Draft, anaphor: _Draft) -> bool:
    """ "the missile attack" names the event told with missiles, not a drone strike told after
    it; an anaphor with no weapon before its noun agrees with any."""
    said, named = anaphor.sentences[0], anaphor.triggers[0]
    weapon = _WEAPON_BEFORE.search(said.text, 0, named.start - said.start)
    if weapon is None:
        return True
    word = weapon["weapon"].lower()
    return any(
        word in t.text.lower() or word in sentence.text[t.end - sentence.start :][:60].lower()
        for t in earlier.triggers
        for sentence in earlier.sentences
        if sentence.start <= t.start < sentence.end
    )


_WEAPON_BEFORE = re.compile(
    r"\b(?:the|that|this|its|their)\s+(?P<weapon>missile|rocket|mortar|drone|artillery|car"
    r"|roadside|suicide|grenade)\s+$",
    re.IGNORECASE,
)


def _toll_of(earlier: _Draft, later: _Draft) -> bool:
    return (
        later.type in ("Killing", TOLL)
        and not later.actors
        and not later.targets
        and earlier.type in VIOLENT
        and earlier.sentences[-1] is not later.sentences[0]
        and _compatible_places(earlier.place, later.place)
        and _compatible_dates(earlier.date, later.date)
    )


def _fold(into: _Draft, other: _Draft) -> None:
    if _headline_of(into, other):
        into.type = other.type  # the body says what the headline's attack was
    into.triggers += other.triggers
    into.sentences += [s for s in other.sentences if s not in into.sentences]
    seen = into.actors + into.targets  # one participant named twice is one participant
    into.actors += [m for m in other.actors if not _same_one([m], seen)]
    into.targets += [m for m in other.targets if not _same_one([m], seen)]
    if not other.anaphoric:  # a town named in the body, not the headline's country or region
        vague = into.place is not None and country_name(into.place.name) is not None
        wider = into.headline and not other.headline  # a headline names the place readers know
        if into.place is None or ((vague or wider) and other.place and not _state(other.place)):
            into.place = other.place
    # An anaphor's sentence date may belong to a statement about the event (see _same_event).
    sharper = other.date is not None and (
        into.date is None or _RANK[other.date.precision] < _RANK[into.date.precision]
    )
    if sharper and (not other.anaphoric or other.date_attached):
        into.date = other.date
    into.counts = other.counts | into.counts
    into.headline = into.headline and other.headline  # the body has now told its story


def _freeze(draft: _Draft, origin: dict[Mention, Mention]) -> Event:
    """The event, each echoed name replaced by the tagged mention it repeats."""
    return Event(
        type=draft.type,
        triggers=tuple(draft.triggers),
        sentences=tuple(draft.sentences),
        actors=tuple(origin.get(m, m) for m in draft.actors),
        targets=tuple(origin.get(m, m) for m in draft.targets),
        place=origin.get(draft.place, draft.place) if draft.place else None,
        date=draft.date,
        killed=draft.counts.get("killed"),
        wounded=draft.counts.get("wounded"),
        captured=draft.counts.get("captured"),
    )
