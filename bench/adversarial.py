"""Extraction speed on adversarial text: runs of digits, separators and spaces, 1 MB each.

Regexes over numbers are where catastrophic backtracking hides ("1,000,000" vs "1,0,0,0,..."),
and per-sentence work that rescans the sentence hides where a "sentence" never ends. Each
pattern below is repeated to the requested size, as one line with no sentence end unless the
pattern has one, and run through `checker.extract.extract` in this process. Prints seconds and
MB/s per pattern; a pattern slower than --limit seconds is stopped and reported as such, so a
pathological case shows up instead of hanging the benchmark.

    python bench/adversarial.py [--megabytes 1] [--limit 120] [--only NAME]
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# name -> unit repeated to the size. Written for this benchmark: numbers in every spelling the
# number reader accepts, glued together so that each separator could continue the previous one.
PATTERNS: dict[str, str] = {
    "digits": "9",
    "digits-spaced": "1 ",
    "thousands-commas": "1,",
    "thousands-dots": "1.",
    "thousands-spaces": "000 ",
    "thin-spaces": "000\u2009",
    "mixed-separators": "1,2.3 4'5-",
    "decimal-chains": "1.5.",
    "ranges": "10-20-",
    "slashes": "1/2/",
    "percent-signs": "5% ",
    "currency": "$1 ",
    "scale-words": "1 million ",
    "number-words": "twenty one thousand and ",
    "ordinals": "1st 2nd ",
    "dates": "12 March 2024 ",
    "times": "12:30:",
    "years": "1999 2000 ",
    "parentheses": "(1 ",
    "quotes": '"1 ',
    "dashes": "—1 ",
    "compound-measures": "6 ft 8 in 6′8″ 3 dollars 50 cents ",
    "written-numbers": "one in three minus five point five hundreds of ",
    "deictic-dates": "on Tuesday last June Q3 2024 the 1890s ",
    "scores-and-labels": "52-3 45-7-2 page 4 No. 7 ",
    "ranks": "11th largest came fifth ",
    "many-sentences": "It rose 4,000. ",
    "spaces": " ",
    "newlines": "1\n",
}
PUBLISHED = dt.date(2024, 5, 1)


def build(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _run(text: str, results: multiprocessing.Queue[float]) -> None:
    from checker.extract import extract

    started = time.perf_counter()
    extract(text, PUBLISHED)
    results.put(time.perf_counter() - started)


def measure(text: str, limit: float) -> float | None:
    """Seconds to extract `text` in a child process, or None if it took longer than `limit`."""
    results: multiprocessing.Queue[float] = multiprocessing.Queue()
    child = multiprocessing.Process(target=_run, args=(text, results))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return results.get() if child.exitcode == 0 and not results.empty() else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per pattern")
    parser.add_argument("--only", action="append", help="run only these patterns")
    args = parser.parse_args(argv)
    size = int(args.megabytes * 1024 * 1024)
    names = args.only or list(PATTERNS)
    print(f"{'pattern':<20} {'seconds':>9} {'MB/s':>8}")
    slow = 0
    for name in names:
        text = build(PATTERNS[name], size)
        seconds = measure(text, args.limit)
        if seconds is None:
            slow += 1
            print(f"{name:<20} {'>' + format(args.limit, '.0f'):>9} {'(stopped)':>8}")
        elif seconds != seconds:  # NaN: the child failed
            slow += 1
            print(f"{name:<20} {'failed':>9}")
        else:
            rate = len(text.encode("utf-8")) / (1024 * 1024) / max(seconds, 1e-9)
            print(f"{name:<20} {seconds:>9.2f} {rate:>8.2f}")
        sys.stdout.flush()
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
