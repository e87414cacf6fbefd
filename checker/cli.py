"""The `checker` command line (typer). Nothing else imports this module.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage errors (a missing
path, a bad facts or config file, an unknown rule id); 130 and 143 when stopped by SIGINT and
SIGTERM (`checker.interrupt`). A CheckerError is one line on stderr,
never a traceback (unless --debug).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, TextIO, TypeVar

import typer

from checker.claims_report import render_claims
from checker.engine import CheckSettings
from checker.errors import CheckerError
from checker.gc_pause import paused
from checker.interrupt import Interrupted, ending_on_signals
from checker.models import Diagnostic, Report, Severity
from checker.output import ensure_outside, write_atomic
from checker.report.escape import one_line

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Flag figures, dates, attributions and titles that disagree across news articles.",
)

DISTRIBUTION = "newsroom-source-checker"


def version() -> str:
    """The installed distribution's version (the package's own when run from a source tree)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version(DISTRIBUTION)
    except PackageNotFoundError:
        from checker import __version__

        return __version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"checker {version()}")
        raise typer.Exit(0)


@app.callback()
def _main(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Flag figures, dates, attributions and titles that disagree across news articles."""


T = TypeVar("T")
PROGRESS_MIN_FILES = 20


class ClaimsFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ReportFormat(StrEnum):
    table = "table"
    concise = "concise"
    json = "json"
    markdown = "markdown"
    github = "github"
    sarif = "sarif"
    html = "html"


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


Paths = Annotated[list[Path], typer.Argument(help="Articles, or folders searched recursively.")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"checker: {message}", err=True)
    return typer.Exit(2)


def _require_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")


def _inputs(paths: list[Path], archive: Path | None) -> list[Path]:
    """Every folder a run reads, checked paths and archive alike: all must exist, none is
    written to."""
    return [*paths, *([archive] if archive else [])]


def _guarded(action: Callable[[], T], debug: bool) -> T:
    try:
        return action()
    except CheckerError as error:
        if debug:
            raise
        raise _fail(str(error)) from None


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        # A file name or message must not forge a workflow command or move the cursor.
        typer.echo(
            f"checker: {one_line(diagnostic.path)}: {one_line(diagnostic.message)}", err=True
        )


@app.command()
def claims(
    paths: Paths,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="checker.toml or pyproject.toml (for its \\[vocabulary] table)."
        ),
    ] = None,
    format: Annotated[
        ClaimsFormat,
        typer.Option("--format", "-f", help="table, json, or jsonl (one claim per line)."),
    ] = ClaimsFormat.table,
) -> None:
    """Print the normalized claims read from PATH..."""
    from checker.engine import extract_all
    from checker.load import load

    _require_paths(paths)
    settings, _ = _settings(config, None, None, debug=False)
    loaded = load(paths, excludes=settings.excludes, max_article_kb=settings.max_article_kb)
    extraction = _guarded(lambda: extract_all(loaded), False)
    sys.stdout.write(render_claims(extraction.claims, format.value))
    _print_diagnostics(extraction.diagnostics)
    if not extraction.articles:
        raise _fail("no article was read (see the diagnostics above)")


def _exit_code(report: Report, fail_on: FailOn) -> int:
    if fail_on is FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(f.severity.rank >= threshold for f in report.findings) else 0


def _settings(
    config_file: Path | None,
    facts: Path | None,
    baseline: Path | None,
    debug: bool,
    *,
    verbose: bool = False,
) -> tuple[CheckSettings, FailOn | None]:
    """Merge --config (or the discovered checker.toml / [tool.checker]) with the command line."""
    from checker.config import Config, find_config, load_config
    from checker.data import set_overlay
    from checker.facts import load_facts
    from checker.registry import discover_rules
    from checker.suppress import load_baseline

    def build() -> tuple[CheckSettings, FailOn | None]:
        found = config_file or find_config(Path.cwd())
        config = load_config(found) if found else Config()
        set_overlay(config.vocabulary.overlay())
        if verbose:
            typer.echo(f"checker: config: {found or 'none found (defaults)'}", err=True)
        catalogue = discover_rules()
        config.check_rule_ids(set(catalogue.rules))
        facts_file = facts or config.facts
        settings = CheckSettings(
            facts=load_facts(facts_file) if facts_file else None,
            rules=config.build_rules(catalogue.rules),
            baseline=load_baseline(baseline) if baseline else None,
            excludes=config.exclude,
            diagnostics=tuple(catalogue.diagnostics),
            config_file=str(found) if found else None,
        )
        if config.max_article_kb is not None:
            settings = replace(settings, max_article_kb=config.max_article_kb)
        return settings, FailOn(config.fail_on) if config.fail_on else None

    if config_file is not None and not config_file.is_file():
        raise _fail(f"no such config file: {config_file}")
    return _guarded(build, debug)


def _progress(total_hint: int) -> tuple[Callable[[int], None] | None, Callable[[], None]]:
    """A progress bar on stderr for long runs, only when stderr is a terminal."""
    if total_hint < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None, lambda: None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task("extracting", total=total_hint)
    bar.start()
    return (lambda done: bar.update(task, completed=done)), bar.stop


def _count_files(paths: list[Path]) -> int:
    return sum(1 if p.is_file() else sum(1 for _ in p.rglob("*.*")) for p in paths)


ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="checker.toml or pyproject.toml to use.")
]
FactsOption = Annotated[
    Path | None, typer.Option("--facts", help="A facts register (TOML).", dir_okay=False)
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Say which config file is in use, on stderr.")
]
AgainstOption = Annotated[
    Path | None,
    typer.Option("--against", file_okay=False, help="An archive folder to compare with."),
]
CacheDirOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", envvar="CHECKER_CACHE_DIR", help="Where the archive cache lives."),
]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Extract the archive afresh.")]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Extraction worker processes (default: all cores; 1: in-process).",
    ),
]
EngineOption = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        help="local, or dask (needs the optional extra: "
        "pip install 'newsroom-source-checker\\[dask]').",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Dask scheduler address (tcp://host:8786); default: a LocalCluster for the run.",
    ),
]


@dataclass(frozen=True)
class EngineOptions:
    name: EngineName = EngineName.local
    scheduler: str | None = None


@dataclass(frozen=True)
class ArchiveOptions:
    folder: Path | None
    cache_dir: Path | None
    use_cache: bool
    debug: bool


def _run(
    paths: list[Path],
    settings: CheckSettings,
    archive: ArchiveOptions,
    engine: EngineOptions | None = None,
) -> Report:
    from checker.against import check_against
    from checker.engine import check_paths

    engine = engine or EngineOptions()
    if engine.scheduler and engine.name is not EngineName.dask:
        raise _fail("--scheduler needs --engine dask")

    def run() -> Report:
        check_all: Callable[..., Report] = check_paths
        check_archive: Callable[..., Report] = check_against
        if engine.name is EngineName.dask:
            from checker.dask_engine import check_against_dask, check_paths_dask

            check_all = partial(check_paths_dask, scheduler=engine.scheduler)
            check_archive = partial(check_against_dask, scheduler=engine.scheduler)
        if archive.folder is None:
            return check_all(paths, settings=settings, progress=update)
        return check_archive(
            paths,
            archive.folder,
            cache_dir=archive.cache_dir,
            use_cache=archive.use_cache,
            settings=settings,
            progress=update,
        )

    extra = [archive.folder] if archive.folder else []
    update, stop = _progress(_count_files([*paths, *extra]))
    try:
        return _guarded(run, archive.debug)
    finally:
        stop()


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


FormatOption = Annotated[
    ReportFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (for people), concise (one line per finding), json, markdown (a "
        "pull-request comment), github (annotations), sarif (code scanning) or html (a page).",
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 when a finding is at or above this severity (default: error, or the "
        "config's fail_on); never: always exit 0.",
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="Publication date of the checked articles that have no 'date' in their front "
        "matter; dates without a year are read against it.",
    ),
]


@app.command()
def check(
    paths: Paths,
    facts: FactsOption = None,
    format: FormatOption = ReportFormat.table,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report here, not stdout; the summary goes to stderr."
        ),
    ] = None,
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Leave out the findings in this baseline.")
    ] = None,
    against: AgainstOption = None,
    date: DateOption = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also print how many findings each rule made.")
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print the findings only: no summary line, no diagnostics."
        ),
    ] = False,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="GLOB",
            help="Leave out files matching this pattern (repeatable; added to the config's).",
        ),
    ] = None,
    only_changed: Annotated[
        Path | None,
        typer.Option(
            "--only-changed",
            metavar="DIFF",
            dir_okay=False,
            help="Report only findings with evidence on a line this unified diff adds or "
            "changes (git diff --unified=0 BASE HEAD > DIFF).",
        ),
    ] = None,
    link_base: Annotated[
        str | None,
        typer.Option(
            "--link-base",
            envvar="CHECKER_LINK_BASE",
            metavar="URL",
            help="Markdown: link each path:line to URL/path#Lline (e.g. the pull request's "
            "files: https://github.com/OWNER/REPO/blob/SHA).",
        ),
    ] = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
    engine: EngineOption = EngineName.local,
    scheduler: SchedulerOption = None,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Check PATH... for figures, dates, sources and titles that disagree."""
    from checker.report.common import count_line, rule_counts

    published = _parse_date(date)
    inputs = _inputs(paths, against)
    _require_paths(inputs)
    if output is not None:
        _guarded(lambda: ensure_outside(output, inputs), debug)
    settings, configured_fail_on = _settings(config, facts, baseline, debug, verbose=verbose)
    # The JSON report carries each subject's figures too, so `checker report` can draw them.
    timelines = format in (ReportFormat.json, ReportFormat.html)
    settings = replace(
        settings,
        jobs=jobs,
        timelines=timelines,
        published=published,
        excludes=(*settings.excludes, *(exclude or ())),
    )
    report = _run(
        paths,
        settings,
        ArchiveOptions(against, cache_dir, not no_cache, debug),
        EngineOptions(engine, scheduler),
    )
    if settings.config_file is not None:
        report = report.model_copy(update={"config": settings.config_file})
    if only_changed is not None:
        from checker.changed_lines import load_diff, touching

        changed = _guarded(lambda: load_diff(only_changed), debug)
        report = report.model_copy(update={"findings": touching(report.findings, changed)})
    checked = [a.path for a in report.articles] if against else None
    to_terminal = output is None and sys.stdout.isatty()
    color = to_terminal and not os.environ.get("NO_COLOR")
    people = format in (ReportFormat.table, ReportFormat.concise)
    text: str | Callable[[TextIO], None]
    if quiet and people:
        text = _findings_only(report, format, color=color, checked=checked)
    elif format in STREAMED:
        text = _streamed(report, format, checked, link_base)
    else:
        text = _render_to(report, format.value, output, checked)
    if output is None:
        if isinstance(text, str):
            sys.stdout.write(text)
        else:
            text(sys.stdout)
    else:
        _guarded(lambda: write_atomic(output, text), debug)
    if statistics:
        lines = [f"{count:5d}  {rule}" for rule, count in rule_counts(report)]
        stream = sys.stdout if people and output is None else sys.stderr
        stream.write("".join(line + "\n" for line in lines))
    if not quiet and (not people or output is not None):
        # Machine formats carry diagnostics inside; repeat them on stderr for people.
        _print_diagnostics(report.diagnostics)
    if not quiet and output is not None:
        typer.echo(f"checker: {count_line(report)} Report written to {output}.", err=True)
    if not report.articles:
        raise _fail("no article was checked (see the diagnostics above)")
    raise typer.Exit(_exit_code(report, fail_on or configured_fail_on or FailOn.error))


# Formats written finding by finding (`checker.report.stream`): a report of any size is never
# held whole as text.
STREAMED = frozenset(
    {ReportFormat.json, ReportFormat.sarif, ReportFormat.github, ReportFormat.markdown}
)


def _streamed(
    report: Report, format: ReportFormat, checked: list[str] | None, link_base: str | None
) -> Callable[[TextIO], None]:
    """A function that writes the report in `format` to the stream it is given."""
    from checker.report import github, json, markdown, sarif

    if format is ReportFormat.markdown:
        return partial(markdown.write, report, checked=checked, link_base=link_base)
    writer = {ReportFormat.json: json.write, ReportFormat.sarif: sarif.write}.get(
        format, github.write
    )
    return partial(writer, report, checked=checked)


def _findings_only(
    report: Report, format: ReportFormat, *, color: bool, checked: list[str] | None
) -> str:
    """The table or concise report without diagnostics and the count line (--quiet)."""
    from checker.report import render

    if not report.findings:
        return ""
    shown = report.model_copy(update={"diagnostics": []})
    text = render(shown, format.value, color=color, checked=checked)
    # The count line comes last: its own paragraph in the table, its own line in concise.
    cut = text.rstrip("\n").rfind("\n\n" if format is ReportFormat.table else "\n")
    return text[:cut] + "\n"


def _render_to(report: Report, fmt: str, output: Path | None, checked: list[str] | None) -> str:
    """`report` in `fmt`; an HTML page links to articles relative to where it is written."""
    from checker.report import render

    if fmt == "html":
        from checker.report.html import relative_folder
        from checker.report.html import render as render_html

        return render_html(report, checked=checked, links_from=relative_folder(output))
    color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return render(report, fmt, color=bool(color), checked=checked)


class SavedFormat(StrEnum):
    html = "html"
    markdown = "markdown"


@app.command("report")
def render_saved(
    report_file: Annotated[
        Path, typer.Argument(help="A report saved by `checker check --format json`.")
    ],
    format: Annotated[
        SavedFormat, typer.Option("--format", "-f", help="html (a page) or markdown.")
    ] = SavedFormat.html,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the page here, not stdout.")
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Render a saved JSON report as HTML or Markdown (exit 0; `check` sets the exit code)."""
    from checker.report.saved import read_report

    _require_paths([report_file])
    if output is not None:
        _guarded(lambda: ensure_outside(output, [report_file]), debug)
    report = _guarded(lambda: read_report(report_file), debug)
    text = _render_to(report, format.value, output, None)
    if output is None:
        sys.stdout.write(text)
    else:
        _guarded(lambda: write_atomic(output, text), debug)


@app.command("baseline")
def write_baseline(
    paths: Paths,
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write.")],
    facts: FactsOption = None,
    config: ConfigOption = None,
    against: AgainstOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Write the current findings of PATH... as accepted, for `check --baseline`."""
    from checker.suppress import baseline_of

    inputs = _inputs(paths, against)
    _require_paths(inputs)
    _guarded(lambda: ensure_outside(output, inputs), debug)
    settings, _ = _settings(config, facts, None, debug)
    report = _run(paths, settings, ArchiveOptions(against, cache_dir, not no_cache, debug))
    if not report.articles:
        _print_diagnostics(report.diagnostics)
        raise _fail("no article was checked, so no baseline was written")
    _guarded(lambda: write_atomic(output, baseline_of(report.findings)), debug)
    typer.echo(f"checker: {len(report.findings)} findings accepted in {output}", err=True)


class DiffFormat(StrEnum):
    markdown = "markdown"
    table = "table"
    json = "json"


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier version: a file or a folder.")],
    new: Annotated[Path, typer.Argument(help="The later version: a file or a folder.")],
    format: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="markdown (diff blocks), table, or json."),
    ] = DiffFormat.markdown,
    debug: DebugOption = False,
) -> None:
    """Show which figures, dates, sources and titles changed between OLD and NEW (exit 0)."""
    from checker.diff import diff_paths, render_diff

    _require_paths([old, new])
    result = _guarded(lambda: diff_paths(old, new), debug)
    sys.stdout.write(render_diff(result, format.value))
    _print_diagnostics(result.diagnostics)


@app.command("rules")
def list_rules(
    rule_id: Annotated[str | None, typer.Argument(help="Show one rule's documentation.")] = None,
) -> None:
    """List the rules, or print one rule's documentation."""
    from tabulate import tabulate

    from checker.registry import discover_rules

    catalogue = discover_rules()
    if rule_id is None:
        rows = [[r.id, r.severity.value, r.summary()] for r in catalogue.rules.values()]
        typer.echo(tabulate(rows, headers=["id", "severity", "flags"], tablefmt="simple"))
    elif rule_id in catalogue.rules:
        rule = catalogue.rules[rule_id]
        typer.echo(f"{rule.id} ({rule.severity.value})\n\n{rule.documentation()}")
    else:
        known = ", ".join(catalogue.rules)
        raise _fail(f"unknown rule id {rule_id!r}; known: {known}")
    _print_diagnostics(catalogue.diagnostics)


def main() -> None:
    # One command is one batch whose claims, findings and reports hold no reference cycles:
    # the cycle collector would only walk them again and again (see checker.gc_pause).
    try:
        with paused(), ending_on_signals():
            app()
    except Interrupted as stop:
        # Every `finally` has run (workers killed, temporary files removed, transactions rolled
        # back). Leave at once: the interpreter's exit joins threads that need not be waited for.
        with contextlib.suppress(OSError, ValueError):  # a closed pipe changes nothing now
            sys.stderr.write(f"checker: interrupted ({stop})\n")
            sys.stderr.flush()
            sys.stdout.flush()
        os._exit(stop.exit_code)
