"""SIGINT or SIGTERM sent to the main process alone ends the run at once, workers included."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from bench.corpus import write_archive
from checker.cache import CACHE_FILE, ExtractionCache
from checker.interrupt import Interrupted
from tests.processes import CLI, children, needs_proc, running

pytestmark = needs_proc
# The issue asks for 2 s; this bound only catches a hang (the machine may be busy).
CEILING = 10.0


def _interrupt_when_workers_run(command: list[str], signum: int) -> tuple[int, float]:
    """Start `command`, send `signum` to its main process once two workers run; (exit, seconds)."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2:
            assert process.poll() is None, "the run ended before its workers were seen"
            assert time.monotonic() < deadline
            workers = children(process.pid)
            time.sleep(0.01)
        time.sleep(0.5)  # the workers are extracting, the main process waits on them
        sent = time.monotonic()
        process.send_signal(signum)
        code = process.wait(timeout=60)
        took = time.monotonic() - sent
        deadline = time.monotonic() + CEILING
        while any(running(worker) for worker in workers):
            assert time.monotonic() < deadline, "worker processes outlived the stopped run"
            time.sleep(0.05)
        return code, took
    finally:
        for worker in children(process.pid) | workers:
            if running(worker):
                os.kill(worker, signal.SIGKILL)
        process.kill()
        process.wait(timeout=60)


@pytest.mark.parametrize(("signum", "expected"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_to_the_main_process_ends_the_run(
    tmp_path: Path, signum: int, expected: int
) -> None:
    archive = tmp_path / "archive"
    write_archive(archive, 300, seed=5)
    report = tmp_path / "report.json"
    command = [*CLI, "check", str(archive), "--jobs", "2", "-f", "json", "-o", str(report)]
    code, took = _interrupt_when_workers_run(command, signum)
    assert code == expected
    assert took < CEILING
    assert not report.exists()
    assert not list(tmp_path.glob(".report.json.*")), "a temporary report was left behind"


def test_an_interrupted_run_leaves_a_cache_the_next_run_trusts(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write_archive(archive, 300, seed=6)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.md").write_text("The ferry carried 130 cars.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    command = [*CLI, "check", str(drafts), "--against", str(archive), "--jobs", "2"]
    command += ["--cache-dir", str(cache), "-f", "json", "-o", str(tmp_path / "report.json")]
    code, _ = _interrupt_when_workers_run(command, signal.SIGTERM)
    assert code == 143
    with sqlite3.connect(cache / CACHE_FILE) as connection:
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
    opened = ExtractionCache.open(cache)
    try:
        assert not opened.diagnostics  # neither unreadable nor rebuilt: trusted as it is
        rows = opened._connection.execute("SELECT sha256, variant, path FROM claims").fetchall()
        for sha256, variant, path in rows:
            assert opened.get(sha256, path, variant=variant) is not None
    finally:
        opened.close()


def test_the_exit_code_is_the_shells() -> None:
    assert Interrupted(signal.SIGINT).exit_code == 130
    assert Interrupted(signal.SIGTERM).exit_code == 143
