"""What a document says about its people, read once before its events are coded.

The actor coder (actors.py) consults one :class:`DocumentFacts` for every
event of the document, and the document context (events/context.py) reads
it for the story's home country and topic.  It holds:

* the sentences, and which of them the context reads fully: the analysed
  ones (analysis/analyser.py; both modes read the same sentences fully, so
  both write the same events), the others through the gazetteer's names;
* the entities of the fully read sentences;
* ``published``: the publication date, on which the actor dictionary codes
  people (a minister then, a former minister now; knowledge/people.py);
* ``strangers``: surnames of people named in full whom the actor dictionary
  does not list; within the document the surname alone is them;
* ``aliases``: the country and sector of every titled person, by each word of
  the name, so that a later "Gen. Wei" is the first mention's "Gen. Wei
  Fenghe, China's defence minister";
* ``people``: coded person mentions in text order, for pronouns ("he");
* per sentence, read at its first event: its time expressions and whether it
  is a yes-no question, so that no event scans its whole sentence again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Span

from eventx.analysis.tokens import entities_in, sentences
from eventx.coding.dates import SentenceTimes
from eventx.coding.mentions import Mention, name_stopwords
from eventx.coding.modality import polar_question
from eventx.coding.names import Named, gazetteer_names, names_in
from eventx.coding.titles import Code, context_code, known_person
from eventx.knowledge import gazetteer, people


@dataclass
class DocumentFacts:
    doc: Doc
    sentences: list[Span]
    read: list[bool]  # per sentence: does the context read it fully?
    entities: list[Span]  # of the sentences read fully
    strangers: frozenset[str]
    published: dt.date | None = None
    aliases: dict[str, Code] = field(default_factory=dict)
    people: list[Mention] = field(default_factory=list)
    # what every event of a sentence asks of the whole sentence, read once per sentence
    _times: dict[tuple[int, int], SentenceTimes] = field(default_factory=dict, init=False)
    _questions: dict[tuple[int, int], bool] = field(default_factory=dict, init=False)

    @classmethod
    def of(cls, doc: Doc, published: dt.date | None = None) -> DocumentFacts:
        sents = sentences(doc)
        needed = doc._.needed  # None: every sentence was analysed
        read = [needed is None or sent.start in needed for sent in sents]
        if needed is None:
            entities = list(doc.ents)
        else:
            entities = [
                ent
                for sent, full in zip(sents, read, strict=True)
                if full
                for ent in entities_in(sent)
            ]
        facts = cls(doc, sents, read, entities, _strangers(entities, published), published)
        facts._learn_aliases()
        facts._meet_known_people()
        return facts

    def with_aliases(self, aliases: dict[str, Code]) -> DocumentFacts:
        """These facts with another document's aliases: a re-parsed headline's
        "Gen. Wei" is the body's Gen. Wei."""
        return replace(self, aliases=aliases)

    @cached_property
    def names(self) -> list[Named]:
        """The gazetteer's names in the whole text (read only where needed)."""
        return gazetteer_names(self.doc, self.published)

    def names_in(self, sent: Span, place_preps: frozenset[str]) -> tuple[list[Mention], list[bool]]:
        return names_in(self.names, sent, place_preps)

    def times(self, sent: Span) -> SentenceTimes:
        """The sentence's time expressions and anchor year (coding/dates.py)."""
        key = (sent.start, sent.end)
        if key not in self._times:
            self._times[key] = SentenceTimes.of(sent)
        return self._times[key]

    def question(self, sent: Span) -> bool:
        """Is the sentence a yes-no question (coding/modality.py)?"""
        key = (sent.start, sent.end)
        if key not in self._questions:
            self._questions[key] = polar_question(sent)
        return self._questions[key]

    def known_person(self, text: str) -> gazetteer.Entry | None:
        """The listed figure a name is in this document, as of its publication."""
        return known_person(text, self.strangers, self.published)

    def person(self, text: str) -> gazetteer.Entry | None:
        """The listed figure of a name, as of the publication (no strangers test)."""
        return people.person(text, self.published)

    def alias(self, ent: Span) -> Code:
        """The country and sector a name's words were learnt with, last word first."""
        for token in reversed(list(ent)):
            found = self.aliases.get(token.lower_)
            if found:
                return found
        return None, None

    def _learn_aliases(self) -> None:
        """Code every titled person once, so later surnames resolve."""
        clashes: set[str] = set()
        for ent in self.entities:
            if ent.label_ != "PERSON":
                continue
            country, sector = context_code(ent.root, self.known_person)
            if country is None:
                country, sector = self.alias(ent)
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
                if not token.is_alpha or not token.is_title or token.lower_ in name_stopwords():
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
        """People in the sentences the pipeline did not analyse, so that a
        later "he" can be them: listed figures ("Putin spoke on Monday. ... he
        agreed"), and the surnames of the unlisted people the document names
        in full (``strangers``), as the document coded them, else uncoded
        ("Assange, for his part, ... he held meetings" is not the listed
        figure named before Assange)."""
        outside = [sent for sent, full in zip(self.sentences, self.read, strict=True) if not full]
        for sent in outside:
            mentions, _ = self.names_in(sent, frozenset())
            listed = [m for m in mentions if m.label == "PERSON"]
            self.people += listed
            if not self.strangers:
                continue
            for token in sent:
                if token.lower_ not in self.strangers or not token.text[:1].isupper():
                    continue
                if any(m.start <= token.idx < m.end for m in mentions):
                    continue  # inside a listed name
                country, sector = self.aliases.get(token.lower_, (None, None))
                end = token.idx + len(token)
                self.people.append(Mention(token.text, token.idx, end, "PERSON", country, sector))
        if outside:
            self.people.sort(key=lambda mention: mention.start)


def _strangers(entities: list[Span], published: dt.date | None) -> frozenset[str]:
    """Surnames of people named in full whom the actor dictionary does not
    list: within the document, the surname alone is them."""
    found = set()
    for ent in entities:
        words = people.name_words(ent.text) if ent.label_ == "PERSON" else []
        if len(words) > 1 and people.person(ent.text, published) is None:
            found.add(words[-1])
    return frozenset(found)
