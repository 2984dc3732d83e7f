"""The data scripts/build_knowledge.py generates from the Phoenix dictionaries.

These tests read the generated files under models/knowledge/ (not the shared
dictionaries), so they are fast and need no pipeline.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

KNOWLEDGE = Path(__file__).resolve().parents[1] / "models" / "knowledge"
FILES = [
    "people.json",
    "country_names.json",
    "organisations.json",
    "armed_groups.json",
    "agents.json",
    "discards.json",
]
SOURCE = re.compile(r"^Phoenix\.[A-Za-z]+(\.actors)?\.txt:\d+$")
HAND_LISTED = "scripts/build_knowledge.py (hand-listed)"


@cache
def load(name: str) -> Any:
    return json.loads((KNOWLEDGE / name).read_text(encoding="utf-8"))


def entries(name: str) -> list[dict[str, Any]]:
    data = load(name)
    for key in ("people", "agents", "discards"):
        if key in data:
            return list(data[key])
    return list(data["names"].values())


def roles_on(person: dict[str, Any], day: str) -> list[dict[str, Any]]:
    """The roles that hold on a day, else the undated fallback roles."""
    dated = [
        r
        for r in person["roles"]
        if (r["from"] or r["until"])
        and (r["from"] is None or r["from"] <= day)
        and (r["until"] is None or day <= r["until"])
    ]
    return dated or [r for r in person["roles"] if not (r["from"] or r["until"])]


@pytest.mark.parametrize("name", FILES)
def test_versioned_with_provenance(name: str) -> None:
    data = load(name)
    assert data["version"]
    assert "scripts/build_knowledge.py" in data["about"]
    assert "petrarch2" in data["about"] and "MIT" in data["about"]


@pytest.mark.parametrize("name", FILES)
def test_every_entry_records_its_source(name: str) -> None:
    items = entries(name)
    assert items
    for item in items:
        assert SOURCE.match(item["source"]) or item["source"] == HAND_LISTED, item


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("tajik", "TJK"),
        ("tajikistan", "TJK"),
        ("ivorian", "CIV"),
        ("ivory coast", "CIV"),
        ("the ivory coast", "CIV"),
        ("kyrgyz", "KGZ"),
        ("bosnia", "BIH"),
        ("burma", "MMR"),
        ("kabul", "AFG"),
    ],
)
def test_country_names(name: str, country: str) -> None:
    assert load("country_names.json")["names"][name]["country"] == country


def test_demonyms_and_multi_country_names() -> None:
    names = load("country_names.json")["names"]
    assert names["tajik"]["kind"] == "demonym"
    assert names["ivorian"]["kind"] == "demonym"
    assert names["kabul"]["kind"] == "capital"
    assert sorted(names["the two koreas"]["countries"]) == ["KOR", "PRK"]


def test_nato_is_an_igo() -> None:
    nato = load("organisations.json")["names"]["nato"]
    assert nato["sector"] == "IGO" and nato["country"] is None
    assert nato["code"].startswith("IGO")


def test_taliban_is_an_afghan_armed_group() -> None:
    taliban = load("armed_groups.json")["names"]["taliban"]
    assert taliban["country"] == "AFG"
    assert taliban["sector"] in {"REB", "INS", "UAF"}


def test_putin_roles_resolve_by_date() -> None:
    [putin] = [p for p in load("people.json")["people"] if p["name"] == "Vladimir Putin"]
    assert any(r["from"] or r["until"] for r in putin["roles"])
    assert any(r["code"] == "RUSGOV" and r["from"] for r in putin["roles"])
    assert {r["code"] for r in roles_on(putin, "2005-06-01")} == {"RUSGOV"}
    assert all(r["country"] == "RUS" for r in putin["roles"])


def test_role_dates_are_iso_dates() -> None:
    for person in load("people.json")["people"]:
        for role in person["roles"]:
            for value in (role["from"], role["until"]):
                assert value is None or date.fromisoformat(value), person["source"]


def test_igo_officials_have_no_country() -> None:
    [annan] = [p for p in load("people.json")["people"] if p["name"] == "Kofi Annan"]
    un = [r for r in annan["roles"] if r["code"] == "IGOUNO"]
    assert un and un[0]["country"] is None and un[0]["sector"] == "IGO"
    assert un[0]["from"] == "1997-01-01"


@pytest.mark.parametrize(
    ("word", "sector"), [("soldiers", "MIL"), ("police", "COP"), ("rebels", "REB")]
)
def test_agent_words(word: str, sector: str) -> None:
    sectors = {a["sector"] for a in load("agents.json")["agents"] if word in a["words"]}
    assert sector in sectors


def test_discards_mark_sports() -> None:
    phrases = {d["phrase"]: d["level"] for d in load("discards.json")["discards"]}
    assert "football" in phrases
    assert set(phrases.values()) <= {"story", "sentence"}
