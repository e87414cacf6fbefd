"""An article's publication date: from its metadata, else inferred from its text.

Every relative date in an article ("in December", "on February 19") resolves against this date,
so a wrong guess is worse than none. In order of trust:

1. a dateline near the top ("KYIV, Feb. 20, 2026 -");
2. the latest complete date (day, month and year stated), since an article cannot report on a day
   after it was published;
3. the latest day-and-month without a year ("on February 19"), in the latest year the text
   states as past ("in 2026", "at the end of 2025"; not "for 2026" or "a 2026 plan");
4. the end of the latest month-and-year stated ("released in December 2024").

A text with none of these keeps an unknown date rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.timex import MONTHS, find_times
from checker.models import Granularity

# How many non-empty lines from the top may hold a dateline.
_DATELINE_LINES = 8
# "Published: February 20, 2026", "Updated 20 Feb 2026 10:15", a date alone on a short line.
_LABEL = re.compile(r"^\s*(?:first\s+)?(?:published|updated|posted|date)(?:\s+on)?\s*:?\s*", re.I)
_SHORT_LINE = 60
# "KYIV, Feb. 20, 2026 (Reuters) -", "LONDON, 20 February 2026 —": a place in capitals, then a date.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{1,40},\s+(?P<rest>.{6,40})")
# Three-letter month stems, for a cheap test before running the date patterns on a line.
_MONTH_STEMS = tuple(sorted({name[:3] for name in MONTHS}))


def parse_date_value(value: object) -> dt.date | None:
    """A metadata `date`: a date, a datetime, "2026-02-20", "2026-02-20T10:00Z", "Feb 20, 2026"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    return _complete_date(text, whole=True)


def infer_date(body: str) -> dt.date | None:
    """A dateline near the top, else the latest complete date anywhere in `body`."""
    lines = [line for line in body.split("\n") if line.strip()]
    for line in lines[:_DATELINE_LINES]:
        found = _dateline(line)
        if found:
            return found
    complete: list[dt.date] = []
    day_months: list[tuple[int, int]] = []
    month_ends: list[dt.date] = []
    past_years: list[int] = []
    for line in lines:
        if not _may_hold_date(line):
            continue
        # A stand-in publication date lets yearless dates through; only their day and month count.
        for span in find_times(line, _ANY_YEAR):
            if span.deictic:
                continue  # "yesterday", "last year": read from the stand-in date itself
            if span.granularity is Granularity.DAY and span.year_stated:
                complete.append(span.start)
            elif span.granularity is Granularity.DAY:
                day_months.append((span.start.month, span.start.day))
            elif span.granularity is Granularity.MONTH and span.year_stated:
                month_ends.append(span.end)
            elif span.granularity is Granularity.YEAR and _reads_as_past(
                line, span.begin, span.stop
            ):
                past_years.append(span.start.year)
    if complete:
        return max(complete)
    if day_months and past_years:
        year = max(past_years)
        return max(d for d in (_safe(year, m, day) for m, day in day_months) if d is not None)
    if month_ends:
        return max(month_ends)
    return None


_ANY_YEAR = dt.date(2000, 7, 1)
_YEAR_RUN = re.compile(r"\b(?:1[0-9]|2[01])[0-9]{2}\b")
# A year after these words reads as something that has happened or is happening.
_PAST_YEAR_LEAD = re.compile(
    r"(?:\b(?:in|of|during|since|throughout)\s+(?:early|mid|late\s+)?)$", re.I
)


def _reads_as_past(line: str, begin: int, stop: int) -> bool:
    """ "in 2026", "the end of 2025": yes; "for 2026", "a 2026 plan", "by 2030": no."""
    if not _PAST_YEAR_LEAD.search(line[max(0, begin - 20) : begin]):
        return False
    following = line[stop : stop + 2]
    return not following[:1].isalpha() and not following.startswith("-")


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dateline(line: str) -> dt.date | None:
    match = _DATELINE.match(line)
    if match:
        rest = match.group("rest")
    elif len(line.strip()) <= _SHORT_LINE:
        rest = _LABEL.sub("", line.strip())
    else:
        return None
    for span in find_times(rest):
        if span.begin == 0 and span.granularity is Granularity.DAY and span.year_stated:
            return span.start
    return None


def _may_hold_date(line: str) -> bool:
    """Cheap pre-filter: a complete date needs a four-digit run and a month name or an ISO dash."""
    if not any(ch.isdigit() for ch in line):
        return False
    folded = line.lower()
    return (
        "-" in line or any(stem in folded for stem in _MONTH_STEMS) or bool(_YEAR_RUN.search(line))
    )


def _complete_date(text: str, *, whole: bool) -> dt.date | None:
    """The one complete date in `text`; with `whole`, it must be (nearly) all of the text."""
    spans = [s for s in find_times(text) if s.granularity is Granularity.DAY and s.year_stated]
    if len(spans) != 1:
        return None
    span = spans[0]
    if whole and len(text.strip(" ,.")) - (span.stop - span.begin) > 4:
        return None
    return span.start
