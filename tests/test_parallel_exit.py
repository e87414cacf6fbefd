"""Worker processes do not outlive a run that is killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import write_archive

CLI = [sys.executable, "-c", "from checker.cli import main; main()"]
pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").exists(), reason="reads the process table from /proc (Linux)"
)


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(child) for child in task.read_text().split())
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


def test_workers_end_when_the_run_is_killed(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write_archive(archive, 400, seed=5)
    command = [*CLI, "check", str(archive), "--jobs", "2", "-f", "json"]
    command += ["-o", str(tmp_path / "report.json")]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2:  # both workers started: extraction is under way
            assert process.poll() is None, "the run ended before its workers were seen"
            assert time.monotonic() < deadline
            workers = _children(process.pid)
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)  # the main process only, as the OOM killer would
        process.wait(timeout=60)
        deadline = time.monotonic() + 20
        while any(_running(worker) for worker in workers):
            assert time.monotonic() < deadline, "worker processes outlived the killed run"
            time.sleep(0.05)
    finally:
        # Whatever happened, leave nothing running behind the test.
        for worker in _children(process.pid) | workers:
            if _running(worker):
                os.kill(worker, signal.SIGKILL)
        process.kill()
        process.wait(timeout=60)
