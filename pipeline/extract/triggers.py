"""The event trigger lexicon: word forms that report each event type of the ontology.

Reference data, general knowledge: the verbs and nouns are those the CAMEO 1.1b3 codebook
(Schrodt, Event Data Project, Penn State 2012; https://parusanalytics.com/eventdata/cameo.dir/
CAMEO.Manual.1.1b3.pdf, verb dictionaries per code) and the ACLED codebook (2023, event and
sub-event type definitions, https://acleddata.com/knowledge-base/codebook/) use for the codes
each type maps to in ``ontology/ldpub.ttl`` (its ``skos:notation`` and ``skos:note``). Nothing
here is taken from any article.

A trigger is a regular expression over one sentence (case-insensitive, whole words). ``voice``
says how to find who did what: a ``verb`` has its actor before it and its target after it
(reversed in the passive, "was captured by"); a ``noun`` has its actor after "by" or as a
possessive, its target after "of", "on" or "against". ``needs`` is a second expression the same
sentence must match, for words that report the event only in some contexts ("released" a
prisoner, not a report; troops that "withdrew", not a candidate); ``person_suffices`` lets a
named person the trigger acts on stand in for it ("freed Ivo Marin").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline.numberwords import NUMBER_ALTERNATION

SOURCES: tuple[str, ...] = (
    "CAMEO Conflict and Mediation Event Observations Codebook 1.1b3 (Schrodt 2012)",
    "ACLED Codebook (Armed Conflict Location & Event Data, 2023)",
)

# Civilians by their trade or state: seized, they are abducted (ldpub:Kidnapping).
_CIVILIAN = (
    r"engineers?|(?:aid |construction )?workers?|journalists?|reporters?|tourists?|businessm[ae]n"
    r"|contractors?|civilians?|fishermen|pilgrims?|doctors?|nurses?|teachers?|students?"
    r"|diplomats?|women|children|villagers|farmers|shepherds?|herders?"
)
# People as the object of a release or handover, so "released a statement" is no event.
HUMAN = (
    r"\b(?:hostages?|prisoners?|detainees?|captives?|inmates?|soldiers?|people|persons?"
    r"|men|militants?|suspects?|fighters?|members?|nationals?|citizens?|officers?|troops"
    rf"|sailors?|marines?|pilots?|activists?|dissidents?|leaders?|commanders?|man|woman|{_CIVILIAN})"
    r"\b|\b(?-i:[A-Z][a-z]+(?:ans|ese|is))\b"
)
# People named by a number or a pronoun alone, freed: "the three were released" (not "it").
_FREED_ONES = (
    rf"\b(?:they|he|she|both|all|the (?:\d+|{NUMBER_ALTERNATION}))"
    r" (?:were|was|(?:have|has|had) been) (?:\w+ly |later |then )?(?:released|freed)\b"
)
# Deaths by disease, disaster or accident: no deliberate killing (ontology: ldpub:Killing).
DEATH_NOT_KILLING = (
    r"\b(?:virus|disease|flu|influenza|outbreak|epidemic|pandemic|cholera|malaria|infections?"
    r"|earthquake|quake|tsunami|floods?|flooding|storms?|cyclone|hurricane|typhoon|landslides?"
    r"|avalanche|heat ?wave|accident|crash(?:ed)?|fire|drowned|strain|bird flu|H5N1|stampede"
    r"|collapsed?)\b"
)
# People taken: "seized two soldiers", "sailors seized in", not weapons or trucks seized.
_CAPTIVES = (
    r"(?:hostages|prisoners|soldiers|sailors|marines|troops|policemen|officers|men|people"
    r"|nationals|(?:a|an|the) (?:[\w-]+ ){0,2}(?:soldier|sailor|policeman|officer|commander"
    r"|leader|member))"
)
# Civilians seized are abducted (ldpub:Kidnapping), not taken in an operation (ldpub:Capture).
_CIVILIANS = rf"(?:[\w-]+ ){{0,3}}?(?:{_CIVILIAN})"
# Bombs made, planted or used, not exploding: weapons, not bombings ("learned to make car
# bombs", "the use of rockets and roadside bombs").
WEAPON_OBJECT = (
    r"\b(?:make|making|build|building|plant|planting|assemble|assembling|use|using|use of"
    r"|smuggle|smuggling|store|storing|carry|carrying|manufacture|manufacturing)\s+"
    r"(?:[\w-]+,?\s+){0,3}$"
)
# A term in prison: "15 years", "life", "a ten-year prison term", "three months in jail".
_TERM = (
    rf"(?:\d+|{NUMBER_ALTERNATION}|an?)[\s-]+(?:years?|months?)\b|life\b"
    r"|(?:[\w-]+ ){0,2}?(?:prison|jail) (?:terms?|sentences?)"
)
_FORCES = (
    r"\b(?:troops|forces|soldiers|army|military|units?|brigades?|battalions?|militias?|fighters"
    r"|militants|rebels|insurgents|contingent|peacekeepers)\b"
)
_STORMED = r"stormed|storm(?:s|ing)?(?= (?:an?|the|its|their|(?-i:[A-Z]))\b)"
# In any tense: a timeline tells its lines in the present ("troops storm a farm and detain
# eight").
_TAKING = (
    r"\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)"
    r"|abduct(?:s|ed|ing)?|kidnap(?:s|ped|ping)?|rescu(?:e|es|ed|ing)|freed|frees|freeing"
    r"|search(?:es|ed|ing)?|confiscat(?:e|es|ed|ing)"
    r"|took (?:[\w-]+ ){0,3}?(?:prisoners?|hostages?|captives?)|t(?:ook|aken) away)\b"
)
# Aircraft, drones and missiles: an air strike is CAMEO 195 (aerial weapons), an Attack, not the
# non-military bombing of CAMEO 183 ("warplanes bombed a market").
_AIRCRAFT = (
    r"(?:war)?planes?|jets?|aircraft|helicopters?|gunships?|bombers|drones?|rockets?|missiles?"
    r"|mortars?|shells?"
)
# Weapons that strike from afar: "said it had struck a tanker" is an attack only beside them.
_ARMS = (
    r"\b(?:drones?|missiles?|rockets?|mortars?|shells?|artillery|(?:war)?planes|jets|aircraft"
    r"|warships?|gunboats?|strikes?|airstrikes?|fire|bombs?|grenades?|torpedo(?:es)?)\b"
)
# A strike told again or qualified ("the strike", "that night's strike", "a precision strike")
# is an armed one beside forces, weapons or the dead, never a stoppage of work.
_STRIKE_NOUN = (
    r"(?:(?<=\bthe )|(?<=\bthat )|(?<=\bthis )|(?<=\bits )|(?<=\btheir )|(?<='s )|(?<=’s )"
    r"|(?<=U\.S\. )|(?<=\bprecision )|(?<=\btargeted )|(?<=\bretaliatory )|(?<=\bsurgical )"
    r"|(?<=\bdeadly )|(?<=\bpunitive )|(?<=\bpre-emptive )|(?<=\bpreemptive ))strikes?"
)
_ARMED_STRIKE = (
    r"\b(?:kill\w*|wound\w*|injur\w*|dead|died|drones?|missiles?|rockets?|bombs?|air"
    r"|aircraft|forces|military|army|troops|militants?|operatives?|targets?|targeted|self-defen[cs]e"
    r"|carried out|conducted|launched)\b"
)
_WORK_STOPPAGE = (
    r"\b(?:workers|unions?|labou?r|employees|wages?|pay|hunger|general strike|teachers|nurses"
    r"|doctors|miners|drivers|walkout|strikers)\b"
)
# An accusation names the accused after the verb, not its speaker (see events.py).
ACCUSING = r"blame[ds]|accuse[ds]"
# Ships taken with their crews: "seized a tanker", "had seized it" beside one (CAMEO 181). One
# list for the trigger, what it needs and the crew counted with the ship (events.py).
VESSEL = r"tanker|ship|vessel|boat|freighter|trawler|yacht|dhow"
_VESSELS = rf"\b(?:{VESSEL})s?\b"
# What is confiscated, not who is taken: "seized a boat carrying cocaine".
_CONTRABAND = (
    r"\b(?:drugs?|cocaine|heroin|hashish|narcotics|contraband|smuggl\w*|weapons|arms|fuel"
    r" smuggling|illegal fishing)\b"
)
_GROUP = (
    r"(?:group|party|militia|movement|organi[sz]ation|army|brigades?|unit|cell|network|council"
    r"|coalition|government|force|front|alliance|faction|wing|union|league|committee|company)"
)


@dataclass(frozen=True)
class Trigger:
    type: str  # a local name of namespaces.EVENT_TYPES
    pattern: str
    voice: Literal["verb", "noun"]
    needs: str | None = None
    person_suffices: bool = False  # a named person acted on stands in for ``needs``
    unless: str | None = None  # a sentence that matches it reports something else
    passive: bool = False  # a participle after its noun: the name before is acted on


# CAMEO 18 assault: people wounded on purpose ("gunmen wounded two policemen", "shot and
# injured a guard"), active with its object, so "were wounded (Monday)" or "a wounded boy" is
# none. Where
# the sentence tells a bombing, killing or other violence, the wounded are its toll instead.
WOUNDING = Trigger(
    "Attack",
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\ba )(?<!\ban )"
    r"(?<!\bthe )(?:shot and )?(?:wound(?:ed|ing)|injur(?:ed|ing))"
    r"(?= (?:at least |more than |about |some )?(?:\d|an?\b|the\b|his\b|her\b|two|three|four"
    r"|five|six|seven|eight|nine|ten|dozens|scores|several"
    r"|(?-i:(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z])))",
    "verb",
    unless=DEATH_NOT_KILLING,
)

LEXICON: tuple[Trigger, ...] = (
    # CAMEO 183 bombing; ACLED Remote explosive/landmine/IED, Suicide bomb.
    Trigger(
        "Bombing",
        r"(?:(?:car|truck|roadside|suicide|bicycle|motorcycle)[\s-]+bomb(?:s|ings?|ers?)?"
        r"|bomb(?:ings?|ed)|bomb(?:s)?(?=\s+(?:exploded|went off|blast|attack))"
        r"|(?:blasts?|explosions?|IEDs?)|exploded|detonat(?:ed|ing|ion)"
        r"|bombs?(?= (?:[\w-]+ ){0,8}?(?:killed|wounded|injured|exploded|ripped|tore)))"
        r"(?! (?:was|were) (?:found|defused|discovered|dismantled|disarmed))",  # no blast
        "noun",
    ),
    # CAMEO 18 ASSAULT / 19 FIGHT, 195 aerial weapons; ACLED Attack, Armed clash, Air/drone strike.
    Trigger(
        "Attack",
        r"attack(?:s|ed|ing)?|ambush(?:es|ed)?"
        r"|assault(?:s|ed)?(?! rifles?| weapons?| force| teams?| troops| units?| boats?)"
        r"|air[\s-]?strikes?|shell(?:ed|ing)|opened fire|fired (?:[\w-]+ ){0,7}?(?:on|at|into)"
        r"|clash(?:es|ed)?|(?:drone|missile|rocket|mortar|artillery)[\s-]+(?:strikes?|fire)"
        r"|gun ?battles?|gunfights?|firefights?|air ?raids?|aerial bombardment"
        rf"|(?:{_AIRCRAFT}) (?:that |which )?(?:also )?(?:struck|hit|slammed into|bombed|pounded"
        r"|kill(?:s|ed)|wound(?:s|ed)|strike|hits?|slam into|pound)"  # "Rockets strike X": a title
        r"|(?:missiles?|rockets?|shells?|mortars?) fired from"
        r"|(?<!general )(?<!hunger )(?<!labor )(?<!labour )strikes?"
        r"(?= (?:on|against|hit|struck|killed|destroyed|targeted|pounded) )",
        "verb",
    ),
    # "it had struck a tanker", "hit two ships", "one that destroyed a base": a strike told by
    # its verb alone.
    Trigger(
        "Attack",
        r"(?<!\bwas )(?<!\bwere )(?<!strike )(?<!strikes )(?<!attack )(?<!fire )"
        r"(?:struck|hit|destroyed)"
        r"(?= (?:an?|the|two|three|several|(?-i:[A-Z]))\b)",  # not "a drone strike hit": one
        "verb",
        needs=_ARMS,
        unless=DEATH_NOT_KILLING,
    ),
    Trigger("Attack", _STRIKE_NOUN, "noun", needs=_ARMED_STRIKE, unless=_WORK_STOPPAGE),
    WOUNDING,
    # CAMEO 186 assassinate, 1823 kill by physical assault.
    Trigger(
        "Killing",
        r"killed|kill(?:s|ing)?|killings|assassinat(?:ed|ion)|executed|murder(?:ed|s)?|shot dead"
        r"|gunned down|beheaded|slain",
        "verb",
        unless=DEATH_NOT_KILLING,
    ),
    # CAMEO 190 conventional military force; ACLED Armed clash / Arrests.
    Trigger("Raid", r"raid(?:s|ed|ing)?", "verb"),
    # Storming a place is a raid when people or things are taken ("stormed a house and
    # arrested two men"), as the ontology defines ldpub:Raid, else an assault (ldpub:Attack).
    Trigger("Raid", _STORMED, "verb", needs=_TAKING),
    Trigger("Attack", _STORMED, "verb", unless=_TAKING),
    # CAMEO 181 abduct, hijack, take hostage; ACLED Abduction/forced disappearance.
    Trigger(
        "Kidnapping",
        r"kidnap(?:ped|ping|pings|s|pers?)?|abduct(?:ed|ion|ions|s)?|(?:took|taken|take) hostage"
        rf"|hostage[\s-]taking|seiz(?:e|ed|es|ing)(?= {_CIVILIANS}\b)"
        # Taken by an armed band, who is taken is a captive: "gunmen seized him".
        r"|(?:(?<=gunmen )|(?<=kidnappers )|(?<=abductors )|(?<=bandits )|(?<=pirates )"
        r"|(?<=armed men ))(?:seiz(?:e|ed|es)|grabbed|snatched)(?= (?:him|her|them)\b)"
        r"|(?:(?<=was )|(?<=were )|(?<=been ))(?:seized|snatched|grabbed|taken) at gunpoint"
        # "was seized on Jan. 3 by gunmen in army uniforms": an armed band takes a captive.
        r"|(?:(?<=was )|(?<=were )|(?<=been ))(?:seized|snatched|grabbed|taken)(?= (?:[\w.,]+ )"
        r"{0,5}?by (?:masked |armed |unidentified |unknown )?(?:gunmen|kidnappers|abductors"
        r"|bandits|pirates|armed men)\b)",
        "verb",
    ),
    # CAMEO 173 (state forces) in an operation; ACLED Arrests.
    Trigger(
        "Capture",
        r"captur(?:ed|e|es|ing)(?! \d+ (?:seats|votes|percent))|taken prisoner"
        rf"|seiz(?:e|ed|es|ing)(?= (?:[\w-]+ ){{0,3}}?{_CAPTIVES}\b)"
        rf"|{_CAPTIVES} seized(?=\s*(?:[,.;]|$|(?:in|by|on|at|near|during|last|from|and)\b))"
        r"|(?<=was )seized|seiz(?:e|ed|es|ing)(?= (?-i:[A-Z][a-z]+ [A-Z]))",
        "verb",
    ),
    Trigger(
        "Capture",
        rf"seiz(?:ed|es|e|ing)(?= (?:[\w-]+ ){{0,3}}?(?:{VESSEL})s?\b| (?:it|her)\b)",
        "verb",
        needs=_VESSELS,
        unless=_CONTRABAND,
    ),
    # CAMEO 173 arrest; ACLED Arrests.
    Trigger(
        "Arrest",
        r"arrest(?:ed|s|ing)?|apprehended|taken into custody|rounded up",
        "verb",
    ),
    # CAMEO 173 detain.
    Trigger(
        "Detention",
        r"detain(?:ed|s|ing)?|detention(?! (?:facilit|cent|camps?\b))|jailed|imprisoned|in custody"
        r"|(?:jails|imprisons)(?= (?:\d|an?|the|two|three|four|five|six|seven|eight|nine|ten"
        r"|several|dozens|(?-i:[A-Z]))\b)"
        # A court's term of prison is custody (CAMEO 173 includes legal action): "sentenced
        # them to 15 years", "was given a ten-year prison term"; not "sentenced to death".
        rf"|sentenc(?:ed|es|ing)(?= (?:[\w'’.-]+ ){{0,6}}?to (?:{_TERM}))"
        rf"|(?:given|handed|received|serving) (?:an? |the )?(?:{_TERM})"
        r"|remanded(?= (?:[\w'’.-]+ ){0,4}?in(?:to)? (?:custody|prison|jail))|held pending trial"
        r"|t(?:ook|aken) away(?= (?:[\w-]+ ){0,4}?(?:sons?|daughters?|brothers?|husbands?"
        r"|fathers?|men|man|women|boys|relatives)\b)",  # "took away two of his sons"
        "verb",
    ),
    # CAMEO 0841 return, release person(s); a court that acquits, bails or pardons frees.
    Trigger(
        "Release",
        r"releas(?:ed|es|ing)|release(?=\s+(?:of|the|all|\d))|freed|frees|free(?= (?:the|all|\d))"
        r"|set free|(?:walked|went) free|acquitt(?:ed|al)|pardon(?:ed|s)|(?:granted|given) bail"
        r"|prisoner (?:exchange|swap)|swap(?= (?:with|of|for|deal))"
        r"|(?:exchanged|swapped) (?:[\w-]+ ){0,2}?(?:prisoners|detainees|hostages|captives)",
        "verb",
        needs=HUMAN + "|" + _FREED_ONES,
        person_suffices=True,
    ),
    # CAMEO 0841/0842; ACLED Non-violent transfer of territory.
    Trigger(
        "Handover",
        r"hand(?:ed|s|ing)? over|handover|hand-over|turned over|transferred (?:to|control)"
        r"|hand(?:ed|s|ing)? (?:[\w-]+ ){1,3}?over(?= to)"
        r"|hand(?:ed|s|ing)? (?:him|her|them|it)(?: back)?(?= to (?:the )?(?-i:[A-Z])|"
        rf" to (?:[\w-]+ )?{_FORCES[2:]})",  # "handed him to UNIFIL", "handed it to troops"
        "verb",
    ),
    # CAMEO 062 cooperate militarily, 072 provide military aid.
    Trigger(
        "Training",
        r"trained|training(?! (?:manuals?|materials?|videos?|documents?|books?))"
        r"|trains?(?=\s+(?:with|in|at|the|its|their|fighters|militants|recruits))",
        "verb",
    ),
    # CAMEO 040 consult, 043 host, 044 meet, 046 negotiate.
    Trigger(
        "Meeting",
        r"(?:met|meets)(?=\s+(?:with|in|at|on|the|his|her|their|(?-i:[A-Z])))|meet with|meetings?"
        r"|summit|(?:met|meets)(?= (?:[\w-]+ ){0,2}?(?:leaders|officials|envoys|delegations?"
        r"|commanders|representatives|chiefs|elders|sheikhs|ministers|diplomats|counterparts?)\b)"
        r"|(?:held|holding|hold|peace|hold) talks|talks (?:with|between|on)|negotiations",
        "verb",
    ),
    # CAMEO 042 make a visit, 043 host a visit.
    Trigger(
        "Travel",
        r"travel(?:l)?ed|travel(?:l)?ing(?= to)|travels(?= to)|trips?(?= to)|visit(?:ed|s|ing)?"
        r"|arriv(?:ed|es|al|ing) (?:in|at|from)|fle(?:d|es) to|fl(?:ew|ies) to|return(?:s|ed) to",
        "verb",
    ),
    # CAMEO 010 make statement (in an interview).
    Trigger("Interview", r"interview(?:s|ed)?", "noun"),
    # CAMEO 010 make statement (an address).
    Trigger(
        "Speech",
        r"speech(?:es)?|sermons?|address(?:ed|es|ing) (?:an? |the |his |her )?(?:[\w-]+ )?"
        r"(?:rally|crowd|nation|parliament|assembly|gathering|conference|meeting|session|congress"
        r"|supporters|mourners|funeral|worshippers|followers|troops|fighters|graduates)"
        r"|(?-i:A)ddressing (?:them|the crowd|the mourners)"  # opening the sentence
        r"|(?:televised|televized|broadcast|radio|video|recorded|public|weekly|victory|farewell)"
        r" (?:address|remarks)",
        "noun",
    ),
    # CAMEO 010 make statement (to the press).
    Trigger(
        "PressBriefing",
        r"(?:press|news) (?:briefings?|conferences?)|briefed (?:reporters|journalists)"
        # "said at a briefing", "told reporters at his weekly briefing": one given to the press
        r"|(?<=\bat )(?:(?:a|the|his|her|its|their) )?(?:(?:weekly|daily|regular) )?briefing",
        "noun",
    ),
    # CAMEO 010 make statement; only with a named speaker next to the verb (see events.py).
    Trigger(
        "Statement",
        r"said|says|stated|announc(?:ed|es)|declar(?:ed|es)|denie[ds]"
        r"|claim(?:ed|s)(?! (?:responsibility|credit))"
        r"|told (?:reporters|journalists|the|a|an|(?-i:[A-Z]))"
        r"|(?:issued|released) (?:a|the) statement|made the (?:comments?|remarks?)"
        r"|dismissed (?:[\w'’-]+ ){1,5}?as(?= (?:an? |the )?(?:[\w-]+ )?(?-i:[a-z]+\b))"
        r"|rejected (?:the|that|this|these|those|its|their|his|her|an?) (?:[\w-]+ )?(?:account"
        r"|claims?|allegations?|accusations?|charges?|reports?|version|assertions?)"
        rf"|(?:{ACCUSING})(?= (?:the|an?|(?-i:[A-Z])))",  # an accusation, not "blamed for"
        "verb",
    ),
    # No CAMEO/ACLED code; elections as in Wikidata Q40231.
    Trigger(
        "Election",
        r"elections?(?! rally| rallies)|elected|re-elected"
        r"|(?:presidential|parliamentary|general) (?:vote|polls?)|run-?off",
        "noun",
    ),
    # CAMEO 163 impose sanctions (closest).
    Trigger(
        "Designation",
        r"designat(?:ed|es|ion)|blacklisted|listed (?:it |them |him )?as (?:a |an )?terrorist"
        # "added the X Brigade to its list of banned organisations", "... to the terror list"
        r"|add(?:ed|s)(?= [^.;]{1,120}? to (?:its|the|their|an?) (?:[\w-]+ ){0,2}?"
        r"(?:(?:terror\w*|sanctions?|blacklist) list|list of (?:banned|proscribed|outlawed"
        r"|terrorist|sanctioned)))",
        "verb",
        # The Treasury (its Office of Foreign Assets Control) designates only for sanctions.
        needs=r"\bterror|\bsanction|\blist|\bTreasury\b|\bOFAC\b|Foreign Assets Control",
    ),
    # CAMEO 190; ACLED Armed clash.
    Trigger(
        "MilitaryOperation",
        r"(?:military|security|joint|combat|ground|air|counter-?(?:terrorism|insurgency)|clearing"
        r"|special|cordon-and-search) operations?"
        r"(?! (?:units?|forces|command|troops|teams?|soldiers|officers?|wing|service|group))"
        r"|operations?(?= against)|(?-i:[Oo]peration(?= [A-Z][a-z]+))"
        r"|(?:(?<=in an )|(?<=launched an )|(?<=mounted an )|(?<=began an ))operation"
        r"(?= (?:in|near|on|that|which|against|across|around)\b)"
        r"|offensive(?= (?:against|in|on|by))|(?:launched|the) (?:an? )?offensive"
        r"|(?:beat(?:en)? back|repuls(?:ed|ing)|repell(?:ed|ing)|halted|foiled)"
        r" (?:an?|the|its|their) (?:[\w-]+ )?offensive",  # the other side's, actor after "by"
        "noun",
    ),
    # CAMEO 0874 retreat, 166 expel or withdraw; ACLED Non-violent transfer of territory.
    Trigger(
        "Withdrawal",
        r"withdr(?:ew|awn|awal|aw|aws|awing)|pull(?:ed|s|ing)? out|pull-?out|retreat(?:ed|s)?",
        "verb",
        needs=_FORCES + r"|\b(?:withdrawal|pull-?out) from\b",
    ),
    # ACLED Change to group/activity.
    Trigger(
        "Formation",
        rf"(?:formed|founded|established|set up|created)(?= (?:an? |the |its |their )?(?:new )?"
        rf"(?:[\w-]+ ){{0,3}}{_GROUP}\b)|(?:formation|founding|creation) of"
        rf"|(?:was|were) (?:formed|founded|established|set up)",
        "verb",
    ),
    # "X, a Yazidi force formed in 2014": the participle after the group it made, which is X.
    Trigger(
        "Formation",
        rf"{_GROUP}s? (?:formed|founded|established|set up|created)"
        r"(?= (?:in|on|by|after|during|under|last|since|\d)\b)",
        "verb",
        passive=True,
    ),
)
