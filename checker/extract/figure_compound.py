"""Measures written in two units, joined into one figure in the larger unit.

"6 ft 8 in", "5 feet and 2 inches", "6-foot-8", "6′8″", "5'10\"", "1 h 20 min", "2 hours and
30 minutes", "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50".
`combine` runs over a sentence's drafts once, left to right, after ranges are joined: a draft
merges into the one before it when the gap between them is empty, a comma or "and", both units
measure the same thing and the second is the smaller one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.extract.figure_draft import Draft
from checker.models import Qualifier
from checker.normalize import canonical_unit, same_dimension, to_base

__all__ = ["combine"]

_GAP = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$", re.I)
_INCHES_AFTER_FOOT = re.compile(r"-(?P<n>\d{1,2}(?:\.\d+)?)(?![\w.-])")  # "6-foot-8"
_FEET_MARK = re.compile(r"\s?['′]\s?$")  # a space may follow the mark: "6' 8" tall"
_INCH_MARK = re.compile(r"\s?(?:[\"″]|'')")
# "12 ft 2 in more or less"; not "3 feet 4 in the snow", where "in" opens a phrase
_INCH_WORD = re.compile(r" in\b(?!\s+(?:the|a|an|his|her|their|its|this|that|[A-Z0-9]))")
_SUBUNIT = re.compile(r"\s*(?:cents?|pence|p\b|pennies|penny)\b", re.I)
_BARE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
_MONEY_GAP = re.compile(r"^\s+(?:and\s+)?$", re.I)
_CALENDAR_UNITS = frozenset({"year", "month", "week", "day"})
_FOOT = "foot"
_INCH = "inch"


def combine(text: str, drafts: list[Draft]) -> list[Draft]:
    """`drafts` with two-unit measures joined (see the module docstring)."""
    combined: list[Draft] = []
    for draft in drafts:
        previous = combined[-1] if combined else None
        merged = _merge(text, previous, draft) if previous is not None else None
        if merged is not None:
            combined[-1] = merged
            continue
        combined.append(_hyphenated_inches(text, draft))
    return combined


def _plain(draft: Draft) -> bool:
    return draft.qualifier is not Qualifier.RANGE and draft.low is None


def _merge(text: str, first: Draft, second: Draft) -> Draft | None:
    if not (_plain(first) and _plain(second)):
        return None
    if second.begin < first.end:
        # "17 USD 25": the code after the first number is not the second one's prefix
        if first.unit is not None and first.unit == second.unit and first.unit.isupper():
            return _money(text, first, replace(second, unit=None), " ")
        return None
    gap = text[first.end : second.begin]
    primes = _primes(text, first, second, gap)
    if primes is not None:
        return primes
    if first.unit is not None and first.unit.isupper():
        return _money(text, first, second, gap)
    if (
        first.unit is None
        or second.unit is None
        or first.unit == second.unit
        or not _GAP.match(gap)
        or not same_dimension(first.unit, second.unit)
    ):
        return None
    if first.unit in _CALENDAR_UNITS:
        return None  # "3 years, 2 months": each a figure of its own
    big, _ = to_base(1.0, first.unit)
    small, _ = to_base(1.0, second.unit)
    if not 0 < small < big:
        return None
    value = first.value + second.value * small / big
    return replace(first, value=value, end=second.end)


def _primes(text: str, first: Draft, second: Draft, gap: str) -> Draft | None:
    """ "6′8″", "5'10\"": feet and inches in marks."""
    foot = canonical_unit(_FOOT)
    marked = _FEET_MARK.search(gap) is not None
    if first.unit not in (None, foot) or not (marked or (first.unit == foot and gap == " ")):
        return None
    if second.unit not in (None, canonical_unit(_INCH)):
        return None
    closing = _INCH_MARK.match(text, second.end) or _INCH_WORD.match(text, second.end)
    if second.unit is None and closing is None:
        return None
    end = closing.end() if closing is not None and second.unit is None else second.end
    return replace(
        first, value=first.value + second.value / 12, unit=canonical_unit(_FOOT), end=end
    )


def _money(text: str, first: Draft, second: Draft, gap: str) -> Draft | None:
    """ "3 dollars 50 cents", "15 dollars 50": the minor unit after the major one."""
    if second.unit is not None or not _MONEY_GAP.match(gap) or "/" in (first.unit or ""):
        return None
    if not (float(second.value).is_integer() and 0 < second.value < 100):
        return None
    subunit = _SUBUNIT.match(text, second.end)
    if subunit is None and not _BARE_END.match(text, second.end):
        return None
    end = subunit.end() if subunit is not None else second.end
    return replace(first, value=first.value + second.value / 100, end=end)


def _hyphenated_inches(text: str, draft: Draft) -> Draft:
    """ "a 6-foot-8 forward": the inches hang on the foot with a hyphen."""
    if draft.unit != canonical_unit(_FOOT) or not _plain(draft):
        return draft
    inches = _INCHES_AFTER_FOOT.match(text, draft.end)
    if inches is None or not text[draft.number.end : draft.end].startswith("-"):
        return draft
    value = draft.value + float(inches.group("n")) / 12
    return replace(draft, value=value, end=inches.end())
