"""The indexed `--against` path reads only part of the archive and finds exactly what reading all
of it finds: every article of a corpus is checked as a draft against the rest, both ways."""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import article, world, write_archive
from bench.near_duplicates import write_copies
from checker import indexed_archive
from checker.against import check_against
from checker.engine import CheckSettings
from checker.load import load
from checker.models import Report
from rules import get_rules

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(folder))
    return folder


def _findings(report: Report) -> list[str]:
    return [finding.model_dump_json() for finding in report.findings]


def _same_each_way(archive: Path, drafts: list[Path], settings: CheckSettings) -> int:
    """Check each draft against the archive read whole and read through the index (cold,
    then warm); fail on any difference. Returns how many findings the drafts had."""
    total = 0
    for draft in drafts:
        whole = check_against([draft], archive, settings=settings, use_cache=False)
        cold = check_against([draft], archive, settings=settings)
        warm = check_against([draft], archive, settings=settings)
        assert _findings(cold) == _findings(whole), draft
        assert _findings(warm) == _findings(whole), draft
        total += len(whole.findings)
    return total


def _drafts(folder: Path) -> list[Path]:
    return [Path(a.path) for a in load([folder]).articles]


def test_the_index_serves_the_built_in_rules() -> None:
    assert indexed_archive.indexable([rule() for rule in get_rules()], CheckSettings())


def test_example_corpus(tmp_path: Path) -> None:
    archive = tmp_path / "example"
    shutil.copytree(FIXTURES / "example", archive)
    assert _same_each_way(archive, _drafts(archive), CheckSettings(jobs=1)) > 0


def test_every_rule_fixture_case(tmp_path: Path) -> None:
    """Each case folder of every rule as an archive, each of its articles as the draft."""
    total = 0
    for case in sorted(FIXTURES.glob("*/*-*/")):
        archive = tmp_path / case.parent.name / case.name
        shutil.copytree(case, archive, ignore=shutil.ignore_patterns("*.toml"))
        total += _same_each_way(archive, _drafts(archive), CheckSettings(jobs=1))
    assert total > 0


def test_dated_seed_articles(seeds_dated: Path, tmp_path: Path) -> None:
    archive = tmp_path / "seeds"
    shutil.copytree(seeds_dated, archive)
    _same_each_way(archive, _drafts(archive), CheckSettings(jobs=1))


def test_a_synthetic_archive_and_drafts_of_its_stories(tmp_path: Path) -> None:
    """Drafts retelling the archive's stories (with a seeded share of changed facts) meet
    its figures, dates, sources, titles and passages."""
    archive = tmp_path / "archive"
    write_archive(archive, 60, seed=3)
    stories = world(60, 3)
    drafts = []
    for index in range(6):
        draft = tmp_path / "drafts" / f"draft-{index}.md"
        draft.parent.mkdir(exist_ok=True)
        draft.write_text(article(random.Random(index), 1000 + index, stories), encoding="utf-8")
        drafts.append(draft)
    assert _same_each_way(archive, drafts, CheckSettings(jobs=1)) > 0


def test_copies_of_one_story(tmp_path: Path) -> None:
    """An archive of many near-copies: large classes, stock phrases, twin sentences."""
    archive = tmp_path / "copies"
    write_copies(archive, 80)
    drafts = sorted(archive.rglob("*.md"))[::20]
    assert _same_each_way(archive, drafts, CheckSettings(jobs=1)) > 0


def _old(folder: Path) -> None:
    """Every file's times a minute back: recent times are never trusted (see the module)."""
    for file in folder.rglob("*.md"):
        stat = file.stat()
        os.utime(file, ns=(stat.st_atime_ns - 60 * 10**9, stat.st_mtime_ns - 60 * 10**9))


def _evacuation(tmp_path: Path) -> tuple[Path, Path]:
    """An archive of two articles, one with a figure, and a draft that gives another."""
    archive = tmp_path / "archive"
    body = "Governor Ana Marek said 35,000 residents were evacuated from Velmor in March 2025.\n"
    (archive / "sub").mkdir(parents=True)
    (archive / "sub" / "a.md").write_text("---\ndate: 2025-04-02\n---\n\n" + body)
    (archive / "b.md").write_text("---\ndate: 2025-04-03\n---\n\nThe ferry ran late.\n")
    draft = tmp_path / "draft.md"
    draft.write_text("---\ndate: 2025-04-05\n---\n\n" + body.replace("35,000", "53,000"))
    return archive, draft


def test_an_edited_archive_file_is_read_again_whatever_its_time(tmp_path: Path) -> None:
    archive, draft = _evacuation(tmp_path)
    _old(archive)
    settings = CheckSettings(jobs=1)
    first = check_against([draft], archive, settings=settings)
    assert [f.rule for f in first.findings] == ["figure-mismatch"]
    edited = archive / "sub" / "a.md"
    before = edited.stat()
    # Same size, same modification time: only the inode's change time tells.
    edited.write_text(edited.read_text().replace("35,000", "53,000"))
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    again = check_against([draft], archive, settings=settings)
    whole = check_against([draft], archive, settings=settings, use_cache=False)
    assert _findings(again) == _findings(whole)
    assert [f.rule for f in again.findings] == ["repeated-passage"]  # the figures agree now


def test_a_change_after_a_stored_walk_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that finds the archive as the stored walk has it takes its files unread; a file
    edited (only its change time tells), added or removed since must bring the index up to
    date instead, and the findings must be those of a whole read."""
    archive, draft = _evacuation(tmp_path)
    settings = CheckSettings(jobs=1)
    updates: list[Path] = []
    update = indexed_archive._update

    def counted(*args: Any) -> Any:
        updates.append(args[1])
        return update(*args)

    monkeypatch.setattr(indexed_archive, "_update", counted)

    def check() -> Report:
        return check_against([draft], archive, settings=settings)

    def after_a_stored_walk(change: Callable[[], object]) -> list[str]:
        _old(archive)
        check()  # the index brought up to date
        check()  # nothing changed: the walk is stored
        updates.clear()
        check()
        assert not updates  # the files known by the stored walk
        change()
        report = check()
        assert updates == [archive]
        assert _findings(report) == _findings(check_against([draft], archive, use_cache=False))
        return [finding.rule for finding in report.findings]

    edited = archive / "sub" / "a.md"

    def edit() -> None:
        before = edited.stat()
        edited.write_text(edited.read_text().replace("35,000", "53,000"))
        os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))

    added = archive / "c.md"
    assert after_a_stored_walk(edit) == ["repeated-passage"]
    assert after_a_stored_walk(lambda: added.write_text(edited.read_text().replace("53", "35")))
    assert "figure-mismatch" in [f.rule for f in check().findings]
    assert after_a_stored_walk(added.unlink) == ["repeated-passage"]


def test_a_capped_archive_article_is_noted_when_known_and_not_read(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    figures = ", ".join(f"{n} tonnes" for n in range(100, 160))
    table = archive / "table.md"
    table.write_text(f"---\ndate: 2024-03-02\n---\n\nThe port handled {figures} last year.\n")
    old = table.stat().st_mtime - 60  # older than the racy window: known by its metadata
    os.utime(table, (old, old))
    draft = tmp_path / "draft.md"
    draft.write_text("---\ndate: 2024-03-05\n---\n\nThe port handled 120 tonnes in March.\n")
    settings = CheckSettings(jobs=1)
    whole = check_against([draft], archive, settings=settings, use_cache=False)
    runs = [check_against([draft], archive, settings=settings) for _ in range(2)]
    for report in (whole, *runs):
        capped = [d for d in report.diagnostics if "more than 50 figures" in d.message]
        assert [d.path for d in capped] == [str(table)]
