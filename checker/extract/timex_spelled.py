"""Years written in words, as broadcast transcripts write them: "nineteen ninety-six",
"January nineteen ninety-seven", "in nineteen oh five", "twenty twenty-two", "the year two
thousand".

A year said aloud is its century's number and then two digits' words. Read as numbers, its
halves would be two figures ("19" and "96") that count nothing; read as a year, it is a date
like "1996". "Nineteen hundred" and "two thousand" are left alone unless "the year" comes
first: they are counts as often as years ("nineteen hundred people").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["SpelledYear", "may_have_spelled_year", "spelled_years"]

_CENTURIES = {"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_CENTURY_WORDS = (*_CENTURIES, "two thousand")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def _words(table: dict[str, int]) -> str:
    return "|".join(sorted(table, key=len, reverse=True))


_SPELLED = re.compile(
    rf"(?<![\w-])(?:(?P<mon>{_MONTHS})\s+)?"
    rf"(?:(?P<c>(?i:{_words(_CENTURIES)}))[\s-]+"
    rf"(?i:(?P<tens>{_words(_TENS)})(?:[\s-]+(?P<unit>{_words(_UNITS)}))?"
    rf"|(?P<teen>{_words(_TEENS)})"
    rf"|oh[\s-]+(?P<oh>{_words(_UNITS)}))"
    # "the year two thousand (and one)": after "the year", a count is a year
    rf"|(?P<y2k>(?i:the\s+year\s+two\s+thousand)"
    rf"(?i:(?:\s+and)?[\s-]+(?:(?P<teen2>{_words(_TEENS)})|(?P<unit2>{_words(_UNITS)})))?))"
    r"(?![\w-])"
)


@dataclass(frozen=True)
class SpelledYear:
    begin: int
    stop: int
    year: int
    month: int | None  # 1-12 when a month name comes before the year


def may_have_spelled_year(text: str) -> bool:
    """A cheap test for a century word: substring scans, no pattern tried at every offset."""
    folded = text.lower()
    return any(word in folded for word in _CENTURY_WORDS)


def spelled_years(text: str) -> Iterator[SpelledYear]:
    """Every year written in words in `text`, left to right."""
    if not may_have_spelled_year(text):
        return
    for match in _SPELLED.finditer(text):
        if match.group("y2k"):
            after = match.group("teen2") or match.group("unit2")
            year = 2000 + ({**_TEENS, **_UNITS}[after.lower()] if after else 0)
            yield SpelledYear(match.start(), match.end(), year, None)
            continue
        century = _CENTURIES[match.group("c").lower()]
        if match.group("tens"):
            rest = _TENS[match.group("tens").lower()]
            rest += _UNITS[match.group("unit").lower()] if match.group("unit") else 0
        elif match.group("teen"):
            rest = _TEENS[match.group("teen").lower()]
        else:
            rest = _UNITS[match.group("oh").lower()]
        month = match.group("mon")
        yield SpelledYear(
            match.start(),
            match.end(),
            century * 100 + rest,
            _MONTHS.split("|").index(month) + 1 if month else None,
        )
