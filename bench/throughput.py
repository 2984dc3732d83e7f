"""Throughput and memory of eventx against bare spaCy, in one process tree.

    .venv/bin/python bench/throughput.py [--words 500000] [--scales 1 4] [--out bench/results.json]

The corpus is ``../shared/corpus/lee.jsonl`` and the Scrapinghub pages (their
main text, read by eventx's own HTML reader), repeated to about ``--words``
words.  Each measurement runs in a fresh child process, so its peak RSS is
its own:

* ``spacy``: bare ``nlp.pipe`` with the full pipeline (the baseline);
* ``eventx-full``: ``eventx extract --exhaustive --workers 1`` (every sentence analysed);
* ``eventx-1``: ``eventx extract`` with 1 worker (the fast path);
* ``eventx-2``: ``eventx extract`` with 2 workers (peak RSS is per worker);
* ``spark-2``: ``eventx extract --engine spark`` in Spark's local mode,
  ``local[2]`` (peak RSS: Spark's JVM and its Python workers together,
  sampled from /proc every 0.5 s).

Ratios are words/s against the baseline of the same scale and run.  Each
scale after the first multiplies the corpus, to show whether memory stays
flat.  The model is loaded before the clock starts for ``spacy`` and
``eventx-1``; the 2-worker and Spark runs count their start-up (for Spark:
the JVM, the session and the model in each Python worker).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, corpus, out = sys.argv[1], sys.argv[2], sys.argv[3]
def texts():  # streamed: the corpus is never held in memory, so peak RSS is the pipeline's
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]
words = sum(len(t.split()) for t in texts())
if mode == "spacy":
    from eventx.nlp import MODEL_NAME
    import spacy
    nlp = spacy.load(MODEL_NAME)
    start = time.perf_counter()
    for _ in nlp.pipe(texts(), batch_size=32):
        pass
elif mode == "spark-2":
    import os, threading
    from eventx import spark
    tree_peak = [0.0]
    def descendants_rss_mb():  # the JVM and its Python workers, from /proc
        parents = {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                rss = int(open(f"/proc/{pid}/statm").read().split()[1])
            except OSError:
                continue
            parents[int(pid)] = (int(fields[1]), rss * os.sysconf("SC_PAGE_SIZE") / 2**20)
        tree, total = {os.getpid()}, 0.0
        for _ in range(4):  # JVM -> Python daemon -> Python workers
            for pid, (parent, rss) in parents.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    total += rss
        return total
    def sample():
        while True:
            tree_peak[0] = max(tree_peak[0], descendants_rss_mb())
            time.sleep(0.5)
    threading.Thread(target=sample, daemon=True).start()
    start = time.perf_counter()
    spark.run([corpus], Path(out), master="local[2]")
else:
    from eventx.batch import run, warm_up
    full = mode == "eventx-full"
    workers = 1 if full else int(mode.split("-")[1])
    if workers == 1:
        warm_up()
    start = time.perf_counter()
    summary = run([corpus], Path(out), workers=workers, mode="exhaustive" if full else "fast")
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if mode == "spark-2":
    children = tree_peak[0]  # all of Spark's processes together
print(json.dumps({"words": words, "seconds": seconds, "rss_mb": own, "worker_rss_mb": children}))
"""


def corpus_texts() -> list[dict[str, str]]:
    """Lee stories and the main text of every Scrapinghub page, once."""
    from eventx.documents import Document
    from eventx.readers import read_inputs

    sources = [str(CORPUS / "lee.jsonl"), str(CORPUS / "scrapinghub" / "html")]
    return [
        {"id": item.id, "text": item.text}
        for item in read_inputs(sources)
        if isinstance(item, Document)
    ]


def write_corpus(texts: list[dict[str, str]], words: int, path: Path) -> int:
    """Repeat ``texts`` (with fresh ids) until about ``words`` words; return the count."""
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        copy = 0
        while total < words:
            for item in texts:
                handle.write(json.dumps({"id": f"{copy}-{item['id']}", "text": item["text"]}))
                handle.write("\n")
                total += len(item["text"].split())
                if total >= words:
                    break
            copy += 1
    return total


def measure(mode: str, corpus: Path, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(corpus), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=500_000)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4])
    parser.add_argument(
        "--modes",
        nargs="+",
        default=["spacy", "eventx-full", "eventx-1", "eventx-2", "spark-2"],
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    texts = corpus_texts()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            corpus = Path(folder) / f"corpus-{scale}.jsonl"
            words = write_corpus(texts, args.words * scale, corpus)
            baseline = None
            for mode in args.modes:
                result = measure(mode, corpus, Path(folder) / f"out-{scale}-{mode}")
                rate = result["words"] / result["seconds"]
                baseline = baseline or rate
                row = {"scale": scale, "mode": mode, "words": words, **result}
                row.update(words_per_s=rate, ratio_to_spacy=rate / baseline)
                rows.append(row)
                label = "per worker" if mode == "eventx-2" else "JVM + Python workers"
                workers = f" ({label} {result['worker_rss_mb']:.0f} MB)"
                print(
                    f"{scale}x {mode:9} {words:>9,} words  {rate:8,.0f} words/s  "
                    f"x{rate / baseline:4.2f} of spaCy  peak RSS {result['rss_mb']:6.0f} MB"
                    + (workers if mode in ("eventx-2", "spark-2") else ""),
                    flush=True,
                )
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    args.out.write_text(json.dumps({"rows": rows, "max_child_rss_kb": peak_kb}, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
