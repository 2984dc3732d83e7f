"""Headlines in Title Case confuse the tagger ("Sign" becomes a proper noun).

A title-cased line is re-cased before it is parsed a second time: every
capitalised word that is not a known state, demonym or organisation is
lowered, keeping its length, so character offsets map one to one back onto
the document.
"""

from __future__ import annotations

from spacy.tokens import Span

from eventx.knowledge import gazetteer

MIN_WORDS = 3


def is_headline(sent: Span) -> bool:
    """A line in Title Case without a closing full stop."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < MIN_WORDS or sent.text.rstrip().endswith((".", "?", "!", '"', "”")):
        return False
    titled = sum(1 for t in words if t.text[0].isupper())
    return titled / len(words) >= 0.75


def recase(sent: Span) -> str:
    """The line with ordinary words lowered and names kept."""
    pieces: list[str] = []
    for token in sent:
        text = token.text
        keep = (
            text.isupper()
            or not text[:1].isupper()
            or gazetteer.lookup(text) is not None
            or (token.i + 1 < sent.end and gazetteer.lookup(f"{text} {token.nbor().text}"))
            or (token.i > sent.start and gazetteer.lookup(f"{token.nbor(-1).text} {text}"))
        )
        lowered = text if keep else text.lower()
        if len(lowered) != len(text):
            lowered = text
        pieces.append(lowered + token.whitespace_)
    return "".join(pieces)
