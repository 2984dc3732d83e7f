"""The event record as Arrow: its schema, tables and Parquet files.

The Arrow schema is derived from the pydantic models (event.py: their field
types and aliases), never written by hand, so the JSON lines, the Parquet
files, the DataFrame (tables.py) and Spark's schema cannot drift apart.

* ``arrow_schema()``: one row per event, nested like the JSON record;
* ``to_table(events)``: the nested table;
* ``jsonl_to_parquet(source, target)``: the events of a JSON-lines file as
  Parquet, written whole or not at all.

pyarrow is part of the optional extra ``eventx[frame]``, imported only here
and only when called.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import orjson
from pydantic import BaseModel

from eventx.records.event import Event
from eventx.streams import chunks

if TYPE_CHECKING:
    import pyarrow

EXTRA_HINT = "pandas and pyarrow are needed: pip install 'eventx[frame]'"
PARQUET_ROWS = 10_000  # events per row group


def pyarrow_module() -> Any:
    """pyarrow, or an ImportError that names the extra to install."""
    try:
        import pyarrow
    except ImportError as error:
        raise ImportError(EXTRA_HINT) from error
    return pyarrow


def _arrow_type(annotation: Any) -> tuple[Any, bool]:
    """The Arrow type of a pydantic field annotation, and whether it may be null."""
    pa = pyarrow_module()
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) != 1:
            raise TypeError(f"no Arrow type for the union {annotation}")
        return _arrow_type(members[0])[0], True
    if origin is Literal:
        kinds = {type(value) for value in typing.get_args(annotation)}
        if kinds != {str}:
            raise TypeError(f"no Arrow type for {annotation}")
        return pa.string(), False
    if origin is list:
        [item] = typing.get_args(annotation)
        item_type, nullable = _arrow_type(item)
        return pa.list_(pa.field("item", item_type, nullable=nullable)), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation)), False
    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in scalars:
        return scalars[annotation], False
    raise TypeError(f"no Arrow type for {annotation!r}")


def _fields(model: type[BaseModel]) -> list[Any]:
    pa = pyarrow_module()
    fields = []
    for name, info in model.model_fields.items():
        arrow_type, nullable = _arrow_type(info.annotation)
        fields.append(pa.field(info.alias or name, arrow_type, nullable=nullable))
    return fields


@cache
def arrow_schema() -> pyarrow.Schema:
    """One output record (``eventx.event/1``) as an Arrow schema."""
    pa = pyarrow_module()
    return pa.schema(_fields(Event), metadata={"schema": Event.model_fields["schema_id"].default})


def records_of(events: Iterable[Event | dict[str, Any]]) -> list[dict[str, Any]]:
    """Events as their JSON records; records pass through."""
    return [e.to_json_dict() if isinstance(e, Event) else e for e in events]


def to_table(events: Iterable[Event | dict[str, Any]]) -> pyarrow.Table:
    """The nested table of ``arrow_schema()``."""
    return pyarrow_module().Table.from_pylist(records_of(events), schema=arrow_schema())


def jsonl_to_parquet(source: Path, target: Path) -> int:
    """Write the event lines of ``source`` to ``target`` as Parquet, a row
    group at a time; ``target`` appears only once it is complete.  Returns
    the number of events."""
    import pyarrow.parquet as pq

    part = target.with_name(f".{target.name}.part")
    count = 0
    with pq.ParquetWriter(part, arrow_schema()) as writer, source.open("rb") as lines:
        for batch in chunks(map(orjson.loads, lines), PARQUET_ROWS):
            writer.write_table(to_table(batch))
            count += len(batch)
        if not count:
            writer.write_table(to_table([]))  # a file with the schema and no rows
    os.replace(part, target)
    return count
