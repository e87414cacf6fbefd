"""`checker check --engine dask [--scheduler ADDRESS]`: extraction and grouping on a Dask cluster.

Needs the optional extra: `pip install 'checker[dask]'`. Files are read and parsed where the
command runs (so excludes, front matter and diagnostics behave exactly as locally); the articles
go to the cluster as a `dask.bag` in partitions of `CHUNK`, each numbered by its input order.

On the cluster: each worker extracts the claims of its partition (kept in worker memory), then
computes the raw subject key (`group.raw_key`: table-normalized words, their `known` flags,
owners, dimension) of each figure, and `foldby` groups the figures by raw key across partitions,
sending only (raw key, figure position) pairs between workers. On the client: the claims come
back in input order (the rules need them all), and `group.groups_from_raw` does the fuzzy step
once per distinct raw key, in the order of its first figure, and merges raw groups that resolve
alike. That is exactly what `group_figures` computes locally, so findings and fingerprints are
the same as the local engine's. Then the rules run on the client with those groups.

Without an address a `LocalCluster` is started for the run (one single-threaded worker process
per core: extraction is pure Python and holds the GIL). With `--scheduler tcp://host:8786` the
run joins an existing cluster, whose workers must have the same version of `checker`
installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from checker.engine import CheckSettings, Extraction, build_report, check_extraction
from checker.errors import CheckerError
from checker.group import RawKey, SubjectGroup, groups_from_raw, raw_key
from checker.load import LoadResult, load
from checker.models import Article, Diagnostic, Figure, Report
from checker.parallel import Outcome, default_jobs, extract_one

__all__ = ["DaskUnavailableError", "check_paths_dask", "extract_dask"]

# Articles per partition: a task should take a good fraction of a second, or scheduling dominates.
CHUNK = 100

# Where a figure is: (index of its article in the input, its position among that article's figures).
Position = tuple[int, int]


class DaskUnavailableError(CheckerError):
    """`--engine dask` without the `dask` extra installed."""


def _extract_partition(indexed: Iterable[tuple[int, Article]]) -> list[tuple[int, Outcome]]:
    """Runs on a worker: each article's claims (or its error), with the article's index."""
    return [(index, extract_one(article)) for index, article in indexed]


def _keyed_figures(extracted: Iterable[tuple[int, Outcome]]) -> list[tuple[RawKey, Position]]:
    """Runs on a worker, next to the claims it extracted: each figure's raw key and position.

    Positions follow the local engine's figure list: only articles that extracted, figures in
    claim order; a figure that names no subject keeps its position but has no key.
    """
    keyed: list[tuple[RawKey, Position]] = []
    for index, (claims, error) in extracted:
        if error is not None:
            continue
        figures = (claim for claim in claims if isinstance(claim, Figure))
        for position, figure in enumerate(figures):
            key = raw_key(figure)
            if key is not None:
                keyed.append((key, (index, position)))
    return keyed


def _add(positions: list[Position], item: tuple[RawKey, Position]) -> list[Position]:
    positions.append(item[1])  # the accumulator is this fold's own fresh list
    return positions


def _concat(first: list[Position], second: list[Position]) -> list[Position]:
    return first + second  # a new list: a task must not change its inputs


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
    chunk: int = CHUNK,
) -> tuple[Extraction, list[SubjectGroup]]:
    """The same `Extraction` as `engine.extract_all(loaded)` and the same subject groups as
    `group_figures` of its figures, with extraction and grouping by raw key on a Dask cluster.
    """
    import dask.bag as db  # present whenever `_client` found `distributed`

    result = Extraction(articles=list(loaded.articles), diagnostics=list(loaded.diagnostics))
    with _client(scheduler, workers) as client:
        articles = db.from_sequence(  # type: ignore[no-untyped-call]
            list(enumerate(loaded.articles)), partition_size=chunk
        )
        # Persisted: the claims stay on the workers, for the grouping and for the client.
        extracted = client.persist(articles.map_partitions(_extract_partition))
        folded = client.compute(
            extracted.map_partitions(_keyed_figures).foldby(0, _add, list, _concat, list)
        )
        parts = client.compute(extracted.to_delayed())
        figures: list[Figure] = []
        first_figure: dict[int, int] = {}  # article index -> global index of its first figure
        done = 0
        # Gathered in input order: the output never depends on which worker finished first.
        for part in parts:
            outcomes: list[tuple[int, Outcome]] = part.result()
            for index, (claims, error) in outcomes:
                article = loaded.articles[index]
                if error is not None:
                    result.diagnostics.append(
                        Diagnostic(path=article.path, message=f"extraction failed: {error}")
                    )
                    continue
                result.claims.extend(claims)
                first_figure[index] = len(figures)
                figures.extend(claim for claim in claims if isinstance(claim, Figure))
            done += len(outcomes)
            if progress is not None:
                progress(done)
        raw_groups: list[tuple[tuple[Any, ...], list[Position]]] = folded.result()
    # A raw key that crossed workers may arrive as a plain tuple (the same hash and equality,
    # so the fold grouped it right); it is a `RawKey` again for the fuzzy step.
    groups = groups_from_raw(
        (
            RawKey(*raw),
            [(first_figure[a] + p, figures[first_figure[a] + p]) for a, p in positions],
        )
        for raw, positions in raw_groups
    )
    return result, groups


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
    extraction, groups = extract_dask(
        loaded, scheduler=scheduler, workers=workers or settings.jobs, progress=progress
    )
    findings, diagnostics = check_extraction(extraction, settings, groups=groups)
    return build_report(extraction, findings, diagnostics)
