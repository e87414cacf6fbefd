"""Pairs of items worth comparing, without walking all pairs of a block.

Rules compare the claims of a block pairwise, and a block is mostly agreement: a much-covered
birth date stated alike in thousands of articles, or one quote credited alike in each copy. Two
items with the same key (the same period, the same quote and source) cannot disagree, so only
pairs across keys are produced: the cost is the pairs produced plus, per item, a step per
distinct key, not the number of items squared. Items that can only match when close on one
scale (values within a tolerance, dates within a window) are sorted on it and swept instead.

Both give pairs (i, j), i < j, in the order of the all-pairs loop `for i ...: for j in
range(i + 1, n)`, so that a rule reporting the first pair of a kind reports the same pair as
that loop would.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from heapq import merge

__all__ = ["differing_pairs", "nearby_pairs"]


def differing_pairs(keys: Sequence[Hashable]) -> Iterator[tuple[int, int]]:
    """Index pairs (i, j), i < j, of items whose keys differ, in all-pairs order."""
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


def nearby_pairs(
    positions: Sequence[float],
    reach: Callable[[float], float],
    wanted: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """Index pairs (i, j), i < j, in all-pairs order, of items whose positions differ by at
    most `reach(p)`, p the lower of the two, and that are `wanted` (called with i < j)."""
    order = sorted(range(len(positions)), key=positions.__getitem__)
    pairs: list[tuple[int, int]] = []
    for rank, i in enumerate(order):
        low = positions[i]
        limit = reach(low)
        for j in order[rank + 1 :]:
            if positions[j] - low > limit:
                break
            pair = (i, j) if i < j else (j, i)
            if wanted(*pair):
                pairs.append(pair)
    pairs.sort()
    return pairs
