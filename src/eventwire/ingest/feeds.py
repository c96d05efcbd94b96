"""RSS and Atom feed files: one article per item, via feedparser."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_BLOCK_TAG = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h\d|/blockquote)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


@dataclass
class FeedItem:
    number: int  # 1-based position in the feed
    id: str | None
    text: str
    title: str | None
    date: dt.date | None
    url: str | None
    source: str | None


def parse_feed(data: bytes) -> Iterator[FeedItem] | None:
    """The items of a feed; None when the bytes are not an RSS or Atom feed."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries or not feed.get("version"):
        return None
    source = feed.feed.get("title") or None
    return (_item(number, entry, source) for number, entry in enumerate(feed.entries, start=1))


def _item(number: int, entry, source: str | None) -> FeedItem:
    body = entry.content[0].value if entry.get("content") else entry.get("summary", "")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return FeedItem(number=number, id=entry.get("id") or entry.get("link") or None,
                    text=_plain_text(body), title=entry.get("title") or None,
                    date=dt.date(*parsed[:3]) if parsed else None, url=entry.get("link") or None,
                    source=source)


def _plain_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph a line."""
    return html.unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", fragment)))
