"""`checker check --engine dask [--scheduler ADDRESS]`: extraction on a Dask cluster.

Needs the optional extra: `pip install 'checker[dask]'`. Files are read and parsed where the
command runs (so excludes, front matter and diagnostics behave exactly as locally); the articles
go to the cluster in chunks, each worker extracts claims and computes the table-normalized
subject key of each figure, and the claims come back in input order. Grouping (whose fuzzy step
depends on the order figures are seen) and the rules then run here, exactly as in the local
engine, which is what makes findings and fingerprints identical. Extraction is where the time
goes (see docs/scale.md), so that is the part worth spreading.

Without an address a `LocalCluster` is started for the run (one single-threaded worker process
per core: extraction is pure Python and holds the GIL). With `--scheduler tcp://host:8786` the
run joins an existing cluster, whose workers must have the same version of `checker`
installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from checker.engine import CheckSettings, Extraction, build_report, check_extraction
from checker.errors import CheckerError
from checker.group import subject_key
from checker.load import LoadResult, load
from checker.models import Article, Diagnostic, Figure, Report
from checker.parallel import Outcome, default_jobs, extract_one

__all__ = ["DaskUnavailableError", "check_paths_dask", "extract_dask"]

# Articles per task: a task should take a good fraction of a second, or scheduling dominates.
CHUNK = 100

# Per figure of a chunk, its table-normalized subject key (None: no subject).
Keys = list[tuple[str, ...] | None]


class DaskUnavailableError(CheckerError):
    """`--engine dask` without the `dask` extra installed."""


def _extract_chunk(articles: Sequence[Article]) -> tuple[list[Outcome], Keys]:
    """Runs on a worker: each article's claims, and the subject key of each figure."""
    outcomes = [extract_one(article) for article in articles]
    keys: Keys = [
        subject_key(claim)
        for claims, _ in outcomes
        for claim in claims
        if isinstance(claim, Figure)
    ]
    return outcomes, keys


@contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise DaskUnavailableError(
            "--engine dask needs the dask extra: pip install 'checker[dask]'"
        ) from error
    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    count = workers or default_jobs()
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def extract_dask(
    loaded: LoadResult,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[Extraction, dict[str, int]]:
    """The same `Extraction` as `engine.extract_all(loaded)`, computed on a Dask cluster.

    Also returns how many figures each table-normalized subject key has (computed on the
    workers), a cheap picture of how the work of the rules will be spread.
    """
    result = Extraction(articles=list(loaded.articles), diagnostics=list(loaded.diagnostics))
    articles = loaded.articles
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    sizes: dict[str, int] = {}
    with _client(scheduler, workers) as client:
        futures = client.map(_extract_chunk, chunks, pure=False)
        done = 0
        # Gathered in submission order: the output never depends on which worker finished first.
        for chunk, future in zip(chunks, futures, strict=True):
            outcomes, keys = future.result()
            for article, (claims, error) in zip(chunk, outcomes, strict=True):
                if error is not None:
                    result.diagnostics.append(
                        Diagnostic(path=article.path, message=f"extraction failed: {error}")
                    )
                else:
                    result.claims.extend(claims)
            for key in keys:
                if key is not None:
                    label = "|".join(key)
                    sizes[label] = sizes.get(label, 0) + 1
            done += len(chunk)
            if progress is not None:
                progress(done)
    return result, sizes


def check_paths_dask(
    paths: Sequence[str | Path],
    *,
    settings: CheckSettings | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """`engine.check_paths` with extraction on a Dask cluster; the same report."""
    settings = settings or CheckSettings()
    loaded = load(paths, excludes=settings.excludes)
    extraction, _ = extract_dask(
        loaded, scheduler=scheduler, workers=workers or settings.jobs, progress=progress
    )
    findings, diagnostics = check_extraction(extraction, settings)
    return build_report(extraction, findings, diagnostics)
