"""Code the participants of an event to a country and a sector.

A role filler found in the parse is a token.  :class:`ActorCoder` turns it
into a :class:`Mention`:

* an entity (GPE, NORP, ORG, PERSON) is looked up in the gazetteer, whole or
  by its parts ("Pakistan Army" is PAK/MIL);
* a titled common noun takes its country from its modifiers and appositions
  ("China's defence minister", "Chinese warships", "the Navies of the United
  States, Australia and Japan");
* a person takes the country of the title around the first full mention, and
  later surname-only mentions ("Gen. Wei") reuse it: the document's aliases;
* pronouns and group nouns ("both sides", "the delegations") stay marked as
  groups, for the pipeline to resolve to the document's salient parties.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from eventx import gazetteer
from eventx.nlp import TokenLists, context_ents, in_context, sentences
from eventx.resources import load_json

RELATIVE_TAGS = frozenset({"WP", "WP$", "WDT"})
NAME_ENTITIES = frozenset({"PERSON", "ORG"})
ACTOR_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos"})
# Children that belong to a noun phrase's own words, for its text span.
PHRASE_DEPS = frozenset({"det", "poss", "compound", "amod", "nmod", "nummod", "case", "predet"})


@dataclass(frozen=True)
class Mention:
    """A participant candidate: where it is, and who it stands for."""

    text: str
    start: int
    end: int
    label: str
    country: str | None
    sector: str | None
    group: bool = False  # a pronoun or group noun still to resolve

    @property
    def coded(self) -> bool:
        return self.country is not None or self.sector == "IGO"

    def shifted(self, offset: int, text: str) -> Mention:
        """The mention moved by ``offset`` onto ``text``, whose words it then shows."""
        start, end = self.start + offset, self.end + offset
        return replace(self, start=start, end=end, text=text[start:end])


@cache
def _sector_words() -> tuple[list[str], dict[str, frozenset[str]]]:
    data = load_json("lexicons/sectors.json")
    return data["order"], {sector: frozenset(words) for sector, words in data["words"].items()}


@cache
def party_counts() -> dict[str, int]:
    """ "three", "trilateral": how many parties a group or an event has."""
    return dict(load_json("lexicons/groups.json")["party_counts"])


@cache
def _groups() -> dict[str, frozenset[str]]:
    data = load_json("lexicons/groups.json")
    return {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}


@cache
def _not_political() -> frozenset[str]:
    return frozenset(load_json("lexicons/sectors.json")["not_political"])


def non_political(words: Iterable[str]) -> bool:
    """ "a defunct Swiss company", "shareholders": a firm, club or union."""
    return bool({word.lower() for word in words} & _not_political())


@cache
def _sector_titles() -> dict[str, str]:
    titles: dict[str, str] = load_json("lexicons/sectors.json")["titles"]
    return titles


def _in_name_pair(token: Token) -> bool:
    """One of two names joined by a hyphen before an event noun ("Modi-Xi")."""
    joined = [token.head, token] if token.dep_ == "compound" else [token]
    return token.pos_ == "PROPN" and any(
        c.dep_ == "punct" and c.text in {"-", "–"} for t in joined for c in t.children
    )


def sector_of(words: Iterable[str]) -> str | None:
    """The most specific sector any of the words names (see sectors.json)."""
    order, table = _sector_words()
    sequence = [word.lower() for word in words]
    titles = _sector_titles()
    for pair in pairwise(sequence):
        if " ".join(pair) in titles:
            return titles[" ".join(pair)]  # "attorney general" is no general
    lowered = set(sequence)
    for sector in order:
        if lowered & table.get(sector, frozenset()):
            return sector
    return None


def entity_of(token: Token, labels: frozenset[str] | None = ACTOR_ENTITIES) -> Span | None:
    """The entity with one of ``labels`` (any label if None) that contains the token."""
    if not token.ent_type_ or (labels is not None and token.ent_type_ not in labels):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def phrase_span(token: Token) -> Span:
    """The token with its determiners and pre-modifiers: "China's defence minister"."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in PHRASE_DEPS:
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1]


KIND_PRIORITY = {"organisation": 0, "person": 1, "name": 2, "alias": 2, "capital": 3, "demonym": 4}


def lookup_span(span: Span) -> gazetteer.Entry | None:
    """The whole span in the gazetteer, else its best sub-span.

    Longer sub-spans win; among equally long ones an organisation beats a
    country name, which beats a demonym, and the rightmost (the head of an
    English noun phrase) wins a tie: "the Afghan Taliban" is the Taliban.
    """
    entry = gazetteer.lookup(span.text)
    if entry:
        return entry
    tokens = [t for t in span if not t.is_punct and t.pos_ != "DET"]
    for size in range(len(tokens) - 1, 0, -1):
        found = []
        for i in range(len(tokens) - size + 1):
            part = tokens[i : i + size]
            entry = gazetteer.lookup(span.doc[part[0].i : part[-1].i + 1].text)
            if entry:
                found.append((KIND_PRIORITY.get(entry.kind, 5), -i, entry))
        if found:
            return min(found, key=lambda item: (item[0], item[1]))[2]
    return None


def _distributed(ent: Span) -> list[str]:
    """ "North and South Korea" names North Korea and South Korea."""
    texts = [t.text for t in ent if t.pos_ != "DET"]
    if "and" not in texts or texts.index("and") == 0 or len(texts) < 4:
        return []
    cut = texts.index("and")
    left, right = texts[:cut], texts[cut + 1 :]
    return [" ".join(left + right[1:]), " ".join(right)]


def _on_pronoun(token: Token, country: str | None, sector: str | None) -> Mention:
    """The party a pronoun stands for, placed on the pronoun itself."""
    return Mention(token.text, token.idx, token.idx + len(token), "PRON", country, sector)


class ActorCoder:
    """Codes role fillers of one document; holds its person aliases."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.aliases: dict[str, tuple[str | None, str | None]] = {}
        self.people: list[Mention] = []  # coded person mentions, in order
        self.strangers = _strangers(doc)
        self._learn_aliases()
        self._meet_known_people()

    def known_person(self, text: str) -> gazetteer.Entry | None:
        """A listed figure, unless the name is the surname of someone else this
        document names in full ("Tim Morrison ... Morrison" is not Scott Morrison)."""
        words = gazetteer.name_words(text)
        if len(words) == 1 and words[0] in self.strangers:
            return None
        return gazetteer.person(text)

    # -- aliases ---------------------------------------------------------
    def _learn_aliases(self) -> None:
        """Code every titled person once, so later surnames resolve."""
        clashes: set[str] = set()
        for ent in context_ents(self.doc):
            if ent.label_ != "PERSON":
                continue
            country, sector = self._context_code(ent.root)
            if country is None:
                country, sector = self._alias(ent)
            if country is None:
                known = self.known_person(ent.text)
                if known is not None:
                    country, sector = known.country, known.sector
            self.people.append(
                Mention(ent.text, ent.start_char, ent.end_char, "PERSON", country, sector)
            )
            if country is None:
                continue
            for token in ent:
                if not token.is_alpha or not token.is_title or token.lower_ in _name_stopwords():
                    continue
                key = token.lower_
                learnt = self.aliases.get(key)
                if learnt and learnt[0] != country:
                    clashes.add(key)
                elif not learnt:
                    self.aliases[key] = (country, sector)
        for key in clashes:
            self.aliases.pop(key, None)

    def _meet_known_people(self) -> None:
        """Listed figures in the sentences the pipeline did not analyse, so that
        a later "he" can be them ("Putin spoke on Monday. ... he agreed")."""
        outside = [sent for sent in sentences(self.doc) if not in_context(sent)]
        for sent in outside:
            mentions, _ = named_in_words(sent, frozenset())
            self.people += [m for m in mentions if m.label == "PERSON"]
        if outside:
            self.people.sort(key=lambda mention: mention.start)

    def _alias(self, ent: Span) -> tuple[str | None, str | None]:
        for token in reversed(list(ent)):
            found = self.aliases.get(token.lower_)
            if found:
                return found
        return None, None

    # -- context ---------------------------------------------------------
    def _context_code(self, token: Token) -> tuple[str | None, str | None]:
        """Country and sector from a noun's modifiers and appositions.

        An international organisation as modifier ("a NATO ministers'
        meeting") gives sector IGO and no country.
        """
        country: str | None = None
        igo = False
        words: list[str] = [t.text for t in phrase_span(token)]
        own = entity_of(token)
        for cue in _cue_tokens(token):
            words.append(cue.text)
            if own is not None and own.start <= cue.i < own.end:
                continue  # a person's own name parts are no cue ("Abdel Fatah al-Sisi")
            if country is None:
                ent = entity_of(cue)
                span = ent if ent is not None else cue.doc[cue.i : cue.i + 1]
                entry = lookup_span(span)
                if entry is None and ent is not None and ent.label_ in NAME_ENTITIES:
                    # "Putin's spokesman"; the NER often tags a possessor like
                    # "Trump's" as ORG, so the actor dictionary is asked for both
                    entry = self.known_person(ent.text)
                if entry and entry.country:
                    country = entry.country
                elif entry and entry.sector == "IGO":
                    igo = True
        if country is None and igo:
            return None, "IGO"
        return country, sector_of(words)

    # -- public ----------------------------------------------------------
    def code(self, token: Token) -> list[Mention]:
        """The mentions a role filler stands for (several for "Navies of A, B and C")."""
        if token.tag_ in RELATIVE_TAGS:  # "Pompeo, whose arrival ...": the antecedent
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return self.code(clause.head) if clause is not None else []
        pronoun = token.pos_ == "PRON" or token.lower_ in _groups()["plural_pronouns"]
        if pronoun and token.ent_type_ not in ACTOR_ENTITIES:  # "the US" is no "us"
            return self._pronoun(token)
        ent = entity_of(token)
        if ent is not None and not _is_group_noun(token):
            return self._entity_parts(ent) or [self._entity(ent, token)]
        return [self._titled(m, token) for m in self._noun(token)]

    def code_modifier(self, token: Token) -> list[Mention]:
        """A modifier of an event noun and the names inside it ("USSR-Iran
        nuclear cooperation", "the IAEA Additional Protocol"): parties only
        if coded, never a venue city."""
        if token.pos_ == "PRON":  # "his visit": whoever "his" is
            return [m for m in self.code(token) if m.coded]
        found: list[Mention] = []
        for inner in token.subtree:
            if inner.dep_ in {"prep", "relcl", "acl"} or is_venue(inner) or _is_capital(inner):
                continue  # "the Paris Climate Accord": where it was made, not a party
            if inner.pos_ not in {"PROPN", "ADJ", "NOUN"}:
                continue
            ent = entity_of(inner)
            if ent is not None and ent.root.i != inner.i:  # a word inside a longer name
                found.extend(self._context_mentions(inner))
                continue
            coded = [m for m in self.code(inner) if m.coded]
            if not coded and _in_name_pair(inner):
                coded = self._pair_member(inner)  # "the Ford-Suharto meeting": Ford is no firm
            found.extend(coded)
        return found

    def _pair_member(self, token: Token) -> list[Mention]:
        entry = self.known_person(token.text)
        if entry is None or entry.country is None:
            return []
        return [
            Mention(
                token.text, token.idx, token.idx + len(token), "PERSON", entry.country, entry.sector
            )
        ]

    def code_phrase(self, token: Token) -> list[Mention]:
        """A role filler together with the actor entities inside its phrase.

        Coordinations, appositions and "of" phrases often hang off the wrong
        word in the parse ("Gen. Wei and Pakistan's COAS Gen. Bajwa"); the
        entities of the whole phrase are the parties either way.  Uncoded
        mentions are kept only when nothing in the phrase is coded.
        """
        mentions = self.code(token)
        covered = {(m.start, m.end) for m in mentions}
        # a named head's modifiers describe it ("the two Nato allies", "Pakistan's
        # COAS"); only coordinations, appositions and "of" phrases add parties
        skip = DESCRIPTOR_DEPS if mentions else frozenset()
        for inner in _phrase_tokens(token, skip):
            if inner.dep_ == "conj" and inner.head.dep_ in DESCRIPTOR_DEPS:
                # "Israeli and Palestinian officials": each modifier is a party
                mentions.extend(m for m in self._context_mentions(inner) if m.coded)
            ent = entity_of(inner)
            # the entity's top word in this phrase (its parse root may lie elsewhere)
            inside = ent is not None and ent.start <= inner.head.i < ent.end
            if ent is None or inside or (ent.start_char, ent.end_char) in covered:
                continue
            covered.add((ent.start_char, ent.end_char))
            mentions.append(self._titled(self._entity(ent, inner), token))
        coded = [m for m in mentions if m.coded]
        return coded or mentions

    def _titled(self, mention: Mention, head: Token) -> Mention:
        """A person named inside a title phrase takes the title's country: the
        parse of "Iranian Vice Minister of War General H. Toufanian" hangs the
        name under "Minister", whose modifier "Iranian" says who he is."""
        if mention.label != "PERSON" or mention.coded or entity_of(head) is not None:
            return mention
        country, sector = self._context_code(head)
        if country is None:
            return mention
        return replace(mention, country=country, sector=sector or mention.sector)

    def _pronoun(self, token: Token) -> list[Mention]:
        lower = token.lower_
        if lower in _groups()["singular_pronouns"]:
            person = (
                self._fronted_subject(token)
                or self.person_before(token)
                or self._clause_subject(token)
            )
            if person is None:  # someone, though we cannot say who
                return [_on_pronoun(token, None, None)]
            return [person]
        if lower in _groups()["plural_pronouns"]:
            return [self._group(token.doc[token.i : token.i + 1])]
        return []

    def _fronted_subject(self, token: Token) -> Mention | None:
        """ "Following his talks with May, Yildirim said ...": a pronoun in a
        phrase fronted before the subject points forward to that subject."""
        root = token.sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i < token.i or subject.pos_ != "PROPN":
            return None
        fronted = next((a for a in token.ancestors if a.head.i == root.i), None)
        if fronted is None or fronted.i > subject.i or fronted.dep_ not in {"prep", "advcl"}:
            return None
        country, sector = self.aliases.get(subject.lower_, (None, None))
        found = [m for m in self.code(subject) if m.coded]
        if found:
            country, sector = found[0].country, found[0].sector
        # uncoded, it is still this subject: never an earlier person
        return _on_pronoun(token, country, sector)

    def _clause_subject(self, token: Token) -> Mention | None:
        """ "The Iraqi foreign minister said his visit ...": with no named person
        before it, "his" is the titled subject of a clause it stands in."""
        for verb in token.ancestors:
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            for subject in verb.children:
                if subject.dep_ == "nsubj" and subject.pos_ == "NOUN" and subject.i < token.i:
                    titled = [m for m in self._noun(subject) if m.coded and m.sector]
                    if titled:
                        return _on_pronoun(token, titled[0].country, titled[0].sector)
        return None

    def _entity_parts(self, ent: Span) -> list[Mention]:
        """Each party named inside a joint name: "the Russia-Syrian Commission",
        "the Ford-Suharto meeting", "US-Russia"."""
        joined = any(t.lower_ in {"-", "and", "–", "/"} or "-" in t.text for t in ent)
        words = [w for t in ent for w in t.text.replace("–", "-").split("-") if w]
        words += _distributed(ent)
        if not joined or len(words) < 2:
            return []
        # a name joining two states is a bilateral body unless its words say otherwise
        sector = sector_of(t.text for t in ent) or "GOV"
        parts = []
        for word in words:
            entry = gazetteer.lookup(word) or gazetteer.person(word)
            if entry is not None and entry.country and entry.kind != "capital":
                start, end = ent.start_char, ent.end_char
                parts.append(
                    Mention(ent.text, start, end, ent.label_, entry.country, entry.sector or sector)
                )
        return parts if len({m.country for m in parts}) > 1 else []

    def person_before(self, token: Token, avoid: frozenset[str] = frozenset()) -> Mention | None:
        """The latest person named before a pronoun ("he", "his"), skipping
        people of the countries in ``avoid``; the mention sits on the pronoun."""
        for person in reversed([p for p in self.people if p.end <= token.idx]):
            if person.country not in avoid:
                return _on_pronoun(token, person.country, person.sector)
        return None

    def _entity(self, ent: Span, token: Token) -> Mention:
        # a person's name is never searched for parts: "Abdel Fatah al-Sisi" is no Fatah
        entry = gazetteer.lookup(ent.text) if ent.label_ == "PERSON" else lookup_span(ent)
        country = entry.country if entry else None
        sector = entry.sector if entry else None
        if ent.label_ == "PERSON" and country is None:
            country, sector = self._alias(ent)
            known = self.known_person(ent.text) if country is None else None
            if known is not None:
                country, sector = known.country, known.sector
        if country is None or sector is None:
            context_country, context_sector = self._context_code(ent.root)
            country = country or context_country
            sector = sector or context_sector
        state = entry is not None and entry.kind in {"name", "alias", "capital"}
        if sector is None and country and (ent.label_ == "GPE" or state):
            sector = "GOV"  # a state acting through its government, whatever the NER says
        if sector is None:
            sector = sector_of(t.text for t in ent)
        return Mention(ent.text, ent.start_char, ent.end_char, ent.label_, country, sector)

    def _context_mentions(self, token: Token) -> list[Mention]:
        """The token alone as a coded party, if the gazetteer knows it."""
        entry = lookup_span(token.doc[token.i : token.i + 1])
        if entry is None or entry.kind == "capital" or not (entry.country or entry.sector):
            return []
        return [
            Mention(
                token.text, token.idx, token.idx + len(token), "NOUN", entry.country, entry.sector
            )
        ]

    def _noun(self, token: Token) -> list[Mention]:
        if token.pos_ not in {"NOUN", "PROPN"}:
            return []
        span = phrase_span(token)
        # a name the NER missed ("IAEA", "USSR", "the Afghan Taliban"): the head's
        # own entry gives the sector, and the country where it has one
        entry = gazetteer.lookup(token.text) if token.text[:1].isupper() else None
        if entry is not None:
            context_country, _ = self._context_code(token)
            return [
                Mention(
                    span.text,
                    span.start_char,
                    span.end_char,
                    "ORG",
                    entry.country or context_country,
                    entry.sector or "GOV",
                )
            ]
        alias = self.aliases.get(token.lower_) if token.pos_ == "PROPN" else None
        known = self.known_person(token.text) if token.pos_ == "PROPN" and not alias else None
        if known is not None:
            alias = (known.country, known.sector)
        if alias is not None:  # a surname the NER missed: "Gen. Wei"
            return [Mention(span.text, span.start_char, span.end_char, "PERSON", *alias)]
        # "the Navies of the United States, Australia, and Japan"
        of_objects = [
            pobj
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj" and entity_of(pobj) is not None
        ]
        if of_objects and sector_of([token.text]) is not None:
            sector = sector_of([token.text])
            found = []
            for pobj in of_objects:
                for member in [pobj, *pobj.conjuncts]:
                    for mention in self.code(member):
                        found.append(replace(mention, sector=sector or mention.sector))
            if found:
                return found
        country, sector = self._context_code(token)
        named = _organisation_in(span)  # "Islamic State fighters" are the group's, not a state's
        if named is not None and named.sector is not None:
            country, sector = named.country or country, named.sector
        if country is not None or sector == "IGO":
            return [Mention(span.text, span.start_char, span.end_char, "NOUN", country, sector)]
        if _is_group_noun(token):
            return [self._group(span)]
        if token.lower_ in _groups()["group_nouns"]:
            # "the country", "the government": a party the sentence leaves unresolved
            return [Mention(span.text, span.start_char, span.end_char, "NOUN", None, sector)]
        if sector is not None and token.pos_ == "NOUN":
            # "the government", "officials": a party, though of no known country
            return [Mention(span.text, span.start_char, span.end_char, "NOUN", None, sector)]
        return []

    def _group(self, span: Span) -> Mention:
        return Mention(span.text, span.start_char, span.end_char, "GROUP", None, None, group=True)

    def sentence_mentions(self, sent: Span, within: set[int] | None = None) -> Iterator[Mention]:
        """Coded actor entities of a sentence (or of the token indices ``within``),
        for events whose roles the parse left empty."""
        for ent in sent.ents:
            if ent.label_ in ACTOR_ENTITIES and (within is None or ent.root.i in within):
                mention = self._entity(ent, ent.root)
                if mention.coded:
                    yield mention


NAME_RUN_MAX = 4


def named_in_words(sent: Span, place_preps: frozenset[str]) -> tuple[list[Mention], list[bool]]:
    """Countries, organisations and people of a sentence the statistical
    pipeline did not analyse, from the gazetteer alone: runs of capitalised
    words, longest listed name first; and whether each follows one of
    ``place_preps`` ("in Syria")."""
    names = _gazetteer_names(sent.doc)
    starts = [mention.start for mention, _ in names]
    found = names[
        bisect.bisect_left(starts, sent.start_char) : bisect.bisect_left(starts, sent.end_char)
    ]
    return [m for m, _ in found], [before in place_preps for _, before in found]


def _gazetteer_names(doc: Doc) -> list[tuple[Mention, str]]:
    """Every listed name in ``doc`` with the word before it; once per document.

    A person must fill a whole run of capitalised words: "Doug Cameron" is
    nobody the dictionary lists, and its "Cameron" is not David Cameron; nor
    is a later "Cameron" alone.  Places and organisations may sit inside a
    run ("the Australian Embassy")."""
    cached = doc.user_data.get("eventx_gazetteer_names")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    tokens = TokenLists.of(doc)
    texts = tokens.texts

    def text_of(run: range) -> str:
        return "".join(texts[k] + (" " if tokens.spaced[k] else "") for k in run).strip()

    runs = _capitalised_runs(texts)
    strangers = {
        texts[run[-1]].lower()
        for run in runs
        if len(run) > 1 and gazetteer.person(text_of(run)) is None
    }
    found: list[tuple[Mention, str]] = []
    for run in runs:
        person = gazetteer.person(text_of(run))
        if person is not None and not (len(run) == 1 and texts[run[0]].lower() in strangers):
            hits = [(run, person)]
        else:
            hits = _listed_parts(run, text_of)
        for part, entry in hits:
            text, start = text_of(part), tokens.idx[part[0]]
            label = {"person": "PERSON", "organisation": "ORG"}.get(entry.kind, "GPE")
            mention = Mention(text, start, start + len(text), label, entry.country, entry.sector)
            found.append((mention, texts[part[0] - 1].lower() if part[0] > 0 else ""))
    doc.user_data["eventx_gazetteer_names"] = found
    return found


def _capitalised_runs(texts: list[str]) -> list[range]:
    """Runs of capitalised words, without the function words that open a
    sentence ("The Hill", "Who are we")."""
    runs, start = [], None
    for i, text in enumerate([*texts, ""]):
        if text[:1].isupper() and not (start is None and text.lower() in STOP_WORDS):
            start = i if start is None else start
        elif start is not None:
            runs.append(range(start, i))
            start = None
    return runs


def _listed_parts(
    run: range, text_of: Callable[[range], str]
) -> list[tuple[range, gazetteer.Entry]]:
    """Countries and organisations inside a run, longest first, left to right."""
    parts = []
    i = run.start
    while i < run.stop:
        for size in range(min(NAME_RUN_MAX, run.stop - i), 0, -1):
            entry = gazetteer.lookup(text_of(range(i, i + size)))
            if entry is not None and (entry.country or entry.sector == "IGO"):
                parts.append((range(i, i + size), entry))
                i += size
                break
        else:
            i += 1
    return parts


def _strangers(doc: Doc) -> frozenset[str]:
    """Surnames of people named in full whom the actor dictionary does not
    list: within the document, the surname alone is them."""
    found = set()
    for ent in context_ents(doc):
        words = gazetteer.name_words(ent.text) if ent.label_ == "PERSON" else []
        if len(words) > 1 and gazetteer.person(ent.text) is None:
            found.add(words[-1])
    return frozenset(found)


PHRASE_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "prep"})
PHRASE_PREPS = frozenset({"of", "from"})


DESCRIPTOR_DEPS = frozenset({"compound", "amod", "poss"})


def _organisation_in(span: Span) -> gazetteer.Entry | None:
    """A listed organisation named inside a noun phrase the NER left untagged
    ("Islamic State fighters"; not "anti-Taliban groups")."""
    if len(span) < 2 or any(t.text in {"-", "–"} for t in span):
        return None
    entry = lookup_span(span[:-1])
    return entry if entry is not None and entry.kind == "organisation" else None


def _phrase_tokens(token: Token, skip: frozenset[str] = frozenset()) -> Iterator[Token]:
    """Tokens of a noun phrase: modifiers, conjuncts, appositions, "of"/"from" phrases."""
    for child in token.children:
        if child.dep_ in skip:
            # a descriptor's conjuncts still name parties: "Afghan and British officials"
            yield from (c for c in child.subtree if c.dep_ == "conj" and c.i != child.i)
            continue
        if child.dep_ in PHRASE_STOP_DEPS and not (
            child.dep_ == "prep" and child.lower_ in PHRASE_PREPS
        ):
            continue
        yield child
        yield from _phrase_tokens(child)


def _is_capital(token: Token) -> bool:
    entry = gazetteer.lookup(token.text)
    return entry is not None and entry.kind == "capital"


def is_venue(token: Token) -> bool:
    """A city (not a state) named as where something happens: "the Geneva talks"."""
    if token.ent_type_ != "GPE" or token.dep_ == "poss":
        return False
    entry = gazetteer.lookup(token.text)
    return entry is None or entry.kind == "capital"


def _is_group_noun(token: Token) -> bool:
    return token.lower_ in _groups()["group_nouns"] and _is_group_phrase(token)


def _is_group_phrase(token: Token) -> bool:
    """'both sides', 'the two leaders', 'the delegations': plural or quantified."""
    if token.tag_ in {"NNS", "NNPS"}:
        return True
    determiners = _groups()["group_determiners"]
    return any(child.lower_ in determiners and child.lower_ != "the" for child in token.children)


def _cue_tokens(token: Token, depth: int = 3) -> Iterator[Token]:
    """Modifiers and appositions of a noun, nearest first, a few levels deep."""
    if depth == 0:
        return
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            yield child
            yield from _cue_tokens(child, depth - 1)
    if token.dep_ == "appos":
        yield token.head
        yield from _cue_tokens(token.head, depth - 1)


@cache
def _name_stopwords() -> frozenset[str]:
    _, table = _sector_words()
    return frozenset(word for words in table.values() for word in words) | {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "president",
        "gen",
        "general",
    }
