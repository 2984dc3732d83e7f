"""The run's manifest: what is done, so that an interrupted run can resume.

While a run goes on, events and errors are appended to hidden ``.part``
files in the output folder, and ``manifest.jsonl`` gets one line per input
after that input's records are written: its position, id, content hash,
outcome and the byte offsets where its records end.  A run killed at any
point (even ``kill -9``) leaves at worst a torn last line; ``--resume``
drops it, cuts the parts back to the last recorded input, checks that the
inputs and the versions are the same, and goes on from there.  At the end
the parts are renamed to ``events.jsonl`` and ``errors.jsonl``, so those
files are never half-written, and the manifest keeps the record of the run.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import orjson

EVENTS_FILE = "events.jsonl"
EVENTS_PARQUET = "events.parquet"
ERRORS_FILE = "errors.jsonl"
FORMATS = ("jsonl", "parquet")
MANIFEST_FILE = "manifest.jsonl"
MANIFEST_SCHEMA = "eventx.manifest/1"


class ResumeError(ValueError):
    """The interrupted run cannot be continued with these inputs or options."""


@dataclass(frozen=True)
class Entry:
    """One input as the manifest records it."""

    n: int
    id: str
    sha256: str | None  # of the document's text and date; None for an unreadable input
    status: str  # "ok" or "failed"
    events: int
    events_end: int  # byte offset in the events part after this input's lines
    errors_end: int

    def line(self) -> bytes:
        return orjson.dumps(self.__dict__) + b"\n"


class Journal:
    """Append-only record of a run in ``out_dir``; see the module docstring."""

    def __init__(self, out_dir: Path, header: dict[str, Any], *, resume: bool) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self.manifest = out_dir / MANIFEST_FILE
        self.done: list[Entry] = []  # what the interrupted run recorded (for --resume)
        self.count = 0  # inputs recorded, by that run and this one
        header = {"schema": MANIFEST_SCHEMA, **header}
        previous = self._previous(header) if resume else None
        if previous is None:
            self._start(header)
        else:
            self._continue(previous)

    def part(self, name: str) -> Path:
        """Where ``name`` (events.jsonl, errors.jsonl) grows until the run ends."""
        return self.out_dir / f".{name}.part"

    # -- starting and resuming ------------------------------------------------

    def _previous(self, header: dict[str, Any]) -> tuple[list[Entry], int] | None:
        """The entries of an unfinished run and the manifest's good length."""
        try:
            data = self.manifest.read_bytes()
        except FileNotFoundError:
            return None
        # every complete line ends with a newline: the last piece is b"" or a torn line
        lines = data.split(b"\n")[:-1]
        try:
            old = orjson.loads(lines[0]) if lines else None
        except orjson.JSONDecodeError:
            old = None
        if not isinstance(old, dict):
            return None
        if any(old.get(key) != value for key, value in header.items() if key != "started"):
            raise ResumeError(
                "the interrupted run in this folder used another eventx, model or options; "
                "run without --resume to start again"
            )
        entries: list[Entry] = []
        good = len(lines[0]) + 1
        for line in lines[1:]:
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError:
                break  # cannot happen for a complete line; stop trusting the rest
            if "finished" in record:
                return None  # that run ended: a new one starts from scratch
            entries.append(Entry(**record))
            good += len(line) + 1
        return entries, good

    def _start(self, header: dict[str, Any]) -> None:
        for name in (EVENTS_FILE, ERRORS_FILE):
            self.part(name).write_bytes(b"")
        self.manifest.write_bytes(orjson.dumps(header) + b"\n")
        self._open(0, 0)

    def _continue(self, previous: tuple[list[Entry], int]) -> None:
        self.done, good = previous
        self.count = len(self.done)
        with self.manifest.open("r+b") as handle:
            handle.truncate(good)
        last = self.done[-1] if self.done else None
        events_end = last.events_end if last else 0
        errors_end = last.errors_end if last else 0
        for name, end in ((EVENTS_FILE, events_end), (ERRORS_FILE, errors_end)):
            path = self.part(name)
            if not path.exists() or path.stat().st_size < end:
                raise ResumeError(f"{path.name} is missing or shorter than the manifest says")
        self._open(events_end, errors_end)

    def _open(self, events_end: int, errors_end: int) -> None:
        self._events = self._append(self.part(EVENTS_FILE), events_end)
        self._errors = self._append(self.part(ERRORS_FILE), errors_end)
        self._manifest = self.manifest.open("ab")

    @staticmethod
    def _append(path: Path, end: int) -> BinaryIO:
        handle = path.open("r+b")
        handle.truncate(end)
        handle.seek(end)
        return handle

    # -- recording ------------------------------------------------------------

    def check(self, n: int, source: str, sha256: str | None) -> bool:
        """True when input ``n`` was done by the interrupted run (and is the same)."""
        if n >= len(self.done):
            return False
        entry = self.done[n]
        if entry.id != source or entry.sha256 != sha256:
            raise ResumeError(
                f"input {n + 1} is {source!r} now but was {entry.id!r} (or its text changed); "
                "run without --resume to start again"
            )
        return True

    def record(
        self, source: str, sha256: str | None, events: list[bytes], error: bytes | None
    ) -> None:
        """Write one input's records, then the manifest line that commits them."""
        self._events.writelines(events)
        if error is not None:
            self._errors.write(error)
        self._events.flush()
        self._errors.flush()
        entry = Entry(
            n=self.count,
            id=source,
            sha256=sha256,
            status="failed" if error is not None else "ok",
            events=len(events),
            events_end=self._events.tell(),
            errors_end=self._errors.tell(),
        )
        self._manifest.write(entry.line())
        self._manifest.flush()
        self.count += 1  # entries are not kept: a run over millions of inputs stays flat

    def finish(self, summary: dict[str, Any], *, events_format: str = "jsonl") -> None:
        """Rename the parts into place (the events converted to Parquet if asked,
        and the other format's file of an earlier run removed) and close the
        manifest."""
        self.close()
        events = self.part(EVENTS_FILE)
        if events_format == "parquet":
            from eventx.records.arrow import jsonl_to_parquet  # pyarrow: the optional extra

            jsonl_to_parquet(events, self.out_dir / EVENTS_PARQUET)
            events.unlink()
            (self.out_dir / EVENTS_FILE).unlink(missing_ok=True)
        else:
            os.replace(events, self.out_dir / EVENTS_FILE)
            (self.out_dir / EVENTS_PARQUET).unlink(missing_ok=True)
        os.replace(self.part(ERRORS_FILE), self.out_dir / ERRORS_FILE)
        finished = {"finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **summary}
        with self.manifest.open("ab") as handle:
            handle.write(orjson.dumps(finished) + b"\n")

    def close(self) -> None:
        for handle in (self._events, self._errors, self._manifest):
            handle.close()
