"""Which figure a conversion restates, and how long the list after a count is."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract.context import ArticleContext, Source
from checker.extract.figures import find_figures
from checker.models import Figure, Sentence


def read(text: str) -> list[Figure]:
    context = ArticleContext(path="a.md", published=dt.date(2025, 6, 1))
    sentence = Sentence(text=text, line=1, column=1, paragraph=0, index=0)
    return find_figures(sentence, context, Source())


@pytest.mark.parametrize(
    ("text", "converted"),
    [
        ("The trail runs 43 miles (69 km) inland.", "43 miles"),
        ("The trail runs 43 miles, or 69 km, inland.", "43 miles"),
        ("A 6 ft 8 in (2.03 m) centre signed on Monday.", "6 ft 8 in"),
        ("The lake covers 612 square kilometres (236 square miles).", "612 square kilometres"),
        ("Trains reach 200 mph (322 km/h) on the flat.", "200 mph"),
        ("It sailed at 12 knots (22 km/h) into port.", "12 knots"),
    ],
)
def test_a_conversion_names_the_figure_it_restates(text: str, converted: str) -> None:
    figures = read(text)
    first, second = figures[0], figures[-1]
    assert first.surface == converted
    assert second.restates == first.value_span
    assert first.restates is None


@pytest.mark.parametrize(
    "text",
    [
        "Exports reached 2 million tons (1.8 million tonnes).",  # short or metric tons
        "Each tank holds 1,000 gallons (3,785 litres).",  # US or imperial gallons
        "The walk is 5 miles (2 hours) long.",  # another dimension
        "Fares rose to $20 (£16) a day.",  # currencies have no fixed rate
        "The hall seats 400 people (300 in the stalls).",  # counts, no units
        "The race is 10 km, and 6 miles of it is on sand.",  # no bracket, no "or"
        "The fine was 10 pounds (4 kilograms of grain).",  # money, then a mass
    ],
)
def test_no_conversion_where_units_cannot_be_compared(text: str) -> None:
    assert all(figure.restates is None for figure in read(text))


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Three clubs (Ashford, Brill, Cotton and Dunmore) went down.", 4),
        ("Three clubs (Ashford, Brill and Cotton) went down.", 3),
        ("Two depots (Ashby and Brent) reopened.", 2),
        ("Five others (1101, 1102, 1103, 1104, 1105 and 1106) were retired.", 6),
        ("The four regions (north; south; east; west) voted.", 4),
    ],
)
def test_a_bracketed_list_after_a_count_is_counted(text: str, listed: int) -> None:
    counts = [figure for figure in read(text) if figure.listed is not None]
    assert [figure.listed for figure in counts] == [listed]


@pytest.mark.parametrize(
    "text",
    [
        "Five villages (including Ashby and Brent) lost power.",
        "Twelve people (7 men and 5 women) were hurt.",
        "Two men (Harlow, 45, and Mercer, 52) were held.",
        "Two firms (Dunn and Hale, Marsh and Peel) were hired.",
        "The Group of Seven (G7) met.",
        "About five towns (Ashby, Brent and Colne) flooded.",
        "Three clubs (Ashford, Brill and others) went down.",
        "Two people (a farmer and his son) drowned.",
        "The 40 km (25 miles, Ashby to Brent) stage ran late.",
    ],
)
def test_no_list_when_it_is_partial_a_breakdown_or_not_a_list(text: str) -> None:
    assert all(figure.listed is None for figure in read(text))
