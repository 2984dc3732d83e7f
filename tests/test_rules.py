"""One test per rule family, on sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.helpers import Extract, analysed, asserted, countries, only


# -- agreement_signed ------------------------------------------------------
def test_agreement_active_voice(extract: Extract) -> None:
    event = only(
        extract("Kenya and Uganda signed a trade agreement in Nairobi on Tuesday."),
        "agreement_signed",
    )
    assert event.modality == "asserted"
    assert countries(event) == {"KEN", "UGA"}
    assert event.attributes.kind == "trade agreement"
    assert event.location is not None and event.location.text == "Nairobi"
    assert (event.cameo, event.plover) == ("057", "SUPPORT")


def test_agreement_passive_voice_with_agent(extract: Extract) -> None:
    event = only(extract("A border treaty was signed by Peru and Ecuador."), "agreement_signed")
    assert countries(event) == {"PER", "ECU"}


def test_agreement_with_partner_on_the_noun(extract: Extract) -> None:
    event = only(extract("Norway signed a fisheries accord with Iceland."), "agreement_signed")
    assert countries(event) == {"NOR", "ISL"}


def test_agreement_without_named_party_is_kept(extract: Extract) -> None:
    event = only(extract("The accord was sealed after nine days of talks."), "agreement_signed")
    # the passive names no party: it is unknown, no country is invented
    assert [(a.label, a.country) for a in event.actors] == [("UNKNOWN", None)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Russia and Turkey made a deal on Idlib.", True),
        ("Iran and Iraq cut a deal on oil exports.", True),
        ("Russia and Turkey made the agreement public.", False),  # an object predicate
        ("Humanity made a Faustian bargain with the climate, Hansen said.", False),
    ],
)
def test_making_or_cutting_a_deal(extract: Extract, text: str, found: bool) -> None:
    assert bool(asserted(extract(text), "agreement_signed")) is found


def test_agreement_reached_and_ratified(extract: Extract) -> None:
    events = extract(
        "Chile ratified the convention in 1998, and Bolivia and Paraguay reached a "
        "settlement a year later."
    )
    assert len(asserted(events, "agreement_signed")) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The signing of a treaty between Poland and Ukraine took place in Lublin.",
            {"POL", "UKR"},
        ),
        ("Qatar hosted the signing of a deal between Chad and Sudan.", {"TCD", "SDN"}),
        ("After the conclusion of a trade pact with Mexico, Japan cut tariffs.", {"JPN", "MEX"}),
    ],
)
def test_signing_noun_takes_the_agreement_s_own_parties(
    extract: Extract, text: str, expected: set[str]
) -> None:
    """ "The signing of X between A and B": A and B sign, not the host of the
    ceremony; "with" adds a partner to the clause's subject."""
    assert countries(only(extract(text), "agreement_signed")) == expected


def test_talks_that_produce_an_agreement_are_its_parties(extract: Extract) -> None:
    events = extract("Talks between Serbia and Kosovo produced an agreement on licence plates.")
    assert countries(only(events, "agreement_signed")) == {"SRB", "XKX"}


def test_ceasefire_agreement_gets_its_own_cameo_code(extract: Extract) -> None:
    event = only(extract("The two militias agreed a ceasefire on Sunday."), "agreement_signed")
    assert event.cameo == "0871"


@pytest.mark.parametrize(
    "text",
    [
        "The president signed a decree on taxes.",
        "Under the agreement, troops will leave the city.",
        "Finland is a signatory to the convention.",
        "By 2016 he had secured just one contract, to guard a hotel.",
        "Qantas and two unions reached a deal on wages.",
        # one side's declaration (GUIDELINES)
        "The Saudi-led coalition announced a unilateral ceasefire in Yemen.",
        "The rebels declared a one-sided truce for the holiday.",
    ],
)
def test_not_an_agreement(extract: Extract, text: str) -> None:
    assert asserted(extract(text), "agreement_signed") == []


# -- meeting_held ----------------------------------------------------------
def test_meeting_verb_with_coordinated_subject(extract: Extract) -> None:
    event = only(
        extract("The foreign ministers of Peru and Bolivia met in Lima on Monday."), "meeting_held"
    )
    assert countries(event) == {"PER", "BOL"}
    assert event.location is not None and event.location.text == "Lima"


def test_held_talks_with(extract: Extract) -> None:
    event = only(extract("Vietnam held talks with Laos on border security."), "meeting_held")
    assert countries(event) == {"VNM", "LAO"}
    assert event.cameo == "046"  # negotiations


def test_visit_of_x_to_y(extract: Extract) -> None:
    event = only(
        extract(
            "The deal was announced during a visit of the Japanese prime minister to Canberra."
        ),
        "meeting_held",
    )
    assert event.attributes.mode == "visit"
    assert countries(event) == {"JPN"}
    assert {r.country for r in event.recipients} == {"AUS"}


def test_phone_call(extract: Extract) -> None:
    event = only(
        extract("Egypt's president held a phone call with the Jordanian king."), "meeting_held"
    )
    assert event.attributes.mode == "phone"
    assert countries(event) == {"EGY", "JOR"}


def test_official_travel_is_a_visit(extract: Extract) -> None:
    event = only(
        extract("The Egyptian foreign minister travelled to Khartoum on Monday."), "meeting_held"
    )
    assert event.attributes.mode == "visit"
    assert {r.country for r in event.recipients} == {"SDN"}


def test_sentence_initial_participle_mistagged_as_a_name(extract: Extract) -> None:
    """The model tags "Visiting" first in a sentence as a proper noun: the
    participle of a rule verb with an object is still that verb."""
    event = only(
        extract("Visiting Nairobi, the Ugandan president called for calm in Sudan."),
        "meeting_held",
    )
    assert event.modality == "asserted"
    assert countries(event) == {"UGA"}
    assert {r.country for r in event.recipients} == {"KEN"}


def test_travel_to_a_capital_the_ner_tags_as_a_person(extract: Extract) -> None:
    event = only(extract("The Kenyan foreign minister flew to Accra on Monday."), "meeting_held")
    assert countries(event) == {"KEN"}
    assert {r.country for r in event.recipients} == {"GHA"}


def test_an_event_at_whose_close_the_clause_acts(extract: Extract) -> None:
    """ "At the close/end/in the course of X, Y did Z": Y took part in X, and X
    was held (a phase noun is no "close to" cue)."""
    event = only(
        extract("At the close of an exercise with Vietnamese forces, the Indian navy sailed home."),
        "military_exercise",
    )
    assert (event.modality, countries(event)) == ("asserted", {"VNM", "IND"})


def test_the_reporter_of_an_exercise_with_a_partner_held_it(extract: Extract) -> None:
    """ "X's navy chief said the exercise with Y had ended": X's side held it
    with Y; a verb that is no report ("condemned") adds no side."""
    said = "India's navy chief said the exercise with the French navy had concluded."
    assert countries(only(extract(said), "military_exercise")) == {"IND", "FRA"}
    condemned = "China condemned the exercise with Japan."
    assert countries(only(extract(condemned), "military_exercise")) == {"JPN"}


def test_who_kicks_off_a_visit_makes_it(extract: Extract) -> None:
    event = only(
        extract("Pakistan's president kicked off a three-day visit to Italy on Monday."),
        "meeting_held",
    )
    assert countries(event) == {"PAK"}
    assert {r.country for r in event.recipients} == {"ITA"}


def test_a_meeting_of_their_ministers_is_a_meeting(extract: Extract) -> None:
    event = only(
        extract("Russia and China held a meeting of their foreign ministers."), "meeting_held"
    )
    assert countries(event) == {"RUS", "CHN"}


def test_a_meeting_and_its_purpose_are_one_event(extract: Extract) -> None:
    """ "met in Nairobi to discuss the dispute": one meeting, held."""
    events = extract("Kenya and Somalia met in Nairobi to discuss the maritime dispute.")
    meetings = [e for e in events if e.type == "meeting_held"]
    assert [(e.modality, countries(e)) for e in meetings] == [("asserted", {"KEN", "SOM"})]


def test_handshake_is_a_meeting(extract: Extract) -> None:
    event = only(
        extract("The Chilean president shook the hand of the Peruvian prime minister."),
        "meeting_held",
    )
    assert countries(event) == {"CHL", "PER"}


def test_envoy_sent_to_a_country_is_a_visit(extract: Extract) -> None:
    event = only(
        extract("The Norwegian foreign minister was sent to Colombia last week."), "meeting_held"
    )
    assert event.attributes.mode == "visit"
    assert countries(event) == {"NOR"} and {r.country for r in event.recipients} == {"COL"}


def test_summit_without_named_parties_is_kept(extract: Extract) -> None:
    event = only(extract("The summit opened in Addis Ababa on Sunday."), "meeting_held")
    assert event.attributes.mode == "multilateral"


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet meeting approved the budget.",
        "The minister told a press conference that prices would fall.",
        "She spoke to reporters outside the court.",
        "The figures came from the National Conference of State Legislatures.",
        "He travelled to Pakistan in 1999 to train with a militant group.",
        "A growing number of tourists join the package tours to Bali.",
        # one actor's own body in session (GUIDELINES: "a cabinet meeting")
        "The Burmese junta held a meeting of its ruling council.",
    ],
)
def test_not_a_meeting(extract: Extract, text: str) -> None:
    assert asserted(extract(text), "meeting_held") == []


# -- military_exercise -----------------------------------------------------
def test_joint_drills_with_coordination(extract: Extract) -> None:
    event = only(
        extract("The navies of Canada, Chile and Peru held joint drills off the coast."),
        "military_exercise",
    )
    assert countries(event) == {"CAN", "CHL", "PER"}
    assert (event.cameo, event.plover) == ("062", "COOPERATE")


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "The drills involved 10,000 troops from Russia and Belarus.",
            "military_exercise",
            {"RUS", "BLR"},
        ),
        (
            "The Geneva summit brought together the American and Russian presidents.",
            "meeting_held",
            {"USA", "RUS"},
        ),
    ],
)
def test_an_event_that_involves_its_parties(
    extract: Extract, text: str, kind: str, expected: set[str]
) -> None:
    """An event noun as subject of "involve", "include", "bring together": its
    objects are the parties; "does not include X" leaves X out."""
    assert countries(only(extract(text), kind)) == expected


def test_war_games_single_state(extract: Extract) -> None:
    event = only(extract("Greece staged war games in the Aegean Sea."), "military_exercise")
    assert countries(event) == {"GRC"}
    assert (event.cameo, event.plover) == ("150", "MOBILIZE")


@pytest.mark.parametrize(
    ("verb", "phase"), [("began", "began"), ("concluded", "concluded"), ("held", "held")]
)
def test_exercise_phase(extract: Extract, verb: str, phase: str) -> None:
    event = only(extract(f"Egypt and Sudan {verb} joint military exercises."), "military_exercise")
    assert event.attributes.phase == phase


def test_named_exercise(extract: Extract) -> None:
    event = only(
        extract("India and France concluded the Varuna-2021 exercise on Friday."),
        "military_exercise",
    )
    assert event.attributes.name == "Varuna-2021"


@pytest.mark.parametrize(
    "text",
    [
        "Both sides were urged to exercise restraint.",
        "The census was a nation-building exercise.",
    ],
)
def test_not_an_exercise(extract: Extract, text: str) -> None:
    assert [e for e in extract(text) if e.type == "military_exercise"] == []


# -- ceasefire_violation ---------------------------------------------------
def test_violation_verb(extract: Extract) -> None:
    event = only(
        extract("Azerbaijani forces violated the ceasefire near the border."), "ceasefire_violation"
    )
    assert countries(event) == {"AZE"}
    assert (event.cameo, event.plover) == ("196", "ASSAULT")


def test_violation_noun(extract: Extract) -> None:
    event = only(
        extract("Monitors recorded ceasefire violations along the line of contact."),
        "ceasefire_violation",
    )
    assert event.modality == "asserted"


def test_tokenised_cease_fire_is_one_word(extract: Extract) -> None:
    event = only(
        extract("Rebels breached the cease - fire twice on Friday ."), "ceasefire_violation"
    )
    assert event.trigger.text == "breached"


def test_fighting_not_framed_as_violation(extract: Extract) -> None:
    assert [
        e
        for e in extract("Heavy fighting broke out near the border.")
        if e.type == "ceasefire_violation"
    ] == []


# -- headlines -------------------------------------------------------------
def test_title_case_headline(extract: Extract) -> None:
    events = extract("Peru, Bolivia Sign New Trade Deal Amid Border Dispute\n\nMore text follows.")
    event = only(events, "agreement_signed")
    assert countries(event) == {"PER", "BOL"}
    assert event.trigger.text == "Sign"  # offsets and text from the document, not the re-cased copy


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Turkey agreed a plan for Idlib on Monday.",
        "Russia and Turkey agree on plan to avert war in Idlib.",
    ],
)
def test_agreeing_on_a_plan_is_an_agreement(extract: Extract, text: str) -> None:
    event = only(extract(text), "agreement_signed")
    assert {a.country for a in event.actors} == {"RUS", "TUR"}


def test_agreeing_to_act_is_not_an_agreement(extract: Extract) -> None:
    events = extract("Russia agreed to a plan proposed by the mayor of Kazan.")
    assert not [e for e in events if e.type == "agreement_signed"]


def test_counted_parties_and_named_visitors_are_not_banned_modifiers(extract: Extract) -> None:
    talks = extract("China hosted six-party talks with Japan and Russia in Beijing.")
    assert [e for e in talks if e.type == "meeting_held" and "talks" in e.trigger.text]
    visit = extract("Hall's visit to Iraq began on Sunday, the US embassy said.")
    assert [e for e in visit if e.type == "meeting_held" and e.trigger.text == "visit"]


@pytest.mark.parametrize(
    "text",
    [
        "The mic in the main conference room of the Iranian embassy recorded everything.",
        "A member of the Syrian opposition's high negotiations committee criticised Russia.",
        "Australia's minister said there had been 1,000 boat arrivals from Indonesia.",
        "The UN renewed its calls with increasing urgency for a ceasefire in Syria.",
        "After legal consultation, Washington said Israeli settlements were lawful.",
    ],
)
def test_event_noun_naming_a_thing_is_no_event(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text) if e.type == "meeting_held"]


def test_an_organisation_s_own_conference_is_no_meeting(extract: Extract) -> None:
    text = "Assange was accused of rape following a Wikileaks conference in Stockholm in 2010."
    assert not [e for e in extract(text) if e.type == "meeting_held"]


def test_a_call_with_someone_is_a_phone_call(extract: Extract) -> None:
    text = "In separate calls with Prime Minister Sharon and Yasser Arafat, Chirac urged calm."
    call = only(extract(text), "meeting_held")
    assert call.attributes.mode == "phone" and {"ISR", "PSE"} <= {a.country for a in call.actors}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("India's home minister addressed a meeting of business and industry leaders.", False),
        ("The Indian minister met business leaders from China in Delhi.", False),
        ("India's industry minister met China's trade minister in Delhi.", True),
        ("The Singapore army is in talks with local companies on the product.", False),
        ("The Singapore army is in talks with the Malaysian army on the product.", True),
        ("A meeting chaired by Palestinian leader Yasser Arafat called for calm.", False),
        ("The Palestinian Authority in a meeting headed by Mr Arafat took a decision.", False),
        ("The focus of discussion of Ukraine is on the inquiry, Trump said.", False),
        ("The discussion of Ukraine with Russia in Minsk went well, Trump said.", True),
        ("A summit chaired by Egypt called for calm.", True),  # a summit has other sides
        ("Russia backs Assad in Syria. When the UN security council met, Russia vetoed.", False),
        ("Senator Bartlett met last night with deputy leader Aden Ridgeway.", False),
        ("Senator Bartlett met last night with Indonesia's President Megawati.", True),
    ],
)
def test_a_meeting_needs_two_political_sides(extract: Extract, text: str, kept: bool) -> None:
    assert bool(asserted(extract(text), "meeting_held")) is kept


def test_a_business_deal_in_a_business_story_is_out(extract: Extract) -> None:
    text = (
        "Emirates Airline finalized a deal to buy 30 jets. "
        "Executives of both companies spoke at the air show. "
        "The deal was approved by shareholders on Monday."
    )
    assert not [e for e in extract(text) if e.type == "agreement_signed"]


DEAL_WITHOUT_PARTIES = (
    "Sales rose by a tenth last year. Prices fell in the spring. "
    "Output doubled at the new site. A deal was reached after months of work."
)
TALKS_OF_THE_PARTIES = (
    "The parties were locked in private talks yesterday in the Industrial Relations "
    "Commission. The national secretary of the union says everything was tried."
)


@pytest.mark.parametrize(
    ("opening", "rest", "kind", "kept"),
    [
        # a story naming states only as places is not political ...
        (
            "The ministers of Mexico and Canada met in Ottawa on trade. ",
            DEAL_WITHOUT_PARTIES,
            "agreement_signed",
            True,
        ),
        (
            "Acme opened a plant in Mexico. It already sells its pumps in Canada. ",
            DEAL_WITHOUT_PARTIES,
            "agreement_signed",
            False,
        ),
        # ... and a group reference ("the parties") needs a political story too
        (
            "Israel and the Palestinians sent envoys to Cairo. ",
            TALKS_OF_THE_PARTIES,
            "meeting_held",
            True,
        ),
        (
            "Unions representing Australian airline workers warned of more strikes. ",
            TALKS_OF_THE_PARTIES,
            "meeting_held",
            False,
        ),
    ],
)
def test_an_event_without_parties_of_its_own_needs_a_political_story(
    extract: Extract, opening: str, rest: str, kind: str, kept: bool
) -> None:
    assert bool(asserted(extract(opening + rest), kind)) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Erdogan spoke in Ankara. He said his visit to Berlin had gone well.", True),
        ("David Ruiz spoke in Madrid. He said his trip to Las Vegas had gone well.", False),
    ],
)
def test_a_visit_by_a_pronoun_for_nobody_coded_is_a_private_trip(
    extract: Extract, text: str, kept: bool
) -> None:
    assert bool(asserted(extract(text), "meeting_held")) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("President Trump made a trip to Walter Reed hospital on Saturday.", False),
        ("On a visit to the Cambridge Union in 2007, Talabani praised Blair.", False),
        ("Modi's visit to the White House was a success.", True),
        ("Modi's visit to Washington was a success.", True),
        (
            "Maluku province in Indonesia is tense. Fighting has claimed hundreds of lives in "
            "Indonesia. Many blame the violence on the arrival of members of the Laskar Jihad "
            "Muslim Militia from training camps in Java.",
            False,
        ),  # an armed group's arrival is a deployment
        ("Violence eased after the arrival of US envoy Anthony Zinni in Ramallah.", True),
        (
            "During the visit of Gen. Xu to Army headquarters in Rawalpindi, a pact was signed.",
            True,
        ),
    ],
)
def test_what_is_and_is_not_a_state_visit(extract: Extract, text: str, kept: bool) -> None:
    assert bool(asserted(extract(text), "meeting_held")) is kept


@pytest.mark.parametrize(
    ("text", "business"),
    [
        ("After lengthy negotiations last weekend, Qantas had sought a ballot.", True),
        ("After lengthy negotiations last weekend, the UN sought a vote on Syria.", False),
    ],
)
def test_a_partyless_event_told_by_a_firm_is_its_business(text: str, business: bool) -> None:
    from eventx.events.scope import _told_by_non_political

    doc = analysed(text)
    trigger = next(t for t in doc if t.lower_ == "negotiations")
    assert _told_by_non_political(trigger) is business


def test_military_word_inside_a_compound_name(extract: Extract) -> None:
    text = "The joint command post exercise of South Korea and the U.S. ended on Tuesday."
    event = only(extract(text), "military_exercise")
    assert {a.country for a in event.actors} == {"KOR", "USA"}


@pytest.mark.parametrize(
    "text",
    [
        "Syria and Turkey violated the ceasefire agreement.",
        "Our ceasefire agreement ended up broken.",
    ],
)
def test_ceasefire_agreement_broken_is_a_violation(extract: Extract, text: str) -> None:
    assert only(extract(text), "ceasefire_violation").modality == "asserted"


def test_an_opposition_leader_abroad_is_on_a_visit(extract: Extract) -> None:
    text = "Syrian opposition leader Nasr Hariri, who is in London, criticised the plan."
    event = only(extract(text), "meeting_held")
    assert [r.country for r in event.recipients] == ["GBR"] and event.attributes.mode == "visit"


def test_gerund_after_a_preposition_takes_the_main_subject(extract: Extract) -> None:
    text = "Bolton, before arriving in Ankara, had contradicted the US president."
    event = only(extract(text), "meeting_held")
    assert [a.country for a in event.actors] == ["USA"]
    assert [r.country for r in event.recipients] == ["TUR"]


def test_agreement_as_antecedent_of_a_relative_clause(extract: Extract) -> None:
    events = extract("Chile and Peru discussed the treaty that Bolivia and Peru signed in 1990.")
    signing = only(events, "agreement_signed")
    assert {a.country for a in signing.actors} == {"BOL", "PER"}
    assert signing.date is not None and signing.date.value == "1990"


def test_meetings_won_or_lost_are_matches(extract: Extract) -> None:
    text = "The U.S. had won all previous 15 meetings with Mexico."
    assert not [e for e in extract(text) if e.type == "meeting_held"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indian troops drilled alongside Mongolian soldiers near Ulaanbaatar.", {"IND", "MNG"}),
        ("Turkish and Azerbaijani troops exercised jointly near Baku.", {"AZE", "TUR"}),
        ("The government exercised restraint.", None),  # a direct object: another sense
        ("Workers drilled for oil near the coast.", None),  # no armed force as subject
        ("As the Russian navy manoeuvred in the Mediterranean, Turkey sent a convoy.", None),
    ],
)
def test_an_intransitive_exercise_verb_with_an_armed_force_as_subject(
    extract: Extract, text: str, expected: set[str] | None
) -> None:
    found = [e for e in extract(text) if e.type == "military_exercise"]
    if expected is None:
        assert found == []
    else:
        [event] = found
        assert event.modality == "asserted" and countries(event) == expected


@pytest.mark.parametrize(
    ("text", "actors", "recipients", "mode"),
    [
        # hosting or receiving a titled guest: the guest visits, the host receives
        (
            "The Ivorian president received the Ghanaian foreign minister in Abidjan.",
            {"GHA"},
            {"CIV"},
            None,  # a reception keeps no mode: "demonstrators received ministers" is at home
        ),
        ("Indonesia hosted the Vietnamese prime minister in Jakarta.", {"VNM"}, {"IDN"}, None),
        # the passive: the subject is the guest, the agent the host
        (
            "The Georgian prime minister was received by the Azerbaijani president in Baku.",
            {"GEO"},
            {"AZE"},
            None,
        ),
        # calling on someone is visiting them
        (
            "Kenya's defence minister called on the Ethiopian prime minister in Addis Ababa.",
            {"KEN"},
            {"ETH"},
            "visit",
        ),
        # a telephone verb: a call between both
        ("Putin telephoned the Kazakh president on Thursday.", {"RUS", "KAZ"}, set(), "phone"),
    ],
)
def test_receptions_visits_and_calls(
    extract: Extract, text: str, actors: set[str], recipients: set[str], mode: str | None
) -> None:
    event = only(extract(text), "meeting_held")
    assert {a.country for a in event.actors} == actors
    assert {r.country for r in event.recipients} == recipients
    assert event.attributes.mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "The UN called on Iran to halt enrichment.",  # an appeal, not a visit
        "The ministry received a letter from the embassy.",  # no titled guest
    ],
)
def test_appeals_and_mail_are_no_receptions(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text) if e.type == "meeting_held"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an exercise noun with no military word, begun or ended by coded parties
        ("India's exercise with France off the coast of Goa ended on Sunday.", {"IND", "FRA"}),
        ("Kyrgyzstan's drills with Tajik border guards began near Batken.", {"KGZ", "TJK"}),
        ("The Sino-Pakistani exercise ended in Xinjiang.", {"CHN", "PAK"}),
        # its with-phrase names armed forces; the clause's subject, at the
        # exercise's close, held it too (a navy of no named state: unknown)
        (
            "At the close of a week-long exercise with Vietnamese forces, the navy sailed home.",
            {"VNM", None},
        ),
        # "staged" read by the lemmatizer as "stag": the rule verb its form allows
        ("Vietnam's navy staged live-fire exercises in the Gulf of Tonkin.", {"VNM"}),
    ],
)
def test_exercise_nouns_held_by_states(extract: Extract, text: str, expected: set[str]) -> None:
    assert countries(only(extract(text), "military_exercise")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The exercise of power by the Chinese state ended.",  # an of-phrase: another sense
        "Japan's earthquake drill began on Monday.",  # a civil drill
    ],
)
def test_exercise_nouns_in_other_senses(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text) if e.type == "military_exercise"]


def test_exercise_title_word_names_the_exercise(extract: Extract) -> None:
    event = only(
        extract("Exercise Steadfast Jazz opened in Poland with NATO troops."), "military_exercise"
    )
    assert event.attributes.name == "Steadfast Jazz"


@pytest.mark.parametrize(
    "text",
    [
        "Critics said progress in the peace talks had stalled.",  # a topic head noun
        "Negotiations are the only way to end the war in Yemen, the envoy said.",  # copula
        "Analysts debated whether military exercises deter North Korea.",  # a topic verb
        "New rebel factions emerged in Sudan, complicating peace talks on Darfur.",
        "Egypt has long been a mediator in Israeli-Palestinian negotiations.",
        # a precondition names a topic (GUIDELINES v1.1; dev gold codes none of these)
        "Kenya set a ceasefire as a precondition for talks with Somalia.",
        # a habit, not an occurrence ('habitual_adverbs')
        "Ethnic militias in Burma routinely conduct training exercises in the jungle.",
    ],
)
def test_topic_mentions_are_no_events(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a specific event said to be something is still an occurrence
        (
            "The joint naval exercise that Russia is conducting with China is a provocation.",
            "military_exercise",
        ),
        # a time preposition on a topic noun frames an occurrence
        (
            "The question throughout the negotiation between Iran and Iraq was trade.",
            "meeting_held",
        ),
        # talks with their own venue, or a named conference, are particular occurrences
        ("Putin would prefer to obstruct UN-sponsored talks in Geneva.", "meeting_held"),
        (
            "A Syrian envoy dismissed the Sochi conference as a meeting of the regime.",
            "meeting_held",
        ),
    ],
)
def test_occurrences_that_look_like_topics(extract: Extract, text: str, kind: str) -> None:
    assert [e for e in extract(text) if e.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "Britain agreed to meet a U.S. request for more troops in Iraq.",  # meet a request
        "The plan has met strong opposition within the Labour Party.",  # met with a sense noun
        "Civilians waited under a cease-fire negotiated by Russia and the United States.",
        "The NSA was recording all Afghan mobile phone calls.",  # telephone traffic
    ],
)
def test_other_senses_of_meeting_words(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text) if e.type == "meeting_held"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bush held phone calls with Putin and Chirac on Monday.", {"USA", "RUS", "FRA"}),
        ("Putin and Erdogan have had 13 phone calls this year.", {"RUS", "TUR"}),
    ],
)
def test_plural_phone_calls_with_their_parties(
    extract: Extract, text: str, expected: set[str]
) -> None:
    assert countries(only(extract(text), "meeting_held")) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # a headline's passive without its auxiliary
        ("Accord between Peru and Chile reached", "agreement_signed", {"PER", "CHL"}),
        # a verbless headline: "X in talks with Y"
        ("Iraq's Government in Talks with Syria", "meeting_held", {"IRQ", "SYR"}),
    ],
)
def test_headline_constructions(extract: Extract, text: str, kind: str, expected: set[str]) -> None:
    assert countries(only(extract(text), kind)) == expected


def test_an_agreement_noun_with_an_object_acts_itself(extract: Extract) -> None:
    assert not [
        e
        for e in extract("The deal reached the parliament on Monday.")
        if e.type == "agreement_signed"
    ]


def test_a_window_finds_what_the_parse_misses(extract: Extract) -> None:
    # the small model tags "oversaw" an adjective and "drills" a verb: no rule
    # reaches the exercise, the lexical window does, with a lower strength
    text = "North Korean leader Kim Jong Un oversaw artillery drills on Saturday, state media said."
    event = only(extract(text), "military_exercise")
    assert event.rule == "exercise.window"
    assert countries(event) == {"PRK"}


@pytest.mark.parametrize(
    "text",
    [
        # a verb form is no exercise noun, whatever word stands before it
        "As the Russian navy manoeuvred in the Mediterranean, Turkey sent a convoy.",
        # a rule met these words, and its checks said no: the window keeps out
        "The government exercised restraint after the naval drills were cancelled.",
    ],
)
def test_windows_stay_out_where_they_should(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text) if e.rule.endswith("window")]


def test_window_output_is_the_same_on_the_fast_path(extract: Extract) -> None:
    text = (
        "Markets rose on Friday. North Korean leader Kim Jong Un oversaw artillery drills "
        "on Saturday, state media said. The weather was fine."
    )
    fast = extract(text)
    exhaustive = extract(text, mode="exhaustive")
    assert [e.model_dump() for e in fast] == [e.model_dump() for e in exhaustive]
    assert [e.rule for e in fast] == ["exercise.window"]


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        # the violator acts; the ceasefire's other side and the side fired upon receive
        (
            "Hamas militants broke the truce with Israel by firing rockets at Sderot.",
            {"PSE"},
            {"ISR"},
        ),
        (
            "Pakistani troops violated the ceasefire by firing at Indian posts in Poonch.",
            {"PAK"},
            {"IND"},
        ),
        # a prepositional frame: the clause is the violating act
        (
            "In defiance of the ceasefire, Armenian troops shelled Azerbaijani villages.",
            {"ARM"},
            {"AZE"},
        ),
        # the accused of an accusation is the violator
        (
            "Azerbaijan's defence minister accused Armenian forces of breaking the truce.",
            {"ARM"},
            set(),
        ),
        # no violator named: both sides of the ceasefire, or of the contested line
        (
            "A fresh violation of the ceasefire between Armenia and Azerbaijan was reported.",
            {"ARM", "AZE"},
            set(),
        ),
        ("The Line of Control ceasefire was violated twice on Sunday.", {"IND", "PAK"}, set()),
        # an act as subject names no violator ('act_nouns')
        ("Heavy shelling breached the truce between Sudan and South Sudan.", {"SDN", "SSD"}, set()),
    ],
)
def test_both_sides_of_a_violation(
    extract: Extract, text: str, actors: set[str], recipients: set[str]
) -> None:
    event = only(extract(text), "ceasefire_violation")
    assert {a.country for a in event.actors} == actors
    assert {r.country for r in event.recipients} == recipients


@pytest.mark.parametrize(
    "text",
    [
        # firms, clubs and players, whatever state they come from, are no parties
        "Airlines from Japan and Australia signed a code-sharing agreement.",
        "An Uzbek bank and a Chinese lender signed a loan agreement in Tashkent.",
        "The Nigerian striker signed a contract with a Turkish football club.",
        "Armenian and Azerbaijani chess players shook hands before their match.",
        # a firm coordinated with another party is none, whatever its modifiers
        "Toyota and the Vietnamese carmaker VinFast signed a supply deal.",
        # teams that meet in a contest play
        "Ghana and the Ivory Coast met in the semi-final of the Africa Cup of Nations.",
    ],
)
def test_non_political_look_alikes(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # the subject of a verb of committing is the violator
        ("Houthi forces committed new truce violations in Hodeidah.", {"YEM"}),
        # a hyphenated pair on the violation or the truce: both sides
        ("Indo-Pakistani ceasefire violations rose sharply in October.", {"IND", "PAK"}),
        ("Thai-Cambodian truce violations were reported near the temple.", {"THA", "KHM"}),
    ],
)
def test_violation_nouns_and_their_sides(extract: Extract, text: str, actors: set[str]) -> None:
    assert countries(only(extract(text), "ceasefire_violation")) == actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure of the event noun passes its verb on: "two days of consultations"
        ("Peru and Ecuador wrapped up two days of consultations in Lima.", {"PER", "ECU"}),
        ("India and China held a fresh round of talks at Chushul.", {"IND", "CHN"}),
        # "dialogue" is a meeting noun
        ("Venezuela's government and Colombia resumed dialogue in Mexico City.", {"VEN", "COL"}),
    ],
)
def test_measures_and_dialogue(extract: Extract, text: str, expected: set[str]) -> None:
    assert countries(only(extract(text), "meeting_held")) == expected


def test_a_state_modifying_a_visit_hosts_it(extract: Extract) -> None:
    event = only(
        extract("Erdogan spoke in London on the second day of a UK state visit."), "meeting_held"
    )
    assert {a.country for a in event.actors} == {"TUR"}
    assert {r.country for r in event.recipients} == {"GBR"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Israel-Hamas truce was breached on Sunday.", {"ISR", "PSE"}),
        ("The Armenian-Azerbaijani truce was violated within minutes.", {"ARM", "AZE"}),
    ],
)
def test_a_hyphenated_truce_names_both_sides(
    extract: Extract, text: str, expected: set[str]
) -> None:
    assert countries(only(extract(text), "ceasefire_violation")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrasal signing verb with the agreement in a prepositional phrase
        ("Putin signs up Russia for the Kyoto pact.", {"RUS"}),
        # a legislature approving a ratification ratifies
        ("Both chambers of Russia's parliament approved ratification of the pact.", {"RUS"}),
    ],
)
def test_signing_up_and_approving_ratification(
    extract: Extract, text: str, expected: set[str]
) -> None:
    assert countries(only(extract(text), "agreement_signed")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan violated the ceasefire along the Line of Control for the third time.",
        # "initiated" is a verb of committing: its subject is the violator
        "The Pakistan Army initiated unprovoked ceasefire violation along the LoC in Poonch.",
    ],
)
def test_the_other_side_of_a_contested_line_is_fired_upon(extract: Extract, text: str) -> None:
    event = only(extract(text), "ceasefire_violation")
    assert {a.country for a in event.actors} == {"PAK"}
    assert {r.country for r in event.recipients} == {"IND"}
