"""Readable views of stored content for the terminal."""

from __future__ import annotations

import textwrap

from eventwire.formats import actor_label
from eventwire.store.base import StoredArticle


def marked_article(article: StoredArticle, width: int = 100) -> str:
    """The cleaned text with each event trigger marked `[word]{n TYPE}`, then the events listed."""
    lines = [f"{article.doc_id}  {article.title or '(no title)'}",
             " · ".join(x for x in (article.source, article.pub_date, article.url) if x),
             f"status: {article.status}" + (f" ({article.reason})" if article.reason else ""), ""]
    text = article.text or ""
    inserts: list[tuple[int, int, str]] = []
    for number, mention in enumerate(article.mentions, 1):
        trigger = mention["trigger"]
        inserts.append((trigger["start"], 1, "["))
        inserts.append((trigger["end"], 0, f"]{{{number} {mention['event_type']}}}"))
    for position, _, mark in sorted(inserts, reverse=True):
        text = text[:position] + mark + text[position:]
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width) or [""])
    lines.append("")
    lines.append(f"{len(article.mentions)} event mention(s)")
    for number, mention in enumerate(article.mentions, 1):
        lines.append(_mention_line(number, mention))
    return "\n".join(lines)


def _mention_line(number: int, mention: dict) -> str:
    source = "; ".join(actor_label(a) for a in mention["source"]) or "-"
    target = "; ".join(actor_label(a) for a in mention["target"]) or "-"
    location = mention.get("location") or {}
    flags = [flag for flag in ("negated", "hypothetical", "future", "historical") if mention.get(flag)]
    merged = ""
    if mention.get("merged_event_id"):
        merged = (f"  event {mention['merged_event_id']} ({mention['merged_num_mentions']} mention(s) in "
                  f"{mention['merged_num_articles']} article(s))")
    return (f"{number:>3} {mention['event_type']:<9} {source} -> {target}  {mention['date']['value'] or '-'}"
            f"  {location.get('name') or location.get('text') or '-'}"
            f"{'  (' + ', '.join(flags) + ')' if flags else ''}  conf {mention['confidence']:.2f}{merged}")


def event_text(record: dict, width: int = 100) -> str:
    """One merged event for a reader: who did what to whom, when and where, every report of it,
    and why the reports were merged into one event."""
    location = record.get("location") or {}
    flags = [flag for flag in ("negated", "hypothetical", "future", "historical") if record.get(flag)]
    date = record["date"]
    when = date["value"] or "-"
    if date.get("text"):
        when += f" (from {date['text']!r})"
    where = location.get("name") or location.get("text") or "-"
    if location.get("country"):
        where += f" ({location['country']})"
    if location.get("lat") is not None:
        where += f" at {location['lat']:.4f}, {location['lon']:.4f}"
    source = "; ".join(actor_label(a) for a in record["source"]) or "-"
    target = "; ".join(actor_label(a) for a in record["target"]) or "-"
    mentions = record.get("mentions") or []
    lines = [f"event {record['event_id']}  {record['event_type']}  ({record['quad_class']}, CAMEO "
             f"{record.get('cameo') or '-'})  confidence {record['confidence']:.2f}",
             f"who:   {source} -> {target}", f"when:  {when}", f"where: {where}"]
    if flags:
        lines.append(f"flags: {', '.join(flags)} (kept, but it did not or may not happen as stated, or is "
                     "background told as history)")
    lines += ["", f"{len(mentions)} mention(s) in {record.get('num_articles', 1)} article(s) from "
                  f"{record.get('num_sources', 1)} outlet(s):"]
    for number, mention in enumerate(mentions, 1):
        sentence, trigger = mention["sentence"], mention["trigger"]
        lo, hi = trigger["start"] - sentence["start"], trigger["end"] - sentence["start"]
        text = sentence["text"]
        about = " · ".join(x for x in (mention.get(key) for key in ("published", "source", "url")) if x)
        lines.append(f"{number:>3}. article {mention['doc_id']}" + (f"  {about}" if about else ""))
        lines.extend(textwrap.wrap(f"{text[:lo]}[{text[lo:hi]}]{text[hi:]}", width, initial_indent=" " * 6,
                                   subsequent_indent=" " * 6))
    merges = (record.get("reasons") or {}).get("merge", [])
    if merges:
        lines += ["", "why merged:"]
        for reason in merges:
            lines.extend(textwrap.wrap(reason, width, initial_indent="  - ", subsequent_indent="    "))
    return "\n".join(lines)
