"""Which anchors of a block decide the clusters of a few, without clustering the whole block.

A check against an archive needs the subject groups of the checked claims, and a group is a
cluster of anchors (`cluster_anchors`), which depends on other anchors of the block: an anchor
agreeing with two that disagree stays alone. Clustering every anchor of a large archive's block
is quadratic in its distinct anchors; this finds the few that matter instead.

`cluster_anchors` visits anchors in one fixed order, and an anchor's cluster is decided by the
representatives among the earlier anchors it agrees with; so it depends only on the anchors
reachable from it through agreement with earlier ones, and of those only the first two that
are representatives; `reach` decides the wanted anchors so, then the later anchors that agree
with the first anchor of each wanted cluster (its other members), and returns every anchor it
had to decide.
Candidates for agreement come from an index of the names, never a scan of all pairs: two
anchors agree only when a name of one matches a name of the other (`names_match`), and matching
names share their first or last word, or one is the other's initials, or they are spelt within
`fuzz.ratio` 90 of each other (found by rapidfuzz's batch scorer).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple, Protocol

from rapidfuzz import fuzz, process

from checker.compare.anchors import _FUZZY, _FUZZY_MIN, _initials, anchors_agree

__all__ = ["AnchorIndex", "Neighbours", "anchor_names", "reach"]

Anchor = tuple[str, ...]


def visit_order(anchor: Anchor) -> tuple[bool, int, Anchor]:
    """The order `cluster_anchors` visits distinct anchors in (a test holds the two together)."""
    return (not anchor[0], -len(anchor), anchor)


class AnchorIndex:
    """The distinct anchors of one block, indexed by what their names could match."""

    def __init__(self, anchors: Iterable[Anchor]) -> None:
        self._by_name: dict[str, set[Anchor]] = defaultdict(set)
        self._first: dict[str, set[str]] = defaultdict(set)
        self._last: dict[str, set[str]] = defaultdict(set)
        self._initials: dict[str, set[str]] = defaultdict(set)
        self._names: list[str] = []
        self._neighbours: dict[Anchor, frozenset[Anchor]] = {}
        for anchor in anchors:
            self.add(anchor)

    def add(self, anchor: Anchor) -> None:
        for name in anchor_names(anchor):
            if name not in self._by_name:
                self._names.append(name)
                words = name.split()
                self._first[words[0]].add(name)
                self._last[words[-1]].add(name)
                if len(words) >= 2:
                    self._initials[_initials(words)].add(name)
            self._by_name[name].add(anchor)
        self._neighbours.clear()  # an added anchor may be anyone's neighbour

    def neighbours(self, anchor: Anchor) -> frozenset[Anchor]:
        """The indexed anchors that agree with `anchor`, either way round."""
        known = self._neighbours.get(anchor)
        if known is not None:
            return known
        candidates: set[Anchor] = set()
        for name in anchor_names(anchor):
            for match in self._matching(name):
                candidates |= self._by_name[match]
        candidates.discard(anchor)
        found = frozenset(
            other
            for other in candidates
            if anchors_agree(anchor, other) or anchors_agree(other, anchor)
        )
        self._neighbours[anchor] = found
        return found

    def _matching(self, name: str) -> set[str]:
        """Indexed names that may match `name`: a superset of those `names_match` accepts."""
        words = name.split()
        found = self._first.get(words[0], set()) | self._last.get(words[-1], set())
        if len(words) == 1:
            found |= self._initials.get(name, set())
        else:
            found |= self._first.get(_initials(words), set())
        if len(name) >= _FUZZY_MIN:
            spelt = process.extract(
                name, self._names, scorer=fuzz.ratio, score_cutoff=_FUZZY - 0.01, limit=None
            )
            found.update(choice for choice, _, _ in spelt)
        return found


class Neighbours(Protocol):
    """What `reach` reads of a block: the anchors that agree with one (an `AnchorIndex`, or
    the archive index's stored block)."""

    def neighbours(self, anchor: Anchor) -> frozenset[Anchor]: ...


def anchor_names(anchor: Anchor) -> list[str]:
    """Every name of an anchor, a primary name's other spellings apart ("karl|carl")."""
    return [part for name in anchor if name for part in name.split("|") if part]


class _State(NamedTuple):
    """Where `cluster_anchors` puts an anchor: the first anchor of its cluster, whether it is
    that first anchor (a representative), and whether later anchors may join it."""

    first: Anchor
    representative: bool
    joinable: bool


def reach(index: Neighbours, wanted: Sequence[Anchor]) -> set[Anchor]:
    """The indexed anchors whose clustering with `wanted` puts every wanted anchor, and every
    anchor of its cluster, where clustering the whole block would: `cluster_anchors` of the
    claims of these anchors (and of any others) gives the wanted clusters exactly. `wanted`
    must be indexed.

    An anchor joins the one representative it agrees with among the anchors visited before
    it, or starts a cluster (which others may join only if it agreed with none). Deciding it
    needs every earlier anchor it agrees with, unless two of them are representatives: then it
    starts a cluster nobody joins, whatever the others are, and the rest are not read. Any
    other anchor read with these cannot change that: it could only add a second match.
    """
    states: dict[Anchor, _State] = {}
    for anchor in wanted:
        _decide(index, anchor, states)
    firsts = {states[anchor].first for anchor in wanted}
    for first in firsts:
        here = visit_order(first)
        for other in index.neighbours(first):
            if visit_order(other) > here and anchors_agree(other, first):
                _decide(index, other, states)
    return set(states)


def _decide(index: Neighbours, anchor: Anchor, states: dict[Anchor, _State]) -> _State:
    """The anchor's place, deciding the earlier anchors it needs (recursively, by an explicit
    stack: chains of agreeing anchors may be long)."""
    stack: list[tuple[Anchor, list[Anchor], list[Anchor]]] = []

    def start(current: Anchor) -> None:
        here = visit_order(current)
        earlier = sorted(
            (
                other
                for other in index.neighbours(current)
                if visit_order(other) < here and anchors_agree(current, other)
            ),
            key=visit_order,
            reverse=True,  # popped from the end: earliest first
        )
        stack.append((current, earlier, []))

    if anchor in states:
        return states[anchor]
    start(anchor)
    while stack:
        current, earlier, matches = stack[-1]
        while earlier and len(matches) < 2:
            other = earlier[-1]
            known = states.get(other)
            if known is None:
                start(other)
                break
            earlier.pop()
            if known.representative:
                matches.append(other)
        else:
            stack.pop()
            if len(matches) == 1 and states[matches[0]].joinable:
                states[current] = _State(states[matches[0]].first, False, False)
            else:
                states[current] = _State(current, True, not matches)
    return states[anchor]
