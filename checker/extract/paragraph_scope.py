"""A period a paragraph opens with, for the figures of its later sentences.

"During the March 2024 floods the river rose quickly. In the end, with 140 homes
flooded, it was the worst spring on record." The 140 homes are March 2024's, though their own
sentence names no date. A figure takes the period its paragraph opens with when:

- the paragraph's first sentence opens with that period ("In 2010, ...", "During the March
  2024 ...": a month or a year, within its first words);
- the figure's own sentence names no date and its figure has no period of its own;
- the figure's sentence tells of the past (its main verb is in a past tense): "It now has 80
  staff", after "In 2020 the company had 50", is today's figure, not 2020's.

A figure with no time of its own also keeps the day of the event its paragraph opens with, as
its occasion: "The Lakers beat the Celtics on Sunday. Bryant scored 31 points." The day is no
period (a toll stated after "the quake struck on Tuesday" grows as it is counted), but two
figures of events days apart (two games, two attacks) are not compared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.dates import last_day
from checker.extract.frame_tree import word_lists
from checker.models import DateClaim, Figure, Granularity

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["opening_day", "opening_period", "with_occasion", "with_opening_period"]

# How far into the paragraph's first sentence its period may start ("During the October ...").
_OPENING_REACH = 16
_PAST = frozenset({"VBD", "VBN"})


def opening_period(claims: list[DateClaim]) -> DateClaim | None:
    """The month or year a paragraph's first sentence opens with, if any."""
    for claim in claims:
        start, _ = claim.value_span
        coarse = claim.granularity in (Granularity.MONTH, Granularity.YEAR)
        single = claim.end is None or claim.end <= last_day(claim)  # one month or year
        if coarse and single and start <= _OPENING_REACH and not claim.relative:
            return claim
    return None


def with_opening_period(figure: Figure, period: DateClaim, doc: Doc) -> Figure:
    """The figure with its paragraph's opening period, when it takes it (see the module)."""
    if not _timeless(figure) or not any(t.dep_ == "ROOT" and t.tag_ in _PAST for t in doc):
        return figure
    update = {
        "period_start": period.date,
        "period_end": last_day(period),
        "period_granularity": period.granularity,
    }
    return figure.model_copy(update=update)


def opening_day(claims: list[DateClaim]) -> DateClaim | None:
    """The day of the event a paragraph's first sentence reports ("The Lakers beat the Celtics
    on Sunday"): its first date of one day that dates an event, not a statement ("said on
    Monday")."""
    for claim in claims:
        frame = claim.frame
        if claim.granularity is not Granularity.DAY or claim.end is not None:
            continue
        if frame is None or not frame.predicate or claim.relation != "on":
            continue
        if frame.predicate in word_lists().reporting_verbs:
            continue
        return claim
    return None


def with_occasion(figure: Figure, day: DateClaim) -> Figure:
    """The figure with the day of its paragraph's event, when it has no time of its own: two
    such figures of events days apart (two games, two attacks) are of two occasions."""
    return figure.model_copy(update={"occasion": day.date}) if _timeless(figure) else figure


def _timeless(figure: Figure) -> bool:
    """Whether a figure has no time of its own: no period, no running total, no time word its
    frame ties to it ("this season")."""
    frame = figure.frame
    return (
        figure.period_start is None
        and not figure.cumulative
        and frame is not None
        and not frame.scope
    )
