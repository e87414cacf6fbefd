"""The date reader: every date is a claim; what it dates comes from the parse (the frame)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.extract import extract, extract_article
from checker.extract.attribution import find_attributions, source_for
from checker.extract.context import ArticleContext
from checker.extract.dates import find_dates
from checker.extract.people import find_people
from checker.load import load
from checker.models import DateClaim, Granularity, Sentence

PUBLISHED = dt.date(2026, 2, 20)


def _dates(text: str) -> list[DateClaim]:
    """Run the extractors in pipeline order, as `checker.extract` does, without the parse."""
    context = ArticleContext(path="a.md", published=PUBLISHED)
    sentence = Sentence(text=text, line=1, column=1, paragraph=0, index=0)
    find_people(sentence, context)
    attributions = find_attributions(sentence, context)
    return find_dates(sentence, context, source_for(sentence, attributions, context))


def _framed(text: str) -> list[DateClaim]:
    return [c for c in extract(text, PUBLISHED) if isinstance(c, DateClaim)]


def test_every_date_is_a_claim() -> None:
    claims = _dates("Prices rose in March, and the bridge opened on 4 May 2021.")
    assert [(c.date, c.granularity, c.surface) for c in claims] == [
        (dt.date(2025, 3, 1), Granularity.MONTH, "March"),
        (dt.date(2021, 5, 4), Granularity.DAY, "4 May 2021"),
    ]


def test_what_a_date_dates_comes_from_the_parse() -> None:
    claims = _framed("Ada Lovelace was born in 1815 in London.\n\nShe died in 1852.")
    assert [(c.date.year, c.frame and c.frame.predicate) for c in claims] == [
        (1815, "bear"),
        (1852, "die"),
    ]
    assert all(c.frame is not None and c.frame.anchor[0] == "Ada Lovelace" for c in claims)
    [signed] = _framed("Reuters reported that the treaty was signed in March 2019.")
    assert signed.frame is not None and signed.frame.predicate == "sign"
    assert signed.source == "Reuters"


def test_life_dates_in_brackets() -> None:
    claims = _dates("Ada Lovelace (10 December 1815 – 27 November 1852) wrote the first program.")
    assert [(c.event, c.date, c.participants) for c in claims] == [
        ("born", dt.date(1815, 12, 10), ("Ada Lovelace",)),
        ("died", dt.date(1852, 11, 27), ("Ada Lovelace",)),
    ]
    years = _dates("Nikola Tesla (1856–1943) was an inventor.")
    assert [(c.event, c.date.year) for c in years] == [("born", 1856), ("died", 1943)]


def test_life_dates_with_letters_for_born_and_died() -> None:
    [born] = _dates("Eda Lorn (b. 1950) is a poet.")
    assert (born.event, born.date.year, born.participants) == ("born", 1950, ("Eda Lorn",))
    both = _dates("Tomas Brell (b. 1901, d. 1977) was a composer.")
    assert [(c.event, c.date.year) for c in both] == [("born", 1901), ("died", 1977)]
    [died] = _dates("Ada Renn (d. 1911) was a clockmaker.")
    assert (died.event, died.date.year) == ("died", 1911)


def test_life_dates_after_a_name_in_another_latin_alphabet() -> None:
    claims = [c for c in extract("Ömer Çelik (1961–2020) was a poet.") if isinstance(c, DateClaim)]
    assert {(c.event, c.participants) for c in claims} == {
        ("born", ("Ömer Çelik",)),
        ("died", ("Ömer Çelik",)),
    }


def test_future_event_is_planned() -> None:
    [claim] = _dates("The spring draft is set to begin on April 1.")
    assert claim.relation == "planned"


def test_source_is_carried() -> None:
    [claim] = _dates("Reuters reported that the treaty was signed in March 2019.")
    assert claim.source == "Reuters"


def test_corpus_decree_and_mobilization_are_read(seeds_dated: Path) -> None:
    articles = {Path(a.path).name[:3]: a for a in load([seeds_dated]).articles}
    decree = [
        c
        for c in extract_article(articles["001"])
        if isinstance(c, DateClaim) and c.date == dt.date(2025, 12, 8)
    ]
    assert decree and all(c.frame is not None for c in decree)
    for stem in ("000", "002", "003"):
        dates = [c for c in extract_article(articles[stem]) if isinstance(c, DateClaim)]
        assert any(d.date == dt.date(2022, 9, 1) for d in dates), stem


def test_corpus_citation_dates_date_no_event(seeds_dated: Path) -> None:
    for article in load([seeds_dated]).articles:
        for claim in extract_article(article):
            # a citation's date is a claim (every date is), but it dates what was said
            if isinstance(claim, DateClaim) and "according to" in claim.text[: claim.value_span[0]]:
                assert claim.frame is None or not claim.frame.predicate, claim.text
