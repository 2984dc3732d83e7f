"""Render docs/gold-disputes.jsonl as the table of docs/gold-disputes.md.

    .venv/bin/python scripts/render_disputes.py

The JSON lines are the one source of the disputes (``eventx evaluate
--disputes`` reads them); the markdown table between ``<!-- disputes:start -->``
and ``<!-- disputes:end -->`` is their view, and tests/test_disputes.py fails
when it is stale.
"""

from __future__ import annotations

from pathlib import Path

from update_readme import replace  # the block rewriter of the script beside this one

from eventx.disputes import load, render_table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "docs" / "gold-disputes.jsonl"
VIEW = ROOT / "docs" / "gold-disputes.md"


def main() -> None:
    text = VIEW.read_text(encoding="utf-8")
    VIEW.write_text(replace(text, "disputes", render_table(load(DATA))), encoding="utf-8")
    print(f"{VIEW.relative_to(ROOT)} updated")


if __name__ == "__main__":
    main()
