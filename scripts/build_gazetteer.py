"""Regenerate models/gazetteer/countries.json from maintained country data.

Names, alternative spellings, demonyms and capitals come from `countryinfo`
and `pycountry`, so the country list is never typed by hand.  Run after
`pip install -e '.[gazetteer]'`:

    python scripts/build_gazetteer.py

The output is committed, so eventx itself never needs these packages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import countryinfo
import pycountry

OUT = Path(__file__).resolve().parents[1] / "models" / "gazetteer" / "countries.json"
ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


def _clean(name: str) -> str | None:
    name = name.strip()
    if not ASCII_NAME.match(name) or len(name) < 4:
        return None  # two- and three-letter codes collide with ordinary words
    if "," in name:
        return None
    return name.lower()


def build() -> dict[str, dict[str, str]]:
    entries: dict[str, dict[str, str]] = {}

    def add(name: str | None, code: str, kind: str) -> None:
        key = _clean(name) if name else None
        if key and key not in entries:
            entries[key] = {"country": code, "kind": kind}

    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            add(getattr(country, attr, None), country.alpha_3, "name")
    for info in (c.info() for c in countryinfo.all_countries()):
        code = (info.get("ISO") or {}).get("alpha3")
        if not code:
            continue
        add(info.get("name"), code, "name")
        for alt in info.get("altSpellings") or []:
            add(alt, code, "name")
    # Demonyms and capitals come second so a country name always wins a clash.
    # A demonym shared by several territories ("American", "Indian") goes to
    # the most populous one.
    infos = sorted(
        (c.info() for c in countryinfo.all_countries()),
        key=lambda info: -(info.get("population") or 0),
    )
    for info in infos:
        code = (info.get("ISO") or {}).get("alpha3")
        if not code:
            continue
        demonym = info.get("demonym")
        if demonym:
            add(demonym, code, "demonym")
            if not demonym.endswith(("s", "ese", "sh", "ch")):
                add(demonym + "s", code, "demonym")
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            add(capital.replace(" D.C.", ""), code, "capital")
    return dict(sorted(entries.items()))


def main() -> None:
    data = {
        "version": "1",
        "source": "pycountry + countryinfo (names, altSpellings, demonyms, capitals)",
        "entries": build(),
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(data['entries'])} entries to {OUT}")


if __name__ == "__main__":
    main()
