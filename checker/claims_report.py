"""`checker claims` output: one row per claim with the SPEC's fields."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

from checker.models import Claim

# The SPEC's fields, then each figure's and date's frame (see checker.extract.frames; `first`:
# the date is of its event's first occurrence, `first_of_all`: of the first of all its noun
# names; `done_by`: the date of a saying that reports the event as done), the organisation the
# credited person speaks for, a figure's occasion (the day of the event its paragraph opens
# with), and what a date's claim says of its period: its last day, its granularity, how it is
# related to the event ("on", "by", "since", ...), whether it was read against the publication
# date.
FIELDS = (
    "kind", "path", "line", "column", "text", "value", "low", "high", "unit", "qualifier",
    "modality", "subject", "anchor", "predicate", "attribute", "scope", "setting", "first",
    "first_of_all", "done_by", "period_start", "period_end", "as_of", "occasion", "source",
    "source_chain", "source_affiliation", "person", "title", "event", "date", "end",
    "granularity", "relation", "relative",
)  # fmt: skip


FRAME_FIELDS = (
    "anchor", "predicate", "attribute", "scope", "setting", "first", "first_of_all", "done_by",
)  # fmt: skip

# The terminal table leaves out the sentence and the column: they would not fit.
TABLE_FIELDS = (
    "kind", "path", "line", "value", "qualifier", "unit", "anchor", "predicate", "attribute",
    "modality",
    "period_start", "period_end", "source", "person", "title", "event", "date",
)  # fmt: skip


def claim_row(claim: Claim) -> dict[str, Any]:
    data = claim.model_dump(mode="json")
    frame = data.pop("frame", None) or {}
    data.update({part: frame.get(part) for part in FRAME_FIELDS})
    return {name: data.get(name) for name in FIELDS}


def render_claims(claims: Sequence[Claim], fmt: str) -> str:
    rows = [claim_row(c) for c in claims]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    table = [[_short(r[f]) for f in TABLE_FIELDS] for r in rows]
    return tabulate(table, headers=list(TABLE_FIELDS), tablefmt="simple") + "\n"


def _short(value: Any) -> Any:
    if isinstance(value, list):
        return " <- ".join(str(v) for v in value)
    return value
