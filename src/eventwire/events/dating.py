"""Where a sentence's date expressions belong, read from its parse for `dates.resolve_event_date`,
and whether an undated act is narrated in the past (`narrated_in_the_past`).

A date told inside a clause of another act dates that act: "a charge the spokesman rejected Thursday"
(a relative clause on "charge"), "the politician, who is weighing a run in next year's election, says"
(one on "politician"), "since leaving office in February" (the start of a period), "accuses Chile of
shelling the post last week" (what a statement in the present reports). A weekday told with a past-tense
verb ("said Saturday that it will withdraw") is a day gone by.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from eventwire.dates import INTERVAL, Clauses, interval_days
from eventwire.records import EventDate

# A relative clause describes a noun: its dates belong to its own verb, unless the noun is the trigger
# ("the attack, which began on Tuesday"). The parser links one without a pronoun ("a charge the
# spokesman rejected Thursday") as "acl" with a finite verb; a participle ("a statement emailed on
# Wednesday", "a letter dated Feb. 4") tells the date of the act the noun stands for.
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# Words that open the bound of a period: its date is when the period began or ends, not the event.
_PERIOD_BOUNDS = {"since", "until", "till"}
# How recent the date of the sentence before must be for an undated act narrated in the simple past
# after it to have happened then: the days of the story, not its background ("In 2024, ...").
NARRATIVE_DAYS = 7
_STORY_SPANS = {"day": 0, "week": 6}  # the days after its first that a date's period lasts
_PRESENT_TAGS = {"VBZ", "VBP"}
# What a verb reports or is about: its clause, its object and the phrases after it ("of shelling ...").
_REPORTED_LINKS = {"ccomp", "xcomp", "dobj", "prep", "advcl"}
# The words that tell an act an interval away: "two days after", "a week before".
_INTERVAL_WORDS = {"after", "before"}
# Links by which a date hangs on its verb: "said Saturday", "announced on Monday".
_DATE_LINKS = {"npadvmod", "tmod"}


def date_clauses(head: Token) -> Clauses:
    """The spans of `head`'s sentence whose dates belong to another act, and those told with a
    past-tense verb; offsets are those of the sentence's text (its parse is of the sentence alone)."""
    apart = []
    for token in head.doc:
        if _relative_clause(token) and head not in (token, token.head):
            apart.append(_span(token, f"the clause on {token.head.text!r}"))
        elif token.lower_ in _PERIOD_BOUNDS and token.dep_ in ("prep", "mark"):
            bounded = token if token.dep_ == "prep" else token.head
            if bounded != head:
                apart.append(_span(bounded, f"the {token.lower_!r} clause, the bound of a period"))
    return Clauses(tuple(apart + _reported_by_the_present(head)), tuple(_past_dates(head)),
                   tuple(_after_intervals(head.doc)))


def _after_intervals(parsed: Doc) -> list[tuple[int, int, int, str]]:
    """The clauses told after an interval ("two days after police raided the embassy", "hours before the
    vote"): their acts lie that interval from the sentence's date. The clause is what "after" governs
    (a phrase, or the verb it marks), from the interval's first word."""
    shifted = []
    for token in parsed:
        if token.lower_ not in _INTERVAL_WORDS or token.dep_ not in ("prep", "mark"):
            continue
        before = parsed.text[:token.idx]
        days = interval_days(before, token.lower_ == "after")
        if days is None:
            continue
        start = INTERVAL.search(before).start()
        last = (token if token.dep_ == "prep" else token.head).right_edge
        shifted.append((start, last.idx + len(last), days, parsed.text[start:token.idx + len(token)]))
    return shifted


def _reported_by_the_present(head: Token) -> list[tuple[int, int, str]]:
    """A trigger in the simple present ("accuses", "says") is the publication day's: a date in what it
    reports ("accuses Chile of shelling the post last week") dates the reported act, not the statement."""
    if head.tag_ not in _PRESENT_TAGS or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return []
    return [_span(child, f"what the present-tense {head.text!r} reports") for child in head.children
            if child.dep_ in _REPORTED_LINKS and not _dates_its_verb(child)]


def _relative_clause(token: Token) -> bool:
    return token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ in _FINITE_TAGS)


def _past_dates(head: Token) -> list[tuple[int, int, str]]:
    """The date words hanging on a simple past verb of the sentence ("said Saturday", "met on Friday")."""
    return [_span(child, verb.text)
            for verb in head.doc if verb.tag_ == "VBD"
            for child in verb.children if _dates_its_verb(child)]


def _dates_its_verb(child: Token) -> bool:
    """ "said Saturday", "met on Friday": a date that hangs on its verb."""
    return child.dep_ in _DATE_LINKS or (child.dep_ == "prep" and child.lower_ == "on")


def _span(token: Token, what: str) -> tuple[int, int, str]:
    """The characters of the token's subtree (its edges: no walk over a long run-on sentence)."""
    last = token.right_edge
    return token.left_edge.idx, last.idx + len(last), what


def narrated_in_the_past(parsed: Doc, offset: int) -> bool:
    """The first finite verb at or above the word at `offset` of the sentence is in the simple past:
    "demanded", "said it would help" (not "says", "regrets", "will meet")."""
    word = parsed.char_span(offset, offset + 1, alignment_mode="expand")
    if word is None or not len(word):
        return False
    node = word[0]
    while node.tag_ not in _FINITE_TAGS and node.head != node:
        node = node.head
    return node.tag_ == "VBD"


def in_the_days_before(date: EventDate, published: dt.date) -> bool:
    """A day, or a week ("last week"), that reaches into the NARRATIVE_DAYS before publication: the
    days the story tells."""
    if date.value is None or date.granularity not in _STORY_SPANS:
        return False
    return (published - date.value).days - _STORY_SPANS[date.granularity] <= NARRATIVE_DAYS
