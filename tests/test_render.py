"""The notebook view: self-contained HTML, checked in a real headless browser."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import eventx
from eventx.analysis.model import MODEL_NAME
from eventx.records.event import Events
from eventx.records.html import ROLE_COLOURS, render_events
from eventx.render import render
from tests.helpers import ROOT

SEED = (ROOT / "seeds" / "china_pakistan_defense_deal.txt").read_text(encoding="utf-8")
CHROMIUM = any(
    subprocess.run(["which", name], capture_output=True).returncode == 0
    for name in ("chromium", "chromium-browser")
)


@pytest.fixture(scope="module")
def events() -> Events:
    return eventx.extract(SEED, published="2020-11-30", doc_id="seed")


def _marked(html: str, role: str) -> list[str]:
    return re.findall(rf'<mark class="eventx-{role}"[^>]*>([^<]*)<span', html)


def test_each_event_shows_its_sentence_with_its_roles(events: Events) -> None:
    html = render(events)
    assert html.count('class="eventx-event"') == len(events) == 12
    assert _marked(html, "trigger") == [e.trigger.text for e in events]
    actors = _marked(html, "actor")
    for event in events:
        for actor in event.actors:
            inside = event.sentence.start <= actor.start < actor.end <= event.sentence.end
            if inside and actor.text != event.trigger.text:
                assert actor.text in actors
    assert "Rawalpindi" in _marked(html, "place")
    assert {"Today", "last year"} <= set(_marked(html, "date"))
    for event in events:
        assert f"<b>{event.type}</b>" in html and f"CAMEO {event.cameo}" in html


def test_the_html_is_self_contained(events: Events) -> None:
    html = render(events, page=True)
    assert html.startswith("<!DOCTYPE html>")
    for outside in ("<script", "http://", "https://", "src=", "url(", "@import", "<link"):
        assert outside not in html


def test_text_is_escaped() -> None:
    [event] = eventx.extract("Peru and <Chile> signed a border treaty in Lima.")
    html = render(event)
    assert "&lt;Chile&gt;" in html and "<Chile>" not in html


def test_every_entry_point_gives_the_same_view(events: Events) -> None:
    expected = render_events(events)
    assert events._repr_html_() == expected
    assert render(SEED.replace("\r", "")) == render(eventx.extract(SEED))
    assert events[0]._repr_html_() == render_events([events[0]]) == render(events[0])
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("eventx")
    doc = nlp.make_doc(SEED)
    doc._.published, doc._.doc_id = "2020-11-30", "seed"
    assert render(nlp(doc)) == expected
    with pytest.raises(ValueError, match="add the 'eventx' pipe"):
        render(spacy.blank("en")("No events here."))


def test_an_empty_list_says_so() -> None:
    assert "No events." in render([])


@pytest.mark.skipif(not CHROMIUM, reason="Debian's chromium is not installed")
def test_headless_chromium_draws_every_role(tmp_path: Path) -> None:
    """The script that made the README's picture, run again: the browser must
    paint each role's colour, over an area as large as a few words."""
    from PIL import Image

    png = tmp_path / "seed.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshot.py"), "--out", str(png)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    image = Image.open(png).convert("RGB")
    assert image.width == 1000 and image.height > 1200
    counts = dict.fromkeys(ROLE_COLOURS, 0)
    wanted = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)): r for r, c in ROLE_COLOURS.items()}
    for n, colour in image.getcolors(maxcolors=1 << 20) or []:
        if colour in wanted:
            counts[wanted[colour]] += n
    assert all(n > 2000 for n in counts.values()), counts
