import datetime as dt
import time

import pytest

from eventwire.dates import Clauses, interval_days, resolve_event_date, told_date
from eventwire.records import EventDate

D = dt.date
MONDAY = D(2024, 3, 11)  # the publication date of most cases


def _resolve(sentence, trigger_word, publication=MONDAY):
    return resolve_event_date(sentence, sentence.index(trigger_word), publication)


@pytest.mark.parametrize(("sentence", "trigger", "value", "text", "granularity"), [
    ("Israeli jets struck Gaza on Friday.", "struck", D(2024, 3, 8), "on Friday", "day"),
    ("He said on Monday that troops attacked.", "said", MONDAY, "on Monday", "day"),
    ("Protesters marched last Monday.", "marched", D(2024, 3, 4), "last Monday", "day"),
    ("The ministers will meet next Monday.", "meet", D(2024, 3, 18), "next Monday", "day"),
    ("The ministers will meet on Friday.", "meet", D(2024, 3, 15), "on Friday", "day"),
    ("They met yesterday in Cairo.", "met", D(2024, 3, 10), "yesterday", "day"),
    ("Police arrested him today.", "arrested", MONDAY, "today", "day"),
    ("Russia attacked Kyiv overnight.", "attacked", MONDAY, "overnight", "day"),
    ("The talks collapsed last week.", "collapsed", D(2024, 3, 4), "last week", "week"),
    ("Fighting resumed this week.", "Fighting", MONDAY, "this week", "week"),
    ("Protests erupted over the weekend.", "erupted", D(2024, 3, 9), "over the weekend", "week"),
    ("The army withdrew last month.", "withdrew", D(2024, 2, 1), "last month", "month"),
    ("Police arrested dozens earlier this month.", "arrested", D(2024, 3, 1), "earlier this month", "month"),
    ("The two countries signed a deal last year.", "signed", D(2023, 1, 1), "last year", "year"),
    ("Two weeks ago, rebels seized the town.", "seized", D(2024, 2, 26), "Two weeks ago", "week"),
    ("The deal was signed on March 3.", "signed", D(2024, 3, 3), "on March 3", "day"),
    ("The deal was signed on 3 March 2024.", "signed", D(2024, 3, 3), "on 3 March 2024", "day"),
    ("The vote was held on 2024-03-03.", "vote", D(2024, 3, 3), "on 2024-03-03", "day"),
    ("Fighting broke out in 2019.", "Fighting", D(2019, 1, 1), "in 2019", "year"),
    ("Kim warned in May that he would respond.", "warned", D(2023, 5, 1), "in May", "month"),
    ("The truce collapsed in December.", "collapsed", D(2023, 12, 1), "in December", "month"),
    ("Rebels attacked on Friday, March 1, the army said.", "attacked", D(2024, 3, 1), "March 1", "day"),
])
def test_expressions_are_resolved_against_the_publication_date(sentence, trigger, value, text, granularity):
    date, reason = _resolve(sentence, trigger)
    assert (date.value, date.text, date.granularity) == (value, text, granularity)
    assert reason.startswith(f"date {text!r} = {value.isoformat()} ({granularity}): ")


def test_a_weekday_on_that_weekday_is_the_day_itself():
    date, reason = _resolve("Police dispersed the crowd on Monday.", "dispersed")
    assert date.value == MONDAY
    assert reason == ("date 'on Monday' = 2024-03-11 (day): "
                      "the Monday on or before the publication date 2024-03-11")


def test_the_expression_nearest_the_trigger_wins():
    sentence = "After talks on Tuesday collapsed, the army shelled the city on Friday."
    assert _resolve(sentence, "shelled")[0].text == "on Friday"
    assert _resolve(sentence, "talks")[0].text == "on Tuesday"


@pytest.mark.parametrize("sentence", [
    "The minister repeated the charge that Friday's bombing in Porto was planned abroad.",
    "The minister repeated the charge that last week\u2019s raid was planned abroad.",
    "Police arrested four men over yesterday's blast near the port.",
])
def test_a_possessive_date_dates_its_own_noun_not_another_trigger(sentence):
    trigger = "arrested" if "arrested" in sentence else "repeated"
    date, reason = _resolve(sentence, trigger)
    assert (date.value, date.text) == (MONDAY, None), reason


def test_a_possessive_date_still_dates_the_noun_it_modifies():
    sentence = "The minister repeated the charge that Friday's bombing in Porto was planned abroad."
    assert _resolve(sentence, "bombing")[0].value == D(2024, 3, 8)
    assert _resolve("Police arrested four men over yesterday's blast.", "blast")[0].text == "yesterday"


def test_an_occasion_told_with_a_possessive_date_dates_the_event_at_it():
    sentence = "At Friday's summit in Lagos, the two leaders agreed to reopen the border."
    assert _resolve(sentence, "agreed")[0].value == D(2024, 3, 8)


def test_a_date_without_a_year_after_the_publication_date_is_last_year():
    assert _resolve("The deal was signed on December 20.", "signed")[0].value == D(2023, 12, 20)


def test_no_expression_gives_the_publication_date():
    date, reason = _resolve("Iran rejected the sanctions.", "rejected")
    assert (date.value, date.text, date.granularity) == (MONDAY, None, "day")
    assert reason == "no date in the sentence: publication date"


def test_may_the_verb_is_not_a_month():
    assert _resolve("Iran may respond in kind.", "respond")[0].text is None


def test_without_a_publication_date_relative_dates_stay_unresolved():
    date, reason = _resolve("Israeli jets struck Gaza on Friday.", "struck", publication=None)
    assert (date.value, date.text, date.granularity) == (None, "on Friday", None)
    assert reason == "date 'on Friday' left unresolved: a relative date and no publication date"
    date, reason = _resolve("The deal was signed on March 3.", "signed", publication=None)
    assert date.value is None and "without a year" in reason


def test_without_a_publication_date_full_dates_still_resolve():
    date, _ = _resolve("The deal was signed on March 3, 2024.", "signed", publication=None)
    assert (date.value, date.granularity) == (D(2024, 3, 3), "day")
    date, reason = _resolve("Iran rejected the sanctions.", "rejected", publication=None)
    assert date.value is None and reason == "no date in the sentence and no publication date"


def test_resolution_is_fast():
    sentence = ("Israeli jets struck targets in southern Lebanon on Friday after Hezbollah fired rockets "
                "at the north, the army said.")
    start = time.perf_counter()
    for _ in range(2000):
        resolve_event_date(sentence, 14, MONDAY)
    assert (time.perf_counter() - start) / 2000 < 0.001  # well under a millisecond per event


def test_a_possessive_date_s_noun_phrase_ends_at_a_comma():
    date, reason = _resolve("Peru, fearing next year's drought, warns farmers to save water.", "warns")
    assert (date.value, date.text) == (MONDAY, None), reason
    assert _resolve("Peru, fearing next year's drought, warns farmers.", "drought")[0].text == "next year"


def _clause(sentence, words, what="the clause on 'offer'"):
    start = sentence.index(words)
    return (start, start + len(words), what)


def test_a_date_in_a_clause_of_another_act_does_not_date_the_event():
    sentence = "Chile repeated the offer, which Peru turned down on Friday."
    clauses = Clauses(apart=(_clause(sentence, "which Peru turned down on Friday"),))
    date, reason = resolve_event_date(sentence, sentence.index("repeated"), MONDAY, clauses=clauses)
    assert (date.value, date.text) == (MONDAY, None)
    assert reason == ("no date in the sentence; 'on Friday' dates the clause on 'offer', not this event: "
                      "publication date")


def test_a_date_in_the_clause_of_the_event_itself_dates_it():
    sentence = "Chile repeated the offer, which Peru turned down on Friday."
    clauses = Clauses(apart=(_clause(sentence, "which Peru turned down on Friday"),))
    date, _ = resolve_event_date(sentence, sentence.index("turned"), MONDAY, clauses=clauses)
    assert date.value == D(2024, 3, 8)


def test_a_weekday_told_with_a_past_tense_verb_is_in_the_past_whatever_the_future_after_it():
    sentence = "Peru said Saturday that it will recall its envoy."
    trigger = sentence.index("recall")
    assert resolve_event_date(sentence, trigger, MONDAY)[0].value == D(2024, 3, 16)  # read forward
    clauses = Clauses(past=(_clause(sentence, "Saturday", "said"),))
    date, reason = resolve_event_date(sentence, trigger, MONDAY, clauses=clauses)
    assert date.value == D(2024, 3, 9)
    assert reason.endswith("told with the past-tense 'said'")


def test_a_date_in_quoted_words_dates_only_the_quoted_act():
    sentence = '"Our jets struck the depot on Friday," the Chilean general told reporters.'
    assert _resolve(sentence, "struck")[0].value == D(2024, 3, 8)
    date, reason = _resolve(sentence, "told")
    assert (date.value, date.text) == (MONDAY, None)
    assert "'on Friday' dates the quoted words, not this event" in reason
    outside = '\u201cWe do not yield,\u201d the minister said on Saturday.'
    assert _resolve(outside, "yield")[0].value == D(2024, 3, 9)  # the quoted act takes the telling's date


# --- dates told against the day the story told last ("the same day", "two days later") ---------------

FRIDAY_TOLD = EventDate(D(2024, 3, 8), "on Friday", "day")  # the day told before the sentence


@pytest.mark.parametrize(("sentence", "trigger", "value"), [
    ("The same day, Peru recalled its ambassador from Lima.", "recalled", D(2024, 3, 8)),
    ("Hours later, the militia freed the Nigerian hostages.", "freed", D(2024, 3, 8)),
    ("Two days later, Kenya closed its border crossing with Somalia.", "closed", D(2024, 3, 10)),
    ("Chile expelled the Bolivian consul the next day.", "expelled", D(2024, 3, 9)),
    ("A week earlier, Ghana had lodged a protest with Togo.", "lodged", D(2024, 3, 1)),
])
def test_a_date_told_against_the_story_counts_from_the_day_told_before(sentence, trigger, value):
    date, reason = resolve_event_date(sentence, sentence.index(trigger), MONDAY, anchor=FRIDAY_TOLD)
    assert (date.value, date.granularity) == (value, "day"), reason
    assert "the day told before (2024-03-08)" in reason


def test_without_a_day_told_before_the_same_day_dates_nothing():
    sentence = "The same day, Peru recalled its ambassador from Lima."
    date, _ = resolve_event_date(sentence, sentence.index("recalled"), MONDAY)
    assert (date.value, date.text) == (MONDAY, None)
    week = EventDate(D(2024, 3, 4), "last week", "week")  # no day in particular
    assert resolve_event_date(sentence, sentence.index("recalled"), MONDAY, anchor=week)[0].text is None


def test_the_same_day_after_a_date_of_its_own_sentence_counts_from_that_date():
    sentence = "Police arrested the mayor of Quito on Saturday and freed him the same day."
    date, _ = resolve_event_date(sentence, sentence.index("freed"), MONDAY, anchor=FRIDAY_TOLD)
    assert date.value == D(2024, 3, 9)


def test_the_date_a_sentence_tells_first_is_where_its_story_stands():
    assert told_date("Rebels seized the town on Sunday, a week after the talks failed last Monday.",
                     MONDAY) == EventDate(D(2024, 3, 10), "on Sunday", "day")
    assert told_date('"We struck them on Friday," the general said.', MONDAY) == EventDate()
    assert told_date("The army denied it.", MONDAY) == EventDate()


# --- a clause after an interval ("two days after ...") ------------------------------------------------

def _after(sentence, interval, days):
    start = sentence.index(interval)
    return Clauses(shifted=((start, len(sentence) - 1, days, interval),))


def test_an_act_told_after_an_interval_lies_that_interval_from_the_sentence_date():
    sentence = "Bolivia recalled its envoy on Saturday, two days after Chilean troops shelled a post."
    clauses = _after(sentence, "two days after", -2)
    date, reason = resolve_event_date(sentence, sentence.index("shelled"), MONDAY, clauses=clauses)
    assert (date.value, date.text) == (D(2024, 3, 7), "two days after"), reason
    recalled, _ = resolve_event_date(sentence, sentence.index("recalled"), MONDAY, clauses=clauses)
    assert recalled.value == D(2024, 3, 9)


def test_a_clause_after_an_interval_with_a_date_of_its_own_keeps_it():
    sentence = "Peru expelled the envoy on Saturday, a week after Chile arrested a consul on Thursday."
    clauses = _after(sentence, "a week after", -7)
    date, _ = resolve_event_date(sentence, sentence.index("arrested"), MONDAY, clauses=clauses)
    assert date.value == D(2024, 3, 7)


@pytest.mark.parametrize(("words", "after", "days"), [
    ("left on Sunday, two days", True, -2), ("A week", True, -7), ("protest, hours", True, 0),
    ("three weeks", False, 21), ("11 days", True, -11), ("left on Sunday, days", True, None),
    ("the talks", True, None),
])
def test_interval_days_reads_the_words_before_after_or_before(words, after, days):
    assert interval_days(words, after) == days


@pytest.mark.parametrize(("sentence", "trigger", "value"), [
    ("Peru accused Chile on Saturday of shelling a border post overnight.", "shelling", D(2024, 3, 9)),
    ("Rebels attacked the convoy overnight, the Malian army said on Friday.", "attacked", D(2024, 3, 8)),
    ("Overnight, drones struck two fuel depots, Kenyan officials said Sunday.", "struck", D(2024, 3, 10)),
    ("On March 2 the ministry said troops had repelled an assault overnight.", "repelled", D(2024, 3, 2)),
])
def test_overnight_in_a_sentence_that_names_a_day_is_the_night_into_it(sentence, trigger, value):
    assert _resolve(sentence, trigger)[0].value == value


@pytest.mark.parametrize("sentence", [
    "Rebels attacked the convoy overnight.",
    "Rebels attacked the convoy overnight, weeks after the talks collapsed last month.",
])
def test_overnight_alone_or_with_no_day_named_is_the_publication_day(sentence):
    assert _resolve(sentence, "attacked")[0].value == MONDAY


def test_a_step_told_after_and_dates_only_the_clause_it_opens():
    sentence = "Ghana blamed Togo for the raid, and two days later it closed the border."
    blamed, _ = resolve_event_date(sentence, sentence.index("blamed"), MONDAY, anchor=FRIDAY_TOLD)
    closed, _ = resolve_event_date(sentence, sentence.index("closed"), MONDAY, anchor=FRIDAY_TOLD)
    assert (blamed.value, blamed.text) == (MONDAY, None)
    assert closed.value == D(2024, 3, 10)
    after = "Chile expelled the Bolivian consul two days later."  # the step of the clause's own verb
    assert resolve_event_date(after, 6, MONDAY, anchor=FRIDAY_TOLD)[0].value == D(2024, 3, 10)
