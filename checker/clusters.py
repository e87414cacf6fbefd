"""Identical claims as one class: what a rule pairs when an archive holds many copies of a story.

A wire story republished and updated a thousand times states each fact a thousand times, in a
handful of versions. A rule that pairs claims would pair every copy of one version with every
copy of another and report each pair; a rule that pairs *classes* (claims equal in everything
its decision reads) decides once per pair of versions, reports one finding naming the first
copy of each side and how many more there are, and lists at most `MAX_EVIDENCE` copies per
side as evidence. The cost is a pass over the claims plus the pairs of classes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from checker.models import Claim

__all__ = ["MAX_EVIDENCE", "Reported", "classes", "evidence", "first_fit", "more"]

C = TypeVar("C", bound=Claim)

# Copies listed per side of a finding; the rest are counted in its message.
MAX_EVIDENCE = 8
# Members of a class tried as its side of a pair: one per article, of the first few articles.
_CANDIDATES = 3


def classes(items: Iterable[C], key: Callable[[C], Hashable]) -> list[list[C]]:
    """`items` grouped by `key`, each class in input order, classes in order of first member."""
    found: dict[Hashable, list[C]] = {}
    for item in items:
        found.setdefault(key(item), []).append(item)
    return list(found.values())


def first_fit(
    first: Sequence[C],
    second: Sequence[C],
    fits: Callable[[C, C], bool],
    focused: Callable[[C], bool] = lambda claim: True,
    memo: dict[int, list[C]] | None = None,
) -> tuple[C, C] | None:
    """A pair (a, b) of `first` x `second` that `fits` with a focused member, found among a few
    members of each side (the first of each of its first articles, and its first focused ones):
    whether copies of one article may be paired is all `fits` tells apart, so these suffice.
    `memo` keeps each side's candidates when one side meets many others."""
    memo = {} if memo is None else memo
    for a in _candidates(first, focused, memo):
        for b in _candidates(second, focused, memo):
            if (focused(a) or focused(b)) and fits(a, b):
                return a, b
    return None


def _candidates(
    side: Sequence[C], focused: Callable[[C], bool], memo: dict[int, list[C]]
) -> list[C]:
    known = memo.get(id(side))
    if known is not None:
        return known
    chosen: list[C] = []
    paths: set[str] = set()
    focused_paths: set[str] = set()
    for claim in side:
        is_focused = focused(claim)
        if claim.path not in paths and len(paths) < _CANDIDATES:
            paths.add(claim.path)
            chosen.append(claim)
            if is_focused:
                focused_paths.add(claim.path)
        elif is_focused and claim.path not in focused_paths and len(focused_paths) < _CANDIDATES:
            focused_paths.add(claim.path)
            chosen.append(claim)
        if len(paths) >= _CANDIDATES and len(focused_paths) >= _CANDIDATES:
            break
    memo[id(side)] = chosen
    return chosen


def evidence(head: C, side: Sequence[C]) -> list[C]:
    """`head` and then the side's other members, at most MAX_EVIDENCE in all."""
    return [head, *(c for c in side[: MAX_EVIDENCE + 1] if c is not head)][:MAX_EVIDENCE]


def more(side: Sequence[object]) -> str:
    """ " and 12 more" for a side of 13 copies; nothing for one."""
    return f" and {len(side) - 1} more" if len(side) > 1 else ""


def _where(claim: Claim) -> Hashable:
    return (claim.path, claim.line)


class Reported:
    """Which pairs of sides findings have covered, so that another pass over the same copies
    (a rule's twin-sentence pass) does not report them again: linear in the copies recorded,
    where a set of covered pairs would grow with the product of the sides. Claims are told
    apart by `key` (by default their line: another pass may read other claims of it)."""

    def __init__(self, key: Callable[[Claim], Hashable] = _where) -> None:
        self._key = key
        self._sides: dict[Hashable, set[tuple[int, int]]] = {}
        self._count = 0

    def add(self, first: Iterable[Claim], second: Iterable[Claim]) -> None:
        number = self._count
        self._count += 1
        for side, claims in enumerate((first, second)):
            for claim in claims:
                self._sides.setdefault(self._key(claim), set()).add((number, side))

    def covers(self, first: Claim, second: Claim) -> bool:
        left = self._sides.get(self._key(first), set())
        right = self._sides.get(self._key(second), set())
        return any((number, 1 - side) in right for number, side in left)

    def covers_all(self, first: Sequence[Claim], second: Sequence[Claim]) -> bool:
        """Whether every pair across the two sides was reported: by one finding (checked in a
        pass over each side), else pair by pair, stopping at the first pair left out."""
        if not first or not second:
            return True
        shared = set(self._sides.get(self._key(first[0]), set()))
        for claim in first[1:]:
            shared &= self._sides.get(self._key(claim), set())
        wanted = {(number, 1 - side) for number, side in shared}
        for claim in second:
            wanted &= self._sides.get(self._key(claim), set())
        if wanted:
            return True
        return all(self.covers(a, b) for a in first for b in second)
