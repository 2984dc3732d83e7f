"""Batch runs: same output for any number of workers, resume after kill -9,
the manifest, progress lines."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from eventx.pipeline import default_extractor
from eventx.records.document import Document
from eventx.running import progress
from eventx.running.batch import Summary, process_batch, run
from eventx.running.journal import MANIFEST_FILE, Journal, ResumeError
from tests.helpers import ROOT

SEED_TEXT = (ROOT / "seeds" / "china_pakistan_defense_deal.txt").read_text(encoding="utf-8")
STATES = ["Peru", "Chile", "Ghana", "Togo", "Norway", "Sweden", "Kenya", "Uganda", "Japan"]


def _corpus(folder: Path, count: int) -> Path:
    """``count`` short political stories, each with events, plus one bad input."""
    folder.mkdir()
    lines = []
    for n in range(count):
        a, b = STATES[n % len(STATES)], STATES[(n + 3) % len(STATES)]
        text = (
            f"The foreign ministers of {a} and {b} met in Geneva on Monday. "
            f"{a} and {b} signed a trade agreement after {n + 2} days of talks. "
            "Officials said the accord would take effect next year."
        )
        lines.append(json.dumps({"id": f"story-{n:03d}", "text": text, "published": "2020-05-04"}))
    lines.insert(count // 2, "{not json")
    (folder / "stories.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
    return folder


def _eventx(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "eventx.cli", "extract", *args, "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _outputs(out: Path) -> tuple[bytes, bytes]:
    return (out / "events.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()


def test_output_does_not_depend_on_the_number_of_workers(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 40)
    one = run([str(corpus)], tmp_path / "one", workers=1, batch_size=4)
    two = run([str(corpus)], tmp_path / "two", workers=2, batch_size=4)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")
    assert (one.documents, one.failures) == (two.documents, two.failures) == (41, 1)
    assert one.total_events > 80


def test_a_run_killed_midway_resumes_to_the_same_output(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 400)
    reference = _eventx(str(corpus), "--out", str(tmp_path / "ref"), "--workers", "1")
    out = tmp_path / "out"
    killed = _eventx(str(corpus), "--out", str(out), "--workers", "2", "--batch-size", "2")
    manifest = out / MANIFEST_FILE
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if manifest.exists() and manifest.read_bytes().count(b"\n") > 60:
            break
        time.sleep(0.01)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert not (out / "events.jsonl").exists(), "the run finished before it could be killed"
    done_before = manifest.read_bytes().count(b"\n") - 1
    assert 0 < done_before < 402

    resumed = _eventx(str(corpus), "--out", str(out), "--workers", "1", "--resume")
    assert resumed.wait() == 1  # one input failed, in the first run or this one
    assert reference.wait() == 1
    assert _outputs(out) == _outputs(tmp_path / "ref")
    records = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    header, entries, finished = records[0], records[1:-1], records[-1]
    assert header["schema"] == "eventx.manifest/1" and header["model"].startswith("en_core")
    assert [e["n"] for e in entries] == list(range(402))
    assert len({e["id"] for e in entries}) == 402
    assert finished["skipped"] >= done_before - 1  # a torn last line is done again
    assert not [p.name for p in out.iterdir() if p.name.endswith(".part")]


def test_resume_refuses_changed_inputs(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    journal = Journal(out, _header(), resume=False)
    journal.record("other.txt", "0" * 64, [b"{}\n"], None)
    journal.close()
    with pytest.raises(ResumeError, match=r"other\.txt"):
        run([str(corpus)], out, resume=True, workers=1)


def _header() -> dict[str, object]:
    from eventx.analysis.model import model_version
    from eventx.running.limits import DOC_TIMEOUT
    from eventx.version import __version__

    options = {
        "dedupe": False,
        "mode": "fast",
        "published": None,
        "max_chars": 1_000_000,
        "format": "jsonl",
        "doc_timeout": DOC_TIMEOUT,
    }
    return {"eventx": __version__, "model": model_version(), "options": options}


def test_resume_drops_a_torn_manifest_line_and_the_records_after_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    journal = Journal(out, _header(), resume=False)
    journal.record("a", "1" * 64, [b'{"a": 1}\n'], None)
    journal.close()
    with (out / ".events.jsonl.part").open("ab") as part:
        part.write(b'{"b": 1}\n{"b": 2')  # records of an input whose line never came
    with (out / MANIFEST_FILE).open("ab") as manifest:
        manifest.write(b'{"n": 1, "id": "b", "sha')
    again = Journal(out, _header(), resume=True)
    assert [e.id for e in again.done] == ["a"]
    again.close()
    assert (out / ".events.jsonl.part").read_bytes() == b'{"a": 1}\n'
    assert (out / MANIFEST_FILE).read_bytes().endswith(b"}\n")


def test_resume_refuses_other_options(tmp_path: Path) -> None:
    out = tmp_path / "out"
    Journal(out, _header(), resume=False).close()
    options = {"dedupe": True, "mode": "fast", "published": None, "max_chars": 1_000_000}
    other = {**_header(), "options": options}
    with pytest.raises(ResumeError, match="options"):
        Journal(out, other, resume=True)


def test_progress_writes_log_lines_when_not_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "LOG_EVERY_SECONDS", 0.0)
    stream = io.StringIO()
    reporter = progress.Reporter(stream=stream)
    summary = Summary(documents=12, words=3400, failures=1)
    summary.events.update({"meeting_held": 5})
    reporter.start()
    reporter.update(summary)
    reporter.stop()
    assert "12 documents" in stream.getvalue() and "5 events" in stream.getvalue()
    quiet = io.StringIO()
    silent = progress.Reporter(quiet=True, stream=quiet)
    silent.start()
    silent.update(summary)
    silent.say("done")
    assert quiet.getvalue() == ""


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="Linux only")
def test_default_workers_are_the_cores_available() -> None:
    from eventx.running.workers import default_workers

    assert default_workers() == len(os.sched_getaffinity(0))


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_output_matches_one_by_one_extraction(tmp_path: Path, workers: int) -> None:
    """Real news (the first 120 Lee documents): the batch path, with its workers
    and its memory zones, writes exactly what ``extract_many`` gives."""
    lee = ROOT.parent / "shared" / "corpus" / "lee.jsonl"
    if not lee.exists():
        pytest.skip("shared corpus not present")
    sample = tmp_path / "lee.jsonl"
    sample.write_text("".join(lee.read_text(encoding="utf-8").splitlines(True)[:120]), "utf-8")
    run([str(sample)], tmp_path / "out", workers=workers, batch_size=8)
    from eventx import extract_many

    documents = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]
    expected = b"".join(orjson.dumps(e.to_json_dict()) + b"\n" for e in extract_many(documents))
    assert (tmp_path / "out" / "events.jsonl").read_bytes() == expected
    assert expected.count(b"\n") > 20


def test_a_batch_leaves_no_strings_in_the_vocabulary() -> None:
    """Batches run in spaCy's memory zone: the new words of a long run (names,
    numbers, typos) do not pile up in the worker's vocabulary."""
    vocab = default_extractor().nlp.vocab
    process_batch([Document("warm", "Peru and Chile signed a treaty in Lima.")])
    before = len(vocab.strings)
    words = " ".join(f"Zqx{n}vlor" for n in range(200))
    text = f"Zqxvlor and Peru signed a treaty in Lima. {words} met in Quito."
    [outcome] = process_batch([Document("new", text)])
    assert outcome.error is None and outcome.events
    assert "Zqx7vlor" not in vocab.strings
    assert len(vocab.strings) == before
