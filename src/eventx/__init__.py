"""eventx: typed, normalised geopolitical events from news text.

>>> import eventx
>>> events = eventx.extract(text, published="2020-11-30")
"""

from __future__ import annotations

__version__ = "0.1.0"

from eventx.documents import Document
from eventx.extract import extract, extract_many
from eventx.records import Event, json_schema

__all__ = ["Document", "Event", "__version__", "extract", "extract_many", "json_schema"]
