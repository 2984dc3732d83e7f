"""Dates resolved against the publication date, with their granularity."""

from __future__ import annotations

import datetime as dt

import pytest

from eventx.coding.dates import resolve
from tests.helpers import Extract, only

PUBLISHED = dt.date(2020, 11, 30)


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("last year", "2019", "year"),
        ("today", "2020-11-30", "day"),
        ("yesterday", "2020-11-29", "day"),
        ("last month", "2020-10", "month"),
        ("June 1994", "1994-06", "month"),
        ("20 January 1992", "1992-01-20", "day"),
        ("last week", "2020-11", "month"),  # 23-29 November: the month it fell in
        ("earlier this month", "2020-11", "month"),
        ("late last year", "2019", "year"),
        ("mid-December", "2019-12", "month"),
        ("the end of 2018", "2018", "year"),
        ("19-21 April 2004", "2004-04-19", "day"),  # several days: the first (GUIDELINES)
        ("April 19-21, 2004", "2004-04-19", "day"),
    ],
)
def test_resolution_and_granularity(text: str, value: str, granularity: str) -> None:
    date = resolve(text, PUBLISHED)
    assert date is not None
    assert (date.value, date.granularity) == (value, granularity)


def test_relative_without_publication_keeps_text_only() -> None:
    date = resolve("last year", None)
    assert date is not None
    assert (date.text, date.value, date.granularity) == ("last year", None, None)


def test_absolute_without_publication_resolves() -> None:
    date = resolve("in 1998", None)
    assert date is not None and date.value == "1998"


def test_not_a_date() -> None:
    assert resolve("the ambassador", PUBLISHED) is None


def test_event_takes_the_nearest_time_expression(extract: Extract) -> None:
    event = only(
        extract(
            "Last year, Peru and Chile signed a pact that took effect in 2015.",
            published="2020-11-30",
        ),
        "agreement_signed",
    )
    assert event.date is not None and event.date.value == "2019"


def test_durations_are_not_dates(extract: Extract) -> None:
    event = only(
        extract(
            "After two days of talks, Fiji and Tonga signed the agreement.", published="2020-11-30"
        ),
        "agreement_signed",
    )
    assert event.date is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wednesday", "2008-08-06"),
        ("on Tuesday", "2008-08-05"),
        ("August", "2008-08"),
        ("July", "2008-07"),
    ],
)
def test_weekday_and_month_names_include_the_publication_day(text: str, value: str) -> None:
    date = resolve(text, dt.date(2008, 8, 6))  # a Wednesday
    assert date is not None and date.value == value


def test_decades_are_not_dates() -> None:
    assert resolve("the 1970s", PUBLISHED) is None


def test_a_week_across_two_months_stays_a_week() -> None:
    date = resolve("last week", dt.date(2020, 11, 4))  # 26 October - 1 November
    assert date is not None and (date.value, date.granularity) == ("2020-W44", "week")


@pytest.mark.parametrize("text", ["recently", "in recent weeks", "lately"])
def test_vague_expressions_keep_their_text_only(text: str) -> None:
    date = resolve(text, PUBLISHED)
    assert date is not None and date.text == text
    assert date.value is None and date.granularity is None


def test_day_and_month_take_the_narrative_year_without_publication(extract: Extract) -> None:
    text = (
        "North Korea signed an IAEA safeguards agreement on 30 January 1992, "
        "and the Supreme People's Assembly ratified the agreement on 9 April. "
        "Iran and Iraq signed a border treaty on 9 June."
    )
    signings = [e for e in extract(text) if e.type == "agreement_signed"]
    values = [e.date.value if e.date else None for e in signings]
    # the sentence's own year; another sentence's year is no anchor
    assert values == ["1992-01-30", "1992-04-09", None]


def test_a_date_in_another_clause_belongs_to_that_clause(extract: Extract) -> None:
    text = "The summit of Russia and Turkey endorsed a congress to be held in December."
    summit = next(e for e in extract(text, published="2017-11-22") if e.trigger.text == "summit")
    assert summit.date is None


def test_a_bare_month_name_after_with_is_a_person(extract: Extract) -> None:
    text = "Following his talks with May in Downing Street, Yildirim praised Britain."
    talks = only(extract(text, published="2017-11-27"), "meeting_held")
    assert talks.date is None


def test_present_progressive_with_a_bare_date_looks_ahead(extract: Extract) -> None:
    text = "Chile and Peru are holding talks in Lima on Friday."
    talks = only(extract(text, published="2021-03-10"), "meeting_held")  # a Wednesday
    assert talks.date is not None and talks.date.value == "2021-03-12"
    assert talks.modality == "future"


@pytest.mark.parametrize(
    ("text", "published", "kind", "value"),
    [
        # a clause that describes the event noun dates it (a week inside September)
        (
            "Officials praised the talks between Iran and Iraq that began two weeks ago.",
            "2018-09-17",
            "meeting_held",
            "2018-09",
        ),
        # the edge of a span is not the event's date
        (
            "Since 2012, many rounds of negotiations between Syria and Jordan have failed.",
            "2017-11-28",
            "meeting_held",
            None,
        ),
        # a TIME entity that names a day dates the event
        (
            "The SNC made its boycott decision after the UN-led peace talks in Vienna ended "
            "late on Friday night with no sign Russia was willing to put pressure on Assad.",
            "2018-01-28",
            "meeting_held",
            "2018-01-26",
        ),
        # a relative clause keeps its own time
        (
            "Hariri, a Syrian envoy who has attended talks with Jordan, told reporters in "
            "Geneva on Monday that he wanted reform.",
            "2017-11-28",
            "meeting_held",
            None,
        ),
        # an "after" clause does not take a later date of its main clause ...
        (
            "A Syrian delegation will arrive in Geneva on Wednesday after Russia brokered a "
            "deal with Turkey.",
            "2017-11-28",
            "agreement_signed",
            None,
        ),
        # ... nor a date of another conjunct
        (
            "Syria opened an embassy in Baghdad in May 2010, but trade did not grow until "
            "Iran and Iraq signed a treaty.",
            "2020-11-30",
            "agreement_signed",
            None,
        ),
        # ... but a fronted date frames the whole sentence
        (
            "In 2015, after Russia and Turkey signed the accord, he called it a fraud.",
            "2023-11-02",
            "agreement_signed",
            "2015",
        ),
        # the time of a report is not the time of what it reports ...
        (
            "De Mistura said on Tuesday that Russia had negotiated a ceasefire with Turkey.",
            "2017-11-28",
            "agreement_signed",
            None,
        ),
        # ... unless the date is fronted
        (
            "On Tuesday, Russia announced that it had signed an agreement with Iran.",
            "2017-11-28",
            "agreement_signed",
            "2017-11-28",
        ),
        # a gerund clause keeps its own time
        (
            "Iran and Iraq signed a deal after meeting in Baghdad in May.",
            "2020-11-30",
            "agreement_signed",
            None,
        ),
        # what a verb says of an event noun is dated, not the event ...
        (
            "The talks between Syria and Jordan received a boost on Tuesday.",
            "2017-11-29",
            "meeting_held",
            None,
        ),
        # ... and so is what it says of a noun about the event ...
        (
            "The envoy will next week report the outcome of the talks between Syria and Jordan.",
            "2017-11-29",
            "meeting_held",
            None,
        ),
        # ... unless the verb is the event's own
        (
            "The talks between Syria and Jordan ended on Tuesday.",
            "2017-11-29",
            "meeting_held",
            "2017-11-28",
        ),
    ],
)
def test_which_time_expression_is_the_event_s(
    extract: Extract, text: str, published: str, kind: str, value: str | None
) -> None:
    event = only(extract(text, published=published), kind)
    assert (event.date.value if event.date else None) == value
