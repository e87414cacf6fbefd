"""`checker check PATH... --against DIR`: check some articles against an archive of earlier ones.

The archive is only context: a finding is reported when at least one piece of its evidence lies
in the checked articles, so old disagreements inside the archive never resurface. The archive's
extraction goes through the on-disk `ExtractionCache`, which is what makes a re-run fast.

`check_against` owns loading, the cache (opening, pruning), the focus and the report; how the
claims are extracted is an `ExtractStep` it is given: `LocalStep` (this machine, `--jobs`) by
default, `dask_engine.DaskStep` for `--engine dask`. Either step extracts the checked articles
and the archive in one call, so the Dask step can group all their figures in one cluster pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from checker.cache import (
    CacheSession,
    ClaimStore,
    ExtractionCache,
    ensure_outside,
    open_cache,
    resolve_cache_dir,
)
from checker.engine import (
    CheckSettings,
    Extraction,
    build_report,
    check_extraction,
    default_rules,
    extract_all,
    load_checked,
    report_subjects,
    timeline_groups,
)
from checker.errors import CheckerError
from checker.extract import extract_article
from checker.gc_pause import paused
from checker.indexed_archive import indexable, read_archive
from checker.load import LoadResult, load
from checker.models import Article, Diagnostic, Finding, Report

if TYPE_CHECKING:
    from checker.facts import FactsRegister
    from checker.group import SubjectGroup
    from checker.rule import Rule

Progress = Callable[[int], None]


class ArchiveNotFoundError(CheckerError):
    """The `--against` archive does not exist."""


def extract_with_cache(
    loaded: LoadResult,
    cache: ExtractionCache | None,
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int | None = 1,
) -> Extraction:
    """The same result as `engine.extract_all(loaded)`, reading and filling `cache`.

    Only the cache misses are extracted, in `jobs` worker processes when there are many of them
    (None: all cores); claims come out in article order whichever way they were found. Nothing
    is pruned: that needs the archive folder (see `check_against`).
    """
    session = None if cache is None else CacheSession(cache)
    # `extract_article` is read from this module at call time, so tests may swap it here.
    return extract_all(loaded, progress, jobs=jobs, cache=session, extract=extract_article)


class Source(NamedTuple):
    """Loaded articles to extract, and the cache that serves them (None: extract them all)."""

    loaded: LoadResult
    cache: ClaimStore | None = None


class ExtractStep(Protocol):
    """How `check_against` turns loaded articles into claims.

    Returns one `Extraction` per source, each exactly what `engine.extract_all(source.loaded,
    cache=source.cache)` returns (cache hits read, misses extracted and stored, the cache's
    diagnostics last), and either the subject groups of all their figures in source order
    (`group_figures` of them) or None to have the rules group them. `progress` is told how
    many articles of all sources are done.
    """

    def __call__(
        self, sources: Sequence[Source], progress: Progress | None
    ) -> tuple[list[Extraction], Sequence[SubjectGroup] | None]: ...


@dataclass(frozen=True)
class LocalStep:
    """Extraction on this machine: `extract_all` per source, in `jobs` worker processes."""

    jobs: int | None = None

    def __call__(
        self, sources: Sequence[Source], progress: Progress | None
    ) -> tuple[list[Extraction], None]:
        extractions: list[Extraction] = []
        done = 0
        for source in sources:
            extractions.append(
                # `extract_article` is read from this module at call time: tests swap it here.
                extract_all(
                    source.loaded,
                    _shifted(progress, done),
                    jobs=self.jobs,
                    cache=source.cache,
                    extract=extract_article,
                )
            )
            done += len(source.loaded.articles)
        return extractions, None


def _shifted(progress: Progress | None, offset: int) -> Progress | None:
    if progress is None or not offset:
        return progress
    return lambda done: progress(offset + done)


def check_against(
    paths: Sequence[str | Path],
    archive: str | Path,
    *,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    facts: FactsRegister | None = None,
    rules: Sequence[Rule] | None = None,
    settings: CheckSettings | None = None,
    progress: Callable[[int], None] | None = None,
    extract: ExtractStep | None = None,
) -> Report:
    """Check `paths` against the articles under `archive`.

    The report lists only the checked articles in `articles`, and its summary counts only their
    articles and claims; findings are those with at least one piece of evidence in a checked
    article. Diagnostics cover both the checked paths and the archive (a bad archive file is
    worth knowing about). A checked file that also lies in the archive is compared only once,
    as a checked article (identified by resolved path), so it never disagrees with itself.

    Raises ArchiveNotFoundError for a missing archive and CacheLocationError for a cache folder
    inside the archive or a checked folder. An unusable cache folder is not an error: the run
    goes on without a cache and says so in a diagnostic. `settings` (as for `check_paths`)
    wins over `facts` and `rules`; `progress` is told how many articles are extracted so far.
    `extract`: how claims are extracted (default: `LocalStep(settings.jobs)`); the report is
    the same whichever step is given.
    """
    settings = settings or CheckSettings(facts=facts, rules=rules)
    archive = Path(archive)
    if not archive.exists():
        raise ArchiveNotFoundError(f"{archive}: archive not found")
    folder = resolve_cache_dir(cache_dir)
    if use_cache:
        ensure_outside(folder, [*paths, archive])

    checked_loaded = _unique(load_checked(paths, settings), set())
    checked_files = {_resolved(a.path) for a in checked_loaded.articles}
    cache, cache_diagnostics = open_cache(folder) if use_cache else (None, [])
    if cache is not None and extract is None:
        rules, rule_diagnostics = _rules(settings)
        if indexable(rules, settings):
            # Only the archive articles the checked claims need are read (see the module).
            diagnostics = [*settings.diagnostics, *rule_diagnostics]
            settings = replace(settings, rules=rules, diagnostics=diagnostics)
            try:
                checked = extract_all(checked_loaded, progress, jobs=settings.jobs)
                with paused():  # a record of every archive file: see checker.gc_pause
                    context = read_archive(
                        checked, archive, cache, settings, exclude=checked_files, progress=progress
                    )
            finally:
                cache.close()
            return _report(checked, context, settings, None, cache_diagnostics)
    # The archive's images and other files are not news to anyone reviewing a draft.
    archive_loaded = _unique(
        load(
            [archive],
            excludes=settings.excludes,
            max_article_kb=settings.max_article_kb,
            note_skipped=False,
        ),
        checked_files,
    )
    session = None if cache is None else CacheSession(cache, archive)
    step = extract or LocalStep(settings.jobs)
    try:
        # The checked articles are always extracted afresh: they are what is being edited.
        (checked, context), groups = step(
            [Source(checked_loaded), Source(archive_loaded, session)], progress
        )
        if session is not None:
            # A checked file inside the archive is current too: its row must survive pruning.
            for article in checked_loaded.articles:
                session.keep(article)
            session.prune()
    finally:
        if cache is not None:
            cache.close()

    return _report(checked, context, settings, groups, cache_diagnostics)


def _rules(settings: CheckSettings) -> tuple[list[Rule], list[Diagnostic]]:
    """The rules the run will use: as given, else every discovered one (plugins too), with
    the problems met discovering them."""
    if settings.rules is not None:
        return list(settings.rules), []
    return default_rules()


def _report(
    checked: Extraction,
    context: Extraction,
    settings: CheckSettings,
    groups: Sequence[SubjectGroup] | None,
    cache_diagnostics: Sequence[Diagnostic],
) -> Report:
    """The report of the checked articles, with the archive articles read as context."""
    union = Extraction(
        articles=[*checked.articles, *context.articles],
        claims=[*checked.claims, *context.claims],
        crowded=context.crowded,
    )
    checked_paths = {article.path for article in checked.articles}
    groups = timeline_groups(union, settings, groups)
    # The rules skip archive-against-archive work: its findings would be dropped anyway.
    findings, run_diagnostics = check_extraction(
        union, settings, focus=frozenset(checked_paths), groups=groups
    )
    subjects = report_subjects(settings, groups, findings, focus=frozenset(checked_paths))

    # A bad file inside both the checked folder and the archive is reported once.
    checked.diagnostics = _unique_diagnostics([*checked.diagnostics, *context.diagnostics])
    return build_report(
        checked,
        [f for f in findings if _touches(f, checked_paths)],
        [*cache_diagnostics, *run_diagnostics],
        subjects,
    )


def _touches(finding: Finding, paths: set[str]) -> bool:
    return any(evidence.path in paths for evidence in finding.evidence)


def _unique(loaded: LoadResult, exclude: set[Path]) -> LoadResult:
    """`loaded` without articles whose resolved file is in `exclude` or already seen."""
    seen = set(exclude)
    articles: list[Article] = []
    for article in loaded.articles:
        resolved = _resolved(article.path)
        if resolved not in seen:
            seen.add(resolved)
            articles.append(article)
    return LoadResult(articles=articles, diagnostics=list(loaded.diagnostics))


def _unique_diagnostics(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[Path, str]] = set()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = (_resolved(diagnostic.path), diagnostic.message)
        if key not in seen:
            seen.add(key)
            kept.append(diagnostic)
    return kept


def _resolved(path: str) -> Path:
    return Path(path).resolve()
