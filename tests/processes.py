"""The process table as the tests that stop running checkers read it (Linux `/proc`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The checker's command line, run in a fresh interpreter.
CLI = [sys.executable, "-c", "from checker.cli import main; main()"]

needs_proc = pytest.mark.skipif(
    not Path("/proc/self/task").exists(), reason="reads the process table from /proc (Linux)"
)


def children(pid: int) -> set[int]:
    """The processes `pid` started, from every one of its threads."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(child) for child in task.read_text().split())
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left
