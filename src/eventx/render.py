"""``eventx.render``: the HTML view of events, for a text, a Doc or events.

The view itself is records/html.py (what ``Event._repr_html_`` shows); this
face also takes a text, extracted with ``eventx.extract``, or a spaCy Doc
that the eventx component has annotated.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from eventx.api import extract
from eventx.records.event import Event
from eventx.records.html import render_events


def render(source: str | Doc | Event | Iterable[Event], *, page: bool = False) -> str:
    """HTML for a text (extracted with ``eventx.extract``), a Doc from a
    pipeline with the eventx component, one event or a list of events;
    ``page=True`` wraps it in a whole HTML document."""
    if isinstance(source, str):
        events: list[Event] = extract(source)
    elif isinstance(source, Doc):
        if source._.events is None:
            raise ValueError("this Doc has no doc._.events: add the 'eventx' pipe first")
        events = list(source._.events)
    elif isinstance(source, Event):
        events = [source]
    else:
        events = list(source)
    body = render_events(events)
    if not page:
        return body
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>eventx</title></head>\n"
        f'<body style="margin:16px;background:#fafafa">\n{body}\n</body></html>\n'
    )
