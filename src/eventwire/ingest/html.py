"""HTML pages: the main text, title, publication date, site name and URL, via trafilatura."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html.parser import HTMLParser

from eventwire.ingest.pubdate import parse_given_date

_MIN_WORDS_WITHOUT_PUNCTUATION = 8  # "Home", "Subscribe now": the extractor's leftovers on empty pages
# libxml2 stops at 255 levels of nesting and the extractor then finds nothing; deeper pages are
# flattened to this depth, keeping their paragraphs and headings, and extracted again.
_MAX_DEPTH = 100
_TEXT_BLOCKS = frozenset({"html", "head", "title", "meta", "body", "p", "h1", "h2", "h3", "h4", "h5", "h6",
                          "li", "br"})


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    date: dt.date | None  # from the page metadata only
    site: str | None
    url: str | None


def extract_html(html: str) -> HtmlArticle | None:
    """The article in a page; None when the page has no main text."""
    extracted = _extract(html)
    if extracted is None:
        flattened = _flattened(html)
        extracted = _extract(flattened) if flattened is not None else None
    if extracted is None or not _looks_like_prose(extracted.text or ""):
        return None
    return HtmlArticle(text=extracted.text, title=extracted.title or None,
                       date=parse_given_date(extracted.date), site=extracted.sitename or None,
                       url=extracted.url or None)


def _extract(html: str):
    import trafilatura

    return trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        # Metadata only: dates in the body are the cleaner's business, with their own source label.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _flattened(html: str) -> str | None:
    """The page with the tags of every wrapper element deeper than _MAX_DEPTH left out (their text
    and children stay); None when the page is not that deep. Python's own tokenizer does it, as
    libxml2 cannot build the tree."""
    flattener = _Flattener()
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out) if flattener.flattened else None


class _Flattener(HTMLParser):
    _VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                       "track", "wbr"})

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # tag, and whether its start tag was kept
        self.flattened = False

    def _keeps(self, tag: str) -> bool:
        keep = len(self.open) < _MAX_DEPTH or tag in _TEXT_BLOCKS
        self.flattened = self.flattened or not keep
        return keep

    def handle_starttag(self, tag, attrs):
        keep = self._keeps(tag)
        if keep:
            self.out.append(self.get_starttag_text())
        if tag not in self._VOID:
            self.open.append((tag, keep))

    def handle_startendtag(self, tag, attrs):
        if self._keeps(tag):
            self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if not any(name == tag for name, _ in self.open):
            return
        while self.open:
            name, kept = self.open.pop()
            if kept:
                self.out.append(f"</{name}>")
            if name == tag:
                return

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def _looks_like_prose(text: str) -> bool:
    return any(mark in text for mark in ".!?") or len(text.split()) >= _MIN_WORDS_WITHOUT_PUNCTUATION
