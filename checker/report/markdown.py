"""The pull-request comment: a summary line, then per finding a heading and a `diff` block.

In the diff, `-` lines are the earlier or archive text and `+` lines the text under review, and
each line says which side it is ("archive", "this pull request", "facts register"), so the
colours read as "before" and "after", never as wrong and right. With a link base (the pull
request's files), each `path:line` is also linked below the block. Article text goes inside the
fence (where Markdown is not interpreted) on one line each, behind a fence longer than any
backtick run it contains; text outside fences (messages, diagnostics) is escaped inline.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import partial
from pathlib import PurePosixPath
from typing import TextIO
from urllib.parse import quote

from checker.consolidate import is_article_evidence
from checker.models import Evidence, Finding, Report
from checker.report.common import checked_flags, count_line, posix_path
from checker.report.escape import code_fence, markdown_inline, one_line
from checker.report.stream import text_of

# A comment longer than this is refused by GitHub (65,536 characters); stop adding sections
# before it and say how many were left out.
MAX_CHARS = 60_000


# The side of each line: (the `+` side, the `-` side), with and without checked paths.
LABELS = {True: ("this pull request", "archive"), False: ("disagrees", "compared")}
REGISTER = "facts register"
_LABEL_WIDTH = max(len(label) for pair in LABELS.values() for label in pair)


def _diff_line(evidence: Evidence, plus: bool, label: str) -> str:
    where = f"{one_line(posix_path(evidence.path))}:{evidence.line}"
    return f"{'+' if plus else '-'} {label:<{_LABEL_WIDTH}}  {where}: {one_line(evidence.text)}"


def _label(evidence: Evidence, plus: bool, checked: bool) -> str:
    plus_label, minus_label = LABELS[checked]
    if plus:
        return plus_label
    return minus_label if is_article_evidence(evidence) else REGISTER


def _link(evidence: Evidence, base: str) -> str | None:
    """A Markdown link from `path:line` to the file at `base`, for paths inside the checkout."""
    path = posix_path(evidence.path)
    if PurePosixPath(path).is_absolute() or path.startswith("../") or ":" in path.split("/")[0]:
        return None
    url = f"{base.rstrip('/')}/{quote(path)}#L{max(1, evidence.line)}"
    return f"[{markdown_inline(f'{path}:{evidence.line}')}]({url})"


def _section(
    finding: Finding, checked: Collection[str] | None, link_base: str | None = None
) -> str:
    heading = (
        f"### {markdown_inline(finding.severity.value)}: {markdown_inline(finding.rule)}"
        f" — {markdown_inline(finding.message)}"
    )
    if not finding.evidence:
        return heading
    flags = checked_flags(finding, checked)
    lines = [
        _diff_line(e, flag, _label(e, flag, bool(checked)))
        for e, flag in zip(finding.evidence, flags, strict=True)
    ]
    fence = code_fence(lines)
    parts = [heading, "", f"{fence}diff", *lines, fence]
    if link_base:
        links = [link for e in finding.evidence if (link := _link(e, link_base))]
        if links:
            parts += ["", " · ".join(links)]
    return "\n".join(parts)


def render(
    report: Report,
    *,
    color: bool = False,
    checked: Collection[str] | None = None,
    link_base: str | None = None,
) -> str:
    """The report as GitHub-flavoured Markdown; `checked` paths get `+`, the others `-`; with
    `link_base` (".../blob/SHA"), each `path:line` links to `link_base/path#Lline`."""
    return text_of(partial(write, link_base=link_base), report, checked=checked)


def write(
    report: Report,
    out: TextIO,
    *,
    color: bool = False,
    checked: Collection[str] | None = None,
    link_base: str | None = None,
) -> None:
    """`render`, written to `out` one section at a time (at most MAX_CHARS of findings)."""
    head = f"**checker**: {markdown_inline(count_line(report))}"
    out.write(head)
    size = len(head)
    for index, finding in enumerate(report.findings):
        section = _section(finding, checked, link_base)
        if size + len(section) > MAX_CHARS:
            left = len(report.findings) - index
            out.write(f"\n\n_{left} more finding{'s' if left != 1 else ''} not shown._")
            break
        out.write("\n\n" + section)
        size += len(section) + 2
    if report.diagnostics:
        out.write("\n\n#### Diagnostics\n")
        for d in report.diagnostics:
            out.write(f"\n- {markdown_inline(posix_path(d.path))}: {markdown_inline(d.message)}")
    out.write("\n")
