"""Pairs of items that may disagree, without walking every pair of items that agree.

Rules compare the claims of a block pairwise, and a block is mostly agreement: a much-covered
birth date stated alike in thousands of articles, or one quote credited alike in each copy. Two
items with the same key (the same period, the same quote and source) cannot disagree, so only
pairs across keys are produced: the cost is the pairs produced plus, per item, a step per
distinct key, not the number of items squared.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence
from heapq import merge

__all__ = ["differing_pairs"]


def differing_pairs(keys: Sequence[Hashable]) -> Iterator[tuple[int, int]]:
    """Index pairs (i, j), i < j, of items whose keys differ, in the order of the all-pairs
    loop `for i ...: for j in range(i + 1, n)`, so that a rule reporting the first pair of a
    kind reports the same pair as that loop would."""
    buckets: dict[Hashable, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        buckets[key].append(index)
    if len(buckets) < 2:
        return
    for i, key in enumerate(keys):
        later = [
            map(indices.__getitem__, range(bisect_right(indices, i), len(indices)))
            for other, indices in buckets.items()
            if other != key
        ]
        for j in merge(*later):
            yield i, j
