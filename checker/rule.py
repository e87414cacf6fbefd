"""What a rule is: the base class every rule module subclasses, and what it is handed.

A rule is pure: it reads a `RuleContext` and yields `Finding`s. It never prints, reads files or
keeps state between runs; the engine owns I/O and turns a rule that raises into a diagnostic.
"""

from __future__ import annotations

import datetime as dt
import inspect
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel, ConfigDict

from checker.fingerprint import fingerprint
from checker.models import (
    Article,
    Attribution,
    Claim,
    DateClaim,
    Evidence,
    Figure,
    Finding,
    PersonClaim,
    Severity,
)

if TYPE_CHECKING:
    from checker.facts import FactsRegister
    from checker.group import SubjectGroup


class RuleOptions(BaseModel):
    """A rule's options; config validates `[rules.<id>]` tables into its subclass."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may look at, for one run."""

    articles: Mapping[str, Article]
    claims: Sequence[Claim]
    groups: Sequence[SubjectGroup] = ()
    facts: FactsRegister | None = None
    # The paths whose findings are wanted (`--against`: the checked articles); None = all.
    # A finding is kept when any piece of its evidence lies in `focus`, so a rule may skip any
    # work that can only produce findings outside it (archive against archive).
    focus: frozenset[str] | None = None
    figures: tuple[Figure, ...] = field(init=False)
    dates: tuple[DateClaim, ...] = field(init=False)
    attributions: tuple[Attribution, ...] = field(init=False)
    people: tuple[PersonClaim, ...] = field(init=False)

    def __post_init__(self) -> None:
        kinds: dict[str, list[Claim]] = {"figure": [], "date": [], "attribution": [], "person": []}
        for claim in self.claims:
            kinds[claim.kind].append(claim)
        object.__setattr__(self, "figures", tuple(kinds["figure"]))
        object.__setattr__(self, "dates", tuple(kinds["date"]))
        object.__setattr__(self, "attributions", tuple(kinds["attribution"]))
        object.__setattr__(self, "people", tuple(kinds["person"]))

    def in_focus(self, path: str) -> bool:
        """Whether a finding with evidence at `path` would be kept."""
        return self.focus is None or path in self.focus

    def any_in_focus(self, claims: Iterable[Claim]) -> bool:
        """Whether any of `claims` lies in a focused path (always true without a focus)."""
        focus = self.focus
        return focus is None or any(claim.path in focus for claim in claims)

    def published(self, path: str) -> dt.date | None:
        article = self.articles.get(path)
        return article.date if article else None


class Rule(ABC):
    """Base of every rule. Subclasses set `id`, `severity`, optionally `Options`, and `check`."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    Options: ClassVar[type[RuleOptions]] = RuleOptions

    def __init__(self, options: RuleOptions | None = None, severity: Severity | None = None):
        self.options = options if options is not None else self.Options()
        self.effective_severity = severity or self.severity

    @classmethod
    def summary(cls) -> str:
        return (inspect.getdoc(cls) or "").splitlines()[0] if cls.__doc__ else ""

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @abstractmethod
    def check(self, context: RuleContext) -> Iterator[Finding]:
        """Yield the findings of this rule over the whole run."""

    def finding(
        self,
        message: str,
        claims: Sequence[Claim],
        *,
        subject: str = "",
        extra: Iterable[Evidence] = (),
        severity: Severity | None = None,
    ) -> Finding:
        """A finding whose evidence is `claims` (in order) plus `extra` (e.g. a register line)."""
        extras = tuple(extra)
        evidence = tuple(evidence_of(c) for c in claims) + extras
        return Finding(
            rule=self.id,
            severity=severity or self.effective_severity,
            message=message,
            subject=subject,
            fingerprint=fingerprint(self.id, subject, claims, extras),
            evidence=evidence,
        )


def evidence_of(claim: Claim) -> Evidence:
    value: float | None = None
    date: str | None = None
    if isinstance(claim, Figure):
        value = claim.value
        date = period_label(claim)
    elif isinstance(claim, DateClaim):
        date = claim.date.isoformat()
    return Evidence(
        path=claim.path,
        line=claim.line,
        column=claim.column,
        text=claim.text,
        value=value,
        source=claim.source,
        date=date,
    )


def period_label(figure: Figure) -> str | None:
    """ "2025-12" for a month, "2025" for a year, "2025-12-01" for a day, "since 2022-02" ..."""
    start = figure.period_start
    if start is None:
        return "cumulative" if figure.cumulative else None
    granularity = figure.period_granularity.value if figure.period_granularity else "day"
    text = {"year": start.isoformat()[:4], "month": start.isoformat()[:7]}.get(
        granularity, start.isoformat()
    )
    if figure.cumulative:
        return f"since {text}"
    end = figure.period_end
    if end and granularity == "month" and end.strftime("%Y-%m") != text:
        return f"{text}..{end.isoformat()[:7]}"
    if end and granularity == "year" and str(end.year) != text:
        return f"{text}..{end.year}"
    return text
