"""Lazy streams cut into lists: batches of documents, sentences, rows."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    stream = iter(items)
    while chunk := list(itertools.islice(stream, size)):
        yield chunk
