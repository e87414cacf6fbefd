"""Pairing the claims of two versions of one article into added, removed and changed.

Three passes, strictest first: equal content keys, then sentences that read alike, then
figures with the same amount in a reworded sentence. Whatever stays unpaired is added or
removed. Figures whose sentences name different anchors (two people's ages) never pair in the
looser passes: alike sentences about two people are two facts, not one edited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

from rapidfuzz import fuzz

from checker.diff.compare import (
    compared,
    content_key,
    content_words,
    counts_something,
    differences,
    named_anchor,
    number,
    same_words,
)
from checker.diff.describe import detail, fact, side, subject
from checker.diff.models import Change, ChangeKind
from checker.models import Attribution, Claim, DateClaim, Figure, PersonClaim

# Second pass: sentences at least this alike (rapidfuzz 0-100) hold the same claim, edited.
SIMILAR_SENTENCE = 75.0


def comparable(claims: Sequence[Claim]) -> list[Claim]:
    """The claims a diff compares, each fact once.

    An attribution whose sentence holds a figure or a date is skipped: that claim carries the
    same source, so a changed source is reported once, on the fact it is about. A person named
    without a title says nothing a diff can compare beyond the name, so only the first
    mention of a name counts unless a later one gives a title.
    """
    with_facts = {(c.path, c.sentence_index) for c in claims if isinstance(c, Figure | DateClaim)}
    titled = {content_key(c) for c in claims if isinstance(c, PersonClaim) and c.title}
    kept: list[Claim] = []
    seen: set[Hashable] = set()
    for claim in claims:
        if isinstance(claim, Attribution) and (claim.path, claim.sentence_index) in with_facts:
            continue
        if isinstance(claim, PersonClaim) and not claim.title and content_key(claim) in titled:
            continue
        identity = (content_key(claim), tuple(compared(claim).items()))
        if identity not in seen:
            seen.add(identity)
            kept.append(claim)
    return kept


def _similarity(a: Claim, b: Claim) -> float:
    return float(fuzz.token_sort_ratio(a.text, b.text))


def _may_pair(a: Claim, b: Claim) -> bool:
    """Whether two claims of one kind may be one fact edited: not two figures whose sentences
    name different anchors."""
    if isinstance(a, Figure) and isinstance(b, Figure):
        return same_words(named_anchor(a.frame), named_anchor(b.frame))
    return True


def _pair(
    old: list[Claim], new: list[Claim], threshold: float
) -> tuple[list[tuple[Claim, Claim]], list[Claim], list[Claim]]:
    """Greedy best-first pairing by sentence similarity; pairs with equal facts go first."""
    candidates = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if a.kind != b.kind or not _may_pair(a, b):
                continue
            score = _similarity(a, b)
            if score >= threshold:
                fields = differences(a, b)
                # One sentence holds several figures ("killed 14 and wounded 37"): each pairs
                # with the figure that counts the same thing before any with an equal value.
                candidates.append(("subject" not in fields, not fields, score, -i, -j))
    candidates.sort(reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for *_, neg_i, neg_j in candidates:
        i, j = -neg_i, -neg_j
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j]))
    left_old = [c for i, c in enumerate(old) if i not in used_old]
    left_new = [c for j, c in enumerate(new) if j not in used_new]
    return pairs, left_old, left_new


# A reworded sentence can make the extractor read another subject or miss the period; for
# figures paired as rewordings, only a change of value or source counts.
_REWORDED_NOISE = frozenset({"subject", "period"})


def _amount(claim: Figure) -> tuple[object, ...]:
    return (number(claim.value), number(claim.low), number(claim.high), claim.unit)


def _frame_words(claim: Figure) -> set[str]:
    """The words of what a figure counts: its frame's attribute, predicate and named anchor."""
    if not counts_something(claim.frame):
        return set()
    assert claim.frame is not None
    parts = (claim.frame.attribute, claim.frame.predicate, named_anchor(claim.frame))
    return set(content_words(" ".join(parts)))


def _pair_reworded(
    old: list[Claim], new: list[Claim]
) -> tuple[list[tuple[Claim, Claim]], list[Claim], list[Claim]]:
    """Third pass: a figure left over on both sides with the same amount and a word of its
    frame in common is one figure in a reworded sentence ("a 2-million-strong reserve" and
    "a reserve of 2 million"), not one removed and one added."""
    pairs: list[tuple[Claim, Claim]] = []
    rest_new = list(new)
    rest_old = []
    for a in old:
        match: Claim | None = None
        if isinstance(a, Figure):
            words = _frame_words(a)
            for b in rest_new:
                if (
                    isinstance(b, Figure)
                    and _amount(a) == _amount(b)
                    and a.modality == b.modality
                    and _may_pair(a, b)
                    and words & _frame_words(b)
                ):
                    match = b
                    break
        if match is None:
            rest_old.append(a)
        else:
            rest_new.remove(match)
            pairs.append((a, match))
    return pairs, rest_old, rest_new


def diff_claims(old: Sequence[Claim], new: Sequence[Claim]) -> list[Change]:
    """Added, removed and changed claims between two versions of one article."""
    by_key_old: dict[Hashable, list[Claim]] = defaultdict(list)
    by_key_new: dict[Hashable, list[Claim]] = defaultdict(list)
    for claim in comparable(old):
        by_key_old[content_key(claim)].append(claim)
    for claim in comparable(new):
        by_key_new[content_key(claim)].append(claim)

    pairs: list[tuple[Claim, Claim]] = []
    left_old: list[Claim] = []
    left_new: list[Claim] = []
    for key in by_key_old.keys() | by_key_new.keys():
        # Same key: any pairing will do (threshold 0); similarity only breaks ties.
        matched, rest_old, rest_new = _pair(by_key_old.get(key, []), by_key_new.get(key, []), 0)
        pairs += matched
        left_old += rest_old
        left_new += rest_new
    matched, left_old, left_new = _pair(left_old, left_new, SIMILAR_SENTENCE)
    pairs += matched
    reworded, left_old, left_new = _pair_reworded(left_old, left_new)

    changes = []
    for a, b in pairs + reworded:
        fields = differences(a, b)
        if (a, b) in reworded:
            fields = tuple(f for f in fields if f not in _REWORDED_NOISE)
        if fields:
            changes.append(
                Change(
                    change=ChangeKind.CHANGED,
                    kind=b.kind,
                    field=fields[0],
                    fields=fields,
                    subject=subject(b),
                    detail=detail(a, b, fields),
                    old=side(a),
                    new=side(b),
                )
            )
    changes += [
        Change(
            change=ChangeKind.REMOVED,
            kind=c.kind,
            subject=subject(c),
            detail=fact(c),
            old=side(c),
        )
        for c in left_old
    ]
    changes += [
        Change(
            change=ChangeKind.ADDED, kind=c.kind, subject=subject(c), detail=fact(c), new=side(c)
        )
        for c in left_new
    ]
    return sorted(changes, key=_order)


def _order(change: Change) -> tuple[str, int, int]:
    side = change.new or change.old
    assert side is not None
    return (side.path, side.line, side.column)
