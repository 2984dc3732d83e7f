"""Readers: encodings detected, HTML pages, gzip, JSON-line metadata."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from eventx.inputs.decoding import DecodeError, decode
from eventx.inputs.readers import ReadError, read_inputs
from eventx.records.document import Document

TEXT = "Peru’s “foreign minister” met Chile’s envoy in Zürich — a café résumé."

PAGE = """<!DOCTYPE html><html><head>
<title>Peru and Chile sign a treaty | Example News</title>
<meta property="og:title" content="Peru and Chile sign a treaty">
<meta property="article:published_time" content="2019-08-20T09:00:00+00:00">
<link rel="canonical" href="https://news.example.org/2019/peru-chile-treaty">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Peru and Chile sign a treaty</h1>
<p>Peru and Chile signed a border treaty in Lima on Tuesday, ending a dispute that had
strained relations between the two neighbours for more than a decade.</p>
<p>The foreign ministers of both countries said the agreement would open the way to
closer trade and joint patrols along the frontier, officials said.</p>
</article>
<footer>Copyright Example News. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "utf-32", "cp1252"],
)
def test_encodings_are_detected(data: bytes) -> None:
    assert decode(data) == TEXT


def test_latin1_is_read_as_western_text() -> None:
    text = "Le ministre a signé un accord à Genève avec la délégation française."
    assert decode(text.encode("latin-1")) == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        bytes(range(256)) * 8,
        b"\xff\xfe" + "Talks".encode("utf-16-le") + b"\x00\xd8",
        b"\x01\x02\x03\x04\x05\x06\x07 not text \x0e\x0f\x10\x11\x12",
    ],
    ids=["png", "all-bytes", "broken-utf-16", "control-characters"],
)
def test_binary_and_undecodable_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode(data)


def _read(*paths: Path, **options: object) -> list[Document | ReadError]:
    return list(read_inputs([str(p) for p in paths], **options))  # type: ignore[arg-type]


def test_html_page_gives_article_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [document] = _read(tmp_path / "page.html", published=dt.date(2001, 1, 1))
    assert isinstance(document, Document)
    assert "signed a border treaty in Lima" in document.text
    assert "Subscribe" not in document.text and "Sport" not in document.text
    assert document.published == dt.date(2019, 8, 20)  # the page's date wins
    assert document.url == "https://news.example.org/2019/peru-chile-treaty"
    assert document.title is not None and "Peru and Chile" in document.title


def test_gzipped_inputs_of_every_kind(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt.gz").write_bytes(gzip.compress(TEXT.encode("cp1252")))
    (folder / "b.htm.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    line = {"id": "c", "text": TEXT, "title": "T", "url": "https://x.example/c"}
    (folder / "c.jsonl.gz").write_bytes(gzip.compress(json.dumps(line).encode()))
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    documents = _read(folder)
    assert [d.id for d in documents] == ["a.txt.gz", "b.htm.gz", "c"]
    assert all(isinstance(d, Document) for d in documents)
    a, b, c = documents
    assert isinstance(a, Document) and a.text == TEXT
    assert isinstance(b, Document) and "border treaty" in b.text
    assert isinstance(c, Document) and (c.title, c.url) == ("T", "https://x.example/c")


def test_huge_gzip_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"Talks. " * 200_000))  # 1.4 MB inflated, 4 KB on disk
    [error] = _read(path, max_chars=1_000)
    assert isinstance(error, ReadError) and "cap" in error.reason


def test_stdin_lines_keep_going_after_bad_ones() -> None:
    lines = b'{"id": "a", "text": "x"}\n[1]\n\xff\xfe\n{"id": "b", "text": "y"}\n'
    items = list(read_inputs(["-"], stdin=io.BytesIO(lines)))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "ReadError", "Document"]
