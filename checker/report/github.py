"""GitHub Actions annotations: one workflow command per finding, on its checked line.

`::error file=PATH,line=N,col=C,title=RULE::MESSAGE`. The runner reads stdout line by line and
obeys any line that starts with "::", so everything that comes from an article is escaped as
GitHub documents (newlines become %0A): article text can never begin a line of its own.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import PurePosixPath
from typing import TextIO

from checker.load import ARTICLE_SUFFIXES
from checker.models import Diagnostic, Finding, Report, Severity
from checker.report.common import posix_path, primary_evidence
from checker.report.escape import github_data, github_property, one_line, strip_controls
from checker.report.stream import text_of

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _properties(pairs: list[tuple[str, str]]) -> str:
    # File names come from the checked tree too: scrub escapes, then escape like any data.
    return ",".join(f"{key}={github_property(strip_controls(value))}" for key, value in pairs)


def _annotation(finding: Finding, checked: Collection[str] | None) -> str:
    primary = primary_evidence(finding, checked)
    pairs: list[tuple[str, str]] = []
    if primary is not None:
        pairs += [
            ("file", posix_path(primary.path)),
            ("line", str(primary.line)),
            ("col", str(primary.column)),
        ]
    pairs.append(("title", finding.rule))
    # The message names every piece of evidence, so the annotation alone shows the conflict.
    lines = [one_line(finding.message)]
    lines += [
        f"{one_line(posix_path(e.path))}:{e.line}: {one_line(e.text)}"
        for e in finding.evidence
        if e is not primary
    ]
    return (
        f"::{COMMANDS[finding.severity]} {_properties(pairs)}::{github_data(chr(10).join(lines))}"
    )


def _diagnostic(diagnostic: Diagnostic) -> str:
    """A warning; on the file when it is an article (a bad file, an undated draft), else in the
    run's summary only (a folder's skipped images need no annotation in the diff)."""
    path = posix_path(diagnostic.path)
    pairs = [("file", path)] if PurePosixPath(path).suffix.lower() in ARTICLE_SUFFIXES else []
    message = one_line(diagnostic.message) if pairs else f"{path}: {one_line(diagnostic.message)}"
    return f"::warning {_properties([*pairs, ('title', 'checker')])}::{github_data(message)}"


def render(report: Report, *, color: bool = False, checked: Collection[str] | None = None) -> str:
    """One annotation per finding, then a warning per diagnostic (a file that was skipped)."""
    return text_of(write, report, color=color, checked=checked)


def write(
    report: Report, out: TextIO, *, color: bool = False, checked: Collection[str] | None = None
) -> None:
    """`render`, written to `out` one line at a time."""
    for finding in report.findings:
        out.write(_annotation(finding, checked) + "\n")
    for diagnostic in report.diagnostics:
        out.write(_diagnostic(diagnostic) + "\n")
