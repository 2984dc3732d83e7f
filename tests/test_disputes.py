"""Gold disputes: corrections that really change the score, disputes that do
not resolve are errors, and the repository's own list resolves against the
shared gold (docs/gold-disputes.jsonl, rendered as docs/gold-disputes.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from eventx.disputes import DisputeError, apply, evaluate_disputed, load, render_table
from eventx.evaluate import read_gold
from tests.helpers import ROOT, needs_shared

TEXT = (
    "Kenya and Uganda signed a trade agreement on Tuesday. "
    "The weather was fine. "
    "Peru and Chile will sign a treaty next year."
)
SIGNED = {  # the extractor finds this one, asserted
    "type": "agreement_signed",
    "trigger": "signed",
    "trigger_start": TEXT.index("signed"),
    "actors": ["KEN", "UGA"],
    "modality": "asserted",
}
WEATHER = {  # and not this one
    "type": "meeting_held",
    "trigger": "weather",
    "trigger_start": TEXT.index("weather"),
    "actors": [],
    "modality": "asserted",
}
DISPUTES = ROOT / "docs" / "gold-disputes.jsonl"


def _dispute(**fields: Any) -> dict[str, Any]:
    base = {"file": "gold", "document": "d1", "type": "agreement_signed", "trigger": "signed"}
    return {**base, "gold": "asserted", "correction": "drop", "why": "a test", **fields}


def _files(
    tmp_path: Path,
    events: list[dict[str, Any]],
    *disputes: dict[str, Any],
    ids: tuple[str, ...] = ("d1",),
) -> tuple[Path, Path]:
    gold = tmp_path / "gold.jsonl"
    records = [{"id": i, "text": TEXT, "exhaustive": True, "events": events} for i in ids]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    listed = tmp_path / "disputes.jsonl"
    listed.write_text("".join(json.dumps(d) + "\n" for d in disputes), encoding="utf-8")
    return gold, listed


def _counts(report: Any) -> tuple[int, int, int]:
    micro = report.micro
    return micro.tp, micro.fp, micro.fn


def test_dropping_a_matched_gold_event_removes_the_true_positive(tmp_path: Path) -> None:
    result = evaluate_disputed(*_files(tmp_path, [SIGNED, WEATHER], _dispute()))
    assert _counts(result.published) == (1, 0, 1)
    assert _counts(result.corrected) == (0, 1, 1)  # the prediction is now a false positive
    assert [d.document for d in result.applied] == ["d1"]


def test_dropping_a_missed_gold_event_removes_the_false_negative(tmp_path: Path) -> None:
    dispute = _dispute(type="meeting_held", trigger="weather")
    result = evaluate_disputed(*_files(tmp_path, [SIGNED, WEATHER], dispute))
    assert _counts(result.published) == (1, 0, 1)
    assert _counts(result.corrected) == (1, 0, 0)


def test_an_added_gold_event_is_scored_with_its_actors(tmp_path: Path) -> None:
    added = {"modality": "asserted", "actors": ["UGA", "KEN"]}
    dispute = _dispute(gold="none", correction="add", set=added)
    gold, listed = _files(tmp_path, [WEATHER], dispute)
    [(_, events)], _ = apply(load(listed), "gold", list(read_gold(gold)))
    assert events == [{**SIGNED, "actors": ["UGA", "KEN"]}, WEATHER]  # in text order
    result = evaluate_disputed(gold, listed)
    assert _counts(result.published) == (0, 1, 1)
    assert _counts(result.corrected) == (1, 0, 1)
    assert result.corrected.summary()["actor_set_accuracy"] == 1.0


def test_a_changed_modality_turns_a_future_gold_event_asserted(tmp_path: Path) -> None:
    dispute = _dispute(gold="future", correction="change", set={"modality": "asserted"})
    result = evaluate_disputed(*_files(tmp_path, [{**SIGNED, "modality": "future"}], dispute))
    assert _counts(result.published) == (0, 1, 0)
    assert result.published.modality_right == 0
    assert _counts(result.corrected) == (1, 0, 0)
    assert result.corrected.modality_right == result.corrected.modality_pairs == 1


def test_a_part_applies_only_its_own_documents_disputes(tmp_path: Path) -> None:
    ids = ("d1", "d2", "d3")  # held_out keeps one of three
    gold, listed = _files(tmp_path, [SIGNED], _dispute(document="d1"), ids=ids)
    applied = {
        part: len(evaluate_disputed(gold, listed, part=part).applied)
        for part in ("all", "open", "held-out")
    }
    assert applied["all"] == 1 and applied["open"] + applied["held-out"] == 1
    quiet = "open" if applied["held-out"] else "held-out"
    result = evaluate_disputed(gold, listed, part=quiet)
    assert result.corrected.summary() == result.published.summary()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"document": "d9"}, "no document 'd9'"),
        ({"trigger": "ratified"}, "trigger found 0 times in the document"),
        ({"trigger": "and"}, r"trigger found 2 times in the document, not once \(give a context"),
        ({"context": "Kenya and Uganda inked"}, "context found 0 times"),
        ({"type": "meeting_held"}, "the gold has 0 such events there"),
        ({"gold": "future"}, "the gold event is asserted, not future"),
        (
            {"gold": "none", "correction": "add", "set": {"modality": "asserted", "actors": []}},
            "the gold has this event already",
        ),
    ],
)
def test_a_dispute_that_does_not_resolve_is_an_error(
    tmp_path: Path, fields: dict[str, Any], message: str
) -> None:
    gold, listed = _files(tmp_path, [SIGNED], _dispute(**fields))
    with pytest.raises(DisputeError, match=message):
        apply(load(listed), "gold", list(read_gold(gold)))


def test_two_disputes_of_one_event_are_an_error(tmp_path: Path) -> None:
    gold, listed = _files(tmp_path, [SIGNED], _dispute(), _dispute(context="Uganda signed"))
    with pytest.raises(DisputeError, match="a second dispute of the same event"):
        apply(load(listed), "gold", list(read_gold(gold)))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"correction": "fix"}, "correction must be one of"),
        ({"type": "meeting"}, "type must be one of"),
        ({"modalty": "future"}, r"unknown keys: \['modalty'\]"),
        ({"set": {"modality": "future"}}, "given for change and add, and only for them"),
        ({"gold": "none", "correction": "add", "set": {"modality": "asserted"}}, "needs"),
        ({"correction": "change", "set": {"modality": "said"}}, "modality must be one of"),
        ({"file": "dev2.jsonl"}, "by stem"),
    ],
)
def test_a_malformed_dispute_is_an_error_naming_its_line(
    tmp_path: Path, fields: dict[str, Any], message: str
) -> None:
    _, listed = _files(tmp_path, [], _dispute(), _dispute(**fields))
    with pytest.raises(DisputeError, match=f"disputes.jsonl:2: .*{message}"):
        load(listed)


def test_the_repository_disputes_render_as_the_markdown_table() -> None:
    disputes = load(DISPUTES)
    view = (ROOT / "docs" / "gold-disputes.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- disputes:start -->\n(.*)\n<!-- disputes:end -->", view, re.S)
    assert block, "docs/gold-disputes.md lost its disputes markers"
    assert block.group(1) == render_table(disputes), "run scripts/render_disputes.py"


def test_every_repository_dispute_resolves_in_the_shared_gold() -> None:
    disputes = load(DISPUTES)
    assert disputes
    for name, count in Counter(d.file for d in disputes).items():
        items = list(read_gold(needs_shared(f"gold/{name}.jsonl")))
        corrected, mine = apply(disputes, name, items)
        assert len(mine) == count
        changed = {
            doc.id for (doc, raw), (_, new) in zip(items, corrected, strict=True) if raw != new
        }
        assert changed == {d.document for d in mine}
