"""Modality from the trigger's dependency context, one cue per test."""

from __future__ import annotations

import pytest

from tests.helpers import Extract, only


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # negated: negation, refusal, denial, failure, "no"
        ("Ghana did not sign the agreement.", "agreement_signed", "negated"),
        ("Mali refused to sign the peace accord.", "agreement_signed", "negated"),
        ("The two leaders failed to reach a deal.", "agreement_signed", "negated"),
        ("Nepal declined to meet the Indian delegation.", "meeting_held", "negated"),
        # future: will, plans, agreement to act, "were to", upcoming
        ("Spain and Morocco will sign a fisheries pact next month.", "agreement_signed", "future"),
        (
            "Jordan and Britain agreed to hold joint military exercises.",
            "military_exercise",
            "future",
        ),
        ("The Brazilian president plans to visit Angola.", "meeting_held", "future"),
        ("Senegal is expected to sign the treaty.", "agreement_signed", "future"),
        ("Talks are due to resume in Doha.", "meeting_held", "future"),
        ("The upcoming summit will focus on trade.", "meeting_held", "future"),
        (
            "Mediators made efforts to broker a truce between the clans.",
            "agreement_signed",
            "future",
        ),
        # hypothetical: modals, conditions, calls by others
        ("Kenya could sign the agreement within weeks.", "agreement_signed", "hypothetical"),
        ("If Sudan and Egypt meet, the dispute may ease.", "meeting_held", "hypothetical"),
        ("The UN urged Ethiopia to sign the accord.", "agreement_signed", "hypothetical"),
        ("Activists called for talks between Serbia and Kosovo.", "meeting_held", "hypothetical"),
        # asserted: reported speech and past facts stay asserted
        ("The ministry said Qatar and Oman signed the agreement.", "agreement_signed", "asserted"),
        (
            "Officials said the Thai and Cambodian ministers met in Bangkok.",
            "meeting_held",
            "asserted",
        ),
        (
            "India refused to back the plan during a summit hosted by Russia.",
            "meeting_held",
            "asserted",
        ),
    ],
)
def test_modality_cue(extract: Extract, text: str, kind: str, expected: str) -> None:
    assert only(extract(text), kind).modality == expected


def test_event_dated_after_publication_is_future(extract: Extract) -> None:
    event = only(
        extract("Argentina and Chile sign the treaty on 12 December 2020.", published="2020-11-30"),
        "agreement_signed",
    )
    assert event.modality == "future"
