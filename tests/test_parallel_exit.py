"""Worker processes do not outlive a run that is killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from bench.corpus import write_archive
from tests.processes import CLI, children, needs_proc, running

pytestmark = needs_proc


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
            workers = children(process.pid)
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)  # the main process only, as the OOM killer would
        process.wait(timeout=60)
        deadline = time.monotonic() + 20
        while any(running(worker) for worker in workers):
            assert time.monotonic() < deadline, "worker processes outlived the killed run"
            time.sleep(0.05)
    finally:
        # Whatever happened, leave nothing running behind the test.
        for worker in children(process.pid) | workers:
            if running(worker):
                os.kill(worker, signal.SIGKILL)
        process.kill()
        process.wait(timeout=60)
