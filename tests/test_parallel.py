"""`checker.parallel`: extraction in worker processes gives exactly the in-process result."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import write_archive
from checker import parallel
from checker.against import extract_with_cache
from checker.cache import ExtractionCache
from checker.engine import extract_all
from checker.load import load
from checker.models import Article, Claim


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "archive"
    write_archive(folder, parallel.MIN_PARALLEL_FILES + 10, seed=3)
    return folder


class NoPool:
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started")


def test_workers_give_the_in_process_result_in_order(archive: Path) -> None:
    loaded = load([archive])
    alone = extract_all(loaded, jobs=1)
    spread = extract_all(loaded, jobs=2)
    assert alone.claims, "the generated archive should carry claims"
    assert spread.claims == alone.claims
    assert spread.diagnostics == alone.diagnostics


def test_progress_counts_every_article(archive: Path) -> None:
    loaded = load([archive])
    seen: list[int] = []
    list(parallel.extract_many(loaded.articles, 2, seen.append))
    assert seen == list(range(1, len(loaded.articles) + 1))


def test_small_runs_and_one_job_stay_in_process(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoPool)
    articles = load([archive]).articles
    few = articles[: parallel.MIN_PARALLEL_FILES - 1]
    assert len(list(parallel.extract_many(few, 4))) == len(few)
    assert len(list(parallel.extract_many(articles, 1))) == len(articles)
    with pytest.raises(AssertionError, match="pool"):
        list(parallel.extract_many(articles, 2))


def test_an_error_is_an_outcome_not_an_exception(archive: Path) -> None:
    def broken(article: Article) -> list[Claim]:
        raise ValueError("bad input")

    articles = load([archive]).articles[:3]
    outcomes = list(parallel.extract_many(articles, 1, extract=broken))
    assert outcomes == [([], "ValueError('bad input')")] * 3


def test_cache_misses_only_go_to_the_workers(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = load([archive])
    expected = extract_all(loaded, jobs=1)
    with ExtractionCache.open(tmp_path / "cache") as cache:
        cold = extract_with_cache(loaded, cache, jobs=2)
        assert len(cache) == len(loaded.articles)
        # Warm: every article is a hit, so no pool may start even with many articles.
        monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoPool)
        warm = extract_with_cache(loaded, cache, jobs=2)
    assert cold.claims == warm.claims == expected.claims


def test_default_jobs_is_at_least_one() -> None:
    assert parallel.default_jobs() >= 1


def test_workers_started_by_spawn_work_too(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows start workers with "spawn": nothing may rely on fork's copied memory."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    spawn = partial(ProcessPoolExecutor, mp_context=multiprocessing.get_context("spawn"))
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", spawn)
    loaded = load([archive])
    assert extract_all(loaded, jobs=2).claims == extract_all(loaded, jobs=1).claims
