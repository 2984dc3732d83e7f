"""Helpers shared by the tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from eventx import Event
from eventx.pipeline import default_extractor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

Extract = Callable[..., list[Event]]


def analysed(text: str) -> Doc:
    """``text`` as eventx analyses it, every sentence (exhaustive mode)."""
    return default_extractor().reparse(text)


def python_output(code: str) -> str:
    """What ``code`` prints in a fresh interpreter of this environment (it must succeed)."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def needs_shared(relative: str) -> Path:
    """A path under ../shared, or skip the test where the checkout lacks it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} not present (the shared folder sits beside the checkout)")
    return path


def asserted(events: list[Event], kind: str | None = None) -> list[Event]:
    return [e for e in events if e.modality == "asserted" and (kind is None or e.type == kind)]


def countries(event: Event) -> set[str | None]:
    return {a.country for a in event.actors}


def only(events: list[Event], kind: str) -> Event:
    """The single event of a type; fails with the list if there is not exactly one."""
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger.text, e.modality) for e in events]
    return found[0]
