"""The ``eventx`` command: a thin shell over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from eventx import __version__
from eventx.batch import ERRORS_FILE, EVENTS_FILE, run
from eventx.documents import parse_published
from eventx.journal import ResumeError
from eventx.progress import Reporter
from eventx.readers import MAX_CHARS
from eventx.records import json_schema
from eventx.workers import default_workers

app = typer.Typer(
    help="Typed, normalised geopolitical events from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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
) -> None:
    """Extract events into OUT/events.jsonl; inputs that fail go to OUT/errors.jsonl.

    OUT/manifest.jsonl records every input (id, content hash, outcome) and the
    eventx and model versions. Progress shows on a terminal, a log line every
    10 s otherwise, and a summary at the end.

    Exit status: 0 when every input succeeded, 1 when some failed, 2 on a usage error.
    """
    try:
        date = parse_published(published)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--published") from error
    reporter = Reporter(quiet=quiet)
    try:
        summary = run(
            inputs,
            out,
            published=date,
            max_chars=max_chars,
            batch_size=batch_size,
            dedupe=dedupe,
            mode="exhaustive" if exhaustive else "fast",
            workers=workers or default_workers(),
            resume=resume,
            reporter=reporter,
        )
    except ResumeError as error:
        typer.echo(f"Error: cannot resume: {error}", err=True)
        raise typer.Exit(code=2) from error
    for line in summary.lines():
        reporter.say(line)
    reporter.say(
        f"wrote {out / EVENTS_FILE}" + (f" and {out / ERRORS_FILE}" if summary.failures else "")
    )
    if summary.failures:
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
) -> None:
    """Score the extractor against GOLD: P/R/F1 per type over asserted events,
    then actor-set, modality and date accuracy over matched events."""
    from eventx.evaluate import evaluate_file, format_report

    report = evaluate_file(gold, mode="exhaustive" if exhaustive else "fast")
    if as_json:
        typer.echo(json.dumps(report.summary(), indent=2))
    else:
        typer.echo(format_report(report, show_errors=show_errors))


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line (eventx.event/1)."""
    json.dump(json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":  # pragma: no cover
    app()
