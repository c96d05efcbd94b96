"""Rounds over feeds and a folder that change between rounds, on SQLite and PostgreSQL: every new
item stored once, failures reported and retried, conditional GET between rounds."""

from __future__ import annotations

import pytest
from helpers import Session
from watch_site import Item, Route, article_page, page, rss

pytestmark = pytest.mark.slow

MALFORMED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</title><item><title>cut"
NAIROBI = ("Police arrested dozens of protesters in Nairobi on Thursday after a march against tax increases, "
           "witnesses said.\n")
MOMBASA = "Dock workers in Mombasa went on strike on Friday over unpaid wages, their union said.\n"


def test_three_rounds(site, db_url, pipeline, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "nairobi.txt").write_text(NAIROBI)
    (folder / "notes.md").write_text("not an article format: left alone")
    a_items = [
        Item("a1", "Troops attack Kharkiv", site.url("/p/kharkiv")),
        Item("a2", "Ministers meet in Paris", site.url("/p/paris")),
        Item("a3", "Farmers protest", site.url("/p/slow"),
             summary="Farmers protested in Brussels on Wednesday."),
        Item("a4", "Four killed in Kharkiv", site.url("/p/big"),
             summary="Russian forces attacked Kharkiv in eastern Ukraine on Monday and killed four "
                     "civilians."),
    ]
    site.routes.update({
        "/a.xml": Route(rss("Wire A", a_items), "application/rss+xml", etag='"a-1"'),
        "/b.xml": Route(status=500),
        "/c.xml": Route(MALFORMED, "application/rss+xml"),
        "/p/kharkiv": Route(article_page("kharkiv")),
        "/p/paris": Route(article_page("paris")),
        "/p/slow": Route(article_page("brussels"), delay=1.5),  # longer than the 0.5 s timeout
        "/p/big": Route(page("Four killed", ["Long coverage."] * 3000)),  # over the 20,000-byte cap
    })
    feeds = [site.url("/a.xml"), site.url("/b.xml"), site.url("/c.xml")]
    with Session(db_url, [*feeds, str(folder)], pipeline) as session:
        # Round 1: two pages read, a timeout and a page over the cap fall back to the feed's text,
        # a feed answers 500, another is malformed, the folder's article is read.
        first = session.round()
        assert (first.feeds, first.folders, first.new_articles, first.updated_articles) == (3, 1, 5, 0)
        assert first.events > 0
        errors = "\n".join(first.errors)
        assert len(first.errors) == 4, errors
        assert "b.xml: HTTP 500" in errors and "c.xml: malformed feed: line 1" in errors
        assert "/p/slow: text from the feed item" in errors and "timed out" in errors
        assert "tried again next round" in errors and "size cap" in errors
        assert session.doc_ids() == sorted(["a1", "a2", "a3", "a4", _folder_doc(session, folder)])
        slow = session.store.article("a3")
        assert slow.text == "Farmers protested in Brussels on Wednesday."
        kharkiv = session.store.article("a1")
        assert "Russian troops attacked" in kharkiv.text and "Home | World" not in kharkiv.text
        assert kharkiv.source == "Test Wire" and kharkiv.url == site.url("/p/kharkiv")
        b_state = session.state.source(site.url("/b.xml"))
        assert b_state.last_success is None and "HTTP 500" in b_state.last_error and b_state.failures == 1
        assert session.state.source(site.url("/a.xml")).etag == '"a-1"'

        # Round 2: the slow page answers now and replaces the feed's text; feed B is back with an
        # item; feed C is repaired, its item's page is gone (404) and its own text is used.
        site.routes["/p/slow"].delay = 0
        site.routes["/b.xml"] = Route(rss("Wire B", [Item("b1", "Kharkiv mourns", site.url("/p/b1"))]),
                                      "application/rss+xml", etag='"b-1"')
        site.routes["/p/b1"] = Route(article_page("kharkiv-3"))
        site.routes["/c.xml"] = Route(rss("Wire C", [Item("c1", "Protest", site.url("/p/gone"),
                                                           summary=MOMBASA)]), "application/rss+xml")
        second = session.round()
        assert (second.new_articles, second.updated_articles, second.not_modified) == (2, 1, 0)
        assert len(second.errors) == 1 and "/p/gone: text from the feed item" in second.errors[0]
        assert "HTTP 404" in second.errors[0]
        # Feed A had an item waiting: it was read whole, without the conditional headers.
        assert "If-None-Match" not in site.requests("/a.xml")[-1].headers
        brussels = session.store.article("a3")
        assert "Tractors blocked" in brussels.text and brussels.title == "Farmers protest"
        assert session.state.source(site.url("/b.xml")).failures == 0

        # Round 3: feed A is unchanged (304); an item of B changed and B has a new one; a new file
        # and a changed one (which replaces its earlier version).
        site.routes["/b.xml"] = Route(rss("Wire B", [
            Item("b1", "Kharkiv mourns (updated)", site.url("/p/b1")),
            Item("b2", "Four killed in Kharkiv", site.url("/p/kharkiv-2"))]),
            "application/rss+xml", etag='"b-2"')
        site.routes["/p/b1"] = Route(article_page("brussels-updated"))
        site.routes["/p/kharkiv-2"] = Route(article_page("kharkiv-2"))
        (folder / "mombasa.txt").write_text(MOMBASA)
        (folder / "nairobi.txt").write_text(NAIROBI.replace("dozens of", "forty"))
        third = session.round()
        assert (third.not_modified, third.new_articles, third.updated_articles, third.errors) == (1, 2, 2, [])
        assert "arrested forty protesters" in session.store.article(_folder_doc(session, folder)).text
        assert site.requests("/a.xml")[-1].headers["If-None-Match"] == '"a-1"'
        assert site.requests("/a.xml")[-1].status == 304
        assert "water cannon" in session.store.article("b1").text

        # Every item is one article; every page of a stored item was read in one round only.
        ids = session.doc_ids()
        assert len(ids) == len(set(ids)) == 9
        assert {"a1", "a2", "a3", "a4", "b1", "b2", "c1"} <= set(ids)
        assert [r.status for r in site.requests("/p/kharkiv")] == [200]
        assert [r.status for r in site.requests("/p/big")] == [200]  # refused once, not retried
        assert len(site.requests("/p/slow")) == 3  # timed out twice (one retry) in round 1, read in round 2
        counts = session.state.item_counts()
        assert counts[(site.url("/a.xml"), "stored")] == 4
        assert session.store.counts()["articles_coded"] == 9


def test_a_restarted_watcher_reads_nothing_again(site, db_url, pipeline, tmp_path):
    site.routes.update({
        "/a.xml": Route(rss("Wire A", [Item("a1", "Troops attack Kharkiv", site.url("/p/kharkiv"))]),
                        "application/rss+xml"),  # no validators: the whole feed every time
        "/p/kharkiv": Route(article_page("kharkiv")),
    })
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "nairobi.txt").write_text(NAIROBI)
    with Session(db_url, [site.url("/a.xml"), str(folder)], pipeline) as session:
        assert session.round().new_articles == 2
    with Session(db_url, [site.url("/a.xml"), str(folder)], pipeline) as restarted:
        again = restarted.round()
        assert (again.new_articles, again.updated_articles, again.events, again.errors) == (0, 0, 0, [])
        assert len(restarted.doc_ids()) == 2
    assert len(site.requests("/p/kharkiv")) == 1


def test_relative_links_are_read_from_the_feed_s_site(site, db_url, pipeline):
    site.routes["/news/feed.xml"] = Route(rss("Wire", [Item("t1", "Talks", "story/paris.html")]),
                                          "application/rss+xml")
    site.routes["/news/story/paris.html"] = Route(article_page("paris"))
    with Session(db_url, [site.url("/news/feed.xml")], pipeline) as session:
        assert session.round().new_articles == 1
        assert session.store.article("t1").url == site.url("/news/story/paris.html")
        assert "Both sides called the talks constructive." in session.store.article("t1").text


def test_a_feed_list_file_and_bad_sources(site, db_url, pipeline, tmp_path):
    site.routes["/a.xml"] = Route(rss("Wire A", [Item("a1", "Talks", site.url("/p/paris"))]),
                                  "application/rss+xml")
    site.routes["/p/paris"] = Route(article_page("paris"))
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# my feeds\n{site.url('/a.xml')}\n\nnot a url\n")
    local_feed = tmp_path / "feed.xml"
    local_feed.write_bytes(rss("Local", []))
    with Session(db_url, [str(feeds), str(tmp_path / "missing"), str(local_feed)], pipeline) as session:
        report = session.round()
    assert report.feeds == 1 and report.new_articles == 1
    assert len(report.errors) == 3
    assert "feeds.txt:4: not an http(s) feed URL" in report.errors[0]
    assert "missing: no such folder or file" in report.errors[1]
    assert "feed.xml: a feed or markup file, not a list of feed URLs" in report.errors[2]


def _folder_doc(session, folder) -> str:
    row = session.store._run("SELECT doc_id FROM articles WHERE origin = ?", (str(folder / "nairobi.txt"),))
    return row.fetchone()[0]


class _Exploding:
    """A coder that breaks on one article: a stand-in for a bug or a database error mid-source."""

    def __call__(self, docs):
        from eventwire.records import DocumentResult

        for doc in docs:
            if doc.id == "boom":
                raise RuntimeError("disk full")
            yield DocumentResult(origin=doc.origin, status="coded", doc_id=doc.id, document=doc)


def test_an_unexpected_error_on_one_source_does_not_stop_the_others(site, db_url, tmp_path):
    site.routes["/bad.xml"] = Route(rss("Bad", [Item("boom", "Talks", site.url("/p/paris"))]),
                                    "application/rss+xml")
    site.routes["/good.xml"] = Route(rss("Good", [Item("fine", "Talks", site.url("/p/paris"))]),
                                     "application/rss+xml")
    site.routes["/p/paris"] = Route(article_page("paris"))
    with Session(db_url, [site.url("/bad.xml"), site.url("/good.xml")], _Exploding()) as session:
        report = session.round()
        assert report.errors == [f"{site.url('/bad.xml')}: RuntimeError: disk full"]
        assert session.doc_ids() == ["fine"]
        assert session.state.items(site.url("/bad.xml")) == {}  # not marked seen: tried again next round
