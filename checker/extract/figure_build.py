"""Building the `Figure` claim from a finished draft: its bounds, noun, modality and timing.

`Layout` works out once per sentence what every figure needs to know about the others (which
figures and dates are near it, the report date, the superlatives); `build` asks `figure_time`
when the figure held and fills the model. What the figure is about, and its label, come later
from its frame.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from checker.extract.context import ArticleContext, Source, placement
from checker.extract.figure_draft import Draft
from checker.extract.figure_modality import modality_of
from checker.extract.figure_time import (
    RIVAL_REACH,
    TIME_REACH,
    Superlative,
    report_dates,
    timing,
)
from checker.extract.timex import TimeSpan
from checker.models import Figure, Modality, Qualifier, Sentence

_DURATIONS = ("second", "minute", "hour", "day", "week", "month", "year")


@dataclass(frozen=True)
class Layout:
    """What every figure of a sentence needs to know about the others, worked out once per
    sentence: per figure, it would make a sentence of thousands of numbers quadratic."""

    drafts: list[Draft]
    begins: list[int]  # the drafts' begins, in draft order
    ordered: bool  # whether `begins` is sorted, for bisection
    reach: int  # how far (in characters) another figure can matter to a figure's timing
    times: list[TimeSpan]
    time_begins: list[int]  # the times' begins; `find_times` returns them sorted
    times_ordered: bool
    longest_time: int
    report: list[tuple[TimeSpan, dt.date]]
    excluded: list[TimeSpan]
    superlatives: dict[int, list[Superlative]]  # id(draft) -> the marks nearest to it

    @classmethod
    def of(
        cls, text: str, drafts: list[Draft], times: list[TimeSpan], marks: list[Superlative]
    ) -> Layout:
        begins = [d.begin for d in drafts]
        ordered = begins == sorted(begins)
        longest_time = max((t.stop - t.begin for t in times), default=0)
        longest_draft = max((d.end - d.begin for d in drafts), default=0)
        time_begins = [t.begin for t in times]
        nearest: dict[int, list[Superlative]] = {}
        counted = [d for d in drafts if d.unit is None or d.unit not in _DURATIONS]
        for mark in marks:
            closest = min(counted, key=lambda d: abs(d.begin - mark.offset), default=None)
            if closest is not None:
                nearest.setdefault(id(closest), []).append(mark)
        return cls(
            drafts=drafts,
            begins=begins,
            ordered=ordered,
            reach=RIVAL_REACH + longest_time + longest_draft,
            times=times,
            time_begins=time_begins,
            times_ordered=time_begins == sorted(time_begins),
            longest_time=longest_time,
            report=report_dates(text, times, min(begins)),
            excluded=[m.since_span for m in marks if m.since_span is not None],
            superlatives=nearest,
        )

    def others(self, draft: Draft) -> list[tuple[int, int]]:
        """The other figures near enough to `draft` to compete for its dates (all of them
        when the drafts are out of order)."""
        low, high = 0, len(self.drafts)
        if self.ordered:
            low = bisect_left(self.begins, draft.begin - self.reach)
            high = bisect_right(self.begins, draft.end + self.reach)
        return [(d.begin, d.end) for d in self.drafts[low:high] if d is not draft]

    def times_near(self, draft: Draft) -> list[TimeSpan]:
        """The dates near enough to `draft` to be its period or cue (see `TIME_REACH`)."""
        if not self.times_ordered:
            return self.times
        low = bisect_left(self.time_begins, draft.begin - TIME_REACH - self.longest_time)
        high = bisect_right(self.time_begins, draft.end + TIME_REACH)
        return self.times[low:high]


def build(
    sentence: Sentence,
    context: ArticleContext,
    source: Source,
    text: str,
    draft: Draft,
    layout: Layout,
    cues: list[tuple[int, Modality]],
) -> Figure:
    """The `Figure` claim of a finished draft; `cues` are the sentence's modality cues."""
    superlative: str | None = None
    superlative_since: dt.date | None = None
    for mark in layout.superlatives.get(id(draft), ()):
        superlative, superlative_since = mark.word, mark.since
    when = timing(
        text,
        (draft.begin, draft.end),
        layout.others(draft),
        layout.times_near(draft),
        context,
        layout.excluded,
        layout.report,
    )
    low, high = _bounds(draft)
    modality = modality_of(text, draft, cues)
    noun = "age" if draft.age else draft.noun
    if draft.number.ordinal:
        # a rank compares with ranks only: "the 11th largest city" is no count of cities, and
        # its superlative belongs to the rank, not to a figure that would be the largest
        noun = "rank"
        superlative = superlative_since = None
    return Figure(
        **placement(sentence, context, source, draft.begin, draft.end),
        value=draft.value,
        low=low,
        high=high,
        qualifier=draft.qualifier,
        unit=draft.unit,
        noun=noun,
        modality=modality,
        period_start=when.period_start,
        period_end=when.period_end,
        period_granularity=when.granularity,
        cumulative=when.cumulative,
        as_of=when.as_of,
        superlative=superlative,
        superlative_since=superlative_since,
        rank=draft.number.ordinal,
        restates=draft.restates,
        listed=draft.listed,
    )


def _bounds(draft: Draft) -> tuple[float | None, float | None]:
    if draft.qualifier is Qualifier.RANGE:
        return draft.low, draft.high
    if draft.qualifier is Qualifier.EXACT:
        return draft.value, draft.value
    if draft.qualifier is Qualifier.AT_LEAST:
        return draft.value, None
    if draft.qualifier is Qualifier.AT_MOST:
        return None, draft.value
    return None, None
