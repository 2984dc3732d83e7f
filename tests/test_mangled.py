"""Mangled HTML entities of wire feeds are read at the same offsets."""

from __future__ import annotations

import pytest

from eventx.analysis.mangled import read_mangled_entities
from tests.helpers import Extract, countries, only


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Russia #39;s parliament", "Russia's     parliament"),
        ("Shi #39;ite leaders", "Shi'ite     leaders"),
        (" quot;They went", '     "They went'),
        ("Labour  amp; Sharon", "Labour     & Sharon"),
        ("no entity; here", "no entity; here"),
    ],
)
def test_entities_are_read_at_the_same_length(text: str, read: str) -> None:
    assert read_mangled_entities(text) == read
    assert len(read_mangled_entities(text)) == len(text)


def test_a_mangled_possessive_is_a_possessive(extract: Extract) -> None:
    text = "Both chambers of Russia #39;s parliament approved ratification of the pact."
    event = only(extract(text), "agreement_signed")
    assert countries(event) == {"RUS"}
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text
