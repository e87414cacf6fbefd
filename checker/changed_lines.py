"""Which lines a change touched, read from a unified diff (`git diff --unified=0 BASE HEAD`).

`checker check --only-changed DIFF` keeps the findings with evidence on an added or changed
line, so a pull request's annotations land only where it edited, as reviewers expect. Paths
are those of the diff's new side ("b/articles/x.md" -> "articles/x.md"), compared with the
report's paths (relative to the working folder: run from the repository's root).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from checker.errors import ConfigError
from checker.models import Finding
from checker.report.common import posix_path

_FILE = re.compile(r"^\+\+\+ (?:b/)?(?P<path>.+?)\t?$")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")

ChangedLines = Mapping[str, frozenset[int]]


def parse_diff(lines: Iterable[str]) -> dict[str, frozenset[int]]:
    """path -> the new side's added or changed line numbers."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in lines:
        if line.startswith("+++ "):
            match = _FILE.match(line.rstrip("\n"))
            path = match.group("path") if match else "/dev/null"
            current = None if path == "/dev/null" else changed.setdefault(posix_path(path), set())
            continue
        hunk = _HUNK.match(line)
        if hunk and current is not None:
            start = int(hunk.group("start"))
            count = int(hunk.group("count") or 1)
            current.update(range(start, start + count))
    return {path: frozenset(numbers) for path, numbers in changed.items()}


def load_diff(path: Path) -> dict[str, frozenset[int]]:
    try:
        with path.open(encoding="utf-8", errors="replace") as stream:
            return parse_diff(stream)
    except OSError as error:
        raise ConfigError(str(path), f"cannot read the diff: {error.strerror}") from None


def touching(findings: Sequence[Finding], changed: ChangedLines) -> list[Finding]:
    """The findings with a piece of evidence on a changed line."""
    return [
        f
        for f in findings
        if any(e.line in changed.get(posix_path(e.path), frozenset()) for e in f.evidence)
    ]
