"""`cumulative-decrease`: a running total that is lower at a later as-of date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from checker.archive_keys import subject_group_keys
from checker.compat import DEFAULT_TOLERANCE, describe, interval
from checker.group import SubjectGroup, groups_of
from checker.models import Claim, Figure, Finding, Modality, Severity
from checker.rule import ArchiveKey, Rule, RuleContext, RuleOptions

_COUNTED = (Modality.FACT, Modality.ESTIMATE)


class CumulativeDecreaseOptions(RuleOptions):
    tolerance: float = Field(DEFAULT_TOLERANCE, ge=0, le=1)


class CumulativeDecrease(Rule):
    """A running total is lower at a later as-of date.

    ## What it does
    Takes the running totals ("since the war began", "since February 2022") of one subject,
    orders them by as-of date and reports a total whose highest possible value is below the
    lowest possible value of a total given for an earlier month. Qualifiers count: "over
    768,000" allows any larger value, "nearly 700,000" allows little above 700,000.

    ## Why it matters
    A count since a fixed start can only grow. A later, smaller total means one of the two
    figures is wrong, or they count different things under the same words.

    ## Flagged
    "Over 768,000 Russian casualties since the war began" (as of December 2024) next to
    "nearly 700,000 Russian casualties since the invasion" (as of February 2026).

    ## Not flagged
    "over 200,000" in 2023, then "over 768,000" in December 2024, then "nearly 1.2 million" in
    2026. Two totals as of the same month (that is `figure-mismatch`'s business). Totals that
    start at different dates.

    ## Options
    - `tolerance` (0.05): relative slack of "about"/"nearly" figures and of rounding.
    """

    id = "cumulative-decrease"
    severity = Severity.ERROR
    Options = CumulativeDecreaseOptions

    archive_indexed = True

    def archive_keys(self, claim: Claim) -> Iterator[ArchiveKey]:
        """A figure's subject group: the rule reads nothing else."""
        yield from subject_group_keys(claim)

    def check(self, context: RuleContext) -> Iterator[Finding]:
        options = self.options
        assert isinstance(options, CumulativeDecreaseOptions)
        for group in groups_of(context.figures, context.groups):
            for series in _series(group, context):
                yield from self._sweep(group, series, options.tolerance)

    def _sweep(
        self, group: SubjectGroup, series: list[tuple[dt.date, Figure]], tolerance: float
    ) -> Iterator[Finding]:
        """One pass in as-of order, keeping the earlier total with the highest lower bound.

        Figures of the same month are compared only with earlier months, never each other.
        Every later total that falls below the kept one joins that total's finding, so a
        wrong early figure yields one finding, not one per later article.
        """
        series.sort(key=lambda item: (item[0], item[1].path, item[1].line))
        best: Figure | None = None
        best_low = -float("inf")
        pending: Figure | None = None
        pending_low = -float("inf")
        month: tuple[int, int] | None = None
        lower: dict[int, tuple[Figure, list[Figure]]] = {}
        for as_of, figure in series:
            if (as_of.year, as_of.month) != month:
                month = (as_of.year, as_of.month)
                if pending is not None and pending_low > best_low:
                    best, best_low = pending, pending_low
                pending, pending_low = None, -float("inf")
            span = interval(figure, tolerance, rounding=False)
            if best is not None and span.high < best_low:
                lower.setdefault(id(best), (best, []))[1].append(figure)
            if span.low > pending_low:
                pending, pending_low = figure, span.low
        for earlier, later in lower.values():
            message = (
                f"{describe(earlier)} ({earlier.path}:{earlier.line}) then "
                + ", ".join(f"{describe(f)} ({f.path}:{f.line})" for f in later)
                + f": running total of {group.label} went down"
            )
            yield self.finding(message, [earlier, *later], subject=group.label)


def _series(group: SubjectGroup, context: RuleContext) -> list[list[tuple[dt.date, Figure]]]:
    """The group's running totals, split by start month.

    Totals with no stated start join the only stated start there is; with several distinct
    starts they stay on their own, since "since 2022" and "since 2023" may both be right.
    """
    by_start: dict[tuple[int, int] | None, list[tuple[dt.date, Figure]]] = {}
    for figure in group.figures:
        if not figure.cumulative or figure.modality not in _COUNTED:
            continue
        as_of = figure.as_of or context.published(figure.path)
        if as_of is None:
            continue
        start = figure.period_start
        key = (start.year, start.month) if start else None
        by_start.setdefault(key, []).append((as_of, figure))
    starts = [key for key in by_start if key is not None]
    if len(starts) == 1 and None in by_start:
        by_start[starts[0]].extend(by_start.pop(None))
    return list(by_start.values())
