"""The spaCy component: the same events as eventx.extract(), saved and loaded."""

from __future__ import annotations

import json
import subprocess
import warnings
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import eventx
from eventx.analysis.model import MODEL_NAME
from eventx.component import PACKS_FILE
from eventx.records.event import Event
from tests.helpers import ROOT, python_output

SEED = (ROOT / "seeds" / "china_pakistan_defense_deal.txt").read_text(encoding="utf-8")
OTHER = "Peru and Chile signed a border treaty in Lima on Monday. The weather was mild."


def _lines(events: list[Event]) -> list[dict[str, object]]:
    return [event.to_json_dict() for event in events]


def _events(nlp: Language, text: str, published: str | None, doc_id: str) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.published, doc._.doc_id = published, doc_id
    return list(nlp(doc)._.events)


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load(MODEL_NAME)
    pipeline.add_pipe("eventx")
    return pipeline


@pytest.fixture(scope="module")
def saved(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipeline") / "eventx-sm"
    nlp.to_disk(path)
    return path


def test_add_pipe_gives_the_events_of_extract(nlp: Language) -> None:
    expected = eventx.extract(SEED, published="2020-11-30", doc_id="seed")
    assert len(expected) == 12
    assert _lines(_events(nlp, SEED, "2020-11-30", "seed")) == _lines(expected)


def test_the_doc_keeps_the_pipelines_own_annotation(nlp: Language) -> None:
    doc = nlp(OTHER)
    assert [e.text for e in doc.ents][:2] == ["Peru", "Chile"]
    assert all(token.dep_ for token in doc)  # every sentence parsed, not only the events'
    assert [e.type for e in doc._.events] == ["agreement_signed"]


def test_nlp_pipe_matches_extract_many(nlp: Language) -> None:
    texts = [SEED, OTHER, "", "Nothing happened here."]
    piped = [event for doc in nlp.pipe(texts, batch_size=2) for event in doc._.events]
    many = list(eventx.extract_many(texts))
    # nlp.pipe has no ids: every doc is doc-0 unless doc._.doc_id is set
    assert [(e.type, e.trigger) for e in piped] == [(e.type, e.trigger) for e in many]


def test_saved_pipeline_loads_with_its_config_and_same_events(nlp: Language, saved: Path) -> None:
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    assert (saved / "eventx" / PACKS_FILE).exists()
    assert loaded.get_pipe_config("eventx") == nlp.get_pipe_config("eventx")
    assert _lines(_events(loaded, SEED, "2020-11-30", "seed")) == _lines(
        _events(nlp, SEED, "2020-11-30", "seed")
    )


def test_options_round_trip(tmp_path: Path) -> None:
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("eventx", config={"types": ["meeting_held"], "dedupe": True})
    nlp.to_disk(tmp_path / "meetings")
    loaded = spacy.load(tmp_path / "meetings")
    config = loaded.get_pipe_config("eventx")
    assert config["types"] == ["meeting_held"] and config["dedupe"] is True
    events = _events(loaded, SEED, "2020-11-30", "seed")
    expected = [e for e in eventx.extract(SEED, published="2020-11-30", doc_id="seed", dedupe=True)]
    assert {e.type for e in events} == {"meeting_held"}
    assert _lines(events) == _lines([e for e in expected if e.type == "meeting_held"])


def test_a_fresh_interpreter_finds_the_factory_by_entry_point(saved: Path) -> None:
    assert "eventx" in {ep.name for ep in entry_points(group="spacy_factories")}
    script = (
        "import spacy, sys\n"  # eventx is never imported by hand here
        f"nlp = spacy.load({str(saved)!r})\n"
        "doc = nlp('Peru and Chile signed a border treaty in Lima.')\n"
        "print(doc._.events[0].type)\n"
    )
    assert python_output(script) == "agreement_signed"


def test_loading_warns_when_the_rule_packs_changed(saved: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(saved), str(copy)], check=True)
    record = json.loads((copy / "eventx" / PACKS_FILE).read_text())
    record["packs"]["rules/meeting_held.json"] = "0" * 64
    (copy / "eventx" / PACKS_FILE).write_text(json.dumps(record))
    with pytest.warns(UserWarning, match="other rule packs"):
        spacy.load(copy)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spacy.load(saved)  # the packs it was saved with: no warning


def test_a_pipeline_without_ner_is_refused_clearly() -> None:
    nlp = spacy.load(MODEL_NAME, exclude=["ner"])
    nlp.add_pipe("eventx")
    with pytest.raises(ValueError, match="parser and ner"):
        nlp("Peru and Chile signed a border treaty.")


def test_bad_options_are_refused() -> None:
    nlp = spacy.load(MODEL_NAME, exclude=["ner", "parser"])
    with pytest.raises(ValueError, match="unknown event types"):
        nlp.add_pipe("eventx", config={"types": ["coup"]})
    with pytest.raises(ValueError, match="mode"):
        nlp.add_pipe("eventx", name="x", config={"mode": "quick"})
