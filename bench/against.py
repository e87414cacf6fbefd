"""Time `check_against` with a cold and a warm extraction cache over a 1,000-article archive.

    python -m bench.against [ARCHIVE_DIR] [--count N]

Without ARCHIVE_DIR a synthetic archive is generated in a temporary folder. The cache always
lives in its own temporary folder, so the user's cache is neither used nor touched.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a script: make `bench` and `checker` importable from the repo
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import article, write_archive
from checker.against import check_against, extract_with_cache
from checker.cache import ExtractionCache
from checker.load import load


def timed(draft: Path, archive: Path, cache: Path) -> tuple[float, int]:
    start = time.perf_counter()
    report = check_against([draft], archive, cache_dir=cache)
    return time.perf_counter() - start, len(report.findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as scratch:
        root = Path(scratch)
        archive = options.archive
        if archive is None:
            archive = root / "archive"
            write_archive(archive, options.count)
        files = [p for p in archive.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        draft = root / "drafts" / "draft.md"
        draft.parent.mkdir()
        draft.write_text(article(random.Random(99), 0), encoding="utf-8")
        cache = root / "cache"
        cold, findings = timed(draft, archive, cache)
        warm, warm_findings = timed(draft, archive, cache)
        loaded = load([archive])
        with ExtractionCache.open(cache) as opened:
            start = time.perf_counter()
            extract_with_cache(loaded, opened)
            warm_extract = time.perf_counter() - start
        cache_size = sum(p.stat().st_size for p in cache.iterdir())
        print(f"archive articles  {len(files)}")
        print(f"archive MB        {size / 1e6:.2f}")
        print(f"cache MB          {cache_size / 1e6:.2f}")
        print(f"cold seconds      {cold:.3f}")
        print(f"warm seconds      {warm:.3f}")
        print(f"cold/warm ratio   {cold / warm:.1f}")
        print(f"warm archive extraction seconds  {warm_extract:.3f}")
        print(f"warm rules and loading seconds   {warm - warm_extract:.3f}")
        print(f"findings          {findings} / {warm_findings}")


if __name__ == "__main__":
    main()
