"""Property-based: no generated input makes extract() or the readers raise.

Over 2,000 inputs in all: random unicode, control characters, huge tokens,
empty strings, HTML fragments and invalid JSON lines.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventx
from eventx.inputs.decoding import DecodeError, decode
from eventx.inputs.readers import ReadError, read_inputs

FAST = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))

words = st.sampled_from(
    ["Peru", "and", "Chile", "signed", "a", "treaty", "met", "talks", "ceasefire", ".", "\n"]
)
newsish = st.lists(words, max_size=40).map(" ".join)
huge_token = st.integers(1_000, 50_000).map(lambda n: "x" * n)
controls = st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=200)
fragments = st.lists(
    st.sampled_from(["<p>", "</p>", "<div", ">", "<script>", "&amp;", "<!--", "Talks held.", "<"]),
    max_size=30,
).map("".join)
texts = st.one_of(st.text(max_size=400), newsish, huge_token, controls, fragments, st.just(""))


@FAST
@given(text=texts, published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1))))
def test_extract_never_raises(text: str, published: dt.date | None) -> None:
    for event in eventx.extract(text, published=published):
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


@FAST
@given(data=st.binary(max_size=2_000))
def test_decode_gives_text_or_a_reason(data: bytes) -> None:
    try:
        assert isinstance(decode(data), str)
    except DecodeError as error:
        assert str(error)


@FAST
@given(lines=st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode))))
def test_json_lines_never_raise(lines: list[bytes]) -> None:
    stream = io.BytesIO(b"\n".join(lines))
    for item in read_inputs(["-"], stdin=stream, max_chars=5_000):
        assert isinstance(item, ReadError) or item.text.strip()


@FAST
@given(
    data=st.one_of(st.binary(max_size=3_000), fragments.map(str.encode), texts.map(str.encode)),
    suffix=st.sampled_from([".txt", ".html", ".htm", ".jsonl", ".txt.gz", ".html.gz"]),
)
def test_files_of_any_content_never_raise(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([folder], max_chars=20_000))
    assert items  # every file gives a document or a reason
    for item in items:
        assert isinstance(item, ReadError) or len(item.text) <= 20_000


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(fragments, st.text(max_size=300)))
def test_html_fragments_never_raise(text: str) -> None:
    stream = io.BytesIO(text.encode("utf-8", "surrogatepass"))
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "page.html").write_bytes(stream.getvalue())
        assert list(read_inputs([folder]))
