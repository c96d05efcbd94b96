"""The HTTP API on a big store: build one, then time the issue's six queries and a 20-client load.

Build: the bench articles are coded once with the real coder; their events become the
templates of N merged events with shifted dates (10 years), countries (200, a few far more
active than most, as in news), sectors, types (all 16, their quad classes kept right) and
places, written through the store's own write path (event rows, actors, full-text index) in
large transactions.

Measure: `eventwire serve` is started on the store at a free port on 127.0.0.1 and every
request goes through real HTTP: p50/p95 of each query, then 20 clients for a minute.

Usage: python benchmarks/api_store.py build --db sqlite:////tmp/api.db --events 1000000 \
           --jsonl ../shared/data/bench/news_articles.jsonl
       python benchmarks/api_store.py measure --db sqlite:////tmp/api.db [--seconds 60]
The database given to `build` should be empty, or one a stopped build left (it goes on).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from eventwire.events.lexicon import cameo_of, quad_class_of
from eventwire.query import encode_cursor
from eventwire.records import EVENT_TYPES
from eventwire.store import open_store

FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3653  # ten years
SECTORS = ("GOV", "MIL", "COP", "REB", "OPP", "BUS", "MED", "CVL", "LEG", "JUD", None)
BATCH = 20_000
SQLITE_CACHE_KIB = 4 * 1024 * 1024


def _countries() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.countries)[:200]


def coded_templates(jsonl: str, cache: Path) -> list[dict]:
    """Event records of the bench articles, coded once (kept in `cache`)."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import Pipeline

    started = time.perf_counter()
    records = [event.to_dict() for result in Pipeline().code_documents(read_inputs([jsonl]))
               for event in result.events]
    print(f"coded {jsonl}: {len(records)} events in {time.perf_counter() - started:.0f}s", flush=True)
    cache.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records


def synthetic_event(template: dict, number: int, rng: random.Random, countries: list[str],
                    weights: list[float]) -> dict:
    record = json.loads(json.dumps(template))
    event_id = hashlib.sha1(f"bench-event-{number}".encode()).hexdigest()[:20]
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    event_type = rng.choice(EVENT_TYPES) if rng.random() < 0.5 else record["event_type"]
    record.update({"event_id": event_id, "doc_id": f"bench-doc-{number // 3}", "event_type": event_type,
                   "cameo": cameo_of(event_type), "quad_class": quad_class_of(cameo_of(event_type)),
                   "confidence": round(rng.uniform(0.2, 0.99), 3)})
    record["date"] = {"value": day.isoformat(), "text": record["date"]["text"], "granularity": "day"}
    home, other = rng.choices(countries, weights, k=2)
    for role, country in (("source", home), ("target", other)):
        for actor in record[role]:
            sector = rng.choice(SECTORS)
            actor.update({"country": country, "sector": sector, "code": country + (sector or "")})
    if record["location"]:
        record["location"].update({"country": home, "lat": round(rng.uniform(-60, 70), 4),
                                   "lon": round(rng.uniform(-180, 180), 4)})
    articles = rng.choice((1, 1, 1, 2, 3, 5))
    published = (day + dt.timedelta(days=rng.randrange(2))).isoformat()
    record.update({
        "num_articles": articles, "num_sources": articles, "first_reported": published,
        "last_reported": published,
        "mentions": [{"mention_id": f"{event_id}-{i}", "doc_id": f"bench-doc-{number}-{i}",
                      "sentence": record["sentence"], "trigger": record["trigger"], "event_type": event_type,
                      "source": f"Wire {i}", "published": published, "url": None} for i in range(articles)],
    })
    return record


def build(url: str, count: int, jsonl: str, cache: Path, seed: int) -> None:
    templates = coded_templates(jsonl, cache)
    rng = random.Random(seed)
    countries = _countries()
    weights = [1 / (rank + 1) for rank in range(len(countries))]  # a few countries in most news
    rng.shuffle(countries)
    started = time.perf_counter()
    with open_store(url) as store:
        if store.dialect == "sqlite":  # random event ids: keep the indexes' pages in memory
            store._run(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        done = first = store.count_events()  # a build that was stopped goes on from where it was
        if first:
            print(f"{first} events already stored: adding the rest", flush=True)
            rng.seed(seed + first)
        while done < count:
            size = min(BATCH, count - done)
            records = [(synthetic_event(rng.choice(templates), done + i, rng, countries, weights), "bench")
                       for i in range(size)]
            with store._transaction():
                store.write_events(records)
            done += size
            rate = (done - first) / (time.perf_counter() - started)
            print(f"{done} events ({rate:.0f}/s)", flush=True)
        store._run("ANALYZE")  # the planner's statistics, as a maintained server would have
    print(f"built {count} events in {url} in {time.perf_counter() - started:.0f}s", flush=True)


# -- measuring -------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(base: str, path: str, params: dict) -> tuple[int, bytes]:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}" if params else f"{base}{path}"
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def sample_queries(url: str, rng: random.Random) -> dict[str, list[tuple[str, dict]]]:
    """Requests for each of the issue's six queries, with values drawn from the store."""
    with open_store(url) as store:
        countries = [r[0] for r in store._run(
            "SELECT country FROM event_actors WHERE role = 'source' AND event_id IN "
            "(SELECT event_id FROM events ORDER BY event_id LIMIT 20000) GROUP BY country "
            "ORDER BY COUNT(*) DESC LIMIT 40").fetchall()]
        total = store.count_events()
        deep = []
        for _ in range(30):
            offset = rng.randrange(total // 4, total - 200)
            day, event_id = store._run("SELECT event_date, event_id FROM events ORDER BY event_date, "
                                       f"event_id LIMIT 1 OFFSET {offset}").fetchone()
            deep.append(encode_cursor("date", day, event_id))
        ids = [r[0] for r in store._run("SELECT event_id FROM events WHERE event_id > ? ORDER BY event_id "
                                        "LIMIT 200", (f"{rng.randrange(16 ** 6):06x}",)).fetchall()]
    words = ["ceasefire", "police", "protest", "killed", "minister", "talks", "refugee", "embassy",
             "sanctions", "troops"]
    months = [f"{year}-{month:02d}" for year in range(2015, 2025) for month in range(1, 13)]
    return {
        "latest 100 for a country": [("/api/events", {"country": c, "sort": "-date", "limit": 100})
                                     for c in countries],
        "a page deep in a cursor": [("/api/events", {"sort": "date", "limit": 100, "cursor": c})
                                    for c in deep],
        "weekly timeline, 10 years, a country": [("/api/timeline", {"country": c, "interval": "week",
                                                                    "since": "2015", "until": "2024"})
                                                 for c in countries],
        "a month's top 50 dyads": [("/api/dyads", {"since": m, "until": m, "limit": 50}) for m in months],
        "an event by id": [(f"/api/events/{i}", {}) for i in ids],
        "full-text search": [("/api/events", {"q": w, "limit": 100}) for w in words],
    }


def measure(url: str, seconds: float, repeats: int, clients: int, seed: int) -> None:
    rng = random.Random(seed)
    queries = sample_queries(url, rng)
    port = _free_port()
    command = Path(sys.executable).parent / "eventwire"
    server = subprocess.Popen([str(command), "serve", "--db", url, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base)
        with open_store(url) as store:
            print(f"store: {url.split('@')[-1]}, {store.count_events()} events")
        print(f"{'query':<40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  n")
        for name, requests in queries.items():
            timings = []
            for i in range(repeats):
                path, params = requests[i % len(requests)]
                started = time.perf_counter()
                status, _ = _get(base, path, params)
                timings.append((time.perf_counter() - started) * 1000)
                if status != 200:
                    raise SystemExit(f"{name}: HTTP {status} for {path} {params}")
            print(f"{name:<40} {_pct(timings, 50):>8.1f} {_pct(timings, 95):>8.1f} {max(timings):>8.1f}  "
                  f"{len(timings)}", flush=True)
        load(base, queries, clients, seconds, seed)
    finally:
        server.terminate()
        server.wait(timeout=30)


def load(base: str, queries: dict, clients: int, seconds: float, seed: int) -> None:
    """`clients` threads, each sending the six queries in random order until the time is up."""
    mix = [request for requests in queries.values() for request in requests]
    deadline = time.monotonic() + seconds
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        rng = random.Random(seed + number)
        while time.monotonic() < deadline:
            path, params = rng.choice(mix)
            started = time.perf_counter()
            try:
                status, _ = _get(base, path, params)
            except OSError as exc:
                status = f"{type(exc).__name__}"
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                timings.append(elapsed)
                if status != 200:
                    errors.append(f"{status} {path}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    print(f"{clients} clients for {elapsed:.0f}s: {len(timings)} requests ({len(timings) / elapsed:.1f}/s), "
          f"{len(errors)} errors, p50 {_pct(timings, 50):.0f} ms, p95 {_pct(timings, 95):.0f} ms"
          + (f"; first errors: {errors[:3]}" if errors else ""), flush=True)


def _pct(values: list[float], percent: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _wait_for(base: str) -> None:
    for _ in range(300):
        try:
            if _get(base, "/api/health", {})[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    building = sub.add_parser("build")
    building.add_argument("--db", required=True)
    building.add_argument("--events", type=int, default=1_000_000)
    building.add_argument("--jsonl", default="../shared/data/bench/news_articles.jsonl")
    building.add_argument("--cache", type=Path,
                          default=Path(tempfile.gettempdir()) / "eventwire_templates.jsonl",
                          help="Where the coded templates are kept between runs.")
    building.add_argument("--seed", type=int, default=12)
    measuring = sub.add_parser("measure")
    measuring.add_argument("--db", required=True)
    measuring.add_argument("--repeats", type=int, default=60, help="Requests per query.")
    measuring.add_argument("--clients", type=int, default=20)
    measuring.add_argument("--seconds", type=float, default=60)
    measuring.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.command == "build":
        if not Path(args.jsonl).exists():
            raise SystemExit(f"no bench articles at {args.jsonl} (the shared data folder): pass --jsonl PATH")
        build(args.db, args.events, args.jsonl, args.cache, args.seed)
    else:
        measure(args.db, args.seconds, args.repeats, args.clients, args.seed)


if __name__ == "__main__":
    main()
