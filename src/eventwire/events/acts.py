"""One event per act: the same act told twice in one sentence is coded once.

A sentence often tells one act with two triggers: "gunmen shot and killed a driver", "a bomb went off,
killing three and wounding two", "a militia's raid ended with seizing two hamlets". The lexicon
reads each trigger as an event, and every copy whose fields are incomplete (the "shot" above has no
target) is a false event on its own. Two events of a sentence are one act when they have the same type
and modality, their triggers are linked in the parse (one governs the other, or both hang on the same
word), and their parties agree: on each side the same countries, or none named on one of them. The
event kept is the one with the most sides named (then the more confident, then the first told); it
takes the higher confidence of the two, so the sentence's main event does not change for the fold.
Acts between other parties stay apart ("troops killed two; rebels killed three").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.records import Actor, Event, Reason

if TYPE_CHECKING:
    from spacy.tokens import Token

# How far apart, in dependency links, two triggers of one act may be: a link between them ("shot and
# killed", "went off, killing"), or two links through the word both hang on ("killing ..., wounding ...").
_ACT_REACH = 2


def one_event_per_act(events: list[Event], heads: dict[tuple[int, int], Token]) -> list[Event]:
    """`events` of one sentence with each act told once; `heads` maps a trigger's (start, end) to the
    parse token heading it (an event whose trigger has none stays as it is)."""
    kept: list[Event] = []
    for event in sorted(events, key=_completeness, reverse=True):
        same = next((k for k in kept if _one_act(k, event, heads)), None)
        if same is None:
            kept.append(event)
        else:
            kept[kept.index(same)] = _folded(same, event)
    return sorted(kept, key=lambda e: (e.trigger.start, e.trigger.end))


def _completeness(event: Event) -> tuple[int, float, int]:
    sides = bool(_parties(event.source)) + bool(_parties(event.target))
    return sides, event.confidence, -event.trigger.start


def _one_act(one: Event, other: Event, heads: dict[tuple[int, int], Token]) -> bool:
    head, other_head = heads.get(_span(one)), heads.get(_span(other))
    if head is None or other_head is None or head.i == other_head.i:
        return False
    return (one.event_type == other.event_type and _modality(one) == _modality(other)
            and _sides_agree(one.source, other.source) and _sides_agree(one.target, other.target)
            and _links_apart(head, other_head) <= _ACT_REACH)


def _folded(kept: Event, dropped: Event) -> Event:
    why = Reason("type", f"'{dropped.trigger.text}' tells the same act as '{kept.trigger.text}' (same type, "
                         "linked in the parse, parties agree): one event")
    # beside the other reasons for the type, so that the confidence keeps the last word
    after = max((i + 1 for i, r in enumerate(kept.reasons) if r.field == "type"), default=0)
    return replace(kept, confidence=max(kept.confidence, dropped.confidence),
                   reasons=[*kept.reasons[:after], why, *kept.reasons[after:]])


def _span(event: Event) -> tuple[int, int]:
    return event.trigger.start, event.trigger.end


def _modality(event: Event) -> tuple:
    return event.mode, event.negated, event.hypothetical, event.future, event.historical


def _parties(actors: list[Actor]) -> frozenset[str]:
    return frozenset(filter(None, (a.country or a.code or a.sector for a in actors)))


def _sides_agree(one: list[Actor], other: list[Actor]) -> bool:
    mine, theirs = _parties(one), _parties(other)
    return not mine or not theirs or mine == theirs


def _links_apart(one: Token, other: Token) -> int:
    """The number of dependency links on the path between two tokens of one parse."""
    up = {one.i: 0}
    for steps, ancestor in enumerate(one.ancestors, start=1):
        up[ancestor.i] = steps
    if other.i in up:
        return up[other.i]
    for steps, ancestor in enumerate(other.ancestors, start=1):
        if ancestor.i in up:
            return steps + up[ancestor.i]
    return len(one.doc)
