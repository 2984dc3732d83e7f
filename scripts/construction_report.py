"""Run the construction suite and write its pass rates to docs/constructions.md.

    .venv/bin/python scripts/construction_report.py [--show-failures]

The suite (tests/constructions/suite.jsonl) holds sentences written for it,
each labelled with its events, by construction class (a finite verb, a
light verb with an event noun, a participial adjunct, ...).  A sentence is
fully right when eventx's events, of every modality, are exactly the
labelled ones: the same types, modalities and actor country sets (a
negative is right with no event at all).  Recipients are counted apart.
tests/test_constructions.py holds the floor.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "tests" / "constructions" / "suite.jsonl"
REPORT = ROOT / "docs" / "constructions.md"
TYPES = ("agreement_signed", "meeting_held", "military_exercise", "ceasefire_violation")
SHORT = {"agreement_signed": "agr", "meeting_held": "mtg", "military_exercise": "exr"}
SHORT["ceasefire_violation"] = "vio"

Key = tuple[str, str, frozenset[str | None]]


@dataclass
class Result:
    item: dict[str, Any]
    predicted: list[dict[str, Any]]
    right: bool
    recipients_right: bool


@dataclass
class SuiteReport:
    results: list[Result] = field(default_factory=list)

    @property
    def share(self) -> float:
        return sum(r.right for r in self.results) / len(self.results)

    def cells(self) -> dict[tuple[str, str], tuple[int, int]]:
        """(construction, type or "negative") -> (right, total)."""
        right: Counter[tuple[str, str]] = Counter()
        total: Counter[tuple[str, str]] = Counter()
        for result in self.results:
            kinds = {e["type"] for e in result.item["events"]} or {"negative"}
            for kind in kinds:
                key = (result.item["construction"], kind)
                total[key] += 1
                right[key] += result.right
        return {key: (right[key], total[key]) for key in total}


def _key(event: dict[str, Any]) -> Key:
    return event["type"], event["modality"], frozenset(event["actors"])


def load(path: Path = SUITE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def run(items: list[dict[str, Any]] | None = None) -> SuiteReport:
    import eventx

    items = load() if items is None else items
    docs = [{"id": item["id"], "text": item["text"]} for item in items]
    found: dict[str, list[dict[str, Any]]] = {item["id"]: [] for item in items}
    for event in eventx.extract_many(docs):
        record = event.to_json_dict()
        found[event.doc_id].append(
            {
                "type": record["type"],
                "modality": record["modality"],
                "actors": sorted({a["country"] for a in record["actors"]}, key=str),
                "recipients": sorted({r["country"] for r in record["recipients"]}, key=str),
                "trigger": event.trigger.text,
                "rule": event.rule,
            }
        )
    report = SuiteReport()
    for item in items:
        predicted = found[item["id"]]
        right = Counter(map(_key, predicted)) == Counter(map(_key, item["events"]))
        recipients = Counter(frozenset(e["recipients"]) for e in predicted) == Counter(
            frozenset(e["recipients"]) for e in item["events"]
        )
        report.results.append(Result(item, predicted, right, recipients))
    return report


def table(report: SuiteReport) -> str:
    cells = report.cells()
    constructions = list(dict.fromkeys(r.item["construction"] for r in report.results))
    columns = [*TYPES, "negative"]
    lines = [
        "| construction | " + " | ".join(SHORT.get(c, "neg") for c in columns) + " | all |",
        "|---|" + "---:|" * (len(columns) + 1),
    ]
    for construction in constructions:
        row = []
        right_all = total_all = 0
        for column in columns:
            right, total = cells.get((construction, column), (0, 0))
            row.append(f"{right}/{total}" if total else "")
        for result in report.results:
            if result.item["construction"] == construction:
                right_all += result.right
                total_all += 1
        lines.append(f"| {construction} | " + " | ".join(row) + f" | {right_all}/{total_all} |")
    totals = []
    for column in columns:
        pairs = [v for (_, kind), v in cells.items() if kind == column]
        totals.append(f"{sum(r for r, _ in pairs)}/{sum(t for _, t in pairs)}")
    right = sum(r.right for r in report.results)
    lines.append("| **all** | " + " | ".join(totals) + f" | **{right}/{len(report.results)}** |")
    return "\n".join(lines)


def write(report: SuiteReport, path: Path = REPORT) -> None:
    recipients = sum(r.recipients_right for r in report.results)
    text = (
        "# The construction suite\n\n"
        "Sentences written for the suite (`tests/constructions/suite.jsonl`; its README gives "
        "the classes and the labelling conventions), each a plain case of its construction. "
        "A sentence is fully right when eventx's events, of every modality, are exactly the "
        "labelled ones: types, modalities and actor country sets (a negative: no event at "
        "all). A sentence with events of two types counts in both columns.\n\n"
        "```bash\n.venv/bin/python scripts/construction_report.py   # writes this page\n```\n\n"
        f"Fully right: **{sum(r.right for r in report.results)} of {len(report.results)}** "
        f"({report.share:.1%}); recipient sets right as well: {recipients} of "
        f"{len(report.results)}.\n\n" + table(report) + "\n"
    )
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    report = run()
    write(report)
    print(table(report))
    print(f"fully right: {report.share:.1%}")
    if args.show_failures:
        for result in report.results:
            if not result.right:
                print(f"\n{result.item['id']}: {result.item['text']}")
                print(f"  gold:      {[_key(e) for e in result.item['events']]}")
                print(
                    f"  predicted: {[(_key(e), e['trigger'], e['rule']) for e in result.predicted]}"
                )


if __name__ == "__main__":
    main()
