"""One record per real-world event: which coded mentions describe the same happening.

Mentions are first grouped into *blocks* that can only hold the same happening: same quad
class, same modality flags and the same anchor country (the first actor country, or the
location's country when no actor has one). Each block is clustered greedily in a fixed
order (date, then publication, then article), so the clusters are a pure function of the
set of mentions: ingesting in any order, resuming after a crash, or recomputing from
scratch gives the same events. Because the order is fixed, a change only affects the
clustering from its own date on: the store re-runs the greedy pass from there, resuming
with the stored clusters of the earlier mentions.

A mention joins a cluster when, against every member, its type is compatible, its actors
match by country and sector on both sides (in any order for symmetric types; an unknown
country or sector matches any), the dates fit in the window, the place is compatible, and
its sentence shares enough words with some member (binary cosine of content words, actor
names and trigger left out; no model).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WINDOW_DAYS = 3
MAX_DISTANCE_KM = 150.0
MIN_SIMILARITY = 0.2
# Same type reported the same day needs less shared wording to be the same happening.
MIN_SIMILARITY_SAME_DAY = 0.1

# Types whose two sides are interchangeable: "A met B" is "B met A" is "A and B met".
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Different outlets may code one happening as either type of a pair (same quad class only).
RELATED_TYPES = frozenset(frozenset(pair) for pair in (
    ("AGREE", "CONSULT"), ("AGREE", "COOPERATE"), ("COOPERATE", "AID"), ("CONCEDE", "RETREAT"),
    ("ACCUSE", "REJECT"), ("ACCUSE", "THREATEN"), ("COERCE", "ASSAULT"), ("PROTEST", "MOBILIZE"),
    ("SANCTION", "COERCE"),
))

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class MentionFeatures:
    """What merging needs to know about one coded mention."""

    mention_id: str
    doc_id: str
    event_type: str
    date_lo: dt.date | None
    date_hi: dt.date | None
    location_country: str | None
    lat: float | None
    lon: float | None
    tokens: frozenset[str]
    published: dt.date | None
    sentence_index: int
    # (country, sector) of each actor; filled, with tokens, only for the segments being clustered
    source: tuple[tuple[str | None, str | None], ...] = ()
    target: tuple[tuple[str | None, str | None], ...] = ()

    @property
    def order_key(self) -> tuple:
        """Earliest happening first, then earliest report: the first member founds the event."""
        return (self.date_lo or dt.date.max, self.date_hi or dt.date.max,
                self.published or dt.date.max, self.doc_id, self.sentence_index, self.mention_id)


@dataclass
class Cluster:
    members: list[MentionFeatures]  # in joining order; the first founded the event

    @property
    def event_id(self) -> str:
        """The founding mention's id: stable while later reports join."""
        return self.members[0].mention_id


def merge_block(record: dict) -> str:
    """The block key of an event record (the output contract): only equal keys may merge."""
    flags = "".join(flag[0] for flag in ("negated", "hypothetical", "future") if record.get(flag))
    flags = (flags + ("p" if record.get("historical") else "")) or "-"  # p: past, never merged with news
    return f"{record['quad_class']}|{flags}|{_anchor_country(record)}"


def _anchor_country(record: dict) -> str:
    """The first source country (any side for symmetric types), else target, else location."""
    def countries(role: str) -> list[str]:
        return sorted({a["country"] for a in record.get(role) or [] if a.get("country")})

    if record["event_type"] in SYMMETRIC_TYPES:
        found = sorted(set(countries("source")) | set(countries("target")))
    else:
        found = countries("source") or countries("target")
    return found[0] if found else ((record.get("location") or {}).get("country") or "?")


def actor_sides(record: dict) -> tuple[tuple, tuple]:
    """(source, target) as tuples of (country, sector)."""
    def side(role: str) -> tuple:
        return tuple((a.get("country"), a.get("sector")) for a in record.get(role) or [])

    return side("source"), side("target")


def _actors_compatible(a: MentionFeatures, b: MentionFeatures) -> bool:
    if a.event_type in SYMMETRIC_TYPES and b.event_type in SYMMETRIC_TYPES:
        return _sides_match(a.source + a.target, b.source + b.target)
    return _sides_match(a.source, b.source) and _sides_match(a.target, b.target)


def _sides_match(one: tuple, other: tuple) -> bool:
    """Every actor of each side matches one of the other side; an unknown side matches any."""
    if not one or not other:
        return True
    return (all(any(_actor_match(x, y) for y in other) for x in one)
            and all(any(_actor_match(x, y) for x in one) for y in other))


def _actor_match(x: tuple, y: tuple) -> bool:
    return all(p is None or q is None or p == q for p, q in zip(x, y))


def shifted(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held at the calendar's first or last day rather than overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def date_interval(value: dt.date | None, granularity: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The days a date may mean: a day, or a whole week, month or year."""
    if value is None:
        return None, None
    if granularity == "week":
        return value, shifted(value, 6)
    if granularity == "month":
        first = value.replace(day=1)
        return first, first.replace(day=calendar.monthrange(value.year, value.month)[1])
    if granularity == "year":
        return value.replace(month=1, day=1), value.replace(month=12, day=31)
    return value, value


def evidence_tokens(sentence: str) -> frozenset[str]:
    """Content words of a sentence, lower-cased, with a light suffix strip."""
    stop = _stop_words()
    return frozenset(_stem(word) for word in _WORD.findall(sentence.lower())
                     if len(word) > 2 and word not in stop)


def mention_evidence(record: dict) -> frozenset[str]:
    """Evidence words of a mention: its sentence without the actors and the trigger, which the
    block and the type check already compare (shared names must not count as shared evidence)."""
    sentence = record["sentence"]
    text = list(sentence["text"])
    spans = [record["trigger"], *(record.get("source") or []), *(record.get("target") or []),
             *(record.get("reported_by") or [])]
    for span in spans:
        start, end = span["start"] - sentence["start"], span["end"] - sentence["start"]
        for i in range(max(start, 0), min(end, len(text))):
            text[i] = " "
    return evidence_tokens("".join(text))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Function words (data/store/stopwords.txt, from spaCy's list: see the README there)."""
    path = resources.files("eventwire") / "data" / "store" / "stopwords.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def _stem(word: str) -> str:
    """A light, consistent suffix strip: 'discussed' and 'discusses' become 'discuss'."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) >= 7:
        word = word[:-3]
    elif len(word) >= 6 and (word.endswith("ed") or word.endswith("es") and word[-3] in "sxz"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) >= 4:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) >= 4 else word


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def cluster_mentions(mentions: Iterable[MentionFeatures], earlier: Iterable[Cluster] = (),
                     window: int = WINDOW_DAYS) -> list[Cluster]:
    """Greedy clustering in `order_key` order, continuing after the `earlier` clusters (of
    mentions that all come before these, in founding order). Returns earlier and new clusters."""
    clusters = list(earlier)
    open_clusters = list(clusters)  # those that a later mention may still join
    for mention in sorted(mentions, key=lambda m: m.order_key):
        if mention.date_lo is not None:  # sorted by start: a cluster begun too early stays closed
            start = mention.date_lo
            open_clusters = [c for c in open_clusters if (start - c.members[0].date_lo).days <= window]
        best, best_score = None, -1.0
        for cluster in open_clusters:
            if not _within_window(cluster, mention, window):  # the cheap test first
                continue
            verdict = _join_verdict(mention, cluster.members, window)
            if verdict is not None and verdict[0] > best_score:
                best, best_score = cluster, verdict[0]
        if best is None:
            best = Cluster([mention])
            clusters.append(best)
            open_clusters.append(best)
        else:
            best.members.append(mention)
    return clusters


def _within_window(cluster: Cluster, mention: MentionFeatures, window: int) -> bool:
    """A cheap necessary condition: the mention ends within the window from the cluster's start."""
    return mention.date_hi is None or (mention.date_hi - cluster.members[0].date_lo).days <= window


def join_reasons(cluster: Cluster, window: int = WINDOW_DAYS) -> list[str]:
    """Why each later member joined: the verdict it got against the members before it."""
    reasons = []
    for i in range(1, len(cluster.members)):
        verdict = _join_verdict(cluster.members[i], cluster.members[:i], window)
        reasons.append(verdict[1] if verdict else f"merge: mention {cluster.members[i].mention_id} joined")
    return reasons


def _join_verdict(mention: MentionFeatures, members: list[MentionFeatures],
                  window: int) -> tuple[float, str] | None:
    """(similarity, reason) when `mention` may join the cluster of `members`, else None."""
    span = _date_span(members + [mention])
    if span is not None and span > window:
        return None
    for member in members:
        if not (_types_compatible(mention, member) and _actors_compatible(mention, member)
                and _places_compatible(mention, member)):
            return None
    closest = max(members, key=lambda m: (similarity(mention.tokens, m.tokens), m.order_key))
    score = similarity(mention.tokens, closest.tokens)
    same_day = span == 0 and mention.event_type == closest.event_type
    needed = MIN_SIMILARITY_SAME_DAY if same_day else MIN_SIMILARITY
    if not (mention.tokens and closest.tokens):  # nothing to compare: only a same-day report may join
        if not same_day:
            return None
        score, needed = 0.0, 0.0
    elif score < needed:
        return None
    return score, _reason(mention, closest, span, score, needed)


def _types_compatible(a: MentionFeatures, b: MentionFeatures) -> bool:
    if a.event_type == b.event_type:
        return True
    # The coder already told apart two types in one article: keep them apart.
    return a.doc_id != b.doc_id and frozenset((a.event_type, b.event_type)) in RELATED_TYPES


def _places_compatible(a: MentionFeatures, b: MentionFeatures) -> bool:
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return True
    return _distance_km(a.lat, a.lon, b.lat, b.lon) <= MAX_DISTANCE_KM


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _date_span(members: list[MentionFeatures]) -> int | None:
    """Days between the earliest start and the latest end; None when undated."""
    dated = [m for m in members if m.date_lo is not None]
    if not dated:
        return None
    return (max(m.date_hi for m in dated) - min(m.date_lo for m in dated)).days


def _reason(mention: MentionFeatures, closest: MentionFeatures, span: int | None, score: float,
            needed: float) -> str:
    kind = (f"same type {mention.event_type}" if mention.event_type == closest.event_type
            else f"related types {closest.event_type}/{mention.event_type}")
    when = "undated, same article" if span is None else f"dates within {span} day(s) (window {WINDOW_DAYS})"
    place = (f"same place country {mention.location_country or closest.location_country}"
             if mention.location_country or closest.location_country else "place unknown")
    where = "repeated in article" if mention.doc_id == closest.doc_id else f"article {mention.doc_id}"
    evidence = (f"evidence overlap {score:.2f} >= {needed:.2f}" if needed
                else "no evidence words to compare, same day")
    return (f"merge: mention {mention.mention_id} ({where}) joined: {kind}, matching actors, {when}, "
            f"{place}, {evidence} with {closest.mention_id}")


@dataclass(frozen=True)
class MentionDetail:
    """A stored mention's coder record and the article facts an event record reports."""

    record: dict
    outlet: str | None
    published: str | None  # ISO date
    url: str | None = None
    title: str | None = None


def merged_record(cluster: Cluster, details: dict[str, MentionDetail]) -> dict:
    """The event record of a cluster: fields from its most confident mention, all mentions kept."""
    members = [details[m.mention_id] for m in cluster.members]
    best = max(range(len(members)), key=lambda i: (members[i].record["confidence"], -i))
    record = dict(members[best].record)
    record["event_id"] = cluster.event_id
    merges = []
    if record["location"] is None:
        located = next((d for d in members if d.record["location"]), None)
        if located is not None:
            record["location"] = located.record["location"]
            merges.append(f"merge: location from mention {located.record['event_id']}")
    doc_ids = list(dict.fromkeys(d.record["doc_id"] for d in members))
    if len(members) > 1:
        merges.append(f"merge: {len(members)} mentions from {len(doc_ids)} article(s) describe one event; "
                      f"fields from mention {members[best].record['event_id']} (highest confidence)")
    merges += join_reasons(cluster)
    reasons = {field: list(texts) for field, texts in record["reasons"].items() if field != "merge"}
    reported = sorted(d.published for d in members if d.published)
    record.update({
        "reasons": {**reasons, "merge": merges} if merges else reasons,
        "num_articles": len(doc_ids),
        "num_sources": len({d.outlet or f"article:{d.record['doc_id']}" for d in members}),
        "mentions": [{"mention_id": d.record["event_id"], "doc_id": d.record["doc_id"],
                      "sentence": d.record["sentence"], "trigger": d.record["trigger"],
                      "event_type": d.record["event_type"], "source": d.outlet, "published": d.published,
                      "url": d.url, "title": d.title}
                     for d in members],
        "first_reported": reported[0] if reported else None,
        "last_reported": reported[-1] if reported else None,
    })
    return record


def actor_key(actors: list[dict] | None) -> str | None:
    """The first actor's code, else its country and sector: one side of a dyad."""
    if not actors:
        return None
    first = actors[0]
    return first.get("code") or "".join(x for x in (first.get("country"), first.get("sector")) if x) or None
