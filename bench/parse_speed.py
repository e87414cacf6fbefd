"""The parse is the expensive part: the whole pipeline against the bare parse, on real news.

Reads the ECB+ development articles from `../shared/eval/ecbplus-dev/` relative to the
repository (third-party text, measured here, never copied in) and prints, on this machine:

- the bare parse: spaCy's `nlp.pipe` over every article's whole text, with the components the
  checker loads, in two processes (`n_process=2`), as the pipeline's `--jobs 2` has two;
- the whole pipeline, cold: `checker check FOLDER --jobs 2 --format json --no-cache` in a fresh
  process (start-up, loading, parse of the claim-bearing sentences, extraction, rules, report).

    .venv/bin/python bench/parse_speed.py [--repeat N]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.nlp import load_model  # noqa: E402

FOLDER = REPO.parent / "shared" / "eval" / "ecbplus-dev"


def _bare_parse(texts: list[str]) -> float:
    nlp = load_model()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=2):
        pass
    return time.perf_counter() - started


def _pipeline() -> float:
    checker = Path(sys.executable).with_name("checker")
    command = [str(checker), "check", str(FOLDER), "--jobs", "2", "--format", "json"]
    started = time.perf_counter()
    subprocess.run([*command, "--no-cache", "--fail-on", "never"], capture_output=True, check=False)
    return time.perf_counter() - started


def main(argv: list[str]) -> None:
    if not FOLDER.is_dir():
        print("ecbplus-dev: not found beside the checkout, skipped")
        return
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 1
    files = sorted(FOLDER.rglob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    bare = min(_bare_parse(texts) for _ in range(repeat))
    whole = min(_pipeline() for _ in range(repeat))
    print(f"ECB+ dev: {len(files)} articles, {megabytes:.2f} MB")
    print(f"bare parse (nlp.pipe, 2 processes): {bare:6.1f} s  {megabytes / bare:.3f} MB/s")
    print(f"whole pipeline (check --jobs 2):    {whole:6.1f} s  {megabytes / whole:.3f} MB/s")
    print(f"pipeline / bare parse: {whole / bare:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
