"""Event location on small fixture sentences, the shipped model, and its reproducible training."""

import pytest

from eventwire.records import Document, Sentence


@pytest.fixture(scope="module")
def locator(resources):
    return resources.locator


def _locate(nlp, locator, text: str, trigger: str, dateline: str | None = None, prefix: str = ""):
    doc_text = prefix + text
    doc = Document(id="d1", text=doc_text, original_text=doc_text, origin="test", dateline_place=dateline)
    sentence = Sentence(index=0, text=text, start=len(prefix), end=len(doc_text))
    parsed = nlp(text)
    trigger_index = next(t.i for t in parsed if t.text == trigger)
    return locator.locate(parsed, trigger_index, sentence, doc)


def test_place_attached_to_the_trigger_is_chosen(nlp, locator):
    location, reason = _locate(nlp, locator, "Netanyahu met Putin in Moscow on Monday.", "met")
    assert (location.text, location.country, location.geonameid) == ("Moscow", "RUS", 524901)
    assert location.lat == pytest.approx(55.75, abs=0.1)
    assert (location.admin1_code, location.precision) == ("RU.48", "city")
    assert "'Moscow'" in reason and "'met'" in reason and "524901" in reason


def test_the_event_place_not_another_place_in_the_sentence(nlp, locator):
    text = "Russian and Chinese leaders, who had flown in from Moscow, met in Beijing on Friday."
    location, _ = _locate(nlp, locator, text, "met")
    assert location.text == "Beijing" and location.country == "CHN"


def test_offsets_are_document_offsets(nlp, locator):
    prefix = "First sentence here. "
    text = "Gunmen killed two policemen in Gjilan on Sunday."
    location, _ = _locate(nlp, locator, text, "killed", prefix=prefix)
    assert location.country == "XKX"
    assert (prefix + text)[location.start:location.end] == "Gjilan"


def test_no_place_falls_back_to_the_dateline(nlp, locator):
    location, reason = _locate(nlp, locator, "The minister condemned the attack.", "condemned",
                               dateline="CAIRO")
    assert location.text == "CAIRO" and location.country == "EGY"
    # Cleaning removed the dateline from the text: there are no offsets to give.
    assert location.start is None and location.end is None
    assert location.precision == "dateline"
    assert "dateline" in reason


def test_a_us_city_has_its_state_and_a_state_is_its_own_admin1(nlp, locator):
    location, _ = _locate(nlp, locator, "Police arrested marchers in Chicago on Monday.", "arrested")
    assert (location.name, location.admin1, location.admin1_code, location.precision) == (
        "Chicago", "Illinois", "US.IL", "city")
    location, _ = _locate(nlp, locator, "Police arrested marchers in Texas on Monday.", "arrested")
    assert (location.admin1, location.admin1_code, location.precision) == ("Texas", "US.TX", "admin1")


def test_a_city_elsewhere_has_its_division_code_but_no_name_and_a_country_is_country_precise(nlp, locator):
    location, _ = _locate(nlp, locator, "Troops shelled the market in Aleppo on Monday.", "shelled")
    assert (location.admin1, location.admin1_code, location.precision) == (None, "SY.09", "city")
    location, _ = _locate(nlp, locator, "Troops shelled villages in Syria on Monday.", "shelled")
    assert (location.admin1, location.admin1_code, location.precision) == (None, None, "country")


def test_no_place_and_no_dateline_gives_none(nlp, locator):
    location, reason = _locate(nlp, locator, "The minister condemned the attack.", "condemned")
    assert location is None
    assert "no dateline" in reason


def test_model_file_loads(locator):
    assert len(locator.model.weights) > 100
    assert 0 < locator.model.threshold < 1


def test_training_leaves_out_every_gold_and_test_text(shared_dir, models_script):
    train = models_script("train_locator")
    records = train.read_location_records(shared_dir)
    gold_texts = {r.text for r in records if r.source == train.GOLD_SOURCE}
    training_texts = {r.text for r in train.training_records(shared_dir)}
    assert gold_texts and training_texts
    assert not training_texts & gold_texts  # by text: gold sentences also appear under other sources
    assert not training_texts & train.realnews_test_texts()


def test_training_is_reproducible(shared_dir, nlp, models_script):
    train = models_script("train_locator")
    training = train.training_records(shared_dir)[:300]
    parses = list(nlp.pipe(r.text for r in training))
    data = list(train.examples(training, parses))
    assert train.fit_locator(data) == train.fit_locator(data)


def test_gold_evaluation_scores_every_record(shared_dir):
    from eventwire.evaluate.locations import evaluate_locations

    report = evaluate_locations(shared_dir)
    assert report.records == 494
    assert report.right_places <= report.predicted and report.right_places <= report.gold_places
    assert "exact match" in report.table()


def test_candidate_text_and_head_are_those_of_their_span(nlp):
    """tokens_text and the one-word root give what spaCy's Span would, without making it."""
    from eventwire.places.candidates import Candidate, _root, tokens_text

    parsed = nlp("Rebels in the town of Nova Aldeia, near Port-Vila, said on Monday they had left.")
    for start in range(len(parsed)):
        for end in range(start + 1, min(len(parsed), start + 5) + 1):
            span = parsed[start:end]
            assert tokens_text(list(span)) == span.text
            assert _root(parsed, Candidate(start, end, span.text, "name", None)) == span.root


def test_an_abbreviated_month_is_no_place(nlp, locator):
    location, _ = _locate(nlp, locator, "The court on Jan. 14 ordered the schools to reopen.", "ordered")
    assert location is None or location.text != "Jan."
