"""Code the participants of an event to a country and a sector.

A role filler found in the parse is a token.  :class:`ActorCoder` turns it
into a :class:`Mention`, consulting what the document says of its people
(:class:`DocumentFacts`, read once per document):

* an entity (GPE, NORP, ORG, PERSON) is looked up in the gazetteer, whole or
  by its parts ("Pakistan Army" is PAK/MIL);
* a titled common noun takes its country from its modifiers and appositions
  ("China's defence minister", "Chinese warships", "the Navies of the United
  States, Australia and Japan"; titles.py);
* a person takes the country of the title around the first full mention, and
  later surname-only mentions ("Gen. Wei") reuse it: the document's aliases;
* pronouns and group nouns ("both sides", "the delegations") stay marked as
  groups, for the pipeline to resolve to the document's salient parties.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from eventx.analysis.grammar import ACTOR_ENTITIES, entity_of, phrase_span
from eventx.analysis.tokens import entities_in
from eventx.coding.document import DocumentFacts
from eventx.coding.mentions import (
    Mention,
    groups,
    lookup_span,
    non_political,
    on_pronoun,
    sector_of,
)
from eventx.coding.phrases import (
    DESCRIPTOR_DEPS,
    OBJECT_PRONOUNS,
    PARTY_PREPS,
    counted_noun,
    distributed,
    group_members,
    in_name_pair,
    is_group_noun,
    organisation_in,
    phrase_tokens,
    unlisted_name,
    word_mention,
)
from eventx.coding.titles import Code, context_code, state_modifiers, word_state
from eventx.knowledge import gazetteer
from eventx.knowledge.packs import pack_words
from eventx.rules.roles import is_capital, is_venue

RELATIVE_TAGS = frozenset({"WP", "WP$", "WDT"})


class ActorCoder:
    """Codes role fillers of one document, consulting its :class:`DocumentFacts`."""

    def __init__(self, facts: DocumentFacts) -> None:
        self.facts = facts

    def _context_code(self, token: Token) -> Code:
        return context_code(token, self.facts.known_person)

    # -- public ----------------------------------------------------------
    def code(self, token: Token) -> list[Mention]:
        """The mentions a role filler stands for (several for "Navies of A, B and C")."""
        if token.tag_ in RELATIVE_TAGS:  # "Pompeo, whose arrival ...": the antecedent
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return self.code(clause.head) if clause is not None else []
        pronoun = token.pos_ == "PRON" or token.lower_ in groups()["plural_pronouns"]
        if pronoun and token.ent_type_ not in ACTOR_ENTITIES:  # "the US" is no "us"
            return self._pronoun(token)
        if token.pos_ in {"NOUN", "PROPN"} and (members := group_members(phrase_span(token))):
            return members  # "the Baltic states", "the two Koreas": every member state
        ent = entity_of(token)
        if ent is not None and not is_group_noun(token):
            return self._entity_parts(ent) or [self._entity(ent, token)]
        return [self._titled(m, token) for m in self._noun(token)]

    def code_modifier(self, token: Token) -> list[Mention]:
        """A modifier of an event noun and the names inside it ("USSR-Iran
        nuclear cooperation", "the IAEA Additional Protocol"): parties only
        if coded, never a venue city."""
        if token.pos_ == "PRON":  # "his visit": whoever "his" is
            return [m for m in self.code(token) if m.coded]
        if members := group_members(token.doc[token.left_edge.i : token.right_edge.i + 1]):
            return members  # "the six-party talks", "the Normandy Four summit"
        found: list[Mention] = []
        for inner in token.subtree:
            if inner.dep_ in {"prep", "relcl", "acl"} or is_venue(inner) or is_capital(inner):
                continue  # "the Paris Climate Accord": where it was made, not a party
            if inner.pos_ not in {"PROPN", "ADJ", "NOUN"}:
                continue
            ent = entity_of(inner)
            if ent is not None and ent.root.i != inner.i:  # a word inside a longer name
                found.extend(self._context_mentions(inner))
                continue
            if unlisted_name(inner):
                continue  # "the Cobra Gold exercise": a name, not Israel's Dore Gold
            coded = [m for m in self.code(inner) if m.coded]
            if not coded and in_name_pair(inner):
                coded = self._pair_member(inner)  # "the Ford-Suharto meeting": Ford is no firm
            if not coded and (country := word_state(inner)) is not None:
                coded = [word_mention(inner, country, "GOV")]  # "the Sino-Pakistani pact"
            found.extend(coded)
        return found

    def _pair_member(self, token: Token) -> list[Mention]:
        entry = self.facts.known_person(token.text)
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
        counted = counted_noun(token)
        if counted is not None:  # "hundreds of Ghanaian and Nigerian troops"
            return self.code_phrase(counted)
        if token.pos_ == "NOUN" and non_political([token.text]):
            # "airlines from Japan", "a Chinese lender": a firm, club or player,
            # whatever state it comes from, is no political party
            span = phrase_span(token)
            return [Mention(span.text, span.start_char, span.end_char, "ORG", None, None)]
        mentions = self.code(token)
        covered = {(m.start, m.end) for m in mentions}
        # a named head's modifiers describe it ("the two Nato allies", "Pakistan's
        # COAS"); only coordinations, appositions and "of" phrases add parties
        skip = DESCRIPTOR_DEPS if mentions else frozenset()
        # "talks between Serbia and Bosnia failed to produce an agreement": the
        # parties of talks that act are the talks' own
        talks = pack_words("meeting_held", "negotiation_nouns")
        own = (
            [c for c in token.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS]
            if token.lemma_.lower() in talks or token.lower_ in talks
            else []
        )
        # "Toyota and the Vietnamese carmaker VinFast": a firm among the
        # coordinated parties is none, whatever its modifiers and name say
        firms = {
            t.i
            for conj in token.conjuncts
            if conj.pos_ == "NOUN" and non_political([conj.text])
            for t in conj.subtree
        }
        for inner in [*phrase_tokens(token, skip), *(t for p in own for t in p.subtree)]:
            if inner.i in firms:
                continue
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
        if lower in groups()["singular_pronouns"]:
            person = (
                self._fronted_subject(token)
                or self.person_before(token)
                or self._titled_object_before(token)
                or self._clause_subject(token)
            )
            if person is None:  # someone, though we cannot say who
                return [on_pronoun(token, None, None)]
            return [person]
        if lower in groups()["plural_pronouns"]:
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
        country, sector = self.facts.aliases.get(subject.lower_, (None, None))
        found = [m for m in self.code(subject) if m.coded]
        if found:
            country, sector = found[0].country, found[0].sector
        # uncoded, it is still this subject: never an earlier person
        return on_pronoun(token, country, sector)

    def _titled_object_before(self, token: Token) -> Mention | None:
        """ "Receiving the Tajik president, Uzbekistan's president signed a treaty
        with him": an object pronoun is not its own clause's subject; with no
        named person before it, it is the nearest titled object before it."""
        if token.lower_ not in OBJECT_PRONOUNS or token.dep_ not in {"pobj", "dobj", "dative"}:
            return None
        for noun in reversed(token.sent[: token.i - token.sent.start]):
            if noun.pos_ == "NOUN" and noun.dep_ in {"dobj", "pobj"}:
                titled = [m for m in self._noun(noun) if m.coded and m.sector]
                if titled:
                    return on_pronoun(token, titled[0].country, titled[0].sector)
        return None

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
                        return on_pronoun(token, titled[0].country, titled[0].sector)
        return None

    def _entity_parts(self, ent: Span) -> list[Mention]:
        """Each party named inside a joint name: "the Russia-Syrian Commission",
        "the Ford-Suharto meeting", "US-Russia"."""
        joined = any(t.lower_ in {"-", "and", "–", "/"} or "-" in t.text for t in ent)
        words = [w for t in ent for w in t.text.replace("–", "-").split("-") if w]
        words += distributed(ent)
        if not joined or len(words) < 2:
            return []
        # a name joining two states is a bilateral body unless its words say otherwise
        sector = sector_of(t.text for t in ent) or "GOV"
        parts = []
        for i, word in enumerate(words):
            entry = gazetteer.lookup(word) or self.facts.person(word)
            combined = gazetteer.combining_form(word) if i < len(words) - 1 else None
            if entry is None and combined is not None:  # "Sino" in "Sino-Pakistani"
                entry = gazetteer.Entry(combined, None, "demonym")
            if entry is not None and entry.country and entry.kind != "capital":
                start, end = ent.start_char, ent.end_char
                parts.append(
                    Mention(ent.text, start, end, ent.label_, entry.country, entry.sector or sector)
                )
        return parts if len({m.country for m in parts}) > 1 else []

    def person_before(self, token: Token, avoid: frozenset[str] = frozenset()) -> Mention | None:
        """The latest person named before a pronoun ("he", "his"), skipping
        people of the countries in ``avoid``; the mention sits on the pronoun."""
        for person in reversed([p for p in self.facts.people if p.end <= token.idx]):
            if person.country not in avoid:
                return on_pronoun(token, person.country, person.sector)
        return None

    def _entity(self, ent: Span, token: Token) -> Mention:
        # a person's name is never searched for parts: "Abdel Fatah al-Sisi" is no Fatah
        entry = gazetteer.lookup(ent.text) if ent.label_ == "PERSON" else lookup_span(ent)
        country = entry.country if entry else None
        sector = entry.sector if entry else None
        if ent.label_ == "PERSON" and country is None:
            country, sector = self.facts.alias(ent)
            known = self.facts.known_person(ent.text) if sector is None else None
            if known is not None and country in {None, known.country}:
                # "Britain's Tony Blair": the document gives the country, the list the office
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
        # the whole name first: "South Sudan" (tagged LOC) is not Sudan
        upper = token.text[:1].isupper()
        entry = (gazetteer.lookup(span.text) or gazetteer.lookup(token.text)) if upper else None
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
        alias = self.facts.aliases.get(token.lower_) if token.pos_ == "PROPN" else None
        known = self.facts.known_person(token.text) if token.pos_ == "PROPN" and not alias else None
        if known is not None:
            alias = (known.country, known.sector)
        if alias is not None:  # a surname the NER missed: "Gen. Wei"
            return [Mention(span.text, span.start_char, span.end_char, "PERSON", *alias)]
        # "the Navies of the United States, Australia, and Japan", "leaders of the Quad"
        of_objects = [
            pobj
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            and (entity_of(pobj) is not None or group_members(phrase_span(pobj)))
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
        states = state_modifiers(token)
        if len(states) > 1:  # "Indian, Japanese and Australian diplomats": each a party
            return [word_mention(word, state, sector) for word, state in states]
        named = organisation_in(span)  # "Islamic State fighters" are the group's, not a state's
        if named is not None and named.sector is not None:
            country, sector = named.country or country, named.sector
        if country is not None or sector == "IGO":
            return [Mention(span.text, span.start_char, span.end_char, "NOUN", country, sector)]
        if is_group_noun(token):
            return [self._group(span)]
        if token.lower_ in groups()["group_nouns"]:
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
        for ent in entities_in(sent):
            if ent.label_ in ACTOR_ENTITIES and (within is None or ent.root.i in within):
                mention = self._entity(ent, ent.root)
                if mention.coded:
                    yield mention
