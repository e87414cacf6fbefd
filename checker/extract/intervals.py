"""Overlap tests against a growing set of disjoint spans, by bisection.

Extractors keep "taken" spans (dates already read, numbers inside dates) and test every new
candidate against them. A scan of the whole list per candidate makes a sentence with thousands
of numbers or dates quadratic; sorted bounds keep each test logarithmic.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from itertools import pairwise


class Disjoint:
    """Half-open spans `[begin, end)` that never overlap one another."""

    def __init__(self) -> None:
        self._begins: list[int] = []
        self._ends: list[int] = []  # sorted too, since the spans are disjoint

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> Disjoint | None:
        """The spans as a `Disjoint`, or None when they overlap (the caller then scans)."""
        spans = sorted(spans)
        for (_, end), (begin, _) in pairwise(spans):
            if begin < end:
                return None
        disjoint = cls()
        disjoint._begins = [b for b, _ in spans]
        disjoint._ends = [e for _, e in spans]
        return disjoint

    def overlaps(self, begin: int, end: int) -> bool:
        """True when some span has `b < end and begin < e` (the test the linear scans make)."""
        index = bisect_right(self._ends, begin)  # the first span ending after `begin`
        return index < len(self._begins) and self._begins[index] < end

    def add(self, begin: int, end: int) -> None:
        """Add a span that overlaps none of the others (test with `overlaps` first)."""
        index = bisect_right(self._begins, begin)
        self._begins.insert(index, begin)
        insort(self._ends, end)
