"""Refresh the README's dev scores and example record from a real run.

    .venv/bin/python scripts/update_readme.py

Rewrites the blocks between ``<!-- scores:start -->``/``<!-- scores:end -->``
(from ``eventx evaluate ../shared/gold/dev.jsonl``: scores and the
calibration table) and
``<!-- example:start -->``/``<!-- example:end -->`` (one event of the seed) and
``<!-- bench:start -->``/``<!-- bench:end -->`` (from ``bench/results.json``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import eventx
from eventx.evaluate import evaluate_file

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DEV = ROOT.parent / "shared" / "gold" / "dev.jsonl"
SEED = ROOT / "seeds" / "china_pakistan_defense_deal.txt"


def scores_block() -> str:
    summary = evaluate_file(DEV).summary()
    rows = ["| type | tp | fp | fn | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for kind, c in summary["per_type"].items():
        rows.append(
            f"| {kind} | {c['tp']} | {c['fp']} | {c['fn']} | {c['precision']:.3f} "
            f"| {c['recall']:.3f} | {c['f1']:.3f} |"
        )
    m = summary["micro"]
    rows.append(
        f"| **micro (asserted)** | {m['tp']} | {m['fp']} | {m['fn']} | "
        f"{m['precision']:.3f} | {m['recall']:.3f} | **{m['f1']:.3f}** |"
    )
    rows += [
        "",
        "| | |",
        "|---|---:|",
        f"| actor-set accuracy | {summary['actor_set_accuracy']:.3f} |",
        f"| date accuracy | {summary['date_accuracy']:.3f} |",
        f"| modality accuracy | {summary['modality_accuracy']:.3f} |",
        "",
        "| confidence | asserted events | detection right | all fields right |",
        "|---|---:|---:|---:|",
    ]
    for band in summary["calibration"]:
        if band["events"]:
            rows.append(
                f"| {band['confidence']} | {band['events']} | {band['detection_right']:.3f} "
                f"| {band['all_fields_right']:.3f} |"
            )
    return "\n".join(rows)


def example_block() -> str:
    events = eventx.extract(
        SEED.read_text(encoding="utf-8"), published="2020-11-30", doc_id=SEED.name
    )
    event = next(e for e in events if e.date and e.type == "agreement_signed")
    return "```json\n" + json.dumps(event.to_json_dict(), indent=1, ensure_ascii=False) + "\n```"


BENCH = ROOT / "bench" / "results.json"
MODE_NAMES = {
    "spacy": "bare spaCy `nlp.pipe` (baseline)",
    "eventx-full": "eventx `--exhaustive`, 1 worker",
    "eventx-1": "eventx fast path, 1 worker",
    "eventx-2": "eventx fast path, 2 workers",
    "spark-2": "eventx `--engine spark`, Spark local[2]",
    "cli-spacy": "a script running `nlp.pipe`, started cold",
    "cli-eventx": "`eventx extract --workers 1`, started cold",
}
PER_CHILD = {"eventx-2": " per worker", "spark-2": " (JVM + Python workers)"}
CORPUS_NAMES = {"mixed": "Lee + Scrapinghub", "news": "Lee stories only"}


def bench_block() -> str:
    """The tables of bench/results.json (bench/throughput.py, startup.py,
    cost_curve.py, overhead.py)."""
    results = json.loads(BENCH.read_text(encoding="utf-8"))
    rows = [
        "| corpus | mode | words | words/s | × baseline | peak RSS (MB) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in results["rows"]:
        where = PER_CHILD.get(row["mode"], "")
        rss = row["worker_rss_mb"] if where else row["rss_mb"]
        ratio = row.get("ratio_to_cli_spacy") or row.get("ratio_to_spacy")
        corpus = f"{CORPUS_NAMES.get(row.get('corpus', 'mixed'), row['corpus'])}, {row['scale']}×"
        rows.append(
            f"| {corpus} | {MODE_NAMES.get(row['mode'], row['mode'])} | "
            f"{row['words']:,} | {row['words_per_s']:,.0f} | "
            f"{'' if ratio is None else f'{ratio:.2f}'} | {rss:,.0f}{where} |"
        )
    startup = results.get("startup")
    if startup:
        rows += ["", "| start-up | seconds |", "|---|---:|"]
        rows.append(
            f"| `eventx --help`, median of {startup['help']['runs']} | "
            f"{startup['help']['median_s']:.3f} |"
        )
        for name, data in startup["imports"].items():
            heavy = ", ".join(data["heavy"]) or "none of spaCy, trafilatura, pandas"
            rows.append(f"| `import {name}` ({heavy}) | {data['total_s']:.3f} |")
    curve = results.get("cost_curve")
    if curve:
        rows += [
            "",
            "| sentence length (tokens) | words | s per 1,000 words | × normal news |",
            "|---:|---:|---:|---:|",
        ]
        for row in curve["rows"]:
            ratio = row.get("x_news", 1.0)
            length = row["sentence_tokens"]
            label = "normal news (Lee)" if length == "news" else f"{length:,}"
            rows.append(
                f"| {label} | {row['words']:,} | {row['s_per_1000_words']:.3f} | {ratio:.2f} |"
            )
    return "\n".join(rows)


def replace(text: str, name: str, block: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->).*?(<!-- {name}:end -->)", re.S)
    return pattern.sub(lambda m: f"{m.group(1)}\n{block}\n{m.group(2)}", text)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    text = replace(text, "example", example_block())
    text = replace(text, "scores", scores_block())
    if BENCH.exists():
        text = replace(text, "bench", bench_block())
    README.write_text(text, encoding="utf-8")
    print("README.md updated")


if __name__ == "__main__":
    main()
