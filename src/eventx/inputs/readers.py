"""Turn command-line inputs into documents, lazily, recording what cannot be read.

* a folder is walked recursively, in sorted order, for ``.txt``, ``.html``,
  ``.htm`` and ``.jsonl`` files, each maybe gzipped (``.txt.gz``, ...);
* a ``.txt`` file is one document whose id is its path relative to the input
  root (a file given directly: its name); its encoding is detected
  (decoding.py);
* an ``.html`` or ``.htm`` page is one document: its main text, with the
  date, title and URL of its metadata (pages.py);
* a ``.jsonl`` file holds one ``{"id", "text", "published"?, "title"?,
  "url"?, ...}`` object a line; unknown fields are ignored;
* ``-`` reads JSON lines from standard input.

Nothing here raises on bad input: an unreadable path, an empty or binary
file, undecodable text, a page with no article, a broken JSON line or an
oversized document becomes a :class:`ReadError` in the stream, and reading
goes on.  Files are read one at a time, as the stream is consumed.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from eventx.inputs.decoding import DecodeError, decode
from eventx.inputs.pages import NoArticle, page_document
from eventx.records.document import Document, parse_published

KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
MAX_CHARS = 1_000_000
"""Default size cap per document: larger texts are refused, not truncated."""
BYTES_PER_CHAR = 8
"""A file may hold this many bytes per allowed character (markup, UTF-32)."""


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
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Documents and read errors from every input, in a stable order."""
    for raw in inputs:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _jsonl_lines(stream, "<stdin>", published, max_chars)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                if isinstance(file, ReadError):
                    yield file
                else:
                    doc_id = file.relative_to(path).as_posix()
                    yield from _read_file(file, doc_id, published, max_chars)
        elif path.exists():
            yield from _read_file(path, path.name, published, max_chars)
        else:
            yield ReadError(raw, "read", "no such file or directory")


def kind_of(path: Path) -> str | None:
    """``text``, ``html`` or ``jsonl`` for a readable file name (gzipped or not)."""
    suffixes = path.suffixes[-2:] if path.suffix == ".gz" else path.suffixes[-1:]
    return KINDS.get(suffixes[0].lower()) if suffixes else None


def _walk(root: Path) -> Iterator[Path | ReadError]:
    """Readable files under ``root`` in sorted order, one folder listed at a time."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as error:
        yield ReadError(str(root), "read", f"cannot list folder: {error.strerror or error}")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file() and kind_of(path) is not None:
            yield path


def _read_file(
    path: Path, doc_id: str, published: dt.date | None, max_chars: int
) -> Iterator[Item]:
    kind = kind_of(path)
    if kind is None:
        suffix = "".join(path.suffixes[-2:]) or "(none)"
        yield ReadError(doc_id, "read", f"unsupported file type {suffix}")
        return
    try:
        if kind == "jsonl":
            with _open(path) as handle:
                yield from _jsonl_lines(handle, doc_id, published, max_chars)
            return
        data = _read_bytes(path, max_chars * BYTES_PER_CHAR)
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        yield ReadError(doc_id, "read", f"cannot read: {reason}")
        return
    except _TooLarge as error:
        yield ReadError(doc_id, "read", str(error))
        return
    try:
        if kind == "html":
            if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise DecodeError("binary file (contains NUL bytes)")
            document = page_document(data, doc_id, published)
        else:
            document = Document(id=doc_id, text=decode(data), published=published)
    except DecodeError as error:
        yield ReadError(doc_id, "decode", str(error))
        return
    except NoArticle as error:
        yield ReadError(doc_id, "html", str(error))
        return
    yield _checked(document, max_chars)


class _TooLarge(ValueError):
    pass


def _open(path: Path) -> gzip.GzipFile | io.BufferedReader:
    """The file's bytes, decompressed when it is gzipped."""
    return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes (decompressed for ``.gz``), refusing more than ``limit``."""
    with _open(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _TooLarge(f"file holds over {limit:,} bytes, over the --max-chars cap")
    return data


def _checked(document: Document, max_chars: int) -> Item:
    if not document.text.strip():
        return ReadError(document.id, "read", "empty document")
    if len(document.text) > max_chars:
        return ReadError(
            document.id,
            "read",
            f"document has {len(document.text):,} characters, over the "
            f"--max-chars cap of {max_chars:,}",
        )
    return document


def record_item(
    record: dict[str, Any],
    where: str,
    *,
    published: dt.date | None = None,
    max_chars: int = MAX_CHARS,
    text_key: str = "text",
    id_keys: tuple[str, ...] = ("id", "doc_id"),
    published_key: str | None = "published",
) -> Item:
    """The document of one record (a JSON line, a Spark row), or why there is
    none; ``where`` names it when it has no id."""
    text = record.get(text_key)
    if not isinstance(text, str):
        return ReadError(where, "parse", f"missing {text_key!r} string")
    try:
        date = parse_published(record.get(published_key) if published_key else None) or published
    except (ValueError, TypeError) as error:
        return ReadError(where, "parse", str(error))
    doc_id = next((record[key] for key in id_keys if record.get(key) is not None), None)
    title, url = record.get("title"), record.get("url")
    document = Document(
        id=str(doc_id) if doc_id is not None else where,
        text=text,
        published=date,
        title=title if isinstance(title, str) else None,
        url=url if isinstance(url, str) else None,
    )
    return _checked(document, max_chars)


def _jsonl_lines(
    handle: Iterable[bytes], source: str, published: dt.date | None, max_chars: int
) -> Iterator[Item]:
    seen = False
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        seen = True
        where = f"{source}:{number}"
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield ReadError(where, "parse", f"invalid JSON: {error}")
            continue
        if not isinstance(record, dict):
            yield ReadError(where, "parse", "a line must hold a JSON object")
            continue
        yield record_item(record, where, published=published, max_chars=max_chars)
    if not seen:
        yield ReadError(source, "read", "empty file (no JSON lines)")
