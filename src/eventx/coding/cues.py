"""The modality cue one word carries, read from ``models/lexicons/modality.json``.

"did not", "refused", "will", "plans to", "could", "if", "upcoming": each
word of the walk from the trigger up (modality.py) is asked here whether it
says, by itself or with its own dependents, that the event is negated,
future or hypothetical.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from eventx.analysis.grammar import infinitive, tense_tags
from eventx.knowledge.files import load_json

TOPIC_PREPS = frozenset({"about", "over"})


@cache
def lexicon() -> dict[str, frozenset[str]]:
    data = load_json("lexicons/modality.json")
    return {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}


def reporting_verbs() -> frozenset[str]:
    """ "said", "told", "announced": speech that keeps what it reports asserted."""
    return lexicon()["reporting_verbs"]


def lemma_of(token: Token) -> str:
    """The lemma with its particle: "call off" is no call, "set up" no plan."""
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return " ".join([token.lemma_.lower(), *particles])


def _going_to(token: Token, came_from: Token | None) -> bool:
    """The "be going to" future."""
    return (
        token.lemma_.lower() == "go"
        and token.tag_ == "VBG"
        and came_from is not None
        and came_from.dep_ == "xcomp"
        and infinitive(came_from)
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
    )


def _present(verb: Token) -> bool:
    tags = tense_tags(verb)
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "MD"}


def _fails_to_occur(verb: Token) -> bool:
    """ "the talks failed to materialise": what failed is the event itself."""
    return any(
        c.dep_ == "xcomp" and c.lemma_.lower() in lexicon()["occurrence_verbs"]
        for c in verb.children
    )


def _outcome_of(verb: Token, came_from: Token | None) -> bool:
    """An event noun that is the active subject of a verb of failing or
    refusing, with no action after it, did happen: "the talks failed", "the
    summit rejected the plan" (but "the talks failed to materialise")."""
    return (
        came_from is not None
        and came_from.dep_ == "nsubj"
        and came_from.pos_ == "NOUN"
        and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
    )


def _refuses_an_action(verb: Token, came_from: Token | None) -> bool:
    """A refusal with an infinitive refuses that action ("refused to support the
    project during a summit"): an event attached to the verb elsewhere is its
    setting, not what was refused."""
    action = [c for c in verb.children if c.dep_ == "xcomp" and infinitive(c)]
    return bool(action) and came_from is not None and came_from not in action


def conditional(clause: Token) -> bool:
    """ "if ...", "unless ...", "whether ..." open the clause ("even if" concedes,
    "especially if" stresses: neither makes its head depend on the clause)."""
    return any(
        c.dep_ == "mark"
        and c.lower_ in lexicon()["hypothetical_marks"]
        and not (c.i > 0 and c.doc[c.i - 1].lower_ in NOT_A_CONDITION)
        for c in clause.children
    )


NOT_A_CONDITION = frozenset({"even", "especially", "particularly"})


def condition(clause: Token) -> bool:
    """An adverbial clause that sets a condition on its head."""
    return clause.dep_ == "advcl" and conditional(clause)


def _conditioned(token: Token) -> bool:
    """A condition on ``token`` itself; one after a conjoined verb belongs to that
    verb ("continue to negotiate and could finalize a deal, if ...")."""
    children = list(token.children)
    return any(
        condition(c) and not any(d.dep_ == "conj" and token.i < d.i < c.i for d in children)
        for c in children
    )


def own_cue(
    token: Token, is_trigger: bool, came_from: Token | None, *, lexical: bool = True
) -> str | None:
    """The cue ``token`` carries for the event reached from ``came_from``;
    ``lexical=False`` reads only its auxiliaries, negations and marks."""
    cues = lexicon()
    lemma = lemma_of(token)
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return "negated"
        if child.dep_ in {"nsubj", "nsubjpass"} and any(
            g.dep_ == "preconj" and g.lower_ == "neither" for g in child.children
        ):
            return "negated"  # "neither X nor Y was preceded by consultation"
    if _conditioned(token):
        return "hypothetical"  # "vowed to break the truce if troops advanced", "will ... if"
    for child in token.children:
        if child.dep_ in {"aux", "auxpass"}:
            word = child.lower_
            if word in cues["hypothetical_aux"]:
                return "hypothetical"
            if word in cues["future_aux"]:
                return "future"
        if child.dep_ == "mark" and child.lower_ in cues["hypothetical_marks"]:
            return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in cues["future_marks"]:
            return "future"
        if (
            child.dep_ == "mark"
            and child.lower_ in cues["present_future_marks"]
            and _present(token)
        ):
            return "future"  # "until a deal is finalized"
        if child.dep_ in {"amod", "compound"} and (came_from is None or child.i != came_from.i):
            if child.lower_ in cues["future_modifiers"]:
                return "future"
            if child.lower_ in cues["hypothetical_modifiers"]:
                return "hypothetical"
        if (
            child.dep_ in {"acl", "relcl"}
            and child.lemma_.lower() in cues["occurrence_verbs"] | {"hold"}
            and infinitive(child)
        ):
            return "future"  # "talks to be held", "a summit to take place"
    if is_trigger or not lexical:
        return None
    if (
        lemma in {"announce", "unveil"}
        and came_from is not None
        and came_from.dep_ == "dobj"
        and came_from.lemma_.lower() in cues["announced_events"]
    ):
        return "future"  # "Pompeo announced the summit": it is still to come
    from_prep = came_from is not None and came_from.dep_ == "prep"
    if from_prep and token.pos_ == "NOUN" and lemma in cues["prospect_nouns"]:
        # "a precondition for talks", "a return to peace talks"; but an offer of talks is a plan
        if lemma not in cues["offer_nouns"]:
            return "hypothetical"
        # ... unless it is turned down: "declined an invitation to talks"
        declined = token.dep_ == "dobj" and lemma_of(token.head) in cues["negation_verbs"]
        return "negated" if declined else "future"
    if infinitive(token) and token.head.pos_ in {"NOUN", "PROPN"} and token.dep_ == "xcomp":
        return "future"  # the headline "Chad, Niger to hold joint drills"
    if _going_to(token, came_from):
        return "future"  # "China is going to have to make a deal"
    if lemma in cues["negation_verbs"] and (
        not _refuses_an_action(token, came_from) or _fails_to_occur(token)
    ):
        if _outcome_of(token, came_from):
            return None  # "the talks had failed": they took place, to no result
        return "negated"
    topic = came_from is not None and came_from.dep_ == "prep" and came_from.lower_ in TOPIC_PREPS
    if (
        lemma in cues["hypothetical_verbs"]
        and not topic
        and not any(c.dep_ == "oprd" for c in token.children)
    ):
        # but "called the meeting a failure" judges a meeting held, and
        # "asked about the call" speaks of one that took place
        return "hypothetical"
    if (
        lemma in cues["future_verbs"]
        and not (token.pos_ == "NOUN" and lemma in cues["measure_nouns"])  # "at the close of"
        and came_from is not None
        and came_from.dep_
        in {
            "xcomp",
            "dobj",
            "prep",
            "ccomp",
            "acomp",
            "attr",
            "nsubjpass",
            "nsubj",
        }
    ):
        if lemma == "be" and came_from.dep_ != "xcomp":
            return None  # only "are to meet", not "the talks were ..."
        return "future"
    return None
