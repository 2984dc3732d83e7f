"""eventx on Spark: the events of a DataFrame of documents.

    from eventx.spark import extract_events
    events = extract_events(docs, text_col="text", id_col="doc_id", published_col="published")

Built on ``mapInArrow``.  Only the options (a few strings and flags) travel
to the executors, never a spaCy object: each Python worker loads the
pipeline once, on its first batch, and keeps it for the tasks that follow
(Spark reuses its Python workers).  Documents go through ``batch.process_batch``,
the batch function of the CLI's workers, which runs each batch inside spaCy's
memory zone.  The schema is derived from the pydantic models
(tables.arrow_schema), so a row here is a line of events.jsonl.

pyspark is the optional extra ``eventx[spark]``; Spark needs Java 17 or newer.
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from eventx.inputs.readers import MAX_CHARS, Item, record_item
from eventx.pipeline import BATCH_SIZE
from eventx.records.arrow import arrow_schema
from eventx.running.limits import DOC_TIMEOUT
from eventx.streams import chunks

if TYPE_CHECKING:
    import pyarrow
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

ERROR_FIELDS = ("source", "stage", "reason")


@dataclass(frozen=True)
class Options:
    """Everything a Spark worker is sent: plain values, pickled with the task."""

    text_col: str
    id_col: str
    published_col: str | None
    mode: str = "fast"
    dedupe: bool = False
    max_chars: int = MAX_CHARS
    batch_size: int = BATCH_SIZE
    doc_timeout: float | None = DOC_TIMEOUT


def spark_schema() -> StructType:
    """The events' Spark schema, converted from the Arrow schema."""
    try:
        from pyspark.sql.pandas.types import from_arrow_schema
    except ImportError as error:  # pragma: no cover - the extra is installed in dev
        raise ImportError("pyspark is needed: pip install 'eventx[spark]'") from error
    return from_arrow_schema(arrow_schema())


@cache
def outcome_schema() -> pyarrow.Schema:
    """One row per event or per failed document: ``event`` or ``error`` is set."""
    import pyarrow as pa

    error = pa.struct([pa.field(name, pa.string(), nullable=False) for name in ERROR_FIELDS])
    return pa.schema(
        [
            pa.field("event", pa.struct(list(arrow_schema())), nullable=True),
            pa.field("error", error, nullable=True),
        ]
    )


def extract_outcomes(df: DataFrame, options: Options) -> DataFrame:
    """Events and failures of every row of ``df``, in a DataFrame of
    ``outcome_schema()`` (the CLI's --engine spark writes both)."""
    return _map(df, options, with_errors=True)


class WorkerEnvironmentError(RuntimeError):
    """Spark's Python workers run an interpreter that cannot import eventx."""


WORKER_HINT = (
    "Spark's Python workers cannot import eventx: they run {python!r}. Spark starts them "
    "with the PYSPARK_PYTHON environment variable of the driver (spark-submit sets it "
    "from spark.pyspark.python), else python3 from PATH. Point them at the Python that "
    "has eventx installed: os.environ['PYSPARK_PYTHON'] = sys.executable before the "
    "SparkSession is built, or spark-submit --conf spark.pyspark.python=...; on a "
    "cluster, ship the environment (README, 'On a cluster').{detail}"
)


def check_workers(spark: Any) -> None:
    """Fail fast, on the driver, where the Python workers cannot import eventx:
    one tiny task asks a worker, once per Spark application, before any job
    whose every task would fail on the executors."""
    context = spark.sparkContext
    if context.applicationId in _checked_applications:
        return

    def probe(_: object) -> tuple[str, bool]:  # a closure: pickled by value, not as eventx's
        import importlib.util
        import sys

        return sys.executable, importlib.util.find_spec("eventx") is not None

    python = context.pythonExec or "python3"
    try:
        [(python, found)] = context.parallelize([0], 1).map(probe).collect()
    except Exception as error:  # the worker could not even start or unpickle the task
        detail = f" (the probe task failed: {str(error).strip().splitlines()[0][:300]})"
        raise WorkerEnvironmentError(WORKER_HINT.format(python=python, detail=detail)) from error
    if not found:
        raise WorkerEnvironmentError(WORKER_HINT.format(python=python, detail=""))
    _checked_applications.add(context.applicationId)


_checked_applications: set[str] = set()


def _map(df: DataFrame, options: Options, *, with_errors: bool) -> DataFrame:
    from pyspark.sql.pandas.types import from_arrow_schema

    check_workers(df.sparkSession)
    columns = [options.text_col, options.id_col]
    if options.published_col:
        columns.append(options.published_col)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"the DataFrame has no column {missing}; it has {df.columns}")
    sent = asdict(options)  # a dict of plain values is all the closure holds

    def outcomes(batches: Iterator[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        return _partition(batches, Options(**sent), with_errors=with_errors)

    schema = outcome_schema() if with_errors else arrow_schema()
    with warnings.catch_warnings():  # pyspark frets about pandas 3, which mapInArrow never uses
        warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
        return df.select(*columns).mapInArrow(outcomes, from_arrow_schema(schema))


def extract_events(
    df: DataFrame,
    text_col: str = "text",
    id_col: str = "doc_id",
    published_col: str | None = None,
    *,
    mode: str = "fast",
    dedupe: bool = False,
    doc_timeout: float | None = DOC_TIMEOUT,
) -> DataFrame:
    """A Spark DataFrame of events, one row per event, with the columns of an
    events.jsonl record.  Rows that cannot be processed (no text, a bad date,
    over the size cap, past ``doc_timeout`` seconds) give no events;
    ``extract_outcomes`` keeps them."""
    options = Options(
        text_col, id_col, published_col, mode=mode, dedupe=dedupe, doc_timeout=doc_timeout
    )
    return _map(df, options, with_errors=False)


def _partition(
    batches: Iterator[pyarrow.RecordBatch], options: Options, *, with_errors: bool
) -> Iterator[pyarrow.RecordBatch]:
    """Runs on an executor: rows in, event rows (or outcome rows) out, a batch at a time."""
    import pyarrow as pa
    from pyspark import TaskContext

    from eventx.running.batch import process_batch  # loads nothing until the first batch

    context = TaskContext.get()
    where = f"partition {context.partitionId() if context is not None else 0} row"
    schema = outcome_schema() if with_errors else arrow_schema()
    rows = (row for batch in batches for row in batch.to_pylist())
    for chunk in chunks(enumerate(rows), options.batch_size):
        items = [_item(row, f"{where} {n}", options) for n, row in chunk]
        out: list[dict[str, Any]] = []
        outcomes = process_batch(
            items, dedupe=options.dedupe, mode=options.mode, doc_timeout=options.doc_timeout
        )
        for outcome in outcomes:
            if not with_errors:
                out.extend(orjson.loads(line) for line in outcome.events)
                continue
            if outcome.error is not None:
                out.append({"event": None, "error": orjson.loads(outcome.error)})
            out.extend({"event": orjson.loads(line), "error": None} for line in outcome.events)
        yield pa.RecordBatch.from_pylist(out, schema=schema)


def _item(row: dict[str, Any], where: str, options: Options) -> Item:
    return record_item(
        row,
        where,
        max_chars=options.max_chars,
        text_key=options.text_col,
        id_keys=(options.id_col,),
        published_key=options.published_col,
    )


# -- the CLI's --engine spark -----------------------------------------------------

SPARK_INPUTS = {".parquet": "parquet", ".jsonl": "json", ".json": "json"}


def session(master: str | None = None) -> Any:
    """A SparkSession whose Python workers run this interpreter (so they find
    eventx and its model).  ``local[...]`` masters get no UI and bind to
    127.0.0.1; any other master comes from ``spark-submit`` or the argument."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("eventx")
    if master is not None:
        builder = builder.master(master)
    if master is None or master.startswith("local"):
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
        )
    return builder.getOrCreate()


@dataclass(frozen=True)
class SparkRun:
    events: int
    failures: int  # rows that gave no document, and inputs Spark could not read


def run(
    inputs: list[str],
    out_dir: Path,
    *,
    events_format: str = "jsonl",
    mode: str = "fast",
    dedupe: bool = False,
    max_chars: int = MAX_CHARS,
    doc_timeout: float | None = DOC_TIMEOUT,
    master: str | None = None,
) -> SparkRun:
    """Read Parquet or JSON-lines inputs with Spark and write OUT/events.<format>
    and OUT/errors.jsonl, each a folder of part files, in place once complete."""
    spark = session(master)
    unread: list[dict[str, str]] = []
    frames = []
    for raw in inputs:
        path = Path(raw)
        kind = SPARK_INPUTS.get(path.suffix.lower())
        if kind is None:
            reason = "--engine spark reads .parquet and .jsonl inputs"
            unread.append({"source": raw, "stage": "read", "reason": reason})
        elif not path.exists():
            unread.append({"source": raw, "stage": "read", "reason": "no such file or directory"})
        else:
            frames.append(getattr(spark.read, kind)(str(path)))
    out_dir.mkdir(parents=True, exist_ok=True)
    if not frames:  # nothing Spark can read: empty outputs, and the errors
        frames.append(spark.createDataFrame([], "text string, doc_id string"))
    df = frames[0]
    for frame in frames[1:]:
        df = df.unionByName(frame, allowMissingColumns=True)
    id_col = next((c for c in ("doc_id", "id") if c in df.columns), None)
    if id_col is None:  # each document is named by its place in the input
        from pyspark.sql import functions

        id_col = "doc_id"
        df = df.withColumn(id_col, functions.lit(None).cast("string"))
    published_col = "published" if "published" in df.columns else None
    options = Options(
        "text", id_col, published_col, mode, dedupe, max_chars, doc_timeout=doc_timeout
    )
    outcomes = extract_outcomes(_spread(df, spark), options).persist()
    try:
        events = outcomes.where("event IS NOT NULL").select("event.*")
        errors = outcomes.where("error IS NOT NULL").select("error.*")
        if unread:
            errors = errors.unionByName(spark.createDataFrame(unread, errors.schema))
        _replace(events, out_dir / f"events.{events_format}", events_format)
        _replace(errors, out_dir / "errors.jsonl", "jsonl")
        return SparkRun(events.count(), errors.count())
    finally:
        outcomes.unpersist()


def _spread(df: DataFrame, spark: Any) -> DataFrame:
    """At least two partitions per core, in input order: Spark reads a file
    under 128 MB as one partition, which one Python worker would process
    alone.  Rows are numbered, split into ranges and kept in order, so the
    output is in input order, run after run."""
    from pyspark.sql import functions

    wanted = 2 * spark.sparkContext.defaultParallelism
    if df.rdd.getNumPartitions() >= wanted:
        return df
    numbered = df.withColumn("_eventx_row", functions.monotonically_increasing_id())
    spread = numbered.repartitionByRange(wanted, "_eventx_row")
    return spread.sortWithinPartitions("_eventx_row").drop("_eventx_row")


def _replace(df: DataFrame, target: Path, events_format: str) -> None:
    """Write ``df`` beside ``target``, then move it into place: ``target`` is
    never a half-written folder."""
    part = target.with_name(f".{target.name}.part")
    writer = df.write.mode("overwrite")
    if events_format == "parquet":
        writer.parquet(str(part))
    else:
        writer.json(str(part), ignoreNullFields=False)
    if target.exists():
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    os.replace(part, target)
