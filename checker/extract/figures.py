"""Figures: numbers that count or measure something, with their amount and when they held.

`find_figures` reads the numbers of a sentence (`numbers.py`), drops those that are not figures
(years and dates found by `timex`, times of day, numbers inside names such as "F-16", labels,
scores), joins ranges ("between 170,000 and 200,000", "8- to 16-meter") and two-unit measures
("6 ft 8 in"), reads the hedge before each ("nearly", "at least", "up to", "rose by") and the
unit or counted noun after it, then whether it is a fact, an estimate, a target or a forecast,
which period it covers and when it held. What a figure is about (whose, which event, what is
counted) is its frame, read afterwards from the sentence's parse (`frames`). Word lists live in
`checker/data/*.toml`.

This module only runs the steps in order; each lives in its own module: `figure_filter` (which
numbers are figures), `figure_draft` (unit, hedge, ranges), `figure_compound` (two-unit
measures), `figure_noun` (the counted noun), `figure_restate` (a conversion or a list that
states a figure again), `figure_modality`, `figure_time` (period, as-of, superlatives) and
`figure_build` (the `Figure`).
"""

from __future__ import annotations

from checker.extract.context import ArticleContext, Source
from checker.extract.figure_build import Layout, build
from checker.extract.figure_compound import combine
from checker.extract.figure_draft import draft_of, join
from checker.extract.figure_filter import keep
from checker.extract.figure_modality import modality_cues
from checker.extract.figure_noun import read_noun
from checker.extract.figure_restate import mark_restatements
from checker.extract.figure_time import record_anchors, superlatives
from checker.extract.numbers import find_numbers
from checker.extract.timex import find_times
from checker.models import Figure, Sentence

__all__ = ["find_figures"]


def find_figures(sentence: Sentence, context: ArticleContext, source: Source) -> list[Figure]:
    """The figures of one sentence, in the order they are written."""
    text = sentence.text
    numbers = find_numbers(text)
    if not numbers:
        return []
    times = find_times(text, context.published)
    record_anchors(text, times, context)
    drafts = [d for d in (draft_of(text, n, times) for n in keep(text, numbers, times)) if d]
    drafts = combine(text, join(text, drafts))
    if not drafts:
        return []
    for draft in drafts:
        read_noun(text, draft, drafts)
    mark_restatements(text, drafts)
    marks = superlatives(text, times)
    cues = modality_cues(text, max(d.begin for d in drafts))
    layout = Layout.of(text, drafts, times, marks)
    return [build(sentence, context, source, text, d, layout, cues) for d in drafts]
