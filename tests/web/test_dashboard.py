"""The dashboard in a real browser: every view on a small store, filters in the URL, paging,
sorting, the event and article views with their highlights, timeline brushing, dyads, the map,
the export links, and a hostile article that must stay text."""

from __future__ import annotations

import csv
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.slow


def show(page, url: str) -> None:
    page.goto(url)
    ready(page)


def ready(page) -> None:
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=20000)


def click_and_wait(page, locator) -> None:
    locator.click()
    ready(page)


def params(page) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(page.url).query).items()}


def row_ids(page) -> list[str]:
    return page.locator("#events tbody tr[data-event-id]").evaluate_all(
        "rows => rows.map(r => r.dataset.eventId)")


def marked_runs(page, selector: str, kind: str) -> list[str]:
    """The texts marked as `kind`, adjacent pieces joined (overlapping spans split the marks)."""
    return page.locator(selector).evaluate("""(node, kind) => {
        const runs = [];
        let open = false;
        for (const child of node.childNodes) {
            const marked = child.nodeType === 1 && child.classList.contains("hl-" + kind);
            if (marked && open) runs[runs.length - 1] += child.textContent;
            else if (marked) runs.push(child.textContent);
            open = marked;
        }
        return runs;
    }""", kind)


def all_event_ids(api, **filters) -> list[str]:
    ids, cursor = [], None
    while True:
        more = {"cursor": cursor} if cursor else {}
        page = api("/api/events", limit=1000, sort="-date", **filters, **more)
        ids += [e["event_id"] for e in page["events"]]
        cursor = page["next"]
        if not cursor:
            return ids


def test_overview_draws_the_table_timeline_dyads_and_map(watched_page, dashboard_url, api):
    page = watched_page
    show(page, dashboard_url + "/")
    assert page.inner_text("#status") == ""
    expected = all_event_ids(api)
    assert 30 <= len(expected) <= 50
    assert row_ids(page) == expected  # one page of 50, newest first, as the API orders them
    first = api(f"/api/events/{expected[0]}")
    cells = page.locator("#events tbody tr").first.locator("td").all_inner_texts()
    assert cells[0] == first["date"]["value"]
    assert cells[1].startswith(first["event_type"])
    assert cells[6] == f"{first['confidence']:.2f}"
    # Timeline: one bar per non-empty (month, quad class), heights adding up to every dated event.
    timeline = api("/api/timeline", interval="month", by="quad_class")
    non_empty = sum(1 for bucket in timeline["buckets"] for n in bucket["by"].values() if n)
    assert page.locator("#timeline rect.bar").count() == non_empty > 0
    # Map: every country drawn, one point (or cluster) per located place.
    assert page.locator("#map path.country").count() >= 170
    located = [e for e in api("/api/events", limit=1000)["events"]
               if (e["location"] or {}).get("lat") is not None]
    drawn = sum(int(n) for n in page.locator("#map a.point").evaluate_all("a => a.map(x => x.dataset.count)"))
    assert drawn == len(located) > 0
    # Dyads: the pairs with both sides known, each cell's number its total.
    cells = page.locator("#dyads a.dyad")
    assert cells.count() > 0
    totals = {(d["source"], d["target"]): d["events"] for d in api("/api/dyads", limit=50)["dyads"]}
    for i in range(cells.count()):
        cell = cells.nth(i)
        key = (cell.get_attribute("data-source"), cell.get_attribute("data-target"))
        assert int(cell.inner_text()) == totals[key]
    hrefs = page.locator("#export a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert [urlsplit(h).path for h in hrefs] == ["/api/export"] * 3
    assert [parse_qs(urlsplit(h).query)["format"][0] for h in hrefs] == ["csv", "jsonl", "parquet"]


def test_filters_go_into_the_url_and_a_shared_link_shows_the_same(watched_page, dashboard_url, api):
    page = watched_page
    show(page, dashboard_url + "/")
    page.fill("input[name=country]", "IRN")
    page.select_option("select[name=quad_class]", "verbal_conflict")
    click_and_wait(page, page.locator("#filters button[type=submit]"))
    assert params(page) == {"country": "IRN", "quad_class": "verbal_conflict"}
    expected = all_event_ids(api, country="IRN", quad_class="verbal_conflict")
    assert row_ids(page) == expected and expected
    shared = page.url
    other = page.context.new_page()
    show(other, shared)
    assert row_ids(other) == expected
    assert other.input_value("input[name=country]") == "IRN"
    assert other.input_value("select[name=quad_class]") == "verbal_conflict"
    other.close()
    # Export links carry the same filters.
    href = page.locator("#export a").first.get_attribute("href")
    assert parse_qs(urlsplit(href).query) == {"country": ["IRN"], "quad_class": ["verbal_conflict"],
                                              "format": ["csv"]}
    with page.expect_download() as download:
        page.locator("#export a").first.click()
    with open(download.value.path(), encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) == 1 + len(expected)  # a header, then one row per event of the selection
    page.select_option("select[name=role]", "target")
    click_and_wait(page, page.locator("#filters button[type=submit]"))
    assert params(page) == {"country": "IRN", "role": "target", "quad_class": "verbal_conflict"}
    as_target = all_event_ids(api, country="IRN", role="target", quad_class="verbal_conflict")
    assert row_ids(page) == as_target and set(as_target) < set(expected)
    # A bad value comes back as the API's one-line reason, not a broken page.
    show(page, dashboard_url + "/?since=2024-13")
    assert page.inner_text("#status").startswith("since: '2024-13' is not a real date")
    # Chromium logs each refused request; those are the only console errors allowed here.
    errors = page.watched.console_errors
    assert errors and all("status of 422" in error for error in errors)
    errors.clear()


def test_pages_follow_the_cursor_and_headers_sort(watched_page, dashboard_url, api):
    page = watched_page
    show(page, dashboard_url + "/?limit=10")
    seen = row_ids(page)
    assert len(seen) == 10
    while page.locator("#next-page").count():
        click_and_wait(page, page.locator("#next-page"))
        assert "cursor" in params(page)
        ids = row_ids(page)
        assert 1 <= len(ids) <= 10
        seen += ids
    assert seen == all_event_ids(api)
    page.go_back()
    ready(page)
    assert "cursor" in params(page) and len(row_ids(page)) == 10
    click_and_wait(page, page.locator("#events th a[data-sort=confidence]"))
    assert params(page)["sort"] == "-confidence"
    assert "cursor" not in params(page)
    shown = [float(t) for t in page.locator("#events tbody tr td:nth-child(7)").all_inner_texts()]
    assert shown == sorted(shown, reverse=True)
    click_and_wait(page, page.locator("#events th a[data-sort=confidence]"))
    shown = [float(t) for t in page.locator("#events tbody tr td:nth-child(7)").all_inner_texts()]
    assert params(page)["sort"] == "confidence" and shown == sorted(shown)


def _event_with_every_span(api) -> dict:
    for event in api("/api/events", limit=1000)["events"]:
        location = event["location"] or {}
        if (event["source"] and event["target"] and location.get("start") is not None
                and event["date"]["text"] and event["date"]["text"] in event["sentence"]["text"]):
            return event
    raise AssertionError("no example event has a source, target, place with offsets and date words")


def test_event_view_marks_the_evidence_and_gives_reasons_per_field(watched_page, dashboard_url, api):
    page = watched_page
    event = _event_with_every_span(api)
    show(page, dashboard_url + "/")
    click_and_wait(page, page.locator(f"#events tr[data-event-id='{event['event_id']}'] a.event-link"))
    assert params(page) == {"event": event["event_id"]}
    assert page.inner_text("#evidence") == event["sentence"]["text"]

    def marked(kind: str) -> list[str]:
        return marked_runs(page, "#evidence", kind)

    assert marked("trigger") == [event["trigger"]["text"]]
    assert marked("source") == [a["text"] for a in event["source"]]
    assert marked("target") == [a["text"] for a in event["target"]]
    assert marked("place") == [event["location"]["text"]]
    assert marked("date") == [event["date"]["text"]]
    reasons = page.locator("#fields ul.reasons li").all_inner_texts()
    assert sorted(reasons) == sorted(text for texts in event["reasons"].values() for text in texts)
    rows = {"type": "Event type", "source": "Source", "target": "Target", "date": "Date", "location": "Place"}
    for field, row in rows.items():  # each field's reasons beside its value, in the record's order
        shown = page.locator(f"#fields tr[data-field='{row}'] li").all_inner_texts()
        assert shown == event["reasons"][field], field
    assert event["trigger"]["text"] in event["reasons"]["type"][0]
    place_row = page.locator("#fields tr[data-field='Place']")
    assert event["location"]["text"] in place_row.inner_text()
    mentions = page.locator("ol.mentions li.mention")
    assert mentions.count() == len(event["mentions"])
    for i, mention in enumerate(event["mentions"]):
        item = mentions.nth(i)
        assert marked_runs(item, ".evidence", "trigger") == [mention["trigger"]["text"]]
        if mention["source"]:
            assert mention["source"] in item.inner_text()


def test_merged_event_shows_every_mention_and_the_merge_reason(watched_page, dashboard_url, api):
    merged = [e for e in api("/api/events", limit=1000)["events"] if len(e["mentions"]) > 1]
    if not merged:
        pytest.skip("the examples hold no event reported more than once")
    event = merged[0]
    page = watched_page
    show(page, f"{dashboard_url}/?event={event['event_id']}")
    assert page.locator("ol.mentions li.mention").count() == len(event["mentions"])
    merge_reasons = event["reasons"]["merge"]
    assert page.locator("#fields tr[data-field='Merge'] li").all_inner_texts() == merge_reasons


def test_article_view_marks_every_event_and_lists_what_the_cleaner_removed(watched_page, dashboard_url, api):
    page = watched_page
    event = _event_with_every_span(api)
    show(page, f"{dashboard_url}/?event={event['event_id']}")
    click_and_wait(page, page.locator("ol.mentions li.mention a.article-link").first)
    doc_id = event["mentions"][0]["doc_id"]
    assert params(page) == {"article": doc_id}
    article = api(f"/api/articles/{doc_id}")
    assert page.inner_text("#article-title") == article["title"]
    assert page.locator("#article-text").evaluate("node => node.textContent") == article["text"]
    triggers = marked_runs(page, "#article-text", "trigger")
    for mention in article["events"]:
        assert mention["trigger"]["text"] in triggers
        start, end = mention["trigger"]["start"], mention["trigger"]["end"]
        assert article["text"][start:end] == mention["trigger"]["text"]
    assert article["cleaning"], "the example article had lines removed by the cleaner"
    assert page.locator("#cleaning li").all_inner_texts() == article["cleaning"]
    links = page.locator("ol.article-events a.event-link")
    assert links.count() == len(article["events"])
    click_and_wait(page, links.first)
    assert params(page)["event"] == article["events"][0]["merged_event_id"]


def test_brushing_the_timeline_sets_the_date_filter(watched_page, dashboard_url, api):
    page = watched_page
    show(page, dashboard_url + "/?interval=month")
    box = page.locator("#timeline rect.brush-overlay").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    ready(page)
    chosen = params(page)
    assert chosen["since"] < chosen["until"]
    assert page.input_value("input[name=since]") == chosen["since"]
    assert row_ids(page) == all_event_ids(api, since=chosen["since"], until=chosen["until"])
    dates = page.locator("#events tbody tr td:first-child").all_inner_texts()
    assert dates and all(chosen["since"] <= d <= chosen["until"] for d in dates)


def test_clicking_a_dyad_filters_the_table_to_that_pair(watched_page, dashboard_url):
    page = watched_page
    show(page, dashboard_url + "/")
    cell = page.locator("#dyads a.dyad").first
    source, target = cell.get_attribute("data-source"), cell.get_attribute("data-target")
    total = cell.inner_text()
    click_and_wait(page, cell)
    assert params(page) == {"dyad": f"{source},{target}"}
    assert len(row_ids(page)) == int(total)
    for row in page.locator("#events tbody tr").all():
        cells = row.locator("td").all_inner_texts()
        assert f"({source})" in cells[2] and f"({target})" in cells[3]
    assert page.locator(".chips .chip").inner_text().startswith(f"dyad: {source},{target}")


def test_map_point_opens_its_event(watched_page, dashboard_url, api):
    page = watched_page
    show(page, dashboard_url + "/")
    point = page.locator("#map a.point:not(.cluster)").first
    event_id = point.get_attribute("data-event-id")
    point.locator("circle").click()
    ready(page)
    assert params(page) == {"event": event_id}
    event = api(f"/api/events/{event_id}")
    assert event["location"]["lat"] is not None
    assert page.inner_text("#evidence") == event["sentence"]["text"]


def test_hostile_article_stays_text_in_every_view(watched_page, dashboard_url, api, hostile_article):
    page = watched_page
    hostile = hostile_article
    article = api(f"/api/articles/{hostile['id']}")
    assert "<script>" in article["text"] and article["events"], "the hostile article was stored and coded"
    show(page, f"{dashboard_url}/?article={hostile['id']}")
    assert page.inner_text("#article-title") == hostile["title"]
    assert page.locator("#article-text").evaluate("node => node.textContent") == article["text"]
    assert page.locator("#article-view .unsafe-url").inner_text() == hostile["url"]
    event_id = article["events"][0]["merged_event_id"]
    show(page, f"{dashboard_url}/?event={event_id}")
    assert hostile["source"] in page.inner_text("ol.mentions")
    show(page, f"{dashboard_url}/?q=Sevastopol")
    assert event_id in row_ids(page)
    for view in ("#overview", "#event-view", "#article-view"):
        assert page.locator(f"{view} script, {view} img, {view} iframe, {view} [onerror], "
                            f"{view} [onmouseover]").count() == 0
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
    assert page.evaluate("() => window.__pwned") is None
    assert page.watched.dialogs == []


def test_outside_links_are_http_only_and_open_without_referrer(watched_page, dashboard_url, api):
    page = watched_page
    with_url = [e for e in api("/api/events", limit=1000)["events"]
                if any((m.get("url") or "").startswith("http") for m in e["mentions"])]
    assert with_url, "some example article has a web address"
    show(page, f"{dashboard_url}/?event={with_url[0]['event_id']}")
    links = page.locator("ol.mentions a[target=_blank]")
    assert links.count() >= 1
    for i in range(links.count()):
        link = links.nth(i)
        assert link.get_attribute("href").startswith(("http://", "https://"))
        assert link.get_attribute("rel") == "noopener noreferrer"


def test_on_a_large_store_the_dyads_cover_the_latest_ninety_days(watched_page, dashboard_url, api):
    page = watched_page
    health = api("/api/health")
    # The store here is small: the page is told it holds a million events, everything else is real.
    page.route("**/api/health", lambda route: route.fulfill(json={**health, "events": 1_000_000}))
    show(page, dashboard_url + "/")
    latest = api("/api/events", limit=1, sort="-date")["events"][0]["date"]["value"]
    hint = page.inner_text("#dyads-hint")
    assert hint.startswith("the latest 90 days of the selection") and f"to {latest}" in hint
    since = hint.split(", ")[1].split(" to ")[0]
    window = {(d["source"], d["target"]): d["events"]
              for d in api("/api/dyads", limit=50, since=since, until=latest)["dyads"]}
    cells = page.locator("#dyads a.dyad")
    assert cells.count() == len([key for key in window if "-" not in key])
    cell = cells.first
    key = (cell.get_attribute("data-source"), cell.get_attribute("data-target"))
    assert int(cell.inner_text()) == window[key]
    click_and_wait(page, cell)
    assert params(page) == {"dyad": ",".join(key), "since": since, "until": latest}
    assert len(row_ids(page)) == window[key]


def test_historical_events_are_left_out_unless_asked_and_carry_a_badge(watched_page, dashboard_url, api):
    page = watched_page
    [old] = api("/api/events", historical="true")["events"]
    assert old["historical"] and old["event_type"] == "ASSAULT"
    show(page, dashboard_url + "/")
    assert old["event_id"] not in row_ids(page)
    assert page.locator("#events .flag-historical").count() == 0
    page.select_option("select[name=historical]", "true")
    click_and_wait(page, page.locator("#filters button[type=submit]"))
    assert params(page) == {"historical": "true"}
    assert row_ids(page) == [old["event_id"]]
    row = page.locator(f"#events tr[data-event-id='{old['event_id']}']")
    assert row.locator(".flag-historical").inner_text() == "historical"
    href = page.locator("#export a").first.get_attribute("href")
    assert parse_qs(urlsplit(href).query)["historical"] == ["true"]
    click_and_wait(page, row.locator("a.event-link"))
    assert params(page) == {"historical": "true", "event": old["event_id"]}
    assert page.locator(".flag-historical").count() >= 1
