from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from checker.compat import (
    compatible,
    describe,
    dimension,
    interval,
    rounding_halfwidth,
    same_range,
)
from checker.models import Figure, Frame, Modality, Qualifier

# Lemmas of the event words tests use, as the parse gives them.
_LEMMAS = {"killed": "kill", "wounded": "wound", "mobilized": "mobilize", "died": "die"}


def frame_of(fields: dict[str, Any]) -> Frame | None:
    """The frame the parse would give a figure with these words: what is counted (`noun`),
    what happened to it (`event`) and whose it is (`modifiers`, else one story's anchor)."""
    noun, event = fields.get("noun"), fields.get("event")
    if noun is None and event is None and not fields.get("unit"):
        return None
    owners = tuple(m.title() for m in fields.get("modifiers", ()))
    return Frame(
        # no owner word: the figure borrows the story's anchor, as from a title
        anchor=owners or ("Story",),
        anchor_from="clause" if owners else "title",
        predicate=_LEMMAS.get(event or "", event or ""),
        attribute=noun or "",
    )


def figure(value: float, **fields: Any) -> Figure:
    """A Figure for tests: Russian soldiers killed, stated in a.md line 1, unless told otherwise.
    Its frame follows from `noun`, `event` and `modifiers` (words of the sentence, as the
    parse would read them) unless one is given."""
    defaults: dict[str, Any] = {
        "path": "a.md",
        "line": 1,
        "column": 1,
        "text": "A sentence.",
        "noun": "soldier",
        "event": "killed",
        "modifiers": ("russian",),
        "subject": "russian soldiers killed",
        "modality": Modality.FACT,
        "as_of": dt.date(2026, 1, 31),
    }
    defaults.update(fields)
    if "frame" not in fields:
        defaults["frame"] = frame_of(defaults)
    # what happened and whose are the frame's parts, not the figure's
    defaults.pop("event", None)
    defaults.pop("modifiers", None)
    return Figure(value=value, **defaults)


def test_rounding_halfwidth_follows_significant_digits() -> None:
    assert rounding_halfwidth(35_000) == 500
    assert rounding_halfwidth(1_200_000) == 50_000
    assert rounding_halfwidth(1.5) == pytest.approx(0.05)
    assert rounding_halfwidth(35_412) == 0.5


def test_round_number_is_approximate_at_its_precision() -> None:
    assert compatible(figure(1_200_000), figure(1_190_000))
    assert compatible(figure(35_000), figure(35_000))
    assert not compatible(figure(35_000), figure(53_000))
    # a one-digit round number is capped at the tolerance, so 300,000 is not 340,000
    assert not compatible(figure(300_000), figure(340_000))


def test_nearly_leans_below() -> None:
    nearly = figure(1_200_000, qualifier=Qualifier.APPROX, surface="nearly 1.2 million")
    assert compatible(nearly, figure(1_190_000))
    assert compatible(nearly, figure(1_120_000))
    assert not compatible(nearly, figure(600_000))
    assert not compatible(nearly, figure(1_300_000))
    about = figure(1_200_000, qualifier=Qualifier.APPROX, surface="about 1.2 million")
    assert compatible(about, figure(1_250_000))


def test_bounds_and_ranges() -> None:
    over = figure(200_000, qualifier=Qualifier.AT_LEAST)
    assert compatible(over, figure(250_000))
    assert not compatible(over, figure(150_000))
    # "over X" is a floor near the figure, not any number above it.
    assert interval(over).high == 260_000
    assert not compatible(figure(768_000, qualifier=Qualifier.AT_LEAST), over)
    up_to = figure(900_000, qualifier=Qualifier.AT_MOST)
    assert compatible(up_to, figure(600_000))
    assert not compatible(up_to, figure(1_000_000))
    ranged = figure(170_000, low=170_000, high=200_000, qualifier=Qualifier.RANGE)
    assert compatible(ranged, figure(185_000))
    assert not compatible(ranged, figure(240_000))


def test_two_ranges_agree_only_on_their_ends() -> None:
    ages = figure(24, low=18, high=30, qualifier=Qualifier.RANGE, unit="year", noun="age")
    wider = figure(26.5, low=18, high=35, qualifier=Qualifier.RANGE, unit="year", noun="age")
    again = figure(24, low=18, high=30, qualifier=Qualifier.RANGE, unit="year", noun="age")
    assert compatible(ages, wider)  # they overlap ...
    assert not same_range(ages, wider)  # ... but do not say the same thing
    assert same_range(ages, again)


def test_units_convert_to_base() -> None:
    km = figure(1.5, unit="kilometer", noun=None)
    metres = figure(1500, unit="meter", noun=None)
    assert dimension("kilometer") == dimension("meter")
    assert compatible(km, metres)
    assert not compatible(km, figure(2500, unit="meter", noun=None))
    assert dimension("percent") != dimension(None)


def test_describe() -> None:
    assert describe(figure(35_000)) == "35,000"
    assert describe(figure(200_000, qualifier=Qualifier.AT_LEAST)) == "over 200,000"
    ranged = figure(170_000, low=170_000, high=200_000, qualifier=Qualifier.RANGE)
    assert describe(ranged) == "170,000-200,000"
