"""The event record, schema ``eventx.event/1``.

These pydantic models are the single source of the output schema: the JSON
lines, ``eventx schema`` and the tests all derive from them.  Field names
follow the contract in DESIGN.md and must not change within a schema version.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from eventx.records.html import render_events

SCHEMA_ID: Literal["eventx.event/1"] = "eventx.event/1"

EventType = Literal["agreement_signed", "meeting_held", "military_exercise", "ceasefire_violation"]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
Modality = Literal["asserted", "negated", "future", "hypothetical"]
Granularity = Literal["year", "month", "week", "day"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class TextSpan(_Record):
    """A stretch of the document; ``start``/``end`` are character offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Sentence(TextSpan):
    index: int = Field(ge=0, description="0-based position of the sentence in the document")


class Participant(TextSpan):
    label: str = Field(
        description="spaCy entity label, NOUN/GROUP/PRON for other mentions, CONTEXT for a "
        "party the document supplies, UNKNOWN for a party the text never names"
    )
    country: str | None = Field(description="ISO 3166-1 alpha-3, or null (IGO or unknown)")
    sector: str | None = Field(description="GOV, MIL, REB, IGO, PTY, COP, OPP or CVL")

    @property
    def coded(self) -> bool:
        """Known as a state or as an international organisation."""
        return self.country is not None or self.sector == "IGO"


class EventDate(_Record):
    text: str
    value: str | None = Field(description="ISO 8601 at the stated granularity, null if unresolved")
    granularity: Granularity | None


class Location(TextSpan):
    """Where the event took place.  A contested line or area ("the Line of
    Control") has no single country: ``countries`` lists the states on its sides."""

    country: str | None
    countries: list[str] = Field(
        default_factory=list,
        description="every state the place belongs to (one, or a border's two)",
    )
    latitude: float | None = Field(default=None, description="WGS84, from GeoNames, for cities")
    longitude: float | None = None
    geonameid: int | None = Field(default=None, description="the GeoNames id of a matched city")
    inherited: bool = Field(
        default=False,
        description="taken from an earlier event of the same parties, not this sentence",
    )


class Attributes(_Record):
    mode: Literal["in_person", "visit", "virtual", "phone", "multilateral"] | None = None
    phase: Literal["began", "ongoing", "concluded", "held"] | None = None
    name: str | None = None
    kind: str | None = None


class MentionRef(_Record):
    """Another mention of the same real-world event (``--dedupe`` output)."""

    event_id: str
    trigger: TextSpan
    sentence_index: int = Field(ge=0)
    modality: Modality


class Extractor(_Record):
    name: str
    version: str
    model: str


class Event(_Record):
    """One event mention, coded from one sentence."""

    schema_id: Literal["eventx.event/1"] = Field(default=SCHEMA_ID, alias="schema")
    event_id: str = Field(description="deterministic: a hash of doc_id, type and trigger offsets")
    doc_id: str
    type: EventType
    trigger: TextSpan
    sentence: Sentence
    actors: list[Participant]
    recipients: list[Participant]
    modality: Modality
    attributed_to: Participant | None = Field(
        default=None, description="the source of reported speech ('the army said', 'according to')"
    )
    date: EventDate | None
    location: Location | None
    attributes: Attributes
    cameo: str
    plover: str
    confidence: float = Field(ge=0.0, le=1.0)
    cluster_id: str = Field(
        description="shared by every mention of one real-world event in the document"
    )
    mentions: list[MentionRef] = Field(
        default_factory=list,
        description="with --dedupe: every mention of the cluster, this one first; else empty",
    )
    rule: str
    extractor: Extractor

    def to_json_dict(self) -> dict[str, object]:
        """The record as written to JSON lines (contract field names)."""
        return self.model_dump(mode="json", by_alias=True)

    def _repr_html_(self) -> str:
        """The notebook view: the sentence with its roles highlighted (html.py)."""
        return render_events([self])

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:  # pragma: no cover - display
        printer.text(  # type: ignore[attr-defined]
            f"Event({self.type}, {self.modality}, {self.trigger.text!r}, "
            f"actors={[a.country for a in self.actors]})"
        )


class Events(list[Event]):
    """The events of a text: a list that shows itself as HTML in a notebook."""

    def _repr_html_(self) -> str:
        return render_events(self)


def json_schema() -> dict[str, object]:
    """The JSON Schema of one output line, generated from :class:`Event`."""
    schema = Event.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    return schema
