"""Validate tests/constructions/suite.jsonl and print its coverage tables.

Run with ``python tests/constructions/check_suite.py``. Standard library only; it does not
load eventx or spaCy. Exits 1 and lists the problems when the suite is malformed.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITE = HERE / "suite.jsonl"
COUNTRIES = HERE.parents[1] / "models" / "gazetteer" / "countries.json"

CONSTRUCTIONS = [
    "finite_verb_active",
    "finite_verb_passive",
    "light_verb_noun",
    "noun_possessor",
    "noun_compound",
    "noun_between_with_by",
    "participial_adjunct",
    "prepositional_frame",
    "coordinated_parties",
    "title_apposition",
    "reception_call_hosting",
    "named_event",
    "reported_speech_accusation",
    "modality_cue",
    "negative_topic_only",
    "negative_lookalike",
]
NEGATIVE = {"negative_topic_only", "negative_lookalike"}
TYPES = {
    "agreement_signed": "agr",
    "meeting_held": "mtg",
    "military_exercise": "exr",
    "ceasefire_violation": "vio",
}
MODALITIES = ["asserted", "negated", "future", "hypothetical"]
CODE = re.compile(r"[A-Z]{3}")
KEYS = {"id", "construction", "text", "events", "note"}
EVENT_KEYS = {"type", "modality", "actors", "recipients"}


def known_codes() -> set[str] | None:
    """Country codes of the project's gazetteer, or None where it is absent."""
    if not COUNTRIES.exists():
        return None
    entries = json.loads(COUNTRIES.read_text(encoding="utf-8"))["entries"]
    return {e["country"] for e in entries.values()} | {"SUN", "PSE", "TWN"}


def check_codes(where: str, codes: object, known: set[str] | None) -> list[str]:
    if not isinstance(codes, list):
        return [f"{where}: not a list"]
    problems = []
    for code in codes:
        if code is not None and not (isinstance(code, str) and CODE.fullmatch(code)):
            problems.append(f"{where}: bad code {code!r}")
        elif code is not None and known is not None and code not in known:
            problems.append(f"{where}: unknown country code {code}")
    names = [c for c in codes if c is not None]
    expected = sorted(names) + [None] * (len(codes) - len(names))
    if codes != expected:
        problems.append(f"{where}: not sorted with null last: {codes}")
    if len(set(names)) != len(names):
        problems.append(f"{where}: repeated code in {codes}")
    return problems


def check(records: list[dict[str, object]], known: set[str] | None) -> list[str]:
    problems = []
    seen: set[object] = set()
    for n, rec in enumerate(records, 1):
        rid = rec.get("id")
        where = f"line {n} ({rid})"
        if set(rec) - KEYS or not {"id", "construction", "text", "events"} <= set(rec):
            problems.append(f"{where}: keys {sorted(rec)}")
        if rid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(rid)
        cons = rec.get("construction")
        if cons not in CONSTRUCTIONS:
            problems.append(f"{where}: unknown construction {cons!r}")
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: empty text")
        events = rec.get("events")
        if not isinstance(events, list):
            problems.append(f"{where}: events is not a list")
            continue
        if (cons in NEGATIVE) != (not events):
            problems.append(f"{where}: negative classes, and only they, have no events")
        prefix = "neg" if not events else TYPES.get(str(events[0].get("type")), "?")
        if not (isinstance(rid, str) and rid.split("-")[0] in set(TYPES.values()) | {"neg"}):
            problems.append(f"{where}: id prefix is not agr-, mtg-, exr-, vio- or neg-")
        elif not events and prefix != rid.split("-")[0]:
            problems.append(f"{where}: a sentence without events needs the neg- prefix")
        elif events and rid.split("-")[0] not in {TYPES.get(str(e.get("type"))) for e in events}:
            problems.append(f"{where}: id prefix names none of its event types")
        for i, ev in enumerate(events):
            at = f"{where} event {i}"
            if set(ev) != EVENT_KEYS:
                problems.append(f"{at}: keys {sorted(ev)}")
            if ev.get("type") not in TYPES:
                problems.append(f"{at}: unknown type {ev.get('type')!r}")
            if ev.get("modality") not in MODALITIES:
                problems.append(f"{at}: unknown modality {ev.get('modality')!r}")
            problems += check_codes(f"{at} actors", ev.get("actors"), known)
            problems += check_codes(f"{at} recipients", ev.get("recipients"), known)
            if not ev.get("actors"):
                problems.append(f"{at}: no actors")
    return problems


def table(records: list[dict[str, object]]) -> str:
    """Markdown table: sentences per construction and type, events by modality."""
    cells: Counter[tuple[str, str]] = Counter()
    for rec in records:
        cons = str(rec["construction"])
        events = rec["events"]
        assert isinstance(events, list)
        if not events:
            cells[cons, "neg"] += 1
        for t in {str(e["type"]) for e in events}:
            cells[cons, TYPES[t]] += 1
        cells[cons, "all"] += 1
    cols = ["agr", "mtg", "exr", "vio", "neg", "all"]
    lines = [
        "| construction | " + " | ".join(cols) + " |",
        "|---|" + "---:|" * len(cols),
    ]
    for cons in CONSTRUCTIONS:
        lines.append(f"| `{cons}` | " + " | ".join(str(cells[cons, c]) for c in cols) + " |")
    totals = [sum(cells[cons, c] for cons in CONSTRUCTIONS) for c in cols]
    lines.append("| **total** | " + " | ".join(f"**{t}**" for t in totals) + " |")

    mods: Counter[tuple[str, str]] = Counter()
    for rec in records:
        events = rec["events"]
        assert isinstance(events, list)
        for e in events:
            mods[TYPES[str(e["type"])], str(e["modality"])] += 1
    lines += ["", "| events | " + " | ".join(MODALITIES) + " | all |", "|---|" + "---:|" * 5]
    for t in TYPES.values():
        row = [mods[t, m] for m in MODALITIES]
        lines.append(f"| `{t}` | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    row = [sum(mods[t, m] for t in TYPES.values()) for m in MODALITIES]
    lines.append("| **all** | " + " | ".join(f"**{x}**" for x in row) + f" | **{sum(row)}** |")
    return "\n".join(lines)


def main() -> int:
    records = []
    problems = []
    for n, line in enumerate(SUITE.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"line {n}: {err}")
            continue
        if not isinstance(rec, dict):
            problems.append(f"line {n}: not an object")
            continue
        records.append(rec)
    problems += check(records, known_codes())
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(records)} sentences, {sum(len(r['events']) for r in records)} events\n")
    print(table(records))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
