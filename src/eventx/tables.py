"""The event record as a typed table: Arrow, Parquet and pandas.

The Arrow schema is derived from the pydantic models in records.py (their
field types and aliases), never written by hand, so the JSON lines, the
Parquet files, the DataFrame and Spark's schema cannot drift apart.

* ``arrow_schema()``: one row per event, nested like the JSON record;
* ``to_frame(events)``: one row per event, flat columns (``date_value``,
  ``actors_country`` as a list, ...), each typed by Arrow;
* ``write_parquet(records, path)``: the nested table, written whole or not at all.

pandas and pyarrow are the optional extra ``eventx[frame]``.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import orjson
from pydantic import BaseModel

from eventx.records import Event
from eventx.workers import chunks

if TYPE_CHECKING:
    import pandas
    import pyarrow

EXTRA_HINT = "pandas and pyarrow are needed: pip install 'eventx[frame]'"
LIST = "[]"  # a path step into every item of a list
PARQUET_ROWS = 10_000  # events per row group


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as error:
        raise ImportError(EXTRA_HINT) from error
    return pyarrow


def _arrow_type(annotation: Any) -> tuple[Any, bool]:
    """The Arrow type of a pydantic field annotation, and whether it may be null."""
    pa = _pyarrow()
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
    pa = _pyarrow()
    fields = []
    for name, info in model.model_fields.items():
        arrow_type, nullable = _arrow_type(info.annotation)
        fields.append(pa.field(info.alias or name, arrow_type, nullable=nullable))
    return fields


@cache
def arrow_schema() -> pyarrow.Schema:
    """One output record (``eventx.event/1``) as an Arrow schema."""
    pa = _pyarrow()
    return pa.schema(_fields(Event), metadata={"schema": Event.model_fields["schema_id"].default})


# -- flat columns ---------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str  # the path's names joined by "_": "date_value", "actors_country"
    path: tuple[str, ...]  # keys into the JSON record; LIST steps into each item
    type: Any  # pyarrow.DataType


def flat_columns() -> list[Column]:
    """Every leaf of the record as a column; a leaf under a list of structs
    becomes a list (``actors_country``: the countries of the actors)."""
    return list(_leaves(arrow_schema(), (), in_list=False))


def _leaves(fields: Iterable[Any], path: tuple[str, ...], *, in_list: bool) -> Iterator[Column]:
    pa = _pyarrow()
    for field in fields:
        here = (*path, field.name)
        kind = field.type
        if pa.types.is_struct(kind):
            yield from _leaves(kind, here, in_list=in_list)
        elif pa.types.is_list(kind) and pa.types.is_struct(kind.value_type):
            if in_list:
                raise TypeError(f"{'.'.join(here)}: a list inside a list does not flatten")
            yield from _leaves(kind.value_type, (*here, LIST), in_list=True)
        else:
            name = "_".join(step for step in here if step != LIST)
            yield Column(name, here, pa.list_(kind) if in_list else kind)


def _pluck(record: Any, path: tuple[str, ...]) -> Any:
    value = record
    for i, key in enumerate(path):
        if value is None:
            return None
        if key == LIST:
            return [_pluck(item, path[i + 1 :]) for item in value]
        value = value[key]
    return value


def _records(events: Iterable[Event | dict[str, Any]]) -> list[dict[str, Any]]:
    return [e.to_json_dict() if isinstance(e, Event) else e for e in events]


def to_frame(events: Iterable[Event | dict[str, Any]]) -> pandas.DataFrame:
    """A pandas DataFrame, one row per event, flat columns typed by Arrow.

    Takes events or their JSON records (the lines of events.jsonl)."""
    pa = _pyarrow()
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(EXTRA_HINT) from error
    records = _records(events)
    columns = flat_columns()
    table = pa.table(
        {c.name: pa.array([_pluck(r, c.path) for r in records], type=c.type) for c in columns}
    )
    frame: pandas.DataFrame = table.to_pandas(types_mapper=pd.ArrowDtype)
    return frame


# -- Parquet --------------------------------------------------------------------


def to_table(events: Iterable[Event | dict[str, Any]]) -> pyarrow.Table:
    """The nested table of ``arrow_schema()``."""
    return _pyarrow().Table.from_pylist(_records(events), schema=arrow_schema())


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
