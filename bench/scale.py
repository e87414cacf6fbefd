"""End-to-end scaling benchmark: `checker check` over generated archives of growing size.

For each N (default 1,000 and 10,000) it generates N articles with `bench.corpus` (about 3.5 KB
each, seeded contradictions included), then times, each in a fresh `checker` process:

- cold: `checker check ARCHIVE --jobs J` (load, extract in J workers, group, every rule);
- against cold / warm: `checker check DRAFTS --against ARCHIVE` with an empty cache, then again
  with the cache it filled.

It prints articles/s, MB/s, peak memory (the checker process and its worker processes together,
as proportional set size sampled with psutil when installed; else the main process's peak RSS)
and the number of findings.
Figures only: nothing here passes or fails.

    python -m bench.scale [--counts 1000 10000] [--jobs J] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

if not __package__:  # run as a script: make `bench` importable from the repo
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import write_archive

DRAFTS = 10  # articles taken out of the archive and checked against the rest


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    findings: int


def _tree_rss(process: object) -> int:
    """Bytes of `process` (a psutil.Process) and all its children: the proportional set size
    where the system has it (forked workers share pages with their parent, which RSS would
    count once per process), else the resident set size."""
    total = 0
    for member in [process, *process.children(recursive=True)]:  # type: ignore[attr-defined]
        try:
            info = member.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except Exception:  # a worker that just exited
            continue
    return total


def run(arguments: list[str], report: Path) -> Run:
    """One `checker check` in its own process; wall time, peak RSS, findings."""
    command = [sys.executable, "-c", "from checker.cli import main; main()", *arguments]
    command += ["-f", "json", "-o", str(report), "--fail-on", "never"]
    start = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    watched = None
    try:
        import psutil  # type: ignore[import-untyped]

        watched = psutil.Process(child.pid)
    except Exception:  # psutil is optional (it comes with the dask extra)
        watched = None
    peak = 0
    while True:
        # Reaped here, not by Popen, so that wait4 hands back the child's own rusage.
        pid, _, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if watched is not None:
            try:
                peak = max(peak, _tree_rss(watched))
            except Exception:
                watched = None
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    child.returncode = 0
    peak = max(peak, usage.ru_maxrss * 1024)
    findings = len(json.loads(report.read_text(encoding="utf-8"))["findings"])
    return Run(seconds, peak / 1e6, findings)


def line(label: str, count: int, megabytes: float, result: Run) -> str:
    return (
        f"{label:<22} {count:>7,} articles {megabytes:7.1f} MB {result.seconds:8.1f} s "
        f"{count / result.seconds:8.0f} art/s {megabytes / result.seconds:6.2f} MB/s "
        f"peak {result.peak_mb:7.0f} MB  {result.findings:>7,} findings"
    )


def bench(root: Path, count: int, jobs: int | None) -> dict[str, Run]:
    archive = root / f"archive-{count}"
    drafts = root / f"drafts-{count}"
    if not archive.exists():
        files = write_archive(archive, count, seed=7)
        drafts.mkdir()
        for file in files[:: max(1, count // DRAFTS)][:DRAFTS]:
            shutil.move(file, drafts / file.name)
    megabytes = sum(p.stat().st_size for p in archive.rglob("*.md")) / 1e6
    job = ["--jobs", str(jobs)] if jobs else []
    cache = root / f"cache-{count}"
    shutil.rmtree(cache, ignore_errors=True)
    results = {
        "cold": run(["check", str(archive), *job], root / "report.json"),
        "against cold": run(
            ["check", str(drafts), "--against", str(archive), "--cache-dir", str(cache), *job],
            root / "report.json",
        ),
        "against warm": run(
            ["check", str(drafts), "--against", str(archive), "--cache-dir", str(cache), *job],
            root / "report.json",
        ),
    }
    for label, result in results.items():
        print(line(label, count, megabytes, result), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=None, help="default: all cores")
    parser.add_argument("--keep", type=Path, help="generate into (and reuse) this folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-scale-") as scratch:
        root = options.keep or Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        cold: dict[int, float] = {}
        for count in options.counts:
            cold[count] = bench(root, count, options.jobs)["cold"].seconds
        if len(cold) > 1:
            small, large = min(cold), max(cold)
            print(f"time({large:,}) / time({small:,}) cold = {cold[large] / cold[small]:.1f}")


if __name__ == "__main__":
    main()
