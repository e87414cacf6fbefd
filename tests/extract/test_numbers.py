from __future__ import annotations

import pytest

from checker.extract.numbers import find_numbers


def values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 35,000 in all", [35000]),
        ("a crowd of 400 000 people", [400000]),
        ("1.2 million voters", [1_200_000]),
        ("35 thousand fans", [35_000]),
        ("300K followers", [300_000]),
        ("worth $2.174T", [2.174e12]),
        ("€10M and €3bn", [10e6, 3e9]),
        ("0.5k miles", [500]),
        ("thirty-five thousand", [35_000]),
        ("thirty five boats", [35]),
        ("a hundred and two", [102]),
        ("four million, three hundred & ten", [4_000_310]),
        ("a 2-million-strong reserve", [2_000_000]),
        ("a 3.75 percent rise", [3.75]),
        ("2 1/2 cups", [2.5]),
        ("a 1/4 share", [0.25]),
        ("½ a loaf and 1¾ more", [0.5, 1.75]),
        ("two thirds of voters", [2 / 3]),
        ("one sixth of them", [1 / 6]),
        ("five halves", [2.5]),
        ("three and a half hours", [3.5]),
        ("one-half mile", [0.5]),
        ("light at 5e14 hertz", [5e14]),
        ("a ratio of 3.1×10−4", [3.1e-4]),
        ("a dozen eggs", [12]),
    ],
)
def test_values(text: str, expected: list[float]) -> None:
    assert values(text) == pytest.approx(expected)


def test_trailing_plus_is_flagged() -> None:
    [number] = find_numbers("400 000+ to be called up")
    assert number.plus and number.value == 400_000


def test_spelled_numbers_are_marked() -> None:
    [number] = find_numbers("seventy-two boats")
    assert number.spelled and number.value == 72


@pytest.mark.parametrize(
    "text",
    [
        "the F-16 and the Su-34",
        "COVID-19 and the G7",
        "a 21st-century war, the 3rd brigade",
        "LGA1156",
        "UNITED24 Media",
        "the second wave",
        "an article about a war",
        "the value 1/0 is invalid",
        "245 23 yen",
    ],
)
def test_no_numbers_in_identifiers_ordinals_or_ambiguous_groups(text: str) -> None:
    assert values(text) == []


def test_offsets_cover_the_written_number() -> None:
    text = "Some 1.5 million troops"
    [number] = find_numbers(text)
    assert text[number.begin : number.end] == "1.5 million"
