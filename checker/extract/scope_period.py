"""The period a figure takes from the date its parse ties to it, or that labels it.

The figure reader dates a figure from the dates near it in the text; "In 2019, Ostrava Rail
had revenues of €4.8 billion" leaves too many words between the year and the figure. The
frame's time scope is read from the parse instead (`checker.extract.frame_scope.scope_of`: a
date attached to the figure or to a verb above it), so a figure without a period of its own
takes the period of the one date its scope names, when that date is written out in full (not
"yesterday", which the figure reader resolves itself when it can). A date in brackets right
after the figure labels it the same way: "a population of 1,234 (2011 census)", and so does a
census that names its year anywhere in the sentence ("According to the 2011 census, ..."). A
figure the figure reader dated with the year of another event ("Founded in 1851, the university
had 21,000 students in 2020") takes the date its scope names instead. Only in undated
articles (an encyclopedia's): in a dated story, whose figures are states as of its publication,
such a year is mostly background.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.extract.dates import last_day, written
from checker.models import DateClaim, Figure, Granularity

__all__ = ["with_scope_period"]

_PERIODS = frozenset({Granularity.DAY, Granularity.MONTH, Granularity.YEAR})
_OPENING = re.compile(r"\s*\(\s*")
_LABEL_CLOSE = re.compile(r"\s*(?:census|estimates?|est\.|data|figures?)?\s*\)", re.I)
_CENSUS = re.compile(r"\s+census\b", re.I)


def with_scope_period(figure: Figure, dates: Sequence[DateClaim]) -> Figure:
    """The figure with the period of the date its frame's scope names, when it takes it."""
    frame = figure.frame
    if frame is None or figure.cumulative:
        return figure
    if figure.as_of is not None:
        # In a dated story a past year beside a figure is mostly background ("In 2004 a
        # tsunami killed 170,000 people along the coast"), set against other outlets' totals
        # of a wider area: such figures stay out of comparison, as the figure reader leaves
        # them, rather than meet on a period.
        return figure
    full = [c for c in dates if not c.relative and c.granularity in _PERIODS]
    labels = [c for c in full if _labels(figure, c)]
    named = [
        c
        for c in full
        if frame.scope
        and ";" not in frame.scope
        and written(c) == frame.scope
        and c.relation in ("on", "in", "during", "of")
    ]
    if figure.period_start is not None:
        # "Founded in 1851, Delm University had 21,000 students in 2020": the figure reader
        # took the year nearest the sentence's start, which the parse says dates the founding
        window = [
            c
            for c in full
            if c.date == figure.period_start and c.granularity is figure.period_granularity
        ]
        of_other_events = bool(window) and all(
            c.frame is not None and c.frame.predicate not in ("", frame.predicate) for c in window
        )
        if len(named) == 1 and named[0] not in window and of_other_events:
            return _with_period(figure, named[0])
        return figure
    # "According to the 2011 census, Delm had 8,402 inhabitants": a census that names its year,
    # the sentence's only date, dates its figures wherever the parse puts it
    counts = [c for c in full if _CENSUS.match(c.text, c.value_span[1]) is not None]
    if len(full) > 1:
        counts = []
    chosen = labels or named or counts
    if len(chosen) != 1:
        return figure
    return _with_period(figure, chosen[0])


def _with_period(figure: Figure, claim: DateClaim) -> Figure:
    update = {
        "period_start": claim.date,
        "period_end": claim.end or last_day(claim),
        "period_granularity": claim.granularity,
    }
    return figure.model_copy(update=update)


def _labels(figure: Figure, claim: DateClaim) -> bool:
    """Whether the date is the figure's bracketed label: "1,234 (2011 census)", "(2019)"."""
    start, end = claim.value_span
    opening = _OPENING.fullmatch(claim.text, figure.value_span[1], start)
    return opening is not None and _LABEL_CLOSE.match(claim.text, end) is not None
