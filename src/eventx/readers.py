"""Turn command-line inputs into documents, recording what cannot be read.

* a folder is walked recursively, in sorted order, for ``.txt`` and ``.jsonl``;
* a ``.txt`` file is one document whose id is its path relative to the input
  root (a file given directly: its name);
* a ``.jsonl`` file holds one ``{"id", "text", "published"?, ...}`` object a
  line; unknown fields are ignored;
* ``-`` reads JSON lines from standard input.

Nothing here raises on bad input: an unreadable path, an empty or binary
file, text that is not UTF-8, a broken JSON line or an oversized document
becomes a :class:`ReadError` in the stream, and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import orjson

from eventx.documents import Document, parse_published

SUFFIXES = (".txt", ".jsonl")
MAX_CHARS = 1_000_000
"""Default size cap per document: larger texts are refused, not truncated."""


@dataclass(frozen=True)
class ReadError:
    """An input that produced no document, and why."""

    source: str
    stage: str
    reason: str

    def to_json_dict(self) -> dict[str, str]:
        return {"source": self.source, "stage": self.stage, "reason": self.reason}


Item = Document | ReadError


def read_inputs(
    inputs: Iterable[str],
    *,
    published: dt.date | None = None,
    max_chars: int = MAX_CHARS,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Documents and read errors from every input, in a stable order."""
    for raw in inputs:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _jsonl_lines(stream, "<stdin>", published, max_chars)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            for file in files:
                yield from _read_file(file, file.relative_to(path).as_posix(), published, max_chars)
        elif path.exists():
            yield from _read_file(path, path.name, published, max_chars)
        else:
            yield ReadError(raw, "read", "no such file or directory")


def _read_file(
    path: Path, doc_id: str, published: dt.date | None, max_chars: int
) -> Iterator[Item]:
    if path.suffix == ".jsonl":
        try:
            with path.open("rb") as handle:
                yield from _jsonl_lines(handle, doc_id, published, max_chars)
        except OSError as error:
            yield ReadError(doc_id, "read", f"cannot read: {error.strerror or error}")
        return
    if path.suffix != ".txt":
        yield ReadError(doc_id, "read", f"unsupported file type {path.suffix or '(none)'}")
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield ReadError(doc_id, "read", f"cannot read: {error.strerror or error}")
        return
    text = _decode(data)
    if isinstance(text, ReadError):
        yield ReadError(doc_id, text.stage, text.reason)
        return
    yield from _checked(Document(id=doc_id, text=text, published=published), max_chars)


def _decode(data: bytes) -> str | ReadError:
    if b"\x00" in data:
        return ReadError("", "decode", "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return ReadError("", "decode", f"not valid UTF-8 at byte {error.start}")


def _checked(document: Document, max_chars: int) -> Iterator[Item]:
    if not document.text.strip():
        yield ReadError(document.id, "read", "empty document")
    elif len(document.text) > max_chars:
        yield ReadError(
            document.id,
            "read",
            f"document has {len(document.text):,} characters, over the "
            f"--max-chars cap of {max_chars:,}",
        )
    else:
        yield document


def _jsonl_lines(
    handle: BinaryIO, source: str, published: dt.date | None, max_chars: int
) -> Iterator[Item]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield ReadError(where, "parse", f"invalid JSON: {error}")
            continue
        if not isinstance(record, dict):
            yield ReadError(where, "parse", "a line must hold a JSON object")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield ReadError(where, "parse", "missing 'text' string")
            continue
        try:
            date = parse_published(record.get("published")) or published
        except (ValueError, TypeError) as error:
            yield ReadError(where, "parse", str(error))
            continue
        doc_id = record.get("id", record.get("doc_id"))
        yield from _checked(
            Document(id=str(doc_id) if doc_id is not None else where, text=text, published=date),
            max_chars,
        )
