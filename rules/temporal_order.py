"""`temporal-order`: an article or a cited report dated before the events it reports."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache

from checker.clusters import MAX_EVIDENCE
from checker.extract.tense import is_past_form, looks_ahead_pattern
from checker.models import (
    Attribution,
    Claim,
    DateClaim,
    DateSource,
    Figure,
    Finding,
    Granularity,
    Modality,
    Severity,
)
from checker.rule import Rule, RuleContext, RuleOptions

_REPORTED = (Modality.FACT, Modality.ESTIMATE)
# A date introduced by these reads as a deadline or a bound, not as when something happened.
_BOUND_RELATIONS = frozenset({"by", "until", "before", "till"})
# Words before a date that make it a term of what the sentence reports, not when it happened:
# "extended to Nov. 20", "payable Dec. 7 to holders of record Nov. 10", "bonds due 1993", "a
# budget for 2025".
_BOUND_WORDS = _BOUND_RELATIONS | {
    "after", "through", "throughout", "to", "due", "effective", "payable", "expire", "record",
    "for",
}  # fmt: skip
_YEAR = re.compile(r"\b\d{4}s?\b")
# Words a date's own phrase may open with after its preposition: "for a good part of 1990".
_PHRASE_WORDS = frozenset({"a", "an", "the", "of", "good", "part", "most", "much", "end", "rest"})


class TemporalOrderOptions(RuleOptions):
    # How many sentences after a dated citation ("according to Bloomberg on November 30") still
    # report what that source said.
    window_sentences: int = 3
    # How many sentences before it are read too (a photo caption above the paragraph).
    window_before: int = 3


class TemporalOrder(Rule):
    """An article or a cited report is dated before the events it reports.

    ## What it does
    Compares the dates of reported events and figure periods with the date of the article, and
    with the date given to a cited report ("according to Bloomberg on November 30"): a report
    cannot describe, as past fact, what happened after it was published.

    ## Why it matters
    A figure credited to a report that predates it is either misdated or credited to the wrong
    report; either way the reader cannot trace it.

    ## Flagged
    An article of 2026-01-31 crediting a passage "according to Bloomberg on November 30" whose
    next paragraph reports 35,000 soldiers killed in December, with a caption above dated
    January 19, 2026. An article dated 2025-03-02 stating that a decree was signed on
    March 10, 2025.

    ## Not flagged
    "according to The Moscow Times on December 10" followed by "the decree, dated December 8";
    "assemblies scheduled for 2026" (a plan, not a past event); "the goal is 50,000 by this
    summer" (a target); "a year earlier, in the quarter that ended Oct. 31, the company lost
    $8.1 million" in an article of October 25 (a date with no year written, read against the
    publication date, may be last year's).

    ## Options
    `window_sentences` (default 3) and `window_before` (default 3): how many sentences after and
    before a dated citation are read as reporting it.
    """

    id = "temporal-order"
    severity = Severity.WARNING
    Options = TemporalOrderOptions
    # Every finding lies in one article: an archive article never adds one to a checked article.
    archive_indexed = True

    def check(self, context: RuleContext) -> Iterator[Finding]:
        by_path: dict[str, list[Claim]] = defaultdict(list)
        for claim in context.claims:
            by_path[claim.path].append(claim)
        for path, claims in by_path.items():
            article = context.articles.get(path)
            # Only a stated date is compared: an inferred one is a guess from the same text.
            if article and article.date and article.date_source is DateSource.METADATA:
                yield from self._after_publication(path, article.date, claims)
            yield from self._after_citation(claims)

    def _after_publication(
        self, path: str, published: dt.date, claims: Sequence[Claim]
    ) -> Iterator[Finding]:
        # A date with no event ("2026 training assemblies") dates nothing reported as done.
        late = [
            c
            for c in claims
            if not (isinstance(c, DateClaim) and not _dates_an_event(c))
            and (start := _reported_start(c))
            and start > published
            and not _looks_ahead(c.text)
        ]
        late = [c for c in late if _reads_past(c.text) and _dated_in_clause(c)]
        if not late:
            return
        shown = "; ".join(f"{_when(c)} (line {c.line})" for c in late[:_SHOWN]) + _rest(late)
        yield self.finding(
            f"{path} is dated {published.isoformat()} but reports as past events of {shown}",
            late[:MAX_EVIDENCE],
            subject=f"published {published.isoformat()}",
        )

    def _after_citation(self, claims: Sequence[Claim]) -> Iterator[Finding]:
        assert isinstance(self.options, TemporalOrderOptions)
        after, before = self.options.window_sentences, self.options.window_before
        seen: set[tuple[int, dt.date]] = set()
        citations = sorted(
            (c for c in claims if isinstance(c, Attribution) and c.cited_date is not None),
            key=lambda c: c.sentence_index,
        )
        if not citations:
            return
        # Dates of no statement ("an exercise ... on January 19, 2026" in a caption) still
        # date what the passage shows: every date is a claim. Sorted by sentence, a window is
        # found by bisection, not by reading every claim for every citation.
        candidates = sorted(claims, key=lambda c: c.sentence_index)
        sentences = [c.sentence_index for c in candidates]
        bounds = _Passages(citations)
        for citation in citations:
            cited = citation.cited_date
            assert cited is not None
            if (citation.sentence_index, cited) in seen:
                continue
            seen.add((citation.sentence_index, cited))
            low, high = bounds.window(citation, before, after)
            late: list[Claim] = []
            for claim in candidates[bisect_left(sentences, low) : bisect_right(sentences, high)]:
                if isinstance(claim, DateClaim) and claim.granularity is not Granularity.DAY:
                    continue
                start = _reported_start(claim)
                if start is None or start <= cited or _looks_ahead(claim.text):
                    continue
                late.append(claim)
            if not late:
                continue
            source = citation.source or "the cited report"
            shown = " and ".join(
                f"{_when(c)} ({c.path}:{c.line})"
                for c in sorted(late, key=lambda c: c.line)[:_SHOWN]
            ) + _rest(late)
            yield self.finding(
                f"{source} is cited as of {cited.isoformat()} ({citation.path}:{citation.line}), "
                f"but the passage credited to it reports {shown}, after that date",
                [citation, *sorted(late, key=lambda c: (c.line, c.column))[: MAX_EVIDENCE - 1]],
                subject=f"{source} {cited.isoformat()}".lower(),
            )


class _Passages:
    """Where the passage of a dated citation ends: another citation with another date starts
    its own passage, so a window stops short of the nearest one on each side. Citations sorted
    by sentence; for each, the next and previous one with another date, found in one pass."""

    def __init__(self, citations: Sequence[Attribution]) -> None:
        self._dates = [c.cited_date for c in citations]
        self._sentences = [c.sentence_index for c in citations]
        count = len(citations)
        self._next = [count] * count  # the first later position with another date
        self._previous = [-1] * count  # the last earlier position with another date
        for k in range(count - 2, -1, -1):
            differs = self._dates[k + 1] != self._dates[k]
            self._next[k] = k + 1 if differs else self._next[k + 1]
        for k in range(1, count):
            differs = self._dates[k - 1] != self._dates[k]
            self._previous[k] = k - 1 if differs else self._previous[k - 1]

    def window(self, citation: Attribution, before: int, after: int) -> tuple[int, int]:
        here, cited = citation.sentence_index, citation.cited_date
        low, high = here - before, here + after
        later = bisect_right(self._sentences, here)  # the first citation of a later sentence
        if later < len(self._dates):
            other = later if self._dates[later] != cited else self._next[later]
            if other < len(self._dates):
                high = min(high, self._sentences[other] - 1)
        earlier = bisect_left(self._sentences, here) - 1  # the last of an earlier sentence
        if earlier >= 0:
            other = earlier if self._dates[earlier] != cited else self._previous[earlier]
            if other >= 0:
                low = max(low, self._sentences[other] + 1)
        return low, high


# Late claims named in a message; the evidence lists up to MAX_EVIDENCE, the rest are counted.
_SHOWN = 3


def _rest(late: Sequence[Claim]) -> str:
    return f" and {len(late) - _SHOWN} more" if len(late) > _SHOWN else ""


def _dates_an_event(claim: DateClaim) -> bool:
    """Whether the date says when something happened: the parse found the verb or the noun it
    dates ("the decree was signed on March 10"), or it is a life date after a name."""
    return claim.event is not None or (claim.frame is not None and bool(claim.frame.predicate))


def _reported_start(claim: Claim) -> dt.date | None:
    """When a reported event or figure period begins, for claims that may report the past.

    The caller still reads the tense (`_looks_ahead`), and only of claims that fall after the
    date they are compared with: the tense pattern is the costly part, the date test is not."""
    if isinstance(claim, Figure):
        return claim.period_start if claim.modality in _REPORTED else None
    if isinstance(claim, DateClaim):
        return None if claim.relation in _BOUND_RELATIONS else claim.date
    return None


def _when(claim: Claim) -> str:
    if isinstance(claim, Figure):
        period = claim.period_start.isoformat()[:7] if claim.period_start else ""
        return f"{claim.value:,.0f} {claim.subject} in {period}".replace("  ", " ")
    if isinstance(claim, DateClaim):
        return claim.date.isoformat()
    return claim.text


_TOKEN = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=8192)
def _looks_ahead(text: str) -> bool:
    return bool(looks_ahead_pattern().search(text))


def _dated_in_clause(claim: Claim) -> bool:
    """Whether a figure's period or a date is a date of its own clause, written with its year,
    not a bound or a term ("extended its offer until 5 p.m. Nov. 9", "bonds due 1993", "a
    dividend payable Dec. 7 to holders of record Nov. 30", "a budget for 2025"): those look
    ahead of the article without reporting anything, and a day with no year written, read
    against the publication date, may be last year's or next week's."""
    if isinstance(claim, DateClaim):
        start, end = claim.value_span
        if claim.relative or not _YEAR.search(claim.text, start, end):
            return False
        return not _a_term(claim.text, start)
    if not isinstance(claim, Figure):
        return True
    frame = claim.frame
    if frame is None or not frame.scope:
        return False
    text = claim.text.lower()
    for when in frame.scope.split("; "):
        if not _YEAR.search(when):
            continue  # "quarterly", "this season", "on March 12": no year the period holds in
        at = text.find(when)
        after = text[at + len(when) :].split()[:1] if at >= 0 else []
        noun = frame.attribute.split()[-1] if frame.attribute else ""
        if noun and after and after[0].startswith(noun):
            continue  # "the 2025 budget was approved": which budget, not when
        if at >= 0 and not _a_term(text, at):
            return True
    return False


def _a_term(text: str, at: int) -> bool:
    """Whether the date written at `at` is a term or a bound: its preposition, before the words
    of its own phrase ("for a good part of 1990"), is one of `_BOUND_WORDS`."""
    before = _TOKEN.findall(text[max(0, at - 40) : at].lower())
    while before and before[-1] in _PHRASE_WORDS:
        before.pop()
    return bool(before) and before[-1] in _BOUND_WORDS


@lru_cache(maxsize=8192)
def _reads_past(text: str) -> bool:
    """A sentence with a past-tense verb and no word looking ahead."""
    if _looks_ahead(text):
        return False
    return any(is_past_form(word) for word in _TOKEN.findall(text.lower()))
