"""One line per finding, `path:line:col: severity rule message`, as compilers and linters print.

Editors and terminals turn the location into a link; `grep` and `sort` work on it. The location
is the finding's primary evidence (see `common.primary_evidence`); the message names the other
side. Diagnostics follow as `path: message`, and the count line comes last.
"""

from __future__ import annotations

from collections.abc import Collection

from checker.models import Finding, Report
from checker.report.common import count_line, posix_path, primary_evidence
from checker.report.escape import one_line


def line_of(finding: Finding, checked: Collection[str] | None = None) -> str:
    primary = primary_evidence(finding, checked)
    where = (
        f"{one_line(posix_path(primary.path))}:{primary.line}:{primary.column}"
        if primary is not None
        else "-"
    )
    return f"{where}: {finding.severity.value} {one_line(finding.rule)} {one_line(finding.message)}"


def render(report: Report, *, color: bool = False, checked: Collection[str] | None = None) -> str:
    """Findings one per line, then diagnostics, then the count line; `color` is accepted for a
    uniform call."""
    lines = [line_of(f, checked) for f in report.findings]
    lines += [f"{one_line(posix_path(d.path))}: {one_line(d.message)}" for d in report.diagnostics]
    lines.append(count_line(report))
    return "\n".join(lines) + "\n"
