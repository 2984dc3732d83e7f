"""Bounded work per document: long sentences are cut before the parser, and a
document past its time budget is abandoned while the batch goes on."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventx.analysis.tokens import MAX_SENTENCE_TOKENS, PIECE_TOKENS, bound_sentences
from eventx.cli import app
from eventx.pipeline import Extractor
from tests.helpers import ROOT

runner = CliRunner()
SEED_ARTICLE = ROOT / "seeds" / "china_pakistan_defense_deal.txt"
NORMAL = [
    {"id": "before", "text": "China and Pakistan signed a defence agreement in Islamabad."},
    {"id": "after", "text": "The foreign ministers of India and Japan met in Tokyo on Tuesday."},
]


def news_vocabulary() -> list[str]:
    """The words of the seed article, as a news vocabulary (punctuation dropped)."""
    return sorted(set(re.findall(r"[A-Za-z][A-Za-z'-]*", SEED_ARTICLE.read_text())))


def unpunctuated(seed: int, words: int) -> str:
    """``words`` random words of the news vocabulary, with no sentence punctuation:
    what a transcript, an OCR dump or a flattened table looks like."""
    return " ".join(random.Random(seed).choices(news_vocabulary(), k=words))


def _boundaries(texts: list[str]) -> list[int]:
    values = [1] + [-1] * (len(texts) - 1)
    bound_sentences(values, texts)
    return [i for i, value in enumerate(values) if value == 1]


def test_a_sentence_within_the_limit_is_never_cut() -> None:
    assert MAX_SENTENCE_TOKENS >= 147  # the longest real sentence of the dev sets and corpus
    assert _boundaries(["word"] * MAX_SENTENCE_TOKENS) == [0]


def test_a_long_run_is_cut_into_pieces_no_longer_than_the_piece_limit() -> None:
    starts = _boundaries(["word"] * 1000)
    lengths = [b - a for a, b in zip(starts, [*starts[1:], 1000], strict=True)]
    assert max(lengths) <= PIECE_TOKENS and sum(lengths) == 1000
    assert lengths[:-1] == [PIECE_TOKENS] * (len(lengths) - 1)  # no break: fixed windows


def test_a_long_sentence_is_cut_at_clause_punctuation_or_before_a_conjunction() -> None:
    texts = (["word"] * 20 + [","] + ["word"] * 10 + ["and"]) * 20  # a break in every window
    starts = _boundaries(texts)
    assert len(starts) > 1
    for start in starts[1:]:
        assert texts[start - 1] == "," or texts[start] == "and", start


def test_the_40000_word_document_finishes_and_the_documents_after_it_are_extracted(
    tmp_path: Path,
) -> None:
    """One JSON line of 40,000 random news words without sentence punctuation
    (seed 15), between two ordinary documents, on one worker with the issue's
    bar of a minute as its time budget: it is not abandoned, and the document
    after it is extracted."""
    inputs = tmp_path / "archive.jsonl"
    long = {"id": "transcript", "text": unpunctuated(15, 40_000)}
    lines = [NORMAL[0], long, NORMAL[1]]
    inputs.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["extract", str(inputs), "--out", str(out), "--workers", "1", "--doc-timeout", "60"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "errors.jsonl").read_text() == ""
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert {"before", "after"} <= {event["doc_id"] for event in events}
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert [entry["status"] for entry in manifest[1:-1]] == ["ok", "ok", "ok"]


def _stalling_events_of(self: Extractor, doc: Any, document: Any, **options: Any) -> Any:
    if "never finishes" in document.text:
        while True:  # a document whose work never ends
            pass
    return _real_events_of(self, doc, document, **options)


_real_events_of = Extractor.events_of


def _archive(tmp_path: Path) -> Path:
    inputs = tmp_path / "archive.jsonl"
    stall = {"id": "stall", "text": "This document never finishes. Russia and China met."}
    lines = [NORMAL[0], stall, NORMAL[1]]
    inputs.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return inputs


def _check_abandoned(out: Path) -> None:
    [error] = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert error["source"] == "stall" and error["stage"] == "timeout"
    assert "--doc-timeout" in error["reason"]
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert {event["doc_id"] for event in events} == {"before", "after"}
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert [entry["status"] for entry in manifest[1:-1]] == ["ok", "failed", "ok"]


def test_a_document_that_never_finishes_is_abandoned_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Extractor, "events_of", _stalling_events_of)
    out = tmp_path / "out"
    args = ["extract", str(_archive(tmp_path)), "--out", str(out), "--workers", "1"]
    result = runner.invoke(app, [*args, "--doc-timeout", "2"])
    assert result.exit_code == 1, result.output
    _check_abandoned(out)
    # --resume treats it like any recorded failure: nothing is done again
    again = runner.invoke(app, [*args, "--doc-timeout", "2", "--resume"])
    assert again.exit_code == 1, again.output
    _check_abandoned(out)


STUCK_IN_C = """
import signal
import time
from eventx.pipeline import Extractor

_real = Extractor.events_of

def events_of(self, doc, document, **options):
    if "never finishes" in document.text:
        # work that no alarm reaches, as compiled code that never returns to
        # Python would be: the signal is blocked, so only replacing the worker helps
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return _real(self, doc, document, **options)

Extractor.events_of = events_of
"""


def test_a_worker_stuck_in_compiled_code_is_replaced(tmp_path: Path) -> None:
    """With worker processes, a document whose work never returns to Python
    stalls its worker past the hard limit: the pool is replaced, the
    document abandoned, every other document written, and the exit status 1."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(STUCK_IN_C)  # loaded by every worker process
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), str(ROOT / "src")])}
    out = tmp_path / "out"
    eventx = Path(sys.executable).with_name("eventx")
    command = [str(eventx), "extract", str(_archive(tmp_path)), "--out", str(out)]
    command += ["--workers", "2", "--doc-timeout", "2", "--quiet"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr[-3000:]
    _check_abandoned(out)


def test_the_spark_engine_applies_the_same_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a Spark Python worker runs on a partition (``spark._partition``),
    here in this process: the stalled row becomes an error row, stage
    ``timeout``, and the others give their events."""
    pa = pytest.importorskip("pyarrow")
    pytest.importorskip("pyspark")
    from eventx.spark import Options, _partition

    monkeypatch.setattr(Extractor, "events_of", _stalling_events_of)
    rows = [
        {"doc_id": "before", "text": NORMAL[0]["text"]},
        {"doc_id": "stall", "text": "This document never finishes."},
        {"doc_id": "after", "text": NORMAL[1]["text"]},
    ]
    options = Options("text", "doc_id", None, doc_timeout=2)
    batches = iter([pa.RecordBatch.from_pylist(rows)])
    out = [
        row for batch in _partition(batches, options, with_errors=True) for row in batch.to_pylist()
    ]
    errors = [row["error"] for row in out if row["error"] is not None]
    assert [(e["source"], e["stage"]) for e in errors] == [("stall", "timeout")]
    assert {row["event"]["doc_id"] for row in out if row["event"]} == {"before", "after"}
