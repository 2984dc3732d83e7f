"""Where ``eventx extract --workers 1`` spends its time, spaCy's pipeline and the rest.

    .venv/bin/python bench/overhead.py [--words 50000] [--top 0] [--profile FILE]
        [--out bench/results.json]

Runs ``eventx extract CORPUS --workers 1 --out DIR --quiet`` over the Lee
stories repeated to about ``--words`` words, twice, each a fresh process:
once plainly (its wall time) and once under cProfile (``python -m cProfile
-o``), then sums every function's own time (tottime, so nothing is counted
twice) by category.  The categories come from where a function lives: eventx
functions by their file's name (readers, decoding, pages, analyser,
candidates, tokens/nlp, rules/matcher, records, journal, progress, ...),
which survives moving modules between packages; libraries by their package
(spacy/pipeline and thinc: the statistical components; spacy/matcher: rule
matching; pydantic and orjson: records; rich: progress; ...).  A function
with no category of its own (a builtin, the standard library, numpy) takes
its callers', split by their share of its cumulative time.  Some work claims
everything below it: an import, ``spacy.load``, eventx's set-up
(``default_extractor``: the rule packs), reading inputs, the journal and progress
reporting; the innermost such claim wins.  Compiled code that cProfile
cannot see (C extensions, Cython built without profiling) counts as its
Python caller's: the components' ``pipe`` chain as eventx's analyser
``_run``, the tokenizer as ``Language.make_doc``.

The wall time outside the profile (interpreter start-up and exit, writing the
profile) is its own row.  cProfile slows Python code more than compiled
code, so read the shares as approximate; the plain run's wall time is shown
for scale.  The table goes under "overhead" in ``--out`` (its other keys stay).
"""

from __future__ import annotations

import argparse
import importlib.util
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import RESULTS, eventx_command, lee_texts, update_results, write_corpus

STARTUP = "interpreter start-up and exit (outside the profile)"
IMPORTS = "imports"
MODEL = "model loading (spacy.load)"
SETUP = "eventx set-up (rule packs, data files)"
READ = "reading inputs (readers, decoding, pages)"
SPLIT = "tokenising, sentence splitting, candidate selection"
PIECES = "sentence docs and copy-back (analyser)"
STATISTICAL = "spaCy statistical components (tagger, parser, NER, lemmatizer)"
MATCH = "rule matching (DependencyMatcher)"
DRAFT = "event drafting and coding"
RECORDS = "building records, JSON serialisation (pydantic, orjson)"
WRITE = "writing output and journal"
PROGRESS = "progress reporting"
ORCHESTRATION = "CLI and batching (other eventx)"
OTHER = "other"
CATEGORIES = (
    STARTUP,
    IMPORTS,
    MODEL,
    SETUP,
    READ,
    SPLIT,
    PIECES,
    STATISTICAL,
    MATCH,
    DRAFT,
    RECORDS,
    WRITE,
    PROGRESS,
    ORCHESTRATION,
    OTHER,
)

# eventx's files by name, before and after the move into subpackages (a
# package's __init__ counts under the package's name); any other: DRAFT.
# The second value: does the file's work claim all that it calls?
EVENTX_FILES = {
    "readers": (READ, True),
    "decoding": (READ, True),
    "pages": (READ, True),
    "inputs": (READ, True),
    "documents": (READ, False),
    "document": (READ, False),
    "nlp": (SPLIT, False),
    "tokens": (SPLIT, False),
    "candidates": (SPLIT, False),
    "analysis": (SPLIT, False),
    "analyser": (SPLIT, False),
    "rules": (MATCH, False),
    "matcher": (MATCH, False),
    "records": (RECORDS, False),
    "event": (RECORDS, False),
    "tables": (RECORDS, False),
    "journal": (WRITE, True),
    "progress": (PROGRESS, True),
    "resources": (SETUP, True),
    "files": (SETUP, True),
    "batch": (ORCHESTRATION, False),
    "workers": (ORCHESTRATION, False),
    "running": (ORCHESTRATION, False),
    "cli": (ORCHESTRATION, False),
    "api": (ORCHESTRATION, False),
    "component": (ORCHESTRATION, False),
    "pipeline": (ORCHESTRATION, False),
    "model": (ORCHESTRATION, False),
}
# functions of the analyser (analysis.py) that are not its sentence splitting
ANALYSER_FUNCTIONS = {
    "_run": STATISTICAL,  # drives the components' pipe: their compiled code's time is here
    "_piece": PIECES,
    "_copy_back": PIECES,
    "_write": PIECES,
    "_one_sentence": PIECES,
    "_regroup": PIECES,
}
# loading the model, the eventx component and its rule packs, before and after the move
EVENTX_SETUP = {"get_nlp", "default_extractor", "warm_up"}
ONCE_IS_SETUP = (SPLIT, MATCH, DRAFT, RECORDS)  # called once there: a table built on first use
PASSES = 6
LIBRARIES = {
    "thinc": STATISTICAL,
    "pydantic": RECORDS,
    "pydantic_core": RECORDS,
    "orjson": RECORDS,
    "rich": PROGRESS,
    "typer": ORCHESTRATION,
    "click": ORCHESTRATION,
    "trafilatura": READ,
    "charset_normalizer": READ,
    "lxml": READ,
    "justext": READ,
    "htmldate": READ,
    "courlan": READ,
}

Function = tuple[str, int, str]  # pstats' key: file, line, name
Share = dict[str | None, float]


@dataclass(frozen=True)
class Where:
    script: str  # the profiled command: its module body is the root of everything
    package: Path  # eventx's folder


def own_category(function: Function, calls: int, where: Where) -> tuple[str | None, bool]:
    """The category of a function by where it lives, and whether it claims
    all the work it calls; (None, False): its callers'."""
    filename, _, name = function
    if filename == "~":  # a builtin
        if name == "<built-in method builtins.__import__>":
            return IMPORTS, True
        return (RECORDS, False) if "orjson" in name else (None, False)
    if name == "<module>":  # a module's body runs when it is imported; builtins.exec runs
        # them all, the script's too, so exec's callers cannot tell which is which
        return (ORCHESTRATION, False) if filename == where.script else (IMPORTS, True)
    if filename.startswith("<frozen importlib"):
        return (IMPORTS, True) if name == "_find_and_load" else (None, False)
    path = Path(filename)
    if path.is_relative_to(where.package):
        return _eventx_category(path.relative_to(where.package).parts, name, calls)
    parts = path.parts
    for folder in ("site-packages", "dist-packages"):
        if folder in parts:
            parts = parts[len(parts) - parts[::-1].index(folder) :]
    # compiled modules (Cython) name their file relative to the package: spacy/vocab.pyx
    if parts[0] == "spacy" and len(parts) > 1:
        return _spacy_category(parts, name)
    return LIBRARIES.get(parts[0]), False


def _eventx_category(parts: tuple[str, ...], name: str, calls: int) -> tuple[str | None, bool]:
    stem = Path(parts[-1]).stem
    if stem == "__init__":
        stem = parts[-2] if len(parts) > 1 else "eventx"
    if name in EVENTX_SETUP:
        return SETUP, True
    if stem in ("analysis", "analyser") and name in ANALYSER_FUNCTIONS:
        return ANALYSER_FUNCTIONS[name], False
    category, claims = EVENTX_FILES.get(stem, (DRAFT, False))
    if calls == 1 and category in ONCE_IS_SETUP:  # a cached table or index, built on first use
        return SETUP, True
    return category, claims


def _spacy_category(parts: tuple[str, ...], name: str) -> tuple[str | None, bool]:
    where = parts[1]
    if where == "__init__.py" and name == "load":
        return MODEL, True
    if where in ("pipeline", "ml"):
        return STATISTICAL, False
    if where == "matcher":  # the Matcher also serves the attribute ruler and the multiword merge
        return (MATCH, False) if parts[-1].startswith("dependencymatcher") else (None, False)
    if where == "tokenizer.pyx" or (where == "language.py" and name == "make_doc"):
        return SPLIT, False
    if where == "util.py" and name == "_pipe":
        return STATISTICAL, False
    return None, False


def attribute(
    stats: dict[Function, Any], where: Where
) -> tuple[dict[str, float], dict[Function, str]]:
    """Seconds per category, and each function's main category."""
    own = {function: own_category(function, stats[function][1], where) for function in stats}
    claims: dict[Function, Share] = {}  # the claim each function's time is under (None: none)
    inherited: dict[Function, Share] = {}  # the category a function without one takes
    order = sorted(stats, key=lambda function: -stats[function][3])  # callers first, mostly
    for _ in range(PASSES):  # recursion makes cycles: a few passes settle them
        for function in order:
            name, claiming = own[function]
            claim: Share = defaultdict(float)
            category: Share = defaultdict(float)
            for caller, share in _caller_shares(function, stats, claims, where).items():
                for key, part in claims.get(caller, {None: 1.0}).items():
                    claim[key] += share * part
                for key, part in inherited.get(caller, {OTHER: 1.0}).items():
                    category[key] += share * part
            claims[function] = {name: 1.0} if claiming else (dict(claim) or {None: 1.0})
            inherited[function] = {name: 1.0} if name else (dict(category) or {OTHER: 1.0})
    seconds: dict[str, float] = defaultdict(float)
    main: dict[Function, str] = {}
    for function, (_, _, tottime, _, _) in stats.items():
        split: dict[str, float] = defaultdict(float)
        for claim, part in claims[function].items():
            if claim is not None:
                split[claim] += part
            else:
                for category, share in inherited[function].items():
                    split[category] += part * share
        for category, part in split.items():
            seconds[category] += tottime * part
        main[function] = max(split, key=split.__getitem__)
    return seconds, main


def _caller_shares(
    function: Function, stats: dict[Function, Any], done: dict[Function, Share], where: Where
) -> dict[Function, float]:
    """Each caller's share of ``function``'s cumulative time: the script's body
    has none (the root), a recursive call is not a caller, and callers not
    settled yet wait for the next pass while some are."""
    if function[0] == where.script and function[2] == "<module>":
        return {}
    edges = {caller: edge for caller, edge in stats[function][4].items() if caller != function}
    settled = {caller: edge for caller, edge in edges.items() if caller in done}
    edges = settled or edges
    weights = {caller: edge[3] for caller, edge in edges.items()}
    if not any(weights.values()):
        weights = {caller: edge[1] or 1 for caller, edge in edges.items()}
    total = sum(weights.values())
    return {caller: weight / total for caller, weight in weights.items()}


def eventx_package() -> Path:
    """eventx's folder, found without importing it."""
    spec = importlib.util.find_spec("eventx")
    if spec is None or spec.origin is None:
        raise SystemExit("eventx is not installed in this environment")
    return Path(spec.origin).parent


def extract_command(corpus: Path, out: Path) -> list[str]:
    return [str(eventx_command()), "extract", str(corpus), "--workers", "1", "--out", str(out)]


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(argv[:4])} ... failed:\n{done.stderr[-4000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--top", type=int, default=0, help="also list the N costliest functions")
    parser.add_argument("--profile", type=Path, help="keep the profile here (pstats, snakeviz)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "news.jsonl"
        words = write_corpus(lee_texts(), args.words, corpus)
        plain = timed([*extract_command(corpus, Path(folder) / "plain"), "--quiet"])
        profile = Path(folder) / "extract.prof"
        command = extract_command(corpus, Path(folder) / "profiled")
        wall = timed([sys.executable, "-m", "cProfile", "-o", str(profile), *command, "--quiet"])
        errors = Path(folder) / "profiled" / "errors.jsonl"
        if errors.exists() and errors.stat().st_size:  # cProfile hides the exit status
            failed = errors.read_text(encoding="utf-8")[:2000]
            raise SystemExit(f"the profiled run failed on some inputs:\n{failed}")
        stats: dict[Function, Any] = pstats.Stats(str(profile)).stats
        if args.profile:
            shutil.copyfile(profile, args.profile)
    seconds, main_category = attribute(stats, Where(str(eventx_command()), eventx_package()))
    profiled = sum(entry[2] for entry in stats.values())
    seconds[STARTUP] = max(wall - profiled, 0.0)
    load = [
        entry[3]
        for (file, _, name), entry in stats.items()
        if name == "load" and Path(file).parts[-2:] == ("spacy", "__init__.py")
    ]

    print(
        f"eventx extract --workers 1, Lee stories, {words:,} words: {plain:.1f} s plain "
        f"({words / plain:,.0f} words/s), {wall:.1f} s under cProfile"
    )
    rows = [
        {"category": category, "seconds": seconds[category], "share": seconds[category] / wall}
        for category in sorted(CATEGORIES, key=lambda category: -seconds.get(category, 0.0))
        if seconds.get(category, 0.0) > 0
    ]
    width = max(len(row["category"]) for row in rows)
    print(f"{'category':{width}}  seconds   share")
    for row in rows:
        print(f"{row['category']:{width}}  {row['seconds']:7.2f}  {row['share']:6.1%}")
    print(f"{'total (profiled wall time)':{width}}  {wall:7.2f}  {1:6.1%}")
    if load:
        print(f"(spacy.load's cumulative time: {max(load):.2f} s)")
    if args.top:
        print(f"\nthe {args.top} functions with the most own time:")
        costliest = sorted(stats, key=lambda function: -stats[function][2])[: args.top]
        for function in costliest:
            file, line, name = function
            where = f"{Path(file).parent.name}/{Path(file).name}:{line}" if file != "~" else ""
            category = main_category[function][:32]
            print(f"{stats[function][2]:7.2f} s  {category:32}  {where} {name}")

    update_results(
        args.out,
        overhead={
            "command": "eventx extract --workers 1 --quiet",
            "corpus": "news",
            "words": words,
            "plain_seconds": plain,
            "profiled_seconds": wall,
            "spacy_load_cumulative_seconds": max(load) if load else None,
            "rows": rows,
        },
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
