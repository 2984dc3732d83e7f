"""HTML pages to documents: the article's main text and its metadata.

trafilatura removes the boilerplate (menus, related links, comments) and
reads the publication date, title and canonical URL from the page's
metadata, so a page's relative dates ("on Tuesday") resolve against the day
it was published.  trafilatura and its lxml stack are imported when the
first page is read, not before: plain text and JSON lines never load them.
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings

from eventx.records.document import Document, parse_published

# trafilatura logs every page it finds no article in; a batch reports those itself
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


class NoArticle(ValueError):
    """The page holds no article text (a homepage, a redirect stub, a feed)."""


def page_document(html: str | bytes, doc_id: str, published: dt.date | None) -> Document:
    """The article in ``html``; its metadata date wins over ``published``."""
    import trafilatura  # the HTML stack: only when a page is read

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml's FutureWarnings about element truth
        page = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        raise NoArticle("no article text found in the page")
    return Document(
        id=doc_id,
        text=text,
        published=_date(getattr(page, "date", None)) or published,
        title=getattr(page, "title", None) or None,
        url=getattr(page, "url", None) or None,
    )


def _date(value: object) -> dt.date | None:
    """The page's date, or None when its metadata gives none we can read."""
    try:
        return parse_published(value)
    except (ValueError, TypeError):
        return None
