"""Can two figures both be true? Each figure becomes an interval of values it allows.

A news figure is rarely a point: "nearly 1.2 million" allows a little below, "over 200,000"
anything above, and a round "35,000" stands for whatever rounds to it. So every figure maps to a
closed interval `[low, high]` in its unit's base unit, and two figures are compatible when their
intervals overlap:

- exact: the value, widened by half a unit of its last significant digit ("1.2 million" is
  1.15-1.25 million), capped at half the `tolerance` so a bare "300,000" does not swallow
  340,000;
- approx ("about", "roughly"): the value +/- `tolerance`, an explicit hedge; "nearly"/"almost"
  lean below (-2x tolerance, +tolerance/10) because they promise the true figure is not much
  above;
- at_least ("over 200,000"): `[value, value * 1.3]`; at_most ("up to 900,000"), a looser
  ceiling: `[value * 0.5, value]`. Reporters round down to a floor that is near the figure, not
  to any lower number: "over 768,000" and "over 168,000" for the same total and date disagree,
  while "over 200,000" and 250,000 agree;
- range: `[low, high]` plus rounding (a figure inside a range agrees with it; two ranges must
  have the same ends, see `same_range`).

Units are converted to base units through `checker.normalize` (cached per unit string), so
"1.5 km" and "1,500 m" give the same interval.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.models import Figure, Qualifier
from checker.normalize import display_unit, parse_unit, to_base

__all__ = [
    "DEFAULT_TOLERANCE",
    "LASTING_DIMENSIONS",
    "Interval",
    "compatible",
    "describe",
    "dimension",
    "interval",
    "rounding_halfwidth",
    "same_range",
]

# Measurements of a thing's size: stated at different dates, they should still agree.
LASTING_DIMENSIONS = frozenset({"[length]", "[length] ** 2", "[length] ** 3", "[mass]"})
DEFAULT_TOLERANCE = 0.05
HEDGE = 0.3
CEILING_HEDGE = 0.5
_INF = math.inf
# Words before a figure that say the true value is at most a little above it.
_NEARLY = re.compile(r"\b(?:nearly|almost|just\s+under|close\s+to|approaching)\b", re.I)


@dataclass(frozen=True, order=True)
class Interval:
    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


@lru_cache(maxsize=512)
def _unit_info(unit: str | None) -> tuple[str, float]:
    """(dimension label, factor to base unit) for a pint unit string; counts are "count"."""
    if not unit:
        return ("count", 1.0)
    try:
        label = str(parse_unit(unit).dimensionality)
        factor, _ = to_base(1.0, unit)
    except Exception:
        # An unknown unit still groups with its own spelling; it just never converts.
        return (f"unit:{unit}", 1.0)
    if label == "dimensionless":
        # percent, ppm, ... are dimensionless but not interchangeable with counts or each other.
        return (f"dimensionless:{unit}", 1.0)
    return (label, factor)


def dimension(unit: str | None) -> str:
    """A label equal for units that measure the same thing ("km" and "m": "[length]")."""
    return _unit_info(unit)[0]


_DIMENSION_NAMES = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[time]": "duration",
}


def dimension_name(unit: str | None) -> str:
    """What a unit measures, in a word a report can show ("km" -> "length"); "" for counts,
    money, shares and compound units."""
    return _DIMENSION_NAMES.get(dimension(unit), "") if unit else ""


def _factor(unit: str | None) -> float:
    return _unit_info(unit)[1]


def rounding_halfwidth(value: float) -> float:
    """Half a unit of the last significant digit: 35,000 -> 500, 1.2e6 -> 50,000, 1.5 -> 0.05."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    text = f"{abs(value):.9g}"
    if "e" in text:
        mantissa, exponent_text = text.split("e")
        exponent = int(exponent_text)
    else:
        mantissa, exponent = text, 0
    if "." in mantissa:
        decimals = len(mantissa.split(".")[1].rstrip("0"))
        return 0.5 * 10.0 ** (exponent - decimals)
    digits = mantissa.rstrip("0")
    trailing = len(mantissa) - len(digits)
    return 0.5 * 10.0 ** (exponent + trailing) if trailing else 0.5 * 10.0**exponent


def _rounded(value: float, tolerance: float) -> Interval:
    slack = min(rounding_halfwidth(value), abs(value) * tolerance)
    return Interval(value - slack, value + slack)


def interval(
    figure: Figure, tolerance: float = DEFAULT_TOLERANCE, *, rounding: bool = True
) -> Interval:
    """The values `figure` allows, in base units.

    `rounding=False` takes exact figures at face value: a running total that goes from 900,000
    to 850,000 went down, even though each alone could be a rounded figure.
    """
    # Two figures are compared by overlapping their intervals, so rounding takes half of the
    # tolerance on each side: "about 6,400 km" and "7,000 km" (9% apart) disagree at 5%.
    tolerance = tolerance / 2
    tolerance_for_rounding = tolerance if rounding else 0.0
    factor = _factor(figure.unit)
    value = figure.value
    qualifier = figure.qualifier
    if qualifier is Qualifier.AT_LEAST:
        result = Interval(value, value + abs(value) * HEDGE)
    elif qualifier is Qualifier.AT_MOST:
        result = Interval(value - abs(value) * CEILING_HEDGE, value)
    elif qualifier is Qualifier.RANGE:
        low = figure.low if figure.low is not None else value
        high = figure.high if figure.high is not None else value
        low, high = min(low, high), max(low, high)
        result = Interval(
            _rounded(low, tolerance_for_rounding).low, _rounded(high, tolerance_for_rounding).high
        )
    elif qualifier is Qualifier.APPROX:
        spread = abs(value) * tolerance * 2  # an explicit hedge keeps the whole tolerance
        if _NEARLY.search(figure.surface or ""):
            # one-sided: "nearly 1.2 million" may be well below 1.2 million, never above
            result = Interval(value - 2 * spread, value + spread / 10)
        else:
            result = Interval(value - spread, value + spread)
    else:
        result = _rounded(value, tolerance_for_rounding)
    return Interval(result.low * factor, result.high * factor)


def compatible(a: Figure, b: Figure, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """True when both figures can hold at once (same unit dimension assumed by the caller)."""
    if dimension(a.unit) != dimension(b.unit):
        return True  # different things measured: never a contradiction
    return interval(a, tolerance).overlaps(interval(b, tolerance))


def same_range(a: Figure, b: Figure, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """Two ranges for one subject agree only when their ends do: "aged 18 to 30" is not
    "aged 18 to 35", though the two overlap."""
    ends = []
    for figure in (a, b):
        low = figure.low if figure.low is not None else figure.value
        high = figure.high if figure.high is not None else figure.value
        ends.append(
            (
                _rounded(low * _factor(figure.unit), tolerance),
                _rounded(high * _factor(figure.unit), tolerance),
            )
        )
    (a_low, a_high), (b_low, b_high) = ends
    return a_low.overlaps(b_low) and a_high.overlaps(b_high)


_PREFIX = {
    Qualifier.AT_LEAST: "over ",
    Qualifier.AT_MOST: "up to ",
    Qualifier.APPROX: "about ",
}


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def describe(figure: Figure) -> str:
    """How a report names a figure: "about 1,200,000", "170,000-200,000", "1.5 kilometer"."""
    if figure.qualifier is Qualifier.RANGE and figure.low is not None and figure.high is not None:
        text = f"{_number(figure.low)}-{_number(figure.high)}"
    else:
        prefix = _PREFIX.get(figure.qualifier, "")
        if figure.qualifier is Qualifier.APPROX and _NEARLY.search(figure.surface or ""):
            prefix = "nearly "
        text = prefix + _number(figure.value)
    if not figure.unit:
        return text
    unit = display_unit(figure.unit)
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"
