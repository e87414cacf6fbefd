"""Numbers written in more than one piece, joined after `numbers.py` has read the pieces.

- decimals in words: "five point five", "three point one four";
- signs in words: "minus 5", "negative 12";
- a scale word and what it adds: "3 hundred and 21";
- shares: "one in three", "3 out of 4", "a quarter of", "half of";
- fractions of a scale: "half a million", "a quarter million", "three quarters of a billion";
- plural scales as an approximate floor: "dozens of", "hundreds of", "tens of thousands of".

Each join is one left-to-right pass over the sorted numbers with a regex anchored at the gap
between two of them: the work stays linear in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.data import load_data
from checker.extract.number_span import NumberSpan

__all__ = ["join_numbers", "plural_floors", "scaled_fractions"]

_POINT = re.compile(r"\s+point\s+$", re.I)
_SIGN_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:minus|negative)\s+$", re.I)
_AND = re.compile(r"^\s+and\s+$", re.I)
_SHARE_GAP = re.compile(r"^\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.I)
_SCALE_END = re.compile(r"(?:hundred|thousand)$", re.I)
_SIGN_REACH = 10  # "negative " is the longest sign word and its space
# the fraction words of scales.toml's `article_fractions`, for a cheap test first
_FRACTION_WORDS = ("half", "quarter", "third", "fifth", "tenth")


@lru_cache(maxsize=1)
def _scales() -> tuple[dict[str, float], dict[str, float], re.Pattern[str], re.Pattern[str]]:
    tables = load_data("scales")
    plural = {k: float(v) for k, v in tables["plural_scales"].items()}
    large = {k: float(v) for k, v in tables["multipliers"].items() if float(v) >= 1000}
    plural_words = "|".join(sorted(plural, key=len, reverse=True))
    # "tens of thousands of", "hundreds of millions of", "dozens of"
    floors = re.compile(
        rf"\b(?:(?P<outer>{plural_words})\s+of\s+)?(?P<inner>{plural_words})\s+of\b", re.I
    )
    large_words = "|".join(sorted(large, key=len, reverse=True))
    # "half a million", "a quarter million", "a third of a billion", "three quarters billion"
    fractions = re.compile(
        r"\b(?:(?P<article>a|an|one)\s+)?(?P<part>half|quarter|third)\s+(?:of\s+)?(?:a\s+)?"
        rf"(?P<scale>{large_words})\b",
        re.I,
    )
    return plural, large, floors, fractions


def plural_floors(text: str) -> list[NumberSpan]:
    """ "hundreds of", "tens of thousands of": at least two of the scale (200, 20,000)."""
    if "s of" not in text:
        return []
    plural, _, floors, _ = _scales()
    found = []
    for match in floors.finditer(text):
        value = 2 * plural[match.group("inner").lower()]
        if match.group("outer"):
            value *= plural[match.group("outer").lower()]
        end = match.end() - len(" of") if match.group(0).lower().endswith(" of") else match.end()
        found.append(NumberSpan(value, match.start(), end, spelled=True, words=2, floor=True))
    return found


def scaled_fractions(text: str) -> list[NumberSpan]:
    """ "half a million" (500,000), "a quarter million" (250,000); "a quarter of the staff"
    (0.25) and "half of them" (0.5) as shares."""
    folded = text.lower()
    if not any(word in folded for word in _FRACTION_WORDS):
        return []
    _, large, _, fractions = _scales()
    parts = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
    found = [
        NumberSpan(
            parts[m.group("part").lower()] * large[m.group("scale").lower()],
            m.start(),
            m.end(),
            spelled=True,
            words=2,
        )
        for m in fractions.finditer(text)
    ]
    denominators, shares = _shares()
    for match in shares.finditer(text):
        if any(f.begin <= match.start() < f.end for f in found):
            continue
        group = "part" if match.group("part") else "half"
        value = 1 / denominators[match.group(group).lower()]
        found.append(
            NumberSpan(value, match.start(), match.end(group), spelled=True, words=2, fraction=True)
        )
    return found


@lru_cache(maxsize=1)
def _shares() -> tuple[dict[str, float], re.Pattern[str]]:
    denominators = {k: float(v) for k, v in load_data("scales")["article_fractions"].items()}
    words = "|".join(sorted(denominators, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:(?:a|an)\s+(?P<part>{words})|(?P<half>half))\s+of\b", re.I)
    return denominators, pattern


def join_numbers(text: str, numbers: list[NumberSpan]) -> list[NumberSpan]:
    """`numbers` (sorted, not overlapping) with the pieces of one number joined."""
    joined: list[NumberSpan] = []
    for number in numbers:
        previous = joined[-1] if joined else None
        if previous is not None and number.begin < previous.end:
            continue  # read as part of the number before ("two thirds of a million")
        if previous is not None:
            merged = _join_pair(text, previous, number)
            if merged is not None:
                joined[-1] = merged
                continue
        joined.append(_scaled(text, _signed(text, number)))
    return joined


def _scaled(text: str, number: NumberSpan) -> NumberSpan:
    """ "three quarters of a billion": a spelled fraction before a scale word."""
    if not (number.fraction and number.spelled):
        return number
    _, large, _, _ = _scales()
    scale = _SCALE_AFTER.match(text, number.end)
    if scale is None or scale.group("scale").lower() not in large:
        return number
    value = number.value * large[scale.group("scale").lower()]
    return replace(number, value=value, end=scale.end(), fraction=False)


_SCALE_AFTER = re.compile(r"\s+(?:of\s+)?(?:a\s+)?(?P<scale>[a-z]+)\b", re.I)


def _signed(text: str, number: NumberSpan) -> NumberSpan:
    """ "minus 5": the sign word before a number."""
    if number.value <= 0:
        return number
    sign = _SIGN_BEFORE.search(text, max(0, number.begin - _SIGN_REACH), number.begin)
    if sign is None:
        return number
    return replace(number, value=-number.value, begin=sign.start())


def _join_pair(text: str, first: NumberSpan, second: NumberSpan) -> NumberSpan | None:
    gap = text[first.end : second.begin]
    if len(gap) > 12:
        return None
    if (
        first.spelled
        and second.spelled
        and _POINT.search(gap)
        and second.value < 10
        and float(first.value).is_integer()
    ):
        # "five point five"; a second digit word extends it ("three point one four")
        return replace(first, value=first.value + second.value / 10, end=second.end, fraction=True)
    if first.fraction and first.spelled and second.spelled and second.value < 10:
        decimal = text[first.begin : first.end].lower()
        if " point " in decimal and gap.strip() == "":
            places = len(decimal.split(" point ")[-1].split())
            step = 10.0 ** -(places + 1)
            return replace(first, value=first.value + second.value * step, end=second.end)
    if (
        _AND.match(gap)
        and _SCALE_END.search(text, first.begin, first.end)
        and float(second.value).is_integer()
        and 0 < second.value < 100
        and not second.fraction
    ):
        return replace(first, value=first.value + second.value, end=second.end)
    if (
        _SHARE_GAP.match(gap)
        and not first.fraction
        and not second.fraction
        and float(first.value).is_integer()
        and float(second.value).is_integer()
        and 0 < first.value < second.value <= 1000
    ):
        # "one in three", "3 out of 4": a share, like "two thirds"
        return replace(
            first, value=first.value / second.value, end=second.end, fraction=True, words=2
        )
    return None
