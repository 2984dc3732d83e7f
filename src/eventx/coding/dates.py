"""Resolve an event's time expression against the publication date.

dateparser does the resolution (``RELATIVE_BASE`` = publication date,
``PREFER_DATES_FROM='past'``, English), and its ``period`` gives the
granularity, so "last year" in an article of 2020-11-30 is ``2019``.  Without a
publication date only expressions that carry their own year are resolved;
relative ones keep their text with a null value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dateparser.date import DateDataParser
from spacy.tokens import Span, Token

from eventx.analysis.grammar import nearest_verb
from eventx.analysis.tokens import entities_in
from eventx.coding.cues import reporting_verbs
from eventx.knowledge.files import load_json
from eventx.records.event import EventDate

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
DURATION_UNITS = frozenset({"day", "week", "month", "year", "hour", "decade", "minute", "century"})
RELATIVE_CUES = frozenset({"ago", "last", "next", "this", "earlier", "later", "previous", "past"})
_PLACEHOLDER_BASE = dt.datetime(2000, 6, 15)


@cache
def _parser(base: dt.datetime, prefer: str = "past") -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer},
    )


def is_duration(span: Span) -> bool:
    """ "two days", "six-year": a length of time, not a point in it."""
    lowered = {t.lower_ for t in span}
    if lowered & RELATIVE_CUES:
        return False
    return any(t.lemma_.lower() in DURATION_UNITS or "-year" in t.lower_ for t in span) and any(
        t.like_num or t.pos_ == "NUM" for t in span
    )


QUALIFIER = re.compile(
    r"^(?:(?:earlier|later|early|late|mid|in|on|at|since|by|until)\b[\s-]*"
    r"|(?:the\s+)?(?:end|beginning|start|middle|turn)\s+of\s+)+",
    re.IGNORECASE,
)
VAGUE = re.compile(r"\b(recently|lately|recent|in the past|of late)\b", re.IGNORECASE)


def _vague(text: str) -> bool:
    """ "recently", "in recent weeks": a time, but no date to give."""
    return bool(VAGUE.search(text)) and not YEAR.search(text)


def unqualified(text: str) -> str:
    """ "earlier this month" is this month, "late last year" last year, and
    "mid-December" December: the coarsest honest resolution of a vague edge."""
    stripped = QUALIFIER.sub("", text).strip()
    return stripped or text


MONTHS = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
MONTH_DAY = re.compile(rf"\b\d{{1,2}}\s+{MONTHS}\b|\b{MONTHS}\s+\d{{1,2}}\b", re.IGNORECASE)
BARE_MONTH = re.compile(rf"^{MONTHS}$", re.IGNORECASE)
# "19-21 April 2004", "April 19-21": several days, dated by the first
DAYS_SPAN = re.compile(r"\b(\d{1,2})\s*[-–]\s*\d{1,2}\b")
DAY_RANGE = re.compile(
    rf"\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+{MONTHS}\b|\b{MONTHS}\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\b",
    re.IGNORECASE,
)
TEMPORAL_HEADS = frozenset(
    {
        "in",
        "on",
        "since",
        "by",
        "until",
        "till",
        "before",
        "after",
        "during",
        "from",
        "through",
        "between",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "of",
        "to",
        "and",
        "or",
    }
)

WEEKDAYS = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def resolve(
    text: str,
    published: dt.date | None,
    anchor_year: int | None = None,
    *,
    ahead: bool = False,
) -> EventDate | None:
    """An :class:`EventDate` for a time expression, or None if it is not one.

    A weekday that is the publication day's own ("on Wednesday" in Wednesday's
    paper) means that day, so weekdays are resolved from the day after
    publication, preferring the past (dateparser already counts the current
    month as past for "in December").  With ``ahead`` (a clause in the
    present progressive: "are meeting on Friday") a bare weekday or month
    name is the next one.
    """
    cleaned = text.strip().strip(".,;:")
    if _vague(cleaned):
        return EventDate(text=text, value=None, granularity=None)
    if published is None and anchor_year and MONTH_DAY.search(cleaned) and not YEAR.search(cleaned):
        cleaned = f"{cleaned} {anchor_year}"  # "on 9 April" after "30 January 1992"
    cleaned = unqualified(cleaned)
    if DAY_RANGE.search(cleaned):  # "19-21 April 2004": its first day (GUIDELINES)
        cleaned = DAYS_SPAN.sub(r"\1", cleaned)
    base = dt.datetime.combine(published, dt.time()) if published else _PLACEHOLDER_BASE
    if published and WEEKDAYS.search(cleaned) and not YEAR.search(cleaned):
        base += dt.timedelta(days=1)
    bare_name = not RELATIVE_CUES & set(cleaned.lower().split()) and not YEAR.search(cleaned)
    prefer = "future" if ahead and bare_name else "past"
    if prefer == "future" and published:
        base = dt.datetime.combine(published, dt.time())
    data = _parser(base, prefer).get_date_data(cleaned)
    if data.date_obj is None:
        return None
    years = YEAR.findall(cleaned)
    if years and str(data.date_obj.year) not in years:
        return None  # "the 1970s" is a decade, not a date dateparser can place
    period = data.period if data.period in {"year", "month", "week", "day"} else "day"
    if published is None and not YEAR.search(cleaned):
        return EventDate(text=text, value=None, granularity=None)
    when = data.date_obj.date()
    if period == "week":
        monday = when - dt.timedelta(days=when.weekday())
        if monday.month == (monday + dt.timedelta(days=6)).month:
            period = "month"  # "last week": the month it fell in, as the gold convention writes it
            when = monday
    if period == "year":
        value = f"{when.year:04d}"
    elif period == "month":
        value = f"{when.year:04d}-{when.month:02d}"
    elif period == "week":
        iso = when.isocalendar()
        value = f"{iso.year:04d}-W{iso.week:02d}"
    else:
        value = when.isoformat()
    return EventDate(text=text, value=value, granularity=period)  # type: ignore[arg-type]


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    path_a = [a, *a.ancestors]
    index = {t.i: depth for depth, t in enumerate(path_a)}
    for depth, token in enumerate([b, *b.ancestors]):
        if token.i in index:
            return depth + index[token.i]
    return 99


@cache
def _time_words() -> frozenset[str]:
    return frozenset(load_json("lexicons/time_words.json")["words"])


def time_expressions(sent: Span) -> list[Span]:
    """DATE entities that are points in time, TIME entities that name a day
    ("late on Friday night"), plus untagged words like "today"."""
    found = [
        ent
        for ent in entities_in(sent)
        if (ent.label_ == "DATE" and not is_duration(ent))
        or (ent.label_ == "TIME" and WEEKDAYS.search(ent.text))
    ]
    found += [
        sent.doc[t.i : t.i + 1] for t in sent if t.lower_ in _time_words() and t.ent_type_ != "DATE"
    ]
    return found


CLAUSE_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"}
)


def _clause_of(token: Token) -> Token:
    """The head of the smallest embedded clause holding the token (or the root)."""
    while token.dep_ not in CLAUSE_DEPS and token.head.i != token.i:
        token = token.head
    return token


SPAN_EDGES = frozenset({"since", "until", "till"})
SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "once"})


def _time_of_report(trigger: Token, clause: Token) -> bool:
    """Whether ``clause`` is a reporting verb whose reported clause (not
    the verb itself) holds the trigger."""
    if clause.lemma_.lower() not in reporting_verbs():
        return False
    reported = [c for c in clause.children if c.dep_ == "ccomp"]
    return any(t.i == r.i for r in reported for t in [trigger, *trigger.ancestors])


def _own_time(trigger: Token, ent: Span) -> bool:
    """A time expression inside an embedded clause the trigger is not part of
    dates that clause's event: "the summit endorsed a congress to be held in
    December"; "a phone call with May" names a person, not a month."""
    clause = _clause_of(ent.root)
    describes_trigger = clause.dep_ in {"acl", "relcl"} and clause.head.i == trigger.i
    if (
        clause.head.i != clause.i
        and not describes_trigger  # "a summit held two weeks ago", "talks that began in May"
        and not any(t.i == clause.i for t in [trigger, *trigger.ancestors])
    ):
        return False
    own = _clause_of(trigger)
    frames = ent.start < own.head.i and any(t.i == own.head.i for t in ent.root.ancestors)
    if (
        own.dep_ == "advcl"
        and not frames  # a fronted time frames the sentence: "In 2015, after ..."
        and not any(t.i == own.i for t in [ent.root, *ent.root.ancestors])
        and any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in own.children)
    ):
        return False  # "will arrive on Wednesday after Russia brokered a deal"
    if (
        own.dep_ == "relcl"
        and not ent.start <= own.head.i < ent.end  # "in June 1994, when Carter travelled"
        and not any(t.i == own.i for t in [ent.root, *ent.root.ancestors])
    ):
        return False  # "Hariri, who has attended previous talks, said on Monday"
    if ent.start > clause.i and _time_of_report(trigger, clause):
        return False  # "De Mistura said on Tuesday that Russia had negotiated a ceasefire"
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and (
        prep.lower_ in SPAN_EDGES or (prep.lower_ == "of" and prep.head.lower_ == "as")
    ):
        return False  # "since 2012", "as of May": a span's edge, not when the event was
    if _said_of_the_event(trigger, ent):
        return False
    if BARE_MONTH.match(ent.text.strip()):
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        return before in TEMPORAL_HEADS or ent.root.dep_ == "npadvmod"
    return True


@cache
def _dating_verbs() -> frozenset[str]:
    return frozenset(load_json("lexicons/time_words.json")["dating_verbs"])


def _said_of_the_event(trigger: Token, ent: Span) -> bool:
    """ "The Geneva talks received a boost on Tuesday": a time of the verb
    that an event noun is subject or object of dates what the verb says of
    the event (a boost, an announcement), unless the verb is the event's own
    ("ended", "held", "attended"); so does one of a noun about the event
    ("would report the outcome of the talks next week")."""
    noun = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
        noun = trigger.head.head
    verb = noun.head
    return (
        trigger.pos_ == "NOUN"
        and noun.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in _dating_verbs()
        and any(t.i == verb.i for t in ent.root.ancestors)
        and not any(t.i == trigger.i for t in ent.root.ancestors)  # "talks last week"
        and _clause_of(ent.root).i == _clause_of(verb).i
    )


def anchor_year(sent: Span) -> int | None:
    """The last year the sentence states: the year of its day-and-month dates
    when the article has no publication date ("signed on 30 January 1992 ...
    ratified on 9 April").  Years named in other sentences are not used: a
    story of 2019 may look back to 2016 or ahead to 2020."""
    dates = [ent for ent in entities_in(sent) if ent.label_ == "DATE"]
    years = [int(y) for ent in dates for y in YEAR.findall(ent.text)]
    return years[-1] if years else None


def _progressive(trigger: Token) -> bool:
    """ "are co-hosting a summit in February", "is meeting Xi on Friday": the
    present progressive with a bare date speaks of what is arranged ahead."""
    verb = nearest_verb(trigger)
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} and c.lemma_ == "be" for c in verb.children
    )


@dataclass(frozen=True)
class SentenceTimes:
    """A sentence's time expressions and anchor year, read once for all its events."""

    expressions: list[Span]
    anchor: int | None

    @classmethod
    def of(cls, sent: Span) -> SentenceTimes:
        return cls(time_expressions(sent), anchor_year(sent))


def event_date(trigger: Token, times: SentenceTimes, published: dt.date | None) -> EventDate | None:
    """The time expression nearest the trigger in the tree, resolved."""
    candidates = [ent for ent in times.expressions if _own_time(trigger, ent)]
    ranked = sorted(
        candidates,
        key=lambda ent: (tree_distance(trigger, ent.root), abs(ent.start - trigger.i)),
    )
    anchor = times.anchor if published is None else None
    ahead = _progressive(trigger)
    for ent in ranked:
        resolved = resolve(ent.text, published, anchor, ahead=ahead)
        if resolved is not None:
            return resolved
    return None


def first_day(date: EventDate) -> dt.date | None:
    """The first day an :class:`EventDate` covers (its value at its granularity)."""
    if date.value is None:
        return None
    if date.granularity == "week":
        year, week = date.value.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in date.value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def after_publication(date: EventDate | None, published: dt.date | None) -> bool:
    """Whether the event's period begins after the article was published."""
    start = first_day(date) if date is not None else None
    return start is not None and published is not None and start > published
