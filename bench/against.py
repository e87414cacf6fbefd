"""Time the editor's check of one draft against archives of growing size, cold and warm.

    python -m bench.against [--counts 1000 10000] [--jobs 2] [--keep DIR]

For each size a synthetic archive (`bench.corpus`) is written and checked against once cold
(its cache built), then the draft is checked warm: through the archive index (what
`checker check DRAFT --against ARCHIVE` does) and, for comparison up to `--whole-up-to`
articles, reading the whole archive from the cache (what it did before the index); the two
must find the same. "Work" is the time
of the check in a process that has already loaded the English model; "command" is the whole
`checker check` command in a fresh process, start-up included. With `--keep DIR` the archives
and their cache stay in DIR, so a later run skips the cold builds. The user's cache is never
used or touched.

Any change to the checker's sources makes the kept caches stale (the extraction version hashes
them), and a cold build of 10,000 articles takes minutes. To measure a change that does not
touch extraction, `--reuse-cache` opens each kept cache with the version it was built with
(`bench.pinned`): the first check then only brings the index up to date (its time is printed
as "first" instead of "cold").
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a script: make `bench` and `checker` importable from the repo
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import article, world, write_archive
from bench.pinned import pin, stamped
from checker.against import LocalStep, check_against
from checker.engine import CheckSettings
from checker.models import Report

REPEATS = 3


def timed(run: object, repeats: int = REPEATS) -> tuple[float, Report]:
    """The median time of `repeats` calls of `run` and its last report."""
    times: list[float] = []
    report: Report | None = None
    for _ in range(repeats):
        start = time.perf_counter()
        report = run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    assert report is not None
    return statistics.median(times), report


def command_seconds(draft: Path, archive: Path, cache: Path, pinned: str | None) -> float:
    checker = ["checker"] if pinned is None else ["bench.pinned", pinned]
    command = [sys.executable, "-m", *checker, "check", str(draft), "--against", str(archive)]
    command += ["--cache-dir", str(cache), "--format", "json", "--fail-on", "never"]
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(root: Path, count: int, jobs: int, whole_up_to: int, reuse: bool) -> None:
    archive = root / f"archive-{count}"
    if not archive.exists():
        write_archive(archive, count)
    draft = root / "drafts" / "draft.md"
    draft.parent.mkdir(exist_ok=True)
    # A draft that retells some of the archive's stories, as an editor's draft would.
    draft.write_text(article(random.Random(99), count, world(count, 7)), encoding="utf-8")
    cache = root / f"cache-{count}"
    pinned = stamped(cache) if reuse else None
    if pinned is not None:
        pin(pinned)
    settings = CheckSettings(jobs=jobs)
    start = time.perf_counter()
    check_against([draft], archive, cache_dir=cache, settings=settings)
    cold = time.perf_counter() - start
    indexed, report = timed(
        lambda: check_against([draft], archive, cache_dir=cache, settings=settings)
    )
    command = command_seconds(draft, archive, cache, pinned)
    first = "cold " if pinned is None else "first"
    line = (
        f"{count:>6,} archive articles  {first} {cold:7.1f} s   warm work {indexed:6.3f} s"
        f"   warm command {command:5.2f} s   {len(report.findings)} findings"
    )
    if count <= whole_up_to:
        whole, whole_report = timed(
            lambda: check_against(
                [draft], archive, cache_dir=cache, settings=settings, extract=LocalStep(jobs)
            ),
            repeats=1,
        )
        same = [f.model_dump_json() for f in report.findings] == [
            f.model_dump_json() for f in whole_report.findings
        ]
        line += f"   whole-archive warm work {whole:6.2f} s"
        line += "" if same else "  DIFFERENT FROM WHOLE"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path)
    # Reading the whole archive is slow on large ones: compared up to this size only.
    parser.add_argument("--whole-up-to", type=int, default=1000)
    parser.add_argument("--reuse-cache", action="store_true", help="see the module")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as scratch:
        root = options.keep or Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        for count in options.counts:
            measure(root, count, options.jobs, options.whole_up_to, options.reuse_cache)


if __name__ == "__main__":
    main()
