"""`--engine dask`: the same findings and fingerprints as the local engine, on a real cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.dask_engine import check_paths_dask
from checker.engine import check_paths
from checker.models import Report

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


@pytest.mark.parametrize("folder", ["example", "misattribution", "figure-mismatch"])
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
