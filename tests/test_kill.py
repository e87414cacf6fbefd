"""A run killed part-way never leaves a cache that gives a wrong answer.

`checker check X --against ARCHIVE --cache-dir C` runs in a subprocess over a generated archive
and is SIGKILLed while it extracts and writes the cache. The next run over the same cache must
print exactly the report of a run with a fresh cache dir. So must a run over a cache file partly
overwritten with garbage (tests/test_cache.py covers truncation and other damage unit by unit).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.processes import CLI

REPO = Path(__file__).resolve().parents[1]
ARCHIVE_SIZE = 300  # a second or two of cold extraction: room to kill it mid-run
CHECKED = {
    "a.md": "---\ndate: 2024-05-02\n---\n\nThe storm destroyed 4,200 homes in Lindau in April"
    " 2024, the regional council said.\n",
    "b.md": "---\ndate: 2024-05-09\n---\n\nAccording to the regional council, the storm"
    " destroyed 5,900 homes in Lindau in April 2024.\n",
}


def _bench_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("kill")
    checked = root / "checked"
    checked.mkdir()
    for name, text in CHECKED.items():
        (checked / name).write_text(text, encoding="utf-8")
    archive = root / "archive"
    _bench_corpus().write_archive(archive, ARCHIVE_SIZE)
    return checked, archive


def _args(inputs: tuple[Path, Path], cache: Path) -> list[str]:
    checked, archive = inputs
    return [
        *CLI, "check", str(checked), "--against", str(archive), "--cache-dir", str(cache),
        "--format", "json", "--fail-on", "never",
    ]  # fmt: skip


def _report(inputs: tuple[Path, Path], cache: Path) -> dict[str, Any]:
    done = subprocess.run(_args(inputs, cache), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    # A note that the cache was rebuilt is the only allowed difference from a fresh run.
    report["diagnostics"] = [d for d in report["diagnostics"] if "cache" not in d["message"]]
    return report


class Fresh:
    """The report of a run with a new cache, and the cache it left."""

    def __init__(self, report: dict[str, Any], cache: Path) -> None:
        self.report, self.cache = report, cache


@pytest.fixture(scope="module")
def fresh(inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Fresh:
    cache = tmp_path_factory.mktemp("fresh-cache")
    report = _report(inputs, cache)
    assert report["findings"], "the checked pair disagrees; a report without findings is wrong"
    return Fresh(report, cache / "extractions.sqlite3")


def _committed_rows(file: Path) -> int:
    """Rows another process has committed, read without taking any write lock."""
    try:
        with contextlib.closing(sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True)) as db:
            (rows,) = db.execute("SELECT count(*) FROM claims").fetchone()
    except sqlite3.Error:
        return 0  # not created yet, or the schema is still being written
    return int(rows)


def _mid_write(cache: Path) -> bool:
    # A big transaction spills pages into the write-ahead log before it commits.
    wal = cache / "extractions.sqlite3-wal"
    return wal.exists() and wal.stat().st_size > 100_000


def _after_commit(cache: Path) -> bool:
    return _committed_rows(cache / "extractions.sqlite3") > 0


@pytest.mark.parametrize("moment", [_mid_write, _after_commit], ids=["mid-write", "after-commit"])
def test_killed_run_leaves_a_trustworthy_cache(
    inputs: tuple[Path, Path], fresh: Fresh, tmp_path: Path, moment: Callable[[Path], bool]
) -> None:
    cache = tmp_path / "cache"
    process = subprocess.Popen(
        _args(inputs, cache), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    try:
        while not moment(cache):
            assert process.poll() is None, "the run ended before the moment to kill it"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    rows = _committed_rows(cache / "extractions.sqlite3")
    assert rows < ARCHIVE_SIZE  # the cache really is partial
    if moment is _after_commit:
        assert rows > 0  # ... and holds work the rerun should trust
    assert _report(inputs, cache) == fresh.report


def _copy_cache(fresh: Fresh, folder: Path) -> Path:
    """A private copy of the complete cache (main file only: the fresh run checkpointed it)."""
    folder.mkdir()
    file = folder / fresh.cache.name
    file.write_bytes(fresh.cache.read_bytes())
    return file


def test_garbage_cache_is_rebuilt(inputs: tuple[Path, Path], fresh: Fresh, tmp_path: Path) -> None:
    file = _copy_cache(fresh, tmp_path / "cache")
    size = file.stat().st_size
    with file.open("r+b") as handle:  # scribble over the middle pages, keep the header
        handle.seek(size // 3)
        handle.write(os.urandom(size // 3))
    assert _report(inputs, tmp_path / "cache") == fresh.report
