from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.extract import extract, extract_article
from checker.extract.attribution import find_attributions, source_for
from checker.extract.context import ArticleContext
from checker.extract.dates import find_dates
from checker.extract.people import find_people
from checker.load import load
from checker.models import DateClaim, Granularity, Sentence

PUBLISHED = dt.date(2026, 2, 20)


def _context(topic: str | None = None, published: dt.date = PUBLISHED) -> ArticleContext:
    return ArticleContext(path="a.md", published=published, topic=topic)


def _all_dates(text: str, context: ArticleContext | None = None) -> list[DateClaim]:
    """Run the extractors in pipeline order, as `checker.extract` does."""
    context = context or _context()
    sentence = Sentence(text=text, line=1, column=1, paragraph=0, index=0)
    find_people(sentence, context)
    attributions = find_attributions(sentence, context)
    return find_dates(sentence, context, source_for(sentence, attributions, context))


def _dates(text: str, context: ArticleContext | None = None) -> list[DateClaim]:
    """The dates of events: every date is a claim, these are the ones an event word dates."""
    return [c for c in _all_dates(text, context) if c.event is not None]


def test_every_date_is_a_claim_with_or_without_an_event() -> None:
    claims = _all_dates("Prices rose in March, and the bridge opened on 4 May 2021.")
    assert [(c.date, c.granularity, c.event) for c in claims] == [
        (dt.date(2025, 3, 1), Granularity.MONTH, None),
        (dt.date(2021, 5, 4), Granularity.DAY, "bridge opened"),
    ]


def test_birth_date_with_the_person() -> None:
    [claim] = _dates("Ada Lovelace was born on 10 December 1815 in London.")
    assert (claim.event, claim.date, claim.granularity) == (
        "born",
        dt.date(1815, 12, 10),
        Granularity.DAY,
    )
    assert claim.participants == ("Ada Lovelace",)


def test_birth_year_and_pronoun() -> None:
    context = _context()
    _dates("Ada Lovelace was born in 1815.", context)
    [claim] = _dates("She died in 1852.", context)
    assert (claim.event, claim.date.year, claim.granularity) == ("died", 1852, Granularity.YEAR)
    assert claim.participants == ("Ada Lovelace",)


def test_life_dates_in_brackets() -> None:
    claims = _dates("Ada Lovelace (10 December 1815 – 27 November 1852) wrote the first program.")
    assert [(c.event, c.date) for c in claims] == [
        ("born", dt.date(1815, 12, 10)),
        ("died", dt.date(1852, 11, 27)),
    ]
    years = _dates("Nikola Tesla (1856–1943) was an inventor.")
    assert [(c.event, c.date.year) for c in years] == [("born", 1856), ("died", 1943)]


@pytest.mark.parametrize(
    ("text", "event", "participant"),
    [
        ("Spotify was founded in 2006 by two Swedes.", "founded", "Spotify"),
        ("The museum, established in 1764, holds three million items.", "founded", None),
        ("The Perfendan library was founded in 1875.", "library founded", "Perfendan"),
        ("Founded in 1945, the hospital of Perfendan is old.", "hospital founded", "Perfendan"),
        ("Nokia, founded in 1865, began as a paper mill.", "founded", "Nokia"),
        ("Russia invaded Ukraine in February 2022.", "invasion", "Russia"),
        ("The Golden Gate Bridge was opened in 1937.", "bridge opened", "Golden Gate Bridge"),
        ("Joe Biden took office on January 20, 2021.", "took office", "Joe Biden"),
        ("Angela Merkel was elected in 2005.", "elected", "Angela Merkel"),
    ],
)
def test_event_words(text: str, event: str, participant: str | None) -> None:
    [claim] = _dates(text)
    assert claim.event == event
    if participant:
        assert claim.participants[0] == participant


def test_mobilization_synonyms_share_one_key() -> None:
    context = _context(topic="Russia Weighs Another Call-Up", published=dt.date(2023, 3, 24))
    _dates("Russia has struggled to recruit.", context)
    a = _dates("The previous mobilization in September 2022 caused an exodus.", context)
    b = _dates("He has not repeated the September 2022 call-up of reservists.", context)
    c = _dates("In September, Putin shocked many by announcing the mobilization.", context)
    assert {x.event for x in a + b + c} == {"mobilization"}
    assert {(x.date, x.granularity) for x in a + b + c} == {
        (dt.date(2022, 9, 1), Granularity.MONTH)
    }
    assert all("Russia" in x.participants for x in a + b + c)


def test_decree_dated_takes_the_signer_from_earlier() -> None:
    context = _context(published=dt.date(2025, 12, 11))
    assert (
        _dates("Russian President Vladimir Putin has signed a decree on reservists.", context) == []
    )
    [claim] = _dates("The decree, dated December 8, was published online.", context)
    assert claim.event == "decree signed"
    assert claim.date == dt.date(2025, 12, 8)
    assert claim.relation == "dated"
    assert claim.participants[0] == "Vladimir Putin"


def test_agent_after_signed() -> None:
    context = _context()
    _dates("Russian President Vladimir Putin spoke on television.", context)
    [claim] = _dates("A law signed by Putin in December raised fines.", context)
    assert (claim.event, claim.date) == ("law signed", dt.date(2025, 12, 1))
    assert claim.participants[0] == "Vladimir Putin"


@pytest.mark.parametrize(
    "text",
    [
        # a citation date is the Attribution's, not an event's
        "Losses rose, according to Bloomberg on November 30.",
        # a figure period without an event word
        "Forces killed 35,000 soldiers in December.",
        "Only 78,000 remained on the front as of May 2025.",
        # a death toll is a figure, not a person's death
        "Officials said 9,000 more Russian soldiers died in January than joined.",
        # a superlative's interval
        "It is the largest conscription drive since 2011.",
        # hypothetical, denied, quoted
        "A potential new mobilization in 2026 is being prepared.",
        "Officials denied that any mobilization would happen in March.",
        'Peskov dismissed talk of a "second wave of mobilization" on March 15.',
        # a date that is far from the event word
        "Putin has signed a decree ordering 160,000 men to serve between April and July.",
        # a headline
        "Kremlin Launches 2026 Stage of Covert Mobilization",
    ],
)
def test_no_event_date(text: str) -> None:
    assert _dates(text) == []


def test_a_nearer_date_takes_the_event_word() -> None:
    claims = _dates("The Avon Ironworks was founded in 1868 and closed last year.")
    assert [(c.event, c.date.year) for c in claims] == [("founded", 1868)]


def test_reported_clause_has_its_own_subject() -> None:
    context = _context(topic="Harbor Institute Turns Twenty")
    [claim] = _dates("Reuters said the institute was established in 2006.", context)
    assert claim.event == "founded"
    assert "Reuters" not in claim.participants


def test_occupation_before_a_name_is_not_part_of_it() -> None:
    [claim] = _dates("Composer Lidia Orlova was born in 1931 in Odesa.")
    assert claim.participants == ("Lidia Orlova",)


def test_future_event_is_planned() -> None:
    [claim] = _dates("The spring draft is set to begin on April 1.")
    assert claim.event == "draft began"
    assert claim.relation == "planned"


def test_source_is_carried() -> None:
    [claim] = _dates("Reuters reported that the treaty was signed in March 2019.")
    assert claim.source == "Reuters"
    assert claim.event == "treaty signed"


def test_corpus_mobilization_is_one_event(seeds_dated: Path) -> None:
    articles = {Path(a.path).name[:3]: a for a in load([seeds_dated]).articles}
    for stem in ("000", "002", "003"):
        dates = [c for c in extract_article(articles[stem]) if isinstance(c, DateClaim)]
        matching = [d for d in dates if d.event == "mobilization" and d.date == dt.date(2022, 9, 1)]
        assert matching, (stem, [(d.event, d.date) for d in dates])
        assert all(d.granularity is Granularity.MONTH for d in matching)
    decree = [
        c
        for c in extract_article(articles["001"])
        if isinstance(c, DateClaim) and c.event == "decree signed"
    ]
    assert [(d.date, d.participants[0]) for d in decree] == [
        (dt.date(2025, 12, 8), "Vladimir Putin")
    ]


def test_corpus_citation_dates_are_not_events(seeds_dated: Path) -> None:
    for article in load([seeds_dated]).articles:
        for claim in extract_article(article):
            # a citation's date is a claim (every date is), but no event's
            if isinstance(claim, DateClaim) and claim.event is not None:
                assert "according to" not in claim.surface
                assert claim.date not in (dt.date(2025, 11, 30), dt.date(2026, 2, 19))


def test_agents_and_objects_are_participants() -> None:
    [founding] = _dates(
        "Acme Robotics was founded by Ana Ruiz, Ben Okafor and Chen Li in May 2011."
    )
    assert founding.date == dt.date(2011, 5, 1)
    assert founding.participants[:2] == ("Acme Robotics", "Ana Ruiz")
    assert "Chen Li" in founding.participants
    [launch] = _dates("The Vega Probe was launched into low Earth orbit in 1999.")
    assert launch.participants == ("Vega Probe",)


def test_birth_phrases_with_places_and_openers() -> None:
    context = _context()
    [einstein] = _dates(
        "Hans Keller was born in Ulm, in the Kingdom of Wurttemberg, on 14 March 1879.", context
    )
    assert (einstein.event, einstein.date) == ("born", dt.date(1879, 3, 14))
    [opener] = _dates("Born in 1867 in Warsaw, Irena Nowak moved to Paris in 1891.", context)
    assert (opener.event, opener.date.year, opener.participants) == ("born", 1867, ("Irena Nowak",))
    [later] = _dates("Nowak died in 1934.", context)
    assert later.participants == ("Irena Nowak",)


def test_headline_names_the_topic_when_metadata_has_no_title() -> None:
    context = _context(topic=None)
    sentences = [
        "Harbor City Opens Its Third Bridge Amid Delays",
        "Harbor City council approved the budget.",
        "The previous bridge opened in May 2019.",
    ]
    claims = [claim for text in sentences for claim in _dates(text, context)]
    [claim] = claims
    assert claim.event == "bridge opened"
    assert "Harbor" in claim.participants or "Harbor City" in claim.participants


def test_life_dates_after_a_name_in_another_latin_alphabet() -> None:
    claims = [c for c in extract("Ömer Çelik (1961–2020) was a poet.") if isinstance(c, DateClaim)]
    assert {(c.event, c.participants) for c in claims} == {
        ("born", ("Ömer Çelik",)),
        ("died", ("Ömer Çelik",)),
    }
