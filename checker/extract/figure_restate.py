"""Figures a sentence states twice: a measure with its conversion, a count with its list.

"43 miles (69 km)" and "43 miles, or 69 km": the second figure restates the first in another
unit; `mark_restatements` records which figure it restates (`Draft.restates`), and
`figure-mismatch` checks that the two agree (`checker.compare.restatements`). "five others (A,
B, C, D and E)": the list in brackets restates the count; it records how many items the list
names (`Draft.listed`).

Only what cannot mean something else is read. A conversion is a measure of length, area,
volume, mass or speed in another unit of the same dimension, right after the first, in
brackets or after "or"; units whose size depends on the country are left out ("tons",
"gallons", "ounces"). A list is a complete enumeration in brackets right after the counted
noun: two or more short items of one kind, nothing that says it is partial ("including",
"such as", "and others") and no breakdown ("12 people (7 men and 5 women)").
"""

from __future__ import annotations

import re
from itertools import pairwise

from checker.extract.figure_draft import Draft
from checker.models import Qualifier
from checker.normalize import same_dimension

__all__ = ["mark_restatements"]

# What may stand between a measure and its conversion: "43 miles (69 km)", "43 miles, or 69 km".
_CONVERSION_GAP = re.compile(r"^\s*(?:\(|,?\s+or\s+)\s*$", re.I)
# Units a conversion can be checked in: their size is the same wherever the article is written.
_CONVERTIBLE = re.compile(
    r"^(?:kilo|centi|milli)?(?:meter|gram)$|^(?:mile|foot|inch|yard|pound|metric_ton|hectare"
    r"|acre|liter|knot)$|\*\* [23]$|^\w+ / hour$"
)
# Written units whose size depends on the country (short, long or metric tons; US or imperial
# gallons, pints and ounces): "1 million tons (907,000 tonnes)" is right in the US.
_LOCAL_UNITS = re.compile(r"\b(?:tons?|gallons?|pints?|quarts?|ounces?|oz|cwt)\b", re.I)
_LIST = re.compile(r"\s*\((?P<body>[^()]{1,400})\)")
# Words that make a bracketed list partial, or something other than the things counted.
_PARTIAL = re.compile(
    r"\b(?:includ\w*|such\s+as|e\.\s?g\.|i\.\s?e\.|among|like|notably|especially|mainly|mostly"
    r"|chiefly|etc|others?|more|each|all|both|respectively|see|of\s+whom|of\s+which|aged?|per)\b"
    r"|[%$€£=:]",
    re.I,
)
_ITEM_SPLIT = re.compile(r"\s*[,;]\s*")
_FINAL_AND = re.compile(r"^(?:and|or|&)\s+", re.I)
_AND = re.compile(r"\s+(?:and|or|&)\s+", re.I)
# A number followed by a word: the bracket breaks the count down ("7 men and 5 women").
_BREAKDOWN = re.compile(
    r"(?:^|\s)(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+[a-z]", re.I
)
_MAX_ITEM_WORDS = 6
_SMALLEST_LIST, _LARGEST_COUNT = 2, 60


def mark_restatements(text: str, drafts: list[Draft]) -> None:
    """Record on each draft the figure it converts and the length of the list it is given."""
    for first, second in pairwise(drafts):
        if _converts(text, first, second):
            second.restates = (first.begin, first.end)
    for draft in drafts:
        draft.listed = _listed(text, draft)


def _converts(text: str, first: Draft, second: Draft) -> bool:
    units = first.unit, second.unit
    if units[0] is None or units[1] is None or units[0] == units[1]:
        return False
    if not all(_CONVERTIBLE.search(unit) for unit in (units[0], units[1])):
        return False
    if not _CONVERSION_GAP.match(text[first.end : second.begin]):
        return False
    written = text[first.begin : second.end]
    return same_dimension(*units) and not _LOCAL_UNITS.search(written)


def _listed(text: str, draft: Draft) -> int | None:
    """How many things the bracket right after a counted noun names, when it lists them all."""
    if draft.unit is not None or draft.noun is None or draft.noun_end < 0 or draft.age:
        return None
    if draft.qualifier is not Qualifier.EXACT or draft.number.ordinal:
        return None
    if not (float(draft.value).is_integer() and _SMALLEST_LIST <= draft.value <= _LARGEST_COUNT):
        return None
    bracket = _LIST.match(text, draft.noun_end)
    if bracket is None or _PARTIAL.search(bracket.group("body")):
        return None
    items = _items(bracket.group("body"))
    if items is None or len(items) < _SMALLEST_LIST:
        return None
    return len(items)


def _items(body: str) -> list[str] | None:
    """The items of "A, B and C" or "A; B; C", or None when they cannot be told apart for sure
    ("Johnson and Johnson, Procter and Gamble") or are not one kind of thing."""
    parts = [p for p in _ITEM_SPLIT.split(body.strip()) if p]
    if len(parts) > 1:
        parts[-1] = _FINAL_AND.sub("", parts[-1])
        joined = [i for i, part in enumerate(parts) if _AND.search(part)]
        if joined and joined != [len(parts) - 1]:
            return None  # an "and" inside an item: the items are not single names
        if joined:
            parts[-1:] = _AND.split(parts[-1])
    else:
        parts = _AND.split(body.strip())
    items = [p.strip() for p in parts if p.strip()]
    if any(len(item.split()) > _MAX_ITEM_WORDS or _BREAKDOWN.search(item) for item in items):
        return None
    numeric = {any(c.isdigit() for c in item) for item in items}
    return items if len(numeric) == 1 else None  # "Smith, 45, and Jones, 52": names and ages
