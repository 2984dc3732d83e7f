"""One analysed document to its event records, stage by stage.

facts = DocumentFacts.of(doc, published)  # its people, read once (coding/document.py)
context = DocumentContext.of(coder)      # its home country and topic (context.py)
matches = matcher(doc, sentences)        # the rule packs (rules/matcher.py)
drafts = [draft_event(m) for m in ...]   # roles, parties, modality, date, place (drafts.py)
resolve_context(drafts, context)         # groups, salient parties, home country (context.py)
merge_repeats(drafts)                    # one event per mention of it (repeats.py)
inherit_settings(drafts)                 # places carried to the same parties' events (repeats.py)
clusters(drafts)                         # mentions of one real-world event (identity.py)
-> list[Event]                           # records (records/event.py), with confidence
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span

from eventx.analysis import headlines
from eventx.analysis.model import model_version
from eventx.coding.actors import ActorCoder
from eventx.coding.attributes import codes_of
from eventx.coding.document import DocumentFacts
from eventx.coding.mentions import Mention
from eventx.events.confidence import Evidence, confidence, features
from eventx.events.context import DocumentContext, resolve_context, unknown_party
from eventx.events.drafts import Draft, draft_event, passes_party_checks
from eventx.events.identity import cluster_id, clusters, dedupe, share_parties, upcoming_in_document
from eventx.events.repeats import inherit_settings, merge_repeats
from eventx.events.scope import political
from eventx.records.document import Document
from eventx.records.event import Event, Extractor, Participant, Sentence, TextSpan
from eventx.rules.matcher import Match, RuleMatcher
from eventx.rules.windows import window_matches
from eventx.version import __version__

Reparse = Callable[[str], Doc]
"""Analyses one more text (a headline in sentence case) as the document was."""


@cache
def _extractor() -> Extractor:
    return Extractor(name="eventx", version=__version__, model=model_version())


def _participant(mention: Mention) -> Participant:
    return Participant(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        label=mention.label,
        country=mention.country,
        sector=mention.sector,
    )


def _event_id(draft: Draft, doc_id: str) -> str:
    start = draft.match.trigger.idx + draft.offset
    end = start + len(draft.match.trigger.text)
    key = f"{doc_id}\x1f{draft.match.rule.type}\x1f{start}\x1f{end}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def _record(
    draft: Draft, doc_id: str, text: str, cluster: str, evidence: Evidence | None = None
) -> Event:
    trigger = draft.match.trigger
    start = trigger.idx + draft.offset
    end = start + len(trigger.text)
    kind = draft.match.rule.type
    cameo, plover = codes_of(draft.match, draft.attributes, draft.countries)
    event = Event(
        event_id=_event_id(draft, doc_id),
        doc_id=doc_id,
        type=kind,  # type: ignore[arg-type]
        trigger=TextSpan(text=text[start:end], start=start, end=end),
        sentence=draft.sentence,
        actors=[_participant(m) for m in draft.actors],
        recipients=[_participant(m) for m in draft.recipients],
        modality=draft.modality,  # type: ignore[arg-type]
        attributed_to=_participant(draft.source) if draft.source else None,
        date=draft.date,
        location=draft.location,
        attributes=draft.attributes,
        cameo=cameo,
        plover=plover,
        confidence=0.0,
        cluster_id=cluster,
        rule=draft.match.rule.id,
        extractor=_extractor(),
    )
    values = features(draft)
    if evidence is not None:
        evidence[event.event_id] = values
    return event.model_copy(update={"confidence": confidence(values)})


def _headline_drafts(
    sent: Span,
    sentence: Sentence,
    coder: ActorCoder,
    document: Document,
    text: str,
    matcher: RuleMatcher,
    reparse: Reparse,
) -> list[Draft]:
    """Re-parse a Title Case headline in sentence case and draft its events."""
    head_doc = reparse(headlines.recase(sent))
    # "Gen. Wei" in a headline is the body's Gen. Wei
    head_facts = DocumentFacts.of(head_doc, document.published)
    head_coder = ActorCoder(head_facts.with_aliases(coder.facts.aliases))
    drafts = []
    attempted: set[tuple[int, str]] = set()
    matches = matcher(head_doc, None, attempted)
    for match in matches + window_matches(head_doc[:], attempted, matcher.types):
        draft = draft_event(
            match,
            sent=head_doc[:],
            sentence=sentence,
            offset=sent.start_char,
            coder=head_coder,
            published=document.published,
            text=text,
        )
        if draft is not None:
            draft.headline = True
            drafts.append(draft)
    return drafts


def events_from_doc(
    doc: Doc,
    document: Document,
    *,
    matcher: RuleMatcher,
    reparse: Reparse,
    dedupe_events: bool = False,
    evidence: Evidence | None = None,
) -> list[Event]:
    """Every event mention in a parsed document, in text order; with
    ``dedupe_events``, one record per real-world event (identity.py).
    ``pipeline.Extractor`` supplies the matcher and the analysis."""
    analysed = doc._.analysed
    if analysed is not None and not analysed:
        return []  # no sentence of it can hold an event (candidates.py)
    # the document is read once: its people and what it is about
    coder = ActorCoder(DocumentFacts.of(doc, document.published))
    context = DocumentContext.of(coder)
    sents = [  # the rest were not analysed: no rule can match them (candidates.py)
        (index, sent)
        for index, sent in enumerate(coder.facts.sentences)
        if analysed is None or sent.start in analysed
    ]
    by_sentence: dict[int, list[Match]] = {}
    attempted: set[tuple[int, str]] = set()
    for match in matcher(doc, [sent for _, sent in sents], attempted):
        by_sentence.setdefault(match.trigger.sent.start, []).append(match)
    for _, sent in sents:  # where the parse gave no rule a path (rules/windows.py)
        by_sentence.setdefault(sent.start, []).extend(
            window_matches(sent, attempted, matcher.types)
        )
    drafts: list[Draft] = []
    doc_text = doc.text  # spaCy builds it from the tokens at each call
    for index, sent in sents:
        text = sent.text.rstrip()
        end = sent.start_char + len(text)
        sentence = Sentence(index=index, start=sent.start_char, end=end, text=text)
        if headlines.is_headline(sent):
            drafts += _headline_drafts(sent, sentence, coder, document, doc_text, matcher, reparse)
            continue
        for match in by_sentence.get(sent.start, []):
            draft = draft_event(
                match,
                sent=sent,
                sentence=sentence,
                offset=0,
                coder=coder,
                published=document.published,
                text=doc_text,
            )
            if draft is not None:
                drafts.append(draft)
    resolve_context(drafts, context)
    kept = merge_repeats(
        [d for d in drafts if passes_party_checks(d) and political(d, context.political)]
    )
    inherit_settings(kept)
    upcoming_in_document(kept)
    numbers = clusters(kept, document.published)
    share_parties(kept, numbers)
    for draft in kept:
        if not draft.actors:
            draft.actors = [unknown_party(draft)]
    first: dict[int, str] = {}
    for draft, number in zip(kept, numbers, strict=True):
        first.setdefault(number, _event_id(draft, document.id))
    events = [
        _record(d, document.id, doc_text, cluster_id(first[n]), evidence)
        for d, n in zip(kept, numbers, strict=True)
    ]
    return dedupe(events) if dedupe_events else events
