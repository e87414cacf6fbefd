"""How a claim reads in a diff: the fact in short, its subject, and what changed.

Kept apart from matching so the wording of a report can change without touching which
claims pair up.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.diff.compare import period_label
from checker.diff.models import ChangeSide
from checker.models import Attribution, Claim, DateClaim, Figure, PersonClaim


def _figure_value(claim: Figure) -> str:
    def num(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"

    if claim.low is not None and claim.high is not None and claim.low != claim.high:
        text = f"{num(claim.low)}-{num(claim.high)}"
    else:
        text = num(claim.value)
    if claim.qualifier.value not in ("exact", "range"):
        text = f"{claim.qualifier.value.replace('_', ' ')} {text}"
    return f"{text} {claim.unit}" if claim.unit else text


def fact(claim: Claim) -> str:
    """The claim's fact in short: "35,000 russian soldiers killed, 2025-12 (NATO)"."""
    if isinstance(claim, Figure):
        parts = [_figure_value(claim), claim.subject or claim.noun or ""]
        period = period_label(claim.period_start, claim.period_end)
        text = " ".join(p for p in parts if p) + (f", {period}" if period else "")
        if claim.modality.value != "fact":
            text += f" [{claim.modality.value}]"
    elif isinstance(claim, DateClaim):
        when = period_label(claim.date, claim.end)
        text = f"{claim.event or 'event'} {claim.relation} {when}"
        if claim.participants:
            text += f" ({', '.join(claim.participants)})"
    elif isinstance(claim, Attribution):
        # The sentence is shown beside the fact already; the fact is who is credited.
        text = f'"{claim.quote}", ' if claim.quote else ""
        text += f"{claim.verb or 'credited'} {claim.source or 'no one'}"
        if len(claim.source_chain) > 1:
            text += f", citing {', '.join(claim.source_chain[1:])}"
        if claim.cited_date:
            text += f", on {claim.cited_date.isoformat()}"
        return text
    else:
        title = f"{'former ' if claim.former else ''}{claim.title or ''}".strip()
        text = f"{title} {claim.person}".strip()
    if claim.source and not isinstance(claim, PersonClaim):
        text += f" ({claim.source})"
    return text


def _shown(claim: Claim, name: str) -> str:
    """One compared field of `claim` as a reader would write it."""
    if isinstance(claim, Figure) and name in ("value", "low", "high", "qualifier", "unit"):
        return _figure_value(claim)
    if isinstance(claim, Figure) and name == "period":
        return period_label(claim.period_start, claim.period_end) or "none"
    if isinstance(claim, DateClaim) and name in ("date", "end", "granularity"):
        return period_label(claim.date, claim.end)
    value = getattr(claim, name, None)
    if isinstance(value, tuple):
        value = " ".join(str(v) for v in value)
    return "none" if value is None or value == "" else str(value)


def detail(old: Claim, new: Claim, fields: Sequence[str]) -> str:
    """ "value: 35,000 → 53,000; source: NATO → ISW", each distinct change once (a figure's
    value, bounds and qualifier all read as one "at most 900,000")."""
    seen: dict[str, str] = {}
    for name in fields:
        shown = f"{_shown(old, name)} → {_shown(new, name)}"
        if shown not in seen.values():
            seen[name] = shown
    return "; ".join(f"{name}: {shown}" for name, shown in seen.items())


def subject(claim: Claim) -> str:
    """What a change is about, for its heading: a figure's subject, an event, a person."""
    if isinstance(claim, Figure):
        return claim.subject or claim.noun or claim.unit or "figure"
    if isinstance(claim, DateClaim):
        return claim.event or "date"
    if isinstance(claim, Attribution):
        return claim.quote or claim.source or "attribution"
    return claim.person


def side(claim: Claim) -> ChangeSide:
    """One version of a claim as a change shows it: place, sentence, fact and every field."""
    return ChangeSide(
        path=claim.path,
        line=claim.line,
        column=claim.column,
        text=claim.text,
        fact=fact(claim),
        claim=claim.model_dump(mode="json"),
    )
