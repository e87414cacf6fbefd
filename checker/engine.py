"""The pipeline's back half: claims -> groups -> every enabled rule -> a Report.

The engine owns everything a rule may not do: timing the stages, catching a rule that raises
(reported as a diagnostic for that rule; the others still run) and ordering findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.consolidate import consolidate
from checker.extract import extract_article
from checker.figure_cap import cap_figures
from checker.gc_pause import paused
from checker.group import SubjectGroup, group_figures
from checker.load import DEFAULT_ARTICLE_KB, LoadResult, load
from checker.models import (
    Article,
    ArticleInfo,
    Claim,
    Diagnostic,
    Figure,
    Finding,
    Report,
    Severity,
    SubjectFigures,
    Summary,
)
from checker.nlp import require_model
from checker.parallel import Extractor, extract_many
from checker.registry import discover_rules
from checker.rule import Rule, RuleContext
from checker.suppress import Baseline, apply_baseline, apply_inline, unknown_ignores
from checker.undated import undated_warnings, with_date

if TYPE_CHECKING:
    from checker.cache import ClaimStore
    from checker.facts import FactsRegister


@dataclass
class Extraction:
    """Loaded articles with their claims, plus what could not be loaded."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Keys whose archive claims were counted but not read (see `RuleContext.crowded`).
    crowded: frozenset[str] = frozenset()


def extract_all(
    loaded: LoadResult,
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int | None = 1,
    cache: ClaimStore | None = None,
    extract: Extractor | None = None,
) -> Extraction:
    """Claims of every loaded article; `progress` is told how many articles are done.

    `jobs` worker processes extract when there are many articles (None: all cores); the result
    is the same in any case, in article order. With `cache`, its hits are taken as they are,
    only the misses are extracted (and handed to it), and its diagnostics come last. `extract`
    replaces `checker.extract.extract_article` (it must be a module-level function).
    """
    result = Extraction(articles=list(loaded.articles), diagnostics=list(loaded.diagnostics))
    # Looked up here, not bound at import, so a caller (or test) may swap the extractor.
    extractor = extract_article if extract is None else extract
    if extractor is extract_article:
        require_model()
    with paused():  # hundreds of thousands of claims arrive: see checker.gc_pause
        found: list[list[Claim] | None] = [None] * len(loaded.articles)
        misses: list[int] = []
        for position, article in enumerate(loaded.articles):
            cached = None if cache is None else cache.lookup(article)
            if cached is None:
                misses.append(position)
            else:
                found[position] = cached
                if progress is not None:
                    progress(position + 1 - len(misses))
        hits = len(loaded.articles) - len(misses)
        step = progress
        if progress is not None and hits:
            told = progress

            def after_hits(done: int) -> None:  # the workers count from 1; the hits came first
                told(hits + done)

            step = after_hits
        pending = [loaded.articles[position] for position in misses]
        outcomes = extract_many(pending, jobs, step, extractor)
        failed: dict[int, Diagnostic] = {}
        for position, article, (claims, error) in zip(misses, pending, outcomes, strict=True):
            if error is not None:  # one bad article must not end the run; never cached
                message = f"extraction failed: {error}"
                failed[position] = Diagnostic(path=article.path, message=message)
                continue
            found[position] = claims
            if cache is not None:
                cache.store(article, claims)
        for position, claims_found in enumerate(found):
            if claims_found is not None:
                kept, note = cap_figures(claims_found, loaded.articles[position].path)
                result.claims.extend(kept)
                if note is not None:
                    result.diagnostics.append(note)
            elif position in failed:
                result.diagnostics.append(failed[position])
    if cache is not None:
        result.diagnostics.extend(cache.finish())
    return result


def default_rules() -> tuple[list[Rule], list[Diagnostic]]:
    catalogue = discover_rules()
    return [rule() for rule in catalogue.rules.values()], catalogue.diagnostics


def run_rules(
    extraction: Extraction,
    rules: Sequence[Rule],
    *,
    facts: FactsRegister | None = None,
    focus: frozenset[str] | None = None,
    groups: Sequence[SubjectGroup] | None = None,
    consolidated: bool = True,
) -> tuple[list[Finding], list[Diagnostic]]:
    """Every rule over the extraction. With `focus`, only findings with evidence in a focused
    path are wanted: the rules may skip other work, and any other finding is dropped here.
    `groups`: `group_figures` of the extraction's figures when already built (the Dask engine
    groups on its cluster); None: grouped here. The kept findings are then consolidated (one
    per root cause, each with its primary location: `checker.consolidate`), unless
    `consolidated` is False."""
    with paused():  # the rules build many short-lived objects: see checker.gc_pause
        findings, diagnostics = _run_rules(
            extraction, rules, facts=facts, focus=focus, groups=groups
        )
    if consolidated:
        dates = {a.path: a.date for a in extraction.articles}
        findings = consolidate(findings, dates, focus)
    return sort_findings(findings), diagnostics


def _run_rules(
    extraction: Extraction,
    rules: Sequence[Rule],
    *,
    facts: FactsRegister | None,
    focus: frozenset[str] | None,
    groups: Sequence[SubjectGroup] | None,
) -> tuple[list[Finding], list[Diagnostic]]:
    if groups is None:
        groups = group_figures([c for c in extraction.claims if isinstance(c, Figure)])
    context = RuleContext(
        articles={a.path: a for a in extraction.articles},
        claims=extraction.claims,
        groups=groups,
        facts=facts,
        focus=focus,
        crowded=extraction.crowded,
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
    if focus is not None:
        findings = [f for f in findings if any(e.path in focus for e in f.evidence)]
    return findings, diagnostics


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
    extraction: Extraction,
    findings: Sequence[Finding],
    diagnostics: Sequence[Diagnostic],
    subjects: list[SubjectFigures] | None = None,
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
        subjects=subjects,
    )


@dataclass(frozen=True)
class CheckSettings:
    """What a run is asked to do beyond the paths: from the CLI, a config file, or a caller."""

    facts: FactsRegister | None = None
    rules: Sequence[Rule] | None = None  # None: every discovered rule with defaults
    baseline: Baseline | None = None
    excludes: Sequence[str] = ()
    # Carry each subject's figures in the report (`Report.subjects`), for timelines.
    timelines: bool = False
    jobs: int | None = None  # extraction worker processes; None: all cores, 1: in-process
    # Problems met while preparing the run (a plugin that failed to load), for the report.
    diagnostics: Sequence[Diagnostic] = ()
    # The publication date of checked articles without one in their metadata (`--date`).
    published: dt.date | None = None
    config_file: str | None = None  # the config in use, named in the JSON report
    max_article_kb: int = DEFAULT_ARTICLE_KB  # longer articles are skipped (`checker.load`)


def load_checked(paths: Sequence[str | Path], settings: CheckSettings) -> LoadResult:
    """The articles under review: loaded, given `settings.published` when their metadata has
    no date, and warned about when their date is unknown and some of their dates need it."""
    loaded = load(paths, excludes=settings.excludes, max_article_kb=settings.max_article_kb)
    if settings.published is not None:
        loaded.articles = [with_date(a, settings.published) for a in loaded.articles]
    loaded.diagnostics.extend(undated_warnings(loaded.articles))
    return loaded


def check_extraction(
    extraction: Extraction,
    settings: CheckSettings,
    *,
    focus: frozenset[str] | None = None,
    groups: Sequence[SubjectGroup] | None = None,
) -> tuple[list[Finding], list[Diagnostic]]:
    """Rules over an extraction, then inline suppressions and the baseline (`focus`, `groups`:
    see `run_rules`)."""
    rules = settings.rules
    rule_diagnostics: list[Diagnostic] = []
    if rules is None:
        rules, rule_diagnostics = default_rules()
    findings, diagnostics = run_rules(
        extraction, rules, facts=settings.facts, focus=focus, groups=groups
    )
    findings = apply_inline(findings, extraction.articles)
    if settings.baseline is not None:
        findings = apply_baseline(findings, settings.baseline)
    checked = [a for a in extraction.articles if focus is None or a.path in focus]
    typos = unknown_ignores(checked, {rule.id for rule in rules} | set(known_rule_ids()))
    return findings, [*settings.diagnostics, *rule_diagnostics, *diagnostics, *typos]


def known_rule_ids() -> list[str]:
    """Every rule id of the catalogue, enabled or not (a disabled rule is no typo)."""
    return list(discover_rules().rules)


def timeline_groups(
    extraction: Extraction, settings: CheckSettings, groups: Sequence[SubjectGroup] | None
) -> Sequence[SubjectGroup] | None:
    """The subject groups, built once here when the report will carry them and nobody has
    built them yet (the rules are then handed the same groups)."""
    if groups is None and settings.timelines:
        return group_figures([c for c in extraction.claims if isinstance(c, Figure)])
    return groups


def report_subjects(
    settings: CheckSettings,
    groups: Sequence[SubjectGroup] | None,
    findings: Sequence[Finding],
    *,
    focus: frozenset[str] | None = None,
) -> list[SubjectFigures] | None:
    """`Report.subjects` when the settings ask for timelines (groups from `timeline_groups`)."""
    if not settings.timelines or groups is None:
        return None
    from checker.report.subjects import subject_figures

    return subject_figures(groups, findings, focus=focus)


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
    loaded = load_checked(paths, settings)
    extraction = extract_all(loaded, progress, jobs=settings.jobs)
    groups = timeline_groups(extraction, settings, None)
    findings, diagnostics = check_extraction(extraction, settings, groups=groups)
    with paused():
        subjects = report_subjects(settings, groups, findings)
        return build_report(extraction, findings, diagnostics, subjects)
