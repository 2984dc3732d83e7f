"""The scorer follows the GUIDELINES.md matching rule."""

from __future__ import annotations

import json
from pathlib import Path

from eventx.evaluate import evaluate_file

TEXT = (
    "Kenya and Uganda signed a trade agreement on Tuesday. "
    "The weather was fine. "
    "Peru and Chile will sign a treaty next year."
)


def _gold(tmp_path: Path, events: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    record = {
        "id": "d1",
        "text": TEXT,
        "published": "2021-03-04",
        "exhaustive": True,
        "events": events,
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_perfect_match_and_future_not_counted(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        [
            {
                "type": "agreement_signed",
                "trigger": "signed",
                "trigger_start": TEXT.index("signed"),
                "actors": ["KEN", "UGA"],
                "modality": "asserted",
                "date": "2021-03-02",
            },
            {
                "type": "agreement_signed",
                "trigger": "sign",
                "trigger_start": TEXT.index("sign a"),
                "actors": ["PER", "CHL"],
                "modality": "future",
            },
        ],
    )
    summary = evaluate_file(gold).summary()
    assert summary["micro"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert summary["actor_set_accuracy"] == 1.0
    assert summary["date_accuracy"] == 1.0
    assert summary["modality_accuracy"] == 1.0 and summary["modality_pairs"] == 2


def test_missing_and_wrong_type(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        [
            {
                "type": "meeting_held",
                "trigger": "weather",
                "trigger_start": TEXT.index("weather"),
                "actors": [],
                "modality": "asserted",
            },
        ],
    )
    report = evaluate_file(gold)
    assert report.per_type["meeting_held"].fn == 1
    assert report.per_type["agreement_signed"].fp == 1
    assert report.micro.f1 == 0.0


def test_one_sentence_of_slack(tmp_path: Path) -> None:
    # gold puts the trigger one sentence later than the prediction: still a match
    gold = _gold(
        tmp_path,
        [
            {
                "type": "agreement_signed",
                "trigger": "weather",
                "trigger_start": TEXT.index("weather"),
                "actors": ["KEN", "UGA"],
                "modality": "asserted",
            },
        ],
    )
    assert evaluate_file(gold).micro.tp == 1


def test_the_held_out_part_is_a_fixed_third() -> None:
    from eventx.evaluate import held_out

    ids = [f"doc-{n}" for n in range(300)]
    kept = held_out(ids)
    assert len(kept) == 100 and kept <= set(ids)
    assert held_out(reversed(ids)) == kept  # the order of the file does not matter
