"""Archive keys several rules share: the subject group a figure belongs to.

`figure-mismatch`, `misattribution`, `cumulative-decrease` and `superlative-conflict` all read
the subject groups (`checker.group`): a figure's group is its block (attribute, predicate, unit
dimension) and the anchors of the block that cluster with its own, so the index files each
figure under its block, with its anchor (see `checker.rule.ArchiveKey`).
"""

from __future__ import annotations

from checker.group import raw_key
from checker.models import Claim, Figure
from checker.rule import ArchiveKey

__all__ = ["subject_group_keys"]


def subject_group_keys(claim: Claim) -> tuple[ArchiveKey, ...]:
    """The figure's block and anchor; none for a claim no subject group can hold."""
    if not isinstance(claim, Figure):
        return ()
    raw = raw_key(claim)
    if raw is None:
        return ()
    return (ArchiveKey("subject-group:" + "\x1f".join(raw.block), anchor=raw.anchor),)
