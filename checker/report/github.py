"""GitHub Actions annotations: one workflow command per finding, on its checked line.

`::error file=PATH,line=N,col=C,title=RULE::MESSAGE`. The runner reads stdout line by line and
obeys any line that starts with "::", so everything that comes from an article is escaped as
GitHub documents (newlines become %0A): article text can never begin a line of its own.
"""

from __future__ import annotations

from collections.abc import Collection

from checker.models import Finding, Report, Severity
from checker.report.common import posix_path, primary_evidence
from checker.report.escape import github_data, github_property, one_line, strip_controls

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


def render(report: Report, *, color: bool = False, checked: Collection[str] | None = None) -> str:
    """One annotation per finding, then a warning per diagnostic (a file that was skipped)."""
    out = [_annotation(f, checked) for f in report.findings]
    out += [
        f"::warning {_properties([('file', posix_path(d.path)), ('title', 'checker')])}"
        f"::{github_data(one_line(d.message))}"
        for d in report.diagnostics
    ]
    return "".join(line + "\n" for line in out)
