"""Ordinals that rank: "the 11th largest", "the fifth-biggest", "came third", "ranked 2nd".

An ordinal alone ("the first time", "on the 5th", "the 19th century") is no figure; one with a
superlative or a ranking word is a rank, a figure of its own kind (`Figure.rank`): compared
only with other ranks. The word lists live in `checker/data/ranks.toml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.data import load_data
from checker.extract.names import lower_words
from checker.extract.number_span import NumberSpan

__all__ = ["find_ranks"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_data("ranks")
    ordinals = {k: int(v) for k, v in data["ordinals"].items()}
    words = "|".join(sorted(ordinals, key=len, reverse=True))
    ordinal = re.compile(rf"\b(?:(?P<digits>\d{{1,4}})(?:st|nd|rd|th)|(?P<word>{words}))\b", re.I)
    after_words = "|".join(re.escape(w) for w in data["ranks"]["after"])
    after = re.compile(rf"[\s-]+(?:(?:{after_words})\b|[a-z]+est\b)", re.I)
    before_words = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(data["ranks"]["before"], key=len, reverse=True)
    )
    before = re.compile(rf"\b(?:{before_words})\s+(?:in\s+)?(?:the\s+)?$", re.I)
    return ordinals, ordinal, after, before


_DIGIT_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b")
_REACH = 30  # the longest ranking phrase before an ordinal, with "in the"


def find_ranks(text: str) -> list[NumberSpan]:
    """The ranks of `text`, left to right."""
    ordinals, ordinal, after, before = _patterns()
    # An ordinal is a word of the list or digits with a suffix: most sentences have neither.
    if ordinals.keys().isdisjoint(lower_words(text)) and _DIGIT_ORDINAL.search(text) is None:
        return []
    found: list[NumberSpan] = []
    for match in ordinal.finditer(text):
        ranked = after.match(text, match.end()) or before.search(
            text, max(0, match.start() - _REACH), match.start()
        )
        if ranked is None:
            continue
        digits = match.group("digits")
        value = int(digits) if digits else ordinals[match.group("word").lower()]
        found.append(
            NumberSpan(float(value), match.start(), match.end(), spelled=not digits, ordinal=True)
        )
    return found
