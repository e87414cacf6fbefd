"""A figure takes the period of the date its parse ties to it, and of no other."""

from __future__ import annotations

import datetime as dt

from checker.extract import extract
from checker.models import Figure


def _figure(text: str, published: dt.date | None = None) -> Figure:
    return next(c for c in extract(text, published) if isinstance(c, Figure))


def test_a_year_opening_the_sentence_is_the_figures_period() -> None:
    figure = _figure("In 2019, Ostrava Rail had revenues of €4.8 billion.")
    assert (figure.period_start, figure.period_end) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_a_day_is_a_days_period() -> None:
    figure = _figure("On 3 May 2021, the Varsak dockworkers' union signed up 1,200 new members.")
    assert (figure.period_start, figure.period_end) == (dt.date(2021, 5, 3), dt.date(2021, 5, 3))


def test_the_date_of_saying_is_not_the_period() -> None:
    figure = _figure(
        "The storm killed 21 people in Arden, police said on Monday.", dt.date(2024, 3, 5)
    )
    assert figure.period_start is None and figure.as_of == dt.date(2024, 3, 4)


def test_a_dated_story_leaves_a_background_year_to_the_figure_reader() -> None:
    text = "In 2004 an undersea quake raised a wave that drowned 170,000 people along the coast."
    figure = _figure(text, dt.date(2009, 9, 30))
    assert figure.period_start is None


def _figures(text: str, published: dt.date | None) -> list[Figure]:
    return [c for c in extract(text, published) if isinstance(c, Figure)]


def test_a_figure_keeps_the_day_of_the_event_its_paragraph_opens_with() -> None:
    text = "The Harlow Hawks beat the Delm Foxes on Sunday. Ivo Lind scored 31 points."
    (figure,) = _figures(text, dt.date(2013, 3, 4))
    assert figure.occasion == dt.date(2013, 3, 3)
    assert figure.period_start is None  # an occasion is no period: a toll grows after its day


def test_a_day_of_saying_is_no_occasion() -> None:
    text = "Police said on Monday that the search would go on. Rescuers found 12 survivors."
    (figure,) = _figures(text, dt.date(2013, 3, 5))
    assert figure.occasion is None


def test_a_figure_whose_sentence_is_dated_takes_no_occasion() -> None:
    text = "The Hawks beat the Foxes on Sunday. In March 2012 Ivo Lind scored 40 points."
    figures = _figures(text, dt.date(2013, 3, 4))
    assert [f.occasion for f in figures] == [None]


def test_a_census_that_names_its_year_dates_the_sentences_figure() -> None:
    figure = _figure("According to the 2011 census, Delm had a population of 8,402.")
    assert (figure.period_start, figure.period_end) == (dt.date(2011, 1, 1), dt.date(2011, 12, 31))


def test_a_year_between_two_figures_is_the_one_befores() -> None:
    text = "The population rose from 7,900 in 2001 to 8,402 at the 2011 census."
    first, second = _figures(text, None)  # an encyclopedia's article has no date
    assert first.period_start == dt.date(2001, 1, 1)
    assert second.period_start == dt.date(2011, 1, 1)


def test_the_year_of_another_event_gives_way_to_the_figures_own() -> None:
    figure = _figure("Founded in 1851, Delm University had 21,000 students in 2020.")
    assert figure.period_start == dt.date(2020, 1, 1), figure
    # a year the parse ties to the figure's own clause stays its period
    figure = _figure("In 2019, Ostrava Rail, founded in 1851, had revenues of €4.8 billion.")
    assert figure.period_start == dt.date(2019, 1, 1), figure
