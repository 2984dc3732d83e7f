"""Gold disputes: score with and without the gold labels that look wrong.

The project's rule for a gold label that looks wrong under GUIDELINES.md is
not to fit it and not to edit the shared gold, but to list it and score both
ways.  The list is one JSON-lines file (``docs/gold-disputes.jsonl``; the table
in ``docs/gold-disputes.md`` is rendered from it).  A dispute names the gold
file by stem (``dev2``), a document, an event type and a trigger (with a
``context`` that holds it once where the trigger occurs more than once), the
modality the gold gives the event now (``gold``; ``none`` for an event it
lacks) and one correction:

* ``drop``: the gold event goes;
* ``change``: the fields in ``set`` (modality, actors, ...) replace the gold's;
* ``add``: a gold event with the fields in ``set``, which must give
  ``modality`` and ``actors``: the scorer compares actor sets, and an added
  event without them would be scored as having none.

A dispute that does not resolve to exactly one place of its gold file is an
error, never skipped: an unknown document, a trigger or context not found or
found twice, no gold event there (or one already there, for ``add``), or a
``gold`` modality that is not the file's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from eventx.evaluate import (
    GoldItem,
    Report,
    compare,
    extract_all,
    format_report,
    gold_start,
    read_gold,
    select_part,
)
from eventx.records.document import Document
from eventx.records.event import EVENT_TYPES, Modality

CORRECTIONS = ("drop", "change", "add")
MODALITIES: tuple[str, ...] = get_args(Modality)
SETTABLE = ("modality", "actors", "recipients", "date", "location", "mode", "phase", "name", "kind")
REQUIRED = ("file", "document", "type", "trigger", "gold", "correction", "why")
OPTIONAL = ("context", "set")


class DisputeError(ValueError):
    """A dispute file that cannot be read, or a dispute that names nothing real."""


@dataclass(frozen=True)
class Dispute:
    file: str
    document: str
    type: str
    trigger: str
    gold: str
    correction: str
    why: str
    context: str | None = None
    values: dict[str, Any] = field(default_factory=dict, hash=False)  # the file's ``set``
    origin: str = ""  # file:line, for messages

    @property
    def where(self) -> str:
        return f"{self.origin} ({self.file} {self.document} {self.type} {self.trigger!r})"

    def describe(self) -> str:
        """The correction in a few words: ``drop``, ``set modality=asserted``, ``add ...``."""
        fields = ", ".join(f"{key}={_value(value)}" for key, value in self.values.items())
        return {"drop": "drop", "change": f"set {fields}", "add": f"add {fields}"}[self.correction]


def _value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def load(path: Path) -> list[Dispute]:
    """The disputes of a JSON-lines file, each checked for its own consistency."""
    disputes = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DisputeError(f"{path}:{number}: not valid JSON ({error})") from error
        try:
            disputes.append(_dispute(record, f"{path}:{number}"))
        except DisputeError as error:
            raise DisputeError(f"{path}:{number}: {error}") from error
    return disputes


def _dispute(record: Any, origin: str) -> Dispute:
    if not isinstance(record, dict):
        raise DisputeError("a dispute is a JSON object")
    missing = [key for key in REQUIRED if not isinstance(record.get(key), str)]
    missing += [] if isinstance(record.get("context", ""), str) else ["context"]
    unknown = sorted(set(record) - {*REQUIRED, *OPTIONAL})
    if missing or unknown:
        raise DisputeError(f"missing or not text: {missing}; unknown keys: {unknown}")
    values = record.pop("set", {})
    if not isinstance(values, dict):
        raise DisputeError(f"set: an object of some of {SETTABLE}")
    dispute = Dispute(**record, values=values, origin=origin)
    if dispute.type not in EVENT_TYPES:
        raise DisputeError(f"type must be one of {EVENT_TYPES}, not {dispute.type!r}")
    if dispute.correction not in CORRECTIONS:
        raise DisputeError(f"correction must be one of {CORRECTIONS}, not {dispute.correction!r}")
    if dispute.gold not in (MODALITIES if dispute.correction != "add" else ("none",)):
        raise DisputeError(f"gold {dispute.gold!r}: a modality, or 'none' exactly for an add")
    if dispute.file.endswith(".jsonl") or "/" in dispute.file:
        raise DisputeError(f"file names the gold file by stem ('dev2'), not {dispute.file!r}")
    _check_set(dispute)
    return dispute


def _check_set(dispute: Dispute) -> None:
    values = dispute.values
    if set(values) - set(SETTABLE):
        raise DisputeError(f"set: an object of some of {SETTABLE}")
    if (dispute.correction == "drop") == bool(values):
        raise DisputeError("set: given for change and add, and only for them")
    if dispute.correction == "add" and not {"modality", "actors"} <= set(values):
        raise DisputeError("an added event needs modality and actors in set")
    if values.get("modality", "asserted") not in MODALITIES:
        raise DisputeError(f"modality must be one of {MODALITIES}")
    for key in ("actors", "recipients"):
        codes = values.get(key, [])
        if not (isinstance(codes, list) and all(c is None or isinstance(c, str) for c in codes)):
            raise DisputeError(f"{key}: a list of country codes or null")


def _occurrences(text: str, needle: str, *, words: bool) -> list[int]:
    """Offsets of ``needle`` in ``text``; with ``words``, only as whole words."""
    edge = r"(?<!\w)" if words else ""
    tail = r"(?!\w)" if words else ""
    return [m.start() for m in re.finditer(f"(?={edge}{re.escape(needle)}{tail})", text)]


def locate(dispute: Dispute, document: Document) -> int:
    """The offset of the dispute's trigger in the document (exactly one place)."""
    base, scope = 0, document.text
    if dispute.context is not None:
        found = _occurrences(document.text, dispute.context, words=False)
        if len(found) != 1:
            raise DisputeError(f"{dispute.where}: context found {len(found)} times, not once")
        base, scope = found[0], dispute.context
    found = _occurrences(scope, dispute.trigger, words=True)
    if len(found) != 1:
        within = "in its context" if dispute.context is not None else "in the document"
        raise DisputeError(
            f"{dispute.where}: trigger found {len(found)} times {within}, not once"
            + (" (give a context that holds it once)" if len(found) > 1 else "")
        )
    return base + found[0]


def _corrected(
    dispute: Dispute, document: Document, offset: int, raw: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The document's gold events with the dispute, whose trigger is at
    ``offset``, applied (a new list)."""
    here = [
        index
        for index, item in enumerate(raw)
        if item["type"] == dispute.type and gold_start(document, item) == offset
    ]
    if dispute.correction == "add":
        if here:
            raise DisputeError(f"{dispute.where}: the gold has this event already (use change)")
        added = {"type": dispute.type, "trigger": dispute.trigger, "trigger_start": offset}
        after = [i for i, item in enumerate(raw) if (gold_start(document, item) or 0) > offset]
        at = after[0] if after else len(raw)  # gold events stay in text order
        return [*raw[:at], {**added, **dispute.values}, *raw[at:]]
    if len(here) != 1:
        raise DisputeError(f"{dispute.where}: the gold has {len(here)} such events there, not one")
    at = here[0]
    modality = raw[at].get("modality", "asserted")
    if modality != dispute.gold:
        raise DisputeError(f"{dispute.where}: the gold event is {modality}, not {dispute.gold}")
    changed = [] if dispute.correction == "drop" else [{**raw[at], **dispute.values}]
    return [*raw[:at], *changed, *raw[at + 1 :]]


def apply(
    disputes: list[Dispute], gold: str, items: list[GoldItem]
) -> tuple[list[GoldItem], list[Dispute]]:
    """The gold file ``gold`` (a stem) with its disputes applied, and those disputes.

    Every dispute of the file is resolved against it, whatever part is scored
    later, so a stale dispute fails at once."""
    mine = [d for d in disputes if d.file == gold]
    events = {document.id: raw for document, raw in items}
    documents = {document.id: document for document, _ in items}
    seen: set[tuple[str, str, int]] = set()
    for dispute in mine:
        if dispute.document not in documents:
            raise DisputeError(f"{dispute.where}: no document {dispute.document!r} in {gold}")
        document = documents[dispute.document]
        offset = locate(dispute, document)
        if (document.id, dispute.type, offset) in seen:
            raise DisputeError(f"{dispute.where}: a second dispute of the same event")
        seen.add((document.id, dispute.type, offset))
        events[document.id] = _corrected(dispute, document, offset, events[document.id])
    return [(document, events[document.id]) for document, _ in items], mine


@dataclass
class Disputed:
    """A gold file scored as published and with its disputes applied."""

    published: Report
    corrected: Report
    applied: list[Dispute]
    source: Path
    gold: str

    def summary(self) -> dict[str, Any]:
        """The published scores, with the corrected ones under ``with_disputes``."""
        applied = [
            {
                "document": d.document,
                "type": d.type,
                "trigger": d.trigger,
                "correction": d.describe(),
            }
            for d in self.applied
        ]
        return {
            **self.published.summary(),
            "with_disputes": {
                "file": str(self.source),
                "applied": applied,
                "scores": self.corrected.summary(),
            },
        }


def evaluate_disputed(
    path: Path, disputes: Path, *, mode: str = "fast", part: str = "all"
) -> Disputed:
    """Score ``path`` with and without the disputes of ``disputes``, extracting once."""
    gold = path.name.removesuffix(".jsonl")
    items = list(read_gold(path))
    corrected, mine = apply(load(disputes), gold, items)
    items, corrected = select_part(items, part), select_part(corrected, part)
    extracted = extract_all(items, mode=mode)
    scored = {document.id for document, _ in items}
    return Disputed(
        published=compare(items, extracted),
        corrected=compare(corrected, extracted),
        applied=[d for d in mine if d.document in scored],
        source=disputes,
        gold=gold,
    )


def format_disputed(result: Disputed, *, show_errors: bool = False) -> str:
    """The published report, then a block with the disputed labels corrected
    (errors are listed for the published gold only)."""
    head = format_report(result.published, show_errors=show_errors)
    count = len(result.applied)
    if not count:
        return (
            f"{head}\n\nwith the disputed labels corrected: {result.source} lists no dispute "
            f"of {result.gold} among these documents; the figures above stand."
        )
    disputes = "dispute" if count == 1 else "disputes"
    lines = [f"with the disputed labels corrected ({count} {disputes} applied, {result.source}):"]
    lines += [f"  {d.document} {d.type} {d.trigger!r}: {d.describe()}" for d in result.applied]
    return "\n".join([head, "", "=" * 64, *lines, "", format_report(result.corrected)])


def render_table(disputes: list[Dispute]) -> str:
    """The disputes as the markdown table of docs/gold-disputes.md."""
    rows = [
        "| file | document | event (trigger) | gold | correction | why it looks wrong |",
        "|---|---|---|---|---|---|",
    ]
    for d in disputes:
        quoted = [d.trigger] + ([d.context] if d.context else [])
        event = f"{d.type} ({', '.join(json.dumps(q, ensure_ascii=False) for q in quoted)})"
        cells = [d.file, d.document, event, d.gold, d.describe(), d.why]
        cells = [" ".join(cell.replace("|", "\\|").split()) for cell in cells]  # one line each
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)
