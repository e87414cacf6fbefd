"""Dates a reader resolves from the publication date, and named periods.

`find_periods` reads what `timex` does not spell out as a calendar date: "on Tuesday", "last
Friday", "yesterday", "last June", "this week", "the previous month", "two weeks ago", "a year
earlier", seasons ("last summer", "the fall of 1998"), quarters ("the third quarter", "Q3 2024"),
decades ("the 1890s", "the '90s"), centuries ("the 19th century") and era years ("AD 79").
Each is a `Period` that `timex` turns into a `TimeSpan`. A weekday or a yearless month looks
back from the publication date unless the sentence looks ahead ("will", "next").

"2500 BC" is a year too, but not one a `datetime.date` can hold: `era_years` only says where
such years are written, so that they are never read as figures.

Word lists live in `checker/data/timex.toml`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.data import load_data
from checker.models import Granularity

__all__ = ["Period", "era_years", "find_periods", "may_have_period", "shifted"]

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"
_MONTH_NAMES = [m for m in calendar.month_name if m]


@dataclass(frozen=True)
class Period:
    """One expression read here: its first and last day, granularity and offsets."""

    start: dt.date
    end: dt.date
    granularity: Granularity
    begin: int
    stop: int
    year_stated: bool
    # ("day", 1) for "the next day": told from the date the narrative is at; resolved from the
    # publication date until a reader knows that date (`shifted`)
    shift: tuple[str, int] | None = None


@dataclass(frozen=True)
class _Words:
    days: dict[str, int]
    weekdays: dict[str, int]
    direction: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    quarters: dict[str, int]
    counts: dict[str, int]
    holidays: dict[str, tuple[int, ...]]  # folded name -> (month, day) or (month, weekday, n)
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # per pattern: word sets that must all meet the sentence's words, or marks in its text
    needs: dict[str, tuple[tuple[frozenset[str], ...], tuple[str, ...]]]
    cue_words: frozenset[str]  # some word of every period written with words
    cue_marks: tuple[str, ...]  # some mark of every other one
    marks: re.Pattern[str]  # any of `cue_marks`
    era_before: re.Pattern[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_data("timex")
    weekdays = {k.lower(): int(v) for k, v in data["weekdays"].items()}
    direction = {k.lower(): int(v) for k, v in data["direction"].items()}
    seasons = {k: (int(v[0]), int(v[1])) for k, v in data["seasons"].items()}
    quarters = {k: int(v) for k, v in data["quarters"].items()}
    counts = {k: int(v) for k, v in data["counts"].items()}
    eras = data["eras"]
    holidays: dict[str, tuple[int, ...]] = {
        **{k: tuple(v) for k, v in data["holidays"]["fixed"].items()},
        **{k: tuple(v) for k, v in data["holidays"]["weekday"].items()},
    }
    direction_words = _alternatives(list(direction))
    anchored_words = _alternatives(data["anchored"]["words"])
    now_words = _alternatives([w for w in direction if w not in data["anchored"]["words"]])
    weekday_names = "|".join(w.capitalize() for w in weekdays)
    count_words = _alternatives(list(counts))
    patterns = (
        ("day", re.compile(r"\b(?P<w>" + _alternatives(list(data["days"])) + r")\b", re.I)),
        (
            "weekday",
            re.compile(
                rf"(?:\b(?P<dir>(?i:{direction_words}))\s+)?\b(?P<w>{weekday_names})\b(?!s\b)"
            ),
        ),
        (
            "month",
            re.compile(
                rf"\b(?P<dir>(?i:{direction_words}))\s+(?P<w>{'|'.join(_MONTH_NAMES)})\b"
                r"(?!,?\s+\d)"
            ),
        ),
        (
            # "mid-November", "late-March 2020": a part of a month is read as the month
            "part_month",
            re.compile(
                rf"\b(?i:mid|early|late)-(?P<w>{'|'.join(_MONTH_NAMES)})\b"
                rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
            ),
        ),
        (
            # "October this year", "March of last year": a month of a year told from now
            "month_of_year",
            re.compile(
                rf"\b(?P<w>{'|'.join(_MONTH_NAMES)})\s+(?:of\s+)?(?P<dir>(?i:{direction_words}))"
                r"\s+(?i:year)\b"
            ),
        ),
        (
            "unit",
            re.compile(
                rf"\b(?:the\s+)?(?P<dir>{now_words})\s+(?P<u>week|month|year|quarter)\b",
                re.I,
            ),
        ),
        (
            "count",
            re.compile(
                rf"\b(?P<n>{count_words}|\d{{1,3}})\s+(?P<u>day|week|month|year)s?\s+"
                r"(?P<side>ago|earlier|later)\b",
                re.I,
            ),
        ),
        (
            # "the following week", "the next day", "the day before", "that same day"
            "anchored",
            re.compile(
                rf"\b(?:the\s+)?(?P<dir>{anchored_words})\s+(?P<u>day|week|month|year)\b"
                r"|\bthe\s+(?P<next>next)\s+(?P<u2>day)\b"
                # "The day before, ..."; not "the day before authorities acted"
                r"|\bthe\s+(?P<u3>day|week|month|year)\s+(?P<side>before|after)(?=\s*[,.;:)]|$)"
                r"|\b(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?P<u4>day|week|month|year)\b"
                r"|\bthe\s+same\s+(?P<u5>day|week|month|year)\b",
                re.I,
            ),
        ),
        (
            "season",
            re.compile(
                rf"\b(?:(?P<dir>{direction_words}|early|late)\s+|(?P<prep>in|during|by)\s+the\s+"
                r"|the\s+(?=\w+\s+of\s+\d))?(?P<w>"
                + _alternatives(list(seasons))
                + rf")\b(?:\s+(?:of\s+)?(?P<y>{_YEAR})\b)?",
                re.I,
            ),
        ),
        (
            "quarter",
            re.compile(
                r"\b(?P<w>" + _alternatives(list(quarters)) + r")[\s-]quarter\b"
                rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y>{_YEAR})\b|,?\s+(?P<y2>{_YEAR})\b)?",
                re.I,
            ),
        ),
        (
            "q",
            re.compile(
                rf"\bQ(?P<q>[1-4])(?:\s*(?P<y>{_YEAR})\b)?|\b(?P<y2>{_YEAR})\s+Q(?P<q2>[1-4])\b"
            ),
        ),
        (
            "decade",
            re.compile(
                r"(?:\b(?P<part>(?i:early|mid|late))[\s-]+)?"
                r"(?:(?<![\w'’])(?P<c>1[0-9]|20)(?P<d>[0-9])0['’]?s\b|(?<!\w)['’](?P<d2>[0-9])0s\b)"
            ),
        ),
        ("century", re.compile(r"\b(?P<n>[1-9]|1[0-9]|2[0-2])(?:st|nd|rd|th)[\s-]century\b")),
        (
            "holiday",
            re.compile(
                rf"(?:\b(?P<dir>(?i:{direction_words}))\s+)?\b(?P<w>"
                + "|".join(
                    re.escape(name).replace("'", "['’]")
                    for name in sorted(holidays, key=len, reverse=True)
                )
                + rf")\b(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})\b)?"
            ),
        ),
        (
            "era",
            re.compile(
                rf"\b(?:{_alternatives(eras['after'])})\s?(?P<y>[1-9][0-9]{{0,3}})\b"
                rf"|\b(?P<y2>[1-9][0-9]{{0,3}})\s?(?:{_alternatives(eras['after'])})(?![\w.])"
            ),
        ),
    )
    era_before = re.compile(
        rf"\b(?P<y>[1-9][0-9]{{0,4}}(?:,[0-9]{{3}})?)\s?(?:{_alternatives(eras['before'])})(?![\w])"
    )
    months = frozenset(m.lower() for m in _MONTH_NAMES)
    units = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
    # Per pattern, what a sentence must hold for it to match: every word set meets the
    # sentence's words, or one of the marks is in its text. Tested on the set of the
    # sentence's words, this costs far less than running the patterns.
    needs: dict[str, tuple[tuple[frozenset[str], ...], tuple[str, ...]]] = {
        "day": ((frozenset(data["days"]),), ()),
        "weekday": ((frozenset(weekdays),), ()),
        "month": ((months, frozenset(direction)), ()),
        "month_of_year": ((months, frozenset({"year"})), ()),
        "part_month": ((months, frozenset({"mid", "early", "late"})), ()),
        "unit": ((frozenset({"week", "month", "year", "quarter"}), frozenset(direction)), ()),
        "count": ((frozenset({"ago", "earlier", "later"}), units), ()),
        "anchored": (
            (
                units,  # first: the set tested alone, in `cue_words`, should be the rarer one
                frozenset({*data["anchored"]["words"], "next", "before", "after", "that", "same"}),
            ),
            (),
        ),
        "season": ((frozenset(seasons),), ()),
        "quarter": ((frozenset({"quarter"}),), ()),
        "q": ((), ("Q1", "Q2", "Q3", "Q4")),
        "decade": ((), ("0s", "0's", "0’s")),
        "century": ((frozenset({"century"}),), ()),
        "era": ((), tuple(eras["after"])),
        "holiday": ((frozenset(_fold_name(n).split()[0].split("'")[0] for n in holidays),), ()),
    }
    return _Words(
        needs=needs,
        cue_words=frozenset().union(*(sets[0] for sets, _ in needs.values() if sets)),
        cue_marks=tuple(mark for _, marks in needs.values() for mark in marks),
        marks=re.compile(_alternatives([mark for _, marks in needs.values() for mark in marks])),
        days={k: int(v) for k, v in data["days"].items()},
        weekdays=weekdays,
        direction=direction,
        seasons=seasons,
        quarters=quarters,
        counts=counts,
        holidays={_fold_name(k): v for k, v in holidays.items()},
        patterns=patterns,
        era_before=era_before,
    )


_FOLD = bytes(
    (byte | 0x20) if chr(byte).isascii() and chr(byte).isalpha() else 0x20 for byte in range(256)
)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=8)  # asked by `may_have_period`, then by `find_periods`
def _folded_words(text: str) -> frozenset[str]:
    """The sentence's words, lowercased (a translation and a split for ASCII text)."""
    if text.isascii():
        return frozenset(text.encode().translate(_FOLD).decode().split())
    return frozenset(_WORD.findall(text.lower()))


def may_have_period(text: str) -> bool:
    """A cheap test: whether `text` can hold a period (a set test on its words)."""
    words = _words()
    return (
        not words.cue_words.isdisjoint(_folded_words(text)) or words.marks.search(text) is not None
    )


def era_years(text: str) -> Iterator[tuple[int, int]]:
    """Where a year before the common era is written ("2500 BC"): no figure, no stored date."""
    if "BC" not in text and "B.C" not in text:
        return
    for match in _words().era_before.finditer(text):
        yield match.span()


def find_periods(
    text: str, published: dt.date | None, looks_ahead: Callable[[int], bool]
) -> list[Period]:
    """The periods of `text`, possibly overlapping (the caller keeps the first of each place);
    `looks_ahead(offset)` says whether the sentence speaks of the future there."""
    words = _words()
    folded = _folded_words(text)
    hits = words.cue_words & folded
    marked = words.marks.search(text) is not None
    if not hits and not marked:
        return []  # most sentences
    found: list[Period] = []
    for kind, pattern in words.patterns:
        word_sets, marks = words.needs[kind]
        if word_sets:
            if word_sets[0].isdisjoint(hits) or any(
                needed.isdisjoint(folded) for needed in word_sets[1:]
            ):
                continue
        elif not marked or not any(mark in text for mark in marks):
            continue
        for match in pattern.finditer(text):
            period = _read(kind, match, published, looks_ahead)
            if period is not None:
                found.append(period)
    return found


def _read(
    kind: str,
    match: re.Match[str],
    published: dt.date | None,
    looks_ahead: Callable[[int], bool],
) -> Period | None:
    words = _words()
    groups = match.groupdict()
    begin, stop = match.span()
    stated = _stated_year(groups)
    if kind == "decade":
        if groups["d2"] is not None:
            if published is None:
                return None
            tens = int(groups["d2"]) * 10
            century = published.year // 100 * 100
            first = century + tens if century + tens <= published.year else century - 100 + tens
        else:
            first = int(groups["c"]) * 100 + int(groups["d"]) * 10
        if first < 1:
            return None  # "the '90s" read against a date of the first century: no such decade
        # "the early 1960s", "the mid-1960s", "the late 1960s": a part of the decade, read
        # wide, since writers draw its bounds differently
        low, high = _DECADE_PARTS[(groups["part"] or "").lower()]
        return _years(first + low, first + high, Granularity.DECADE, begin, stop, stated=True)
    if kind == "century":
        number = int(groups["n"])
        first = max(1, (number - 1) * 100)
        return _years(first, number * 100 - 1, Granularity.CENTURY, begin, stop, stated=True)
    if kind == "era":
        year = int(groups["y"] or groups["y2"])
        return _years(year, year, Granularity.YEAR, begin, stop, stated=True)
    if kind in ("quarter", "q"):
        quarter = (
            words.quarters[groups["w"].lower()]
            if kind == "quarter"
            else int(groups["q"] or groups["q2"])
        )
        return _quarter(quarter, stated, published, looks_ahead(begin), begin, stop)
    if kind == "season":
        return _season(match, stated, published, looks_ahead(begin))
    if kind == "part_month":
        return _part_month(match, stated, published, looks_ahead(begin))
    if kind == "holiday":
        return _holiday(match, stated, published, looks_ahead(begin))
    if published is None:
        return None
    if kind == "day":
        day = published + dt.timedelta(days=words.days[groups["w"].lower()])
        return Period(day, day, Granularity.DAY, begin, stop, year_stated=False)
    direction = words.direction.get((groups.get("dir") or "").lower())
    if kind == "weekday":
        day = _weekday(
            published, words.weekdays[groups["w"].lower()], direction, looks_ahead(begin)
        )
        return Period(day, day, Granularity.DAY, begin, stop, year_stated=False)
    if kind == "month":
        return _month(match, published, direction)
    if kind == "month_of_year":
        assert direction is not None
        start, end = _months(published.year + direction, _MONTH_NAMES.index(groups["w"]) + 1, 1)
        return Period(start, end, Granularity.MONTH, begin, stop, year_stated=False)
    if kind == "unit":
        assert direction is not None
        return shifted(published, groups["u"].lower(), direction, begin, stop)
    if kind == "anchored":
        return _anchored(groups, published, begin, stop)
    raw = groups["n"].lower()
    count = int(raw) if raw.isdigit() else words.counts[raw]
    unit = groups["u"].lower()
    side = groups["side"].lower()
    count = count if side == "later" else -count
    if unit == "year":
        # "a year ago" is this time last year: the same month, not the whole year
        unit, count = "month", 12 * count
    period = shifted(published, unit, count, begin, stop)
    # "two days later", "a week earlier", "three years later" go on from the narrative's date;
    # "a year earlier" of a month or a year compares with now ("profit, up from a year earlier")
    if period is None or side == "ago" or (side == "earlier" and unit in ("month", "year")):
        return period
    return replace(period, shift=(unit, count))


def _anchored(
    groups: dict[str, str | None], published: dt.date, begin: int, stop: int
) -> Period | None:
    words = _words()
    unit = next(groups[name] for name in ("u", "u2", "u3", "u4", "u5") if groups.get(name))
    assert unit is not None
    if groups.get("dir"):
        count = words.direction[str(groups["dir"]).lower()]
    elif groups.get("next"):
        count = 1
    elif groups.get("side"):
        count = -1 if str(groups["side"]).lower() == "before" else 1
    else:
        count = 0  # "that day", "the same week"
    period = shifted(published, unit.lower(), count, begin, stop)
    return None if period is None else replace(period, shift=(unit.lower(), count))


def _stated_year(groups: dict[str, str | None]) -> int | None:
    for name in ("y", "y2"):
        value = groups.get(name)
        if value:
            return int(value)
    return None


_DECADE_PARTS = {"": (0, 9), "early": (0, 4), "mid": (3, 7), "late": (5, 9)}


def _years(
    first: int, last: int, granularity: Granularity, begin: int, stop: int, *, stated: bool
) -> Period:
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), granularity, begin, stop, stated)


def _months(year: int, month: int, count: int) -> tuple[dt.date, dt.date]:
    """The first day of `month` of `year` and the last day `count` months on."""
    last_index = year * 12 + month - 1 + count - 1
    last_year, last_month = divmod(last_index, 12)
    last_day = calendar.monthrange(last_year, last_month + 1)[1]
    return dt.date(year, month, 1), dt.date(last_year, last_month + 1, last_day)


def _weekday(published: dt.date, weekday: int, direction: int | None, ahead: bool) -> dt.date:
    back = (published.weekday() - weekday) % 7  # 0: the publication day itself
    forward = (weekday - published.weekday()) % 7
    if direction == -1:
        return published - dt.timedelta(days=back or 7)
    if direction == 1:
        return published + dt.timedelta(days=forward or 7)
    if direction == 0:
        return published + dt.timedelta(days=weekday - published.weekday())
    return published + dt.timedelta(days=forward) if ahead else published - dt.timedelta(days=back)


def _month(match: re.Match[str], published: dt.date, direction: int | None) -> Period:
    """ "last June": the latest June before the publication month; "next March" the first
    after it; "this June" the one of the publication year."""
    month = _MONTH_NAMES.index(match.group("w")) + 1
    year = published.year
    if direction == -1 and month >= published.month:
        year -= 1
    elif direction == 1 and month <= published.month:
        year += 1
    start, end = _months(year, month, 1)
    return Period(start, end, Granularity.MONTH, *match.span(), year_stated=False)


def shifted(anchor: dt.date, unit: str, shift: int, begin: int, stop: int) -> Period | None:
    """The day, week, month, quarter or year `shift` of them away from `anchor` (the
    publication date, or the date the narrative is at); None past the calendar's ends."""
    try:
        return _shift(anchor, unit, shift, begin, stop)
    except (OverflowError, ValueError):
        return None  # "next year" in an article dated 9999-12-31


def _shift(anchor: dt.date, unit: str, shift: int, begin: int, stop: int) -> Period | None:
    if unit == "day":
        day = anchor + dt.timedelta(days=shift)
        return Period(day, day, Granularity.DAY, begin, stop, year_stated=False)
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
        return Period(
            monday, monday + dt.timedelta(days=6), Granularity.WEEK, begin, stop, year_stated=False
        )
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        start, end = _months(index // 4, index % 4 * 3 + 1, 3)
        return Period(start, end, Granularity.QUARTER, begin, stop, year_stated=False)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        start, end = _months(index // 12, index % 12 + 1, 1)
        return Period(start, end, Granularity.MONTH, begin, stop, year_stated=False)
    year = anchor.year + shift
    if not 1 <= year <= 9999:
        return None
    return _years(year, year, Granularity.YEAR, begin, stop, stated=False)


def _quarter(
    quarter: int, year: int | None, published: dt.date | None, ahead: bool, begin: int, stop: int
) -> Period | None:
    """A quarter of its stated year, else the latest one begun by the publication date (the
    next one to end after it, when the sentence looks ahead)."""
    first_month = (quarter - 1) * 3 + 1
    if year is None:
        if published is None:
            return None
        year = published.year
        if ahead:
            if _months(year, first_month, 3)[1] < published:
                year += 1
        elif first_month > published.month:
            year -= 1
    start, end = _months(year, first_month, 3)
    return Period(start, end, Granularity.QUARTER, begin, stop, year_stated=year is not None)


def _season(
    match: re.Match[str], year: int | None, published: dt.date | None, ahead: bool
) -> Period | None:
    words = _words()
    name = match.group("w").lower()
    direction_word = (match.group("dir") or "").lower()
    if year is None and not direction_word and not match.group("prep"):
        return None  # a bare "spring" or "fall" is as often a verb or a noun as a season
    if name == "fall" and year is None and not direction_word:
        return None  # "in the fall" of prices
    first_month, length = words.seasons[name]
    direction = words.direction.get(direction_word)
    if year is None:
        if published is None:
            return None
        year = published.year
        latest = year if first_month <= published.month else year - 1  # the latest begun
        if direction == -1:
            # the last one over by the publication date
            year = latest if _months(latest, first_month, length)[1] < published else latest - 1
        elif direction == 1:
            year = latest + 1
        elif direction == 0:
            year = latest
        else:
            year = (
                latest + 1
                if ahead and _months(latest, first_month, length)[1] < published
                else latest
            )
        stated = False
    else:
        stated = True
    start, end = _months(year, first_month, length)
    begin = match.start()
    if match.group("prep"):
        begin = match.start() + len(match.group("prep")) + 1
    return Period(start, end, Granularity.SEASON, begin, match.end(), stated)


def _fold_name(name: str) -> str:
    return name.lower().replace("’", "'")


def _holiday_in(year: int, rule: tuple[int, ...]) -> dt.date:
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, weekday, nth = rule
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(
    match: re.Match[str], year: int | None, published: dt.date | None, ahead: bool
) -> Period | None:
    """ "Christmas", "last Thanksgiving", "New Year's Eve 1999": the day, in its stated year,
    else the latest one by the publication date (the next, looking ahead)."""
    words = _words()
    rule = words.holidays[_fold_name(match.group("w"))]
    if year is None:
        if published is None:
            return None
        direction = words.direction.get((match.group("dir") or "").lower())
        day = _holiday_in(published.year, rule)
        if direction == 1 or (direction is None and ahead):
            if day < published:
                day = _holiday_in(published.year + 1, rule)
        elif (direction == -1 and day >= published) or (direction is None and day > published):
            day = _holiday_in(published.year - 1, rule)
    else:
        day = _holiday_in(year, rule)
    return Period(day, day, Granularity.DAY, *match.span(), year_stated=year is not None)


def _part_month(
    match: re.Match[str], year: int | None, published: dt.date | None, ahead: bool
) -> Period | None:
    """ "mid-November": the month, in its stated year, else the latest one by the publication
    date (the next one, looking ahead)."""
    month = _MONTH_NAMES.index(match.group("w")) + 1
    stated = year is not None
    if year is None:
        if published is None:
            return None
        year = published.year
        if ahead and month < published.month:
            year += 1
        elif not ahead and month > published.month:
            year -= 1
    start, end = _months(year, month, 1)
    begin = match.start("w")
    return Period(start, end, Granularity.MONTH, begin, match.end(), year_stated=stated)
