"""Figures and dates as writers write them: one case per form, sentences written for the project.

Each case is data: a sentence and what a reader takes from it. Figures are (surface, value,
unit or None, qualifier); dates are (surface, first day, granularity).
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract
from checker.models import DateClaim, Figure, Granularity, Qualifier

# A Thursday: "on Tuesday" is two days before, "next Monday" four days after.
PUBLISHED = dt.date(2026, 3, 12)


def figures(text: str) -> list[tuple[str, float, str | None, Qualifier]]:
    return [
        (c.surface, round(c.value, 4), c.unit, c.qualifier)
        for c in extract(text, PUBLISHED)
        if isinstance(c, Figure)
    ]


def values(text: str) -> list[float]:
    return [round(c.value, 4) for c in extract(text, PUBLISHED) if isinstance(c, Figure)]


def dates(text: str) -> list[tuple[str, dt.date, Granularity]]:
    return [
        (c.surface, c.date, c.granularity)
        for c in extract(text, PUBLISHED)
        if isinstance(c, DateClaim)
    ]


VALUE_CASES = [
    # fractions and shares
    ("Two-thirds of the members voted in favour.", [0.6667]),
    ("A quarter of the orchards were lost.", [0.25]),
    ("Half of the crew stayed aboard.", [0.5]),
    ("One in three households owns a bicycle.", [0.3333]),
    ("Some 1/3 of the budget went to roads.", [0.3333]),
    ("Three out of four clinics reopened.", [0.75]),
    ("Only 2 out of 5 ferries ran.", [0.4]),
    # negatives and decimals in words
    ("The lake froze at minus 5 degrees.", [-5]),
    ("Growth was negative 2 percent last quarter.", [-2]),
    ("Prices slipped to -0.3% in the survey.", [-0.3]),
    ("The judges gave five point five to the skater.", [5.5]),
    ("The constant is roughly three point one four.", [3.14]),
    # mixed forms
    ("The shepherd counted 3 hundred and 21 sheep.", [321]),
    ("The bakery sold a dozen loaves.", [12]),
    ("The fund raised half a million euros.", [500_000]),
    ("The grant was worth a quarter million dollars.", [250_000]),
    ("The bill came to three quarters of a billion dollars.", [750_000_000]),
    ("The loan was 35 lakh rupees.", [3_500_000]),
    # every word number, and lists
    ("Ninety-two ships and seventy-one boats docked.", [92, 71]),
    ("They planted sixty, seventy, eighty and ninety trees.", [60, 70, 80, 90]),
    ("Parcels 153302, 153318 and 153320 were sold.", [153302, 153318, 153320]),
    # footnote markers
    ("The canal is 630 km[1] long.", [630]),
]


@pytest.mark.parametrize(("text", "expected"), VALUE_CASES)
def test_values_as_written(text: str, expected: list[float]) -> None:
    assert values(text) == pytest.approx(expected, rel=1e-3)


def test_plural_scales_are_an_approximate_floor() -> None:
    assert figures("Dozens of geese and hundreds of ducks landed.") == [
        ("Dozens", 24, None, Qualifier.AT_LEAST),
        ("hundreds", 200, None, Qualifier.AT_LEAST),
    ]
    [(_, value, _, qualifier)] = figures("Tens of thousands of people marched.")
    assert (value, qualifier) == (20_000, Qualifier.AT_LEAST)


COMPOUND_CASES = [
    ("The centre is 6 ft 8 in tall.", 6.6667, "foot"),
    ("The centre is a 6-foot-8 forward.", 6.6667, "foot"),
    ("The centre stands 6′8″ in socks.", 6.6667, "foot"),
    ("The guard is 5'10\" and quick.", 5.8333, "foot"),
    ("The goalkeeper is 5 feet and 2 inches.", 5.1667, "foot"),
    ("The crossing took 1 h 20 min.", 1.3333, "hour"),
    ("The ferry ride took 2 hours and 30 minutes.", 2.5, "hour"),
    ("The ticket cost 3 dollars 50 cents.", 3.5, "USD"),
    ("The ticket cost thirteen dollars and forty-five cents.", 13.45, "USD"),
]


@pytest.mark.parametrize(("text", "value", "unit"), COMPOUND_CASES)
def test_compound_measures_are_one_figure(text: str, value: float, unit: str) -> None:
    [(_, got, got_unit, _)] = figures(text)
    assert (got, got_unit) == (pytest.approx(value, rel=1e-3), unit)


def test_calendar_durations_stay_apart() -> None:
    assert values("The trial lasted 3 years, 2 months and 14 days.") == [3, 2, 14]


RANK_CASES = [
    ("The harbour is the 11th largest in Europe.", 11),
    ("Her novel came fifth in the poll.", 5),
    ("The club ranked 2nd after the play-offs.", 2),
    ("It is the third-busiest airport of the region.", 3),
]


@pytest.mark.parametrize(("text", "rank"), RANK_CASES)
def test_ordinals_with_a_superlative_or_ranking_word_are_ranks(text: str, rank: int) -> None:
    [claim] = [c for c in extract(text, PUBLISHED) if isinstance(c, Figure)]
    assert (claim.value, claim.rank, claim.noun) == (rank, True, "rank")


@pytest.mark.parametrize(
    "text",
    [
        "It was the first time the choir sang.",
        "The fair opens on the 5th and closes on the 9th.",
    ],
)
def test_ordinals_alone_are_not_figures(text: str) -> None:
    assert figures(text) == []


NOT_FIGURE_CASES = [
    "The vote closed at 3:23 PM in the hall.",
    "The night train leaves at 23:40 from the main station.",
    "Call 555-123-4567 for the box office.",
    "Call (020) 7946 0958 for the box office.",
    "The heavyweight holds a 52-3 record.",
    "The team went 45-7-2 over the season.",
    "The visitors won 3-1 in the final.",
    "Their coach praised the Falcons (15-17).",
    "See pages 4-5 of the annex.",
    "The building dates from the 1890s.",
    "The village was founded around 2500 BC.",
    "See page 42 and section 3.2 of the statute.",
    "The office is at 221 Baker Street.",
    "Model No. 7 and item #12 were recalled.",
]


@pytest.mark.parametrize("text", NOT_FIGURE_CASES)
def test_numbers_that_label_or_tell_time_are_not_figures(text: str) -> None:
    assert figures(text) == []


UNIT_CASES = [
    ("The train reached 193 km/h near the coast.", "kilometer / hour"),
    ("The storm moved at 40 mph over land.", "mile / hour"),
    ("The driver was fined 10 pounds for speeding.", "GBP"),
    ("The parcel weighed 10 pounds on the scale.", "pound"),
    ("The item sells for USD 200 online.", "USD"),
    ("The item sells for 115USD online.", "USD"),
    ("The stake was valued at 30 MUSD last year.", "USD"),
    ("Gusts reached 120 miles an hour.", "mile / hour"),
    ("Cleaners earn $15 an hour.", "USD / hour"),
    ("The rate is 2 percentage points higher.", "percentage_point"),
    ("The rate is 2 percent.", "percent"),
]


@pytest.mark.parametrize(("text", "unit"), UNIT_CASES)
def test_units_by_context(text: str, unit: str) -> None:
    [(_, _, got, _)] = figures(text)
    assert got == unit


CHANGE_CASES = [
    ("Exports rose by 5% in the spring.", 5, Qualifier.CHANGE),
    ("The index fell 3 points on the news.", 3, Qualifier.CHANGE),
    ("Visitors numbered 30,000, up from 20,000.", 20_000, Qualifier.CHANGE),
    ("The firm reported an increase of 4% in sales.", 4, Qualifier.CHANGE),
    ("Unemployment rose to 7% in the survey.", 7, Qualifier.EXACT),
    ("The army cut 500 jobs at the base.", 500, Qualifier.EXACT),
]


@pytest.mark.parametrize(("text", "value", "qualifier"), CHANGE_CASES)
def test_changes_are_kept_apart_from_levels(text: str, value: float, qualifier: Qualifier) -> None:
    found = {v: q for _, v, _, q in figures(text)}
    assert found[value] is qualifier


DATE_CASES = [
    ("The mayor spoke on Tuesday.", "Tuesday", dt.date(2026, 3, 10), Granularity.DAY),
    ("The council met yesterday.", "yesterday", dt.date(2026, 3, 11), Granularity.DAY),
    ("The board will meet next Monday.", "next Monday", dt.date(2026, 3, 16), Granularity.DAY),
    ("Talks stalled in mid-November.", "November", dt.date(2025, 11, 1), Granularity.MONTH),
    ("The dam burst last June.", "last June", dt.date(2025, 6, 1), Granularity.MONTH),
    ("Talks stalled the previous week.", "previous week", dt.date(2026, 3, 2), Granularity.WEEK),
    ("Sales fell in the third quarter.", "third quarter", dt.date(2025, 7, 1), Granularity.QUARTER),
    ("Output rose in Q1 2024.", "Q1 2024", dt.date(2024, 1, 1), Granularity.QUARTER),
    ("The dig began last summer.", "last summer", dt.date(2025, 6, 1), Granularity.SEASON),
    (
        "Work began in the fall of 1998.",
        "the fall of 1998",
        dt.date(1998, 9, 1),
        Granularity.SEASON,
    ),
    ("The mill thrived in the 1890s.", "1890s", dt.date(1890, 1, 1), Granularity.DECADE),
    ("Songs of the '90s filled the hall.", "'90s", dt.date(1990, 1, 1), Granularity.DECADE),
    ("She was born in the late 1960s.", "late 1960s", dt.date(1965, 1, 1), Granularity.DECADE),
    ("The mill shut in the mid-1970s.", "mid-1970s", dt.date(1973, 1, 1), Granularity.DECADE),
    ("Walls rose in the 12th century.", "12th century", dt.date(1100, 1, 1), Granularity.CENTURY),
    ("Shops closed on Christmas Day.", "Christmas Day", dt.date(2025, 12, 25), Granularity.DAY),
    ("They met last Thanksgiving.", "last Thanksgiving", dt.date(2025, 11, 27), Granularity.DAY),
    ("The editorial ran on Monday, Jan. 5.", "Monday", dt.date(2026, 1, 5), Granularity.DAY),
    (
        "The plant closed in March of last year.",
        "March of last year",
        dt.date(2025, 3, 1),
        Granularity.MONTH,
    ),
    ("The town burned in AD 79.", "AD 79", dt.date(79, 1, 1), Granularity.YEAR),
    ("The chapel was built c. 1450.", "1450", dt.date(1450, 1, 1), Granularity.YEAR),
    ("The school opened two years ago.", "two years ago", dt.date(2024, 3, 1), Granularity.MONTH),
    ("Profit was lower a year earlier.", "a year earlier", dt.date(2025, 3, 1), Granularity.MONTH),
    (
        "The mayor said Friday the bridge would reopen.",
        "Friday",
        dt.date(2026, 3, 6),
        Granularity.DAY,
    ),
    ("On Friday, the mayor will cut the ribbon.", "Friday", dt.date(2026, 3, 13), Granularity.DAY),
]


@pytest.mark.parametrize(("text", "surface", "first_day", "granularity"), DATE_CASES)
def test_dates_resolve_against_the_publication_date(
    text: str, surface: str, first_day: dt.date, granularity: Granularity
) -> None:
    assert any(
        surface in got and (day, unit) == (first_day, granularity) for got, day, unit in dates(text)
    )


def test_date_ranges_are_claims_at_both_ends() -> None:
    found = dates("The exhibition ran between April and July, and the survey from 1999 to 2004.")
    assert [(d, g) for _, d, g in found] == [
        (dt.date(2025, 4, 1), Granularity.MONTH),
        (dt.date(2025, 7, 1), Granularity.MONTH),
        (dt.date(1999, 1, 1), Granularity.YEAR),
        (dt.date(2004, 1, 1), Granularity.YEAR),
    ]


def test_a_day_still_to_come_resolves_ahead() -> None:
    [(_, day, _)] = dates("The dividend is payable Sept. 7 to holders.")
    assert day == dt.date(2026, 9, 7)
    [(_, day, _)] = dates("The dividend was paid on Sept. 7 to holders.")
    assert day == dt.date(2025, 9, 7)


def test_bc_years_are_neither_figures_nor_dates() -> None:
    claims = extract("Farming reached the valley around 2500 BC.", PUBLISHED)
    assert [c for c in claims if isinstance(c, Figure | DateClaim)] == []


def test_approximate_years_say_so() -> None:
    [claim] = [
        c for c in extract("The chapel was built c. 1450.", PUBLISHED) if isinstance(c, DateClaim)
    ]
    assert (claim.date, claim.relation) == (dt.date(1450, 1, 1), "around")


def test_relative_dates_are_told_from_the_narratives_date() -> None:
    text = (
        "The flood reached the town on May 4, 2023. The next day, the bridge closed. "
        "Two days later, the water fell, and that same day the school reopened. "
        "The day before, the army had arrived."
    )
    told = [(surface, day) for surface, day, _ in dates(text)]
    assert told == [
        ("May 4, 2023", dt.date(2023, 5, 4)),
        ("The next day", dt.date(2023, 5, 5)),
        ("Two days later", dt.date(2023, 5, 7)),
        ("that same day", dt.date(2023, 5, 7)),
        ("The day before", dt.date(2023, 5, 6)),
    ]


def test_later_that_year_is_the_year_named_before() -> None:
    found = dates("The mill burned in June 1911. It was rebuilt later that year.")
    assert found[-1][1:] == (dt.date(1911, 1, 1), Granularity.YEAR)


def test_without_a_narrative_date_relative_dates_start_from_publication() -> None:
    [(_, day, _)] = dates("The next day, the bridge closed.")
    assert day == dt.date(2026, 3, 13)
