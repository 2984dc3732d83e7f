"""The wheel carries the rule data, so eventx works outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from eventx.knowledge import files
from tests.helpers import ROOT


def test_every_rule_pack_and_lexicon_parses() -> None:
    for path in sorted(files.models_dir().rglob("*.json")):
        data = files.load_json(path.relative_to(files.models_dir()).as_posix())
        assert data["version"], path


def test_wheel_contains_models(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    [wheel] = tmp_path.glob("eventx-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "models").rglob("*.json"):
        assert f"eventx/models/{path.relative_to(ROOT / 'models').as_posix()}" in names
