"""Event extraction on hand-built records: no model, sentences written here (not from seeds/)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract_events
from pipeline.extract.dates import find_dates
from pipeline.extract.marked import marked_document
from pipeline.extract.triggers import LEXICON
from pipeline.namespaces import EVENT_TYPES
from pipeline.records import (
    AnalyzedDocument,
    DatePrecision,
    Document,
    DocumentMeta,
    EntityKind,
    Event,
    Mention,
    Segment,
    SegmentKind,
    Sentence,
)

PER, ORG, LOC = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE
PUBLISHED = dt.date(2009, 3, 12)  # a Thursday


def analyzed(
    text: str, names: dict[str, EntityKind], published: dt.date | None = PUBLISHED
) -> AnalyzedDocument:
    """A document whose sentences end at '.', with every occurrence of each name a mention
    (a name inside a longer one is not)."""
    document = Document("t", Path("t.txt"), text, "0", DocumentMeta("t", published=published))
    sentences = []
    for match in re.finditer(r"[^.]+\.", text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        sentences.append(Sentence(start, match.end(), text[start : match.end()]))
    mentions: list[Mention] = []
    for name, kind in sorted(names.items(), key=lambda item: -len(item[0])):  # longest first
        for match in re.finditer(re.escape(name), text):
            if any(m.start < match.end() and match.start() < m.end for m in mentions):
                continue  # "Marin" inside "Ivo Marin"
            sentence = next(s for s in sentences if s.start <= match.start() < s.end)
            mentions.append(Mention(match.start(), match.end(), name, kind, name, sentence))
    mentions.sort(key=lambda m: m.start)
    held = tuple(sorted({m.sentence for m in mentions}, key=lambda s: s.start))
    segment = Segment(SegmentKind.BODY, 0, len(text), text)
    return AnalyzedDocument(document, (segment,), held, tuple(mentions))


def events(text: str, names: dict[str, EntityKind] | None = None, **kw: object) -> list[Event]:
    return list(extract_events(analyzed(text, names or {}, **kw)))  # type: ignore[arg-type]


def event_types(text: str, names: dict[str, EntityKind]) -> list[str]:
    """The types of the events found in ``text``, in order (a test module binds its names)."""
    return [e.type for e in events(text, names)]


def one_of_type(text: str, event_type: str, names: dict[str, EntityKind]) -> Event:
    """The one event of ``event_type`` found in ``text``; fails when there are none or two."""
    [event] = [e for e in events(text, names) if e.type == event_type]
    return event


def only(text: str, names: dict[str, EntityKind] | None = None, **kw: object) -> Event:
    found = events(text, names, **kw)
    assert len(found) == 1, [(e.type, [t.text for t in e.triggers]) for e in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "event_type", "trigger"),
    [
        ("Marines raided a compound outside Falluja.", "Raid", "raided"),
        ("A roadside bomb tore through a convoy near Kirkuk.", "Bombing", "roadside bomb"),
        ("Rebels attacked an army post in the hills.", "Attack", "attacked"),
        ("Unknown gunmen assassinated a judge in the capital.", "Killing", "assassinated"),
        ("Pirates kidnapped a ship's engineer off the coast.", "Kidnapping", "kidnapped"),
        ("Soldiers captured a rebel commander in the valley.", "Capture", "captured"),
        ("Police arrested a local council member.", "Arrest", "arrested"),
        ("The journalist remains in custody without charge.", "Detention", "in custody"),
        ("The rebels freed three aid workers.", "Release", "freed"),
        ("The army handed over the base to local police.", "Handover", "handed over"),
        ("Foreign instructors trained the recruits for months.", "Training", "trained"),
        ("Envoys from both sides held talks in the border town.", "Meeting", "held talks"),
        ("The minister travelled to the region last month.", "Travel", "travelled"),
        ("In an interview, the governor spoke of reform.", "Interview", "interview"),
        ("The cleric gave a sermon to thousands of worshippers.", "Speech", "sermon"),
        ("The ministry gave a news conference after the vote count.", "PressBriefing",
         "news conference"),
        ("Voters went to the polls in the parliamentary elections.", "Election", "elections"),
        ("The State Department designated the group a terrorist organization.", "Designation",
         "designated"),
        ("The army launched a military operation against the rebels.", "MilitaryOperation",
         "military operation"),
        ("The government began the withdrawal of its troops from the north.", "Withdrawal",
         "withdrawal"),
        ("Former officers formed a new militia in the province.", "Formation", "formed"),
        ("Police began an operation against smugglers.", "MilitaryOperation", "operation"),
        ("Marines joined Operation Steel Curtain.", "MilitaryOperation", "Operation"),
        ("A drone strike hit a car outside the town.", "Attack", "drone strike"),
        ("Militiamen fired rockets at the airport.", "Attack", "fired rockets at"),
        ("Two guards died in a gunbattle at the gate.", "Attack", "gunbattle"),
        ("Troops stormed the compound and seized documents.", "Raid", "stormed"),
        ("Gunmen storm the ministry building", "Attack", "storm"),
        ("A judge was gunned down outside his home.", "Killing", "gunned down"),
        ("The two militias agreed a prisoner exchange.", "Release", "prisoner exchange"),
        ("The army and the rebels swapped 40 prisoners.", "Release", "swapped 40 prisoners"),
        ("Fighters of the militia seized two engineers at the dam.", "Kidnapping", "seized"),
        ("The army seized two soldiers at the dam.", "Capture", "seized"),
        ("Pirates handed the crew over to the navy.", "Handover", "handed the crew over"),
    ],
)  # fmt: skip
def test_each_trigger_family(sentence: str, event_type: str, trigger: str) -> None:
    event = only(sentence)
    assert event.type == event_type
    assert [t.text for t in event.triggers] == [trigger]


def test_lexicon_covers_every_contract_type_and_nothing_else() -> None:
    assert {t.type for t in LEXICON} == set(EVENT_TYPES)


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels threatened to attack the town.",
        "Police will arrest anyone who protests.",
        "The company released a statement on its earnings.",
        "Officials said the road would reopen.",  # no named speaker
        "The surgery was a complicated operation.",
        "The operation of the new hospital costs millions.",
        "She commanded a special operations unit.",
        "The flu outbreak has killed 12 people this winter.",  # no deliberate killing
        "A report released Monday says Omar Said was detained.",  # Omar Said is no speaker
        "The guard carried an assault rifle.",
        "Thousands cheered at an election rally.",
    ],
)
def test_no_event_from_plans_reports_or_unnamed_speakers(sentence: str) -> None:
    found = events(sentence, {"Omar Said": PER})
    assert [e.type for e in found if e.type != "Detention"] == []


def test_statement_needs_a_named_speaker() -> None:
    event = only("Ana Ruiz, a party spokeswoman, said the talks had stalled.", {"Ana Ruiz": PER})
    assert event.type == "Statement"
    assert [m.name for m in event.actors] == ["Ana Ruiz"]
    assert only("The vote was fair, said Ana Ruiz.", {"Ana Ruiz": PER}).actors[0].name == "Ana Ruiz"
    spokesman = only("The Red Cross in Geneva says supplies are short.", {"Red Cross": ORG})
    assert [m.name for m in spokesman.actors] == ["Red Cross"]


def test_active_voice_actor_before_target_after() -> None:
    event = only(
        "The Red Brigade kidnapped Paolo Conti in Turin.",
        {"Red Brigade": ORG, "Paolo Conti": PER, "Turin": LOC},
    )
    assert [m.name for m in event.actors] == ["Red Brigade"]
    assert [m.name for m in event.targets] == ["Paolo Conti"]
    assert event.place is not None and event.place.name == "Turin"


def test_passive_voice_target_before_actor_after_by() -> None:
    event = only(
        "Paolo Conti was kidnapped by the Red Brigade near Turin.",
        {"Red Brigade": ORG, "Paolo Conti": PER, "Turin": LOC},
    )
    assert [m.name for m in event.actors] == ["Red Brigade"]
    assert [m.name for m in event.targets] == ["Paolo Conti"]
    assert event.place is not None and event.place.name == "Turin"


def test_noun_trigger_actor_after_by_target_after_on() -> None:
    event = only(
        "The attack on Radio Sur by the Northern Front shocked the city.",
        {"Radio Sur": ORG, "Northern Front": ORG},
    )
    assert [m.name for m in event.actors] == ["Northern Front"]
    assert [m.name for m in event.targets] == ["Radio Sur"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Nobody claimed the Lahore bombing.", "Lahore"),
        ("Gunmen kidnapped two nurses outside a Kandahar clinic.", "Kandahar"),
        ("The raid hit the northern town of Tikrit at dawn.", "Tikrit"),
        ("Police raided a market in the southern city of Basra.", "Basra"),
        ("Aid workers went back to Darfur, where two of them were abducted.", "Darfur"),
        ("Troops began their withdrawal from Lebanon in May.", "Lebanon"),
        ("Soldiers raided a Hebron refugee camp.", "Hebron"),
        ("Jets carried out air strikes on Hebron.", "Hebron"),
        ("Rebels stepped up attacks against Hebron police.", None),
    ],
)
def test_places(sentence: str, place: str | None) -> None:
    names = {n: LOC for n in ("Lahore", "Kandahar", "Tikrit", "Basra", "Darfur", "Lebanon")}
    names["Hebron"] = LOC
    event = only(sentence, names)
    assert (event.place.name if event.place else None) == place


def test_meeting_partners_are_actors() -> None:
    event = only(
        "Lena Berg met with Omar Said in Oslo.", {"Lena Berg": PER, "Omar Said": PER, "Oslo": LOC}
    )
    assert [m.name for m in event.actors] == ["Lena Berg", "Omar Said"]
    assert event.place is not None and event.place.name == "Oslo"


def test_travel_place_after_to() -> None:
    event = only("Lena Berg travelled to Nairobi on Monday.", {"Lena Berg": PER, "Nairobi": LOC})
    assert event.type == "Travel"
    assert [m.name for m in event.actors] == ["Lena Berg"]
    assert event.place is not None and event.place.name == "Nairobi"


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("on March 3", dt.date(2009, 3, 3), DatePrecision.DAY),
        ("on November 30", dt.date(2008, 11, 30), DatePrecision.DAY),  # last year's
        ("on 4 February 2007", dt.date(2007, 2, 4), DatePrecision.DAY),
        ("on Oct. 9, 2008", dt.date(2008, 10, 9), DatePrecision.DAY),
        ("on the 2nd of March", dt.date(2009, 3, 2), DatePrecision.DAY),
        ("in June 2006", dt.date(2006, 6, 1), DatePrecision.MONTH),
        ("in early February", dt.date(2009, 2, 1), DatePrecision.MONTH),
        ("in October", dt.date(2008, 10, 1), DatePrecision.MONTH),
        ("in 2004", dt.date(2004, 1, 1), DatePrecision.YEAR),
        ("in the autumn of 2008", dt.date(2008, 1, 1), DatePrecision.YEAR),
        ("on Monday", dt.date(2009, 3, 9), DatePrecision.DAY),
        ("on Thursday", dt.date(2009, 3, 12), DatePrecision.DAY),
        ("yesterday", dt.date(2009, 3, 11), DatePrecision.DAY),
        ("last month", dt.date(2009, 2, 1), DatePrecision.MONTH),
        ("last year", dt.date(2008, 1, 1), DatePrecision.YEAR),
    ],
)
def test_dates_at_the_precision_the_text_gives(
    phrase: str, value: dt.date, precision: DatePrecision
) -> None:
    event = only(f"Troops raided the village {phrase}.")
    assert event.date is not None
    assert (event.date.value, event.date.precision) == (value, precision)
    assert phrase.endswith(event.date.span.text)


def test_year_before_the_trigger_noun() -> None:
    event = only("Courts still hear cases from the 1998 bombing of the embassy.")
    assert event.date is not None
    assert (event.date.value.year, event.date.precision) == (1998, DatePrecision.YEAR)


def test_dates_after_the_article_are_dropped() -> None:
    assert only("Troops raided the village on May 5, 2010.").date is None
    assert only("Troops raided the village in 2011.").date is None


def test_without_article_date_only_dates_with_a_year() -> None:
    assert only("Troops raided the village on Monday.", published=None).date is None
    event = only("Troops raided the village in May 2006.", published=None)
    assert event.date is not None and event.date.precision is DatePrecision.MONTH


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded", "captured"),
    [
        ("A car bomb killed eight people in the market.", 8, None, None),
        ("In the blast 15 villagers were killed and 56 wounded.", 15, 56, None),
        ("Troops raided the camp, 30 fighters were killed and 12 captured.", 30, None, 12),
        ("The gunmen attacked a bus, killing at least 11 and wounding twenty.", 11, 20, None),
        ("Soldiers raided a farm and captured two others.", None, None, 2),
        ("Two blasts killed more than 30 and injured about 70 people.", 30, 70, None),
    ],
)
def test_counts(
    sentence: str, killed: int | None, wounded: int | None, captured: int | None
) -> None:
    main = next(e for e in events(sentence) if e.type in ("Bombing", "Attack", "Raid"))
    assert (main.killed, main.wounded, main.captured) == (killed, wounded, captured)


def test_years_and_percentages_are_not_counts() -> None:
    event = only("The 2006 bombing killed 40 percent of the herd.")
    assert event.killed is None


def test_release_from_custody_is_only_a_release() -> None:
    found = events("Judges released Omar Said from house arrest.", {"Omar Said": PER})
    assert [(e.type, [m.name for m in e.targets]) for e in found] == [("Release", ["Omar Said"])]


def test_two_mentions_of_one_event_merge() -> None:
    found = events(
        "Militants bombed a police station in Quetta on March 8. "
        "Nobody has claimed the bombing so far.",
        {"Quetta": LOC},
    )
    assert len(found) == 1
    assert len(found[0].sentences) == 2
    assert [t.text for t in found[0].triggers] == ["bombed", "bombing"]


def test_the_attack_refers_back_to_a_bombing_whatever_its_sentence_date() -> None:
    found = events(
        "A car bomb exploded at a checkpoint in Quetta on March 8. "
        "The attack was the work of a local cell, police in Lahore said on March 10.",
        {"Quetta": LOC, "Lahore": LOC},
    )
    assert [(e.type, len(e.sentences)) for e in found] == [("Bombing", 2)]
    assert found[0].place is not None and found[0].place.name == "Quetta"
    assert found[0].date is not None and found[0].date.value == dt.date(2009, 3, 8)


def test_aims_are_no_events() -> None:
    assert events("Gunmen tried to kidnap and kill the mayor.") == []
    assert events("The envoy urged the rebels to halt attacks.") == []


def test_headline_event_is_the_body_event() -> None:
    text = "Bombing in Quetta.\n\nA car bomb exploded in Quetta on March 8, killing nine."
    doc = analyzed(text, {"Quetta": LOC})
    title = Segment(SegmentKind.TITLE, 0, 18, text[:18])
    body = Segment(SegmentKind.BODY, 20, len(text), text[20:])
    found = extract_events(replace(doc, segments=(title, body)))
    assert [(e.type, len(e.sentences), e.killed) for e in found] == [("Bombing", 2, 9)]


def test_different_days_stay_apart() -> None:
    found = events("Troops raided a farm on March 2. Troops raided a mosque on March 9.")
    assert [e.date.value.day for e in found if e.date] == [2, 9]


def test_offsets_point_into_the_document() -> None:
    doc = analyzed(
        "Header line\n\nGunmen kidnapped Ivo Marin in Split on Tuesday. Later, Ivo Marin was "
        "freed near Zadar.",
        {"Ivo Marin": PER, "Split": LOC, "Zadar": LOC},
    )
    text = doc.document.text
    found = extract_events(doc)
    assert {e.type for e in found} == {"Kidnapping", "Release"}
    for event in found:
        for span in event.triggers:
            assert text[span.start : span.end] == span.text
        for sentence in event.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
        if event.date is not None:
            assert text[event.date.span.start : event.date.span.end] == event.date.span.text


def test_sentences_without_names_are_read_too() -> None:
    doc = analyzed("A bomb exploded at a bus stop. Nobody was named.", {})
    assert doc.sentences == ()
    assert [e.type for e in extract_events(doc)] == ["Bombing"]


_PHRASES = st.sampled_from(
    [
        "on {m} {d}", "in {m} {y}", "in {y}", "on {d} {m} {y}", "{m} {d}, {y}", "in early {m}",
        "on {w}", "yesterday", "last month", "the summer of {y}", "{d} {m}", "noise {d}",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    template=_PHRASES,
    month=st.sampled_from(["January", "May", "Feb.", "September", "December"]),
    day=st.integers(min_value=0, max_value=40),
    year=st.integers(min_value=1890, max_value=2120),
    weekday=st.sampled_from(["Monday", "Sunday", "Friday"]),
    published=st.one_of(
        st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
    ),
)
def test_date_normalizer_never_crashes_nor_passes_the_article(
    template: str, month: str, day: int, year: int, weekday: str, published: dt.date | None
) -> None:
    text = "Troops struck " + template.format(m=month, d=day, y=year, w=weekday) + " at dawn."
    for found in find_dates(text, 7, published):
        assert text[found.span.start - 7 : found.span.end - 7] == found.span.text
        if published is not None:
            assert found.value <= published
        if found.precision is not DatePrecision.DAY:
            assert found.value.day == 1
        if found.precision is DatePrecision.YEAR:
            assert found.value.month == 1


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a country adjective says who acts, not where
        ("[Iraqi=Iraq|L] troops detained [Hadi Noor|P] in [Najaf|L].", ("Detention", "Najaf")),
        # a place before people says whose they are, not where it happened
        ("A roadside bomb killed two [U.S.|L] soldiers in [Diyala|L].", ("Bombing", "Diyala")),
    ],
)
def test_place_is_never_an_adjective_or_a_nationality(
    marked: str, expected: tuple[str, str]
) -> None:
    events = extract_events(marked_document(marked))
    assert [(e.type, e.place.name if e.place else None) for e in events] == [expected]


def test_headline_present_tense_counts() -> None:
    (event,) = extract_events(marked_document("Rocket attack on [Green Zone|L] wounds three"))
    assert (event.type, event.wounded) == ("Attack", 3)
