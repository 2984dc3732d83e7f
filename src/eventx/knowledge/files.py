"""Locate and load the rule data under ``models/``.

In a wheel the data ships as ``eventx/models``; in a source checkout (or an
editable install) it is the repository's top-level ``models/`` folder.  Every
file is read once and cached.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/eventx, or eventx in a wheel


@cache
def models_dir() -> Path:
    for candidate in (_PACKAGE_DIR / "models", _PACKAGE_DIR.parents[1] / "models"):
        if (candidate / "rules").is_dir():
            return candidate
    raise FileNotFoundError("eventx rule data (models/) not found next to the package")


@cache
def load_json(relative: str) -> Any:
    """Parse one data file, e.g. ``load_json("lexicons/groups.json")``."""
    return read_json(relative)


def read_json(relative: str) -> Any:
    """Parse one data file without keeping it: for a large file that its
    reader turns into an index of its own (``knowledge/people.py``)."""
    with (models_dir() / relative).open(encoding="utf-8") as handle:
        return json.load(handle)


def rule_files() -> list[str]:
    """The rule packs, one per event type, in a stable order."""
    return sorted(
        f"rules/{path.name}"
        for path in (models_dir() / "rules").glob("*.json")
        if path.name != "types.json"
    )
