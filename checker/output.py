"""Writing a report file: atomically, and never inside the folders being checked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from checker.errors import CheckerError


class OutputError(CheckerError):
    """The report cannot be written where it was asked to go."""


def ensure_outside(target: Path, checked: Sequence[Path]) -> None:
    """Refuse a target inside a checked folder (or one of the checked files themselves)."""
    resolved = target.resolve()
    for root in checked:
        base = root.resolve()
        if resolved == base or (base.is_dir() and resolved.is_relative_to(base)):
            raise OutputError(f"{target}: refusing to write inside the checked path {root}")


def write_atomic(target: Path, text: str) -> None:
    """Write `text` so that readers see the old file or the new one, never half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
