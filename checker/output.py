"""Writing a report file: atomically, and never inside the folders being checked."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

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


def write_atomic(target: Path, text: str | Callable[[TextIO], None]) -> None:
    """Write `text` so that readers see the old file or the new one, never half of it.
    `text` may be a function that writes it to the stream it is given, piece by piece.

    Any failure (a folder in the way, no permission, a full disk) is an OutputError naming the
    target, and leaves no temporary file behind.
    """
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name for the report")
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        # mkstemp makes the file private (0600); a report is meant for the next CI step too.
        os.fchmod(handle, _mode_for(target))
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            if isinstance(text, str):
                stream.write(text)
            else:
                text(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        reason = error.strerror or error.__class__.__name__
        raise OutputError(f"{target}: cannot write the report: {reason}") from error
    finally:
        if temporary is not None and os.path.lexists(temporary):
            Path(temporary).unlink(missing_ok=True)


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, else what a plain open() would give (0666 - umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
