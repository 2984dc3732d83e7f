"""The seed article yields exactly its 12 gold events (issue: eventx 0.1)."""

from __future__ import annotations

import bisect
import json

import pytest

from eventx import Event
from tests.helpers import ROOT, Extract, analysed, asserted, countries, needs_shared

SEED_TEXT = (ROOT / "seeds" / "china_pakistan_defense_deal.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gold() -> dict[str, object]:
    line = needs_shared("gold/seed.jsonl").read_text(encoding="utf-8").splitlines()[0]
    record: dict[str, object] = json.loads(line)
    assert record["text"] == SEED_TEXT, "seeds/ must hold the gold seed text unchanged"
    return record


@pytest.fixture(scope="module")
def events(extract: Extract) -> list[Event]:
    return extract(SEED_TEXT, published="2020-11-30", doc_id="seed")


def _sentence_of(offset: int) -> int:
    starts = [s.start_char for s in analysed(SEED_TEXT).sents]
    return bisect.bisect_right(starts, offset) - 1


def test_every_gold_event_is_found_with_its_fields(
    gold: dict[str, object], events: list[Event]
) -> None:
    remaining = list(events)
    for item in gold["events"]:  # type: ignore[attr-defined]
        sentence = _sentence_of(item["trigger_start"])
        match = next(
            (e for e in remaining if e.type == item["type"] and e.sentence.index == sentence), None
        )
        assert match is not None, (
            f"missing {item['type']} {item['trigger']!r} in sentence {sentence}"
        )
        remaining.remove(match)
        assert match.modality == item["modality"]
        assert countries(match) == set(item["actors"]), item["trigger"]
        assert {r.country for r in match.recipients} == set(item["recipients"]), item["trigger"]
        if "date" in item:
            assert match.date is not None and match.date.value == item["date"]
        else:
            assert match.date is None or match.date.value is None, item["trigger"]
        if "location" in item:
            assert match.location is not None and item["location"] in match.location.text
        else:
            assert match.location is None, item["trigger"]


def test_places_have_countries_and_coordinates(events: list[Event]) -> None:
    places = {e.location.text: e.location for e in events if e.location}
    rawalpindi = places["Rawalpindi"]
    assert rawalpindi.country == "PAK" and rawalpindi.geonameid == 1166993
    assert rawalpindi.latitude == pytest.approx(33.6, abs=0.1)
    assert rawalpindi.longitude == pytest.approx(73.0, abs=0.1)
    border = places["the Line of Control"]
    assert border.country is None and border.countries == ["IND", "PAK"]


def test_headline_and_first_sentence_are_one_event(events: list[Event]) -> None:
    signings = [e for e in events if e.type == "agreement_signed"]
    headline, first, also, similar = signings
    assert headline.sentence.index == 0 and headline.cluster_id == first.cluster_id
    # "The delegations also signed a new MoU", "A similar MoU was signed last year"
    assert len({first.cluster_id, also.cluster_id, similar.cluster_id}) == 3
    assert len({e.cluster_id for e in events}) == len(events) - 1


def test_dedupe_keeps_one_record_per_event(extract: Extract) -> None:
    deduped = extract(SEED_TEXT, published="2020-11-30", doc_id="seed", dedupe=True)
    assert len(deduped) == 11
    signing = deduped[0]
    assert [m.trigger.text for m in signing.mentions] == ["signed", "Sign"]
    assert signing.mentions[0].event_id == signing.event_id
    assert all(len(e.mentions) == 1 for e in deduped[1:])


def test_no_other_asserted_event(gold: dict[str, object], events: list[Event]) -> None:
    assert len(asserted(events)) == len(gold["events"]) == 12  # type: ignore[arg-type]


def test_relative_dates_resolve_against_publication(events: list[Event]) -> None:
    by_text = {e.date.text.lower(): e.date for e in events if e.date}
    assert by_text["last year"].value == "2019" and by_text["last year"].granularity == "year"
    assert by_text["today"].value == "2020-11-30" and by_text["today"].granularity == "day"


def test_refusal_stray_headline_and_footer_give_nothing(events: list[Event]) -> None:
    for event in events:
        assert "refused to support" not in event.sentence.text or event.type != "agreement_signed"
        assert not event.sentence.text.startswith("India’s Modi Govt")
        assert "Exit mobile version" not in event.sentence.text


def test_type_attributes_and_codes(events: list[Event]) -> None:
    exercise = next(e for e in events if e.type == "military_exercise")
    assert exercise.attributes.phase == "concluded"
    assert exercise.attributes.name == "Malabar-2020"
    assert exercise.cameo == "062" and exercise.plover == "COOPERATE"  # joint, four navies
    summit = next(e for e in events if e.trigger.text == "Summit")
    assert summit.attributes.mode == "virtual"
    visits = [e for e in events if e.attributes.mode == "visit"]
    assert len(visits) == 2 and all(e.cameo == "042" for e in visits)
    assert {r.country for r in visits[0].recipients} == {"PAK"}
    violation = next(e for e in events if e.type == "ceasefire_violation")
    assert (violation.cameo, violation.plover) == ("196", "ASSAULT")
    assert violation.location is not None and violation.location.text == "the Line of Control"


def test_offsets_point_into_the_text(events: list[Event]) -> None:
    for event in events:
        assert SEED_TEXT[event.trigger.start : event.trigger.end] == event.trigger.text
        assert SEED_TEXT[event.sentence.start : event.sentence.end] == event.sentence.text
        for actor in event.actors + event.recipients:
            assert SEED_TEXT[actor.start : actor.end] == actor.text
