"""The command line: output contract, determinism, bad inputs, exit status."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from eventx.cli import app
from tests.helpers import ROOT

SEED = ROOT / "seeds"
runner = CliRunner()


def _extract(*args: str, input: bytes | None = None) -> tuple[int, str]:
    workers = [] if "--workers" in args else ["--workers", "1"]
    result = runner.invoke(app, ["extract", *args, *workers], input=input)
    return result.exit_code, result.output


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_seed_folder_to_jsonl_validates_against_schema(tmp_path: Path) -> None:
    code, output = _extract(str(SEED), "--out", str(tmp_path), "--published", "2020-11-30")
    assert code == 0, output
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    records = _lines(tmp_path / "events.jsonl")
    assert len(records) == 12
    for record in records:
        jsonschema.validate(record, schema)
        assert record["schema"] == "eventx.event/1"
        assert record["doc_id"] == "china_pakistan_defense_deal.txt"
    assert "documents: 1" in output and "failures: 0" in output


def test_dedupe_writes_one_record_per_cluster(tmp_path: Path) -> None:
    code, output = _extract(
        str(SEED), "--out", str(tmp_path), "--published", "2020-11-30", "--dedupe"
    )
    assert code == 0, output
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    records = _lines(tmp_path / "events.jsonl")
    assert len(records) == 11  # the headline's signing joins the first sentence's
    for record in records:
        jsonschema.validate(record, schema)
    assert len({r["cluster_id"] for r in records}) == 11
    assert [len(r["mentions"]) for r in records].count(2) == 1  # type: ignore[arg-type]


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    for name in ("a", "b"):
        code, _ = _extract(str(SEED), "--out", str(tmp_path / name), "--published", "2020-11-30")
        assert code == 0
    first = (tmp_path / "a" / "events.jsonl").read_bytes()
    assert first and first == (tmp_path / "b" / "events.jsonl").read_bytes()


def test_jsonl_input_ids_published_and_unknown_fields(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(
            {
                "id": "a1",
                "text": "Last year, Kenya and Uganda signed a trade pact.",
                "published": "2021-05-04",
                "section": "world",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    code, output = _extract(str(source), "--out", str(tmp_path / "out"))
    assert code == 0, output
    [record] = _lines(tmp_path / "out" / "events.jsonl")
    assert record["doc_id"] == "a1"
    assert record["date"]["value"] == "2020"  # type: ignore[index]


def test_stdin_and_published_default(tmp_path: Path) -> None:
    line = json.dumps({"id": "s", "text": "Peru and Chile signed a treaty today."}).encode()
    code, output = _extract("-", "--out", str(tmp_path), "--published", "2019-03-02", input=line)
    assert code == 0, output
    [record] = _lines(tmp_path / "events.jsonl")
    assert record["date"]["value"] == "2019-03-02"  # type: ignore[index]


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    """Every kind of bad input is one error record; every good article gives its events."""
    folder = tmp_path / "in"
    folder.mkdir()
    seed = (SEED / "china_pakistan_defense_deal.txt").read_text(encoding="utf-8")
    (folder / "good.txt").write_text(seed, encoding="utf-8")
    (folder / "good-utf16.txt").write_text(seed, encoding="utf-16")
    (folder / "good.txt.gz").write_bytes(gzip.compress(seed.encode("utf-8")))
    (folder / "cp1252.txt").write_bytes("Peru and Chile signed a “treaty” today.".encode("cp1252"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "empty.jsonl").write_text("\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 50)
    (folder / "undecodable.txt").write_bytes(
        b"\xff\xfe" + "Talks".encode("utf-16-le") + b"\x00\xd8"
    )
    (folder / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not gzip at all")
    (folder / "huge.txt").write_text("Talks. " * 1000, encoding="utf-8")
    (folder / "nothing.html").write_text(
        '<html><head><meta http-equiv="refresh" content="0; url=/a"></head><body></body></html>',
        encoding="utf-8",
    )
    (folder / "lines.jsonl").write_text(
        '{"id": "ok", "text": "Ghana and Togo signed an accord."}\n{broken\n{"id": "x"}\n',
        encoding="utf-8",
    )
    code, output = _extract(
        str(folder),
        str(tmp_path / "missing"),
        "--out",
        str(tmp_path / "out"),
        "--published",
        "2020-11-30",
        "--max-chars",
        "5000",
    )
    assert code == 1, output
    errors = _lines(tmp_path / "out" / "errors.jsonl")
    assert sorted(str(e["source"]) for e in errors) == sorted(
        [
            "binary.txt",
            "broken.txt.gz",
            "empty.jsonl",
            "empty.txt",
            "huge.txt",
            "lines.jsonl:2",
            "lines.jsonl:3",
            "nothing.html",
            "undecodable.txt",
            str(tmp_path / "missing"),
        ]
    )
    assert all(e["reason"] and e["stage"] for e in errors)
    events = _lines(tmp_path / "out" / "events.jsonl")
    per_doc = {str(e["doc_id"]): 0 for e in events}
    for event in events:
        per_doc[str(event["doc_id"])] += 1
    assert per_doc == {
        "cp1252.txt": 1,
        "good-utf16.txt": 12,
        "good.txt": 12,
        "good.txt.gz": 12,
        "ok": 1,
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_an_error(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    path = tmp_path / "secret.txt"
    path.write_text("China and India held talks.", encoding="utf-8")
    path.chmod(0)
    code, _ = _extract(str(path), "--out", str(tmp_path / "out"))
    assert code == 1


def test_usage_error_exits_2(tmp_path: Path) -> None:
    code, _ = _extract(str(SEED), "--published", "30/11/2020", "--out", str(tmp_path))
    assert code == 2
    assert runner.invoke(app, ["extract"]).exit_code == 2


def test_output_is_never_half_written(tmp_path: Path) -> None:
    """An interrupted run leaves the previous events.jsonl untouched."""
    out = tmp_path / "out"
    assert _extract(str(SEED), "--out", str(out), "--published", "2020-11-30")[0] == 0
    before = (out / "events.jsonl").read_bytes()
    script = (
        "import eventx.batch as b, eventx.component as c\n"
        "def boom(*a, **k): raise KeyboardInterrupt\n"
        "c.EventExtractor.events_of = boom\n"
        f"b.run([{str(SEED)!r}], __import__('pathlib').Path({str(out)!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert result.returncode != 0
    assert (out / "events.jsonl").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_evaluate_command_prints_scores() -> None:
    gold = ROOT.parent / "shared" / "gold" / "seed.jsonl"
    if not gold.exists():
        pytest.skip("shared gold not present")
    result = runner.invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.output)
    assert scores["micro"]["f1"] == 1.0


def test_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "evaluate", "schema"):
        assert command in result.output


def test_spark_engine_refuses_resume() -> None:
    code, output = _extract(str(SEED), "--engine", "spark", "--resume")
    assert code == 2 and "--resume" in output


def test_help_keeps_bracketed_words() -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert "eventx[frame]" in result.output and "[default: the cores" in result.output


def _disputed(tmp_path: Path, events: list[dict[str, object]], document: str) -> list[str]:
    """``evaluate`` arguments for a one-document gold file and one drop dispute."""
    gold = tmp_path / "mine.jsonl"
    text = "Kenya and Uganda signed a trade agreement on Tuesday."
    gold.write_text(json.dumps({"id": "d1", "text": text, "events": events}) + "\n")
    dispute = {"file": "mine", "document": document, "type": "agreement_signed"}
    dispute |= {"trigger": "signed", "gold": "asserted", "correction": "drop", "why": "a test"}
    disputes = tmp_path / "disputes.jsonl"
    disputes.write_text(json.dumps(dispute) + "\n")
    return ["evaluate", str(gold), "--disputes", str(disputes), "--part", "all"]


def test_evaluate_scores_with_and_without_the_disputes(tmp_path: Path) -> None:
    event = {"type": "agreement_signed", "trigger": "signed", "trigger_start": 17}
    args = _disputed(tmp_path, [{**event, "actors": ["KEN", "UGA"]}], "d1")
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "with the disputed labels corrected (1 dispute applied" in result.output
    assert "d1 agreement_signed 'signed': drop" in result.output
    scores = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert scores["micro"]["tp"] == 1
    assert scores["with_disputes"]["scores"]["micro"]["fp"] == 1
    assert scores["with_disputes"]["applied"][0]["correction"] == "drop"


def test_evaluate_refuses_a_dispute_that_names_nothing(tmp_path: Path) -> None:
    result = runner.invoke(app, _disputed(tmp_path, [], "d2"))
    assert result.exit_code == 2
    assert "Error:" in result.output and "no document 'd2' in mine" in result.output
