"""The unit of input: one article with its id and publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None  # from a page's metadata or a JSON line
    url: str | None = None


def parse_published(value: object) -> dt.date | None:
    """Accept a date, a datetime or an ISO 8601 string (date part used)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError as error:
            raise ValueError(f"published date {value!r} is not ISO 8601 (YYYY-MM-DD)") from error
    raise TypeError(f"published must be a date or an ISO string, not {type(value).__name__}")
