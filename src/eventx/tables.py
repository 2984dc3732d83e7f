"""The event record as a pandas DataFrame: one row per event, flat columns.

``to_frame(events)`` names each column by its path in the record
(``date_value``, ``actors_country`` as a list, ...) and types it by the
Arrow schema that records/arrow.py derives from the pydantic models, so the
JSON lines, the Parquet files, the DataFrame and Spark's schema cannot drift
apart.  ``arrow_schema``, ``to_table`` and ``jsonl_to_parquet`` are the
nested forms.

pandas and pyarrow are the optional extra ``eventx[frame]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventx.records.arrow import (
    EXTRA_HINT,
    arrow_schema,
    jsonl_to_parquet,
    pyarrow_module,
    records_of,
    to_table,
)
from eventx.records.event import Event

if TYPE_CHECKING:
    import pandas

__all__ = ["arrow_schema", "flat_columns", "jsonl_to_parquet", "to_frame", "to_table"]

LIST = "[]"  # a path step into every item of a list


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
    pa = pyarrow_module()
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


def to_frame(events: Iterable[Event | dict[str, Any]]) -> pandas.DataFrame:
    """A pandas DataFrame, one row per event, flat columns typed by Arrow.

    Takes events or their JSON records (the lines of events.jsonl)."""
    pa = pyarrow_module()
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(EXTRA_HINT) from error
    records = records_of(events)
    columns = flat_columns()
    table = pa.table(
        {c.name: pa.array([_pluck(r, c.path) for r in records], type=c.type) for c in columns}
    )
    frame: pandas.DataFrame = table.to_pandas(types_mapper=pd.ArrowDtype)
    return frame
