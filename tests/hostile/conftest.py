"""Shared helpers for the hostile-input suite: run the CLI as CI would and read its JSON report.

Every case goes through the command line (`typer.testing.CliRunner`, in process, so the suite
stays fast) with `--format json`, because that is what an unattended CI job consumes: the
diagnostics must be in the document, not only on stderr.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checker.cli import app

GOOD_ARTICLE = (
    "---\ntitle: Storm\ndate: 2024-05-02\n---\n\n"
    "Storm Alda destroyed 4,200 homes in Vero County in April 2024, the county council said.\n"
)
# The same subject with another figure, so a run over both must produce a finding.
GOOD_RIVAL = (
    "---\ntitle: Storm, a week on\ndate: 2024-05-09\n---\n\n"
    "According to the county council, Storm Alda destroyed 5,900 homes in Vero County in"
    " April 2024.\n"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "big: builds inputs of many megabytes (still in make test)")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def report(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.stdout)
        return data

    def diagnostics_for(self, path: Path) -> list[str]:
        return [d["message"] for d in self.report["diagnostics"] if d["path"] == str(path)]

    @property
    def article_paths(self) -> set[str]:
        return {a["path"] for a in self.report["articles"]}


def run_cli(*args: str | Path) -> Run:
    result = CliRunner().invoke(app, [str(a) for a in args])
    exception = result.exception
    if isinstance(exception, SystemExit):
        exception = None
    return Run(result.exit_code, result.stdout, result.stderr, exception)


def assert_clean(run: Run, *, codes: tuple[int, ...] = (0, 1)) -> None:
    """A normal end: an expected exit code, no escaped exception, no traceback text."""
    assert run.exception is None, repr(run.exception)
    assert run.exit_code in codes, (run.exit_code, run.stderr)
    assert "Traceback" not in run.stderr
    assert "Traceback" not in run.stdout


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A checked folder that already holds two good articles that disagree."""
    root = tmp_path / "articles"
    root.mkdir()
    (root / "good-a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    (root / "good-b.md").write_text(GOOD_RIVAL, encoding="utf-8")
    return root


def check_json(*paths: Path, extra: tuple[str, ...] = ()) -> Run:
    return run_cli("check", *paths, "--format", "json", "--fail-on", "never", *extra)


def assert_good_still_checked(run: Run, folder: Path) -> None:
    """The two good articles were loaded, extracted and compared despite their neighbour."""
    paths = run.article_paths
    assert str(folder / "good-a.md") in paths
    assert str(folder / "good-b.md") in paths
    assert run.report["summary"]["claims"] >= 2
    rules = {f["rule"] for f in run.report["findings"]}
    assert "figure-mismatch" in rules, "the disagreeing good articles should still be flagged"
