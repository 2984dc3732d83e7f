"""Render the seed article's events and photograph them in headless Chromium.

    .venv/bin/python scripts/screenshot.py [--out docs/seed-events.png]

Writes the HTML next to the PNG.  Needs Debian's chromium (``apt-get install
chromium``); the flags keep it off the network.  The picture is cropped to
the page's content.  tests/test_render.py runs this script and reads the
picture back.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

import eventx

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "china_pakistan_defense_deal.txt"
WIDTH = 1000
BACKGROUND = (250, 250, 250)  # the page's #fafafa
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def photograph(html: Path, png: Path, *, width: int = WIDTH, height: int = 4000) -> None:
    """A screenshot of ``html``, cropped at the bottom to where the content ends."""
    browser = chromium()
    if browser is None:
        sys.exit("chromium not found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={png}",
                html.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    image = Image.open(png).convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, BACKGROUND)).getbbox()
    if box is not None:
        image.crop((0, 0, image.width, min(image.height, box[3] + 16))).save(png)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "seed-events.png")
    args = parser.parse_args()
    events = eventx.extract(SEED.read_text(encoding="utf-8"), published="2020-11-30")
    html = args.out.with_suffix(".html")
    html.write_text(eventx.render(events, page=True), encoding="utf-8")
    photograph(html, args.out)
    print(f"wrote {args.out} ({len(events)} events) and {html}")


if __name__ == "__main__":
    main()
