"""`--engine dask`: the same findings and fingerprints as the local engine, on a real cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.dask_engine import check_paths_dask, extract_dask
from checker.engine import check_paths, extract_all
from checker.group import SubjectGroup, group_figures
from checker.load import load
from checker.models import Figure, Report

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


@pytest.mark.parametrize("misspelled_first", [True, False])
def test_first_spelling_seen_names_the_group_on_the_cluster(
    scheduler: str, tmp_path: Path, misspelled_first: bool
) -> None:
    """The fuzzy step depends on order: one article per partition, and the spelling of the
    first article in input order must name the group whatever partition is folded first."""
    right = "The agency lent out {} dehumidifiers to flooded homes in May 2024.\n"
    wrong = "Residents borrowed {} dehumidifers from the agency in May 2024.\n"
    first, second = (wrong, right) if misspelled_first else (right, wrong)
    for number, (name, text) in enumerate([("a", first), ("b", second), ("c", first)]):
        (tmp_path / f"{name}.md").write_text(text.format(300 + 10 * number))
    assert_cluster_groups_like_local(scheduler, [tmp_path], chunk=1)
    _, groups = extract_dask(load([tmp_path]), scheduler=scheduler, chunk=1)
    assert len(groups) == 1
    assert groups[0].key[0] == ("dehumidifer" if misspelled_first else "dehumidifier")
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
