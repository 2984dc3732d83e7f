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
            "The deal leaves contentious topics for later talks between Japan and Korea.",
            "meeting_held",
            "future",
        ),
        (
            "Mediators made efforts to broker a truce between the clans.",
            "agreement_signed",
            "future",
        ),
        (
            "Chile and Peru are working in order to get back to talks with Bolivia.",
            "meeting_held",
            "future",
        ),  # a purpose infinitive reached through an adverb ("back to")
        ("Russia postponed a conference with Syria and Turkey.", "meeting_held", "future"),
        (
            "A summit of Iran and Iraq to be held in Baghdad was announced.",
            "meeting_held",
            "future",
        ),
        ("Two summits of Chad and Niger are to be staged this week.", "meeting_held", "future"),
        ("Chad, Niger to hold joint military drills", "military_exercise", "future"),
        ("India ruled out any talks with Pakistan.", "meeting_held", "negated"),
        ("Pompeo announced a summit of Poland and Israel.", "meeting_held", "future"),
        # hypothetical: modals, conditions, calls by others
        ("Palestinians want a return to peace talks with Israel.", "meeting_held", "hypothetical"),
        (
            "The tariffs complicated the task of striking a deal with China.",
            "agreement_signed",
            "hypothetical",
        ),  # a task, a goal, an attempt: not yet done
        (
            "Ankara opposes any Kurdish role in the talks with Syria.",
            "meeting_held",
            "hypothetical",
        ),
        (
            "The rebels will not participate in any negotiations with Damascus.",
            "meeting_held",
            "negated",
        ),
        # what is said of an event with "be" does not deny it
        ("Iran said the talks with Iraq were not a success.", "meeting_held", "asserted"),
        ("The summit of Iran and Iraq was not held.", "meeting_held", "negated"),
        # a noun about an existing event leaves it asserted; a measure of it does not
        (
            "The Northern Alliance demanded an adjournment of the talks with Pakistan.",
            "meeting_held",
            "asserted",
        ),
        ("Two days of talks between Iran and Iraq will open on Monday.", "meeting_held", "future"),
        (
            "Pakistan will hold a meeting on the sidelines of the SAARC summit.",
            "meeting_held",
            "future",
        ),
        ("Kenya could sign the agreement within weeks.", "agreement_signed", "hypothetical"),
        ("If Sudan and Egypt meet, the dispute may ease.", "meeting_held", "hypothetical"),
        ("The UN urged Ethiopia to sign the accord.", "agreement_signed", "hypothetical"),
        ("Activists called for talks between Serbia and Kosovo.", "meeting_held", "hypothetical"),
        # a refusal that is only asked for or possible is no fact; a reported one is
        (
            "Rights groups urged the envoy not to attend the conference in Sochi.",
            "meeting_held",
            "hypothetical",
        ),
        (
            "The opposition has not ruled out attending the summit in Astana.",
            "meeting_held",
            "hypothetical",
        ),
        (
            "He said a trade deal with Chile could not be finalised until May.",
            "agreement_signed",
            "hypothetical",
        ),
        ("Kurdish leaders said they would not attend the talks.", "meeting_held", "negated"),
        # an event someone already owns is a fact under a condition or a demand
        (
            "North Korea said talks would not resume unless the South offered an excuse for "
            "its military exercise with the US.",
            "military_exercise",
            "asserted",
        ),
        (
            "South Korea will hold its annual joint exercise with the US next week.",
            "military_exercise",
            "future",
        ),
        ("Pakistan called the meeting with India a failure.", "meeting_held", "asserted"),
        (
            "The senators asked about the phone call between Obama and Medvedev.",
            "meeting_held",
            "asserted",
        ),  # asking about an event speaks of it; asking for one is hypothetical
        # conditions, unconfirmed plans and yes-no questions are hypothetical
        (
            "Aid will flow if the talks between Sudan and Chad are to make progress.",
            "meeting_held",
            "hypothetical",
        ),
        (
            "Syria has not confirmed that its delegation will attend the talks with Jordan.",
            "meeting_held",
            "hypothetical",
        ),
        ("Is Libya expected to sign the treaty with Chad?", "agreement_signed", "hypothetical"),
        (
            "Did Armenia violate the ceasefire with Azerbaijan?",
            "ceasefire_violation",
            "hypothetical",
        ),
        (
            "Who broke the ceasefire agreement between Armenia and Azerbaijan?",
            "ceasefire_violation",
            "asserted",
        ),
        ("North Korea has no plans to meet South Korea.", "meeting_held", "negated"),
        ("North Korea has plans to meet South Korea.", "meeting_held", "future"),
        (
            "Neither the withdrawal nor the cuts were preceded by talks with Germany and France.",
            "meeting_held",
            "negated",
        ),
        (
            "Delegates from Syria and Iran made their way to Sochi to attend a conference.",
            "meeting_held",
            "asserted",
        ),
        (
            "China will not commit to a meeting until a deal with the US is finalized.",
            "agreement_signed",
            "future",
        ),
        ("Talks went on until Iran and Iraq signed a deal.", "agreement_signed", "asserted"),
        ("Russia and Turkey are going to sign a deal.", "agreement_signed", "future"),
        # reported "would" is the reporter's "will"; an offer is a plan (GUIDELINES)
        (
            "Officials said the ministers of Thailand and Laos would meet in Cairo.",
            "meeting_held",
            "future",
        ),
        (
            "It was agreed that army chiefs of Laos and Vietnam should meet.",
            "meeting_held",
            "future",
        ),
        (
            "Hanoi said it would boycott talks with Laos if the border stayed closed.",
            "meeting_held",
            "hypothetical",
        ),
        (
            "Khan repeated his offer of holding talks with Indian Prime Minister Modi.",
            "meeting_held",
            "future",
        ),
        # asserted: reported speech and past facts stay asserted
        ("Chile announced a trade deal with Peru.", "agreement_signed", "asserted"),
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
        # a past clause keeps its own tense under a future one
        (
            "Syrian envoys will arrive in Geneva after Russia brokered a deal with Turkey.",
            "agreement_signed",
            "asserted",
        ),
        # "despite the summit": the summit is a fact whatever the main clause says
        (
            "Attacks will continue despite the summit of Israel and Jordan.",
            "meeting_held",
            "asserted",
        ),
        # what was promised at a meeting: the meeting itself took place
        (
            "Russia promised to set up a committee at a meeting with Turkey in Sochi.",
            "meeting_held",
            "asserted",
        ),
        # what others welcome happened: "welcome" is no appeal
        (
            "Kazakhstan's ratification of the test ban treaty was welcomed by the UN.",
            "agreement_signed",
            "asserted",
        ),
        # an owned event that is not held, or is called off
        ("Seoul and Washington did not hold their spring drills.", "military_exercise", "negated"),
        ("Greece cancelled its naval drills near Rhodes.", "military_exercise", "negated"),
        # the purpose of a trip is still to come; so is what a clause comes ahead of
        ("The British prime minister heads to Hungary for a summit.", "meeting_held", "future"),
        ("Turkey is cautiously optimistic ahead of the EU summit.", "meeting_held", "future"),
        # ... unless the clause is told in the past, after the event
        (
            "The Syrian opposition had broadened its team ahead of the talks with Damascus.",
            "meeting_held",
            "asserted",
        ),
        # warned against: hypothetical
        (
            "China warned Singapore officials against visiting Taiwan.",
            "meeting_held",
            "hypothetical",
        ),
        # an aim inside what someone is urged to do is asked for, not planned
        (
            "Powell urged China to use its influence to resume talks with North Korea.",
            "meeting_held",
            "hypothetical",
        ),
        # a participial adjunct is a circumstance of the act: what the verb
        # calls for or refuses is its complement, but its auxiliary still counts
        (
            "Visiting Nairobi, the Ugandan president called for calm in Sudan.",
            "meeting_held",
            "asserted",
        ),
        (
            "Arriving in Kabul, the Pakistani envoy refused to comment.",
            "meeting_held",
            "asserted",
        ),
        (
            "Visiting Nairobi next week, the Ugandan president will open a road.",
            "meeting_held",
            "future",
        ),
        # a condition on the event's own verb makes it hypothetical, even under
        # a plan; "even if" and "especially if" set no condition
        (
            "The rebels vowed to break the ceasefire if government troops advanced.",
            "ceasefire_violation",
            "hypothetical",
        ),
        (
            "India will hold talks with Pakistan if the shelling stops.",
            "meeting_held",
            "hypothetical",
        ),
        (
            "India will hold talks with Pakistan even if the shelling goes on.",
            "meeting_held",
            "future",
        ),
        (
            "The two sides continue to negotiate and could sign a deal, if Iran agrees.",
            "meeting_held",
            "asserted",
        ),
        # talks that failed took place; talks that failed to materialise did not
        ("The talks between Russia and Turkey had failed.", "meeting_held", "asserted"),
        ("The talks between Russia and Turkey failed to materialise.", "meeting_held", "negated"),
        # an offer is a plan, unless it is turned down
        ("Egypt accepted an invitation to talks with Ethiopia.", "meeting_held", "future"),
        ("Ethiopia declined an invitation to talks with Egypt.", "meeting_held", "negated"),
        # an effort is an aim: "working to", "striving to"
        ("Qatar is working to broker a peace deal with Sudan.", "agreement_signed", "future"),
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


def test_present_mention_of_an_upcoming_event_is_future(extract: Extract) -> None:
    text = (
        "Russia will host a conference with Syria and Turkey in Sochi next month. "
        "The Sochi conference is seen as a rival to the UN process."
    )
    conferences = [e for e in extract(text, published="2018-01-04") if e.type == "meeting_held"]
    assert [e.modality for e in conferences] == ["future", "future"]


def test_a_past_trip_made_to_meet_reports_the_meeting(extract: Extract) -> None:
    events = extract("Carter travelled to Pyongyang to meet with Kim Il Sung.")
    meet = next(e for e in events if e.trigger.text == "meet")
    assert meet.modality == "asserted"


def test_called_off_is_negated_not_a_call(extract: Extract) -> None:
    event = only(extract("Kenya called off talks with Somalia."), "meeting_held")
    assert event.modality == "negated"


def test_named_retelling_of_a_planned_event_is_future(extract: Extract) -> None:
    text = (
        "Civil society groups warned that a planned Russian-sponsored conference will entrench "
        "Assad. The Sochi conference is seen as a showpiece for Putin."
    )
    conferences = [e for e in extract(text, published="2018-01-04") if e.type == "meeting_held"]
    assert [e.modality for e in conferences] == ["future", "future"]


def test_named_retelling_in_the_past_of_a_still_possible_event_is_future(
    extract: Extract,
) -> None:
    text = (
        "The Syrian opposition has not ruled out attending a Russian-hosted conference in "
        "Sochi. A Syrian envoy dismissed the Sochi conference as a meeting of the regime."
    )
    conferences = [e for e in extract(text, published="2018-01-16") if e.type == "meeting_held"]
    assert [e.modality for e in conferences] == ["hypothetical", "future"]


def test_an_exercise_someone_is_to_conclude_is_under_way(extract: Extract) -> None:
    text = "South Korea and the U.S. were to wrap up their joint exercise later in the day."
    assert only(extract(text), "military_exercise").modality == "asserted"
    planned = "South Korea and the U.S. will hold a joint exercise next month."
    assert only(extract(planned, published="2021-03-10"), "military_exercise").modality == "future"


def test_the_planned_event_again_in_its_sentence_is_still_to_come(extract: Extract) -> None:
    text = (
        "The Syrian opposition has not ruled out attending a conference in Sochi with Russia, "
        "but said messages about the conference were negative."
    )
    conferences = [e for e in extract(text) if e.type == "meeting_held"]
    assert len(conferences) == 2
    assert "asserted" not in {e.modality for e in conferences}
