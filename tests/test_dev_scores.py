"""Accuracy on the hand-labelled dev set stays above the issue's bars.

This is the regression net for rule changes; the README shows the current
figures, produced by ``eventx evaluate ../shared/gold/dev.jsonl``.
"""

from __future__ import annotations

from typing import Any

import pytest

from eventx.evaluate import evaluate_file
from tests.helpers import needs_shared


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    return evaluate_file(needs_shared("gold/dev.jsonl")).summary()


def test_micro_f1(scores: dict[str, Any]) -> None:
    assert scores["micro"]["f1"] >= 0.75


def test_every_type_with_positives(scores: dict[str, Any]) -> None:
    for kind, counts in scores["per_type"].items():
        if counts["tp"] + counts["fn"]:
            assert counts["f1"] >= 0.6, kind


def test_actor_set_accuracy(scores: dict[str, Any]) -> None:
    assert scores["actor_set_accuracy"] >= 0.6
