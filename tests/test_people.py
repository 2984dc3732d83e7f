"""People of the actor dictionaries, coded on the publication date (knowledge/people.py).

The cases are entries of the real dictionaries: models/gazetteer/people.json
(curated, undated) and models/knowledge/people.json (Phoenix, dated roles).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventx.knowledge import people
from eventx.knowledge.gazetteer import Entry
from tests.helpers import Extract, countries, only

DAY = dt.date.fromisoformat


def code(name: str, published: str | None) -> tuple[str | None, str | None] | None:
    entry = people.person(name, DAY(published) if published else None)
    return (entry.country, entry.sector) if entry else None


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        # [USAGOV 010120-050120]: Secretary of Agriculture
        ("2003-06-01", ("USA", "GOV")),
        # [IGOUNOKID >050501]: executive director of UNICEF
        ("2008-06-01", (None, "IGO")),
        # between the two: no office, and the country of the nearer role
        ("2005-02-01", ("USA", None)),
        # no date, and her roles are of two codes with no undated one: unknown
        (None, None),
    ],
)
def test_a_person_is_coded_by_the_role_in_force_on_the_publication_date(
    published: str | None, expected: tuple[str | None, str | None] | None
) -> None:
    assert code("Ann Veneman", published) == expected


@pytest.mark.parametrize(
    ("name", "published", "expected"),
    [
        # [MARGOV >070919] prime minister; [MARELI] undated: a former official
        ("Abbas El Fassi", "2009-01-01", ("MAR", "GOV")),
        ("Abbas El Fassi", None, ("MAR", None)),  # no date: the undated role
        ("Abbas El Fassi", "1950-01-01", ("MAR", None)),  # no role then: the undated one
        # only [AZEGOV 030101-080831]: the country stays, the office is that role's
        ("Abbas Abbasov", "2005-01-01", ("AZE", "GOV")),
        ("Abbas Abbasov", None, ("AZE", "GOV")),
        ("Abbas Abbasov", "2016-01-01", ("AZE", None)),  # a former minister holds no office
    ],
)
def test_without_a_role_in_force_the_undated_role_holds(
    name: str, published: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert code(name, published) == expected


@pytest.mark.parametrize("published", [None, "2003-05-01"])
def test_the_curated_dictionary_wins_a_clash(published: str | None) -> None:
    # Phoenix codes Tommy Franks [IRQGOV 030409-030707], the months he ran
    # occupied Iraq; the curated dictionary has him USA/MIL
    assert code("Tommy Franks", published) == ("USA", "MIL")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a Phoenix synonym only; Phoenix's undated role is TURELI
        ("Tayyip Erdogan", ("TUR", "GOV")),
        # Phoenix's "George W. Bush" is the curated "george w. bush", written without stops
        ("George W Bush", ("USA", "GOV")),
    ],
)
def test_a_phoenix_name_of_a_curated_figure_takes_the_curated_code(
    name: str, expected: tuple[str, str]
) -> None:
    assert code(name, None) == expected


def _phoenix(name: str, *codes: tuple[str | None, str | None, str | None], **extra: Any) -> Any:
    """A Phoenix people entry as models/knowledge/people.json holds it."""
    roles = [
        {
            "code": code or "---",
            "country": code[:3] if code else None,
            "sector": code[3:6] if code else None,
            "from": start,
            "until": end,
        }
        for code, start, end in codes
    ]
    return {"name": name, "synonyms": [], "roles": roles, "source": "test", **extra}


def test_a_name_the_dictionary_blocks_is_not_coded() -> None:
    # Phoenix.Countries.actors.txt: AHMED_DARWISH_ [---] "the soccer player's more famous"
    assert code("Ahmed Darwish", None) is None
    assert code("Ahmed Darwish", "2005-01-01") is None
    # the block wins over a person entry of the same name (as the minister once was)
    minister = _phoenix("Ahmed Darwish", ("EGYGOV", "2004-07-01", "2011-01-31"), kind="person")
    blocked = _phoenix("Ahmed Darwish", (None, None, None), kind="not_actor")
    assert people.People.of({}, [minister]).person("Ahmed Darwish") == Entry("EGY", "GOV", "person")
    assert people.People.of({}, [minister, blocked]).person("Ahmed Darwish") is None
    assert people.People.of({}, [minister, blocked]).person("Darwish") is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Mr Beblawi", "EGY"),  # Phoenix lists "Beblawi" alone as a name of Hazem el-Beblawi
        ("Abbasov", None),  # four Azerbaijani bearers, none listed by the surname alone
        ("Street", None),  # Maryan Street's surname is no name alone
        ("N. Abbasov", "AZE"),  # a fuller name whose first name agrees: Namiq Abbasov
    ],
)
def test_a_phoenix_surname_alone_only_where_phoenix_lists_it(
    name: str, country: str | None
) -> None:
    entry = people.person(name, DAY("2004-06-01"))
    assert (entry.country if entry else None) == country


def test_a_phoenix_only_person_is_the_event_s_party(extract: Extract) -> None:
    text = "Ann Veneman met Brazilian officials in Brasilia."
    in_2003 = only(extract(text, published="2003-06-01"), "meeting_held")
    assert countries(in_2003) == {"USA", "BRA"}
    in_2008 = only(extract(text, published="2008-06-01"), "meeting_held")
    assert countries(in_2008) == {None, "BRA"}
    assert [a.sector for a in in_2008.actors if a.text == "Ann Veneman"] == ["IGO"]
