"""Figures their own sentence states again, and whether the two agree.

The figure reader (`checker.extract.figure_restate`) marks a conversion with the span of the
figure it converts ("43 miles (90 km)") and a count with the number of items of the list in
brackets after it ("three clubs (A, B, C and D)"). `disagreements` finds those that cannot
hold: a conversion whose two values are further apart than their written digits and the
tolerance allow, a count that is not the number of things listed. Copies of one sentence in
several articles repeat one mistake, which an editor reads once: each distinct mistake comes
once, with every copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from checker.compat import describe, rounding_halfwidth
from checker.models import Figure, Qualifier
from checker.normalize import to_base

__all__ = ["disagreements"]

_HEDGED = (Qualifier.APPROX, Qualifier.AT_LEAST, Qualifier.AT_MOST)
_EXACT = Qualifier.EXACT
_Place = tuple[str, int, int, tuple[int, int]]


def disagreements(
    figures: Iterable[Figure], tolerance: float
) -> Iterator[tuple[str, list[Figure]]]:
    """(what is wrong, the figures that restate wrongly in each copy of the sentence), in the
    order the first copies are written."""
    figures = list(figures)
    restating = [f for f in figures if f.restates is not None or f.listed is not None]
    # only the figures a conversion restates are looked up: most sentences restate none
    wanted = {_place(f, f.restates) for f in restating if f.restates is not None}
    by_place = {p: f for f in figures if (p := _place(f, f.value_span)) in wanted}
    found: dict[tuple[str, str], list[Figure]] = {}
    for figure in restating:
        for problem in _problems(figure, by_place, tolerance):
            found.setdefault((figure.text, problem), []).append(figure)
    for (_, problem), copies in found.items():
        yield problem, copies


def _problems(figure: Figure, by_place: dict[_Place, Figure], tolerance: float) -> Iterator[str]:
    if figure.listed is not None and figure.listed != figure.value:
        begin, end = figure.value_span
        count = figure.text[begin : figure.text.find("(", end)].strip()
        yield f'"{count}" is followed by a list of {figure.listed}'
    if figure.restates is None:
        return
    converted = by_place.get(_place(figure, figure.restates))
    if converted is not None and not _agree(converted, figure, tolerance):
        exact = to_base(converted.value, converted.unit)[0] / to_base(1.0, figure.unit)[0]
        right = figure.model_copy(update={"value": float(f"{exact:.3g}"), "qualifier": _EXACT})
        yield f"{describe(converted)} is given as {describe(figure)}; it is {describe(right)}"


def _place(figure: Figure, span: tuple[int, int]) -> _Place:
    return (figure.path, figure.line, figure.sentence_index, span)


def _agree(first: Figure, second: Figure, tolerance: float) -> bool:
    """Whether two measures can be one value, each read to its written digits."""
    low_a, high_a = _bounds(first, tolerance)
    low_b, high_b = _bounds(second, tolerance)
    return low_a <= high_b and low_b <= high_a


def _bounds(figure: Figure, tolerance: float) -> tuple[float, float]:
    """The values `figure` allows in base units: its range or value, widened by the rounding of
    its last digit and by half the tolerance (the whole of it when hedged), since either side
    of a conversion may be the rounded one."""
    low = figure.low if figure.low is not None else figure.value
    high = figure.high if figure.high is not None else figure.value
    slack = tolerance if figure.qualifier in _HEDGED else tolerance / 2
    low = (low - rounding_halfwidth(low)) * (1 - slack)
    high = (high + rounding_halfwidth(high)) * (1 + slack)
    return to_base(low, figure.unit)[0], to_base(high, figure.unit)[0]
