"""How a claim reads in a diff: in an editor's words, not the checker's field names.

"35,000 → 53,000 Russian soldiers killed, December 2025, Mykhailo Fedorov"; "Ivana Kos:
“former Interior Minister” → “Interior Minister”"; "decree signed: March 3, 2026 → March 6,
2026". Kept apart from matching so the wording of a report can change without touching which
claims pair up.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from enum import Enum

from checker.diff.compare import counted
from checker.diff.models import ChangeSide
from checker.models import Attribution, Claim, DateClaim, Figure, Granularity, PersonClaim

_QUALIFIER_WORDS = {"approx": "about", "at_least": "at least", "at_most": "up to"}
_MONTHS = tuple(calendar.month_name)[1:]
_VALUE_FIELDS = frozenset({"value", "low", "high", "qualifier", "unit"})
_FIELD_WORDS = {
    "source": "source",
    "source_chain": "cited source",
    "cited_date": "date of the cited report",
    "modality": "kind of figure",
    "cumulative": "running total",
    "participants": "who",
    "relation": "wording",
    "verb": "verb",
    "quote": "quote",
    "subject": "what is counted",
    "superlative": "superlative",
    "event": "event",
    "person": "name",
}


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _figure_value(claim: Figure) -> str:
    if claim.low is not None and claim.high is not None and claim.low != claim.high:
        text = f"{_number(claim.low)} to {_number(claim.high)}"
    else:
        text = _number(claim.value)
    qualifier = _QUALIFIER_WORDS.get(claim.qualifier.value)
    if qualifier:
        text = f"{qualifier} {text}"
    return f"{text} {claim.unit}" if claim.unit else text


def _day(date: dt.date) -> str:
    return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"


def _month(date: dt.date) -> str:
    return f"{_MONTHS[date.month - 1]} {date.year}"


def when(start: dt.date | None, end: dt.date | None, granularity: Granularity | None = None) -> str:
    """A date or period as a reader writes it: "December 2025", "2025", "March 3, 2026",
    "April to July 2025"."""
    if start is None:
        return ""
    last = end or start
    whole_month = start.day == 1 and (last + dt.timedelta(days=1)).day == 1
    if granularity is Granularity.YEAR or (
        whole_month and (start.month, last.month) == (1, 12) and start.year == last.year
    ):
        return str(start.year) if start.year == last.year else f"{start.year} to {last.year}"
    if granularity is Granularity.MONTH or whole_month:
        if (start.year, start.month) == (last.year, last.month):
            return _month(start)
        if start.year == last.year:
            return f"{_MONTHS[start.month - 1]} to {_month(last)}"
        return f"{_month(start)} to {_month(last)}"
    if last == start:
        return _day(start)
    return f"{_day(start)} to {_day(last)}"


def _subject_words(claim: Figure) -> str:
    """The subject with the capitals the sentence gives its words ("Russian soldiers")."""
    words = (claim.subject or (claim.frame.attribute if claim.frame else "")).split()
    shown = []
    for word in words:
        capital = word[:1].upper() + word[1:]
        found = re.search(rf"\b{re.escape(capital)}\b", claim.text)
        shown.append(capital if found else word)
    return " ".join(shown)


def _figure_fact(claim: Figure, *, value: str | None = None) -> str:
    text = " ".join(p for p in (value or _figure_value(claim), _subject_words(claim)) if p)
    period = when(claim.period_start, claim.period_end, claim.period_granularity)
    if claim.cumulative:
        period = f"since {period}" if period else "running total"
    parts = [text, period, claim.source or ""]
    text = ", ".join(p for p in parts if p)
    if claim.modality.value != "fact":
        text += f" ({claim.modality.value})"
    return text


def _counted_change(old: Figure, new: Figure) -> str:
    """A change of what is counted, in the sentence's words when its subject reads otherwise,
    else as the parts of the frames that differ ("kill → injure")."""
    if _subject_words(old) != _subject_words(new):
        return f"{_subject_words(old)} → {_subject_words(new)}"
    before, after = counted(old, new)
    return f"{', '.join(before) or 'none'} → {', '.join(after) or 'none'}"


def _superlative(claim: Figure) -> str:
    """ "largest since 2011" as the sentence calls the figure, "none" when it does not."""
    if not claim.superlative:
        return "none"
    since = claim.superlative_since
    return f"{claim.superlative} since {since.year}" if since else claim.superlative


def _title(claim: PersonClaim) -> str:
    return f"{'former ' if claim.former else ''}{claim.title or ''}".strip() or "no title"


def fact(claim: Claim) -> str:
    """The claim in short: "35,000 Russian soldiers killed, December 2025, NATO"."""
    if isinstance(claim, Figure):
        return _figure_fact(claim)
    if isinstance(claim, DateClaim):
        text = f"{claim.happening or 'event'} {claim.relation} {when(claim.date, claim.end)}"
        if claim.names:
            text += f" ({', '.join(claim.names)})"
        return text + (f", {claim.source}" if claim.source else "")
    if isinstance(claim, Attribution):
        text = f"“{claim.quote}”, " if claim.quote else ""
        text += f"credited to {claim.source or 'no one'}"
        if len(claim.source_chain) > 1:
            text += f", citing {', '.join(claim.source_chain[1:])}"
        if claim.cited_date:
            text += f", on {_day(claim.cited_date)}"
        return text
    return f"{_title(claim)} {claim.person}".replace("no title ", "")


def _shown(claim: Claim, name: str) -> str:
    """One compared field of `claim` as a reader would write it."""
    if isinstance(claim, Figure) and name == "period":
        return when(claim.period_start, claim.period_end, claim.period_granularity) or "no period"
    if isinstance(claim, Figure) and name == "superlative":
        return _superlative(claim)
    if isinstance(claim, DateClaim) and name in ("date", "end", "granularity"):
        return when(claim.date, claim.end)
    if isinstance(claim, DateClaim) and name == "event":
        return claim.happening or "no event"
    if isinstance(claim, Attribution) and name == "cited_date":
        return _day(claim.cited_date) if claim.cited_date else "no date"
    if isinstance(claim, PersonClaim) and name in ("title", "former"):
        return f"“{_title(claim)}”"
    value = getattr(claim, name, None)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, Enum):
        value = value.value
    return "none" if value is None or value == "" else str(value)


def detail(old: Claim, new: Claim, fields: Sequence[str]) -> str:
    """What changed, as an editor would note it: the fact with its changed part shown as
    "before → after", each distinct change once."""
    if isinstance(old, Figure) and isinstance(new, Figure):
        if _VALUE_FIELDS & set(fields):
            head = _figure_fact(new, value=f"{_figure_value(old)} → {_figure_value(new)}")
        else:
            head = _figure_fact(new)
        rest = [f for f in fields if f not in _VALUE_FIELDS]
    elif isinstance(old, PersonClaim) and isinstance(new, PersonClaim):
        head = new.person
        rest = list(fields)
    elif isinstance(old, DateClaim) and isinstance(new, DateClaim):
        head = new.happening or "event"
        rest = list(fields)
    else:
        head = fact(new)
        rest = list(fields)
    changes: list[str] = []
    for name in rest:
        if isinstance(old, Figure) and isinstance(new, Figure) and name == "subject":
            shown = _counted_change(old, new)
        else:
            shown = f"{_shown(old, name)} → {_shown(new, name)}"
        if name in ("title", "former") or (isinstance(new, DateClaim) and name == "date"):
            label = ""
        else:
            label = _FIELD_WORDS.get(name, name.replace("_", " ")) + " "
        if all(shown not in c for c in changes):
            changes.append(f"{label}{shown}")
    return f"{head}: {'; '.join(changes)}" if changes else head


def subject(claim: Claim) -> str:
    """What a change is about: a figure's subject, an event, a person."""
    if isinstance(claim, Figure):
        return _subject_words(claim) or claim.unit or "figure"
    if isinstance(claim, DateClaim):
        return claim.happening or "date"
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
