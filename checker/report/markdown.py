"""The pull-request comment: a summary line, then per finding a heading and a `diff` block.

In the diff, `-` lines are the earlier or archive text and `+` lines the text under review, so
GitHub colors the disagreement the way a reviewer reads a change. Article text goes inside the
fence (where Markdown is not interpreted) on one line each, behind a fence longer than any
backtick run it contains; text outside fences (messages, diagnostics) is escaped inline.
"""

from __future__ import annotations

from collections.abc import Collection

from checker.models import Evidence, Finding, Report
from checker.report.common import checked_flags, count_line, posix_path
from checker.report.escape import code_fence, markdown_inline, one_line

# A comment longer than this is refused by GitHub (65,536 characters); stop adding sections
# before it and say how many were left out.
MAX_CHARS = 60_000


def _diff_line(evidence: Evidence, checked: bool) -> str:
    where = f"{one_line(posix_path(evidence.path))}:{evidence.line}"
    return f"{'+' if checked else '-'} {where}: {one_line(evidence.text)}"


def _section(finding: Finding, checked: Collection[str] | None) -> str:
    heading = (
        f"### {markdown_inline(finding.severity.value)}: {markdown_inline(finding.rule)}"
        f" — {markdown_inline(finding.message)}"
    )
    if not finding.evidence:
        return heading
    flags = checked_flags(finding, checked)
    lines = [_diff_line(e, flag) for e, flag in zip(finding.evidence, flags, strict=True)]
    fence = code_fence(lines)
    return "\n".join([heading, "", f"{fence}diff", *lines, fence])


def render(report: Report, *, color: bool = False, checked: Collection[str] | None = None) -> str:
    """The report as GitHub-flavoured Markdown; `checked` paths get `+`, the others `-`."""
    parts = [f"**checker**: {markdown_inline(count_line(report))}"]
    size = len(parts[0])
    for index, finding in enumerate(report.findings):
        section = _section(finding, checked)
        if size + len(section) > MAX_CHARS:
            left = len(report.findings) - index
            parts.append(f"_{left} more finding{'s' if left != 1 else ''} not shown._")
            break
        parts.append(section)
        size += len(section) + 2
    if report.diagnostics:
        items = [
            f"- {markdown_inline(posix_path(d.path))}: {markdown_inline(d.message)}"
            for d in report.diagnostics
        ]
        parts.append("#### Diagnostics\n\n" + "\n".join(items))
    return "\n\n".join(parts) + "\n"
