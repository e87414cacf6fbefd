"""Extraction over many articles in worker processes (`--jobs N`).

Extraction is pure CPU work per article and dominates a large run, so it is the part worth
spreading over cores. Articles go to a `ProcessPoolExecutor` in chunks (pickling one article at a
time would cost more than small articles take to extract) and come back in input order, so the
output is the same, byte for byte, as an in-process run. Small runs stay in-process: starting
workers costs about a second (each imports pydantic, pint and the data tables), more than
extracting a few dozen articles.

The worker function is a module-level function of picklable arguments, so the pool works with
the "spawn" start method (macOS, Windows) as well as "fork".

A run that stops early (a signal, see `checker.interrupt`; an error; a caller that stops reading)
kills its workers instead of letting the pool's shutdown wait for every queued chunk.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from checker.extract import extract_article
from checker.interrupt import ignored_in_workers
from checker.models import Article, Claim

__all__ = ["MIN_PARALLEL_FILES", "Outcome", "default_jobs", "extract_many", "extract_one"]

# Below this many articles a pool costs more than it saves.
MIN_PARALLEL_FILES = 50
# Articles per task: large enough to amortise pickling, small enough to balance the workers.
MAX_CHUNK = 64
# Seconds between a worker's checks that the process that started it is still there.
PARENT_CHECK = 0.5

Extractor = Callable[[Article], list[Claim]]
# One article's result: its claims, or the repr of the error that stopped its extraction.
Outcome = tuple[list[Claim], str | None]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_one(article: Article, extract: Extractor = extract_article) -> Outcome:
    """Claims of one article; an error is returned, not raised, so one bad article ends nothing."""
    try:
        return extract(article), None
    except Exception as error:
        return [], repr(error)


def _exit_with(parent: int) -> None:
    """Worker initializer: the worker ends soon after the process that started it is gone, and
    leaves SIGINT and SIGTERM to the main process (`ignored_in_workers`).

    A worker waits on its task queue, whose writing end its siblings hold too: when the parent
    is killed outright (SIGKILL, the out-of-memory killer) no end-of-file ever comes, and the
    workers would stay, busy or waiting, long after the run."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(1)

    ignored_in_workers()
    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _extract_chunk(extract: Extractor, articles: Sequence[Article]) -> list[Outcome]:
    return [extract_one(article, extract) for article in articles]


def _chunks(articles: Sequence[Article], jobs: int) -> list[Sequence[Article]]:
    size = max(1, min(MAX_CHUNK, len(articles) // (jobs * 4) or 1))
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def extract_many(
    articles: Sequence[Article],
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    extract: Extractor = extract_article,
) -> Iterator[Outcome]:
    """One outcome per article, in input order; in worker processes when it pays.

    `jobs` None means all cores; 1 (or fewer than MIN_PARALLEL_FILES articles) means in-process.
    `progress` is told how many articles are done. `extract` must be a module-level function
    (it is pickled by name for the workers).
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(articles) < MIN_PARALLEL_FILES:
        for done, article in enumerate(articles, start=1):
            if progress is not None:
                progress(done)
            yield extract_one(article, extract)
        return
    done = 0
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_exit_with, initargs=(os.getpid(),))
    try:
        # `map` yields results in submission order: deterministic output whatever finishes first.
        for outcomes in pool.map(partial(_extract_chunk, extract), _chunks(articles, jobs)):
            for outcome in outcomes:
                done += 1
                if progress is not None:
                    progress(done)
                yield outcome
    except BaseException:  # Interrupted, GeneratorExit, an error: nothing more is wanted
        _kill(pool)
        raise
    pool.shutdown()


def _kill(pool: ProcessPoolExecutor) -> None:
    """End the pool now: a plain shutdown would wait for every chunk already queued."""
    # The executor has no public way to reach its processes; `_processes` is None once shut down.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=1)
