"""Which numbers of a sentence are figures at all.

`keep` drops the numbers that are part of a date or a year (the sentence's time expressions,
"2500 BC" included), a time of day ("9:30 a.m.", "14:45"), a name ("Voyager 2", "English 101",
"F-16"), a label ("page 42", "section 3.2", "No. 7"), an address ("221 Baker Street"), a phone
number, a score or a record ("won 3-1", "a 52-3 record", "45-7-2"), a footnote marker
("630 km[1]"), an error bar ("+/- 0.01") or a relative date ("13 months ago"); what is left is
read as a figure. The word lists live in `checker/data/not_figures.toml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.data import load_data
from checker.extract.figure_draft import FOOTNOTE, unit_at
from checker.extract.figure_text import last_word
from checker.extract.figure_words import demonym_of, word_lists
from checker.extract.intervals import Disjoint
from checker.extract.numbers import NumberSpan
from checker.extract.timex import TimeSpan
from checker.extract.timex_periods import era_years

_TIME_OF_DAY = re.compile(
    r"(?=\d)(?<![\d.])(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s?(?:[ap]\.m\.|[ap]m)\b", re.I
)
_GLUED_LETTER = re.compile(r"[A-Za-z]")
_AGO = re.compile(r"\s+(?:years?|months?|weeks?|days?)\s+ago\b", re.I)
_SENTENCE_OPENERS = frozenset(
    ["another", "only", "just", "nearly", "some", "all", "those", "these", "almost"]
)
_A_DIGIT = re.compile(r"\d")
_SCAN_AT_MOST = 8  # spans a sentence's numbers are tested against one by one
_UNCERTAINTY_MARKS = ("+/-", "±")  # "9.83 +/- 0.01": the error bar is no figure


def _may_tell_time(text: str) -> bool:
    """A cheap test before `_TIME_OF_DAY`: a time of day ends in "am", "pm", "a.m." or "p.m.",
    in any case (none of these letters has an unusual case fold, so lowercasing agrees)."""
    folded = text.lower()
    return "am" in folded or "pm" in folded or "a.m" in folded or "p.m" in folded


_CLOCK = re.compile(r"(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])")
_PHONE = re.compile(
    r"(?<![\w.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{4}(?![\w-])"
)
_SERIES = re.compile(r"(?<![\w.,-])\d{1,3}(?:[-–]\d{1,3}){2,}(?![\w-])")  # "45-7-2"
_PAIR = re.compile(r"(?<![\w.,-])\d{1,3}[-–]\d{1,3}(?![\w-]|\.\d)")  # "52-3", "3-1"
_SCORE_REACH = 30
_RECORD_AFTER_NAME = re.compile(r"\b[A-Z][a-z]+s\s+\($")
_CURRENCY_CODE = re.compile(
    r"USD|EUR|GBP|JPY|CNY|RUB|UAH|INR|CHF|CAD|AUD|NZD|HKD"
)  # characters around a pair where a word makes it a score


@lru_cache(maxsize=1)
def _not_figure_words() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = load_data("not_figures")
    labels = "|".join(re.escape(w) for w in sorted(data["labels"], key=len, reverse=True))
    suffixes = "|".join(
        re.escape(w) for w in sorted(data["street_suffixes"], key=len, reverse=True)
    )
    # "page 42", "No. 7", "#3", and the end of "pages 4-5"
    label = re.compile(rf"(?:(?<![\w.])(?:{labels})\s*#?|#|\bNo\.\s*)(?:\d{{1,5}}[-–])?$", re.I)
    street = re.compile(rf"\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{suffixes})(?![\w])")
    return label, street, frozenset(data["score_words"])


def _named_spans(text: str) -> list[tuple[int, int]]:
    """Clock times, phone numbers, scores, records and footnote markers: not figures."""
    spans = [m.span() for m in _CLOCK.finditer(text)] if ":" in text else []
    if "-" in text or "–" in text:
        spans += [m.span() for m in _PHONE.finditer(text)]
        spans += [m.span() for m in _SERIES.finditer(text)]
        score_words = _not_figure_words()[2]
        for match in _PAIR.finditer(text):
            around = text[max(0, match.start() - _SCORE_REACH) : match.end() + _SCORE_REACH]
            if not score_words.isdisjoint(re.findall(r"[a-z]+", around.lower())):
                spans.append(match.span())
            elif _RECORD_AFTER_NAME.search(text, max(0, match.start() - 40), match.start()):
                spans.append(match.span())  # "the Bulldogs (15-17)": a team's record
    elif "(" in text or "." in text:
        spans += [m.span() for m in _PHONE.finditer(text)]
    if "[" in text:
        spans += [m.span() for m in FOOTNOTE.finditer(text)]
    spans += list(era_years(text))
    return spans


def _labels_or_locates(text: str, number: NumberSpan) -> bool:
    """ "page 42", "No. 7", "#3", "221 Baker Street": a number that labels or locates."""
    if number.spelled:
        return False
    label, street, _ = _not_figure_words()
    if label.search(text, max(0, number.begin - 20), number.begin):
        return True
    return text[number.begin : number.end].isdigit() and bool(street.match(text, number.end))


def keep(text: str, numbers: list[NumberSpan], times: list[TimeSpan]) -> list[NumberSpan]:
    """The numbers of `text` that are figures, in order: not inside a date, a time of day, a
    name, a label, an address, a phone number, a score or a footnote marker, not an error bar
    nor "... ago"."""
    dates = [(t.begin, t.stop) for t in times]
    # a time of day starts with a digit: search from the first one only
    first_digit = _A_DIGIT.search(text)
    clock = (
        [m.span() for m in _TIME_OF_DAY.finditer(text, first_digit.start())]
        if first_digit and _may_tell_time(text)
        else []
    )
    if first_digit:
        clock += _named_spans(text)
        clock.sort()
    if len(dates) + len(clock) <= _SCAN_AT_MOST:
        # a handful of spans (nearly every sentence) is scanned faster than bisected
        blocked: list[Disjoint | None] = []
        scanned = dates + clock
    else:
        # Each list is disjoint in itself: tested by bisection, a sentence of thousands of
        # numbers stays linear. (A list that overlaps itself is scanned.)
        blocked = [Disjoint.of(dates), Disjoint.of(clock)]
        scanned = (dates if blocked[0] is None else []) + (clock if blocked[1] is None else [])
    kept: list[NumberSpan] = []
    for number in numbers:
        if blocked and any(
            spans is not None and spans.overlaps(number.begin, number.end) for spans in blocked
        ):
            continue
        if _overlaps_any(number, scanned):
            continue
        if _in_name(text, number) or after_uncertainty(text, number.begin):
            continue
        if _labels_or_locates(text, number):
            continue
        if _AGO.match(text, number.end):
            continue  # "13 months ago" is a date, even when no publication date resolves it
        kept.append(number)
    return kept


def _overlaps_any(number: NumberSpan, spans: list[tuple[int, int]]) -> bool:
    # a loop, not `any()` over a generator: called for every number, mostly with one or two spans
    for begin, stop in spans:  # noqa: SIM110
        if number.begin < stop and begin < number.end:
            return True
    return False


def after_uncertainty(text: str, position: int) -> bool:
    """Whether only whitespace separates `position` from a "+/-" or "±" before it. (A regex
    search ending in `\\s*$` over the whole head would make a sentence of many numbers
    quadratic.)"""
    start = position
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return text.endswith(_UNCERTAINTY_MARKS, 0, start)


def _in_name(text: str, number: NumberSpan) -> bool:
    """ "Voyager 2", "English 101", "06F6": a number that names rather than counts."""
    after = text[number.end : number.end + 1]
    if after and _GLUED_LETTER.match(after) and not number.spelled:
        glued = unit_at(text, number.end, allow_space=False, digits=True)
        return glued is None
    if number.spelled or number.fraction:
        return False
    written = text[number.begin : number.end]
    if not written.isdigit() or len(written) > 4:
        return False
    match = last_word(text, number.begin)
    if match is None:
        return False
    word = match.group("w")
    words = word_lists()
    folded = word.lower()
    if not word[0].isupper() or folded in words.qualifier_kind or folded in words.stop_words:
        return False
    if folded in words.adjectives or folded in _SENTENCE_OPENERS or demonym_of(word):
        return False
    if word.isupper() and _CURRENCY_CODE.fullmatch(word):
        return False  # "USD 200": a currency code, not a name
    return unit_at(text, number.end, allow_space=True, digits=True) is None
