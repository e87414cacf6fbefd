"""The pipeline's back half: claims -> groups -> every enabled rule -> a Report.

The engine owns everything a rule may not do: timing the stages, catching a rule that raises
(reported as a diagnostic for that rule; the others still run) and ordering findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.extract import extract_article
from checker.group import group_figures
from checker.load import LoadResult, load
from checker.models import (
    Article,
    ArticleInfo,
    Claim,
    Diagnostic,
    Figure,
    Finding,
    Report,
    Severity,
    Summary,
)
from checker.registry import discover_rules
from checker.rule import Rule, RuleContext
from checker.suppress import Baseline, apply_baseline, apply_inline

if TYPE_CHECKING:
    from checker.facts import FactsRegister


@dataclass
class Extraction:
    """Loaded articles with their claims, plus what could not be loaded."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def extract_all(loaded: LoadResult, progress: Callable[[int], None] | None = None) -> Extraction:
    """Claims of every loaded article; `progress` is told how many articles are done."""
    result = Extraction(articles=list(loaded.articles), diagnostics=list(loaded.diagnostics))
    for done, article in enumerate(loaded.articles, start=1):
        if progress is not None:
            progress(done)
        try:
            result.claims.extend(extract_article(article))
        except Exception as error:  # one bad article must not end the run
            result.diagnostics.append(
                Diagnostic(path=article.path, message=f"extraction failed: {error!r}")
            )
    return result


def default_rules() -> tuple[list[Rule], list[Diagnostic]]:
    catalogue = discover_rules()
    return [rule() for rule in catalogue.rules.values()], catalogue.diagnostics


def run_rules(
    extraction: Extraction,
    rules: Sequence[Rule],
    *,
    facts: FactsRegister | None = None,
) -> tuple[list[Finding], list[Diagnostic]]:
    figures = [c for c in extraction.claims if isinstance(c, Figure)]
    context = RuleContext(
        articles={a.path: a for a in extraction.articles},
        claims=extraction.claims,
        groups=group_figures(figures),
        facts=facts,
    )
    findings: list[Finding] = []
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        try:
            findings.extend(rule.check(context))
        except Exception as error:  # reported, and the other rules still run
            diagnostics.append(
                Diagnostic(path=f"rule {rule.id}", message=f"internal error: {error!r}")
            )
    return sort_findings(findings), diagnostics


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    def key(finding: Finding) -> tuple[int, str, str, int, str]:
        first = finding.evidence[0] if finding.evidence else None
        return (
            -finding.severity.rank,
            finding.rule,
            first.path if first else "",
            first.line if first else 0,
            finding.message,
        )

    unique = {f.fingerprint or f.message: f for f in findings}
    return sorted(unique.values(), key=key)


def build_report(
    extraction: Extraction, findings: Sequence[Finding], diagnostics: Sequence[Diagnostic]
) -> Report:
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    return Report(
        articles=[
            ArticleInfo(path=a.path, date=a.date, date_source=a.date_source)
            for a in extraction.articles
        ],
        summary=Summary(
            articles=len(extraction.articles),
            claims=len(extraction.claims),
            error=counts[Severity.ERROR],
            warning=counts[Severity.WARNING],
            info=counts[Severity.INFO],
        ),
        findings=list(findings),
        diagnostics=[*extraction.diagnostics, *diagnostics],
    )


@dataclass(frozen=True)
class CheckSettings:
    """What a run is asked to do beyond the paths: from the CLI, a config file, or a caller."""

    facts: FactsRegister | None = None
    rules: Sequence[Rule] | None = None  # None: every discovered rule with defaults
    baseline: Baseline | None = None
    excludes: Sequence[str] = ()


def check_extraction(
    extraction: Extraction, settings: CheckSettings
) -> tuple[list[Finding], list[Diagnostic]]:
    """Rules over an extraction, then inline suppressions and the baseline."""
    rules = settings.rules
    rule_diagnostics: list[Diagnostic] = []
    if rules is None:
        rules, rule_diagnostics = default_rules()
    findings, diagnostics = run_rules(extraction, rules, facts=settings.facts)
    findings = apply_inline(findings, extraction.articles)
    if settings.baseline is not None:
        findings = apply_baseline(findings, settings.baseline)
    return findings, [*rule_diagnostics, *diagnostics]


def check_paths(
    paths: Sequence[str | Path],
    *,
    facts: FactsRegister | None = None,
    rules: Sequence[Rule] | None = None,
    settings: CheckSettings | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Load, extract and check `paths`; the library entry point."""
    settings = settings or CheckSettings(facts=facts, rules=rules)
    extraction = extract_all(load(paths, excludes=settings.excludes), progress)
    findings, diagnostics = check_extraction(extraction, settings)
    return build_report(extraction, findings, diagnostics)
