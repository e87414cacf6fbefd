"""Temporal expressions in a sentence, resolved against the publication date.

`find_times(text, published)` returns every date or period a sentence states: "January 19, 2026",
"on February 19", "in December", "September 2022", "Sept. 2022", "between April and July",
"in 2025", "since November", "13 months ago", "last year". A date without a year takes the year
that puts it nearest before the publication date (or just after it, for a sentence about the
future). Bare years count only where they read as years (1000-2199), so "2011" is a date and
never a figure; figures use `TimeSpan.start`/`end` offsets to skip them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.extract.intervals import Disjoint
from checker.extract.tense import is_past_form
from checker.extract.timex_periods import (
    Period,
    era_years,
    find_periods,
    may_have_period,
    shifted,
)
from checker.extract.timex_spelled import SpelledYear, may_have_spelled_year, spelled_years
from checker.models import Granularity

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

# The lookahead lets the engine reject most positions on one character.
_MONTH = (
    r"(?=[ADFJMNOS])(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_PREP = (
    r"(?:in|on|since|from|until|till|by|during|through|between|and|to|of|last|early|late|mid"
    r"|dated|before|after|as of|for|—|-|–)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])\b")),
    # Month Day, Year / Month Day
    (
        "mdy",
        re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?"),
    ),
    # Day Month Year / Day Month
    (
        "dmy",
        re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b"),
    ),
    # Month Year
    ("my", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    # a bare month after a preposition: "in December", "since November"
    (
        "m",
        re.compile(
            rf"(?<![\w-])(?=[iosfutbdalemIOSFUTBDALEM—–-])(?P<prep>(?i:{_PREP}))\s+(?:the\s+)?(?P<mon>{_MONTH})(?![\w-])"
        ),
    ),
    # year ranges "2013-14", "2022–2024"
    (
        "yy",
        re.compile(rf"\b(?P<y>{_YEAR})\s?[-–—/]\s?(?P<y2>{_YEAR}|[0-9]{{2}})\b(?![-–.,]?[0-9])"),
    ),
    ("y", re.compile(rf"(?=[12])(?<![\w.,$€£-])(?P<y>{_YEAR})(?![\w%-]|[.,][0-9])")),
]
# The preposition (and "the", "the end of") just before a date. The match must end where the
# date begins, so it is matched on the reversed text from its start, once, rather than
# searched for at every offset of the text before the date. Each word is reversed; no
# preposition ends with another, so at most one can match.
_RELATION_REVERSED = re.compile(
    r"(?:\s+fo\s+(?:gninnigeb|trats|dne|elddim))?(?:\s+eht)?\s+"
    r"(?P<rel>ecnis|morf|litnu|llit|hguorht|yb|neewteb|erofeb|retfa|fo sa|detad|ni|no|gnirud|rof"
    # "around 1850", "c. 1450", "circa 1600", "about 1900": an approximate date
    r"|(?:dnuora|acric|\.c|tuoba)(?![a-z]))",
    re.I,
)
# "payable Dec. 7", "effective Feb. 1", "due in March": dates of what is still to come.
_FUTURE = re.compile(
    r"\b(will|would|shall|set to|scheduled|plans?|planned|expected to|aims?|goal|target"
    r"|upcoming|next|payable|effective|due)\b",
    re.I,
)
_APPROXIMATE = {"c.": "around", "circa": "around", "about": "around"}
_FUTURE_REACH = dt.timedelta(days=240)  # how far ahead a yearless day can lie, looking ahead
_NEAR_AHEAD = dt.timedelta(days=62)  # how far ahead it can lie with no cue either way


@dataclass(frozen=True)
class TimeSpan:
    """A date or period stated in a sentence."""

    start: dt.date
    end: dt.date
    granularity: Granularity
    begin: int  # offsets of the expression in the sentence
    stop: int
    relation: str  # the preposition before it: on, in, since, until, between, by, dated, ...
    year_stated: bool  # False when the year was inferred from the publication date
    # Read from the publication date alone ("on Tuesday", "yesterday", "last year"): it says
    # nothing about the publication date itself (`pubdate` must not infer one from it).
    deictic: bool = False
    # ("day", 1) for "the next day": told from the date the narrative is at (`reanchor`),
    # resolved from the publication date until a reader knows that date.
    shift: tuple[str, int] | None = None

    @property
    def text_key(self) -> str:
        if self.granularity is Granularity.DAY:
            return self.start.isoformat()
        if self.granularity is Granularity.MONTH:
            return self.start.isoformat()[:7]
        return str(self.start.year)


@lru_cache(maxsize=4096)  # dates are immutable; a few hundred months cover most archives
def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_year(
    month: int, day: int | None, published: dt.date | None, cue: _FutureCue, position: int
) -> int | None:
    if published is None:
        return None
    future = cue.before(position)
    # News names coming dates without their year, and rarely one ten months past: with no
    # past-tense verb just before it ("rose in March"), a day up to two months ahead and next
    # month are ahead.
    near = not future and not _past_just_before(cue.text, position)
    year = published.year
    if day is not None:
        candidate = _safe_date(year, month, day) or _safe_date(year, month, 28)
        assert candidate is not None
        slack = _FUTURE_REACH if future else _NEAR_AHEAD if near else dt.timedelta(days=31)
        if candidate > published + slack:
            return year - 1
        if future and candidate < published - dt.timedelta(days=31):
            return year + 1
        return year
    if future:
        return year if month >= published.month else year + 1
    if near and (month - published.month) % 12 == 1:
        return year + 1 if month < published.month else year
    return year if month <= published.month else year - 1


_WORD_BEFORE_DATE = re.compile(r"[A-Za-z]+")


def _past_just_before(text: str, position: int) -> bool:
    """A past-tense verb among the four words before a date: "prices rose in March", "the
    levy was raised on April 20"; not a participle after "be" ("to be completed by Dec. 15")."""
    words = [w.lower() for w in _WORD_BEFORE_DATE.findall(text, max(0, position - 50), position)]
    for index in range(max(0, len(words) - 4), len(words)):
        passive = index > 0 and words[index - 1] in _BE
        if is_past_form(words[index]) and not passive:
            return True
    return False


_BE = frozenset({"be", "been", "being"})


_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_NOT_DIGIT = re.compile(r"\D")
# Every expression needs a digit, a month name or "year"/"month"; most sentences have none.
# Substring tests: one C scan per word beats an alternation tried at every offset.
_ANY_DIGIT = re.compile(r"[0-9]")
_MONTH_PREFIXES = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]
_TIME_WORDS = (*_MONTH_PREFIXES, "year", "month", "Year", "Month")


def _may_have_time(text: str) -> bool:
    return (
        _ANY_DIGIT.search(text) is not None
        or any(word in text for word in _TIME_WORDS)
        or may_have_period(text)
        or may_have_spelled_year(text)
    )


def find_times(text: str, published: dt.date | None = None) -> list[TimeSpan]:
    """Every temporal expression in `text`, left to right, without overlaps."""
    return list(_find_times(text, published))


@lru_cache(maxsize=64)
def _find_times(text: str, published: dt.date | None) -> tuple[TimeSpan, ...]:
    # Several extractors read the same sentence's dates; TimeSpan is frozen, so share them.
    if not _may_have_time(text):
        return ()
    return tuple(_scan(text, published))


def _scan(text: str, published: dt.date | None) -> list[TimeSpan]:
    taken = Disjoint()
    found: list[TimeSpan] = []
    future = _FutureCue(text)
    # Periods first: "last June", "summer 2025" and "1066 AD" hold a month or a year that the
    # calendar patterns below would read alone.
    for period in sorted(
        find_periods(text, published, future.looks_ahead), key=lambda p: (p.begin, -p.stop)
    ):
        if not taken.overlaps(period.begin, period.stop):
            taken.add(period.begin, period.stop)
            found.append(_from_period(period))
    for begin, stop in era_years(text):
        if not taken.overlaps(begin, stop):
            taken.add(begin, stop)  # "2500 BC": no date we can store, and no other reading
    for said in spelled_years(text):
        if not taken.overlaps(said.begin, said.stop):
            taken.add(said.begin, said.stop)
            found.append(_spelled_span(said))
    starts, months = _starts(text)
    for kind, pattern in _PATTERNS:
        start = starts.get(kind)
        if start is None:
            continue
        matches = (
            _at_months(pattern, text, months)
            if kind in _MONTH_LED
            else pattern.finditer(text, start)
        )
        for match in matches:
            begin, stop = match.span()
            if kind == "m":
                begin = match.start("mon")
            if taken.overlaps(begin, stop):
                continue
            span = _to_span(kind, match, begin, stop, published, future)
            if span is None:
                continue
            taken.add(begin, stop)
            found.append(span)
    found.sort(key=lambda s: s.begin)
    return _order_ranges(text, [_with_relation(text, s) for s in _named_days(text, found)])


_WEEKDAY_THEN_DATE = re.compile(r"^,?\s+(?:the\s+)?$")


def _named_days(text: str, spans: list[TimeSpan]) -> list[TimeSpan]:
    """ "on Monday, Oct. 26": the weekday is the date written after it, not the Monday
    nearest the publication date."""
    for index in range(len(spans) - 1):
        weekday, date = spans[index], spans[index + 1]
        if (
            weekday.deictic
            and weekday.granularity is Granularity.DAY
            and date.granularity is Granularity.DAY
            and not date.deictic
            and _WEEKDAY_THEN_DATE.match(text[weekday.stop : date.begin])
        ):
            spans[index] = replace(weekday, start=date.start, end=date.end, deictic=False)
    return spans


# Patterns whose every match opens with a month word (a month name, "\b" before it, then "."
# or a space: a `_MONTH_WORD`).
_MONTH_LED = frozenset({"mdy", "my"})


def _at_months(pattern: re.Pattern[str], text: str, months: list[int]) -> list[re.Match[str]]:
    """`pattern.finditer(text, months[0])` for a month-led pattern, tried only where a month
    word starts rather than at every offset: the same matches, left to right, none
    overlapping."""
    found: list[re.Match[str]] = []
    end = 0
    for month in months:
        if month >= end:
            match = pattern.match(text, month)
            if match is not None:
                end = match.end()
                found.append(match)
    return found


class _FutureCue:
    """Whether a future cue ("will", "plans") comes before an offset. Only a month without a
    year looks at the tense, and only at cues before it: in "killed 35,000 in December and aim
    for 50,000 by summer" the aim does not move December ahead. Searched on first use: most
    sentences state their years."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._first_end: int | None = None

    def before(self, position: int) -> bool:
        if self._first_end is None:
            cue = _FUTURE.search(self.text)
            self._first_end = cue.end() if cue else len(self.text) + 1
        return self._first_end <= position

    def looks_ahead(self, position: int) -> bool:
        """For a weekday, a season or a quarter: a strong cue of the future near it ("On
        Monday, the minister will visit", "until Tuesday"). "Would" and a cue far away do not
        count: "officials said Friday they would ..." is about a past Friday."""
        window = self.text[max(0, position - _AHEAD_REACH) : position + _AHEAD_REACH]
        return _AHEAD.search(window) is not None


_AHEAD = re.compile(
    r"\b(?:will|shall|won't|is\s+to|are\s+to|set\s+to|scheduled|due\s+to|plans?\s+to|"
    r"planned|expected\s+to|until|till|upcoming)\b|'ll\b",
    re.I,
)
_AHEAD_REACH = 40


def _from_period(period: Period) -> TimeSpan:
    relation = "between" if period.granularity in _SPANS else "in"
    if period.granularity is Granularity.DAY:
        relation = "on"
    return TimeSpan(
        period.start,
        period.end,
        period.granularity,
        period.begin,
        period.stop,
        relation,
        period.year_stated,
        deictic=not period.year_stated,
        shift=period.shift,
    )


def reanchor(span: TimeSpan, anchor: dt.date) -> TimeSpan:
    """`span` told from `anchor` (the date the narrative is at) when it is told from a date at
    all ("the next day", "a year earlier"); else `span` as it is."""
    if span.shift is None:
        return span
    unit, count = span.shift
    period = shifted(anchor, unit, count, span.begin, span.stop)
    if period is None:
        return span
    return replace(span, start=period.start, end=period.end, granularity=period.granularity)


_SPANS = frozenset({Granularity.DECADE, Granularity.CENTURY})


# A month name standing as a word: every month-led pattern's month is one ("Mayor" is not).
_MONTH_WORD = re.compile(
    r"(?=[ADFJMNOS])(?<!\w)(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?!\w)"
)
_LONGEST_PREP = 7  # "through", "between"
_LONGEST_DAY = 4  # "21st"


def _starts(text: str) -> tuple[dict[str, int], list[int]]:
    """Where each pattern can first match; a pattern left out cannot match at all. Also where
    each month word starts.

    Each pattern runs only when its cheapest ingredient is present (most sentences have digits,
    few a month name, fewer "ago"), and from the first offset a match can start at rather than
    from 0: the regexes are tried at every offset, which was most of the extractor's time. A
    later start finds the same matches, since lookbehinds and word boundaries still see the
    text before it."""
    starts: dict[str, int] = {}
    year = _FOUR_DIGITS.search(text)
    if year is not None:
        # iso, yy and y all open with four digits; iso and yy need a dash or a slash too
        if "-" in text:
            starts["iso"] = year.start()
        if "-" in text or "–" in text or "—" in text or "/" in text:
            starts["yy"] = year.start()
        starts["y"] = year.start()
    months = [m.start() for m in _MONTH_WORD.finditer(text)]
    if months:
        # a day, a year: digits after the month
        if _ANY_DIGIT.search(text, months[0]):
            starts["mdy"] = months[0]
        if _FOUR_DIGITS.search(text, months[0]):
            starts["my"] = months[0]
        # before the month: whitespace, then "of" (dmy) or "the" (m), then the day or the
        # preposition
        lead = _skip_space_back(text, months[0])
        if _ANY_DIGIT.search(text, 0, months[-1]):  # dmy needs a day before a month
            of = _skip_space_back(text, lead - 2) if text.endswith("of", 0, lead) else lead
            starts["dmy"] = max(0, of - _LONGEST_DAY)
        the = _skip_space_back(text, lead - 3) if text.endswith("the", 0, lead) else lead
        starts["m"] = max(0, the - _LONGEST_PREP)
    return starts, months


def _skip_space_back(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


_RANGE_JOINER = re.compile(r"^\s*(?:and|to|through|until|till|-|–|—)\s*$")


def _order_ranges(text: str, spans: list[TimeSpan]) -> list[TimeSpan]:
    """In "between April and July" the second month follows the first, whatever the year says;
    in "from March to May 2020" the first is in the year the range ends in, or the one before."""
    for i in range(1, len(spans)):
        first, second = spans[i - 1], spans[i]
        joined = _RANGE_JOINER.match(text[first.stop : second.begin])
        if joined and second.year_stated and not first.year_stated and not first.deictic:
            years = second.start.year - first.start.year
            if _shift_year(first.start, years) > second.start:
                years -= 1
            start, end = _shift_year(first.start, years), _shift_year(first.end, years)
            spans[i - 1] = replace(first, start=start, end=end)
            continue
        if not joined or second.year_stated or second.start >= first.start:
            continue
        shift = (
            first.start.year
            - second.start.year
            + ((second.start < first.start.replace(year=second.start.year) and 1) or 0)
        )
        start = _shift_year(second.start, shift)
        end = _shift_year(second.end, shift)
        spans[i] = replace(second, start=start, end=end, year_stated=False)
    return spans


def as_ranges(text: str, spans: Sequence[TimeSpan]) -> list[TimeSpan]:
    """The spans with each range written in words ("between 1820 and 1825", "from March to
    May 2020") read as one: its first span covers the whole period, as "1820-1825" does, and
    its second keeps its own date as the bound the range runs until. So "1823" elsewhere falls
    inside the period instead of contradicting either end."""
    read = list(spans)
    for i in range(1, len(read)):
        first, second = read[i - 1], read[i]
        if (
            first.relation in ("between", "from")
            and _RANGE_JOINER.match(text[first.stop : second.begin])
            and first.start <= second.start
            and not first.deictic
            and not second.deictic
        ):
            read[i - 1] = replace(first, end=max(first.end, second.end), relation="between")
            read[i] = replace(second, relation="until")
    return read


def _shift_year(date: dt.date, years: int) -> dt.date:
    day = min(date.day, calendar.monthrange(date.year + years, date.month)[1])
    return date.replace(year=date.year + years, day=day)


def _with_relation(text: str, span: TimeSpan) -> TimeSpan:
    before = text[max(0, span.begin - 40) : span.begin]
    match = _RELATION_REVERSED.match(before[::-1])
    relation = match.group("rel")[::-1].lower() if match else "on"
    relation = _APPROXIMATE.get(relation, relation)
    if relation == span.relation:
        return span
    return replace(span, relation=relation)


def _to_span(
    kind: str,
    match: re.Match[str],
    begin: int,
    stop: int,
    published: dt.date | None,
    future: _FutureCue,
) -> TimeSpan | None:
    groups = match.groupdict()
    if kind in ("iso", "mdy", "dmy"):
        month = MONTHS[groups["mon"].rstrip(".").lower()] if "mon" in groups else int(groups["m"])
        day = int(_NOT_DIGIT.sub("", groups["d"]))
        year_text = groups.get("y")
        # "May 5" is a date, but "may 5" mid-sentence is a verb; capitals decide.
        if kind == "mdy" and not year_text:
            month_name = groups["mon"]
            if month_name.lower().startswith("may") and not month_name[0].isupper():
                return None
        year = int(year_text) if year_text else _resolve_year(month, day, published, future, begin)
        if year is None:
            return None
        date = _safe_date(year, month, day)
        if date is None:
            return None
        return TimeSpan(date, date, Granularity.DAY, begin, stop, "on", bool(year_text))
    if kind in ("my", "m"):
        name = groups["mon"]
        if name.rstrip(".").lower() == "may" and not name[0].isupper():
            return None
        if kind == "m" and name[0].islower():
            return None
        month = MONTHS[name.rstrip(".").lower()]
        year_text = groups.get("y")
        year = int(year_text) if year_text else _resolve_year(month, None, published, future, begin)
        if year is None:
            return None
        start, end = month_bounds(year, month)
        return TimeSpan(start, end, Granularity.MONTH, begin, stop, "in", bool(year_text))
    if kind == "yy":
        first = int(groups["y"])
        second_text = groups["y2"]
        second = (
            int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        )
        # "2013-14" is a season; "1850-1921", both years in full, may be a lifetime
        longest = _LONGEST_RANGE if len(second_text) == 4 else _LONGEST_SHORT_RANGE
        if not first < second <= first + longest:
            return None
        return TimeSpan(
            dt.date(first, 1, 1),
            dt.date(second, 12, 31),
            Granularity.YEAR,
            begin,
            stop,
            "between",
            True,
        )
    return _year_span(int(groups["y"]), begin, stop, "in", stated=True)


_LONGEST_RANGE = 120  # years, between two years written in full
_LONGEST_SHORT_RANGE = 50  # years, to a year written with two digits


def _spelled_span(said: SpelledYear) -> TimeSpan:
    """ "nineteen ninety-six" is 1996, "January nineteen ninety-seven" January 1997."""
    if said.month is None:
        return _year_span(said.year, said.begin, said.stop, "in", stated=True)
    start, end = month_bounds(said.year, said.month)
    return TimeSpan(start, end, Granularity.MONTH, said.begin, said.stop, "in", True)


def _year_span(year: int, begin: int, stop: int, relation: str, *, stated: bool) -> TimeSpan:
    return TimeSpan(
        dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.YEAR, begin, stop, relation, stated
    )
