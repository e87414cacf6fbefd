"""Formats that are written piece by piece to a stream, and their text when a string is wanted.

A report with 100,000 findings is hundreds of megabytes of JSON: written finding by finding
to its file or to stdout, it never exists whole in memory. `render` (a string) stays for the
callers and tests that want one; it is the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Collection
from typing import Protocol, TextIO

from checker.models import Report

__all__ = ["Writer", "text_of"]


class Writer(Protocol):
    def __call__(
        self,
        report: Report,
        out: TextIO,
        *,
        color: bool = False,
        checked: Collection[str] | None = None,
    ) -> None: ...


def text_of(
    write: Writer, report: Report, *, color: bool = False, checked: Collection[str] | None = None
) -> str:
    """What `write` writes, as a string."""
    buffer = io.StringIO()
    write(report, buffer, color=color, checked=checked)
    return buffer.getvalue()
