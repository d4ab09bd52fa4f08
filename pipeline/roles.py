"""Role nouns ("leader", "spokesman", "operative") and the relation a holder has to the body.

General English, shared word list: the NLP stage reads a country adjective before a role and a
name as the country ("Iraqi Prime Minister X"), the relation patterns read the role itself.
"""

from __future__ import annotations

# Role nouns and the relation a person holding the role has to the organization or state.
# "founder" is special: the organization is foundedBy the person.
ROLES: dict[str, str] = {
    **dict.fromkeys(
        (
            "leader", "chief", "head", "chairman", "chairwoman", "chairperson", "president",
            "secretary-general", "secretary general", "director", "director-general", "emir",
            "amir", "supreme leader", "prime minister", "premier", "king", "chief executive",
            "boss", "ringleader", "governor", "mayor", "paramount sheikh", "paramount chief",
            "chieftain",
        ),
        "leaderOf",
    ),
    **dict.fromkeys(
        ("commander", "commander-in-chief", "commanding officer", "field commander"),
        "commanderOf",
    ),
    **dict.fromkeys(
        (
            "spokesman", "spokeswoman", "spokesperson", "press secretary", "press officer",
            "media officer", "information officer", "press attache", "press attaché",
            # who voices a body's line: "the mouthpiece of X", "X's official voice"
            "mouthpiece", "official voice", "public voice",
        ),
        "spokespersonFor",
    ),
    **dict.fromkeys(
        (
            "founder", "co-founder", "cofounder", "founding member", "founding father",
            "spiritual father", "creator", "architect",
        ),
        "founder",
    ),
    **dict.fromkeys(
        (
            "member", "operative", "fighter", "militant", "militiaman", "activist", "loyalist",
            "cadre", "lieutenant", "recruit", "lawmaker", "legislator", "parliamentarian",
            "councillor", "councilman", "councilwoman", "council member",
            # a second-in-command is a member, not the leader (as "deputy" before a role)
            "second-in-command", "number two",
            # "a veteran of the X": once its fighter
            "veteran",
        ),
        "memberOf",
    ),
    **dict.fromkeys(
        (
            "official", "officer", "employee", "agent", "aide", "adviser", "advisor", "minister",
            "foreign minister", "defense minister", "defence minister", "interior minister",
            "finance minister", "oil minister", "justice minister", "ambassador", "envoy",
            "diplomat", "staffer", "analyst", "correspondent", "reporter", "editor",
            # military ranks before a name: an officer of that force or state
            "general", "gen.", "brigadier general", "brig. gen.", "major general", "maj. gen.",
            "lieutenant general", "lt. gen.", "colonel", "col.", "lieutenant colonel",
            "lt. col.", "inspector general", "inspector-general",
            # staff of a body or a place, not its head ("police chief" heads the police only)
            "chief of staff", "police chief", "intelligence chief", "security chief",
            # personal staff ("worked as a bodyguard for X")
            "bodyguard",
        ),
        "employedBy",
    ),
}  # fmt: skip
