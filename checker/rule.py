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
from typing import TYPE_CHECKING, ClassVar, NamedTuple, TypeVar

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

C = TypeVar("C", bound=Claim)


class ArchiveKey(NamedTuple):
    """One key a rule compares claims on, as the archive index (`checker.archive_index`) files it.

    Under `--against`, an archive article is read only when one of its claims shares a key with
    a checked claim. A key names what the rule compares on (the rule's id first, so two rules
    never share one by accident): "date-mismatch/twin:<sentence with its dates masked>".

    - `anchor`: the key is a block whose claims meet when their anchors agree
      (`checker.compare.anchors`), which no exact key can tell; the index reads the archive
      claims of the block whose anchors the anchor clustering of the checked claims can reach.
    - `rank`, `floor` and `cap`: the archive articles under the key count only when their
      `rank` (stored) is at least the `floor` (asked); when more than `cap` of them count, none
      is read and the key's name is in `RuleContext.crowded` instead (a stock phrase in
      thousands of articles: the rule needs to know there are more than its cap, not which
      they are). A `cap` of 0: every one is read.
    - `follow`: the archive claims found through this key bring their own anchored keys, as if
      they were checked claims (a rule that reads the subject group of a claim it meets so).
    """

    name: str
    anchor: tuple[str, ...] | None = None
    rank: int = 0
    floor: int = 0
    cap: int = 0
    follow: bool = False


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
    # Names of `ArchiveKey`s that more archive claims share than the key's cap: those claims
    # were left unread (`--against` through the archive index), and are more than the cap.
    crowded: frozenset[str] = frozenset()
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

    def focused_first(self, claims: Iterable[C]) -> list[C]:
        """`claims` with those in a focused path first, each part in its order: a finding lists
        a side of many copies in part, and is kept only when what it lists names a focused
        path."""
        listed = list(claims)
        focus = self.focus
        if focus is None:
            return listed
        return sorted(listed, key=lambda claim: claim.path not in focus)

    def published(self, path: str) -> dt.date | None:
        article = self.articles.get(path)
        return article.date if article else None


class Rule(ABC):
    """Base of every rule. Subclasses set `id`, `severity`, optionally `Options`, and `check`."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    # Whether `archive_keys` names everything the rule reads of an archive. A rule that does
    # not say has the whole archive read for it under `--against`.
    archive_indexed: ClassVar[bool] = False

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

    def archive_keys(self, claim: Claim) -> Iterable[ArchiveKey]:
        """The keys of `claim` this rule compares on, whatever the options: an archive claim is
        read for a check against the archive when it shares one with a checked claim (see
        `ArchiveKey`). Only consulted when `archive_indexed` is true."""
        return ()

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
