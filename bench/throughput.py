"""Throughput and memory of eventx against bare spaCy, in one process tree.

    .venv/bin/python bench/throughput.py [--words 500000] [--scales 1 4]
        [--corpus mixed|news ...] [--modes MODE ...] [--out bench/results.json]

``--corpus`` picks the texts, repeated to about ``--words`` words (several
corpora run one after the other, e.g. ``--corpus mixed news``):

* ``mixed`` (the default): ``../shared/corpus/lee.jsonl`` and the Scrapinghub
  pages (their main text, read by eventx's own HTML reader);
* ``news``: the Lee stories alone, where more sentences are event candidates.
  (Lee is 63,873 words: ``--words 510984`` is eight whole copies.)

Each measurement runs in a fresh child process, so its peak RSS is its own.
The default modes:

* ``spacy``: bare ``nlp.pipe`` with the full pipeline (the baseline);
* ``eventx-full``: ``eventx extract --exhaustive --workers 1`` (every sentence analysed);
* ``eventx-1``: ``eventx extract`` with 1 worker (the fast path);
* ``eventx-2``: ``eventx extract`` with 2 workers (peak RSS is per worker);
* ``spark-2``: ``eventx extract --engine spark`` in Spark's local mode,
  ``local[2]`` (peak RSS: Spark's JVM and its Python workers together,
  sampled from /proc every 0.5 s).

Two more, on request (``--modes ... cli-spacy cli-eventx``), time a whole
command from its launch to its exit, start-up and model loading included, as
a user sees it:

* ``cli-spacy``: a fresh ``python`` that loads the model and runs
  ``nlp.pipe`` (batch_size 32) over the corpus's JSON lines;
* ``cli-eventx``: ``eventx extract CORPUS --workers 1 --out DIR --quiet``.

Their peak RSS is the command's own (an intermediate child starts it and reads
``RUSAGE_CHILDREN``).

Ratios are words/s against a baseline of the same corpus, scale and run
(baselines run first): ``ratio_to_spacy`` against ``spacy`` (null when it was
not run) and, for the ``cli-*`` modes, ``ratio_to_cli_spacy`` against
``cli-spacy``.  Each scale after the first multiplies the corpus, to show
whether memory stays flat.  The model is loaded before the clock starts for
``spacy`` and ``eventx-1``; the 2-worker and Spark runs count their start-up
(for Spark: the JVM, the session and the model in each Python worker).

Every row records its ``corpus``.  Rows are merged into ``--out`` by
(corpus, scale, mode): a run replaces the rows it measured and keeps the
others (rows written before ``corpus`` existed are ``mixed``), and the file's
other keys (``startup``, ``overhead``) stay.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import (
    CORPUS,
    RESULTS,
    eventx_command,
    lee_texts,
    model_name,
    read_results,
    update_results,
    write_corpus,
)

MODES = ("spacy", "eventx-full", "eventx-1", "eventx-2", "spark-2", "cli-spacy", "cli-eventx")
DEFAULT_MODES = ["spacy", "eventx-full", "eventx-1", "eventx-2", "spark-2"]
BASELINES = ("spacy", "cli-spacy")
CORPORA = ("mixed", "news")

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, corpus, out, model = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
def texts():  # streamed: the corpus is never held in memory, so peak RSS is the pipeline's
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]
words = sum(len(t.split()) for t in texts())
if mode == "spacy":
    import spacy
    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts(), batch_size=32):
        pass
elif mode.startswith("cli-"):  # the whole command, from its launch to its exit
    import subprocess
    command = json.loads(sys.argv[5])
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):  # eventx: 1 when some inputs failed
        sys.exit(f"{mode} failed with status {done.returncode}:\n{done.stderr[-4000:]}")
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
    from eventx.running.batch import run, warm_up
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
if mode.startswith("cli-"):
    own, children = children, 0.0  # the command's own peak; this process only waited
print(json.dumps({"words": words, "seconds": seconds, "rss_mb": own, "worker_rss_mb": children}))
"""

SPACY_SCRIPT = r"""
import json, sys
import spacy
model, corpus = sys.argv[1], sys.argv[2]
def texts():
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]
nlp = spacy.load(model)
for _ in nlp.pipe(texts(), batch_size=32):
    pass
"""


def corpus_texts() -> list[dict[str, str]]:
    """Lee stories and the main text of every Scrapinghub page, once."""
    from eventx.inputs.readers import read_inputs
    from eventx.records.document import Document

    sources = [str(CORPUS / "lee.jsonl"), str(CORPUS / "scrapinghub" / "html")]
    return [
        {"id": item.id, "text": item.text}
        for item in read_inputs(sources)
        if isinstance(item, Document)
    ]


def command(mode: str, corpus: Path, out: Path, model: str) -> list[str]:
    """The command a ``cli-*`` mode times."""
    if mode == "cli-spacy":
        return [sys.executable, "-c", SPACY_SCRIPT, model, str(corpus)]
    extract = [str(eventx_command()), "extract", str(corpus), "--workers", "1"]
    return [*extract, "--out", str(out), "--quiet"]


def measure(mode: str, corpus: Path, out: Path, model: str) -> dict[str, float]:
    argv = [sys.executable, "-c", CHILD, mode, str(corpus), str(out), model]
    if mode.startswith("cli-"):
        argv.append(json.dumps(command(mode, corpus, out, model)))
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{mode} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def merged(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``old`` rows that this run did not measure again, then ``new``, in a stable order."""

    def key(row: dict[str, Any]) -> tuple[str, int, str]:
        return row["corpus"], row["scale"], row["mode"]

    measured = {key(row) for row in new}
    sizes = {(row["corpus"], row["scale"]): row["words"] for row in new}
    rows = [{"corpus": "mixed", **row} for row in old]
    rows = [row for row in rows if key(row) not in measured]
    for row in rows:
        words = sizes.get((row["corpus"], row["scale"]))
        if words is not None and words != row["words"]:
            print(
                f"note: kept {row['corpus']} {row['scale']}x {row['mode']} from an earlier run "
                f"on {row['words']:,} words (this run: {words:,})"
            )
    rows += new

    def order(row: dict[str, Any]) -> tuple[int, int, int]:
        rank = {name: i for i, name in enumerate(CORPORA)}
        modes = {name: i for i, name in enumerate(MODES)}
        return rank.get(row["corpus"], 99), row["scale"], modes.get(row["mode"], 99)

    return sorted(rows, key=order)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=500_000)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--corpus", nargs="+", choices=CORPORA, default=["mixed"])
    parser.add_argument("--modes", nargs="+", choices=MODES, default=DEFAULT_MODES)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    modes = sorted(args.modes, key=lambda mode: mode not in BASELINES)  # baselines first
    model = model_name() if {"spacy", "cli-spacy"} & set(modes) else ""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name in args.corpus:
            texts = corpus_texts() if name == "mixed" else lee_texts()
            for scale in args.scales:
                corpus = Path(folder) / f"{name}-{scale}.jsonl"
                words = write_corpus(texts, args.words * scale, corpus)
                rates: dict[str, float] = {}
                for mode in modes:
                    out = Path(folder) / f"out-{name}-{scale}-{mode}"
                    result = measure(mode, corpus, out, model)
                    rate = rates[mode] = result["words"] / result["seconds"]
                    row = {"corpus": name, "scale": scale, "mode": mode, "words": words, **result}
                    ratio = rate / rates["spacy"] if "spacy" in rates else None
                    row.update(words_per_s=rate, ratio_to_spacy=ratio)
                    compared = f"x{ratio:4.2f} of spaCy" if ratio else ""
                    if mode.startswith("cli-") and "cli-spacy" in rates:
                        row["ratio_to_cli_spacy"] = rate / rates["cli-spacy"]
                        compared = f"x{row['ratio_to_cli_spacy']:4.2f} of cli-spacy"
                    rows.append(row)
                    label = "per worker" if mode == "eventx-2" else "JVM + Python workers"
                    workers = f" ({label} {result['worker_rss_mb']:.0f} MB)"
                    print(
                        f"{name:5} {scale}x {mode:11} {words:>9,} words  {rate:8,.0f} words/s  "
                        f"{compared:18} peak RSS {result['rss_mb']:6.0f} MB"
                        + (workers if mode in ("eventx-2", "spark-2") else ""),
                        flush=True,
                    )
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    old = read_results(args.out).get("rows", [])
    update_results(args.out, rows=merged(old, rows), max_child_rss_kb=peak_kb)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
