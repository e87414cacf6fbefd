"""The figure extractor over the shared seed articles (skipped when the corpus is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import extract_article
from checker.load import load
from checker.models import Figure, Modality, Qualifier


@pytest.fixture(scope="module")
def figures(seeds_dated: Path) -> dict[str, list[Figure]]:
    result = load([seeds_dated])
    by_article: dict[str, list[Figure]] = {}
    for article in result.articles:
        key = Path(article.path).name[:3]
        by_article[key] = [c for c in extract_article(article) if isinstance(c, Figure)]
    return by_article


def find(figures: list[Figure], value: float) -> Figure:
    matches = [f for f in figures if f.value == value]
    assert matches, f"no figure with value {value}"
    return matches[0]


@pytest.mark.parametrize("article", ["000", "002"])
def test_killed_in_december(figures: dict[str, list[Figure]], article: str) -> None:
    figure = find(figures[article], 35_000)
    assert figure.noun == "soldier"
    assert figure.frame is not None and figure.frame.anchor[0] == "Russian"
    assert (figure.frame.predicate, figure.frame.attribute) == ("kill", "soldier")
    assert figure.subject == "soldiers killed"
    assert str(figure.period_start) == "2025-12-01"
    assert str(figure.period_end) == "2025-12-31"
    assert figure.modality is Modality.FACT


@pytest.mark.parametrize("article", ["000", "002"])
def test_killed_in_december_is_credited(figures: dict[str, list[Figure]], article: str) -> None:
    assert find(figures[article], 35_000).source == "Mykhailo Fedorov"


def test_goal_by_summer_is_a_target(figures: dict[str, list[Figure]]) -> None:
    for article in ("000", "002"):
        figure = find(figures[article], 50_000)
        assert figure.modality is Modality.TARGET


def test_cumulative_casualties(figures: dict[str, list[Figure]]) -> None:
    figure = find(figures["002"], 1_200_000)
    assert figure.qualifier is Qualifier.APPROX
    assert figure.noun == "casualty"
    assert figure.cumulative
    assert str(figure.period_start) == "2022-02-01"


def test_conscription_range_target(figures: dict[str, list[Figure]]) -> None:
    figure = find(figures["003"], 185_000)
    assert figure.qualifier is Qualifier.RANGE
    assert (figure.low, figure.high) == (170_000, 200_000)
    assert figure.modality is Modality.TARGET


def test_title_figure_at_least(figures: dict[str, list[Figure]]) -> None:
    figure = find(figures["003"], 400_000)
    assert figure.qualifier is Qualifier.AT_LEAST
    assert figure.low == 400_000 and figure.high is None


def test_years_are_never_figures(figures: dict[str, list[Figure]]) -> None:
    values = {f.value for article in figures.values() for f in article}
    assert not values & {2011, 2022, 2025, 2026, 19}


def test_no_figures_from_donation_prompts(figures: dict[str, list[Figure]]) -> None:
    for article in figures.values():
        for figure in article:
            assert "support" not in figure.text.lower()
            assert "donat" not in figure.text.lower()


def test_largest_since(figures: dict[str, list[Figure]]) -> None:
    figure = find(figures["004"], 160_000)
    assert figure.superlative == "largest"
    assert str(figure.superlative_since) == "2011-01-01"
    assert str(figure.period_start) == "2025-04-01"


def test_age_limit_is_not_a_headcount(figures: dict[str, list[Figure]]) -> None:
    age = find(figures["003"], 22.5)
    assert (age.low, age.high, age.unit, age.noun) == (18, 27, "year", "age")
    assert not any(f.value in (18, 27) for f in figures["003"])
