"""Passages from outside the seed story: births, foundings and sizes stated many ways."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract
from checker.models import DateClaim, Figure


def dates(text: str) -> list[tuple[str, str, str]]:
    """Each date with what its frame says it dates: the predicate and the primary name."""
    return [
        (c.frame.predicate, c.frame.anchor[0], c.date.isoformat())
        for c in extract(text)
        if isinstance(c, DateClaim) and c.frame is not None and c.frame.anchor
    ]


def figures(text: str, published: dt.date | None = None) -> list[Figure]:
    return [c for c in extract(text, published) if isinstance(c, Figure)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mozart was born on 27 January 1756 in Salzburg.", ("bear", "Mozart", "1756-01-27")),
        ("Lovelace, who was born in 1816, wrote notes.", ("bear", "Lovelace", "1816-01-01")),
        (
            "Ludwig van Beethoven died on 26 March 1827 in Vienna.",
            ("die", "Ludwig van Beethoven", "1827-03-26"),
        ),
    ],
)
def test_people_named_one_way_or_another(text: str, expected: tuple[str, ...]) -> None:
    assert expected in dates(text)


def test_a_lone_capitalised_word_is_no_person_unless_born_or_dying() -> None:
    text = "Officials said 9,000 more Russian soldiers died in January 2025 than joined."
    assert dates(text) == []


def test_born_and_died_in_one_sentence_keep_their_own_dates() -> None:
    found = dates("Albert Einstein was born in Ulm in 1879 and died in Princeton in 1955.")
    assert ("bear", "Albert Einstein", "1879-01-01") in found
    assert ("die", "Albert Einstein", "1955-01-01") in found


@pytest.mark.parametrize(
    ("text", "anchor", "label"),
    [
        (
            "The Kessel Bridge, which is 1,420 metres long, opened in 1964.",
            "Kessel Bridge",
            "length",
        ),
        ("Mount Kilimanjaro rises 5,895 metres above sea level.", "Mount Kilimanjaro", "height"),
        (
            "At 5,985 metres, Kilimanjaro is the tallest mountain in Africa.",
            "Kilimanjaro",
            "height",
        ),
        ("The Amazon River is about 6,400 km long.", "Amazon River", "length"),
        ("The Amazon, which is 7,000 kilometres long, flows east.", "Amazon", "length"),
        ("At 3,400 m, the Storstrom Bridge was once the longest.", "Storstrom Bridge", "length"),
        ("Lake Vattern covers 1,893 square kilometres of southern Sweden.", "Lake Vattern", "area"),
        ("Dubai's Burj Khalifa stands at 830 m.", "Burj Khalifa", "length"),
    ],
)
def test_sizes_know_what_they_measure(text: str, anchor: str, label: str) -> None:
    [figure] = figures(text)
    assert figure.frame is not None and figure.frame.has_primary
    assert figure.frame.anchor[0] == anchor
    assert figure.subject == label


def test_a_participle_after_the_noun_is_what_was_done() -> None:
    [figure] = figures("More than 640,000 residents have been vaccinated since the campaign began.")
    assert figure.frame is not None and figure.cumulative
    assert (figure.frame.predicate, figure.frame.attribute) == ("vaccinate", "resident")
    assert figure.subject == "residents vaccinated"
    [reported] = figures("Some 4,000 homes, officials reported on Monday.")
    assert reported.frame is not None and not reported.frame.predicate
    assert reported.subject == "homes"


def test_promises_are_targets() -> None:
    [figure] = figures("The minister promised €48 million in national aid.", dt.date(2026, 3, 8))
    assert figure.modality.value == "target"
