"""The pipeline: parse, match rules, fill roles, normalise, build records.

doc = nlp(text)                       # spaCy: tokens, NER, parse
for each sentence:
    matches = rules(doc)              # DependencyMatcher rule packs
    draft   = roles + actors + modality + date + place
resolve group references              # "both sides" -> salient parties
merge repeated mentions per sentence  # one event per type and sentence
-> list[Event]
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span

from eventx import __version__, gazetteer, headlines
from eventx.actors import ActorCoder, Mention, sector_of
from eventx.dates import after_publication, event_date
from eventx.documents import Document, parse_published
from eventx.modality import modality
from eventx.nlp import get_nlp, model_version
from eventx.places import event_location
from eventx.records import (
    Attributes,
    Event,
    EventDate,
    Extractor,
    Location,
    Participant,
    Sentence,
    TextSpan,
)
from eventx.roles import (
    clause_tokens,
    entity_members,
    governing_verb,
    name_before,
    roles,
    subjects,
)
from eventx.rules import Match, RuleMatcher, single_party_verbs, type_codes

BATCH_SIZE = 32
JOINT_MODIFIERS = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})
NEGOTIATION_LEMMAS = frozenset({"negotiate", "negotiation", "talks", "talk"})


@dataclass
class Draft:
    """An event before group references are resolved and records built."""

    match: Match
    offset: int
    sentence: Sentence
    actors: list[Mention]
    recipients: list[Mention]
    modality: str
    date: EventDate | None
    location: Location | None
    attributes: Attributes
    fallback: bool = False

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(m.country for m in self.actors + self.recipients if m.country)

    @property
    def parties(self) -> frozenset[str | None]:
        """Coded parties: countries, and None for an international organisation."""
        return frozenset(m.country for m in self.actors + self.recipients if m.coded)


@cache
def _matcher() -> RuleMatcher:
    return RuleMatcher(get_nlp().vocab)


@cache
def _extractor() -> Extractor:
    return Extractor(name="eventx", version=__version__, model=model_version())


# -- attributes -------------------------------------------------------------
def _kind(match: Match, original: Callable[[Span], str]) -> str | None:
    noun = match.tokens.get("object")
    if noun is None:
        return None
    modifiers = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.i == noun.i - 1]
    start = modifiers[0].i if modifiers else noun.i
    return original(noun.doc[start : noun.i + 1])


def _mode(match: Match) -> str | None:
    rule, trigger = match.rule, match.trigger
    named = name_before(trigger)  # "a virtual SCO (...) Summit": the name's modifiers too
    modifiers = [*trigger.children, *(named.children if named is not None else [])]
    for child in modifiers:  # "virtual summit", "phone call"
        mode = rule.modes.get(child.lemma_.lower())
        if mode and child.dep_ in {"amod", "compound", "nmod"}:
            return mode
    if rule.mode:
        return rule.mode
    if rule.mode_from == "trigger":
        return rule.modes.get(trigger.lemma_.lower())
    if rule.mode_from == "modifier" and "modifier" in match.tokens:
        return rule.modes.get(match.tokens["modifier"].lemma_.lower())
    return None


def _phase(match: Match) -> str:
    trigger, phases = match.trigger, match.rule.phases
    for token in [trigger, *trigger.children]:
        if token.lemma_.lower() in phases and (token.i == trigger.i or token.dep_ == "amod"):
            return phases[token.lemma_.lower()]
    verb = (
        governing_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else match.tokens.get("verb")
    )
    if verb is None:
        return "held"
    for token in [verb, *verb.children]:
        lemma = token.lemma_.lower()
        if lemma in phases and (token.i == verb.i or token.dep_ in {"prt", "xcomp"}):
            return phases[lemma]
    if verb.head.lemma_.lower() in phases and verb.dep_ == "xcomp":
        return phases[verb.head.lemma_.lower()]
    return "held"


def _name(match: Match, original: Callable[[Span], str]) -> str | None:
    trigger = match.trigger
    parts = [c for c in trigger.lefts if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"]
    if not parts:
        return None
    return original(trigger.doc[parts[0].left_edge.i : parts[-1].i + 1])


def _attributes(match: Match, original: Callable[[Span], str]) -> Attributes:
    kind = match.rule.type
    if kind == "meeting_held":
        return Attributes(mode=_mode(match))  # type: ignore[arg-type]
    if kind == "military_exercise":
        return Attributes(phase=_phase(match), name=_name(match, original))  # type: ignore[arg-type]
    if kind == "agreement_signed":
        return Attributes(kind=_kind(match, original))
    return Attributes()


def _codes(draft: Draft) -> tuple[str, str]:
    codes = type_codes()[draft.match.rule.type]
    cameo, plover = codes["cameo"], codes["plover"]
    variant: str | None = None
    trigger = draft.match.trigger
    if draft.match.rule.type == "agreement_signed":
        kind = (draft.attributes.kind or "").lower()
        variant = (
            "ceasefire" if any(w in kind for w in ("ceasefire", "cease-fire", "truce")) else None
        )
    elif draft.match.rule.type == "meeting_held":
        if draft.attributes.mode in {"phone", "visit"}:
            variant = draft.attributes.mode
        elif trigger.lemma_.lower() in NEGOTIATION_LEMMAS or trigger.lower_ == "talks":
            variant = "negotiation"
    elif draft.match.rule.type == "military_exercise":
        joint = any(c.lower_ in JOINT_MODIFIERS for c in trigger.children)
        if joint or len(draft.countries) > 1:
            variant = "joint"
    chosen = codes["variants"].get(variant, {}) if variant else {}
    return chosen.get("cameo", cameo), chosen.get("plover", plover)


# -- drafting ---------------------------------------------------------------
def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[tuple[int, int, str | None]] = set()
    kept = []
    for mention in mentions:
        key = (mention.start, mention.end, mention.country)
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


def _draft(
    match: Match,
    sent: Span,
    sentence: Sentence,
    offset: int,
    coder: ActorCoder,
    published: dt.date | None,
    text: str,
) -> Draft | None:
    """Fill one match's roles, place, date and modality.

    ``offset`` shifts a re-parsed headline back onto the document, and every
    text field is sliced from the document ``text`` itself, never from the
    re-cased copy.
    """
    rule, trigger = match.rule, match.trigger

    def original(span: Span) -> str:
        return text[span.start_char + offset : span.end_char + offset]

    exclude = frozenset(t.i for name, t in match.tokens.items() if name != "trigger")
    event_noun = match.tokens.get("object")
    found = roles(trigger, rule.roles, exclude, event_noun, visit=_mode(match) == "visit")
    if event_noun is not None:  # "the IAEA Additional Protocol": parties named in the name
        found.modifiers += entity_members(event_noun)
    # pattern nodes named "partner" or "host" are parties by construction
    partner = match.tokens.get("partner")
    if partner is not None:
        if rule.partner_coded and not any(m.coded for m in coder.code_phrase(partner)):
            return None  # "spoke to reporters" is no meeting
        found.actors.append(partner)
    found.recipients += [t for name, t in match.tokens.items() if name == "host"]
    actors = _unique(
        [m for t in found.modifiers if t.i != trigger.i for m in coder.code_modifier(t)]
        + [m for t in found.actors if t.i != trigger.i for m in coder.code_phrase(t)]
    )
    recipients = _unique(m for t in found.recipients for m in coder.code_phrase(t))
    recipient_tokens = found.recipients
    if rule.roles == "visit" or (rule.type == "meeting_held" and _mode(match) == "visit"):
        recipients = [m for m in recipients if m.coded]
        if rule.requires_recipient and not recipients:
            return None
        visitors = {m.country for m in actors if m.country}
        if recipients and visitors and visitors >= {m.country for m in recipients}:
            return None  # a trip at home is no visit
    if rule.type == "meeting_held" and _mode(match) != "visit" and rule.roles != "host":
        actors = _unique(actors + recipients)  # a meeting is symmetric: all are actors
        recipients = []
        actors = _distinct_pronouns(actors, coder, trigger.doc)
        if trigger.pos_ in {"NOUN", "PROPN"} and len({m.country for m in actors if m.coded}) == 1:
            # "He accused Arafat ..., in a telephone call with Chirac": the one who
            # speaks in the main clause is the other side
            others = subjects(sent.root) if sent.root.i != trigger.i else []
            actors = _unique(actors + [m for t in others for m in coder.code_phrase(t) if m.coded])
    verb = governing_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else trigger
    location = event_location(trigger, verb, recipient_tokens)
    date = event_date(trigger, sent, published)
    draft = Draft(
        match=match,
        offset=offset,
        sentence=sentence,
        actors=[m.shifted(offset, text) for m in actors],
        recipients=[m.shifted(offset, text) for m in recipients],
        modality=_modality_with_date(modality(trigger), date, published),
        date=date,
        location=location.model_copy(
            update={
                "start": location.start + offset,
                "end": location.end + offset,
                "text": text[location.start + offset : location.end + offset],
            }
        )
        if location
        else None,
        attributes=_attributes(match, original),
    )
    nominal = trigger.pos_ in {"NOUN", "PROPN"}
    sides = gazetteer.feature_countries(draft.location.text) if draft.location else ()
    if not draft.actors and sides and draft.location is not None:
        # "violations at the Line of Control": between the states on either side
        where = draft.location
        draft.actors = [
            Mention(where.text, where.start, where.end, "LOC", code, "GOV") for code in sides
        ]
        draft.fallback = True
    if not draft.actors and not nominal and not any(m.group for m in draft.recipients):
        # a verb whose subject the parse lost: the names of its own clause
        taken = {(m.start, m.end) for m in draft.recipients}
        if draft.location:
            taken.add((draft.location.start, draft.location.end))
        clause = clause_tokens(trigger)
        draft.actors = [
            m.shifted(offset, text)
            for m in _unique(coder.sentence_mentions(sent, clause))
            if (m.start + offset, m.end + offset) not in taken
        ]
        draft.fallback = True
    return draft


OFFICIAL_SECTORS = frozenset({"GOV", "IGO"})


def _modality_with_date(found: str, date: EventDate | None, published: dt.date | None) -> str:
    """An asserted event dated after the article was published is still to come."""
    return "future" if found == "asserted" and after_publication(date, published) else found


def _distinct_pronouns(actors: list[Mention], coder: ActorCoder, doc: Doc) -> list[Mention]:
    """In a meeting, "he" is not the partner he met: "during his phone call
    with Erdogan" refers back to someone of another country."""
    named = frozenset(m.country for m in actors if m.label != "PRON" and m.country)
    fixed = []
    for mention in actors:
        if mention.label == "PRON" and mention.country in named:
            token = doc.char_span(mention.start, mention.end)
            other = coder.person_before(token[0], avoid=named) if token else None
            if other is None:
                continue
            mention = other
        fixed.append(mention)
    return fixed


def _passes_party_checks(draft: Draft) -> bool:
    """The rule's participant conditions (min_parties, requires_party, ...)."""
    rule = draft.match.rule
    parties = {m.country or m.text.lower() for m in draft.actors + draft.recipients}
    if rule.min_parties and len(parties) < rule.min_parties:
        return False
    if rule.requires_party:
        found = [] if draft.fallback else draft.actors
        if not any(m.coded for m in found + draft.recipients):
            return False
    if rule.requires_official:  # a visit is made by officials, not by troops or tourists
        return any(m.sector in OFFICIAL_SECTORS for m in draft.actors)
    return True


DOMESTIC_SECTORS = frozenset({"REB", "OPP"})


@dataclass(frozen=True)
class DocumentContext:
    """What a document is about: its most named countries."""

    home: str | None  # the most named country: "rebels" with no country are its rebels
    pair: list[str]  # the two most named countries, the default salient parties

    @classmethod
    def of(cls, coder: ActorCoder, doc: Doc) -> DocumentContext:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for sent in doc.sents:
            for mention in coder.sentence_mentions(sent):
                if mention.country:
                    # a state named as a place ("in Syria") is where the story is set
                    place = doc.char_span(mention.start, mention.end)
                    weight = (
                        2
                        if place is not None
                        and place.root.dep_ == "pobj"
                        and (place.root.head.lower_ in {"in", "inside", "across", "throughout"})
                        else 1
                    )
                    counts[mention.country] += weight
                    first.setdefault(mention.country, mention.start)
        ranked = sorted(counts, key=lambda code: (-counts[code], first[code]))
        return cls(home=ranked[0] if ranked else None, pair=sorted(ranked[:2]))


def _resolve_context(drafts: list[Draft], context: DocumentContext) -> None:
    """Resolve what a sentence leaves to its document.

    * Group references ("both sides", "they") and event nouns that name no
      party ("the talks") stand for the salient parties: the country set
      shared by most earlier events with two or more parties; before any
      such event, the two countries the document names most.
    * Rebels and opposition with no country belong to the document's home
      country (the one it names most).
    """
    seen: Counter[frozenset[str | None]] = Counter()
    first_seen: dict[frozenset[str | None], int] = {}
    for index, draft in enumerate(drafts):
        salient: list[str | None]
        if seen:
            best = max(seen, key=lambda parties: (seen[parties], -first_seen[parties]))
            salient = sorted(best, key=str)
        else:
            salient = list(context.pair)
        groups = [m for m in draft.actors if m.group]
        nominal = draft.match.trigger.pos_ in {"NOUN", "PROPN"}
        if groups and not any(m.coded for m in draft.actors):
            group = groups[0]
            sector = sector_of(group.text.split())
            draft.actors = [
                replace(group, country=c, sector=sector if c else "IGO", group=False)
                for c in salient
            ]
        elif groups:  # "with Russia and other countries": an unknown party beside named ones
            draft.actors = [replace(m, group=False) for m in draft.actors]
        elif nominal and not draft.actors and not draft.recipients and salient:
            draft.actors = [_context_party(draft, code) for code in salient]
            draft.fallback = True
        draft.actors = _prune([_home(m, context) for m in draft.actors if not m.group])
        igo_only = all(m.sector == "IGO" and m.country is None for m in draft.actors)
        if draft.actors and igo_only and context.home:
            # an organisation that sponsors talks or brokers a deal does so with
            # the parties the document is about: "UN-sponsored talks" in a Syria story
            draft.actors.append(_context_party(draft, context.home))
        draft.recipients = _prune([_home(m, context) for m in draft.recipients if not m.group])
        _second_party(draft, context)
        if len(draft.parties) >= 2:
            seen[draft.parties] += 1
            first_seen.setdefault(draft.parties, index)


def _second_party(draft: Draft, context: DocumentContext) -> None:
    """An agreement takes two: one that names a single state is with the state
    the story is about ("Russia negotiated a ceasefire" in a Syria story), unless
    the verb is one party's own act on a treaty ("Chile ratified the convention")."""
    kind = draft.match.rule.type
    named = {m.country for m in draft.actors if m.country}
    if (
        kind == "agreement_signed"
        and len(named) == 1
        and context.home
        and context.home not in named
        and not any(m.sector == "IGO" for m in draft.actors)
        and draft.match.trigger.lemma_.lower() not in single_party_verbs(kind)
    ):
        draft.actors.append(_context_party(draft, context.home))


def _context_party(draft: Draft, code: str | None) -> Mention:
    """A party the document supplies, anchored on the trigger (label CONTEXT)."""
    trigger = draft.match.trigger
    start = trigger.idx + draft.offset
    sector = None if code else "IGO"
    return Mention(trigger.text, start, start + len(trigger), "CONTEXT", code, sector)


def _prune(mentions: list[Mention]) -> list[Mention]:
    """Beside coded parties, a mention with neither country nor sector (an
    unknown person, a mis-tagged word) is noise, not an unknown party."""
    if any(m.coded for m in mentions):
        return [m for m in mentions if m.coded or m.sector is not None or m.label == "NOUN"]
    return mentions


def _home(mention: Mention, context: DocumentContext) -> Mention:
    if mention.country is None and mention.sector in DOMESTIC_SECTORS and context.home:
        return replace(mention, country=context.home)
    return mention


def _merge_repeats(drafts: list[Draft]) -> list[Draft]:
    """One event per sentence, type, modality and visit-or-not (gold convention).

    Mentions merge when they can be the same event: "will meet in London for
    talks" is one.  They stay apart when they are two: verbal triggers with
    different lemmas ("signed the treaty in 2001 and ratified it in 2004"), or
    mentions that each name their own, different parties ("the meeting in
    Ramallah followed talks between Zinni and Sharon").
    """
    kept: list[Draft] = []
    for draft in drafts:
        twin = next((other for other in kept if _same_event(other, draft)), None)
        if twin is None:
            kept.append(draft)
        elif _score(draft) > _score(twin):
            kept[kept.index(twin)] = draft
    return sorted(kept, key=lambda d: (d.match.trigger.idx + d.offset, d.match.rule.type))


def _same_event(a: Draft, b: Draft) -> bool:
    def key(d: Draft) -> tuple[int, str, str, bool]:
        return (d.sentence.index, d.match.rule.type, d.modality, d.attributes.mode == "visit")

    if key(a) != key(b):
        return False
    lemmas = {
        d.match.trigger.lemma_.lower() for d in (a, b) if d.match.trigger.pos_ in {"VERB", "AUX"}
    }
    if len(lemmas) == 2:
        return False
    own_a, own_b = (frozenset(d.countries) if not d.fallback else frozenset() for d in (a, b))
    return not own_a or not own_b or own_a <= own_b or own_b <= own_a


def _score(draft: Draft) -> tuple[float, int, int]:
    coded = sum(1 for m in draft.actors + draft.recipients if m.coded)
    return (draft.match.rule.strength, coded, -(draft.match.trigger.idx + draft.offset))


def _confidence(draft: Draft) -> float:
    score = draft.match.rule.strength
    if not draft.actors:
        score *= 0.6
    elif draft.fallback:
        score *= 0.8
    if draft.actors and not all(m.coded for m in draft.actors):
        score *= 0.9
    return round(min(score, 1.0), 3)


def _participant(mention: Mention) -> Participant:
    return Participant(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        label=mention.label,
        country=mention.country,
        sector=mention.sector,
    )


def _record(draft: Draft, doc_id: str, text: str) -> Event:
    trigger = draft.match.trigger
    start = trigger.idx + draft.offset
    end = start + len(trigger.text)
    kind = draft.match.rule.type
    digest = hashlib.sha1(f"{doc_id}\x1f{kind}\x1f{start}\x1f{end}".encode()).hexdigest()[:16]
    cameo, plover = _codes(draft)
    return Event(
        event_id=f"ev-{digest}",
        doc_id=doc_id,
        type=kind,  # type: ignore[arg-type]
        trigger=TextSpan(text=text[start:end], start=start, end=end),
        sentence=draft.sentence,
        actors=[_participant(m) for m in draft.actors],
        recipients=[_participant(m) for m in draft.recipients],
        modality=draft.modality,  # type: ignore[arg-type]
        date=draft.date,
        location=draft.location,
        attributes=draft.attributes,
        cameo=cameo,
        plover=plover,
        confidence=_confidence(draft),
        rule=draft.match.rule.id,
        extractor=_extractor(),
    )


def _sentence_matches(doc: Doc, sent: Span, all_matches: list[Match]) -> list[Match]:
    return [m for m in all_matches if sent.start <= m.trigger.i < sent.end]


def events_from_doc(doc: Doc, document: Document) -> list[Event]:
    """Every event in a parsed document, in text order."""
    matcher = _matcher()
    coder = ActorCoder(doc)
    matches = matcher(doc)
    drafts: list[Draft] = []
    for index, sent in enumerate(doc.sents):
        text = sent.text.rstrip()
        sentence = Sentence(
            index=index, start=sent.start_char, end=sent.start_char + len(text), text=text
        )
        if headlines.is_headline(sent):
            head_doc = get_nlp()(headlines.recase(sent))
            head_coder = ActorCoder(head_doc)
            head_coder.aliases = coder.aliases
            for match in matcher(head_doc):
                draft = _draft(
                    match,
                    head_doc[:],
                    sentence,
                    sent.start_char,
                    head_coder,
                    document.published,
                    doc.text,
                )
                if draft is not None:
                    drafts.append(draft)
            continue
        for match in _sentence_matches(doc, sent, matches):
            draft = _draft(match, sent, sentence, 0, coder, document.published, doc.text)
            if draft is not None:
                drafts.append(draft)
    _resolve_context(drafts, DocumentContext.of(coder, doc))
    kept = [d for d in drafts if _passes_party_checks(d)]
    return [_record(d, document.id, doc.text) for d in _merge_repeats(kept)]


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
    text: str, *, published: str | dt.date | None = None, doc_id: str | None = None
) -> list[Event]:
    """Events in one text.  ``published`` anchors relative dates ("last year")."""
    document = Document(id=doc_id or "doc-0", text=text, published=parse_published(published))
    return events_from_doc(get_nlp()(text), document)


def extract_many(
    docs: Iterable[Document | dict[str, object] | str], *, batch_size: int = BATCH_SIZE
) -> Iterator[Event]:
    """Stream events from many documents, parsed in ``nlp.pipe`` batches.

    Items are :class:`Document`, dicts with ``id``, ``text`` and optional
    ``published``, or plain strings (ids ``doc-0``, ``doc-1``, ...).
    """
    documents = (_as_document(item, i) for i, item in enumerate(docs))
    pairs = get_nlp().pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size)
    for doc, document in pairs:
        yield from events_from_doc(doc, document)
