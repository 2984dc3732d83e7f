"""Places: where the event took place, coded to country and GeoNames coordinates (issue 3)."""

from __future__ import annotations

import pytest

from eventx.coding.places import locate
from tests.helpers import Extract, only


def test_city_gets_country_and_coordinates(extract: Extract) -> None:
    event = only(
        extract("The foreign ministers of Iran and Iraq met in Geneva on Tuesday."), "meeting_held"
    )
    assert event.location is not None and event.location.text == "Geneva"
    assert event.location.country == "CHE" and event.location.countries == ["CHE"]
    assert event.location.latitude == pytest.approx(46.2, abs=0.1)
    assert event.location.geonameid is not None


def test_the_place_of_the_event_not_every_place(extract: Extract) -> None:
    text = "Leaders of Brazil and Argentina met in Buenos Aires after a flight from Madrid."
    event = only(extract(text), "meeting_held")
    assert event.location is not None and event.location.text == "Buenos Aires"
    assert event.location.country == "ARG"


def test_state_has_country_but_no_point() -> None:
    place = locate("Syria", 0, 5)
    assert place.country == "SYR" and place.latitude is None and place.geonameid is None


def test_border_features_resolve_to_both_sides() -> None:
    place = locate("the Line of Actual Control", 0, 26)
    assert place.country is None and place.countries == ["CHN", "IND"]


def test_place_carries_to_the_same_parties_next_event(extract: Extract) -> None:
    text = (
        "The defence ministers of Egypt and Sudan met in Khartoum on Monday. "
        "Egypt and Sudan also signed a defence agreement."
    )
    signing = only(extract(text, published="2021-03-10"), "agreement_signed")
    assert signing.location is not None and signing.location.text == "Khartoum"
    assert signing.location.inherited and signing.location.country == "SDN"


def test_a_visit_to_a_city_is_hosted_by_its_country(extract: Extract) -> None:
    text = "China's defence minister paid a visit to army headquarters in Rawalpindi."
    event = only(extract(text), "meeting_held")
    assert [r.country for r in event.recipients] == ["PAK"]


def test_a_leader_named_like_a_city_is_no_place(extract: Extract) -> None:
    text = "Reporters asked about a confidential Obama phone call to President Medvedev."
    call = only(extract(text), "meeting_held")
    assert call.location is None  # Obama is also a city in Japan
