"""Event dates: the date expression nearest an event's trigger, resolved against the publication date.

Conventions (news style):
- a bare weekday ("on Friday") is the latest such day on or before the publication date (a
  Friday article's "on Friday" is that day); in a sentence about the future ("will meet on
  Friday") it is the first such day on or after it; "last Friday" is strictly before, "next
  Friday" strictly after;
- weeks are given by their Monday ("last week" = Monday of the week before), months by their
  first day, years by 1 January; "over the weekend" is the Saturday of that weekend, week granularity;
- an expression that bounds a period or sets a deadline ("since April 2023", "before the election in
  November", "by the end of the year") is background and never dates the event;
- an expression inside a clause told apart from the event (a relative clause on another noun, a
  "since" clause: `Clauses.apart`, found from the parse by the events stage) dates that clause's act,
  not the event, and so does one inside quoted words for an event told outside them; a weekday told
  with a past-tense verb ("said Saturday", `Clauses.past`) is in the past
  whatever future the rest of the sentence speaks of;
- a date without a year takes the publication year, or the year before when that would put it
  more than a fortnight after the publication date (the year after for a future sentence);
- a date told against the story's own clock ("the same day", "hours earlier", "the next day", "two
  days later") counts from the day told last before the sentence (`anchor`, kept by the events stage
  from sentence to sentence); without one it dates nothing;
- an act told in a clause that follows an interval ("two days after police raided the embassy",
  `Clauses.shifted`) happened that interval away from the sentence's own date (or the publication date).
Only regular expressions run here (no date parser): it is called for every event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from eventwire.ingest.pubdate import DATE, MONTH, MONTHS, parse_date_text
from eventwire.records import EventDate

_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_YEAR_SLACK = dt.timedelta(days=15)

_RELATIVE = re.compile(
    r"\b(?=[0-9adefilmnopstwy])(?:"
    r"(?P<day>yesterday|last night|tomorrow|today|tonight|this (?:morning|afternoon|evening)"
    r"|(?:earlier|later) today|overnight)"
    r"|(?P<ago>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<ago_unit>day|week|month|year)s?\s+ago"
    r"|(?P<weekend>(?:over|at|during|on) the weekend|(?:this|last|past|next) weekend)"
    r"|(?:(?:earlier|later|late|early)\s+)?(?P<period_which>last|this|next|past)\s+(?P<period>week|month|year)"
    r"|(?:(?P<weekday_which>last|this|next|past|on)\s+)?"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r")\b"
)  # matched against the lower-cased sentence: much faster than IGNORECASE
_RELATIVE_HINT = re.compile(r"day|night|tomorrow|week|month|year|ago\b|overnight|morning|afternoon|evening"
                            r"|later|earlier")
_EXPLICIT_HINT = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# "in March", "In 2019," at the start of a sentence, "in mid-March".
_PERIOD_PREFIX = r"(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Ii]n early|[Ii]n late|[Ii]n mid-?)"
# Month names only with a capital ("May" the month, not "may" the verb).
_EXPLICIT = re.compile(
    rf"\b(?:(?:on|of)\s+)?(?P<date>{DATE})(?!\d)"
    rf"|\b{_PERIOD_PREFIX}\s*(?P<month>{MONTH})"
    rf"(?:\s+(?P<month_year>\d{{4}}))?(?![\w-])"
    rf"|\b{_PERIOD_PREFIX}\s*(?P<year>(?:19|20)\d\d)(?![\w-])"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|due to|plans? to|planning to|scheduled|expected to|set to|going to)\b"
    r"|'ll\b"
)  # matched against the lower-cased sentence
_NO_PUBLICATION_DATE = "no publication date"
_COUNT = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_DAY_PART = r"day|morning|afternoon|evening|night"
# Dates told against the day the story told last ("the same day", "hours later", "two days earlier"):
# the days they count from it (a sign for later or earlier, with a count of days or weeks).
_ANAPHOR = re.compile(
    rf"\b(?:(?:later|earlier)\s+)?(?:the\s+same|that(?:\s+same)?)\s+(?P<same>{_DAY_PART})\b"
    rf"|\b(?:hours|minutes)\s+(?P<hours>later|earlier)\b"
    rf"|\b(?:the\s+)?(?:next|following)\s+(?P<next>{_DAY_PART})\b"
    rf"|\bthe\s+(?:previous|preceding)\s+(?P<previous>day|night)\b"
    rf"|\b(?P<count>{_COUNT})\s+(?P<unit>day|week)s?\s+(?P<way>later|earlier)\b"
)  # matched against the lower-cased sentence
# The interval before a clause told against the sentence's date: "two days after", "hours before".
INTERVAL = re.compile(rf"(?:\b(?P<count>{_COUNT})\s+(?P<unit>day|week)s?|\b(?:hours|minutes))\s*$",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Clauses:
    """What the parse says about where a sentence's date expressions belong (character spans of the
    sentence, found by the events stage: this module runs no parser)."""

    apart: tuple[tuple[int, int, str], ...] = ()  # (start, end, what it is): a clause of another act
    past: tuple[tuple[int, int, str], ...] = ()  # (start, end, verb): words told with a past-tense verb
    # (start, end, days, interval): a clause after an interval ("two days after ..."), whose act lies
    # `days` from the sentence's own date (-2 there)
    shifted: tuple[tuple[int, int, int, str], ...] = ()


@dataclass(frozen=True)
class _Expression:
    start: int
    end: int
    match: re.Match
    text: str  # as written in the sentence

    def distance(self, offset: int) -> int:
        if self.start <= offset < self.end:
            return 0
        return self.start - offset if offset < self.start else offset - self.end + 1


def resolve_event_date(sentence_text: str, trigger_offset: int, publication_date: dt.date | None,
                       past: bool = False, clauses: Clauses = Clauses(),
                       anchor: EventDate | None = None) -> tuple[EventDate, str]:
    """The event's date and the reason for it.

    `trigger_offset` is the trigger's offset in `sentence_text`. The date expression nearest
    the trigger wins; without one, the publication date stands in (granularity "day").
    `past` says the event is told in the past tense ("assured ... on Thursday"): its weekday is
    then never read forward, whatever future the rest of the sentence speaks of. `clauses` says
    which expressions date another act (`Clauses.apart`), a past-tense verb (`Clauses.past`) or a
    clause after an interval (`Clauses.shifted`). `anchor` is the day the story told last before the
    sentence, from which "the same day" or "two days later" count.
    """
    shift = min((s for s in clauses.shifted if s[0] <= trigger_offset < s[1]),
                key=lambda s: s[1] - s[0], default=None)
    if shift is not None and not _tells_a_date(sentence_text, shift):
        return _shifted(sentence_text, shift, publication_date, past, clauses, anchor)
    apart = clauses.apart + tuple((start, end, f"the clause after {interval!r}")
                                  for start, end, _, interval in clauses.shifted)
    if shift is not None:  # "a week after Chile arrested a consul on Friday": the clause's own date
        outside = f"the sentence outside the clause after {shift[3]!r}"
        apart += ((0, shift[0], outside), (shift[1], len(sentence_text), outside))
    expression, set_apart = _nearest_expression(sentence_text, trigger_offset, apart, _day_of(anchor))
    if expression is None:
        if publication_date is None:
            return EventDate(), "no date in the sentence and no publication date"
        reason = f"no date in the sentence{set_apart}: publication date"
        return EventDate(publication_date, None, "day"), reason
    speaks_of_future = not past and bool(_FUTURE.search(_lower_same_length(sentence_text)))
    told_with = _span_holding(expression, clauses.past)
    future = speaks_of_future and told_with is None
    resolver = _resolve_explicit if expression.match.re is _EXPLICIT else _resolve_relative
    try:
        if expression.match.re is _ANAPHOR:
            told = _told_before(sentence_text, expression, publication_date) or anchor
            value, granularity, detail = _resolve_anaphor(expression.match, _day_of(told) or _day_of(anchor))
        else:
            value, granularity, detail = resolver(expression.match, publication_date, future)
    except (OverflowError, ValueError):  # e.g. "the day after" 9999-12-31
        value, granularity, detail = None, None, "it falls outside the calendar (years 1 to 9999)"
    text = expression.text
    if value is None:
        return EventDate(None, text, None), f"date {text!r} left unresolved: {detail}"
    if speaks_of_future and told_with is not None:
        detail += f", told with the past-tense {told_with[2]!r}"
    reason = f"date {text!r} = {value.isoformat()} ({granularity}): {detail}{set_apart}"
    return EventDate(value, text, granularity), reason


def told_date(sentence_text: str, publication_date: dt.date | None,
              anchor: EventDate | None = None) -> EventDate:
    """The date a sentence tells first outside quoted words (read as past), or no date: where the story
    stands after it ("The rebels seized the town on Sunday. ...")."""
    date, _ = resolve_event_date(sentence_text, -1, publication_date, past=True, anchor=anchor)
    return date if date.text is not None else EventDate()


def _told_before(sentence: str, expression: _Expression, publication: dt.date | None) -> EventDate | None:
    """The day told earlier in the sentence itself ("arrested on Friday and freed the same day")."""
    date, _ = resolve_event_date(sentence[:expression.start], expression.start, publication, past=True)
    return date if date.text is not None and date.granularity == "day" else None


def _day_of(anchor: EventDate | None) -> dt.date | None:
    """The anchor's day, when it is one: "the same day" after "last week" is no day in particular."""
    if anchor is None or anchor.granularity != "day":
        return None
    return anchor.value


def _tells_a_date(sentence: str, span: tuple[int, int, int, str]) -> bool:
    return any(span[0] <= e.start and e.end <= span[1] for e in _expressions(sentence)[1])


def _shifted(sentence: str, shift: tuple[int, int, int, str], publication: dt.date | None, past: bool,
             clauses: Clauses, anchor: EventDate | None) -> tuple[EventDate, str]:
    """ "left on Sunday, two days after police raided the embassy": the raid is two days before Sunday,
    the date of the sentence outside the clause (its words nearest the interval)."""
    start, end, days, interval = shift
    rest = Clauses(clauses.apart + ((start, end, "the clause itself"),), clauses.past)
    told, reason = resolve_event_date(sentence, start, publication, past, rest, anchor)
    if told.value is None:
        return EventDate(None, interval, None), f"date {interval!r} left unresolved: {reason}"
    value = told.value + dt.timedelta(days=days)
    return (EventDate(value, interval, told.granularity),
            f"date {interval!r} = {value.isoformat()}: {-days if days < 0 else days} day(s) "
            f"{'before' if days < 0 else 'after'} the sentence's own date ({reason})")


def interval_days(words: str, after: bool) -> int | None:
    """The days an act told after `words` ("two days", "a week", "hours") and then "after" (or "before")
    lies from the sentence's date: -2 for "two days after"; None when the words tell no interval."""
    match = INTERVAL.search(words)
    if match is None:
        return None
    count = match.group("count")
    days = 0 if count is None else (_NUMBERS.get(count.lower()) or int(count)) * (
        7 if match.group("unit").lower() == "week" else 1)
    return -days if after else days


def _resolve_anaphor(match: re.Match, anchor: dt.date | None):
    groups = match.groupdict()
    if groups["same"] or groups["hours"]:
        days = 0
    elif groups["next"] or groups["previous"]:
        days = 1 if groups["next"] else -1
    else:
        count = _NUMBERS.get(groups["count"]) or int(groups["count"])
        days = count * (7 if groups["unit"] == "week" else 1) * (1 if groups["way"] == "later" else -1)
    told = f"the day told before ({anchor.isoformat()})"
    if days == 0:
        return anchor, "day", f"the same day as {told}"
    way = "after" if days > 0 else "before"
    return anchor + dt.timedelta(days=days), "day", f"{abs(days)} day(s) {way} {told}"


def _nearest_expression(sentence: str, offset: int, apart: tuple[tuple[int, int, str], ...] = (),
                        anchor: dt.date | None = None) -> tuple[_Expression | None, str]:
    """The expression nearest the trigger at `offset`, and a note on the expressions set apart in a
    clause of another act (empty when none was). Without an `anchor` to count from, "the same day"
    and the like date nothing."""
    explicit, found = _expressions(sentence)
    found = [e for e in found
             if not _BOUND.search(sentence[:e.start]) and not _dates_another_noun(e, sentence, offset)
             and (e.match.re is not _ANAPHOR or _counts_for(e, sentence, offset, anchor))]
    apart = apart + _quotations(sentence)
    elsewhere = [(e, clause) for e in found
                 if (clause := _span_holding(e, apart)) is not None and not clause[0] <= offset < clause[1]]
    found = [e for e in found if all(e is not other for other, _ in elsewhere)]
    set_apart = "".join(f"; {e.text!r} dates {clause[2]}, not this event" for e, clause in elsewhere)
    if not found:
        return None, set_apart
    nearest = min(found, key=lambda e: (e.distance(offset), e.start))
    # "on Friday, March 3": the calendar date right after a weekday is the more precise.
    if nearest.match.re is _RELATIVE and nearest.match.group("weekday"):
        following = [e for e in explicit if 0 <= e.start - nearest.end <= 2]
        if following:
            return following[0], set_apart
    # "accused Chile on Saturday of shelling the post overnight": the night into the day the sentence
    # tells, not the publication day's
    if nearest.match.re is _RELATIVE and nearest.match.group("day") == "overnight":
        days = [e for e in found if _names_a_day(e)]
        if days:
            return min(days, key=lambda e: (e.distance(offset), e.start)), set_apart
    return nearest, set_apart


# "India blamed Pakistan, and two days later it raised duties": the step opens the clause after "and".
_NEXT_CLAUSE = re.compile(r"\b(?:and|but|then)\s*$", re.IGNORECASE)


def _counts_for(anaphor: _Expression, sentence: str, offset: int, anchor: dt.date | None) -> bool:
    """A date told against the story dates the trigger: there is a day to count from, and the trigger
    is not in the clause before the "and" that opens the step ("..., and two days later ...")."""
    if anchor is None:
        return False
    return offset >= anaphor.start or not _NEXT_CLAUSE.search(sentence, 0, anaphor.start)


def _names_a_day(expression: _Expression) -> bool:
    """A weekday or a calendar date: "on Saturday", "March 2"."""
    group = "weekday" if expression.match.re is _RELATIVE else "date"
    return expression.match.re is not _ANAPHOR and bool(expression.match.group(group))


# A quotation: what is quoted is dated within it ('"We struck them on Friday," the general said').
_QUOTATION = re.compile(r'"[^"]+"|\u201c[^\u201d]+\u201d')


@lru_cache(maxsize=8)
def _quotations(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """The sentence's quoted passages: a date inside one dates only the quoted act."""
    if '"' not in sentence and "\u201c" not in sentence:
        return ()
    return tuple((m.start(), m.end(), "the quoted words") for m in _QUOTATION.finditer(sentence))


def _span_holding(expression: _Expression,
                  spans: tuple[tuple[int, int, str], ...]) -> tuple[int, int, str] | None:
    """The narrowest of `spans` that holds the whole expression."""
    holding = [s for s in spans if s[0] <= expression.start and expression.end <= s[1]]
    return min(holding, key=lambda s: s[1] - s[0], default=None)


# "fighting since April 2023", "before the election in November", "by the end of the year": a
# bound of a period or a deadline, not the day of the event.
_BOUND = re.compile(r"(?:\b(?:since|until|till|before|ahead of)\s+(?:the\s+)?(?:\w+\s+){0,3}"
                    r"(?:in\s+|on\s+|of\s+)?|\bby\s+(?:the\s+(?:end|start|middle)\s+of\s+)?)$", re.IGNORECASE)


# The possessive of a date expression ("Tuesday's attack", "last week's talks", "yesterday's vote").
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_WORD = re.compile(r"\S+")
_POSSESSED_WORDS = 3  # "Tuesday's deadly car bombing": the noun the date belongs to, within a few words
_PHRASE_ENDS = ",;:)"
# "at Friday's meeting, the ministers agreed": the occasion the event took place at dates it.
_OCCASION = re.compile(r"\b(?:at|during|on)\s+(?:the\s+)?$", re.IGNORECASE)


def _dates_another_noun(expression: _Expression, sentence: str, offset: int) -> bool:
    """A possessive date dates the noun it modifies ("Tuesday's attack"), not a trigger elsewhere in the
    sentence: the minister who "repeated that Tuesday's attack had been plotted in exile" spoke
    on a day of his own. One told as happening at the occasion ("at Friday's meeting") dates it too."""
    end = expression.end
    if _OCCASION.search(sentence, 0, expression.start):
        return False
    if not expression.text.lower().endswith(("'s", "\u2019s")):
        following = _POSSESSIVE.match(sentence, end)
        if following is None:
            return False
        end = following.end()
    possessed_end = end
    for word in islice(_WORD.finditer(sentence, end), _POSSESSED_WORDS):
        possessed_end = word.end()
        if word.group()[-1] in _PHRASE_ENDS:
            break  # "next year's election, says": the noun phrase ends at the comma
    return not end <= offset < possessed_end


@lru_cache(maxsize=8)
def _expressions(sentence: str) -> tuple[list[_Expression], list[_Expression]]:
    """The sentence's explicit dates, and all its date expressions: found once for all its events."""
    explicit = []
    if _EXPLICIT_HINT.search(sentence):
        explicit = [_expression(m, sentence) for m in _EXPLICIT.finditer(sentence)]
    relative = []
    lowered = _lower_same_length(sentence)
    if _RELATIVE_HINT.search(lowered):
        relative = [_expression(m, sentence) for m in _RELATIVE.finditer(lowered)]
        relative += [_expression(m, sentence) for m in _ANAPHOR.finditer(lowered)]
    return explicit, explicit + [r for r in relative if not any(_overlap(r, e) for e in explicit)]


def _expression(match: re.Match, sentence: str) -> _Expression:
    return _Expression(match.start(), match.end(), match, sentence[match.start():match.end()].strip())


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _overlap(a: _Expression, b: _Expression) -> bool:
    return a.start < b.end and b.start < a.end


def _resolve_explicit(match: re.Match, publication: dt.date | None, future: bool):
    if match.group("year"):
        return dt.date(int(match.group("year")), 1, 1), "year", "the year named"
    if match.group("month"):
        month = MONTHS[match.group("month").rstrip(".").lower()]
        if match.group("month_year"):
            return dt.date(int(match.group("month_year")), month, 1), "month", "the month named"
        if publication is None:
            return None, None, f"a month without a year and {_NO_PUBLICATION_DATE}"
        value = _month_in_context(month, publication, future)
        return value, "month", f"the month named, its year from {_pub(publication)}"
    date = parse_date_text(match.group("date"))
    if date is None:
        return None, None, "not a valid calendar date"
    if date.year is not None:
        complete = date.complete()
        return complete, "day", "the date named"
    if publication is None:
        return None, None, f"a date without a year and {_NO_PUBLICATION_DATE}"
    value = _day_in_context(date.month, date.day, publication, future)
    if value is None:
        return None, None, "no such day in the years around the publication date"
    return value, "day", f"the date named, its year from {_pub(publication)}"


def _month_in_context(month: int, publication: dt.date, future: bool) -> dt.date:
    year = publication.year
    if not future and month > publication.month:
        year -= 1
    elif future and month < publication.month:
        year += 1
    return dt.date(year, month, 1)


def _day_in_context(month: int, day: int, publication: dt.date, future: bool) -> dt.date | None:
    for year in (publication.year, publication.year - 1, publication.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if future and candidate >= publication - _YEAR_SLACK:
            return candidate
        if not future and candidate <= publication + _YEAR_SLACK:
            return candidate
    return None


def _resolve_relative(match: re.Match, publication: dt.date | None, future: bool):
    if publication is None:
        return None, None, f"a relative date and {_NO_PUBLICATION_DATE}"
    groups = match.groupdict()  # lower case: the match ran on the lower-cased sentence
    if groups["day"]:
        return _relative_day(groups["day"], publication)
    if groups["ago"]:
        return _ago(_NUMBERS.get(groups["ago"]) or int(groups["ago"]), groups["ago_unit"], publication)
    if groups["weekend"]:
        return _weekend(groups["weekend"], publication, future)
    if groups["period"]:
        return _period(groups["period_which"], groups["period"], publication)
    return _weekday(_WEEKDAYS[groups["weekday"]], groups["weekday_which"] or "", publication, future)


def _relative_day(words: str, publication: dt.date):
    if words in ("yesterday", "last night"):
        return publication - dt.timedelta(days=1), "day", f"the day before {_pub(publication)}"
    if words == "tomorrow":
        return publication + dt.timedelta(days=1), "day", f"the day after {_pub(publication)}"
    return publication, "day", f"the day of {_pub(publication)}"  # today, tonight, overnight, ...


def _ago(count: int, unit: str, publication: dt.date):
    before = f"{count} {unit}(s) before {_pub(publication)}"
    if unit == "day":
        return publication - dt.timedelta(days=count), "day", before
    if unit == "week":
        return _monday(publication - dt.timedelta(weeks=count)), "week", f"the week {before}, by its Monday"
    if unit == "month":
        return _add_months(publication, -count), "month", f"the month {before}"
    return dt.date(publication.year - count, 1, 1), "year", f"the year {before}"


def _weekend(words: str, publication: dt.date, future: bool):
    if words.startswith("next") or (future and not words.startswith(("last", "past"))):
        coming = publication + dt.timedelta(days=(5 - publication.weekday()) % 7)
        return coming, "week", f"the first weekend after {_pub(publication)}, by its Saturday"
    saturday = publication - dt.timedelta(days=(publication.weekday() - 5) % 7)
    if words.startswith(("last", "past")) and publication.weekday() >= 5:
        saturday -= dt.timedelta(weeks=1)
    return saturday, "week", f"the latest weekend before {_pub(publication)}, by its Saturday"


def _period(which: str, period: str, publication: dt.date):
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if period == "week":
        monday = _monday(publication) + dt.timedelta(weeks=step)
        return monday, "week", f"{which} week from {_pub(publication)}, by its Monday"
    if period == "month":
        return _add_months(publication, step), "month", f"{which} month from {_pub(publication)}"
    return dt.date(publication.year + step, 1, 1), "year", f"{which} year from {_pub(publication)}"


def _weekday(weekday: int, which: str, publication: dt.date, future: bool):
    days_back = (publication.weekday() - weekday) % 7
    days_ahead = (weekday - publication.weekday()) % 7
    name = f"the {list(_WEEKDAYS)[weekday].capitalize()}"
    if which in ("last", "past"):
        return publication - dt.timedelta(days=days_back or 7), "day", f"{name} before {_pub(publication)}"
    if which == "next":
        return publication + dt.timedelta(days=days_ahead or 7), "day", f"{name} after {_pub(publication)}"
    if future:
        return (publication + dt.timedelta(days=days_ahead), "day",
                f"{name} on or after {_pub(publication)} (the sentence speaks of the future)")
    return publication - dt.timedelta(days=days_back), "day", f"{name} on or before {_pub(publication)}"


def _pub(publication: dt.date) -> str:
    return f"the publication date {publication.isoformat()}"


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` away from `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
