"""Findings after the rules: one finding per root cause, and where each one points.

- A passage repeated across articles is not reported again when another finding already
  names the same lines (a copied sentence whose figure changed is a `figure-mismatch`).
- Findings of one rule and subject that all share one place (one article calling an official
  "former" against three that do not) become one finding, pointing at that place.
- Each finding's primary location (the GitHub annotation, the SARIF location, the `+` side of
  the Markdown diff) is the article that disagrees: a checked article under `--against`; else
  the side that differs from the majority of the evidence or from the facts register; else the
  later article. Register lines are never the primary location, only related ones.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from pathlib import PurePath

from checker.fingerprint import combined
from checker.load import ARTICLE_SUFFIXES
from checker.models import Evidence, Finding

Location = tuple[str, int]


def is_article_evidence(evidence: Evidence) -> bool:
    """Whether `evidence` is a line of an article (not of the facts register)."""
    return PurePath(evidence.path).suffix.lower() in ARTICLE_SUFFIXES


def _where(evidence: Evidence) -> Location:
    return evidence.path, evidence.line


def drop_restated_passages(findings: Sequence[Finding]) -> list[Finding]:
    """Without the `repeated-passage` findings whose every line another finding names, with
    the lines' texts differing there: a finding that lists agreeing copies of one side as its
    evidence (`checker.clusters`) does not restate a passage copied between two of them."""
    named: dict[Location, dict[str, str]] = defaultdict(dict)
    for finding in findings:
        if finding.rule != "repeated-passage":
            for evidence in finding.evidence:
                named[_where(evidence)][finding.fingerprint or finding.message] = evidence.text
    kept = []
    for finding in findings:
        if finding.rule == "repeated-passage" and finding.evidence:
            places = [named.get(_where(e), {}) for e in finding.evidence]
            shared = set.intersection(*(set(place) for place in places))
            if any(len({place[key] for place in places}) > 1 for key in shared):
                continue
        kept.append(finding)
    return kept


def merge_shared_place(findings: Sequence[Finding]) -> list[Finding]:
    """Pairwise findings of one rule and subject that all share one place, merged into one."""
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.subject and len(finding.evidence) == 2:
            groups[(finding.rule, finding.subject)].append(finding)
    merged: dict[int, Finding | None] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        common = set.intersection(*({_where(e) for e in f.evidence} for f in group))
        if len(common) != 1:
            continue
        place = next(iter(common))
        members = group
        # Whatever order the rule found them in, the same merged finding.
        group = sorted(group, key=lambda f: (f.message, f.fingerprint))
        shared = next(e for e in group[0].evidence if _where(e) == place)
        others = sorted((e for f in group for e in f.evidence if _where(e) != place), key=_where)
        first = group[0]
        named = {_where(e) for e in first.evidence}
        extra = [e for e in others if _where(e) not in named]
        more = ", ".join(f"{e.path}:{e.line}" for e in extra)
        message = f"{first.message}; it also disagrees with {more}"
        evidence = (*others, shared)
        update = {
            "message": message,
            "evidence": evidence,
            "primary": len(evidence) - 1,
            "fingerprint": combined(f.fingerprint for f in group),
        }
        one = first.model_copy(update=update)
        for finding in members:
            merged[id(finding)] = None
        merged[id(members[0])] = one
    result = []
    for finding in findings:
        replacement = merged.get(id(finding), finding)
        if replacement is not None:
            result.append(replacement)
    return result


def primary_index(
    finding: Finding,
    dates: Mapping[str, dt.date | None],
    focus: Collection[str] | None = None,
) -> int:
    """Which piece of `finding.evidence` a one-location format points at (see the module)."""
    evidence = finding.evidence
    articles = [i for i, e in enumerate(evidence) if is_article_evidence(e)]
    if not articles:
        return 0
    candidates = articles
    if finding.primary is not None and finding.primary in articles:
        candidates = [finding.primary]
    if focus is not None:
        inside = [i for i in candidates if evidence[i].path in focus]
        if not inside:
            inside = [i for i in articles if evidence[i].path in focus]
        candidates = inside or candidates
    if len(candidates) > 1:
        candidates = _minority(evidence, articles, candidates)
    if len({evidence[i].path for i in candidates}) == 1:
        return candidates[0]  # one article: the rule's first piece is the one it is about
    return max(candidates, key=lambda i: (dates.get(evidence[i].path) or dt.date.min, i))


def _minority(
    evidence: Sequence[Evidence], articles: Sequence[int], candidates: list[int]
) -> list[int]:
    """The candidates whose value differs from the one most of the articles give."""
    counts = Counter(evidence[i].value for i in articles if evidence[i].value is not None)
    if len(counts) < 2:
        return candidates
    (top, top_count), (_, second_count) = counts.most_common(2)
    if top_count == second_count:
        return candidates
    minority = [i for i in candidates if evidence[i].value not in (None, top)]
    return minority or candidates


def consolidate(
    findings: Sequence[Finding],
    dates: Mapping[str, dt.date | None],
    focus: Collection[str] | None = None,
) -> list[Finding]:
    """One finding per root cause, each with its primary location set."""
    findings = merge_shared_place(drop_restated_passages(findings))
    return [
        f.model_copy(update={"primary": primary_index(f, dates, focus)}) if f.evidence else f
        for f in findings
    ]
