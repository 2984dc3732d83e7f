"""Draw asserted events from the unlabelled corpus for a hand check.

    .venv/bin/python scripts/corpus_sample.py [N] [SEED]

Reads ``../shared/corpus`` where it is (never copied): the Lee documents and
the Scrapinghub pages.  A Scrapinghub page is taken as the article body of
the benchmark's ground truth, not eventx's own reading of the HTML, so that
draws stay comparable with the earlier ones.  Prints N
asserted events drawn with a fixed seed (default 40 and 20261127), each with
what a judge needs: the sentence, type, actors, recipients, date and place.
The verdicts live in docs/hand-check.md.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from eventx import Event, extract_many

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
N = int(sys.argv[1]) if len(sys.argv) > 1 else 40
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 20261127


def documents() -> Iterator[dict[str, str]]:
    with (CORPUS / "lee.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield {"id": record["id"], "text": record["text"]}
    truth = json.loads((CORPUS / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    for stem, page in sorted(truth.items()):
        yield {"id": f"scrapinghub-{stem[:12]}", "text": page["articleBody"]}


def _actors(event: Event) -> str:
    return ", ".join(f"{p.text} [{p.country}/{p.sector}]" for p in event.actors)


def main() -> None:
    asserted = [e for e in extract_many(documents()) if e.modality == "asserted"]
    sample = random.Random(SEED).sample(asserted, min(N, len(asserted)))
    print(f"{len(asserted)} asserted events; {len(sample)} drawn with seed {SEED}\n")
    for number, event in enumerate(sample, 1):
        recipients = ", ".join(f"{p.text} [{p.country}]" for p in event.recipients)
        date = f"{event.date.text} -> {event.date.value}" if event.date else "-"
        place = f"{event.location.text} [{event.location.country}]" if event.location else "-"
        print(f"{number}. {event.doc_id} {event.type} '{event.trigger.text}' ({event.rule})")
        print(f"   actors: {_actors(event)} | recipients: {recipients or '-'}")
        print(f"   date: {date} | place: {place} | confidence {event.confidence}")
        print(f"   {event.sentence.text}\n")


if __name__ == "__main__":
    main()
