"""Event identity: mentions of one real-world event share a cluster_id (issue 3)."""

from __future__ import annotations

from eventx import Event
from tests.helpers import Extract

PUBLISHED = "2021-03-10"


def _clusters(events: list[Event], kind: str) -> list[str]:
    return [e.cluster_id for e in events if e.type == kind]


def test_headline_and_retelling_are_one_event(extract: Extract) -> None:
    text = (
        "Kenya and Uganda Sign Border Security Pact\n\n"
        "Kenya and Uganda signed a border security pact in Nairobi on Monday, officials said."
    )
    headline, body = _clusters(extract(text, published=PUBLISHED), "agreement_signed")
    assert headline == body


def test_the_agreement_signed_on_monday_refers_back(extract: Extract) -> None:
    text = (
        "Chile and Peru signed a fisheries agreement in Lima on Monday. "
        "The agreement signed on Monday is the first between the two."
    )
    first, second = [e for e in extract(text, published=PUBLISHED) if e.type == "agreement_signed"]
    assert first.cluster_id == second.cluster_id
    assert {a.country for a in second.actors} == {"CHL", "PER"}  # from the first mention
    (signing,) = extract(text, published=PUBLISHED, dedupe=True)
    assert [m.sentence_index for m in signing.mentions] == [0, 1]
    assert signing.location is not None and signing.location.text == "Lima"


def test_also_and_similar_mark_another_event(extract: Extract) -> None:
    text = (
        "Chile and Peru signed a fisheries agreement on Monday. "
        "The two governments also signed a customs accord. "
        "A similar accord was signed by Chile and Peru in 2015."
    )
    first, also, similar = _clusters(extract(text, published=PUBLISHED), "agreement_signed")
    assert len({first, also, similar}) == 3


def test_other_parties_or_dates_are_other_events(extract: Extract) -> None:
    text = (
        "France and Germany signed a treaty on energy on Monday. "
        "Italy and Spain signed a treaty on energy on Tuesday. "
        "France and Germany signed a treaty on energy in 1995."
    )
    clusters = _clusters(extract(text, published=PUBLISHED), "agreement_signed")
    assert len(set(clusters)) == 3


def test_future_and_past_mentions_stay_apart(extract: Extract) -> None:
    text = (
        "Japan and Vietnam held talks in Hanoi on Monday. Japan and Vietnam will hold talks again."
    )
    events = [e for e in extract(text, published=PUBLISHED) if e.type == "meeting_held"]
    assert [e.modality for e in events] == ["asserted", "future"]
    assert events[0].cluster_id != events[1].cluster_id


def test_a_partial_mention_takes_the_event_parties(extract: Extract) -> None:
    text = (
        "Russia, Turkey and Iran held a summit in Sochi on Monday. "
        "At the summit, Turkey criticised the United States."
    )
    first, second = [e for e in extract(text, published=PUBLISHED) if e.trigger.text == "summit"]
    assert first.cluster_id == second.cluster_id
    assert {a.country for a in second.actors} == {"RUS", "TUR", "IRN"}


def test_cluster_ids_are_stable(extract: Extract) -> None:
    text = "Kenya and Uganda signed a border pact. The signing took place in Nairobi."
    runs = [[e.cluster_id for e in extract(text, doc_id="d1")] for _ in range(2)]
    assert runs[0] == runs[1] and all(c.startswith("cl-") for c in runs[0])
