"""A diff as text: the summary line, and the markdown, table and JSON formats.

Renderers only format a `DiffResult`; every user-supplied string goes through the report
escapers so a sentence cannot break the markdown or the table.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable

from tabulate import tabulate

from checker.diff.models import Change, ChangeKind, ChangeSide, DiffError, DiffResult
from checker.report.escape import code_fence, markdown_inline, one_line


def summary_line(result: DiffResult) -> str:
    """ "3 changed, 1 added, 0 removed claims" (plus whole articles, when any)."""
    line = (
        f"{result.count(ChangeKind.CHANGED)} changed, {result.count(ChangeKind.ADDED)} added, "
        f"{result.count(ChangeKind.REMOVED)} removed claims"
    )
    articles = [c for c in result.changes if c.kind == "article"]
    if articles:
        added = sum(c.change is ChangeKind.ADDED for c in articles)
        removed = len(articles) - added
        line += f" ({added} article{'s' if added != 1 else ''} added, {removed} removed)"
    return line


def _heading(change: Change) -> str:
    """ "### Changed figure: 35,000 → 53,000 Russian soldiers killed, December 2025, NATO"."""
    what = f"{change.change.value.capitalize()} {change.kind}"
    return f"### {what}: {markdown_inline(change.detail or change.subject)}"


def _diff_line(sign: str, side: ChangeSide) -> str:
    where = f"{one_line(side.path)}:{side.line}"
    text = one_line(side.text) or one_line(side.fact)
    return f"{sign} {where}: {text}"


def _markdown(result: DiffResult) -> str:
    parts = [f"**{markdown_inline(summary_line(result))}**"]
    for change in result.changes:
        lines = []
        if change.old is not None:
            lines.append(_diff_line("-", change.old))
        if change.new is not None:
            lines.append(_diff_line("+", change.new))
        fence = code_fence(lines)
        parts.append(f"{_heading(change)}\n\n{fence}diff\n" + "\n".join(lines) + f"\n{fence}")
    return "\n\n".join(parts) + "\n"


def _cell(side: ChangeSide | None) -> str:
    if side is None:
        return ""
    return f"{one_line(side.path)}:{side.line}\n" + textwrap.fill(
        one_line(side.text), 40, initial_indent="  ", subsequent_indent="  "
    )


def _table(result: DiffResult) -> str:
    parts = [summary_line(result)]
    if result.changes:
        rows = [
            [
                f"{c.change.value} {c.kind}",
                textwrap.fill(one_line(c.detail or c.subject), 36),
                _cell(c.old),
                _cell(c.new),
            ]
            for c in result.changes
        ]
        parts.append(tabulate(rows, headers=["change", "what", "before", "after"], tablefmt="grid"))
    return "\n".join(parts) + "\n"


def _json(result: DiffResult) -> str:
    data = [c.model_dump(mode="json") for c in result.changes]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_RENDERERS: dict[str, Callable[[DiffResult], str]] = {
    "markdown": _markdown,
    "table": _table,
    "json": _json,
}


def render_diff(result: DiffResult, fmt: str = "markdown") -> str:
    """The diff as `markdown`, `table` or `json` text."""
    try:
        return _RENDERERS[fmt](result)
    except KeyError:
        raise DiffError(f"unknown diff format {fmt!r}; known: {', '.join(_RENDERERS)}") from None
