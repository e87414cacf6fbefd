"""`checker check --engine dask [--scheduler ADDRESS]`: extraction and grouping on a Dask cluster.

Needs the optional extra: `pip install 'newsroom-source-checker[dask]'`. Files are read and
parsed where the command runs (so excludes, front matter and diagnostics behave exactly as
locally); the articles go to the cluster as a `dask.bag` in partitions of `CHUNK`, each
numbered by its input order.

On the cluster: each worker extracts the claims of its partition (kept in worker memory), then
computes the raw key of each figure's frame (`group.raw_key`: attribute, predicate, unit
dimension and anchor names), and `foldby` groups the figures by raw key across partitions,
sending only (raw key, figure position) pairs between workers. On the client: the claims come
back in input order (the rules need them all), and `group.groups_from_raw` clusters the distinct
anchors of each block and merges the raw groups of one cluster. That is exactly what
`group_figures` computes locally, so findings and fingerprints are the same as the local
engine's. Then the rules run on the client with those groups.

With `--against` (`check_against_dask`), `against.check_against` does the loading, the cache,
the focus and the report exactly as for the local engine; only its extraction step is
`DaskStep`. The cache is read on the client and only its misses (and the checked articles,
never cached) go to the cluster, in one bag, so one fold covers every extracted figure. The
cached figures never travel: their raw keys are computed on the client and merged, key by
key, with the cluster's fold before `groups_from_raw`. Sending them to the cluster instead
would ship every cached claim back out on every warm run to save a cheap per-figure function;
merging is exact because `groups_from_raw` orders everything by global figure index, however
the raw groups were built. Fresh claims are stored in the cache on the client as they arrive,
and pruning is `check_against`'s own. A run with nothing to extract never starts or joins a
cluster.

Without an address a `LocalCluster` is started for the run (one single-threaded worker process
per core: extraction is pure Python and holds the GIL). With `--scheduler tcp://host:8786` the
run joins an existing cluster, whose workers must have the same version of `checker`
installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.against import Source, check_against
from checker.engine import (
    CheckSettings,
    Extraction,
    build_report,
    check_extraction,
    load_checked,
    report_subjects,
)
from checker.errors import CheckerError
from checker.figure_cap import cap_figures
from checker.group import RawKey, SubjectGroup, groups_from_raw, raw_key
from checker.load import LoadResult
from checker.models import Article, Claim, Diagnostic, Figure, Report
from checker.parallel import Outcome, default_jobs, extract_one

if TYPE_CHECKING:
    from checker.cache import ClaimStore

__all__ = [
    "DaskStep",
    "DaskUnavailableError",
    "check_against_dask",
    "check_paths_dask",
    "extract_dask",
]

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
            "--engine dask needs the dask extra: pip install 'newsroom-source-checker[dask]'"
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
    cache: ClaimStore | None = None,
) -> tuple[Extraction, list[SubjectGroup]]:
    """The same `Extraction` as `engine.extract_all(loaded, cache=cache)` and the same subject
    groups as `group_figures` of its figures, with extraction and grouping by raw key on a Dask
    cluster (only the cache misses go there).
    """
    step = DaskStep(scheduler=scheduler, workers=workers, chunk=chunk)
    (extraction,), groups = step([Source(loaded, cache)], progress)
    return extraction, groups


@dataclass(frozen=True)
class DaskStep:
    """The `against.ExtractStep` of `--engine dask`: every source's cache misses are extracted
    and keyed on the cluster in one pass; see the module docstring."""

    scheduler: str | None = None
    workers: int | None = None
    chunk: int = CHUNK

    def __call__(
        self, sources: Sequence[Source], progress: Callable[[int], None] | None
    ) -> tuple[list[Extraction], list[SubjectGroup]]:
        articles = [article for source in sources for article in source.loaded.articles]
        # Which source each article (by its index in `articles`) belongs to.
        owner = [number for number, s in enumerate(sources) for _ in s.loaded.articles]
        found: list[list[Claim] | None] = [None] * len(articles)
        pending: list[tuple[int, Article]] = []
        for index, article in enumerate(articles):
            cache = sources[owner[index]].cache
            hit = None if cache is None else cache.lookup(article)
            if hit is None:
                pending.append((index, article))
            found[index] = hit
        done = len(articles) - len(pending)
        if progress is not None and done:
            progress(done)

        failed: dict[int, str] = {}
        folded: list[tuple[tuple[Any, ...], list[Position]]] = []
        if pending:  # a warm run with nothing new never starts (or joins) a cluster
            with _client(self.scheduler, self.workers) as client:
                parts, fold = _submit(client, pending, self.chunk)
                # Gathered in input order: the output never depends on which worker finished first.
                for part in parts:
                    outcomes: list[tuple[int, Outcome]] = part.result()
                    for index, (claims, error) in outcomes:
                        if error is not None:  # one bad article must not end the run
                            failed[index] = error
                            continue
                        found[index] = claims
                        cache = sources[owner[index]].cache
                        if cache is not None:
                            cache.store(articles[index], claims)
                    done += len(outcomes)
                    if progress is not None:
                        progress(done)
                folded = fold.result()

        extractions = [
            Extraction(articles=list(s.loaded.articles), diagnostics=list(s.loaded.diagnostics))
            for s in sources
        ]
        dropped: set[int] = set()  # ids of the figures past the cap (`checker.figure_cap`)
        for index, article_claims in enumerate(found):
            result = extractions[owner[index]]
            if article_claims is not None:
                kept, note = cap_figures(article_claims, articles[index].path)
                result.claims.extend(kept)
                if note is not None:
                    result.diagnostics.append(note)
                    dropped |= {id(c) for c in article_claims} - {id(c) for c in kept}
            elif index in failed:
                message = f"extraction failed: {failed[index]}"
                result.diagnostics.append(Diagnostic(path=articles[index].path, message=message))
        for source, result in zip(sources, extractions, strict=True):
            if source.cache is not None:
                result.diagnostics.extend(source.cache.finish())
        return extractions, _groups(found, folded, {i for i, _ in pending}, dropped)


def _submit(client: Any, pending: list[tuple[int, Article]], chunk: int) -> tuple[list[Any], Any]:
    """Send `pending` to the cluster: futures of each partition's outcomes, in input order, and
    of the raw-key fold of their figures (computed next to the claims, on the workers)."""
    import dask.bag as db  # present whenever `_client` found `distributed`

    bag = db.from_sequence(pending, partition_size=chunk)  # type: ignore[no-untyped-call]
    # Persisted: the claims stay on the workers, for the grouping and for the client.
    extracted = client.persist(bag.map_partitions(_extract_partition))
    fold = client.compute(
        extracted.map_partitions(_keyed_figures).foldby(0, _add, list, _concat, list)
    )
    return client.compute(extracted.to_delayed()), fold


def _groups(
    found: Sequence[Sequence[Claim] | None],
    folded: Iterable[tuple[tuple[Any, ...], list[Position]]],
    extracted: set[int],
    dropped: set[int],
) -> list[SubjectGroup]:
    """`group_figures` of every found figure, in article order: the cluster's fold for the
    articles extracted there, raw keys computed here for the cache hits, merged by raw key.
    The fold's positions count every figure extracted; those in `dropped` (ids) are left out."""
    figures: list[Figure] = []
    first_figure: dict[int, int] = {}  # article index -> global index of its first figure
    raw_groups: dict[RawKey, list[tuple[int, Figure]]] = {}
    for index, claims in enumerate(found):
        if claims is None:
            continue
        first_figure[index] = len(figures)
        own = [claim for claim in claims if isinstance(claim, Figure)]
        if index not in extracted:  # a cache hit: keyed here, it never went to the cluster
            for position, figure in enumerate(own, start=len(figures)):
                key = raw_key(figure)
                if key is not None and id(figure) not in dropped:
                    raw_groups.setdefault(key, []).append((position, figure))
        figures.extend(own)
    # A raw key that crossed workers may arrive as a plain tuple (the same hash and equality,
    # so the fold grouped it right); it is a `RawKey` again for the clustering.
    for raw, positions in folded:
        members = raw_groups.setdefault(RawKey(*raw), [])
        for article, position in positions:
            at = first_figure[article] + position
            if id(figures[at]) not in dropped:
                members.append((at, figures[at]))
    return groups_from_raw(raw_groups.items())


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
    loaded = load_checked(paths, settings)
    extraction, groups = extract_dask(
        loaded, scheduler=scheduler, workers=workers or settings.jobs, progress=progress
    )
    findings, diagnostics = check_extraction(extraction, settings, groups=groups)
    subjects = report_subjects(settings, groups, findings)
    return build_report(extraction, findings, diagnostics, subjects)


def check_against_dask(
    paths: Sequence[str | Path],
    archive: str | Path,
    *,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    settings: CheckSettings | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """`against.check_against` with the archive's cache misses and the checked articles
    extracted on a Dask cluster; the same report, and the same cache afterwards."""
    settings = settings or CheckSettings()
    step = DaskStep(scheduler=scheduler, workers=workers or settings.jobs)
    return check_against(
        paths,
        archive,
        cache_dir=cache_dir,
        use_cache=use_cache,
        settings=settings,
        progress=progress,
        extract=step,
    )
