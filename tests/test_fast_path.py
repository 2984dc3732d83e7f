"""The fast path: which sentences are analysed, and that it changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventx import extract
from eventx.analysis.candidates import candidate_sentences, possible_lemmas
from eventx.pipeline import default_extractor
from eventx.running.batch import run
from tests.helpers import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"


def _split(text: str) -> list[str]:
    return [s.text.strip() for s in default_extractor().analyser.split(text).sents]


def test_split_keeps_quotes_and_attributions_with_their_sentence() -> None:
    text = (
        '"How could they make an error?" said Putin. "This is how it ended." '
        "Talks resumed in Geneva.\n\nA new paragraph starts here."
    )
    assert _split(text) == [
        '"How could they make an error?" said Putin.',
        '"This is how it ended."',
        "Talks resumed in Geneva.",
        "A new paragraph starts here.",
    ]


def test_inflections_come_from_the_lemmatizer_tables() -> None:
    assert "meet" in possible_lemmas("met")
    assert "sign" in possible_lemmas("signing")
    assert "hold" in possible_lemmas("held")


@pytest.mark.parametrize(
    ("sentence", "candidate"),
    [
        ("The two ministers met in Geneva on Monday.", True),
        ("Peru and Chile signed a border treaty.", True),
        ("The cease - fire was violated overnight.", True),
        ("Shares in the company rose by four per cent.", False),
        ("The weather was mild and the roads were dry.", False),
    ],
)
def test_candidate_sentences_are_those_a_rule_can_match(sentence: str, candidate: bool) -> None:
    doc = default_extractor().analyser.split(sentence)
    assert bool(candidate_sentences(doc)) is candidate


def test_an_entity_rule_needs_its_entity() -> None:
    """ "is in" can be a visit only with a place the NER finds."""
    analyser = default_extractor().analyser
    [garden] = analyser.analyse(["The minister is in the garden."])
    [turkey] = analyser.analyse(["The minister is in Turkey."])
    assert not garden._.needed
    assert turkey._.needed


def test_fast_mode_analyses_only_what_it_needs() -> None:
    text = (
        "Kenya's defence minister Gen. Otieno Wambua arrived on Monday. "
        "The weather was mild. "
        "Gen. Wambua later met Ugandan officials in Kampala."
    )
    analyser = default_extractor().analyser
    [fast] = analyser.analyse([text], mode="fast")
    [full] = analyser.analyse([text], mode="exhaustive")
    intro, weather, meeting = (s.start for s in fast.sents)
    assert fast._.needed == full._.needed == {intro, meeting}  # the alias and the event
    assert fast._.analysed == {intro, meeting} and full._.analysed is None
    assert not any(t.pos_ for t in fast[weather:meeting])
    assert all(t.pos_ for t in full[weather:meeting] if not t.is_space)
    [event] = extract(text)
    assert ("KEN", "MIL") in {(a.country, a.sector) for a in event.actors}  # via the alias


def test_both_modes_give_the_same_events_on_written_stories() -> None:
    text = (ROOT / "seeds" / "china_pakistan_defense_deal.txt").read_text(encoding="utf-8")
    fast = [e.to_json_dict() for e in extract(text, published="2020-11-30")]
    full = [e.to_json_dict() for e in extract(text, published="2020-11-30", mode="exhaustive")]
    assert fast == full and len(fast) == 12


def test_fast_path_is_byte_identical_on_the_shared_corpus(tmp_path: Path) -> None:
    """All of the Lee stories and the Scrapinghub pages."""
    if not CORPUS.exists():
        pytest.skip("shared corpus not present")
    inputs = [str(CORPUS / "lee.jsonl"), str(CORPUS / "scrapinghub" / "html")]
    fast = run(inputs, tmp_path / "fast", workers=2)
    full = run(inputs, tmp_path / "full", workers=2, mode="exhaustive")
    events = (tmp_path / "fast" / "events.jsonl").read_bytes()
    assert events == (tmp_path / "full" / "events.jsonl").read_bytes()
    assert fast.documents == full.documents == 531
    assert fast.total_events > 100
