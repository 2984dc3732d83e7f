"""Events as HTML, for notebooks and reports, in the spirit of displaCy.

Each event shows its sentence with the trigger, actors, recipients, place
and date highlighted in distinct colours, under a label with its type,
modality and codes.  The HTML is self-contained: inline styles, no scripts,
no fonts or images fetched from anywhere.  ``Event._repr_html_`` hands over
to this view; ``eventx.render`` (render.py) is the face that also takes a
text or a Doc.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models import this view lazily, for _repr_html_
    from eventx.records.event import Event, Participant

ROLE_COLOURS = {  # role -> background; one colour per role, readable in print
    "trigger": "#fcd34d",
    "actor": "#93c5fd",
    "recipient": "#86efac",
    "place": "#d8b4fe",
    "date": "#fda4af",
}
ROLE_ORDER = tuple(ROLE_COLOURS)  # which role wins where two spans overlap
FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#18181b"
BOX = (
    "border:1px solid #d4d4d8;border-radius:6px;padding:10px 14px;margin:0 0 12px 0;"
    "line-height:2.2;background:#fff"
)
LABEL = "font-size:13px;line-height:1.5;margin-bottom:4px;color:#3f3f46"
TAG = (
    "font-size:10px;font-weight:bold;text-transform:uppercase;margin-left:4px;"
    "vertical-align:middle;color:#3f3f46"
)


@dataclass(frozen=True)
class Mark:
    start: int  # offsets in the sentence
    end: int
    role: str


def render_events(events: Iterable[Event]) -> str:
    boxes = [_event_box(event) for event in events]
    if not boxes:
        return f'<div class="eventx" style="{FONT};{BOX}">No events.</div>'
    return f'<div class="eventx" style="{FONT}">' + legend() + "".join(boxes) + "</div>"


def legend() -> str:
    keys = " ".join(_mark(role, role, tag=False) for role in ROLE_ORDER)
    return f'<div class="eventx-legend" style="{LABEL};margin-bottom:8px">{keys}</div>'


def _event_box(event: Event) -> str:
    sentence = event.sentence.text
    marks = _marks(event)
    parts, position = [], 0
    for mark in marks:
        parts.append(escape(sentence[position : mark.start]))
        parts.append(_mark(sentence[mark.start : mark.end], mark.role))
        position = mark.end
    parts.append(escape(sentence[position:]))
    return (
        f'<div class="eventx-event" style="{BOX}">'
        f'<div class="eventx-label" style="{LABEL}">{_label(event)}</div>'
        f'<div class="eventx-sentence">{"".join(parts)}</div></div>'
    )


def _mark(text: str, role: str, *, tag: bool = True) -> str:
    label = f'<span style="{TAG}">{role}</span>' if tag else ""
    return (
        f'<mark class="eventx-{role}" style="background:{ROLE_COLOURS[role]};'
        f'padding:2px 5px;border-radius:4px">{escape(text)}{label}</mark>'
    )


def _marks(event: Event) -> list[Mark]:
    """The highlighted spans inside the sentence; where two overlap, the role
    earlier in ``ROLE_ORDER`` wins.  A party from another sentence (the
    document context) is named in the label instead."""
    base = event.sentence.start
    spans: list[tuple[str, int, int]] = [("trigger", event.trigger.start, event.trigger.end)]
    spans += [("actor", p.start, p.end) for p in event.actors]
    spans += [("recipient", p.start, p.end) for p in event.recipients]
    if event.location is not None and not event.location.inherited:
        spans.append(("place", event.location.start, event.location.end))
    if event.date is not None and event.date.text:
        found = event.sentence.text.find(event.date.text)
        if found >= 0:  # a date has no offsets: its words as they stand in the sentence
            spans.append(("date", base + found, base + found + len(event.date.text)))
    marks: list[Mark] = []
    for role, start, end in sorted(spans, key=lambda s: ROLE_ORDER.index(s[0])):
        if not (base <= start < end <= event.sentence.end):
            continue
        mark = Mark(start - base, end - base, role)
        if all(mark.end <= m.start or mark.start >= m.end for m in marks):
            marks.append(mark)
    return sorted(marks, key=lambda m: m.start)


def _party(participant: Participant) -> str:
    code = participant.country or ("IGO" if participant.sector == "IGO" else "?")
    sector = f" {participant.sector}" if participant.sector and participant.sector != "IGO" else ""
    return f"{escape(participant.text)} [{code}{sector}]"


def _label(event: Event) -> str:
    phase = f" ({event.attributes.phase})" if event.attributes.phase else ""
    when = f" · {escape(event.date.value)}" if event.date and event.date.value else ""
    where = ""
    if event.location is not None:
        country = f" [{event.location.country}]" if event.location.country else ""
        where = f" · in {escape(event.location.text)}{country}"
    parties = ", ".join(_party(p) for p in event.actors)
    if event.recipients:
        parties += " → " + ", ".join(_party(p) for p in event.recipients)
    return (
        f"<b>{event.type}</b>{phase} · <i>{event.modality}</i>"
        f" · CAMEO {escape(event.cameo)} · PLOVER {escape(event.plover)}{when}{where}"
        f" · confidence {event.confidence:.2f}<br>{parties}"
    )
