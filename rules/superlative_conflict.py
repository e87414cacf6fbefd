"""`superlative-conflict`: "largest since 2011" while a larger figure falls inside that span."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from checker.compat import DEFAULT_TOLERANCE, describe, interval
from checker.data import load_data
from checker.group import SubjectGroup, groups_of
from checker.models import Figure, Finding, Modality, Severity
from checker.rule import Rule, RuleContext, RuleOptions

_FACTS = (Modality.FACT, Modality.ESTIMATE)
# Periods of very different length count different things (a spring draft vs a whole year).
_MAX_SPAN_RATIO = 2.0


class SuperlativeConflictOptions(RuleOptions):
    tolerance: float = Field(DEFAULT_TOLERANCE, ge=0, le=1)


def _direction(word: str) -> int:
    """+1 for "largest"-like words, -1 for "lowest"-like ones, 0 for words we do not know."""
    table = load_data("synonyms").get("superlatives", {})
    lowered = word.lower().strip()
    if lowered in table.get("larger", ()):
        return 1
    if lowered in table.get("smaller", ()):
        return -1
    return 0


class SuperlativeConflict(Rule):
    """A superlative is contradicted by a larger figure inside its interval.

    ## What it does
    For a figure called the largest (highest, biggest, most) since a date, looks for another
    factual figure of the same subject dated inside [that date, the superlative's own date)
    that is certainly larger; for "lowest", "smallest", "fewest", one certainly smaller.
    Figures covering periods of very different length are not compared.

    ## Why it matters
    "The largest since 2011" is a checkable claim, and coverage that reported a larger figure
    in between shows the claim, or the earlier figure, is wrong.

    ## Flagged
    "160,000 men called up this spring, the largest draft since 2011" next to an earlier
    article's "190,000 men were called up in the spring of 2019".

    ## Not flagged
    A goal ("officials hope to conscript between 170,000 and 200,000") or a forecast, however
    large; a larger figure from before the "since" date.

    ## Options
    - `tolerance` (0.05): relative slack of "about"/"nearly" figures and of rounding.
    """

    id = "superlative-conflict"
    severity = Severity.WARNING
    Options = SuperlativeConflictOptions

    def check(self, context: RuleContext) -> Iterator[Finding]:
        options = self.options
        assert isinstance(options, SuperlativeConflictOptions)
        for group in groups_of(context.figures, context.groups):
            yield from self._check_group(group, context, options.tolerance)

    def _check_group(
        self, group: SubjectGroup, context: RuleContext, tolerance: float
    ) -> Iterator[Finding]:
        claims = [f for f in group.figures if f.superlative and f.superlative_since]
        if not claims:
            return
        facts = [f for f in group.figures if f.modality in _FACTS]
        for claim in claims:
            direction = _direction(claim.superlative or "")
            since = claim.superlative_since
            until = _when(claim, context)
            if direction == 0 or since is None or until is None:
                continue
            span = interval(claim, tolerance)
            beaten: list[Figure] = []
            for other in facts:
                when = _when(other, context)
                if other is claim or when is None or not since <= when < until:
                    continue
                if other.cumulative:
                    continue  # a running total is not one period's figure
                if not _comparable_periods(claim, other):
                    continue
                other_span = interval(other, tolerance)
                if (direction > 0 and other_span.low > span.high) or (
                    direction < 0 and other_span.high < span.low
                ):
                    beaten.append(other)
            if beaten:
                beaten.sort(key=lambda f: (f.path, f.line))
                message = (
                    f"{describe(claim)} ({claim.path}:{claim.line}) is called the "
                    f"{claim.superlative} since {since.year}, but "
                    + ", ".join(f"{describe(f)} ({f.path}:{f.line})" for f in beaten)
                    + f" came in between: {group.label}"
                )
                yield self.finding(message, [claim, *beaten], subject=group.label)


def _when(figure: Figure, context: RuleContext) -> dt.date | None:
    return figure.period_start or figure.as_of or context.published(figure.path)


def _span_days(figure: Figure) -> int | None:
    if figure.period_start is None:
        return None
    end = figure.period_end or figure.period_start
    return (end - figure.period_start).days + 1


def _comparable_periods(a: Figure, b: Figure) -> bool:
    """Both without a period, or periods of similar length."""
    first, second = _span_days(a), _span_days(b)
    if first is None or second is None:
        return first is None and second is None
    return max(first, second) <= _MAX_SPAN_RATIO * min(first, second)
