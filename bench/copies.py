"""How time and memory grow on inputs nobody designed for: archives of copies, and one huge article.

- An archive of near-duplicates (`bench.near_duplicates`: one wire story republished with its
  figures, dates and credits changed) at 300, 1,000 and 3,000 articles: time per article
  should stay flat as the archive grows, and so should memory per article.
- One article of 1, 3 and 10 MB (a copy of that story repeated), read with the size limit
  raised to let it in.

Each input is checked in a fresh process (so that peak memory is that input's), timed stage by
stage: loading, extraction, then rules and the JSON report together (written to /dev/null),
which should stay well under extraction. Figures only: nothing here passes or fails.

    python -m bench.copies [--counts 300 1000 3000] [--sizes 1 3 10] [--jobs J]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a script: make `bench` importable from the repo
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.near_duplicates import copy, write_copies


def measure(folder: Path, jobs: int, max_article_kb: int) -> dict[str, float]:
    """Check `folder` in this process; seconds per stage, peak memory, findings."""
    from checker.engine import CheckSettings, build_report, check_extraction, extract_all
    from checker.gc_pause import paused
    from checker.load import load
    from checker.report import json as json_report

    with paused():  # as the command line runs
        started = time.perf_counter()
        loaded = load([folder], max_article_kb=max_article_kb)
        loaded_at = time.perf_counter()
        extraction = extract_all(loaded, jobs=jobs)
        extracted_at = time.perf_counter()
        findings, diagnostics = check_extraction(extraction, CheckSettings(jobs=jobs))
        report = build_report(extraction, findings, diagnostics)
        with open(os.devnull, "w", encoding="utf-8") as sink:
            json_report.write(report, sink)
        done_at = time.perf_counter()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "articles": len(extraction.articles),
        "megabytes": sum(len(a.body.encode()) for a in extraction.articles) / 1e6,
        "load": loaded_at - started,
        "extract": extracted_at - loaded_at,
        "rules_report": done_at - extracted_at,
        "peak_mb": own / 1024,  # kilobytes on Linux
        "worker_peak_mb": workers / 1024,
        "findings": len(report.findings),
    }


def _in_fresh_process(folder: Path, jobs: int, max_article_kb: int) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.copies", "--measure", str(folder)]
    command += ["--jobs", str(jobs), "--max-article-kb", str(max_article_kb)]
    root = Path(__file__).resolve().parents[1]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=root)
    result: dict[str, float] = json.loads(output.stdout.strip().splitlines()[-1])
    return result


def _big_article(folder: Path, megabytes: int) -> None:
    rng = random.Random(megabytes)
    parts: list[str] = []
    size = 0
    while size < megabytes * 1024 * 1024:
        body = copy(rng, len(parts)).split("---\n\n", 1)[1]
        parts.append(body)
        size += len(body)
    front = "---\ntitle: Storm Kiran, every update\ndate: 2026-03-20\n---\n\n"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "everything.md").write_text(front + "\n".join(parts), encoding="utf-8")


def _line(label: str, figures: dict[str, float]) -> str:
    per_article = (figures["load"] + figures["extract"] + figures["rules_report"]) / max(
        1, figures["articles"]
    )
    share = figures["rules_report"] / max(figures["extract"], 1e-9)
    return (
        f"{label:<24} {figures['megabytes']:6.2f} MB  load {figures['load']:6.2f} s"
        f"  extract {figures['extract']:7.2f} s  rules+report {figures['rules_report']:6.2f} s"
        f" ({share:4.0%} of extract)  {per_article * 1000:7.1f} ms/article"
        f"  peak {figures['peak_mb']:5.0f} MB (workers {figures['worker_peak_mb']:4.0f} MB)"
        f"  {figures['findings']:6.0f} findings"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="*", default=[300, 1000, 3000])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 3, 10], help="MB")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--max-article-kb", type=int, default=200, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure is not None:
        print(json.dumps(measure(options.measure, options.jobs, options.max_article_kb)))
        return
    with tempfile.TemporaryDirectory(prefix="checker-copies-") as scratch:
        for count in options.counts:
            folder = Path(scratch) / f"copies-{count}"
            write_copies(folder, count)
            figures = _in_fresh_process(folder, options.jobs, 200)
            print(_line(f"{count:,} copies", figures), flush=True)
        for megabytes in options.sizes:
            folder = Path(scratch) / f"article-{megabytes}mb"
            _big_article(folder, megabytes)
            figures = _in_fresh_process(folder, 1, megabytes * 1024 + 1024)
            print(_line(f"one article of {megabytes} MB", figures), flush=True)


if __name__ == "__main__":
    main()
