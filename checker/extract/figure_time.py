"""When a figure holds: its period, whether it is a running total, its as-of date, superlatives.

Separate from what a figure counts (`figure_noun`) and what it is about (`frames`): this
module only looks at the sentence's time expressions (`timex.find_times`) and where the figure
sits among them.
A time span belongs to the figure nearest to it in the same clause; a report date ("as of May
2025", "released in December 2024", "according to Bloomberg on November 30", "In December, X
stated") gives the as-of date of every figure in the sentence instead of a period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.context import ArticleContext
from checker.extract.names import lower_words
from checker.extract.timex import TimeSpan
from checker.models import Granularity

__all__ = [
    "RIVAL_REACH",
    "TIME_REACH",
    "Timing",
    "record_anchors",
    "report_dates",
    "superlatives",
    "timing",
]

_CLAUSE_BREAK = re.compile(
    r"[;—]|,\s+(?:which|who|while|but|although|whereas|a figure|and|following|after|before)\b"
)
_STATEMENT = re.compile(
    r"\b(?:said|says|stated|states|told|reported|reports|wrote|writes|claimed)\b"
)
_RELEASED = re.compile(
    r"\b(?:released|published|issued|dated|updated|estimated|reported|announced|calculated)"
    r"\s+(?:on\s+|in\s+)?$",
    re.I,
)
_REPORTED_ON = re.compile(
    r"\b(?P<verb>according to|said|reported|wrote|stated|citing|report(?:ed)? by|estimated)\b"
    r"[^.;]{0,60}$",
    re.I,
)
_REPORTED_ON_REACH = 120
# How far a date may sit after (before) a figure and still be its period.
_AFTER_LIMIT = 60
_BEFORE_LIMIT = 30
# Beyond this many characters (plus the longest date and figure) another figure can never be
# nearer to one of a figure's dates than the figure itself.
RIVAL_REACH = 2 * _AFTER_LIMIT + _BEFORE_LIMIT
# Where the cumulative cue is looked for around a figure, and how far after it its date may be.
_CUE_AFTER = 100
_CUE_BEFORE = 60
_CUE_TO_DATE = 50
# Beyond this many characters (plus the longest date, before the figure) no date can be a
# figure's period nor its cumulative cue's date.
TIME_REACH = max(_AFTER_LIMIT, _BEFORE_LIMIT, _CUE_AFTER + _CUE_TO_DATE, _CUE_BEFORE) + 10
_CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:(?:beginning|start|outbreak)\s+of\s+(?:the\s+)?)?"
    r"(?P<event>(?:full-scale\s+)?(?:invasion|war)(?:\s+began|\s+started)?)"
    r"|since(?=\s+(?:\w+\s+)?\d{4}\b)|so far|to date|in total since|thus far|until now"
    # "since the floods began", "since the new terminal opened": a running total of any story
    r"|since\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){1,3}?"
    r"(?:began|started|opened|launched|broke\s+out|took\s+office|came\s+into\s+force|"
    r"was\s+(?:opened|launched|founded|declared)))\b",
    re.I,
)
_INVASION_DATE = re.compile(
    r"\b(?:invasion|war\s+(?:began|started))\b[^.;]{0,25}?(?:in|on|\()\s*$", re.I
)
_SUPERLATIVE_LIST = "largest|biggest|highest|lowest|smallest|greatest|fewest|most|record"
_SUPERLATIVE_WORDS = frozenset(_SUPERLATIVE_LIST.split("|"))
_SUPERLATIVE = re.compile(
    r"(?:\bthe|['’]s)\s+(?:[\w-]+\s+)?(?P<s>" + _SUPERLATIVE_LIST + r")\b"
    r"(?:[^.;]{0,60}?\bsince\s+)?",
    re.I,
)
# Text every match of a pattern holds: where an ASCII sentence, folded, holds none of it, the
# pattern is not searched (most sentences hold none). Substrings, not words, since the patterns
# run on slices and windows, where a word boundary can fall inside a word of the sentence.
# (Tested one by one with `in`: a C substring search each, faster than one regex alternation.)
_STATEMENT_TEXT = ("said", "says", "stat", "told", "report", "wrote", "writes", "claimed")
_RELEASED_TEXT = (
    "released",
    "published",
    "issued",
    "dated",
    "updated",
    "estimated",
    "reported",
    "announced",
    "calculated",
)
_REPORTED_ON_TEXT = ("according", "said", "report", "wrote", "stated", "citing", "estimated")
_CUMULATIVE_TEXT = ("since", "so far", "to date", "thus far", "until now")
_INVASION_TEXT = ("invasion", "war")
_SPAN_JOINER = re.compile(r"^\s*(?:and|to|through|until|-|–)\s*$")


@dataclass(frozen=True)
class Timing:
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    granularity: Granularity | None = None
    cumulative: bool = False
    as_of: dt.date | None = None


@dataclass(frozen=True)
class Superlative:
    word: str
    offset: int
    since: dt.date | None
    since_span: TimeSpan | None


@lru_cache(maxsize=32)  # asked again for every figure of the sentence
def _may_hold(text: str, parts: tuple[str, ...]) -> bool:
    """False when `text`, folded, holds none of `parts`. ASCII only: a pattern ignoring case
    also matches "ſ" for "s", which folding leaves alone."""
    folded = _ascii_folded(text)
    if folded is None:
        return True
    return any(part in folded for part in parts)


@lru_cache(maxsize=8)
def _ascii_folded(text: str) -> str | None:
    return text.lower() if text.isascii() else None


def record_anchors(text: str, times: list[TimeSpan], context: ArticleContext) -> None:
    """Remember the invasion's date when the article names it, for a later "since the invasion"."""
    if not times or not _may_hold(text, _INVASION_TEXT):
        return
    for span in times:
        if span.granularity is Granularity.YEAR:
            continue
        if _INVASION_DATE.search(text[max(0, span.begin - 60) : span.begin]):
            context.anchors.setdefault("invasion", span.start)


def superlatives(text: str, times: list[TimeSpan]) -> list[Superlative]:
    found: list[Superlative] = []
    # Most sentences hold none of the words: a set test skips the pattern, which tries every
    # "the". ASCII only, where the pattern's word boundaries and `lower_words` agree.
    if text.isascii() and _SUPERLATIVE_WORDS.isdisjoint(lower_words(text)):
        return found
    for match in _SUPERLATIVE.finditer(text):
        since = next((t for t in times if t.begin == match.end()), None)
        found.append(
            Superlative(
                match.group("s").lower(), match.start("s"), since.start if since else None, since
            )
        )
    return found


def report_dates(
    text: str, times: list[TimeSpan], first_figure: int
) -> list[tuple[TimeSpan, dt.date]]:
    """Spans that date the statement or report rather than the figure's period; the same for
    every figure of the sentence (`first_figure` is where the first one begins)."""
    dates: list[tuple[TimeSpan, dt.date]] = []
    if not times:
        return dates
    released = _may_hold(text, _RELEASED_TEXT)
    reported_on = _may_hold(text, _REPORTED_ON_TEXT)
    statement = _may_hold(text, _STATEMENT_TEXT)
    for span in times:
        lead = text[max(0, span.begin - 30) : span.begin]
        if span.relation == "as of" or (released and _RELEASED.search(lead)):
            dates.append((span, span.end))
        elif (
            reported_on
            and span.relation == "on"
            and span.granularity is Granularity.DAY
            and _reported_on(text, span, first_figure)
        ):
            dates.append((span, span.start))
        elif (
            statement
            and span.stop <= first_figure
            and _STATEMENT.search(text[span.stop : first_figure])
        ):
            dates.append((span, span.end))
    return dates


def _reported_on(text: str, span: TimeSpan, first_figure: int) -> bool:
    """Whether the day follows a word of reporting ("said on Monday", "citing a report on
    Monday") with no figure between them: "police said the storm killed 21 people on Monday"
    dates the killing, not the saying."""
    # the pattern ends at the span and is at most ~75 characters long: search only its
    # reach, not the whole sentence before every span
    start = max(0, span.begin - _REPORTED_ON_REACH)
    found = _REPORTED_ON.search(text[start : span.begin])
    return found is not None and not start + found.end("verb") <= first_figure < span.begin


def _gap_length(span: TimeSpan, begin: int, end: int, size: int) -> int:
    """`len(_distance(...)[1])` without copying the gap: `size` is the text's length."""
    low, high = (end, span.begin) if span.begin >= end else (span.stop, begin)
    return max(0, min(high, size) - min(low, size))


def _distance(span: TimeSpan, begin: int, end: int, text: str) -> tuple[int, str]:
    gap = text[end : span.begin] if span.begin >= end else text[span.stop : begin]
    return len(gap), gap


_NEXT_CLAUSE = re.compile(r"[,;]|\b(?:and|but|while|whereas)\b")


def _closes_clause(text: str, span: TimeSpan, figure_end: int, rival_begin: int) -> bool:
    """In "killed 35,000 soldiers in December and aim for 50,000 by summer" the date ends the
    first figure's clause: a figure after it, past a conjunction, does not compete for it."""
    return (
        figure_end <= span.begin
        and span.stop <= rival_begin
        and bool(_NEXT_CLAUSE.search(text, span.stop, rival_begin))
    )


def timing(
    text: str,
    figure: tuple[int, int],
    others: list[tuple[int, int]],
    times: list[TimeSpan],
    context: ArticleContext,
    excluded: list[TimeSpan],
    report: list[tuple[TimeSpan, dt.date]],
) -> Timing:
    """The period and as-of date of the figure written at `figure` (begin, end offsets).

    `others` are the sentence's other figures, at least all those within `RIVAL_REACH` plus
    the longest date and figure of `figure`, and `times` its dates, at least all those within
    `TIME_REACH` (plus the longest date, before it): farther ones never change the outcome.
    `report` is `report_dates` of the sentence."""
    begin, end = figure
    as_of = report[-1][1] if report else context.published
    skip = {id(s) for s, _ in report} | {id(s) for s in excluded}
    mine: list[TimeSpan] = []
    for span in times:
        if id(span) in skip or span.relation == "by":
            continue
        if span.begin < end and begin < span.stop:
            continue
        distance, gap = _distance(span, begin, end, text)
        limit = _AFTER_LIMIT if span.begin >= end else _BEFORE_LIMIT
        if distance > limit or _CLAUSE_BREAK.search(gap):
            continue
        after_figure = span.begin >= end
        rivals = [
            # a date as near to a figure before it as to one after it is the one before's:
            # "from 7,900 in 2001 to 8,402 at the 2011 census"
            (_gap_length(span, b, e, len(text)), after_figure or e > span.begin)
            for b, e in others
            if (span.begin >= e or span.stop <= b) and not _closes_clause(text, span, end, b)
        ]
        if any(gap < distance or (gap == distance and not later) for gap, later in rivals):
            continue
        mine.append(span)
    period: tuple[dt.date, dt.date | None, Granularity] | None = None
    for index, span in enumerate(mine):
        following = mine[index + 1] if index + 1 < len(mine) else None
        last = span.end
        if following is not None and _SPAN_JOINER.match(text[span.stop : following.begin]):
            last = following.end
        period = (span.start, None if span.relation == "since" else last, span.granularity)
        break
    cue = None
    if _may_hold(text, _CUMULATIVE_TEXT):
        cue = _CUMULATIVE.search(text, end, min(len(text), end + _CUE_AFTER))
        if cue is None:
            cue = _CUMULATIVE.search(text, max(0, begin - _CUE_BEFORE), begin)
    if cue is not None and any(0 <= span.begin - cue.end() <= 2 for span in excluded):
        cue = None  # "the highest since 2010" dates the superlative, not a running total
    cumulative = cue is not None
    if period is not None and period[1] is None:
        cumulative = True
    if cumulative and (period is None or period[1] is not None):
        period = None
        if cue is not None:
            after = next(
                (
                    t
                    for t in times
                    if 0 <= t.begin - cue.end() <= _CUE_TO_DATE and id(t) not in skip
                ),
                None,
            )
            if after is not None:
                period = (after.start, None, after.granularity)
            elif cue.group("event"):
                anchor = context.anchors.get("invasion")
                if anchor is not None:
                    granularity = Granularity.MONTH if anchor.day == 1 else Granularity.DAY
                    period = (anchor, None, granularity)
    if period is None:
        return Timing(cumulative=cumulative, as_of=as_of, period_end=as_of if cumulative else None)
    start, stop, granularity = period
    if stop is None:
        stop = as_of
    return Timing(start, stop, granularity, cumulative, as_of)
