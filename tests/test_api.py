"""The library API: extract and extract_many give the same events."""

from __future__ import annotations

import datetime as dt

import eventx
from tests.helpers import ROOT

SEED = (ROOT / "seeds" / "china_pakistan_defense_deal.txt").read_text(encoding="utf-8")


def test_extract_many_streams_the_same_events_as_extract() -> None:
    docs = [
        {"id": "seed", "text": SEED, "published": "2020-11-30"},
        eventx.Document(
            id="d2", text="Kenya and Uganda signed a trade pact.", published=dt.date(2021, 1, 5)
        ),
        "Vietnam held talks with Laos.",
    ]
    streamed = list(eventx.extract_many(docs, batch_size=2))
    single = (
        eventx.extract(SEED, published="2020-11-30", doc_id="seed")
        + eventx.extract(
            "Kenya and Uganda signed a trade pact.", published=dt.date(2021, 1, 5), doc_id="d2"
        )
        + eventx.extract("Vietnam held talks with Laos.", doc_id="doc-2")
    )
    assert [e.to_json_dict() for e in streamed] == [e.to_json_dict() for e in single]
    assert {e.doc_id for e in streamed} == {"seed", "d2", "doc-2"}


def test_schema_is_generated_from_the_models() -> None:
    schema = eventx.json_schema()
    assert schema["$id"] == "eventx.event/1"
    assert {"schema", "event_id", "actors", "modality", "date"} <= set(schema["properties"])
