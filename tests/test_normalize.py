from __future__ import annotations

import pytest

from checker.normalize import canonical_unit, parse_unit, same_dimension, to_base, unit_for


def test_unit_strings_parse_back() -> None:
    for surface in ("km", "km²", "sq mi", "tonnes", "%", "months", "$", "€", "GHz"):
        unit = unit_for(surface)
        assert unit is not None
        assert str(parse_unit(unit)) == unit


def test_canonical_spellings() -> None:
    assert unit_for("km²") == "kilometer ** 2"
    assert unit_for("tonnes") == unit_for("t") == "metric_ton"
    assert unit_for("%") == "percent"
    assert unit_for("$") == "USD"
    assert canonical_unit("1 / month") == "1 / month"


def test_to_base_compares_across_scales() -> None:
    magnitude, unit = to_base(1.5, "kilometer")
    assert (magnitude, unit) == (1500.0, "meter")
    assert to_base(1500, "meter")[0] == pytest.approx(to_base(1.5, "kilometer")[0])
    assert to_base(35000, None) == (35000, None)


def test_same_dimension() -> None:
    assert same_dimension("kilometer", "meter")
    assert same_dimension("month", "year")
    assert not same_dimension("kilometer", "kilometer ** 2")
    assert not same_dimension("USD", "EUR")
    assert same_dimension(None, None)
    assert not same_dimension("meter", None)


def test_unknown_units() -> None:
    assert unit_for("widgets") is None
    with pytest.raises(ValueError):
        parse_unit("not a unit at all")


@pytest.mark.parametrize(
    ("surface", "unit"),
    [
        ("kronor", "SEK"),
        ("zlotys", "PLN"),
        ("forints", "HUF"),
        ("Turkish lira", "TRY"),
        ("reais", "BRL"),
        ("South Korean won", "KRW"),
    ],
)
def test_currencies_of_world_news(surface: str, unit: str) -> None:
    assert unit_for(surface) == unit
    assert not same_dimension(unit, "USD")


def test_a_currency_word_several_countries_share_is_no_unit() -> None:
    # "krone" is Danish or Norwegian, "peso" Mexican, Chilean or Philippine: the word alone
    # does not say which, so two such sums are never compared as one currency
    assert unit_for("kroner") is None
    assert unit_for("pesos") is None
