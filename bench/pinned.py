"""The checker's command line with the extraction cache's version pinned, for `bench.against
--reuse-cache`: `python -m bench.pinned VERSION check ...`. Only for measuring a change that
does not touch extraction against a cache built before it."""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:  # run as a script: make `checker` importable from the repo
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import checker.cache


def pin(version: str) -> None:
    """Make this process take `version` for the checker's extraction version."""
    checker.cache._package_version = lambda: version  # type: ignore[assignment]


def stamped(cache: Path) -> str | None:
    """The extraction version a kept cache folder was built with, None without one."""
    import sqlite3

    file = cache / checker.cache.CACHE_FILE
    if not file.exists():
        return None
    connection = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    finally:
        connection.close()
    return None if row is None else str(row[0])


if __name__ == "__main__":
    pin(sys.argv[1])
    from checker.cli import main

    sys.argv = ["checker", *sys.argv[2:]]
    main()
