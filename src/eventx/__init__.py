"""eventx: typed, normalised geopolitical events from news text.

>>> import eventx
>>> events = eventx.extract(text, published="2020-11-30")

The public names are imported when first used, so ``import eventx`` (and
``eventx --help``) loads neither spaCy nor the HTML or table stacks.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from eventx.version import __version__

if TYPE_CHECKING:
    from eventx.api import extract, extract_many
    from eventx.records.document import Document
    from eventx.records.event import Event, Events, json_schema
    from eventx.render import render
    from eventx.tables import to_frame

_PUBLIC = {
    "Document": "eventx.records.document",
    "Event": "eventx.records.event",
    "Events": "eventx.records.event",
    "extract": "eventx.api",
    "extract_many": "eventx.api",
    "json_schema": "eventx.records.event",
    "render": "eventx.render",
    "to_frame": "eventx.tables",
}

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


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'eventx' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
