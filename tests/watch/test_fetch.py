"""The polite fetcher against a local server: conditional GET, retries, timeouts, size cap, rate limit."""

from __future__ import annotations

import threading

import pytest
from watch_site import Route

from eventwire.watch.fetch import USER_AGENT, Fetcher, FetchError, FetchSettings, Stopped, post_json

FAST = FetchSettings(timeout=0.5, max_bytes=10_000, per_host_per_minute=6000, retries=2, backoff=0.01)


def test_conditional_get_and_user_agent(site):
    site.routes["/feed"] = Route(body=b"<rss/>", content_type="application/rss+xml", etag='"v1"',
                                 last_modified="Mon, 23 Nov 2026 08:00:00 GMT")
    fetcher = Fetcher(FAST)
    first = fetcher.get(site.url("/feed"))
    assert (first.status, first.body, first.etag) == (200, b"<rss/>", '"v1"')
    assert first.last_modified == "Mon, 23 Nov 2026 08:00:00 GMT"
    again = fetcher.get(site.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    sent = site.requests("/feed")
    assert [r.status for r in sent] == [200, 304]
    assert sent[1].headers["If-None-Match"] == '"v1"'
    assert sent[1].headers["If-Modified-Since"] == "Mon, 23 Nov 2026 08:00:00 GMT"
    assert all(r.headers["User-Agent"] == USER_AGENT for r in sent) and USER_AGENT.startswith("eventwire/")


def test_server_errors_are_retried_then_reported(site):
    site.routes["/flaky"] = Route(body=b"fine", fail_times=2)
    site.routes["/down"] = Route(status=503)
    fetcher = Fetcher(FAST)
    assert fetcher.get(site.url("/flaky")).body == b"fine"  # two 500s, then a success
    assert [r.status for r in site.requests("/flaky")] == [500, 500, 200]
    with pytest.raises(FetchError) as failed:
        fetcher.get(site.url("/down"))
    assert failed.value.transient and "HTTP 503" in failed.value.reason
    assert len(site.requests("/down")) == 3  # the first try and two retries


def test_a_429_waits_as_long_as_retry_after_says(site):
    site.routes["/busy"] = Route(body=b"ok", fail_times=1, fail_status=429, fail_headers={"Retry-After": "7"})
    fetcher = Fetcher(FAST)
    waits: list[float] = []
    fetcher._sleep = waits.append
    assert fetcher.get(site.url("/busy")).body == b"ok"
    assert [r.status for r in site.requests("/busy")] == [429, 200]
    assert waits[0] == 7.0  # Retry-After, not the 0.01 s backoff (the rest: the per-host spacing)


def test_client_errors_are_not_retried(site):
    with pytest.raises(FetchError) as failed:
        Fetcher(FAST).get(site.url("/missing"))
    assert not failed.value.transient and "HTTP 404" in failed.value.reason
    assert len(site.requests("/missing")) == 1


def test_a_slow_server_times_out(site):
    site.routes["/slow"] = Route(body=b"late", delay=1.5)
    fetcher = Fetcher(FetchSettings(timeout=0.3, retries=1, backoff=0.01, per_host_per_minute=6000))
    with pytest.raises(FetchError) as failed:
        fetcher.get(site.url("/slow"))
    assert failed.value.transient and "timed out" in failed.value.reason
    assert fetcher.requests == 2


@pytest.mark.parametrize("send_length", [True, False])
def test_a_response_over_the_size_cap_is_refused(site, send_length):
    site.routes["/big"] = Route(body=b"x" * 200_000, send_length=send_length)
    with pytest.raises(FetchError) as failed:
        Fetcher(FAST).get(site.url("/big"))
    assert not failed.value.transient and "size cap of 10,000 bytes" in failed.value.reason


def test_requests_to_one_host_are_spaced(site):
    """Twelve requests a minute: five requests wait 5 s between each other, on a fake clock."""
    site.routes["/a"] = Route(body=b"a")
    now = [1000.0]
    waits: list[float] = []
    fetcher = Fetcher(FetchSettings(per_host_per_minute=12), clock=lambda: now[0])

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    fetcher._sleep = sleep
    for _ in range(5):
        fetcher.get(site.url("/a"))
    assert waits == [5.0, 5.0, 5.0, 5.0]
    other = site.url("/a").replace("127.0.0.1", "localhost")  # another host name: its own budget
    fetcher.get(other)
    assert waits == [5.0, 5.0, 5.0, 5.0]


def test_a_stop_request_ends_a_backoff_wait(site):
    site.routes["/down"] = Route(status=500)
    stop = threading.Event()
    stop.set()
    fetcher = Fetcher(FetchSettings(backoff=30, retries=3), stop=stop)
    with pytest.raises(Stopped):
        fetcher.get(site.url("/down"))
    assert len(site.requests("/down")) == 1


def test_only_http_urls_are_fetched():
    with pytest.raises(FetchError, match="not an http"):
        Fetcher(FAST).get("file:///etc/passwd")


def test_webhook_post_is_retried_and_carries_the_key(receiver):
    receiver.routes["/hook"].fail_times = 1
    post_json(receiver.url("/hook"), {"alert_id": "abc"}, headers={"Idempotency-Key": "abc"}, timeout=1,
              retries=2, backoff=0.01)
    posts = receiver.requests("/hook", "POST")
    assert [p.status for p in posts] == [500, 200]
    assert posts[1].json == {"alert_id": "abc"} and posts[1].headers["Idempotency-Key"] == "abc"
    with pytest.raises(FetchError):
        post_json(receiver.url("/nowhere"), {}, timeout=1, retries=0)
