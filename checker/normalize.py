"""Units through pint: one cached registry, canonical unit strings, comparisons across scales.

A figure's `unit` is the string pint prints for a unit ("kilometer ** 2", "1 / month"), so any
consumer can parse it back with `parse_unit`. Pint has no currencies; we define each ISO code as
its own dimension, so "USD" and "EUR" never compare but "USD / hour" still parses.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pint

from checker.data import load_data

__all__ = ["canonical_unit", "parse_unit", "registry", "same_dimension", "to_base", "unit_for"]


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """The process's unit registry, built once (pint takes ~0.1 s to load its definitions)."""
    units: pint.UnitRegistry[Any] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for code in load_data("units")["currencies"]:
        units.define(f"{code} = [currency_{code.lower()}]")
    # A change of a share ("rose 2 percentage points") never compares with a share itself.
    units.define("percentage_point = [percentage_point]")
    units.define("basis_point = 0.01 * percentage_point")
    return units


@lru_cache(maxsize=1024)
def parse_unit(unit: str) -> Any:
    """The pint Unit for a canonical string; raises `ValueError` for what pint cannot read."""
    try:
        return registry().Unit(unit)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError) as e:
        raise ValueError(f"unknown unit: {unit!r}") from e
    except Exception as e:  # pint raises assorted parser errors for malformed strings
        raise ValueError(f"unknown unit: {unit!r}") from e


@lru_cache(maxsize=1024)
def canonical_unit(expression: str) -> str:
    """Pint's own spelling of a unit expression: "km**2" -> "kilometer ** 2"."""
    return str(parse_unit(expression))


@lru_cache(maxsize=1)
def _unit_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    data = load_data("units")
    words = {k.lower(): v for k, v in data["words"].items()}
    return words, dict(data["symbols"]), dict(data["currency_prefixes"])


def unit_for(surface: str) -> str | None:
    """The canonical unit for a unit word or symbol as written ("km²", "tonnes", "$"), or None."""
    words, symbols, prefixes = _unit_tables()
    expression = symbols.get(surface) or words.get(surface.lower()) or prefixes.get(surface)
    return canonical_unit(expression) if expression else None


@lru_cache(maxsize=4096)
def to_base(value: float, unit: str | None) -> tuple[float, str | None]:
    """`value unit` in base units: (1.5, "kilometer") -> (1500.0, "meter"). Counts pass through."""
    if unit is None:
        return value, None
    quantity = registry().Quantity(value, parse_unit(unit)).to_base_units()
    return float(quantity.magnitude), str(quantity.units)


@lru_cache(maxsize=4096)
def same_dimension(first: str | None, second: str | None) -> bool:
    """True when both units measure the same thing: km and m; not km and km², nor USD and EUR."""
    if first is None or second is None:
        return first is None and second is None
    try:
        return bool(parse_unit(first).dimensionality == parse_unit(second).dimensionality)
    except ValueError:
        return False


_SHORT_DIMENSIONS = frozenset(["[length]", "[length] ** 2", "[length] ** 3", "[mass]"])


@lru_cache(maxsize=256)
def display_unit(unit: str) -> str:
    """How a report writes a unit: "km²", "m", "t", "%" for sizes and shares; the full name
    otherwise ("year", not pint's "a")."""
    try:
        parsed = parse_unit(unit)
    except ValueError:
        return unit
    if unit == "percent" or str(parsed.dimensionality) in _SHORT_DIMENSIONS:
        return format(parsed, "~P")
    return unit
