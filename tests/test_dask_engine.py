"""`--engine dask`: the same findings and fingerprints as the local engine, on a real cluster."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.against import check_against, extract_with_cache
from checker.cache import CACHE_FILE, CacheSession, ExtractionCache
from checker.dask_engine import check_against_dask, check_paths_dask, extract_dask
from checker.engine import check_paths, extract_all
from checker.group import SubjectGroup, group_figures
from checker.load import load
from checker.models import Article, Claim, Diagnostic, Figure, Report
from checker.report import render

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A 2-worker LocalCluster, in processes, as on a real cluster (arguments are pickled)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def summary(report: Report) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.message, f.fingerprint) for f in report.findings]


def as_compared(groups: list[SubjectGroup]) -> list[tuple[object, ...]]:
    return [
        (g.key, g.label, [(f.path, f.line, f.column, f.value) for f in g.figures]) for g in groups
    ]


def assert_cluster_groups_like_local(scheduler: str, paths: list[Path], chunk: int) -> None:
    loaded = load(paths)
    extraction, groups = extract_dask(loaded, scheduler=scheduler, chunk=chunk)
    local = extract_all(loaded)
    assert extraction.claims == local.claims
    assert extraction.diagnostics == local.diagnostics
    expected = group_figures([c for c in local.claims if isinstance(c, Figure)])
    assert as_compared(groups) == as_compared(expected)  # readable on failure
    assert groups == expected  # and the figures themselves, every field


@pytest.mark.parametrize("chunk", [3, 100])
def test_cluster_groups_equal_group_figures(scheduler: str, chunk: int) -> None:
    """Every fixture, in many partitions (groups then meet across workers) and in few."""
    assert_cluster_groups_like_local(scheduler, [FIXTURES], chunk)


@pytest.mark.parametrize("full_name_first", [True, False])
def test_anchors_named_two_ways_group_on_the_cluster(
    scheduler: str, tmp_path: Path, full_name_first: bool
) -> None:
    """Anchors are clustered after the fold: one article per partition, and the group must be
    the local one (same key, figures in input order) whatever partition is folded first."""
    full = "Mayor Marina Augusta Baker lent out {} dehumidifiers to flooded homes in May 2024.\n"
    short = "Mayor Baker lent out {} dehumidifiers to flooded homes in May 2024.\n"
    first, second = (full, short) if full_name_first else (short, full)
    for number, (name, text) in enumerate([("a", first), ("b", second), ("c", first)]):
        (tmp_path / f"{name}.md").write_text(text.format(300 + 10 * number))
    assert_cluster_groups_like_local(scheduler, [tmp_path], chunk=1)
    _, groups = extract_dask(load([tmp_path]), scheduler=scheduler, chunk=1)
    assert len(groups) == 1
    assert [Path(f.path).name for f in groups[0].figures] == ["a.md", "b.md", "c.md"]


@pytest.mark.parametrize("folder", [".", "example", "misattribution", "figure-mismatch"])
def test_dask_findings_equal_local_findings(scheduler: str, folder: str) -> None:
    local = check_paths([FIXTURES / folder])
    remote = check_paths_dask([FIXTURES / folder], scheduler=scheduler)
    assert local.findings, "the fixture folder should have findings to compare"
    assert summary(remote) == summary(local)
    assert remote.summary == local.summary
    assert remote.diagnostics == local.diagnostics


def test_bad_file_is_a_diagnostic_on_the_cluster(scheduler: str, tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("The dam held 40 million cubic metres in May 2021.\n")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00broken")
    local = check_paths([tmp_path])
    remote = check_paths_dask([tmp_path], scheduler=scheduler)
    assert remote.diagnostics == local.diagnostics
    assert remote.summary == local.summary


def test_cli_engine_dask_starts_its_own_cluster() -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    runner = CliRunner()
    args = ["check", str(FIXTURES / "example"), "-f", "json", "--fail-on", "never"]
    local = runner.invoke(app, args)
    remote = runner.invoke(app, [*args, "--engine", "dask"])
    assert local.exit_code == remote.exit_code == 0
    assert remote.stdout == local.stdout


def test_cli_scheduler_needs_the_dask_engine() -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    result = CliRunner().invoke(
        app, ["check", str(FIXTURES / "example"), "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 2


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every article the client hands to the cluster for extraction."""
    import dask.bag

    paths: list[str] = []
    real: Callable[..., Any] = dask.bag.from_sequence

    def spy(seq: list[tuple[int, Article]], **kwargs: Any) -> Any:
        paths.extend(article.path for _, article in seq)
        return real(seq, **kwargs)

    monkeypatch.setattr(dask.bag, "from_sequence", spy)
    return paths


def as_json(report: Report) -> str:
    return render(report, "json", checked=[a.path for a in report.articles])


def cache_rows(folder: Path) -> list[tuple[str, str, str, bytes]]:
    connection = sqlite3.connect(folder / CACHE_FILE)
    try:
        return connection.execute(
            "SELECT sha256, variant, location, claims FROM claims ORDER BY sha256, variant"
        ).fetchall()
    finally:
        connection.close()


def test_against_cold_and_warm_equal_local(scheduler: str, tmp_path: Path, sent: list[str]) -> None:
    """The checked folder lies inside the archive (it is compared once, as checked); the warm
    run sends only the checked articles to the cluster, and both caches end up alike."""
    checked, archive = [FIXTURES / "example"], FIXTURES
    drafts = [a.path for a in load(checked).articles]
    local = check_against(checked, archive, cache_dir=tmp_path / "local")
    assert local.findings, "the fixtures should have findings to compare"
    cold = check_against_dask(checked, archive, cache_dir=tmp_path / "dask", scheduler=scheduler)
    assert len(sent) > len(drafts)
    sent.clear()
    warm = check_against_dask(checked, archive, cache_dir=tmp_path / "dask", scheduler=scheduler)
    assert sent == drafts  # the archive came from the cache, none of it from the cluster
    assert as_json(cold) == as_json(local)
    assert as_json(warm) == as_json(local)
    assert cache_rows(tmp_path / "dask") == cache_rows(tmp_path / "local")


def test_against_edited_archive_file_is_pruned_like_local(
    scheduler: str, tmp_path: Path, sent: list[str]
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("01-evacuations-begin.md", "03-damage-count.md", "05-second-wave.md"):
        (archive / name).write_text((FIXTURES / "example" / name).read_text())
    draft = FIXTURES / "example" / "07-one-month-on.md"
    for cache in ("local", "dask"):
        check_against([draft], archive, cache_dir=tmp_path / cache)
    edited = archive / "03-damage-count.md"
    edited.write_text(edited.read_text() + "\nCrews cleared 12 roads by the weekend.\n")
    local = check_against([draft], archive, cache_dir=tmp_path / "local")
    sent.clear()
    remote = check_against_dask([draft], archive, cache_dir=tmp_path / "dask", scheduler=scheduler)
    # Paths as the loader shows them (relative to the working folder when inside it).
    assert sorted(str(Path(p).resolve()) for p in sent) == sorted([str(draft), str(edited)])
    assert as_json(remote) == as_json(local)
    assert cache_rows(tmp_path / "dask") == cache_rows(tmp_path / "local")
    assert len(cache_rows(tmp_path / "dask")) == 3  # the edited file's old row is gone


@pytest.mark.parametrize("full_name_first", [True, False])
def test_cached_and_fresh_figures_group_together_in_input_order(
    scheduler: str, tmp_path: Path, sent: list[str], full_name_first: bool
) -> None:
    """Cached figures are keyed on the client and merged with the cluster's fold: the group is
    the local one, whichever spelling of the anchor is a cache hit."""
    full = "Mayor Marina Augusta Baker lent out {} dehumidifiers to flooded homes in May 2024.\n"
    short = "Mayor Baker lent out {} dehumidifiers to flooded homes in May 2024.\n"
    first, second = (full, short) if full_name_first else (short, full)
    (tmp_path / "in").mkdir()
    for number, (name, text) in enumerate([("a", first), ("b", second), ("c", first)]):
        (tmp_path / "in" / f"{name}.md").write_text(text.format(300 + 10 * number))
    loaded = load([tmp_path / "in"])
    hits = [a for a in loaded.articles if not a.path.endswith("b.md")]
    with ExtractionCache.open(tmp_path / "cache") as cache:
        extract_with_cache(load([hits[0].path, hits[1].path]), cache)
        extraction, groups = extract_dask(
            loaded, scheduler=scheduler, chunk=1, cache=CacheSession(cache)
        )
    assert [Path(p).name for p in sent] == ["b.md"]
    local = extract_all(loaded)
    assert extraction.claims == local.claims
    assert groups == group_figures([c for c in local.claims if isinstance(c, Figure)])
    assert len(groups) == 1


class DictStore:
    """A `ClaimStore` that knows some articles by path and says something when finished."""

    def __init__(self, known: dict[str, list[Claim]]) -> None:
        self.known = known
        self.stored: list[str] = []

    def lookup(self, article: Article) -> list[Claim] | None:
        return self.known.get(article.path)

    def store(self, article: Article, claims: list[Claim]) -> None:
        self.stored.append(article.path)

    def finish(self) -> list[Diagnostic]:
        return [Diagnostic(path="store", message="written")]


def test_cache_store_is_used_like_extract_all(scheduler: str, tmp_path: Path) -> None:
    (tmp_path / "known.md").write_text("The dam held 40 million cubic metres in May 2021.\n")
    (tmp_path / "new.md").write_text("Engineers released 3 million cubic metres in June 2021.\n")
    loaded = load([tmp_path])
    known = {str(tmp_path / "known.md"): extract_all(load([tmp_path / "known.md"])).claims}
    local_store, remote_store = DictStore(known), DictStore(known)
    local = extract_all(loaded, cache=local_store)
    remote, _ = extract_dask(loaded, scheduler=scheduler, cache=remote_store)
    assert remote.claims == local.claims
    assert remote.diagnostics == local.diagnostics
    assert remote.diagnostics[-1].message == "written"
    assert remote_store.stored == local_store.stored == [str(tmp_path / "new.md")]


def test_cli_engine_dask_with_against(scheduler: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    runner = CliRunner()
    args = ["check", str(FIXTURES / "example" / "07-one-month-on.md"), "-f", "json"]
    args += ["--against", str(FIXTURES / "example"), "--fail-on", "never"]
    local = runner.invoke(app, [*args, "--cache-dir", str(tmp_path / "local")])
    on_cluster = ["--engine", "dask", "--scheduler", scheduler]
    remote = runner.invoke(app, [*args, "--cache-dir", str(tmp_path / "dask"), *on_cluster])
    assert local.exit_code == remote.exit_code == 0, remote.output
    assert '"findings": [\n' in local.stdout
    assert remote.stdout == local.stdout
