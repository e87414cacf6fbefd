"""The terminal report: one block per finding, then diagnostics, then the count line.

A block is the severity and rule, the message, then each piece of evidence as `path:line:col`
(with its source and date) over its sentence, all wrapped to the terminal's width; a path is
never broken. Colour marks the severity and the rule, only when the caller says the output is a
colour terminal. Text is scrubbed of escape sequences (see `escape`).
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Collection

from checker.models import Evidence, Finding, Report, Severity
from checker.report.common import count_line, posix_path
from checker.report.escape import one_line

DEFAULT_WIDTH = 100
MIN_WIDTH = 40

# SGR colours per severity, only when the caller says the output is a colour terminal.
_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def terminal_width() -> int:
    """The width to wrap to: the terminal's, else $COLUMNS, else DEFAULT_WIDTH."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(
        text,
        max(width, MIN_WIDTH),
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [indent.rstrip()]


def _evidence(item: Evidence, width: int) -> list[str]:
    where = f"{one_line(posix_path(item.path))}:{item.line}:{item.column}"
    details = [one_line(x) for x in (item.source, item.date) if x]
    head = f"{where} ({', '.join(details)})" if details else where
    return _wrap(head, width, "  ") + _wrap(one_line(item.text), width, "      ")


def _heading(finding: Finding, color: bool) -> str:
    severity, rule = finding.severity.value, one_line(finding.rule)
    if color:
        severity = f"{_COLORS[finding.severity]}{severity}{_RESET}"
        rule = f"{_BOLD}{rule}{_RESET}"
    return f"{severity} {rule}"


def block(finding: Finding, width: int, *, color: bool = False) -> list[str]:
    """One finding's lines: heading, message, evidence."""
    lines = [_heading(finding, color), *_wrap(one_line(finding.message), width, "  ")]
    for item in finding.evidence:
        lines += _evidence(item, width)
    return lines


def render(
    report: Report,
    *,
    color: bool = False,
    checked: Collection[str] | None = None,
    width: int | None = None,
) -> str:
    """The report for a terminal `width` columns wide (None: the terminal's); `checked` is
    accepted for a uniform call and unused."""
    width = width or terminal_width()
    parts = ["\n".join(block(f, width, color=color)) for f in report.findings]
    if report.diagnostics:
        lines = ["Diagnostics:"]
        for d in report.diagnostics:
            lines += _wrap(f"{one_line(posix_path(d.path))}: {one_line(d.message)}", width, "  ")
        parts.append("\n".join(lines))
    parts.append("\n".join(_wrap(count_line(report), width, "")))
    return "\n\n".join(parts) + "\n"
