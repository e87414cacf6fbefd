"""The period a figure takes from the date its parse ties to it.

The figure reader dates a figure from the dates near it in the text; "In 2019, Ostrava Rail
had revenues of €4.8 billion" leaves too many words between the year and the figure. The
frame's time scope is read from the parse instead (`checker.extract.frame_scope.scope_of`: a
date attached to the figure or to a verb above it), so a figure without a period of its own
takes the period of the one date its scope names, when that date is written out in full (not
"yesterday", which the figure reader resolves itself when it can).
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.extract.paragraph_scope import last_day
from checker.models import DateClaim, Figure, Granularity

__all__ = ["with_scope_period"]

_PERIODS = frozenset({Granularity.DAY, Granularity.MONTH, Granularity.YEAR})


def with_scope_period(figure: Figure, dates: Sequence[DateClaim]) -> Figure:
    """The figure with the period of the date its frame's scope names, when it takes it."""
    frame = figure.frame
    if frame is None or not frame.scope or ";" in frame.scope:
        return figure
    if figure.period_start is not None or figure.cumulative or figure.as_of is not None:
        return figure
    named = [
        claim
        for claim in dates
        if _written(claim) == frame.scope
        and not claim.relative
        and claim.granularity in _PERIODS
        and claim.relation in ("on", "in", "during", "of")
    ]
    if len(named) != 1:
        return figure
    claim = named[0]
    update = {
        "period_start": claim.date,
        "period_end": claim.end or last_day(claim),
        "period_granularity": claim.granularity,
    }
    return figure.model_copy(update=update)


def _written(claim: DateClaim) -> str:
    start, end = claim.value_span
    return " ".join(claim.text[start:end].lower().split())
