from __future__ import annotations

import datetime as dt

import pytest

from checker.extract.context import ArticleContext, Source
from checker.extract.figure_words import lemma
from checker.extract.figures import find_figures
from checker.models import Figure, Granularity, Modality, Qualifier, Sentence

PUBLISHED = dt.date(2026, 2, 20)


def read(
    text: str,
    published: dt.date | None = PUBLISHED,
    source: Source | None = None,
    context: ArticleContext | None = None,
) -> list[Figure]:
    context = context or ArticleContext(path="a.md", published=published)
    sentence = Sentence(text=text, line=3, column=1, paragraph=0, index=0)
    return find_figures(sentence, context, source or Source())


def one(text: str, **kwargs: object) -> Figure:
    figures = read(text, **kwargs)  # type: ignore[arg-type]
    assert len(figures) == 1, [f.surface for f in figures]
    return figures[0]


# --- values and qualifiers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rescuers reached 42,500 families.", 42_500),
        ("Officials counted 620 000 ballots.", 620_000),
        ("The fund holds 3.4 million dollars.", 3_400_000),
        ("The club has 12 thousand members.", 12_000),
        ("The channel has 450K subscribers.", 450_000),
        ("Nineteen thousand four hundred runners started.", 19_400),
        ("The shelter took in forty-one dogs.", 41),
        ("Only a quarter of 1/4 was left.", 0.25),
    ],
)
def test_values(text: str, value: float) -> None:
    assert read(text)[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("Nearly 8,000 homes lost power.", Qualifier.APPROX, None, None),
        ("Roughly 20 ships sailed.", Qualifier.APPROX, None, None),
        ("An estimated 3,000 fans came.", Qualifier.APPROX, None, None),
        ("More than 600 flights were cancelled.", Qualifier.AT_LEAST, 600, None),
        ("At least 14 bridges were damaged.", Qualifier.AT_LEAST, 14, None),
        ("Upwards of 90 firms signed.", Qualifier.AT_LEAST, 90, None),
        ("Up to 250 workers may strike.", Qualifier.AT_MOST, None, 250),
        ("Fewer than 30 buses ran.", Qualifier.AT_MOST, None, 30),
        ("No more than 12 boats returned.", Qualifier.AT_MOST, None, 12),
        ("The town has 5,100 voters.", Qualifier.EXACT, 5_100, 5_100),
        ("They expect 250 000+ visitors.", Qualifier.AT_LEAST, 250_000, None),
    ],
)
def test_qualifiers(text: str, qualifier: Qualifier, low: float | None, high: float | None) -> None:
    figure = one(text)
    assert figure.qualifier is qualifier
    assert (figure.low, figure.high) == (low, high)


def test_between_range() -> None:
    figure = one("The agency plans to hire between 1,400 and 1,900 nurses.")
    assert figure.qualifier is Qualifier.RANGE
    assert (figure.low, figure.high, figure.value) == (1400, 1900, 1650)
    assert figure.noun == "nurse"
    assert figure.modality is Modality.TARGET


def test_to_range_with_unit() -> None:
    figure = one("Collisions ran at 6.5–7.0 TeV last month.")
    assert (figure.low, figure.high) == (6.5, 7.0)
    assert figure.unit == "teraelectron_volt"


def test_hyphenated_range() -> None:
    figure = one("Engineers proposed a 6- to 12-meter mirror.")
    assert (figure.low, figure.high, figure.unit) == (6, 12, "meter")


def test_a_falling_pair_is_no_range() -> None:
    # "through" before a smaller count of other things: a route, not a range
    values = [f.value for f in read("The Orava flows for 241 km through three countries.")]
    assert values == [241, 3]


def test_change_is_not_a_range() -> None:
    figure = one("The council raised the speed limit from 40 to 50.")
    assert figure.value == 50
    assert figure.qualifier is Qualifier.EXACT


# --- units ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("The fire burned 2,300 km² of forest.", "kilometer ** 2", 2300),
        ("The park covers 410 sq mi.", "mile ** 2", 410),
        ("The lake is 14 kilometres long.", "kilometer", 14),
        ("Exports reached 48,000 tonnes.", "metric_ton", 48_000),
        ("Turnout rose to 64%.", "percent", 64),
        ("Turnout was 64 percent.", "percent", 64),
        ("The budget is $3.2 billion.", "USD", 3.2e9),
        ("The fine was £40,000.", "GBP", 40_000),
        ("Rent is €950 per month.", "EUR / month", 950),
        ("The strike lasted three consecutive weeks.", "week", 3),
        ("A 27-kilometer tunnel was dug.", "kilometer", 27),
        ("The pump moves 300 litres per hour.", "liter / hour", 300),
    ],
)
def test_units(text: str, unit: str, value: float) -> None:
    figure = one(text)
    assert figure.unit == unit
    assert figure.value == pytest.approx(value)


def test_duration_with_hedge() -> None:
    figure = one("The drills may last up to three months.")
    assert (figure.value, figure.unit, figure.qualifier) == (3, "month", Qualifier.AT_MOST)
    assert figure.high == 3


def test_rate_of_a_count() -> None:
    figure = one("The scheme signs up roughly 12,000 volunteers per month.")
    assert (figure.value, figure.unit, figure.noun) == (12_000, "1 / month", "volunteer")
    assert figure.qualifier is Qualifier.APPROX


# --- what is counted ------------------------------------------------------------------------


def test_casualties_keep_their_own_noun() -> None:
    figure = one("Russian forces have suffered nearly 900,000 casualties.")
    assert figure.noun == "casualty"


def test_share_of_a_larger_figure_takes_its_unit() -> None:
    part, whole = read("Only 4 of the 25 km of new track from 2023 remain unused.")
    assert part.unit == whole.unit == "kilometer"


def test_people_from_a_plural_demonym() -> None:
    assert one("Up to 40,000 Syrians fled the town.").noun == "person"


def test_spelled_small_counts_are_figures() -> None:
    figure = one("Three chapters of the report are sealed.")
    assert (figure.value, figure.noun) == (3, "chapter")


def test_ages() -> None:
    figure = one("Service is compulsory for women aged 19 to 26.")
    assert (figure.low, figure.high, figure.unit, figure.noun) == (19, 26, "year", "age")
    assert one("Ivan Kos, 33 years old, was arrested.").noun == "age"
    assert one("The 33-year-old was arrested.").noun == "age"
    assert one("The army drafted 19,000 women.").noun == "woman"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("casualties", "casualty"),
        ("men", "man"),
        ("troops", "troop"),
        ("boxes", "box"),
        ("bus", "bus"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


# --- modality -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The goal is to build 400 homes.", Modality.TARGET),
        ("The city hopes to plant 10,000 trees.", Modality.TARGET),
        ("The board aims to hire 70 teachers.", Modality.TARGET),
        ("Officials set a quota of 5,000 recruits.", Modality.TARGET),
        ("They want 300 more buses by this summer.", Modality.TARGET),
        ("The plant will employ 900 people.", Modality.FORECAST),
        ("Turnout is expected to reach 70%.", Modality.FORECAST),
        ("Analysts estimate that 3,000 shops closed.", Modality.ESTIMATE),
        ("Western intelligence assessed that 700 tanks were lost.", Modality.ESTIMATE),
        ("The factory built 700 tanks.", Modality.FACT),
    ],
)
def test_modality(text: str, modality: Modality) -> None:
    assert one(text).modality is modality


# --- never figures --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The law was passed in 2011.",
        "The decree was signed on January 19, 2026.",
        "Voting began in September 2022.",
        "The jets were F-16 models, flown with Su-34 escorts.",
        "The COVID-19 rules and the G7 summit.",
        "It happened 13 months ago.",
        "The meeting starts at 2 pm.",
        "It was the 21st time and the second try.",
        "No one was hurt.",
        "Voyager 2 flew past.",
    ],
)
def test_not_figures(text: str) -> None:
    assert read(text) == []


# --- period, cumulative, as-of --------------------------------------------------------------


def test_ago_is_a_date_without_publication_date() -> None:
    assert read("The war began 13 months ago.", published=None) == []


def test_month_period_resolves_against_publication() -> None:
    figure = one("The navy lost 12 ships in December.")
    assert (figure.period_start, figure.period_end) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert figure.period_granularity is Granularity.MONTH
    assert figure.as_of == PUBLISHED


def test_alone_and_year_periods() -> None:
    assert one("In January alone, 800 firms closed.").period_start == dt.date(2026, 1, 1)
    year = one("The average was 14,000 visitors for 2025.")
    assert year.period_granularity is Granularity.YEAR
    assert (year.period_start, year.period_end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_between_months_period() -> None:
    figure = one(
        "The decree calls up 90,000 men between April and July.", published=dt.date(2025, 4, 1)
    )
    assert (figure.period_start, figure.period_end) == (dt.date(2025, 4, 1), dt.date(2025, 7, 31))


def test_cumulative_since_named_start() -> None:
    figure = one(
        "The army has lost nearly 400,000 soldiers since the beginning of the invasion"
        " in March 2021."
    )
    assert figure.cumulative
    assert figure.period_start == dt.date(2021, 3, 1)
    assert figure.period_granularity is Granularity.MONTH


def test_invasion_anchor_carries_to_later_sentences() -> None:
    context = ArticleContext(path="a.md", published=PUBLISHED)
    read("The full-scale invasion began on February 24, 2022.", context=context)
    assert context.anchors["invasion"] == dt.date(2022, 2, 24)
    figure = one("Since the invasion, 6,000 schools were damaged.", context=context)
    assert figure.cumulative and figure.period_start == dt.date(2022, 2, 24)


@pytest.mark.parametrize("tail", ["so far", "to date", "since 2019"])
def test_cumulative_cues(tail: str) -> None:
    assert one(f"The project has planted 9,000 trees {tail}.").cumulative


def test_as_of_dates() -> None:
    assert one("Only 3,000 of them were still serving as of May 2024.").as_of == dt.date(
        2024, 5, 31
    )
    released = one("A survey released in October 2024 put the number of farms at about 9,500.")
    assert released.as_of == dt.date(2024, 10, 31)
    assert released.period_start is None


def test_superlative_since() -> None:
    figure = one("The board hired 1,300 staff, the largest intake since 2009.")
    assert figure.superlative == "largest"
    assert figure.superlative_since == dt.date(2009, 1, 1)


def test_source_and_location() -> None:
    figure = one(
        "The mayor said 4,000 homes flooded.", source=Source(("Mayor Ann Lee", "City Hall"))
    )
    assert figure.source == "Mayor Ann Lee"
    assert figure.source_chain == ("Mayor Ann Lee", "City Hall")
    assert (figure.line, figure.path) == (3, "a.md")
    assert figure.surface == "4,000"


# --- measurements ---------------------------------------------------------------------------


def test_a_measurement_and_its_conversion_keep_their_units() -> None:
    metres, feet = read("Mount Kazbek is 5,047 metres (16,558 ft) high.")
    assert (metres.unit, feet.unit) == ("meter", "foot")
    assert metres.noun is None


def test_superlative_since_is_not_a_running_total() -> None:
    figure = one("The city logged 4,100 burglaries in 2023, the highest number since 2008.")
    assert not figure.cumulative
    assert figure.period_start == dt.date(2023, 1, 1)
    assert figure.superlative_since == dt.date(2008, 1, 1)
