"""Cost per 1,000 words against sentence length, from 100 to 50,000 tokens.

    .venv/bin/python bench/cost_curve.py [--words 50000] [--lengths 100 ... 50000] [--out FILE]

For each length L, one document of about ``--words`` words made of sentences
of L tokens: random words drawn with the Lee stories' own word frequencies
(a news vocabulary, names and trigger words at their natural rate), with no
punctuation but a full stop every L tokens; at 50,000 tokens the document is
one sentence.  Each runs through ``process_batch``, the batch function of the
CLI's workers, in one process with the model loaded before the clock, and is
compared with the same number of words of the Lee stories themselves
("normal news", in batches as the CLI makes them).  Work per document must
grow linearly: the cost per 1,000 words stays within 2x of normal news at
every length.  Writes "cost_curve" into bench/results.json.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from common import RESULTS, lee_texts, update_results

from eventx.pipeline import BATCH_SIZE
from eventx.records.document import Document
from eventx.running.batch import process_batch, warm_up

LENGTHS = [100, 300, 1_000, 3_000, 10_000, 50_000]
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.-]*[A-Za-z0-9]|[A-Za-z0-9]")
BAR = 2.0


def news_words() -> list[str]:
    """Every word of the Lee stories, in order (repeated words stay repeated)."""
    return [w for item in lee_texts() for w in WORD.findall(item["text"]) if not w.endswith(".")]


def synthetic(length: int, words: int, vocabulary: list[str], seed: int) -> str:
    rng = random.Random(seed)
    sentences = []
    for _ in range(max(1, words // length)):
        sentences.append(" ".join(rng.choices(vocabulary, k=length)) + ".")
    return " ".join(sentences)


def news(words: int) -> list[Document]:
    """Lee stories, repeated, until about ``words`` words."""
    documents, total, copy = [], 0, 0
    stories = lee_texts()
    while total < words:
        for item in stories:
            documents.append(Document(id=f"{copy}-{item['id']}", text=item["text"]))
            total += len(item["text"].split())
            if total >= words:
                break
        copy += 1
    return documents


def seconds(documents: list[Document]) -> float:
    start = time.perf_counter()
    for i in range(0, len(documents), BATCH_SIZE):
        outcomes = process_batch(documents[i : i + BATCH_SIZE], doc_timeout=None)
        assert all(o.error is None for o in outcomes), [o.error for o in outcomes if o.error]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--lengths", type=int, nargs="+", default=LENGTHS)
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args()
    warm_up()
    vocabulary = news_words()
    baseline = news(args.words)
    process_batch(baseline[:BATCH_SIZE], doc_timeout=None)  # warm the caches
    words = sum(len(d.text.split()) for d in baseline)
    news_cost = seconds(baseline) / words * 1000
    rows = [{"sentence_tokens": "news", "words": words, "s_per_1000_words": news_cost}]
    print(f"{'sentence':>10} {'words':>8} {'s / 1000 words':>15} {'x news':>7}")
    print(f"{'news':>10} {words:>8,} {news_cost:>15.3f} {1.0:>7.2f}")
    worst = 0.0
    for length in args.lengths:
        text = synthetic(length, args.words, vocabulary, seed=length)
        count = len(text.split())
        cost = seconds([Document(id=f"len-{length}", text=text)]) / count * 1000
        ratio = cost / news_cost
        worst = max(worst, ratio)
        rows.append(
            {"sentence_tokens": length, "words": count, "s_per_1000_words": cost, "x_news": ratio}
        )
        print(f"{length:>10,} {count:>8,} {cost:>15.3f} {ratio:>7.2f}", flush=True)
    verdict = "within" if worst <= BAR else "OVER"
    print(f"worst: {worst:.2f}x normal news ({verdict} the {BAR:.0f}x bar)")
    update_results(Path(args.out), cost_curve={"rows": rows, "worst": worst})


if __name__ == "__main__":
    main()
