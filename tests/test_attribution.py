"""Reported speech stays asserted and names its source in attributed_to."""

from __future__ import annotations

import pytest

from tests.helpers import Extract, only


@pytest.mark.parametrize(
    ("text", "kind", "source", "country"),
    [
        (
            "The Indian Army said Pakistan violated the ceasefire.",
            "ceasefire_violation",
            "The Indian Army",
            "IND",
        ),
        (
            "Pakistan violated the ceasefire, the Indian Army said.",
            "ceasefire_violation",
            "the Indian Army",
            "IND",
        ),
        (
            "According to Pakistani media, China and Pakistan signed a deal.",
            "agreement_signed",
            "Pakistani media",
            "PAK",
        ),
        (
            "India accused Pakistan of violating the ceasefire.",
            "ceasefire_violation",
            "India",
            "IND",
        ),
    ],
)
def test_source_of_reported_event(
    extract: Extract, text: str, kind: str, source: str, country: str
) -> None:
    event = only(extract(text), kind)
    assert event.modality == "asserted"
    assert event.attributed_to is not None
    assert (event.attributed_to.text, event.attributed_to.country) == (source, country)


def test_accused_side_is_the_actor(extract: Extract) -> None:
    event = only(
        extract("India accused Pakistan of violating the ceasefire."), "ceasefire_violation"
    )
    assert {a.country for a in event.actors} == {"PAK"}


def test_unreported_event_has_no_source(extract: Extract) -> None:
    event = only(extract("Kenya and Uganda signed a trade agreement."), "agreement_signed")
    assert event.attributed_to is None
