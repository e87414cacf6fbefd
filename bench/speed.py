"""Throughput of loading plus extraction, in MB of article text per second, on one core.

The seed corpus (`../shared/corpus/seeds-dated` beside the repository; `fixtures/example` when
it is absent) is copied into a temporary folder, repeated until it reaches about 10 MB, then
loaded with `checker.load` and run through `checker.extract.extract_article` in this process.
The inputs are never written to. Prints figures only; the target (2 MB/s) is for a person to
compare against.

    python bench/speed.py [--megabytes 10] [--source FOLDER]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.extract import extract_article  # noqa: E402
from checker.load import ARTICLE_SUFFIXES, load  # noqa: E402

SEEDS = REPO.parent / "shared" / "corpus" / "seeds-dated"
EXAMPLE = REPO / "fixtures" / "example"


def _sources(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)


def _replicate(sources: list[Path], target_bytes: int, into: Path) -> int:
    """Copy `sources` into `into` round after round until `target_bytes`; returns the bytes."""
    total = 0
    round_number = 0
    while total < target_bytes:
        folder = into / f"round-{round_number:05d}"
        folder.mkdir()
        for source in sources:
            shutil.copyfile(source, folder / source.name)
            total += source.stat().st_size
        round_number += 1
    return total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--source", type=Path, default=None)
    args = parser.parse_args(argv)
    source = args.source or (SEEDS if SEEDS.is_dir() else EXAMPLE)
    sources = _sources(source)
    if not sources:
        raise SystemExit(f"no articles in {source}")
    with tempfile.TemporaryDirectory(prefix="checker-speed-") as temp:
        size = _replicate(sources, int(args.megabytes * 1024 * 1024), Path(temp))
        started = time.perf_counter()
        loaded = load([temp])
        loaded_at = time.perf_counter()
        claims = sum(len(extract_article(article)) for article in loaded.articles)
        finished = time.perf_counter()
    megabytes = size / (1024 * 1024)
    seconds = finished - started
    print(f"source    {source.name}")
    print(f"articles  {len(loaded.articles)}")
    print(f"claims    {claims}")
    print(f"MB        {megabytes:.2f}")
    print(f"load s    {loaded_at - started:.2f}")
    print(f"extract s {finished - loaded_at:.2f}")
    print(f"seconds   {seconds:.2f}")
    print(f"MB/s      {megabytes / seconds:.2f}")


if __name__ == "__main__":
    main()
