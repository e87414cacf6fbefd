"""`check_against` and `extract_with_cache`: the archive as context, cached, never self-compared."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import against
from checker.against import ArchiveNotFoundError, check_against, extract_with_cache
from checker.cache import CACHE_FILE, CacheLocationError, ExtractionCache
from checker.engine import CheckSettings, extract_all
from checker.load import load
from checker.models import Article, Claim, Figure, Finding, Severity
from checker.rule import Rule, RuleContext

REPO = Path(__file__).resolve().parents[1]
_COUNT = re.compile(r"(\d+) (\w+)")


class CountingExtractor:
    """Stands in for the real extractors: one figure per "<number> <noun>" in the body."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, article: Article) -> list[Claim]:
        self.calls.append(article.path)
        claims: list[Claim] = []
        for line_number, line in enumerate(article.body.splitlines(), start=1):
            for match in _COUNT.finditer(line):
                claims.append(
                    Figure(
                        path=article.path,
                        line=line_number,
                        column=match.start() + 1,
                        text=line,
                        value=float(match.group(1)),
                        noun=match.group(2),
                        subject=match.group(2),
                    )
                )
        return claims


class CountConflict(Rule):
    """Two articles count the same noun differently (a stand-in rule for these tests).

    ## What it does
    ## Why it matters
    ## Flagged
    ## Not flagged
    """

    id = "count-conflict"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Finding]:
        figures = context.figures
        for i, first in enumerate(figures):
            for second in figures[i + 1 :]:
                same_noun = first.noun == second.noun and first.path != second.path
                if same_noun and first.value != second.value:
                    yield self.finding(f"{first.noun} differ", [first, second])


@pytest.fixture
def extractor(monkeypatch: pytest.MonkeyPatch) -> CountingExtractor:
    fake = CountingExtractor()
    monkeypatch.setattr(against, "extract_article", fake)
    monkeypatch.setattr("checker.engine.extract_article", fake)
    return fake


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's cache in its own temporary folder, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(folder))
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    file = folder / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    write(folder, "a1.md", "The ferry carried 120 cars on its first run.\nIt took 40 minutes.\n")
    write(folder, "a2.md", "On the first crossing the ferry took 150 cars.\n")
    write(folder, "sub/a3.md", "Work on the pier employed 300 divers over a year.\n")
    return folder


def test_cold_and_warm_runs_equal_extract_all(
    archive: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    loaded = load([archive])
    expected = extract_all(loaded)
    extractor.calls.clear()
    with ExtractionCache.open(cache_home) as cache:
        cold = extract_with_cache(loaded, cache)
        assert len(extractor.calls) == 3
        warm = extract_with_cache(loaded, cache)
    assert len(extractor.calls) == 3  # the warm run extracted nothing
    assert cold.claims == warm.claims == expected.claims
    assert cold.articles == warm.articles == expected.articles
    assert warm.diagnostics == expected.diagnostics


def test_without_a_cache_it_is_extract_all(archive: Path, extractor: CountingExtractor) -> None:
    loaded = load([archive])
    assert extract_with_cache(loaded, None).claims == extract_all(loaded).claims


def test_failed_extraction_is_a_diagnostic_and_not_cached(
    archive: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(article: Article) -> list[Claim]:
        raise RuntimeError("boom")

    monkeypatch.setattr(against, "extract_article", broken)
    with ExtractionCache.open(cache_home) as cache:
        result = extract_with_cache(load([archive]), cache)
        assert len(cache) == 0
    assert len(result.diagnostics) == 3
    assert all("extraction failed" in d.message for d in result.diagnostics)


def test_moved_article_is_served_from_cache_under_its_new_path(
    archive: Path, tmp_path: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    with ExtractionCache.open(cache_home) as cache:
        extract_with_cache(load([archive]), cache)
        moved = tmp_path / "moved"
        write(moved, "renamed.md", (archive / "a2.md").read_text())
        extractor.calls.clear()
        result = extract_with_cache(load([moved]), cache)
    assert extractor.calls == []
    assert [c.path for c in result.claims] == [str(moved / "renamed.md")]


def test_only_findings_touching_the_checked_article(
    archive: Path, tmp_path: Path, extractor: CountingExtractor
) -> None:
    draft = write(tmp_path / "drafts", "draft.md", "The ferry carried 130 cars.\n300 divers.\n")
    report = check_against([draft], archive, rules=[CountConflict()])
    # a1 vs a2 (120 vs 150 cars) is an old archive disagreement: not reported.
    pairs = {frozenset(Path(e.path).name for e in f.evidence) for f in report.findings}
    assert pairs == {frozenset({"draft.md", "a1.md"}), frozenset({"draft.md", "a2.md"})}
    assert [a.path for a in report.articles] == [str(draft)]
    assert report.summary.articles == 1
    assert report.summary.claims == 2
    assert report.summary.error == 2


def test_checked_article_inside_the_archive_is_not_compared_with_itself(
    archive: Path, tmp_path: Path, extractor: CountingExtractor
) -> None:
    write(archive, "new/draft.md", "The ferry carried 120 cars.\n")
    # The same file reached by another spelling of its path is still the same article.
    detour = archive / "sub" / ".." / "new" / "draft.md"
    report = check_against([detour], archive, rules=[SelfMatch()])
    assert report.findings == []
    report = check_against([archive / "new"], archive, rules=[CountConflict()])
    names = {frozenset(Path(e.path).name for e in f.evidence) for f in report.findings}
    assert names == {frozenset({"draft.md", "a2.md"})}


class SelfMatch(Rule):
    """Any two figures from different paths with the same noun and value (catches self-checks).

    ## What it does
    ## Why it matters
    ## Flagged
    ## Not flagged
    """

    id = "self-match"
    severity = Severity.INFO

    def check(self, context: RuleContext) -> Iterator[Finding]:
        figures = context.figures
        for i, first in enumerate(figures):
            for second in figures[i + 1 :]:
                same = (first.noun, first.value, first.text) == (
                    second.noun,
                    second.value,
                    second.text,
                )
                if same and first.path != second.path:
                    yield self.finding("same", [first, second])


def test_warm_check_gives_the_same_report_without_extracting_the_archive(
    archive: Path, tmp_path: Path, extractor: CountingExtractor
) -> None:
    draft = write(tmp_path / "drafts", "draft.md", "The ferry carried 130 cars.\n")
    cold = check_against([draft], archive, rules=[CountConflict()])
    extractor.calls.clear()
    warm = check_against([draft], archive, rules=[CountConflict()])
    assert extractor.calls == [str(draft)]
    assert warm == cold


def test_cache_dir_inside_the_archive_or_checked_folder_is_refused(
    archive: Path, tmp_path: Path, extractor: CountingExtractor
) -> None:
    drafts = tmp_path / "drafts"
    write(drafts, "draft.md", "12 cars.\n")
    with pytest.raises(CacheLocationError):
        check_against([drafts], archive, cache_dir=archive / ".cache")
    with pytest.raises(CacheLocationError):
        check_against([drafts], archive, cache_dir=drafts / "cache")
    assert not (archive / ".cache").exists() and not (drafts / "cache").exists()


def test_missing_archive_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveNotFoundError):
        check_against([tmp_path], tmp_path / "nowhere")


def test_unusable_cache_runs_without_one_and_says_so(
    archive: Path, tmp_path: Path, extractor: CountingExtractor
) -> None:
    blocker = write(tmp_path, "blocker", "a file where the cache folder should be")
    draft = write(tmp_path / "drafts", "draft.md", "The ferry carried 130 cars.\n")
    report = check_against([draft], archive, cache_dir=blocker / "cache", rules=[CountConflict()])
    assert len(report.findings) == 2
    assert any("without a cache" in d.message for d in report.diagnostics)


def test_garbage_cache_gives_the_same_report(
    archive: Path, tmp_path: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    draft = write(tmp_path / "drafts", "draft.md", "The ferry carried 130 cars.\n")
    cold = check_against([draft], archive, rules=[CountConflict()])
    (cache_home / CACHE_FILE).write_bytes(b"\x00garbage" * 4096)
    again = check_against([draft], archive, rules=[CountConflict()])
    assert again.findings == cold.findings
    assert any("rebuilt" in d.message for d in again.diagnostics)


_FILLER = textwrap.dedent(
    """
    import sys
    from checker.cache import CacheEntry, ExtractionCache
    from checker.models import Figure

    claim = Figure(path="x.md", line=1, column=1, text="filler " * 40, value=1.0)
    cache = ExtractionCache.open(sys.argv[1])
    print("ready", flush=True)
    batch = 0
    while True:
        cache.put_many([CacheEntry(f"f{batch}-{i}", "x.md", [claim] * 20) for i in range(3000)])
        batch += 1
    """
)


def test_run_after_a_killed_writer_equals_a_cold_run(
    archive: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    loaded = load([archive])
    with ExtractionCache.open(cache_home) as cache:
        extract_with_cache(loaded, cache)
    child = subprocess.Popen(
        [sys.executable, "-c", _FILLER, str(cache_home)], cwd=REPO, stdout=subprocess.PIPE
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        wal = cache_home / (CACHE_FILE + "-wal")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and wal.stat().st_size < 500_000:
            time.sleep(0.01)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    extractor.calls.clear()
    with ExtractionCache.open(cache_home) as cache:
        after = extract_with_cache(loaded, cache)
    assert extractor.calls == []  # the archive's committed entries survived
    assert after.claims == extract_all(loaded).claims


def test_real_seed_articles_round_trip(seeds_dated: Path, cache_home: Path) -> None:
    loaded = load([seeds_dated])
    expected = extract_all(loaded)
    with ExtractionCache.open(cache_home) as cache:
        extract_with_cache(loaded, cache)
        assert len(cache) == len(loaded.articles)
        warm = extract_with_cache(loaded, cache)
    assert warm.claims == expected.claims


def test_settings_and_progress_are_honoured(
    archive: Path, tmp_path: Path, extractor: CountingExtractor
) -> None:
    from checker.engine import CheckSettings

    draft = write(tmp_path / "drafts", "draft.md", "The ferry carried 130 cars.\n")
    seen: list[int] = []
    report = check_against(
        [draft], archive, settings=CheckSettings(rules=[CountConflict()]), progress=seen.append
    )
    assert len(report.findings) == 2
    assert seen == [1, 2, 3, 4]  # the draft, then the three archive articles
    quiet = check_against([draft], archive, settings=CheckSettings(rules=[SelfMatch()]))
    assert quiet.findings == []


def stored_paths(cache_home: Path) -> list[str]:
    """Every row's path in the cache file, sorted (one per stored version of an article)."""
    connection = sqlite3.connect(cache_home / CACHE_FILE)
    try:
        return sorted(path for (path,) in connection.execute("SELECT path FROM claims"))
    finally:
        connection.close()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return write(tmp_path / "drafts", "draft.md", "The ferry carried 130 cars.\n")


def test_edited_archive_file_leaves_one_row_for_its_path(
    archive: Path, draft: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    check_against([draft], archive, rules=[CountConflict()])
    write(archive, "a1.md", "The ferry carried 125 cars on its first run.\n")
    check_against([draft], archive, rules=[CountConflict()])
    assert stored_paths(cache_home).count(str(archive / "a1.md")) == 1
    assert len(stored_paths(cache_home)) == 3


def test_edit_seen_through_another_spelling_of_the_archive_is_pruned(
    archive: Path,
    draft: Path,
    cache_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    extractor: CountingExtractor,
) -> None:
    check_against([draft], archive, rules=[CountConflict()])
    write(archive, "a2.md", "On the first crossing the ferry took 155 cars.\n")
    monkeypatch.chdir(archive.parent)
    check_against([draft], Path("archive"), rules=[CountConflict()])
    assert stored_paths(cache_home) == sorted(
        ["archive/a2.md", str(archive / "a1.md"), str(archive / "sub" / "a3.md")]
    )
    # ...and the row written through the relative spelling is pruned by an absolute one
    # (shown relative again: the working folder holds the archive).
    write(archive, "a2.md", "On the first crossing the ferry took 160 cars.\n")
    check_against([draft], archive, rules=[CountConflict()])
    assert stored_paths(cache_home) == sorted(
        ["archive/a2.md", str(archive / "a1.md"), str(archive / "sub" / "a3.md")]
    )


def test_deleted_or_excluded_archive_file_loses_its_row(
    archive: Path, draft: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    check_against([draft], archive, rules=[CountConflict()])
    (archive / "a2.md").unlink()
    check_against([draft], archive, rules=[CountConflict()])
    assert stored_paths(cache_home) == sorted([str(archive / "a1.md"), str(archive / "sub/a3.md")])
    settings = CheckSettings(rules=[CountConflict()], excludes=["sub/*"])
    check_against([draft], archive, settings=settings)
    assert stored_paths(cache_home) == [str(archive / "a1.md")]


def test_rows_of_another_archive_in_the_same_cache_survive(
    archive: Path, draft: Path, tmp_path: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    # "archive-2" starts like "archive": a prefix of the name is not a parent folder.
    other = tmp_path / "archive-2"
    write(other, "b1.md", "The tunnel took 700 workers.\n")
    check_against([draft], other, rules=[CountConflict()])
    check_against([draft], archive, rules=[CountConflict()])
    (archive / "a1.md").unlink()
    check_against([draft], archive, rules=[CountConflict()])
    assert str(other / "b1.md") in stored_paths(cache_home)
    extractor.calls.clear()
    check_against([draft], other, rules=[CountConflict()])
    assert extractor.calls == [str(draft)]  # still warm


def test_checked_file_inside_the_archive_keeps_its_row(
    archive: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    check_against([archive / "a2.md"], Path(archive / "sub"), rules=[CountConflict()])
    check_against([archive / "sub" / "a3.md"], archive, rules=[CountConflict()])
    assert str(archive / "sub" / "a3.md") in stored_paths(cache_home)


def test_pruning_leaves_warm_findings_unchanged(
    archive: Path, draft: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    uncached = check_against([draft], archive, rules=[CountConflict()], use_cache=False)
    assert not (cache_home / CACHE_FILE).exists()  # --no-cache neither reads nor writes
    cold = check_against([draft], archive, rules=[CountConflict()])
    extractor.calls.clear()
    warm = check_against([draft], archive, rules=[CountConflict()])
    again = check_against([draft], archive, rules=[CountConflict()])
    assert extractor.calls == [str(draft), str(draft)]  # pruning kept every current row
    assert uncached.findings == cold.findings == warm.findings == again.findings
    assert len(cold.findings) == 2


def test_no_cache_run_does_not_prune(
    archive: Path, draft: Path, cache_home: Path, extractor: CountingExtractor
) -> None:
    check_against([draft], archive, rules=[CountConflict()])
    (archive / "a2.md").unlink()
    check_against([draft], archive, rules=[CountConflict()], use_cache=False)
    assert str(archive / "a2.md") in stored_paths(cache_home)
