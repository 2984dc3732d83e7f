"""DataFrames and Parquet hold exactly the events of the JSON lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import eventx
from eventx.cli import app
from eventx.records.arrow import arrow_schema, to_table
from eventx.records.event import Event, json_schema
from eventx.tables import LIST, flat_columns, to_frame
from tests.helpers import ROOT, needs_shared

runner = CliRunner()
SEED = ROOT / "seeds" / "china_pakistan_defense_deal.txt"


def dev_sample(tmp_path: Path, documents: int = 100) -> Path:
    """The seed and the first ``documents`` dev documents, as one JSON-lines input."""
    dev = needs_shared("gold/dev.jsonl").read_text(encoding="utf-8").splitlines(True)
    seed = {"id": "seed", "text": SEED.read_text(encoding="utf-8"), "published": "2020-11-30"}
    sample = tmp_path / "sample.jsonl"
    sample.write_text(json.dumps(seed) + "\n" + "".join(dev[:documents]), encoding="utf-8")
    return sample


def _walk(record: Any, path: tuple[str, ...]) -> Any:
    """The value a flat column should hold, read straight off a JSON record."""
    if not path:
        return record
    if record is None:
        return None
    if path[0] == LIST:
        return [_walk(item, path[1:]) for item in record]
    return _walk(record[path[0]], path[1:])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("tables")
    sample = dev_sample(tmp)
    found = {}
    for fmt in ("jsonl", "parquet"):
        out = tmp / fmt
        result = runner.invoke(app, ["extract", str(sample), "-o", str(out), "-q", "-f", fmt])
        assert result.exit_code == 0, result.output
        found[fmt] = out
    return found


@pytest.fixture(scope="module")
def records(outputs: dict[str, Path]) -> list[dict[str, Any]]:
    lines = (outputs["jsonl"] / "events.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    assert len(events) > 40 and "seed" in {e["doc_id"] for e in events}
    return events


def test_parquet_read_back_holds_the_json_lines(
    outputs: dict[str, Path], records: list[dict[str, Any]]
) -> None:
    assert not (outputs["parquet"] / "events.jsonl").exists()
    table = pq.read_table(outputs["parquet"] / "events.parquet")
    assert table.schema.equals(arrow_schema())
    assert table.to_pylist() == records


def test_to_frame_holds_the_json_lines(records: list[dict[str, Any]]) -> None:
    frame = to_frame(records)
    assert len(frame) == len(records)
    for column in flat_columns():
        expected = [_walk(r, column.path) for r in records]
        assert pa.array(frame[column.name]).to_pylist() == expected, column.name
    assert to_frame([Event.model_validate(r) for r in records[:20]]).equals(frame.head(20))


def test_the_frame_is_flat_and_typed() -> None:
    events = eventx.extract(SEED.read_text(encoding="utf-8"), published="2020-11-30")
    frame = to_frame(events)
    assert str(frame["trigger_start"].dtype) == "int64[pyarrow]"
    assert str(frame["confidence"].dtype) == "double[pyarrow]"
    assert list(frame["actors_country"].iloc[0]) == ["CHN", "PAK"]
    assert frame["date_value"].tolist()[-3] == "2019"
    empty = to_frame([])
    assert list(empty.columns) == [c.name for c in flat_columns()] and empty.empty


def test_the_arrow_schema_follows_the_pydantic_models() -> None:
    schema = arrow_schema()
    assert schema.names == list(json_schema()["properties"])  # type: ignore[call-overload]
    assert schema.field("date").nullable and not schema.field("trigger").nullable
    assert schema.field("actors").type.value_type.field("country").nullable
    assert schema.field("location").type.field("countries").type == pa.list_(
        pa.field("item", pa.string(), nullable=False)
    )
    assert to_table([]).num_rows == 0


def test_schema_command_prints_every_format() -> None:
    as_json = runner.invoke(app, ["schema"])
    assert json.loads(as_json.output)["$id"] == "eventx.event/1"
    arrow = runner.invoke(app, ["schema", "--format", "arrow"])
    assert (
        arrow.exit_code == 0 and "actors: list<item: struct<text: string not null" in arrow.output
    )
    bad = runner.invoke(app, ["schema", "--format", "xml"])
    assert bad.exit_code == 2


def test_one_events_file_of_the_format_asked(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for fmt, present, absent in (
        ("jsonl", "events.jsonl", "events.parquet"),
        ("parquet", "events.parquet", "events.jsonl"),
        ("jsonl", "events.jsonl", "events.parquet"),
    ):
        result = runner.invoke(app, ["extract", str(SEED), "-o", str(out), "-q", "-f", fmt])
        assert result.exit_code == 0, result.output
        assert (out / present).exists() and not (out / absent).exists()
    manifest = (out / "manifest.jsonl").read_text().splitlines()
    assert json.loads(manifest[0])["options"]["format"] == "jsonl"


def test_without_the_frame_extra_only_tables_need_it() -> None:
    """pandas and pyarrow are an extra: eventx works without them, and asks for them."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "sys.modules['pyarrow'] = sys.modules['pandas'] = None  # as if not installed\n"
        "import eventx\n"
        "events = eventx.extract('Peru and Chile signed a border treaty in Lima.')\n"
        "assert len(events) == 1\n"
        "try:\n"
        "    eventx.to_frame(events)\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "pip install 'eventx[frame]'" in result.stdout
