"""Report formats, one module each: table, concise, json, markdown, github, sarif, html.

The engine builds one `Report`; the CLI calls `render(report, fmt)`. Every format's `render`
takes the same keywords (`color` for terminals, `checked` for the paths under review), so the
dispatch here needs no per-format cases.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Protocol

from checker.models import Report
from checker.report import concise, github, html, json, markdown, sarif, table

__all__ = ["FORMATS", "Renderer", "render"]


class Renderer(Protocol):
    def __call__(
        self, report: Report, *, color: bool = False, checked: Collection[str] | None = None
    ) -> str: ...


_RENDERERS: dict[str, Renderer] = {
    "table": table.render,
    "concise": concise.render,
    "json": json.render,
    "markdown": markdown.render,
    "github": github.render,
    "sarif": sarif.render,
    "html": html.render,
}

FORMATS: dict[str, Callable[[Report], str]] = dict(_RENDERERS)


def render(
    report: Report,
    fmt: str,
    *,
    color: bool = False,
    checked: Collection[str] | None = None,
) -> str:
    """`report` in format `fmt` (a key of `FORMATS`); a KeyError names the unknown format."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise KeyError(f"unknown report format {fmt!r}; known: {', '.join(FORMATS)}") from None
    return renderer(report, color=color, checked=checked)
