"""When a figure holds: its period, whether it is a running total, its as-of date, superlatives.

Separate from `figures.py`, which reads what a figure counts; this module only looks at the
sentence's time expressions (`timex.find_times`) and where the figure sits among them.
A time span belongs to the figure nearest to it in the same clause; a report date ("as of May
2025", "released in December 2024", "according to Bloomberg on November 30", "In December, X
stated") gives the as-of date of every figure in the sentence instead of a period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.extract.context import ArticleContext
from checker.extract.timex import TimeSpan
from checker.models import Granularity

__all__ = ["Timing", "record_anchors", "superlatives", "timing"]

_CLAUSE_BREAK = re.compile(
    r"[;—]|,\s+(?:which|who|while|but|although|whereas|a figure|and|following|after|before)\b"
)
_STATEMENT = re.compile(
    r"\b(?:said|says|stated|states|told|reported|reports|wrote|writes|claimed)\b"
)
_RELEASED = re.compile(r"\b(?:released|published|issued|dated|updated)\s+(?:on\s+|in\s+)?$", re.I)
_REPORTED_ON = re.compile(
    r"\b(?:according to|said|reported|wrote|stated|citing|report(?:ed)? by|estimated)\b"
    r"[^.;]{0,60}$",
    re.I,
)
_CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:(?:beginning|start|outbreak)\s+of\s+(?:the\s+)?)?"
    r"(?P<event>(?:full-scale\s+)?(?:invasion|war)(?:\s+began|\s+started)?)"
    r"|since(?=\s+(?:\w+\s+)?\d{4}\b)|so far|to date|in total since|thus far|until now)\b",
    re.I,
)
_INVASION_DATE = re.compile(
    r"\b(?:invasion|war\s+(?:began|started))\b[^.;]{0,25}?(?:in|on|\()\s*$", re.I
)
_SUPERLATIVE = re.compile(
    r"(?:\bthe|['’]s)\s+(?:[\w-]+\s+)?(?P<s>largest|biggest|highest|lowest|smallest|greatest|"
    r"fewest|most|record)\b(?:[^.;]{0,60}?\bsince\s+)?",
    re.I,
)
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


def record_anchors(text: str, times: list[TimeSpan], context: ArticleContext) -> None:
    """Remember the invasion's date when the article names it, for a later "since the invasion"."""
    for span in times:
        if span.granularity is Granularity.YEAR:
            continue
        if _INVASION_DATE.search(text[max(0, span.begin - 60) : span.begin]):
            context.anchors.setdefault("invasion", span.start)


def superlatives(text: str, times: list[TimeSpan]) -> list[Superlative]:
    found: list[Superlative] = []
    for match in _SUPERLATIVE.finditer(text):
        since = next((t for t in times if t.begin == match.end()), None)
        found.append(
            Superlative(
                match.group("s").lower(), match.start("s"), since.start if since else None, since
            )
        )
    return found


def _report_dates(
    text: str, times: list[TimeSpan], first_figure: int
) -> list[tuple[TimeSpan, dt.date]]:
    """Spans that date the statement or report rather than the figure's period."""
    dates: list[tuple[TimeSpan, dt.date]] = []
    for span in times:
        lead = text[max(0, span.begin - 30) : span.begin]
        if span.relation == "as of" or _RELEASED.search(lead):
            dates.append((span, span.end))
        elif (
            span.relation == "on"
            and span.granularity is Granularity.DAY
            and _REPORTED_ON.search(text[: span.begin])
        ):
            dates.append((span, span.start))
        elif span.stop <= first_figure and _STATEMENT.search(text[span.stop : first_figure]):
            dates.append((span, span.end))
    return dates


def _distance(span: TimeSpan, begin: int, end: int, text: str) -> tuple[int, str]:
    gap = text[end : span.begin] if span.begin >= end else text[span.stop : begin]
    return len(gap), gap


def timing(
    text: str,
    figure: tuple[int, int],
    others: list[tuple[int, int]],
    times: list[TimeSpan],
    context: ArticleContext,
    excluded: list[TimeSpan],
) -> Timing:
    """The period and as-of date of the figure written at `figure` (begin, end offsets)."""
    begin, end = figure
    first = min([begin, *(b for b, _ in others)])
    report = _report_dates(text, times, first)
    as_of = report[-1][1] if report else context.published
    skip = {id(s) for s, _ in report} | {id(s) for s in excluded}
    mine: list[TimeSpan] = []
    for span in times:
        if id(span) in skip or span.relation == "by":
            continue
        if span.begin < end and begin < span.stop:
            continue
        distance, gap = _distance(span, begin, end, text)
        limit = 60 if span.begin >= end else 30
        if distance > limit or _CLAUSE_BREAK.search(gap):
            continue
        rivals = [
            _distance(span, b, e, text)[0] for b, e in others if span.begin >= e or span.stop <= b
        ]
        if rivals and min(rivals) < distance:
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
    cue = _CUMULATIVE.search(text, end, min(len(text), end + 80))
    if cue is None:
        cue = _CUMULATIVE.search(text, max(0, begin - 60), begin)
    if cue is not None and any(0 <= span.begin - cue.end() <= 2 for span in excluded):
        cue = None  # "the highest since 2010" dates the superlative, not a running total
    cumulative = cue is not None
    if period is not None and period[1] is None:
        cumulative = True
    if cumulative and (period is None or period[1] is not None):
        period = None
        if cue is not None:
            after = next(
                (t for t in times if 0 <= t.begin - cue.end() <= 50 and id(t) not in skip), None
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
