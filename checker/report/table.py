"""The terminal report: a count line, one table row per finding, then diagnostics.

Each row shows every piece of evidence as `path:line` over its sentence, so an editor sees both
sides of a disagreement without opening the files. Text is wrapped to keep the table within a
normal terminal and scrubbed of escape sequences (see `escape`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Collection

from tabulate import tabulate

from checker.models import Evidence, Finding, Report, Severity
from checker.report.common import count_line, posix_path
from checker.report.escape import one_line

MESSAGE_WIDTH = 40
EVIDENCE_WIDTH = 60

# SGR colors per severity, only when the caller says the output is a color terminal.
_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_RESET = "\x1b[0m"


def _wrap(text: str, width: int, indent: str = "") -> str:
    lines = textwrap.wrap(
        text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )
    return "\n".join(lines) or indent.rstrip()


def _evidence_cell(evidence: tuple[Evidence, ...]) -> str:
    blocks = []
    for item in evidence:
        where = f"{one_line(posix_path(item.path))}:{item.line}"
        details = [one_line(x) for x in (item.source, item.date) if x]
        head = f"{where} ({', '.join(details)})" if details else where
        blocks.append(
            _wrap(head, EVIDENCE_WIDTH) + "\n" + _wrap(one_line(item.text), EVIDENCE_WIDTH, "  ")
        )
    return "\n".join(blocks)


def _severity(severity: Severity, color: bool) -> str:
    return f"{_COLORS[severity]}{severity.value}{_RESET}" if color else severity.value


def _row(finding: Finding, color: bool) -> list[str]:
    return [
        one_line(finding.rule),
        _severity(finding.severity, color),
        _wrap(one_line(finding.message), MESSAGE_WIDTH),
        _evidence_cell(finding.evidence),
    ]


def render(report: Report, *, color: bool = False, checked: Collection[str] | None = None) -> str:
    """The report as a plain-text table; `checked` is accepted for a uniform call and unused."""
    parts = [count_line(report)]
    if report.findings:
        rows = [_row(f, color) for f in report.findings]
        parts.append(
            tabulate(rows, headers=["rule", "severity", "message", "evidence"], tablefmt="grid")
        )
    if report.diagnostics:
        parts.append("Diagnostics:")
        parts.extend(
            f"  {one_line(posix_path(d.path))}: {one_line(d.message)}" for d in report.diagnostics
        )
    return "\n".join(parts) + "\n"
