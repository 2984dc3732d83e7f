"""eventx: typed, normalised geopolitical events from news text.

>>> import eventx
>>> events = eventx.extract(text, published="2020-11-30")
"""

from __future__ import annotations

__version__ = "0.1.0"

from eventx.api import extract, extract_many
from eventx.documents import Document
from eventx.records import Event, Events, json_schema
from eventx.render import render
from eventx.tables import to_frame

__all__ = [
    "Document",
    "Event",
    "Events",
    "__version__",
    "extract",
    "extract_many",
    "json_schema",
    "render",
    "to_frame",
]
