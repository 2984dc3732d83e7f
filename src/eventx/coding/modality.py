"""Modality from the trigger's dependency context.

Walk from the trigger up through the predicates that govern it and take the
nearest cue: a negation ("did not", "refused to"), a future or intent marker
("will", "plans to", "agreed to", "upcoming"), or a hypothetical one ("could",
"if", "called for"); a negation that is itself only asked for or possible
("urged him not to attend") is hypothetical.  The walk stops at a reporting
verb (reported speech stays asserted) and at circumstantial prepositions
("during the summit" does not inherit the main clause's modality), as
GUIDELINES.md asks.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventx.analysis.grammar import infinitive, nearest_verb, tense_tags
from eventx.coding.cues import condition, conditional, lemma_of, lexicon, own_cue

WALK_DEPS = frozenset(
    {
        "dobj",
        "pobj",
        "prep",
        "nsubj",
        "nsubjpass",
        "attr",
        "compound",
        "xcomp",
        "conj",
        "acomp",
        "appos",
        "pcomp",
        "agent",
        "oprd",
        "dative",
        "ccomp",
        "advcl",
        "amod",
        "advmod",  # "to get back to peace talks"
    }
)
CIRCUMSTANCE_PREPS = frozenset(
    {
        "during",
        "at",
        "amid",
        "after",
        "before",
        "since",
        "following",
        "ahead",
        "on",
        "throughout",
        "despite",
        "in",
        "like",
        "than",
        "as",
        "from",
        "until",
        "over",
    }
)


PRESUPPOSING_PREPS = frozenset({"despite", "amid", "following", "since"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _purpose_infinitive(token: Token) -> bool:
    """ "efforts to broker a deal", "in a bid to hold talks": an aim, not a fact."""
    return (
        token.pos_ in {"VERB", "AUX"}
        and token.dep_ in {"acl", "advcl", "relcl"}
        and infinitive(token)
    )


def _part_of_event(prep: Token) -> bool:
    """ "the outcome of the talks", "an adjournment of the talks": a noun that
    speaks of an existing event; whatever is said of it, the event is a fact
    (a prospect noun, "the prospect of talks", is a cue of its own, and a
    measure, "two days of talks", takes its clause's modality)."""
    head = prep.head
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in lexicon()["prospect_nouns"] | lexicon()["measure_nouns"]
        and not any(c.dep_ == "nummod" for c in head.children)
    )


def _journey_made(purpose: Token) -> bool:
    """A meeting as the purpose of a trip already made ("flew to Beijing to meet
    Xi", "made their way to Sochi to attend") or of a gathering ("met in Nairobi
    to discuss") is reported as held; one that is only aimed at ("in a bid to")
    is not."""
    head = purpose.head
    way = any(c.dep_ == "dobj" and c.lemma_.lower() == "way" for c in head.children)
    made = lexicon()["journey_verbs"] | lexicon()["gathering_verbs"]
    return head.tag_ == "VBD" and (head.lemma_.lower() in made or way)


def _stops_walk(current: Token, head: Token) -> bool:
    """Whether the head's modality does not carry over to ``current``."""
    cues = lexicon()
    if head.lemma_.lower() in cues["reporting_verbs"] and current.dep_ in {"ccomp", "conj"}:
        return True  # reported speech stays asserted
    if current.dep_ in {"conj", "advcl"} and current.tag_ in FINITE_TAGS:
        return True  # "would complete X and signed Y", "will arrive after Russia brokered"
    if (
        current.dep_ == "nsubj"
        and head.lemma_.lower() == "be"
        and any(c.dep_ in {"acomp", "attr"} for c in head.children)
        and _tense_cue(head) is None
    ):
        return True  # "his visit was not political": said of the visit, which took place
    if current.dep_ == "nsubj" and current.pos_ in {"NOUN", "PROPN"}:
        # a nominal subject takes its verb's modality where the verb says whether
        # it happens ("talks will resume"), or where a future is predicated of an
        # event not marked past or ongoing ("the conference will set up");
        # "continuing violations will doom efforts" stays asserted
        if head.lemma_.lower() in cues["occurrence_verbs"]:
            return False
        marked = any(c.lower_ in cues["past_modifiers"] for c in current.children)
        return marked or _tense_cue(head) is None
    return False


def _tense_cue(verb: Token) -> str | None:
    """A future or hypothetical auxiliary, a "due/set/expected to" complement,
    or an infinitive that states what is to happen: "a summit to be held on
    Friday", "summits are to be staged this week"."""
    cues = lexicon()
    if infinitive(verb) and verb.dep_ in {"csubj", "csubjpass", "ROOT"}:
        return "future"
    if verb.lemma_.lower() == "be" and any(
        c.dep_ == "xcomp" and infinitive(c) for c in verb.children
    ):
        return "future"
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"}:
            if child.lower_ in cues["future_aux"]:
                return "future"
            if child.lower_ in cues["hypothetical_aux"]:
                return "hypothetical"
        if (
            child.dep_ in {"acomp", "xcomp", "oprd"}
            and child.lemma_.lower() in cues["future_verbs"]
            and any(g.dep_ in {"xcomp", "prep"} for g in child.children)
        ):
            return "future"  # "talks are due to resume", "set for next week"
    return None


BACKSHIFTED_WILL = frozenset({"would", "'d"})  # "said it would not attend": a refusal


def _reported_will(clause: Token) -> bool:
    """ "Would" in a clause that a past report or expectation governs is the
    "will" of the reported words (sequence of tenses): "said it would be the
    first meeting", "agreed that the chiefs should meet soon"."""
    cues = lexicon()
    if clause.dep_ != "ccomp" or clause.head.tag_ not in {"VBD", "VBN"}:
        return False
    if any(condition(c) for c in clause.children):
        return False  # "said it would boycott talks if ...": a condition, not a plan
    head = lemma_of(clause.head)
    auxes = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & BACKSHIFTED_WILL:
        return head in cues["reporting_verbs"] | cues["future_verbs"]
    return "should" in auxes and head in cues["future_verbs"]


def _hypothetical_above(negated: Token) -> bool:
    """A refusal or denial that is itself only asked for or possible ("urging de
    Mistura not to attend", "has not ruled out attending", "could not be
    finalised until") is no fact."""
    cues = lexicon()
    possible = cues["hypothetical_aux"] - BACKSHIFTED_WILL
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in possible for c in negated.children):
        return True
    if lemma_of(negated) in cues["negation_verbs"] and any(
        c.dep_ == "neg" for c in negated.children
    ):
        return True  # a negated refusal: "not ruled out"
    current = negated
    for _ in range(4):
        if current.dep_ not in WALK_DEPS or current.head.i == current.i:
            return False
        if _stops_walk(current, current.head):
            return False
        current = current.head
        if lemma_of(current) in cues["hypothetical_verbs"] or _tense_cue(current) == "hypothetical":
            return True
    return False


def _participial(verb: Token) -> bool:
    """An adverbial clause without a finite verb or "to" (the model tags a
    sentence-initial "Visiting" as a proper noun, so no exact tag is asked)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ not in FINITE_TAGS | {"VB", "MD"}
        and not infinitive(verb)
    )


def _possessed(trigger: Token) -> bool:
    return trigger.pos_ == "NOUN" and any(c.tag_ == "PRP$" for c in trigger.children)


def polar_question(sent: Span) -> bool:
    """ "Is Libya expected to sign the CWC?": a yes-no question asks whether the
    event happens (a wh-question, "who broke the agreement?", presupposes it)."""
    if not sent.text.rstrip().rstrip("\"'”’ ").endswith("?"):
        return False
    root = sent.root
    if any(t.tag_ in {"WDT", "WP", "WRB"} for t in sent):
        return False
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    verbs = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    if root.lemma_ in {"be", "do", "have"}:
        verbs.append(root)
    return any(v.i < s.i for v in verbs for s in subjects)  # the verb before its subject


def _unconfirmed(trigger: Token) -> bool:
    """ "Syria has not confirmed that its delegation will attend the talks": what
    a source does not say is neither fact nor plan."""
    token = trigger
    for _ in range(8):
        if token.dep_ == "ROOT" or token.head.i == token.i:
            return False
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in lexicon()["reporting_verbs"]:
            # the verb precedes what it does not say (a fronted clause is often a
            # misparse: "X signed an MoU, details of which are not disclosed")
            return token.head.i < token.i and any(c.dep_ == "neg" for c in token.head.children)
        token = token.head
    return False


def _framed_ahead(trigger: Token) -> str | None:
    """An event noun that a trip is for ("heads to Hungary for a summit") or that
    a clause precedes ("ahead of a crunch summit") is to come; one warned
    against ("warned officials against visiting Taiwan") is hypothetical."""
    cues = lexicon()
    token = trigger
    while token.dep_ in {"compound", "conj", "appos"} and token.head.i != token.i:
        token = token.head
    if token.dep_ not in {"pobj", "pcomp"} or token.head.dep_ != "prep":
        return None
    prep = token.head
    governor = prep.head
    warner = governor.head if governor.dep_ == "dobj" else governor  # "warned officials against"
    if prep.lower_ == "against" and lemma_of(warner) in cues["prohibitive_verbs"]:
        return "hypothetical"
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return None
    if prep.lower_ in cues["journey_purpose_preps"] and lemma_of(governor) in cues["journey_verbs"]:
        return "future"
    if prep.lower_ in {"of", "to"} and governor.lower_ in cues["preceding_frames"]:
        # "had broadened its platform ahead of the talks": told after they were held
        verb = nearest_verb(governor)
        while (
            verb.tag_ in {"VBN", "VBG"}
            and verb.head.i != verb.i
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        ):
            verb = nearest_verb(verb.head)  # "a statement issued ahead of the talks demanded"
        told_after = verb.pos_ in {"VERB", "AUX"} and "VBD" in tense_tags(verb)
        return None if told_after else "future"
    return None


def _asked_for(purpose: Token) -> bool:
    """A purpose infinitive inside what someone is urged or asked to do."""
    current = purpose
    for _ in range(4):
        if current.dep_ not in {"xcomp", "advcl", "acl", "ccomp", "conj"}:
            return False
        current = current.head
        if lemma_of(current) in lexicon()["hypothetical_verbs"]:
            return True
    return False


def modality(trigger: Token, *, question: bool = False) -> str:
    """``asserted``, ``negated``, ``future`` or ``hypothetical``; ``question``:
    the trigger's sentence is a yes-no question (``polar_question``, read once
    per sentence)."""
    if _unconfirmed(trigger) or question:
        return "hypothetical"
    framed = _framed_ahead(trigger)
    if framed is not None:
        return framed
    current = trigger
    came_from: Token | None = None
    # past "during/at/on", or an event someone already owns ("an excuse for its
    # exercise"): only a future carries over
    # (not the object a verb holds or calls off: "did not hold their drills")
    circumstance = _possessed(trigger) and trigger.dep_ != "dobj"
    for _ in range(8):
        # "Visiting Hanoi, the minister called for calm": a participial adjunct
        # tells a circumstance of the act; what the verb calls for, plans or
        # refuses is its complement (its auxiliaries and negation still count)
        adjunct = came_from is not None and came_from.i == trigger.i and _participial(trigger)
        cue = own_cue(current, current.i == trigger.i, came_from, lexical=not adjunct)
        if (
            cue == "future"
            and circumstance
            and current.tag_ in {"VBD", "VBN"}
            and lemma_of(current) in lexicon()["future_verbs"]
        ):
            break  # "promised ... at a meeting", "agreed at a summit": the meeting took place
        if cue == "hypothetical" and _reported_will(current):
            cue = "future"  # "he expected the groups would reach agreement"
        if cue == "negated" and not circumstance and _hypothetical_above(current):
            return "hypothetical"  # "urged him not to attend", "could not be finalised"
        if cue and (not circumstance or cue == "future"):
            return cue
        if cue:
            break
        if _purpose_infinitive(current):
            if _journey_made(current):
                break  # "travelled to Pyongyang to meet Kim": the trip reports the meeting
            if any(c.dep_ == "det" and c.lower_ == "no" for c in current.head.children):
                return "negated"  # "has no intention to talk", "no plans to meet"
            # "urged China to exert its influence to resume talks": the aim is asked for
            return "hypothetical" if _asked_for(current) else "future"
        if current.dep_ == "ROOT" or current.dep_ not in WALK_DEPS or current.head.i == current.i:
            break
        if _stops_walk(current, current.head):
            break
        if _part_of_event(current):
            break  # "an adjournment of the talks was demanded": the talks are under way
        if current.dep_ == "prep" and current.lower_ in PRESUPPOSING_PREPS:
            break  # "will continue despite the summit": the summit is a fact
        head_lemma = current.head.lemma_.lower()
        argument = head_lemma in lexicon()["prospect_nouns"] or (
            current.lower_ == "in" and head_lemma in lexicon()["taking_part_verbs"]
        )  # "a role in the talks", "participate in talks": what, not when or where
        if current.dep_ == "prep" and current.lower_ in CIRCUMSTANCE_PREPS and not argument:
            # "refused ... during the summit": the summit still happened;
            # "will meet on the sidelines of the summit": the summit is to come
            circumstance = True
        came_from, current = current, current.head
        if came_from.dep_ in {"nsubj", "nsubjpass"}:
            cue = _tense_cue(current)
            if cue and conditional(current):
                return "hypothetical"  # "if the stalled talks are to make progress"
            if cue and (not circumstance or cue == "future"):
                return cue
    return "asserted"
