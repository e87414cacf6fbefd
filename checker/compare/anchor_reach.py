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
names are one made of words of the other, or one is the other's initials, or they share a
regnal name ("orhan ii"), or they are spelt within `fuzz.ratio` 90 of each other (looked
up by pieces of three letters, then scored by rapidfuzz's batch scorer).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import NamedTuple, Protocol

from rapidfuzz import fuzz, process

from checker.compare.anchors import _FUZZY, _FUZZY_MIN, _initials, anchors_agree, regnal_names

__all__ = ["AnchorIndex", "Neighbours", "anchor_names", "reach"]

Anchor = tuple[str, ...]
# A name of more words than this finds the names made of its words through each word's names.
_SUBSET_WORDS = 6
_GRAM = 3  # letters a near spelling is looked up by


def visit_order(anchor: Anchor) -> tuple[bool, int, Anchor]:
    """The order `cluster_anchors` visits distinct anchors in (a test holds the two together)."""
    return (not anchor[0], -len(anchor), anchor)


class AnchorIndex:
    """The distinct anchors of one block, indexed by what their names could match."""

    def __init__(self, anchors: Iterable[Anchor]) -> None:
        self._by_name: dict[str, set[Anchor]] = defaultdict(set)
        # names by the set of their words, and by each word: "baker" matches "marina baker"
        # only if one's words are all among the other's
        self._by_words: dict[frozenset[str], set[str]] = defaultdict(set)
        self._with_word: dict[str, set[str]] = defaultdict(set)
        self._initials: dict[str, set[str]] = defaultdict(set)  # "isw" -> names it shortens
        self._regnal: dict[str, set[str]] = defaultdict(set)  # "henry viii" -> names holding it
        # long names by (word count, three letters they hold): see `_spelt_like`
        self._by_gram: dict[tuple[int, str], set[str]] = defaultdict(set)
        self._neighbours: dict[Anchor, frozenset[Anchor]] = {}
        self._matches: dict[str, set[str]] = {}  # a name -> the indexed names it may match
        for anchor in anchors:
            self.add(anchor)

    def add(self, anchor: Anchor) -> None:
        for name in anchor_names(anchor):
            if name not in self._by_name:
                words = name.split()
                self._by_words[frozenset(words)].add(name)
                for word in words:
                    self._with_word[word].add(name)
                if len(words) >= 2:
                    self._initials[_initials(words)].add(name)
                for regnal in regnal_names(words):
                    self._regnal[regnal].add(name)
                if len(name) >= _FUZZY_MIN:
                    for start in range(len(name) - _GRAM + 1):
                        self._by_gram[len(words), name[start : start + _GRAM]].add(name)
            self._by_name[name].add(anchor)
        # an added anchor may be anyone's neighbour
        self._neighbours.clear()
        self._matches.clear()

    def neighbours(self, anchor: Anchor) -> frozenset[Anchor]:
        """The indexed anchors that agree with `anchor`, either way round."""
        known = self._neighbours.get(anchor)
        if known is not None:
            return known
        found = frozenset(
            other
            for other in self.candidates(anchor)
            if anchors_agree(anchor, other) or anchors_agree(other, anchor)
        )
        self._neighbours[anchor] = found
        return found

    def candidates(self, anchor: Anchor) -> set[Anchor]:
        """The indexed anchors that may agree with `anchor`, either way round: a superset of
        its neighbours, for a caller that tries only some of them."""
        found: set[Anchor] = set()
        for name in anchor_names(anchor):
            matching = self._matches.get(name)
            if matching is None:  # a place or a person is named in many anchors
                matching = self._matches[name] = self._matching(name)
            for match in matching:
                found |= self._by_name[match]
        found.discard(anchor)
        return found

    def _matching(self, name: str) -> set[str]:
        """Indexed names that may match `name`: a superset of those `names_match` accepts."""
        words = name.split()
        distinct = sorted(set(words))
        found: set[str] = set()
        # names whose words are all among this one's ("baker" for "marina baker")
        if len(distinct) <= _SUBSET_WORDS:
            for size in range(1, len(distinct) + 1):
                for subset in combinations(distinct, size):
                    found |= self._by_words.get(frozenset(subset), set())
        else:
            found |= set().union(*(self._with_word.get(w, set()) for w in distinct))
        # names with all of this one's words ("marina augusta baker" for "marina baker"),
        # read from the rarest word's names
        postings = sorted((self._with_word.get(w, set()) for w in distinct), key=len)
        found |= set(postings[0]).intersection(*postings[1:])
        # initials: "isw" and "institute for the study of war"
        if len(words) == 1:
            found |= self._initials.get(name, set())
        else:
            found |= self._by_words.get(frozenset([_initials(words)]), set())
        for regnal in regnal_names(words):  # "orhan ii" for "orhan ii of varsak"
            found |= self._regnal.get(regnal, set())
        if len(name) >= _FUZZY_MIN:
            found |= self._spelt_like(name, len(words))
        return found

    def _spelt_like(self, name: str, words: int) -> set[str]:
        """Indexed long names of as many words that `fuzz.ratio` puts within `_FUZZY` of
        `name` (`names_match` compares no other spellings).

        `fuzz.ratio` is 100 * (1 - d / (m + n)) for lengths m, n and d insertions and deletions
        between the two; within `_FUZZY`, n is at most m * (200 - F) / F, so d is at most
        m * 2 * (100 - F) / F. Cut into d + 1 pieces, `name` keeps at least one piece whole in
        any such spelling, so only names that hold some three letters of each piece are scored,
        not every name of the block.
        """
        cutoff = _FUZZY - 0.01
        edits = int(len(name) * 2 * (100 - cutoff) / cutoff)
        size = len(name) // (edits + 1)
        if size < _GRAM:
            return set()  # names this short are never spelt alike (`_FUZZY_MIN`)
        near: set[str] = set()
        for piece in range(edits + 1):
            start = piece * size
            end = len(name) if piece == edits else start + size
            postings = (
                self._by_gram.get((words, name[at : at + _GRAM]), set())
                for at in range(start, end - _GRAM + 1)
            )
            near |= min(postings, key=len)
        spelt = process.extract(
            name, list(near), scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        )
        return {choice for choice, _, _ in spelt}


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
