"""The pipeline: parse, match rules, draft events, resolve in context, build records.

doc = nlp(text)                          # spaCy: tokens, NER, parse (nlp.py)
matches = rules(doc)                     # DependencyMatcher rule packs (rules.py)
drafts = [draft_event(m) for m in ...]   # roles, parties, modality, date, place (drafts.py)
resolve_context(drafts)                  # groups, salient parties, home country (context.py)
merge_repeats(drafts)                    # one event per mention of it (context.py)
inherit_settings(drafts)                 # places carried to the same parties' next events
clusters(drafts)                         # mentions of one real-world event (identity.py)
-> list[Event]                           # records (records.py)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Doc, Span

from eventx import __version__, headlines
from eventx.actors import ActorCoder, Mention
from eventx.analysis import analyse, parse
from eventx.attributes import codes_of
from eventx.confidence import confidence
from eventx.context import (
    DocumentContext,
    inherit_settings,
    merge_repeats,
    resolve_context,
    unknown_party,
)
from eventx.documents import Document, parse_published
from eventx.drafts import Draft, draft_event, passes_party_checks
from eventx.identity import cluster_id, clusters, dedupe, share_parties, upcoming_in_document
from eventx.nlp import get_nlp, model_version, on_renewal, sentences
from eventx.records import Event, Extractor, Participant, Sentence, TextSpan
from eventx.rules import Match, RuleMatcher
from eventx.scope import political

BATCH_SIZE = 32


@cache
def _matcher() -> RuleMatcher:
    return RuleMatcher(get_nlp().vocab)


on_renewal(_matcher.cache_clear)


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


def _record(draft: Draft, doc_id: str, text: str, cluster: str) -> Event:
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
    return event.model_copy(update={"confidence": confidence(event)})


def _headline_drafts(
    sent: Span, sentence: Sentence, coder: ActorCoder, document: Document, text: str
) -> list[Draft]:
    """Re-parse a Title Case headline in sentence case and draft its events."""
    head_doc = get_nlp()(headlines.recase(sent))
    head_coder = ActorCoder(head_doc)
    head_coder.aliases = coder.aliases  # "Gen. Wei" in a headline is the body's Gen. Wei
    drafts = []
    for match in _matcher()(head_doc):
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
            drafts.append(draft)
    return drafts


def events_from_doc(doc: Doc, document: Document, *, dedupe_events: bool = False) -> list[Event]:
    """Every event mention in a parsed document, in text order; with
    ``dedupe_events``, one record per real-world event (identity.py)."""
    analysed = doc._.analysed
    if analysed is not None and not analysed:
        return []  # no sentence of it can hold an event (candidates.py)
    coder = ActorCoder(doc)
    sents = [  # the rest were not analysed: no rule can match them (candidates.py)
        (index, sent)
        for index, sent in enumerate(sentences(doc))
        if analysed is None or sent.start in analysed
    ]
    by_sentence: dict[int, list[Match]] = {}
    for match in _matcher()(doc, [sent for _, sent in sents]):
        by_sentence.setdefault(match.trigger.sent.start, []).append(match)
    drafts: list[Draft] = []
    for index, sent in sents:
        text = sent.text.rstrip()
        end = sent.start_char + len(text)
        sentence = Sentence(index=index, start=sent.start_char, end=end, text=text)
        if headlines.is_headline(sent):
            drafts += _headline_drafts(sent, sentence, coder, document, doc.text)
            continue
        for match in by_sentence.get(sent.start, []):
            draft = draft_event(
                match,
                sent=sent,
                sentence=sentence,
                offset=0,
                coder=coder,
                published=document.published,
                text=doc.text,
            )
            if draft is not None:
                drafts.append(draft)
    context = DocumentContext.of(coder, doc)
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
        _record(d, document.id, doc.text, cluster_id(first[n]))
        for d, n in zip(kept, numbers, strict=True)
    ]
    return dedupe(events) if dedupe_events else events


# -- public API ---------------------------------------------------------------


def _as_document(item: Document | dict[str, object] | str, position: int) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(id=f"doc-{position}", text=item)
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError("a document needs a 'text' string")
    doc_id = item.get("id", item.get("doc_id", f"doc-{position}"))
    return Document(id=str(doc_id), text=text, published=parse_published(item.get("published")))


def extract(
    text: str,
    *,
    published: str | dt.date | None = None,
    doc_id: str | None = None,
    dedupe: bool = False,
    mode: str = "fast",
) -> list[Event]:
    """Events in one text.  ``published`` anchors relative dates ("last year");
    ``dedupe`` keeps one record per real-world event, listing its mentions;
    ``mode="exhaustive"`` analyses every sentence (the same events, slower)."""
    document = Document(id=doc_id or "doc-0", text=text, published=parse_published(published))
    [doc] = analyse(get_nlp(), [text], mode=mode)
    return events_from_doc(doc, document, dedupe_events=dedupe)


def extract_many(
    docs: Iterable[Document | dict[str, object] | str],
    *,
    batch_size: int = BATCH_SIZE,
    dedupe: bool = False,
    mode: str = "fast",
) -> Iterator[Event]:
    """Stream events from many documents, analysed ``batch_size`` at a time.

    Items are :class:`Document`, dicts with ``id``, ``text`` and optional
    ``published``, or plain strings (ids ``doc-0``, ``doc-1``, ...).
    """
    # two views of one stream: tee holds only the documents of the batch in analysis
    documents, texts = itertools.tee(_as_document(item, i) for i, item in enumerate(docs))
    parsed = parse((d.text for d in texts), mode=mode, batch_size=batch_size)
    for doc, document in zip(parsed, documents, strict=True):
        yield from events_from_doc(doc, document, dedupe_events=dedupe)
