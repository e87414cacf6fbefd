"""`superlative-conflict`: "largest since 2011" while a larger figure falls inside that span."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, partial

from pydantic import Field

from checker.archive_keys import subject_group_keys
from checker.clusters import MAX_EVIDENCE, classes, evidence, more
from checker.compat import DEFAULT_TOLERANCE, describe, interval
from checker.data import load_data
from checker.group import SubjectGroup, groups_of
from checker.models import Claim, Figure, Finding, Modality, Severity
from checker.rule import ArchiveKey, Rule, RuleContext, RuleOptions
from checker.twins import count_numbers, long_enough, mask_numbers, twins

_FACTS = (Modality.FACT, Modality.ESTIMATE)
# Periods of very different length count different things (a spring draft vs a whole year).
_MAX_SPAN_RATIO = 2.0


class SuperlativeConflictOptions(RuleOptions):
    tolerance: float = Field(DEFAULT_TOLERANCE, ge=0, le=1)


@cache
def _superlative_words() -> re.Pattern[str]:
    table = load_data("synonyms").get("superlatives", {})
    words = sorted({*table.get("larger", ()), *table.get("smaller", ())}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


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
    Figures covering periods of very different length are not compared. A sentence copied
    into another article with its superlative turned round, or its "since" year changed, is
    reported too.

    ## Why it matters
    "The largest since 2011" is a checkable claim, and coverage that reported a larger figure
    in between shows the claim, or the earlier figure, is wrong.

    ## Flagged
    "160,000 men called up this spring, the largest draft since 2011" next to an earlier
    article's "190,000 men were called up in the spring of 2019". The same sentence in two
    articles calling its figure "the largest draft since 2011" in one and "the smallest" (or
    "the largest since 2015") in the other.

    ## Not flagged
    A goal ("officials hope to conscript between 170,000 and 200,000") or a forecast, however
    large; a larger figure from before the "since" date.

    ## Options
    - `tolerance` (0.05): relative slack of "about"/"nearly" figures and of rounding.
    """

    id = "superlative-conflict"
    severity = Severity.WARNING
    Options = SuperlativeConflictOptions

    archive_indexed = True

    def archive_keys(self, claim: Claim) -> Iterator[ArchiveKey]:
        """A figure's subject group, and its sentence with its numbers and superlative masked
        (a twin)."""
        yield from subject_group_keys(claim)
        twin = _twin_key(claim) if isinstance(claim, Figure) else None
        if twin is not None:
            yield ArchiveKey(f"{self.id}/twin:{twin[0]}\x1f{twin[1]}")

    def check(self, context: RuleContext) -> Iterator[Finding]:
        options = self.options
        assert isinstance(options, SuperlativeConflictOptions)
        for group in groups_of(context.figures, context.groups):
            yield from self._check_group(group, context, options.tolerance)
        yield from self._twin_findings(context)

    def _twin_findings(self, context: RuleContext) -> Iterator[Finding]:
        """One sentence in two articles that calls its figure the largest in one and the
        smallest in the other, or the largest since another year: a copy changed on the way.
        Compared whatever the figure's subject, as `figure-mismatch` compares twin figures."""
        called = (f for f in context.figures if f.superlative)
        for twin in twins(called, _twin_key):
            if not context.any_in_focus(twin):
                continue
            sides = classes(context.focused_first(twin), _called)
            for side in sides[1:]:
                first = sides[0]
                message = " but ".join(
                    f"{describe(s[0])} is called the {s[0].superlative}"
                    + (f" since {s[0].superlative_since.year}" if s[0].superlative_since else "")
                    + f" in {s[0].path}:{s[0].line}{more(s)}"
                    for s in (first, side)
                )
                claims = [*first[:MAX_EVIDENCE], *side[:MAX_EVIDENCE]]
                yield self.finding(message, claims, subject=first[0].subject)

    def _check_group(
        self, group: SubjectGroup, context: RuleContext, tolerance: float
    ) -> Iterator[Finding]:
        claims = [f for f in group.figures if f.superlative and f.superlative_since]
        if not claims:
            return
        # Copies of a story repeat a superlative, and the facts it is checked against: each
        # class of equal claims is decided once (`checker.clusters`), and the classes of facts
        # sorted by date make the facts "in between" a slice.
        # A running total is not one period's figure; an undated fact is in no interval.
        facts = [
            f
            for f in group.figures
            if f.modality in _FACTS and not f.cumulative and _when(f, context) is not None
        ]
        fact_kinds = sorted(
            classes(facts, partial(_fact_key, context, tolerance)),
            key=lambda kind: _when(kind[0], context) or dt.date.min,
        )
        dates = [_when(kind[0], context) or dt.date.min for kind in fact_kinds]
        for kind in classes(claims, partial(_claim_key, context, tolerance)):
            kind = context.focused_first(kind)
            claim = kind[0]
            direction = _direction(claim.superlative or "")
            since = claim.superlative_since
            until = _when(claim, context)
            if direction == 0 or since is None or until is None:
                continue
            span = interval(claim, tolerance)
            beaten: list[Figure] = []
            # since <= when < until
            for others in fact_kinds[bisect_left(dates, since) : bisect_left(dates, until)]:
                other = others[0]
                if not _comparable_periods(claim, other):
                    continue
                other_span = interval(other, tolerance)
                if (direction > 0 and other_span.low > span.high) or (
                    direction < 0 and other_span.high < span.low
                ):
                    beaten.extend(others)
            if beaten:
                beaten.sort(key=lambda f: (f.path, f.line))
                beaten = context.focused_first(beaten)
                shown = beaten[:MAX_EVIDENCE]
                rest = len(beaten) - len(shown)
                message = (
                    f"{describe(claim)} ({claim.path}:{claim.line}{more(kind)}) is called the "
                    f"{claim.superlative} since {since.year}, but "
                    + ", ".join(f"{describe(f)} ({f.path}:{f.line})" for f in shown)
                    + (f" and {rest} more" if rest else "")
                    + f" came in between: {group.label}"
                )
                yield self.finding(message, [*evidence(claim, kind), *shown], subject=group.label)


def _twin_key(figure: Figure) -> tuple[str, int] | None:
    """The sentence with its numbers and superlative words masked, and which of its figures
    this is; None for a sentence too short to tell a copy from a formula."""
    if not figure.superlative:
        return None
    masked = _superlative_words().sub("~", mask_numbers(figure.text))
    if not long_enough(masked, figure.text):
        return None
    position = figure.text.find(figure.surface) if figure.surface else -1
    return masked, count_numbers(figure.text[: max(position, 0)])


def _called(figure: Figure) -> tuple[int, dt.date | None]:
    """What a superlative says: which way, and since when."""
    return _direction(figure.superlative or ""), figure.superlative_since


def _claim_key(context: RuleContext, tolerance: float, claim: Figure) -> tuple[object, ...]:
    """What deciding a superlative reads of it, besides where it is."""
    span = interval(claim, tolerance)
    when = _when(claim, context)
    return (
        claim.superlative,
        claim.superlative_since,
        when,
        span.low,
        span.high,
        _span_days(claim),
    )


def _fact_key(context: RuleContext, tolerance: float, fact: Figure) -> tuple[object, ...]:
    """What comparing a fact with a superlative reads of it, besides where it is."""
    span = interval(fact, tolerance)
    return (_when(fact, context), span.low, span.high, _span_days(fact))


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
