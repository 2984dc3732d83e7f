"""The ``eventx`` command: a thin shell over the library.

The pipeline (spaCy), the HTML stack and the table stack are imported inside
the commands that use them, so ``eventx --help`` starts at once.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventx.inputs.readers import MAX_CHARS
from eventx.records.document import parse_published
from eventx.running.journal import ERRORS_FILE, EVENTS_FILE, EVENTS_PARQUET, ResumeError
from eventx.running.limits import DOC_TIMEOUT
from eventx.running.workers import default_workers
from eventx.version import __version__


class EventsFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


class Engine(StrEnum):
    local = "local"
    spark = "spark"


class Part(StrEnum):
    all = "all"
    open = "open"
    held_out = "held-out"


class SchemaFormat(StrEnum):
    json_schema = "json-schema"
    arrow = "arrow"
    spark = "spark"


app = typer.Typer(
    help="Typed, normalised geopolitical events from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts name extras like eventx[frame]: no markup
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventx {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """eventx: agreements, meetings, military exercises and ceasefire violations."""


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Folders (read recursively), .txt, .html, .htm or .jsonl files (each maybe "
            ".gz), or - for JSON lines on stdin."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data/out"),
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for documents that lack one."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", help="Processes to use [default: the cores available].", min=1
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue the interrupted run in OUT: skip the inputs its manifest records.",
        ),
    ] = False,
    max_chars: Annotated[
        int, typer.Option(help="Refuse documents longer than this many characters.", min=1)
    ] = MAX_CHARS,
    doc_timeout: Annotated[
        float,
        typer.Option(
            "--doc-timeout",
            metavar="SECONDS",
            help="Abandon a document after this many seconds (an error line, stage "
            "'timeout'; a stuck worker is replaced) and go on; 0: no limit.",
            min=0,
        ),
    ] = DOC_TIMEOUT,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.", min=1)] = 32,
    dedupe: Annotated[
        bool,
        typer.Option(
            "--dedupe",
            help="One record per real-world event (cluster), listing all its mentions.",
        ),
    ] = False,
    exhaustive: Annotated[
        bool,
        typer.Option(
            "--exhaustive",
            help="Analyse every sentence, not only those that can hold an event and those "
            "naming their people. Same events, several times slower: for checking.",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress and no summary.")
    ] = False,
    events_format: Annotated[
        EventsFormat,
        typer.Option(
            "--format",
            "-f",
            help="events.jsonl (JSON lines) or events.parquet (typed, nested columns; "
            "needs eventx[frame]).",
        ),
    ] = EventsFormat.jsonl,
    engine: Annotated[
        Engine,
        typer.Option(
            help="local: this machine's processes. spark: a Spark job over .parquet or "
            ".jsonl inputs (columns text, doc_id or id, published), writing each output "
            "as a folder of part files; needs eventx[spark] and Java 17.",
        ),
    ] = Engine.local,
    spark_master: Annotated[
        str | None,
        typer.Option(
            help="Spark master URL [default: spark-submit's, or local[N] with --workers N, "
            "or local[*]].",
        ),
    ] = None,
) -> None:
    """Extract events into OUT/events.jsonl (or .parquet); inputs that fail go to
    OUT/errors.jsonl.

    OUT/manifest.jsonl records every input (id, content hash, outcome) and the
    eventx and model versions. Progress shows on a terminal, a log line every
    10 s otherwise, and a summary at the end.

    Exit status: 0 when every input succeeded, 1 when some failed, 2 on a usage error.
    """
    try:
        date = parse_published(published)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--published") from error
    mode = "exhaustive" if exhaustive else "fast"
    from eventx.running.batch import run
    from eventx.running.progress import Reporter

    if engine is Engine.spark:
        if resume:
            raise typer.BadParameter("Spark reruns failed tasks itself", param_hint="--resume")
        master = spark_master or (f"local[{workers}]" if workers else None)
        _extract_with_spark(
            inputs, out, events_format, mode, dedupe, max_chars, doc_timeout, master, quiet
        )
        return
    reporter = Reporter(quiet=quiet)
    try:
        summary = run(
            inputs,
            out,
            published=date,
            max_chars=max_chars,
            batch_size=batch_size,
            dedupe=dedupe,
            mode=mode,
            workers=workers or default_workers(),
            resume=resume,
            reporter=reporter,
            events_format=events_format.value,
            doc_timeout=doc_timeout or None,
        )
    except ResumeError as error:
        typer.echo(f"Error: cannot resume: {error}", err=True)
        raise typer.Exit(code=2) from error
    except ImportError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(code=2) from error
    for line in summary.lines():
        reporter.say(line)
    events_file = EVENTS_PARQUET if events_format is EventsFormat.parquet else EVENTS_FILE
    reporter.say(
        f"wrote {out / events_file}" + (f" and {out / ERRORS_FILE}" if summary.failures else "")
    )
    if summary.failures:
        raise typer.Exit(code=1)


def _extract_with_spark(
    inputs: list[str],
    out: Path,
    events_format: EventsFormat,
    mode: str,
    dedupe: bool,
    max_chars: int,
    doc_timeout: float,
    master: str | None,
    quiet: bool,
) -> None:
    try:
        from eventx import spark
    except ImportError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(code=2) from error
    try:
        result = spark.run(
            inputs,
            out,
            events_format=events_format.value,
            mode=mode,
            dedupe=dedupe,
            max_chars=max_chars,
            doc_timeout=doc_timeout or None,
            master=master,
        )
    except ValueError as error:  # no text column in the inputs
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(code=2) from error
    if not quiet:
        typer.echo(f"events: {result.events:,}  failures: {result.failures:,}", err=True)
        typer.echo(
            f"wrote {out / f'events.{events_format.value}'}/ and {out / ERRORS_FILE}/", err=True
        )
    if result.failures:
        raise typer.Exit(code=1)


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(help="Gold file in the GUIDELINES.md format.", exists=True, dir_okay=False),
    ],
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List false positives and negatives.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    exhaustive: Annotated[
        bool, typer.Option("--exhaustive", help="Analyse every sentence (see extract --help).")
    ] = False,
    part: Annotated[
        Part,
        typer.Option(
            help="all documents; held-out: a fixed third (ids whose SHA-256 is 0 mod 3), "
            "kept unread while tuning; open: the other two thirds.",
        ),
    ] = Part.all,
    disputes: Annotated[
        Path | None,
        typer.Option(
            help="Also score with the corrections of this gold-disputes file applied "
            "(docs/gold-disputes.jsonl in a source checkout): a second block, or "
            "with_disputes in --json.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Score the extractor against GOLD: P/R/F1 per type over asserted events,
    then actor-set, modality and date accuracy over matched events."""
    from eventx.disputes import DisputeError, evaluate_disputed, format_disputed
    from eventx.evaluate import evaluate_file, format_report

    mode = "exhaustive" if exhaustive else "fast"
    if disputes is None:
        report = evaluate_file(gold, mode=mode, part=part.value)
        summary, text = report.summary(), format_report(report, show_errors=show_errors)
    else:
        try:
            both = evaluate_disputed(gold, disputes, mode=mode, part=part.value)
        except DisputeError as error:
            typer.echo(f"Error: {error}", err=True)
            raise typer.Exit(code=2) from error
        summary, text = both.summary(), format_disputed(both, show_errors=show_errors)
    typer.echo(json.dumps(summary, indent=2) if as_json else text)


@app.command()
def schema(
    schema_format: Annotated[
        SchemaFormat,
        typer.Option(
            "--format",
            "-f",
            help="json-schema: of one JSON line; arrow: of events.parquet (needs "
            "eventx[frame]); spark: Spark's JSON schema of eventx.spark's output "
            "(needs eventx[spark]).",
        ),
    ] = SchemaFormat.json_schema,
) -> None:
    """Print the schema of one event record (eventx.event/1), derived from the
    pydantic models."""
    try:
        if schema_format is SchemaFormat.json_schema:
            from eventx.records.event import json_schema

            text = json.dumps(json_schema(), indent=2)
        elif schema_format is SchemaFormat.arrow:
            from eventx.records.arrow import arrow_schema

            text = arrow_schema().to_string(show_schema_metadata=True)
        else:
            from eventx.spark import spark_schema

            text = json.dumps(spark_schema().jsonValue(), indent=2)
    except ImportError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(code=2) from error
    sys.stdout.write(text + "\n")


if __name__ == "__main__":  # pragma: no cover
    app()
