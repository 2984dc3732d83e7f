"""What the benchmark scripts share: paths, the corpus, the ``eventx`` command
and ``results.json``.

The only eventx internal imported here is the model's name (``model_name``);
everything else the scripts measure goes through the ``eventx`` command or
plain spaCy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
LEE = CORPUS / "lee.jsonl"
RESULTS = ROOT / "bench" / "results.json"


def model_name() -> str:
    """The spaCy model eventx runs on (resolved in the parent process, so the
    processes that are timed need not import eventx to learn it)."""
    from eventx.analysis.model import MODEL_NAME

    return MODEL_NAME


def eventx_command() -> Path:
    """The ``eventx`` script of the virtual environment running this Python."""
    script = Path(sys.executable).with_name("eventx")
    if not script.exists():
        raise SystemExit(f"no eventx command next to {sys.executable}: pip install -e . first")
    return script


def lee_texts() -> list[dict[str, str]]:
    """The Lee stories, as the JSON lines hold them."""
    with LEE.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [{"id": record["id"], "text": record["text"]} for record in records]


def write_corpus(texts: list[dict[str, str]], words: int, path: Path) -> int:
    """Repeat ``texts`` (with fresh ids) until about ``words`` words; return the count."""
    if not any(item["text"].split() for item in texts):
        raise SystemExit(f"no corpus text to repeat: is {CORPUS} there?")
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


def read_results(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def update_results(path: Path, **entries: Any) -> None:
    """Set these top-level keys of the results file; the others stay as they are."""
    results = read_results(path)
    results.update(entries)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    partial.replace(path)
