"""`checker diff OLD NEW`: which facts changed between two versions of a story.

Claims are matched between versions by what they are about (a content key), never by line:
editing a paragraph moves every line below it, yet the figures in them are the same facts.

    figure       (frame: primary anchor, predicate, attribute; period, modality, cumulative,
                  the unit's dimension); a figure whose frame names no predicate or attribute
                  keys on its sentence's words with the numbers masked
    date         (what it dates, whom: `DateClaim.happening`, `DateClaim.names`)
    attribution  the quote, or the sentence's words without the source
    person       the name

Matching runs in three passes. First, claims with equal keys pair up; a pair whose compared
fields (value, unit, superlative, date, source, title...) agree is unchanged and not listed.
Second, claims left over on both sides pair up when their sentences read alike: an edit that
moved a figure to another month changes its key, yet the desk wants "changed", not "removed"
plus "added". Third, a figure left over pairs with one of the same amount whose frame shares
a word (a reworded sentence). A figure changes what it counts when its frame's predicate or
attribute differs ("killed" and "wounded"); figures whose own sentences name different anchors
(two people's ages) never pair in the second and third passes, however alike the sentences.
A fact stated twice counts once, so a rewrite that drops a repetition changes nothing.

Diff reports, it does not judge: the command exits 0 whatever changed.
"""

from __future__ import annotations

from checker.diff.match import diff_claims
from checker.diff.models import Change, ChangeKind, ChangeSide, DiffError, DiffResult
from checker.diff.paths import diff_paths
from checker.diff.render import render_diff, summary_line

__all__ = [
    "Change",
    "ChangeKind",
    "ChangeSide",
    "DiffError",
    "DiffResult",
    "diff_claims",
    "diff_paths",
    "render_diff",
    "summary_line",
]
