"""Where extraction time goes, by extractor, and how the regexes fare on adversarial input.

Runs the pipeline of `checker.extract.extract_sentences` by hand over the seed corpus (repeated
to `--megabytes`), timing each stage on its own, so that a slow extractor shows up by name
rather than as a share of one total. Then times extraction of hostile texts (long runs of digits,
separators and spaces; one very long sentence) at two sizes: a regex that backtracks shows up as
a ratio far above the size ratio. Prints figures only.

    python bench/stage_profile.py [--megabytes 2] [--source FOLDER] [--skip-adversarial]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.extract import extract  # noqa: E402
from checker.extract.attribution import find_attributions, source_for  # noqa: E402
from checker.extract.context import ArticleContext  # noqa: E402
from checker.extract.dates import find_dates  # noqa: E402
from checker.extract.figures import find_figures  # noqa: E402
from checker.extract.numbers import find_numbers  # noqa: E402
from checker.extract.people import find_people  # noqa: E402
from checker.extract.sentences import split_sentences  # noqa: E402
from checker.extract.timex import find_times  # noqa: E402
from checker.load import ARTICLE_SUFFIXES, load  # noqa: E402
from checker.models import Article  # noqa: E402

SEEDS = REPO.parent / "shared" / "corpus" / "seeds-dated"
EXAMPLE = REPO / "fixtures" / "example"


def _articles(source: Path, megabytes: float) -> tuple[list[Article], int]:
    files = sorted(p for p in source.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
    loaded = load([str(p) for p in files]).articles
    size = sum(len(a.body.encode()) for a in loaded)
    if not loaded or size == 0:
        raise SystemExit(f"no articles in {source}")
    rounds = max(1, round(megabytes * 1024 * 1024 / size))
    return list(loaded) * rounds, size * rounds


def _profile(articles: list[Article]) -> dict[str, float]:
    spent: dict[str, float] = defaultdict(float)
    clock = time.perf_counter
    for article in articles:
        started = clock()
        sentences = split_sentences(article.body, article.line_numbers)
        spent["sentences"] += clock() - started
        context = ArticleContext(path=article.path, published=article.date)
        for sentence in sentences:
            t0 = clock()
            find_people(sentence, context)
            t1 = clock()
            attributions = find_attributions(sentence, context)
            source = source_for(sentence, attributions, context)
            t2 = clock()
            find_figures(sentence, context, source)
            t3 = clock()
            find_dates(sentence, context, source)
            t4 = clock()
            spent["people"] += t1 - t0
            spent["attribution"] += t2 - t1
            spent["figures"] += t3 - t2
            spent["dates"] += t4 - t3
    return spent


def _sub_profile(articles: list[Article]) -> dict[str, float]:
    """The shared readers on their own (their caches cleared between articles would lie less,
    but the pipeline shares them too, so this is their cost when called first)."""
    spent: dict[str, float] = defaultdict(float)
    clock = time.perf_counter
    for article in articles:
        for sentence in split_sentences(article.body, article.line_numbers):
            t0 = clock()
            find_numbers(sentence.text)
            t1 = clock()
            find_times(sentence.text, article.date)
            t2 = clock()
            spent["numbers"] += t1 - t0
            spent["timex"] += t2 - t1
    return spent


def _timed_extract(text: str) -> float:
    started = time.perf_counter()
    extract(text)
    return time.perf_counter() - started


_ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "7" * n,
    "digits+separators": lambda n: ("1,2.3-4 5/6:" * (n // 12 + 1))[:n],
    "digits+spaces": lambda n: ("12 " * (n // 3 + 1))[:n],
    "spaces": lambda n: " " * n,
    "capitals": lambda n: ("Aa Bb " * (n // 6 + 1))[:n],
    "quotes": lambda n: ('"a ' * (n // 3 + 1))[:n],
    "one sentence": lambda n: (
        ("Officials of the Ministry said that nearly 1,200 people, according to Reuters, ")
        * (n // 80 + 1)
    ),
    "month words": lambda n: ("in May 5 and June 2020 " * (n // 23 + 1))[:n],
}


def _adversarial(small: int, large: int) -> None:
    print(f"\nadversarial input: seconds at {small // 1024} KB and {large // 1024} KB")
    for name, make in _ADVERSARIAL.items():
        first = _timed_extract(make(small))
        second = _timed_extract(make(large))
        ratio = second / first if first > 0 else float("inf")
        flag = "  SUPERLINEAR?" if ratio > 3 * large / small else ""
        print(f"  {name:20s} {first:8.3f} {second:8.3f}  x{ratio:6.1f}{flag}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--source", type=Path, default=None)
    parser.add_argument("--skip-adversarial", action="store_true")
    parser.add_argument("--small-kb", type=int, default=25)
    parser.add_argument("--large-kb", type=int, default=100)
    args = parser.parse_args(argv)
    source = args.source or (SEEDS if SEEDS.is_dir() else EXAMPLE)
    articles, size = _articles(source, args.megabytes)
    _profile(articles[:10])  # warm the caches: pint, word lists, compiled patterns
    spent = _profile(articles)
    total = sum(spent.values())
    megabytes = size / (1024 * 1024)
    print(f"{len(articles)} articles, {megabytes:.2f} MB of body text, {total:.2f} s")
    print(f"{'stage':12s} {'seconds':>8s} {'share':>6s}")
    for stage, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"{stage:12s} {seconds:8.2f} {seconds / total:6.1%}")
    print(f"{'MB/s':12s} {megabytes / total:8.2f}")
    print("\nshared readers, uncached first call (already inside the stages above):")
    for stage, seconds in _sub_profile(articles).items():
        print(f"{stage:12s} {seconds:8.2f}")
    if not args.skip_adversarial:
        _adversarial(args.small_kb * 1024, args.large_kb * 1024)


if __name__ == "__main__":
    main()
