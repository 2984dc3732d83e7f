"""Sort every dev-set error into causes and count them.

    .venv/bin/python scripts/error_causes.py [GOLD.jsonl]

Detection errors (asserted events only, GUIDELINES matching):
  fn/trigger missed     no prediction of the type within one sentence, any modality
  fn/wrong type         nothing of the type, but another type fired in that sentence
  fn/modality           the type was found, but not as asserted
  fp/modality           a gold event of the type is there, with another modality
  fp/not an event       no gold event of the type near the sentence
Field errors over matched asserted pairs:
  actors/missing, actors/extra, actors/both (split by how the parties were found:
  from the sentence's parse, or from document context), dates/missing|extra|wrong,
  split/one sentence off (matched only through the ±1 sentence slack).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from eventx.evaluate import _gold_events, _pair, read_gold
from eventx.pipeline import default_extractor

GOLD = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/gold/dev.jsonl")


def main() -> None:
    causes: Counter[str] = Counter()
    items = list(read_gold(GOLD))
    extractor = default_extractor()
    docs = extractor.analyser.parse((d.text for d, _ in items), batch_size=16)
    for doc, (document, raw) in zip(docs, items, strict=True):
        predicted = extractor.events_of(doc, document)
        gold = _gold_events(document, raw, [s.start_char for s in doc.sents])
        near = lambda e, g: abs(e.sentence.index - g.sentence) <= 1  # noqa: E731
        pairs, fps, fns = _pair(
            [e for e in predicted if e.modality == "asserted"],
            [g for g in gold if g.modality == "asserted"],
        )
        for g in fns:
            same = [e for e in predicted if e.type == g.type and near(e, g)]
            other = [e for e in predicted if e.type != g.type and near(e, g)]
            causes[
                "fn/modality" if same else "fn/wrong type" if other else "fn/trigger missed"
            ] += 1
        for e in fps:
            known = [g for g in gold if g.type == e.type and near(e, g)]
            causes["fp/modality" if known else "fp/not an event"] += 1
        for e, g in pairs:
            if e.sentence.index != g.sentence:
                causes["split/one sentence off"] += 1
            found = {a.country for a in e.actors}
            if found != g.actors:
                source = "context" if any(a.label == "CONTEXT" for a in e.actors) else "parse"
                kind = "missing" if found < g.actors else "extra" if found > g.actors else "both"
                causes[f"actors/{kind} ({source})"] += 1
            value = e.date.value if e.date else None
            if value != g.date:
                causes[
                    "dates/"
                    + ("missing" if value is None else "extra" if g.date is None else "wrong")
                ] += 1
    width = max(len(c) for c in causes)
    for cause, count in sorted(causes.items()):
        print(f"{cause:<{width}}  {count:>4}")


if __name__ == "__main__":
    main()
