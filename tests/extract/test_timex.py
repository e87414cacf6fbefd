from __future__ import annotations

import datetime as dt

import pytest

from checker.extract.timex import as_ranges, find_times
from checker.models import Granularity

PUBLISHED = dt.date(2025, 4, 1)


def _keys(text: str, published: dt.date | None = PUBLISHED) -> list[str]:
    return [span.text_key for span in find_times(text, published)]


def test_full_and_partial_dates() -> None:
    assert _keys("It happened on January 19, 2026.") == ["2026-01-19"]
    assert _keys("Born 7 November 1867.") == ["1867-11-07"]
    assert _keys("The mobilization in Sept. 2022 was partial.") == ["2022-09"]


def test_month_without_year_takes_the_nearest_past_year() -> None:
    assert _keys("Figures for December were high.", dt.date(2026, 1, 31)) == ["2025-12"]
    assert _keys("It was published on November 30.", dt.date(2026, 1, 31)) == ["2025-11-30"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # five weeks ahead: a coming date, not one eleven months past
        ("The panel wants him to testify before the committee on Feb. 10.", "2026-02-10"),
        ("Prices rose sharply on Feb. 10.", "2025-02-10"),  # a past verb just before it
        ("The sale must be completed by Feb. 20.", "2026-02-20"),  # a participle after "be"
        ("The court let her stay until March 1.", "2026-03-01"),
        # further ahead than two months, with no cue of the future: last year's
        ("The levy was raised on April 20.", "2025-04-20"),
        # next month is coming; the month after it is last year's
        ("The alliance admits the three states in February.", "2026-02"),
        ("The levy was raised in March.", "2025-03"),
    ],
)
def test_a_yearless_day_a_few_weeks_ahead_is_ahead(text: str, expected: str) -> None:
    assert _keys(text, dt.date(2026, 1, 6)) == [expected]


def test_next_month_is_ahead_across_the_new_year() -> None:
    assert _keys("The alliance admits the three states in January.", dt.date(2025, 12, 9)) == [
        "2026-01"
    ]


def test_sentence_initial_preposition_is_read() -> None:
    # "In December," opens many sentences; the preposition's capital must not hide the month.
    [span] = find_times("In December, the minister spoke.", dt.date(2023, 3, 24))
    assert (span.text_key, span.relation) == ("2022-12", "in")
    assert find_times("Since November, offices stay open.", dt.date(2026, 2, 20))[0].text_key == (
        "2025-11"
    )


def test_may_the_verb_is_no_month() -> None:
    assert _keys("Prices may 5 times rise.") == []


def test_ranges_and_relations() -> None:
    spans = find_times("The draft runs between April and July.", PUBLISHED)
    assert [s.text_key for s in spans] == ["2025-04", "2025-07"]
    assert spans[0].relation == "between"
    [season] = find_times("The 2013-14 season was long.")
    assert (season.start.year, season.end.year, season.granularity) == (
        2013,
        2014,
        Granularity.YEAR,
    )
    # a lifetime, both years in full: longer than a season, still one span
    [life] = find_times("Karel Ostrom (1850-1921) was a chemist.")
    assert (life.start.year, life.end.year) == (1850, 1921)
    assert find_times("The 1850-21 figures.") == []  # two digits: at most fifty years on


def test_relative_expressions() -> None:
    assert _keys("The war began 13 months ago.", dt.date(2023, 3, 24)) == ["2022-02"]
    assert _keys("Last year the law changed.") == ["2024"]


def test_numbers_are_not_years() -> None:
    assert _keys("They recruited 2,000 men and 1500.5 tonnes.") == []
    assert _keys("No dates here at all.") == []


def test_results_are_independent_copies() -> None:
    first = find_times("It happened in 2011.")
    first.clear()
    assert _keys("It happened in 2011.") == ["2011"]


def test_iso_dates_are_read() -> None:
    # An ISO date once stopped the whole article's extraction (its pattern has no month name).
    assert _keys("The decree was signed on 2020-05-01 in Kyiv.") == ["2020-05-01"]
    assert _keys("Filed 2024-02-30, a day that does not exist.") == []


def test_the_first_month_of_a_range_takes_the_year_it_ends_in() -> None:
    spans = find_times("From March to May 2020, 40 people died.", dt.date(2024, 3, 6))
    assert [(s.start, s.end) for s in spans] == [
        (dt.date(2020, 3, 1), dt.date(2020, 3, 31)),
        (dt.date(2020, 5, 1), dt.date(2020, 5, 31)),
    ]
    spans = find_times("It ran from November to February 2021.", dt.date(2024, 3, 6))
    assert spans[0].start == dt.date(2020, 11, 1)


def test_a_range_in_words_reads_as_one_period_and_its_bound() -> None:
    text = "Kell Mill was built between 1820 and 1825."
    first, second = as_ranges(text, find_times(text))
    assert (first.start, first.end, first.relation) == (
        dt.date(1820, 1, 1),
        dt.date(1825, 12, 31),
        "between",
    )
    assert (second.start, second.relation) == (dt.date(1825, 1, 1), "until")
    text = "He lived there from 1990 and died in 2001."
    assert as_ranges(text, find_times(text)) == find_times(text)  # two events, no range


@pytest.mark.parametrize(
    ("text", "said", "start", "granularity"),
    [
        ("In nineteen ninety-one the mill closed.", "nineteen ninety-one", "1991-01-01", "year"),
        ("January nineteen ninety-seven. The port again.", "January nineteen ninety-seven",
         "1997-01-01", "month"),
        ("It opened in eighteen sixty.", "eighteen sixty", "1860-01-01", "year"),
        ("The dam was built in nineteen oh five.", "nineteen oh five", "1905-01-01", "year"),
        ("The plan runs to twenty thirty.", "twenty thirty", "2030-01-01", "year"),
        ("By the year two thousand, it was gone.", "the year two thousand", "2000-01-01", "year"),
        ("In the year two thousand and one it reopened.", "the year two thousand and one",
         "2001-01-01", "year"),
    ],
)  # fmt: skip
def test_years_said_in_words(text: str, said: str, start: str, granularity: str) -> None:
    [span] = find_times(text, dt.date(1998, 1, 15))
    assert text[span.begin : span.stop] == said
    assert (span.start.isoformat(), span.granularity.value) == (start, granularity)


@pytest.mark.parametrize(
    "text",
    [
        "Nineteen people were hurt and ninety-six were rescued.",  # two counts
        "Twenty-five boats and nineteen hundred homes were counted.",  # counts, not years
        "About twenty, ten of them children, stayed behind.",  # a list of counts
        "Two thousand people marched.",  # "two thousand" is a year only after "the year"
    ],
)
def test_counts_in_words_are_no_years(text: str) -> None:
    assert find_times(text, dt.date(1998, 1, 15)) == []


def test_a_part_of_a_decade_ends_with_it() -> None:
    [early] = [t for t in find_times("He was born in the early 1960s.", None)]
    assert (early.start, early.end) == (dt.date(1960, 1, 1), dt.date(1964, 12, 31))
