"""HTML pages: the main text, title, publication date, site name and URL, via trafilatura."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.ingest.pubdate import parse_given_date

_MIN_WORDS_WITHOUT_PUNCTUATION = 8  # "Home", "Subscribe now": the extractor's leftovers on empty pages


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    date: dt.date | None  # from the page metadata only
    site: str | None
    url: str | None


def extract_html(html: str) -> HtmlArticle | None:
    """The article in a page; None when the page has no main text."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        # Metadata only: dates in the body are the cleaner's business, with their own source label.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None or not _looks_like_prose(extracted.text or ""):
        return None
    return HtmlArticle(text=extracted.text, title=extracted.title or None,
                       date=parse_given_date(extracted.date), site=extracted.sitename or None,
                       url=extracted.url or None)


def _looks_like_prose(text: str) -> bool:
    return any(mark in text for mark in ".!?") or len(text.split()) >= _MIN_WORDS_WITHOUT_PUNCTUATION
