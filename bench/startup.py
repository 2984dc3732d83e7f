"""What a user waits for before eventx does anything: ``eventx --help`` and ``import eventx``.

    .venv/bin/python bench/startup.py [--runs 10] [--no-fail] [--out bench/results.json]

* ``eventx --help``: wall time of the whole command, ``--runs`` times after one
  warm-up run (so the OS file cache is warm): min and median, and whether the
  median is under the bar (``--bar``, 0.5 s);
* ``python -X importtime -c "import eventx"``, and ``-c "import eventx.cli"``
  (what ``--help`` loads): whether a heavy module (spacy, trafilatura, pandas,
  or one of their submodules) is imported, and through which chain of
  imports; eventx's total import time; the five slowest imports under it by
  cumulative time.  Each is run once to warm up, then ``--import-runs`` times,
  keeping the fastest.

The figures go under "startup" in ``--out`` (its other keys stay).  Exit
status 1 when the median is at or over the bar or a heavy module is imported,
so this can serve as a check; ``--no-fail`` only reports.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import RESULTS, eventx_command, update_results

HEAVY = ("spacy", "trafilatura", "pandas")
TARGETS = ("eventx", "eventx.cli")
SLOWEST = 5


@dataclass(frozen=True)
class Import:
    name: str
    depth: int  # 0: imported by the -c statement (or at start-up); n: nested n deep
    self_us: int
    cumulative_us: int


def parse_importtime(stderr: str) -> list[Import]:
    """The lines of ``-X importtime`` in their order: a module's imports come before it."""
    imports = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():  # the header
            continue
        column = fields[2]  # " " + two spaces per level + name
        name = column.lstrip()
        depth = (len(column) - len(name) - 1) // 2
        imports.append(Import(name, depth, int(fields[0]), int(fields[1])))
    return imports


def is_under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def chain(imports: list[Import], index: int) -> str:
    """``eventx > eventx.api > ... > spacy``: who imported ``imports[index]``."""
    names = [imports[index].name]
    depth = imports[index].depth
    for entry in imports[index + 1 :]:
        if entry.depth < depth:
            names.append(entry.name)
            depth = entry.depth
    return " > ".join(reversed(names))


def import_report(module: str, runs: int) -> dict[str, Any]:
    """Import times of ``import module`` in a fresh interpreter: the fastest of ``runs``."""
    argv = [sys.executable, "-X", "importtime", "-c", f"import {module}"]
    best: list[Import] | None = None
    best_total = 0
    for n in range(runs + 1):  # the first warms the file cache up
        done = subprocess.run(argv, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"import {module} failed:\n{done.stderr[-4000:]}")
        imports = parse_importtime(done.stderr)
        total = sum(
            entry.cumulative_us
            for entry in imports
            if entry.depth == 0 and is_under(entry.name, "eventx")
        )
        if n and (best is None or total < best_total):
            best, best_total = imports, total
    assert best is not None
    heavy = {}
    for package in HEAVY:
        found = [i for i, entry in enumerate(best) if is_under(entry.name, package)]
        exact = [i for i in found if best[i].name == package]
        if found:
            heavy[package] = chain(best, (exact or found)[0])
    # the imports made by the -c statement: those before each top-level eventx line,
    # back to the previous top-level line (start-up's own imports are top-level too)
    inside: list[Import] = []
    block: list[Import] = []
    for entry in best:
        if entry.depth:
            block.append(entry)
            continue
        if is_under(entry.name, "eventx"):
            inside.extend(block)
        block = []
    slowest = sorted(inside, key=lambda entry: -entry.cumulative_us)[:SLOWEST]
    return {
        "total_s": best_total / 1e6,
        "heavy": heavy,
        "slowest": [
            {"module": entry.name, "cumulative_s": entry.cumulative_us / 1e6, "depth": entry.depth}
            for entry in slowest
        ],
    }


def help_times(runs: int) -> list[float]:
    argv = [str(eventx_command()), "--help"]
    seconds = []
    for n in range(runs + 1):  # the first warms the file cache up
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode:
            raise SystemExit(f"eventx --help failed:\n{done.stderr[-4000:]}")
        if n:
            seconds.append(elapsed)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs of eventx --help")
    parser.add_argument("--import-runs", type=int, default=3)
    parser.add_argument("--bar", type=float, default=0.5, help="seconds, for the median")
    parser.add_argument("--no-fail", action="store_true", help="report only: exit status 0")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    seconds = help_times(args.runs)
    median = statistics.median(seconds)
    under = median < args.bar
    imports = {module: import_report(module, args.import_runs) for module in TARGETS}
    ok = under and not any(report["heavy"] for report in imports.values())

    verdict = "ok" if under else "OVER"
    print(
        f"eventx --help        min {min(seconds):.3f} s  median {median:.3f} s  "
        f"({len(seconds)} runs; bar {args.bar:.2f} s: {verdict})"
    )
    for module, report in imports.items():
        heavy = ", ".join(report["heavy"]) or "none"
        print(f"import {module:13} {report['total_s']:.3f} s  heavy modules: {heavy}")
        for package, path in report["heavy"].items():
            print(f"    {package}: {path}")
        for entry in report["slowest"]:
            print(f"    {entry['cumulative_s']:7.3f} s  {entry['module']}")
    print("startup check: " + ("passed" if ok else "FAILED"))

    update_results(
        args.out,
        startup={
            "help": {
                "runs": len(seconds),
                "min_s": min(seconds),
                "median_s": median,
                "bar_s": args.bar,
                "under_bar": under,
            },
            "imports": imports,
            "passed": ok,
        },
    )
    print(f"wrote {args.out}")
    if not ok and not args.no_fail:
        sys.exit(1)


if __name__ == "__main__":
    main()
