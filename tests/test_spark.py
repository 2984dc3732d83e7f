"""eventx on Spark, in local mode: the same events as the JSON lines."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventx.cli import app
from tests.test_tables import dev_sample

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (eventx[spark])")
if shutil.which("java") is None:
    pytest.skip("Java is not installed: Spark needs Java 17", allow_module_level=True)

from eventx.spark import extract_events, session, spark_schema  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    spark = session("local[2]")
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dev_sample(tmp_path_factory.mktemp("spark"))


@pytest.fixture(scope="module")
def expected(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """What the local engine writes for the sample."""
    out = tmp_path_factory.mktemp("local")
    result = runner.invoke(app, ["extract", str(sample), "-o", str(out), "-q", "-w", "1"])
    assert result.exit_code == 0, result.output
    lines = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_extract_events_holds_the_json_lines(
    spark: Any, sample: Path, expected: list[dict[str, Any]]
) -> None:
    rows = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]
    docs = spark.createDataFrame(
        [(r["id"], r["text"], r.get("published")) for r in rows],
        "doc_id string, text string, published string",
    )
    events = extract_events(docs, text_col="text", id_col="doc_id", published_col="published")
    assert events.schema == spark_schema()
    assert [row.asDict(recursive=True) for row in events.collect()] == expected


def test_engine_spark_reads_jsonl_and_parquet_and_records_failures(
    spark: Any, sample: Path, expected: list[dict[str, Any]], tmp_path: Path
) -> None:
    lines = sample.read_text(encoding="utf-8").splitlines()
    half = len(lines) // 2
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join([*lines[:half], "{not json", '{"id": "notext"}']) + "\n")
    second = tmp_path / "second.parquet"
    spark.read.json(str(_written(tmp_path / "second.jsonl", lines[half:]))).write.parquet(
        str(second)
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "extract",
            str(first),
            str(second),
            str(tmp_path / "missing.jsonl"),
            "--engine",
            "spark",
            "--spark-master",
            "local[2]",
            "--format",
            "parquet",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 1, result.output  # some inputs failed
    got = pq.read_table(out / "events.parquet").to_pylist()
    assert got == expected  # in input order, though spread over partitions
    errors = [
        json.loads(line)
        for part in sorted((out / "errors.jsonl").glob("part-*"))
        for line in part.read_text().splitlines()
    ]
    reasons = sorted(e["reason"] for e in errors)
    assert reasons == ["missing 'text' string"] * 2 + ["no such file or directory"]
    assert not list(out.glob(".*.part"))


def test_schema_command_prints_sparks_schema() -> None:
    from pyspark.sql.types import StructType

    result = runner.invoke(app, ["schema", "--format", "spark"])
    assert result.exit_code == 0
    assert StructType.fromJson(json.loads(result.output)) == spark_schema()


def _written(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_engine_spark_without_a_text_column_says_so(spark: Any, tmp_path: Path) -> None:
    source = _written(tmp_path / "bodies.jsonl", ['{"id": "a", "body": "Peru met Chile."}'])
    result = runner.invoke(
        app, ["extract", str(source), "--engine", "spark", "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert "no column ['text']" in result.output


def test_each_python_worker_loads_the_pipeline_once(spark: Any) -> None:
    """Eight tasks on two cores: Spark reuses its Python workers, and each
    loads the model on its first task only (pipeline.default_extractor is cached)."""

    def loads(batches: Iterator[Any]) -> Iterator[Any]:
        import os

        import pyarrow as pa

        from eventx.pipeline import default_extractor

        before = default_extractor.cache_info().currsize
        default_extractor()
        for _ in batches:
            pass
        yield pa.RecordBatch.from_pylist([{"pid": os.getpid(), "loaded": before}])

    rows = spark.range(8).repartition(8).mapInArrow(loads, "pid long, loaded long").collect()
    workers = {row.pid for row in rows}
    assert len(rows) == 8 and len(workers) <= 2
    for pid in workers:  # a worker's first task may load it (earlier tests may have)
        assert sum(1 for row in rows if row.pid == pid and row.loaded == 0) <= 1


def test_workers_without_eventx_fail_fast_on_the_driver(tmp_path: Path) -> None:
    """A session whose Python workers run an interpreter without eventx (here
    the system's python3, as PYSPARK_PYTHON) fails before any job, with a
    message naming that interpreter and both settings that choose it."""
    other = shutil.which("python3", path="/usr/bin:/bin")
    if other is None:
        pytest.skip("no system python3 to stand for a worker without eventx")
    script = tmp_path / "driver.py"
    script.write_text(
        "import sys, time\n"
        "from pyspark.sql import SparkSession\n"
        "from eventx.spark import WorkerEnvironmentError, extract_events\n"
        "spark = (SparkSession.builder.master('local[1]')\n"
        "    .config('spark.ui.enabled', 'false')\n"
        "    .config('spark.driver.bindAddress', '127.0.0.1')\n"
        "    .config('spark.driver.host', '127.0.0.1')\n"
        "    .getOrCreate())\n"
        "spark.sparkContext.setLogLevel('OFF')\n"
        "docs = spark.createDataFrame([('d1', 'Russia and China signed a treaty.')],\n"
        "    'doc_id string, text string')\n"
        "start = time.monotonic()\n"
        "try:\n"
        "    extract_events(docs)\n"
        "except WorkerEnvironmentError as error:\n"
        "    print('SECONDS', time.monotonic() - start)\n"
        "    print(error)\n"
        "    sys.exit(0)\n"
        "sys.exit('no error')\n"
    )
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYSPARK_PYTHON": other}
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    seconds = float(result.stdout.split("SECONDS", 1)[1].split()[0])
    message = result.stdout.split("\n", 1)[1]
    assert "PYSPARK_PYTHON" in message and "spark.pyspark.python" in message
    assert other in message  # the interpreter the workers ran
    assert seconds < 60  # one tiny task, not a job over the data
