"""Stage 2: split an article into title, body, captions, notes, bio, tags, comments, navigation.

Only TITLE, BODY and CAPTION carry facts, so everything else an article page drags along (reader
comments, bylines, tags, footers) must be told apart here, by the *shape* of blog and news pages,
never by any site's strings. Offsets index ``Document.text`` (see ``pipeline.documents``).

The rules, in the order they apply:

1. TITLE is the first non-blank line.
2. The comment list starts at the first line that is only ``NAME says:`` (``said``/``wrote``/
   ``writes``/``commented`` too; NAME at most six words, no comma), bulleted (``•``, ``*``, ``-``
   ...) or dated (``NAME says: September 7, 2018 at 5:59 pm``, ``NAME on ... said:``, or a date
   alone on the next line), or plain when a comments heading ("Comments", "12 Responses",
   "Leave a reply") stands right before it or two more such lines follow it. Each header at
   the list's indent, or each bullet at that indent without ``says:``, starts one COMMENT. A
   comment's text is the lines indented deeper than its header (or, in a flat list whose text
   is not indented, every line up to the next header). A first text line that is only a
   date/time is the comment's ``timestamp`` and not part of its text. A flat list ends where
   the trailing short lines begin (rule 5); an indented list ends at the first unindented line
   that is not a header, and everything after it is NAVIGATION.
3. Before the comments, a paragraph is a run of non-blank lines, unless its lines are not
   hard-wrapped (a line other than the last is shorter than ``WRAP_MIN`` or longer than
   ``WRAP_MAX`` characters): then each line is its own paragraph.
4. A paragraph is, by its own content: TAGS (``Tags:``, ``Filed under:`` ...); NOTE (editor's
   note, correction, "This article was originally published ..."); BIO when it is a credit line
   ("Posted by NAME on DATE", "Posted on DATE by NAME", "Written/Story/Words by NAME",
   "Contributor: NAME", a wire credit "(Reporting by NAME in PLACE; Editing by NAME)", which
   is also cut off the end of the paragraph it closes); NAVIGATION (a short line of
   page furniture: "Share this", "17 Comments", "Advertisement" ...; a related-links heading,
   "Related", "Read more", "See also", "Most read", "You may also like" ..., and a line
   "Read more: TITLE"); CAPTION (ends in
   "click to view"/"click to enlarge", ends in a photo credit like "[AP Photo]", names positions
   like ", left," or "(right)", or starts "This map/photo/image ... was/shows ..."); else BODY.
4b. Under a related-links heading, wherever it stands, each paragraph of link titles (lines
   of at most ``LINK_WORDS`` words, no final period) is NAVIGATION, up to the first paragraph
   that is not one: a heading followed by sentences leaves them BODY.
5. The trailing zone is the longest run of paragraphs at the end of the pre-comment part that are
   TAGS, NOTE, NAVIGATION, bios or short lines (at most ``SHORT_WORDS`` words, no final
   punctuation). In it, a bio (``NAME is a|an|the <role> ...`` with a role word such as fellow,
   editor, reporter; or ``NAME writes about ...``) is BIO and a short line is NAVIGATION when a
   BODY paragraph precedes the zone. Outside it bios stay BODY, since "Jane Doe is the head of
   X" in the middle of an article is a fact.
6. A byline before the first BODY paragraph is BIO: ``By NAME`` (NAME also "A and B", "A, B
   and C"), with an optional "in PLACE", "on DATE", "(Agency)", ``, Affiliation`` or ``| DATE``
   (also after "·", "•", "/" or a dash); ``NAME, Staff Writer`` (a role word such as writer,
   correspondent, chief), ``| DATE`` after it or not; ``NAME | Agency``, ``NAME |``, ``NAME ·
   DATE``, ``NAME, DATE``, ``NAME — DATE``; ``DATE | By NAME``. A byline in
   the trailing zone is BIO too (rule 5). A short capitalized label (at most ``LABEL_WORDS``
   words, every word capitalized, no final punctuation, e.g. a person's name under a photo)
   between paragraphs is CAPTION.

Limits: a comment list must open with a header line that holds no comment text; bullets before
it are body lists, and an undated flat list of fewer than three "NAME says:" lines with no
comments heading before it is read as body. Names are matched in Latin script only (bios,
bylines), as two to five capitalized words: "Posted by admin" is no byline. Bylines and credits
say who wrote the page (``complete_meta``), never who the article is about. In a flat comment
list a last comment that ends in short unpunctuated lines loses them to NAVIGATION.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from pipeline.datewords import MONTHS
from pipeline.records import Document, Segment, SegmentKind

WRAP_MIN = 30  # hard-wrapped lines are at least this long ...
WRAP_MAX = 100  # ... and at most this long
SHORT_WORDS = 8  # a trailing line of at most this many words without final punctuation is chrome
LABEL_WORDS = 6  # a capitalized line of at most this many words between paragraphs is a caption
MAX_CAPTION_CHARS = 400  # marker rules only fire on paragraphs this short
MAX_BIO_CHARS = 400

_MONTH = r"(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:(?:\s*,)?\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?)?"
)
_DATE = re.compile(
    r"\b(?:"
    + _MONTH.format("m1")
    + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})"
    + r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH.format("m2")
    + r",?\s+(?P<y2>\d{4})"
    + r"|(?P<a3>\d{1,2})/(?P<b3>\d{1,2})/(?P<y3>\d{4})"
    + r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})(?:[T ](?P<isotime>\d{2}:\d{2}))?"
    + r")\b(?(isotime)|"
    + _TIME
    + r")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Timestamp:
    """A fully specified date (day, month, year) found in text, with its time when given."""

    start: int
    end: int
    value: dt.datetime
    has_time: bool


def find_timestamps(text: str) -> Iterator[Timestamp]:
    """Every fully specified date in ``text``: "August 30, 2018", "08/21/2007" (US order unless
    the first number exceeds 12), "2018-09-07", "7 September 2018", each with an optional time
    ("at 5:59 pm"). Dates that do not exist (February 30) are skipped."""
    for match in _DATE.finditer(text):
        value = _timestamp_value(match)
        if value is not None:
            yield Timestamp(match.start(), match.end(), value[0], value[1])


def _timestamp_value(match: re.Match[str]) -> tuple[dt.datetime, bool] | None:
    g = match.groupdict()
    if g["y1"]:
        year, month, day = int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"])
    elif g["y2"]:
        year, month, day = int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"])
    elif g["y3"]:
        first, second = int(g["a3"]), int(g["b3"])
        month, day = (second, first) if first > 12 else (first, second)
        year = int(g["y3"])
    else:
        year, month, day = int(g["y4"]), int(g["m4"]), int(g["d4"])
    hour = minute = 0
    clock = g["isotime"] or (g["hour"] and f"{g['hour']}:{g['minute']}")
    if clock:
        hour, minute = (int(part) for part in clock.split(":"))
        if g["ampm"]:
            if hour > 12:
                return None
            hour = hour % 12 + (12 if g["ampm"].lower() == "p" else 0)
    try:
        return dt.datetime(year, month, day, hour, minute), bool(clock)
    except ValueError:
        return None


def _only_timestamp(text: str) -> dt.datetime | None:
    """The timestamp ``text`` consists of (trailing punctuation allowed), else None."""
    stripped = text.strip().rstrip(".,;:")
    match = _DATE.fullmatch(stripped)
    value = _timestamp_value(match) if match else None
    return value[0] if value else None


# Names of people as bylines and bios write them: capitalized words, with lower-case particles.
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_PARTICLES = ("al", "el", "bin", "ibn", "de", "da", "di", "du", "van", "von", "der", "den", "la")
_PARTICLES += ("le", "del", "della", "dos", "das", "ter", "y")
_PARTICLE = "(?:" + "|".join(_PARTICLES) + ")"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,4}}"
_ROLE_WORDS = (
    r"(?:fellow|editor|writer|author|correspondent|reporter|journalist|contributor|columnist"
    r"|analyst|director|professor|researcher|scholar|producer|founder|lecturer|expert|staff"
    r"|freelance|blogger|commentator|chief|president|associate|consultant|photographer|host"
    r"|student|historian|veteran|officer)s?"
)
_ROLE = re.compile(rf"\b{_ROLE_WORDS}\b", re.IGNORECASE)
_BIO = re.compile(
    rf"^(?P<name>{_NAME})\s+(?:(?:is|was|has been|serves as)\s+(?:a|an|the)\b"
    r"|(?:writes|reports|blogs)\s+(?:about|on|for|from)\b)"
)
# Bylines and credit lines: who wrote the page, never what it reports.
_NAMES = rf"{_NAME}(?:(?:\s*,\s*{_NAME})*\s+(?:and|&)\s+{_NAME})?"  # "A, B and C"
_WHEN = r"(?:on|at)\s+(?=[^\n]*\d)[\w ,.:/'’-]{1,40}?"  # "on May 20, 2021 at 9:15"
_BY = r"(?:[Bb]y|BY):?"
# What separates a byline's parts: "|", a dash, a middle dot or bullet, a slash.
_SEPARATOR = r"[|–—·•/]"
# A date with its year, as bylines write it ("May 3, 2024", "3 May 2024", "2024-05-03").
_DATED = r"(?=[^\n]*\b\d{4}\b)[\w ,.:/'’-]{4,40}"
_TAIL = (
    rf"(?:\s+(?:in|from)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?"  # "in Baghdad"
    rf"(?:\s+{_WHEN})?"
    r"(?:\s*\([^()\n]{1,40}\))?"  # "(Example Wire)"
    rf"(?:\s*(?:,|-|{_SEPARATOR})\s*(?:[^.\n]|\.(?=\s*\d)){{0,60}})?"  # ", Example Wire", "| May 3"
)
_CREDIT_VERBS = "posted|written|story|words|text|reported|reporting|compiled|published|filed"
_CREDIT_LABELS = "byline|authors?|contributors?|reporters?|writers?|correspondents?|words|story"
_WIRE_FIRST = (  # "Reporting by Jane Doe and John Roe in Baghdad"
    rf"(?i:additional\s+)?(?i:reporting|writing|written|compiled)\s+by\s+(?P<name>{_NAMES})"
    r"(?:\s+(?:in|from)\s+[^;()\n]{1,60})?"
)
_CREDIT_CLAUSE = (
    r"(?i:additional\s+)?(?i:reporting|writing|editing|compiled|produced|research|graphics?)"
    r"\s+by\s+[^;()\n]{2,120}"
)
_WIRE_CREDITS = rf"{_WIRE_FIRST}(?:\s*[;,]\s*{_CREDIT_CLAUSE})*"
# Shapes that say "byline" only above the article or at its foot (rules 5 and 6) ...
_BYLINES = (
    re.compile(rf"^{_BY}\s+(?P<name>{_NAMES}){_TAIL}$"),  # "By Jane Doe, Example Wire"
    re.compile(  # "Jane Doe, Senior Correspondent", "Jane Doe, Senior Analyst | May 3, 2024"
        rf"^(?P<name>{_NAMES}),\s+(?:[A-Za-z][\w'’&.-]*\s+){{0,4}}(?i:{_ROLE_WORDS})"
        r"(?:\s+(?:at|for|of|with|in)\s+[^.,|\n]{1,40})?"
        rf"(?:\s*{_SEPARATOR}\s*[^\n]{{1,60}})?$"
    ),
    # "Jane Doe | Example Wire", "Jane Doe |", "Jane Doe · May 3, 2024", "Jane Doe / Example Wire"
    # (after a dash only a date: "Rockets Hit Green Zone — officials blame militias" is a dek)
    re.compile(rf"^(?P<name>{_NAMES})\s*[|·•/]\s*[^\n]{{0,60}}$"),
    re.compile(rf"^(?P<name>{_NAMES})\s*[,–—-]\s*{_DATED}$"),  # "Jane Doe, May 3, 2024"
    # "May 3, 2024 | By Jane Doe": the date first
    re.compile(rf"^{_DATED}\s*{_SEPARATOR}\s*(?:{_BY}\s+)?(?P<name>{_NAMES})$"),
)
# ... and shapes that say it wherever they stand.
_CREDITS = (
    re.compile(  # "Posted by Jane Doe on May 20, 2021", "Posted on May 20, 2021 by Jane Doe"
        rf"^(?i:{_CREDIT_VERBS})(?:\s+(?:{_WHEN}|{_DATED}))?\s+{_BY}\s+(?P<name>{_NAMES}){_TAIL}$"
    ),
    re.compile(rf"^(?i:{_CREDIT_LABELS})\s*:\s*(?P<name>{_NAMES}){_TAIL}$"),  # "Contributor: X"
    re.compile(rf"^\(?{_WIRE_CREDITS}\s*\)?\.?$"),  # "(Reporting by X in Baghdad; Editing by Y)"
)
_TRAILING_CREDITS = re.compile(rf"\s(?P<credits>\({_WIRE_CREDITS}\))\s*$")
# A photo credit closing a caption: "(Photo: Example Wire)", "[AP Photo/Jane Doe]", "(Photo by
# Jane Doe)", "(Jane Doe/Example Wire photo)": who took or supplied the picture, not what it shows.
_PHOTO_WORDS = r"(?:photo(?:graph)?s?|images?|pictures?|video)"
_PHOTO_CREDIT = re.compile(
    rf"\s(?P<credit>[\[(](?i:(?:[^\])\n]{{0,30}}\s)?{_PHOTO_WORDS}\s*(?::|/|\s+by\s)\s*[^\])\n]{{1,60}}"
    rf"|[^\])\n]{{1,60}}\s{_PHOTO_WORDS})[\])])\W*$"
)
MAX_BYLINE_CHARS = 100
MAX_CREDITS_CHARS = 300
_TAGS = re.compile(r"^(?:tags|tagged|tagged with|filed under|categories|topics)\s*:", re.IGNORECASE)
_NOTE = re.compile(
    r"^(?:(?:editor[’'`]?s[’'`]?\s+note|note\s+from\s+the\s+editor|note\s+to\s+readers"
    r"|correction|clarification)\s*[:.—–-]"
    r"|this\s+(?:article|story|piece|post|report|essay)\s+(?:(?:was|is|first|originally)\s+)+"
    r"(?:published|appeared|ran)\b)",
    re.IGNORECASE,
)
_CHROME = re.compile(
    r"^(?:share(?: this(?: article| story| post)?)?|share on \w+"
    r"|advertisement|sponsored(?: content)?|subscribe(?: now)?|sign up(?: now)?"
    r"|follow us(?: on \w+)?"
    r"|leave a (?:comment|reply)|comments?(?: are closed)?|\d+ (?:comments?|responses?|replies)"
    r"|(?:previous|next)(?: (?:article|post|story|page))?|print|email|back to top"
    r"|(?:copyright|©).{0,70}|all rights reserved)\W*$",
    re.IGNORECASE,
)
# Headings of a list of links to other articles ("Related", "Read more", "You may also like").
_RELATED = (
    r"(?:related(?:\s+(?:stories|articles|coverage|content|links|news|posts|reading|topics))?"
    r"|read\s+(?:more|also|next)|see\s+also|also\s+read|further\s+reading"
    r"|more\s+(?:on|about)\s+(?:this|the)\s+(?:story|topic|subject|issue)"
    r"|more\s+stories|top\s+stories|most\s+(?:read|popular|viewed|shared)"
    r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|stories|reading))?)"
)
_RELATED_HEADING = re.compile(rf"^{_RELATED}\W*$", re.IGNORECASE)
_RELATED_LINK = re.compile(rf"^{_RELATED}\s*:\s*(?P<title>\S.*)$", re.IGNORECASE)  # "Read more: X"
_LIST_MARK = re.compile(r"^(?:[•●▪‣◦*·–—-]|\d{1,2}[.)])\s+")
LINK_WORDS = 20  # a link title is one line of at most this many words
_CAPTION_MARKERS = (
    re.compile(
        r"click(?:\s+(?:here|image|photo|picture))?\s+to\s+(?:view|enlarge|zoom|expand)\W*$",
        re.IGNORECASE,
    ),
    re.compile(r"[\[(][^\])]{0,40}\b(?:photos?|images?|pictures?)\b[^\])]{0,60}[\])]\W*$", re.I),
    re.compile(
        r"[,(]\s*(?:(?:far|second from|top|bottom|front|back)\s+)?(?:left|right|center|centre"
        r"|middle)\s*[,)]",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:this|the|above|below|top|a)?\s*(?:map|photo|photograph|image|picture|chart|graph"
        r"|graphic|infographic|screenshot|video|diagram)\s+(?:was|is|shows|showing|of|from"
        r"|depicts|provided|released|taken|created)\b",
        re.IGNORECASE,
    ),
)
_LABEL_CONNECTORS = frozenset(
    (*_PARTICLES, "of", "the", "and", "in", "on", "at", "for", "to", "a", "an")
)
_VERBS = "says|said|wrote|writes|commented|comments"
_HEADER = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<bullet>[•●▪‣◦*·–—-])[ \t]+)?"
    rf"(?P<name>[^\s“\"‘'«•].{{0,79}}?)[ \t]+(?:{_VERBS})[ \t]*:[ \t]*(?P<rest>.*)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[•●▪‣◦*·–—-][ \t]+(?P<rest>\S.*)$")
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:reader\s+)?(?:comments?|responses?|replies|discussion)(?:\s*\(\d+\))?\W*$"
    r"|^leave a (?:comment|reply)\W*$",
    re.IGNORECASE,
)
_NAME_WITH_TIME = re.compile(r"^(?P<name>.+?)\s*(?:\bon\b|\bat\b|[,|–—-])\s*(?P<time>.+)$")
_MAX_COMMENTER_WORDS = 6


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # before the newline
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class _Header:
    """A comment's first line: who wrote it, when, and where its text starts (if on this line)."""

    author: str | None
    timestamp: dt.datetime | None
    text_start: int | None
    line_end: int


def segment(document: Document) -> tuple[Segment, ...]:
    """The document's segments, in document order, non-overlapping, trimmed."""
    return segment_text(document.text)


def segment_text(text: str) -> tuple[Segment, ...]:
    """Segment plain text (``Document.text``); see the module docstring for the rules."""
    lines = _lines(text)
    first = next((i for i, line in enumerate(lines) if not line.blank), None)
    if first is None:
        return ()
    title = _segment(text, SegmentKind.TITLE, lines[first].start, lines[first].end)
    opening = next((i for i in range(first + 1, len(lines)) if _opens_list(lines, i)), len(lines))
    segments = [title] if title else []
    segments += _classify(text, _paragraphs(lines[first + 1 : opening]))
    segments += _comment_list(text, lines[opening:])
    return tuple(segments)


def complete_meta(document: Document, segments: Sequence[Segment]) -> Document:
    """Infer what the sidecar did not give, flagged as inferred.

    The author is the person of the BIO segment (a bio line "Jane Doe is a Senior Fellow at
    ...", a "By Jane Doe" byline or a credit line); the publication date is the latest fully
    specified date or timestamp in the whole text (comments included) that is not in the
    future, an upper bound, since pages show the dates of comments and updates, which come
    after publication.
    """
    meta = document.meta
    updates: dict[str, object] = {}
    if meta.published is None:
        today = dt.date.today()
        dates = [d for t in find_timestamps(document.text) if (d := t.value.date()) <= today]
        if dates:
            updates |= {"published": max(dates), "published_inferred": True}
    if meta.author is None:
        bios = (bio_author(s.text) for s in segments if s.kind is SegmentKind.BIO)
        author = next((name for name in bios if name), None)
        if author:
            updates |= {"author": author, "author_inferred": True}
    return replace(document, meta=replace(meta, **updates)) if updates else document


def bio_author(text: str) -> str | None:
    """The person a BIO segment (bio line, byline or credit line) is about, e.g. "Jane Doe";
    for a wire credit, the reporters ("Reporting by Jane Doe and John Roe; Editing by ...")."""
    match = next(filter(None, (p.match(text) for p in (_BIO, *_BYLINES, *_CREDITS))), None)
    return match.group("name") if match else None


def _lines(text: str) -> list[_Line]:
    lines, start = [], 0
    for chunk in text.split("\n"):
        lines.append(_Line(start, start + len(chunk), chunk))
        start += len(chunk) + 1
    return lines


def _segment(
    text: str,
    kind: SegmentKind,
    start: int,
    end: int,
    author: str | None = None,
    timestamp: dt.datetime | None = None,
) -> Segment | None:
    """A segment over ``text[start:end]`` with surrounding whitespace trimmed; None if empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(kind, start, end, text[start:end], author, timestamp) if start < end else None


def _paragraphs(lines: Sequence[_Line]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated runs, split per line unless wrapped."""
    paragraphs: list[tuple[int, int]] = []
    block: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and not line.blank:
            block.append(line)
            continue
        if block:
            wrapped = all(WRAP_MIN <= len(b.text.strip()) <= WRAP_MAX for b in block[:-1])
            parts = [block] if wrapped else [[b] for b in block]
            paragraphs += [(part[0].start, part[-1].end) for part in parts]
        block = []
    return paragraphs


def _is_short(text: str) -> bool:
    return len(text.split()) <= SHORT_WORDS and not text.rstrip("”’\"')]").endswith((".", "!", "?"))


def _is_label(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= LABEL_WORDS
        and text[-1].isalnum()
        and words[0][0].isupper()
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in _LABEL_CONNECTORS for w in words)
    )


def _is_bio(text: str) -> bool:
    match = _BIO.match(text)
    return bool(match) and len(text) <= MAX_BIO_CHARS and bool(_ROLE.search(text, match.end()))


def _is_byline(text: str) -> bool:
    """A byline, which says so above the article or at its foot (rules 5 and 6); a credit line
    is BIO by its own kind (``_own_kind``) before it gets here."""
    return len(text) <= MAX_BYLINE_CHARS and any(b.match(text) for b in _BYLINES)


def _is_credit(text: str) -> bool:
    """A credit line, which says who wrote the page wherever it stands ("Posted by Jane Doe on
    May 20, 2021", "Contributor: Jane Doe", "(Reporting by Jane Doe; Editing by John Roe)")."""
    return len(text) <= MAX_CREDITS_CHARS and any(c.match(text) for c in _CREDITS)


def _is_link_title(text: str) -> bool:
    """Lines that are each the title of a linked article: one line of at most ``LINK_WORDS``
    words (a list mark before them aside) that does not close with a period as a sentence
    does ("Who is Abu Example?", "Rebels seize northern town")."""
    lines = [_LIST_MARK.sub("", line.strip()) for line in text.split("\n")]
    return all(
        line and len(line.split()) <= LINK_WORDS and not line.rstrip("”’\"')]").endswith(".")
        for line in lines
    )


def _related_links(paragraphs: Sequence[Segment], kinds: list[SegmentKind]) -> None:
    """Rule 4b, in place: the link titles under a related-links heading are NAVIGATION, up to
    the first paragraph that is not one (the article goes on where the list stands)."""
    under = False
    for i, paragraph in enumerate(paragraphs):
        if _RELATED_HEADING.match(paragraph.text):
            under = True
        elif under and _is_link_title(paragraph.text):
            if kinds[i] in (SegmentKind.BODY, SegmentKind.CAPTION):
                kinds[i] = SegmentKind.NAVIGATION
        else:
            under = False


def _own_kind(text: str) -> SegmentKind:
    """The kind a paragraph has by its content alone (rule 4)."""
    if _TAGS.match(text):
        return SegmentKind.TAGS
    if _NOTE.match(text):
        return SegmentKind.NOTE
    if _is_credit(text):
        return SegmentKind.BIO
    if (len(text) <= 80 and _CHROME.match(text)) or _RELATED_HEADING.match(text):
        return SegmentKind.NAVIGATION
    if (link := _RELATED_LINK.match(text)) and _is_link_title(link.group("title")):
        return SegmentKind.NAVIGATION
    if len(text) <= MAX_CAPTION_CHARS and any(m.search(text) for m in _CAPTION_MARKERS):
        return SegmentKind.CAPTION
    return SegmentKind.BODY


def _classify(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Rules 4-6 over the paragraphs between the title and the comments."""
    spans = [part for span in spans for part in _credits_apart(text, *span)]
    paragraphs = [s for s in (_segment(text, SegmentKind.BODY, *span) for span in spans) if s]
    kinds = [_own_kind(p.text) for p in paragraphs]
    _related_links(paragraphs, kinds)
    zone = len(paragraphs)
    while zone > 0 and (
        kinds[zone - 1]
        in (SegmentKind.TAGS, SegmentKind.NOTE, SegmentKind.NAVIGATION, SegmentKind.BIO)
        or _is_bio(paragraphs[zone - 1].text)
        or _is_byline(paragraphs[zone - 1].text)
        or _is_short(paragraphs[zone - 1].text)
    ):
        zone -= 1
    body_before_zone = SegmentKind.BODY in kinds[:zone]
    seen_body = False
    for i, paragraph in enumerate(paragraphs):
        if kinds[i] is not SegmentKind.BODY:
            continue
        p = paragraph.text
        if i >= zone:
            if _is_bio(p) or _is_byline(p):
                kinds[i] = SegmentKind.BIO
            elif body_before_zone:
                kinds[i] = SegmentKind.NAVIGATION
        elif not seen_body and _is_byline(p):
            kinds[i] = SegmentKind.BIO
        elif seen_body and i + 1 < zone and _is_label(p):
            kinds[i] = SegmentKind.CAPTION
        seen_body = seen_body or kinds[i] is SegmentKind.BODY
    return [
        part
        for k, p in zip(kinds, paragraphs, strict=True)
        for part in _photo_credit_apart(text, Segment(k, p.start, p.end, p.text))
    ]


def _photo_credit_apart(text: str, segment: Segment) -> list[Segment]:
    """A caption, and apart from it the photo credit that closes it ("... on Wednesday. (Photo:
    Example Wire)"), a NOTE: the agency or photographer it names is no subject of the page."""
    match = _PHOTO_CREDIT.search(segment.text) if segment.kind is SegmentKind.CAPTION else None
    if match is None:
        return [segment]
    cut = segment.start + match.start("credit")
    parts = (
        _segment(text, segment.kind, segment.start, cut),
        _segment(text, SegmentKind.NOTE, cut, segment.end),
    )
    return [part for part in parts if part]


def _credits_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph's span, and apart from it the wire credit that closes it ("... officials
    said. (Reporting by Jane Doe; Editing by John Roe)"), a paragraph of its own (rule 4)."""
    match = _TRAILING_CREDITS.search(text, start, end)
    if match is None:
        return [(start, end)]
    return [(start, match.start("credits")), (match.start("credits"), end)]


def _header(line: _Line) -> _Header | None:
    """The comment header on ``line`` (``NAME says: [time | text]``), else None."""
    match = _HEADER.match(line.text)
    if not match:
        return None
    name, timestamp = match.group("name").strip(), None
    with_time = _NAME_WITH_TIME.match(name)
    if with_time and (stamp := _only_timestamp(with_time.group("time"))):
        name, timestamp = with_time.group("name"), stamp
    if "," in name or len(name.split()) > _MAX_COMMENTER_WORDS:
        return None
    rest = match.group("rest")
    text_start = None
    if rest.strip():
        if timestamp is None and (stamp := _only_timestamp(rest)):
            timestamp = stamp
        else:
            text_start = line.start + match.start("rest")
    return _Header(name, timestamp, text_start, line.end)


def _opens_list(lines: Sequence[_Line], i: int) -> bool:
    """Whether ``lines[i]`` opens the comment list: a header with no comment text on it that is
    bulleted or dated (on the line or the next), follows a comments heading, or is the first of
    three, so that one "The ministry said:" before a quote in the body opens nothing."""
    header = _header(lines[i])
    if header is None or header.text_start is not None:
        return False
    if header.timestamp or _BULLET.match(lines[i].text):
        return True
    following = next((line for line in lines[i + 1 :] if not line.blank), None)
    if following is not None and _only_timestamp(following.text) is not None:
        return True
    previous = next((line for line in reversed(lines[:i]) if not line.blank), None)
    if previous is not None and _COMMENTS_HEADING.match(previous.text.strip()):
        return True
    return sum(1 for line in lines[i + 1 :] if _bare_header(line)) >= 2


def _bare_header(line: _Line) -> bool:
    """A comment header with no comment text on its line."""
    header = _header(line)
    return header is not None and header.text_start is None


def _bullet(line: _Line) -> _Header | None:
    """A bulleted line without ``says:``: a comment by someone unnamed, starting on the line."""
    match = _BULLET.match(line.text)
    return _Header(None, None, line.start + match.start("rest"), line.end) if match else None


def _comment_list(text: str, lines: Sequence[_Line]) -> list[Segment]:
    """Rule 2: the comments from the opening header on, then the navigation after them."""
    if not lines:
        return []
    indent = lines[0].indent
    following = next((line for line in lines[1:] if not line.blank), None)
    flat = following is not None and following.indent <= indent and not _header(following)
    comments: list[tuple[_Header, list[_Line]]] = []
    end = len(lines)
    for i, line in enumerate(lines):
        if line.blank:
            if comments:
                comments[-1][1].append(line)
            continue
        header = (_header(line) or _bullet(line)) if line.indent == indent else None
        if header is not None:
            comments.append((header, []))
        elif flat or line.indent > indent:
            comments[-1][1].append(line)
        else:
            end = i
            break
    if flat:
        comments[-1], tail = _split_trailing_chrome(*comments[-1])
    else:
        tail = list(lines[end:])
    segments = [s for header, body in comments if (s := _comment(text, header, body))]
    segments += [
        s
        for span in _paragraphs(tail)
        if (s := _segment(text, SegmentKind.NAVIGATION, *span)) is not None
    ]
    return segments


def _split_trailing_chrome(
    header: _Header, body: list[_Line]
) -> tuple[tuple[_Header, list[_Line]], list[_Line]]:
    """In a flat list, the last comment's trailing short paragraphs are the page's navigation."""
    cut = len(body)
    while cut > 0:
        start = cut
        while start > 0 and body[start - 1].blank:
            start -= 1
        block_start = start
        while block_start > 0 and not body[block_start - 1].blank:
            block_start -= 1
        block = " ".join(line.text for line in body[block_start:start]).strip()
        has_text_before = any(not line.blank for line in body[:block_start])
        if not block or not has_text_before or not _is_short(block):
            break
        cut = block_start
    return (header, body[:cut]), body[cut:]


def _comment(text: str, header: _Header, body: list[_Line]) -> Segment | None:
    """One COMMENT segment: the header's inline text (if any) through its last body line."""
    timestamp, content = header.timestamp, [line for line in body if not line.blank]
    if header.text_start is None and timestamp is None and content:
        timestamp = _only_timestamp(content[0].text)
        if timestamp is not None:
            content = content[1:]
    start = header.text_start
    if start is None and content:
        start = content[0].start
    if start is None:
        return None
    end = content[-1].end if content else header.line_end
    return _segment(
        text, SegmentKind.COMMENT, start, end, author=header.author, timestamp=timestamp
    )
