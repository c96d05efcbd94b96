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
    flags = [flag for flag in ("negated", "hypothetical", "future") if mention.get(flag)]
    merged = ""
    if mention.get("merged_event_id"):
        merged = (f"  event {mention['merged_event_id']} ({mention['merged_num_mentions']} mention(s) in "
                  f"{mention['merged_num_articles']} article(s))")
    return (f"{number:>3} {mention['event_type']:<9} {source} -> {target}  {mention['date']['value'] or '-'}"
            f"  {location.get('name') or location.get('text') or '-'}"
            f"{'  (' + ', '.join(flags) + ')' if flags else ''}  conf {mention['confidence']:.2f}{merged}")
