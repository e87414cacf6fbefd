"""The extraction cache: round trips, path rewriting, and never trusting a damaged or stale file."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import checker
from checker import cache as cache_module
from checker.cache import (
    CACHE_FILE,
    CLEAN_SUFFIX,
    CacheEntry,
    CacheLocationError,
    CacheSession,
    CacheUnavailableError,
    ExtractionCache,
    default_cache_dir,
    ensure_outside,
    extraction_version,
    open_cache,
    resolve_cache_dir,
)
from checker.models import (
    Attribution,
    Claim,
    DateClaim,
    Figure,
    Granularity,
    Modality,
    PersonClaim,
    Qualifier,
)

REPO = Path(__file__).resolve().parents[1]


def sample_claims(path: str = "archive/a.md", salt: int = 0) -> list[Claim]:
    """One claim of every kind, with the optional fields filled so the JSON round trip is real."""
    return [
        Figure(
            path=path,
            line=3 + salt,
            column=5,
            text="The port handled 1.2 million tonnes in March, the authority said.",
            value=1_200_000 + salt,
            low=1_100_000,
            high=1_300_000,
            qualifier=Qualifier.APPROX,
            unit="tonne",
            subject="tonnes handled",
            modality=Modality.ESTIMATE,
            period_start=dt.date(2025, 3, 1),
            period_end=dt.date(2025, 3, 31),
            period_granularity=Granularity.MONTH,
            source="the authority",
            source_chain=("the authority",),
        ),
        DateClaim(
            path=path,
            line=7,
            column=1,
            text="The bridge opened on May 4, 1998.",
            date=dt.date(1998, 5, 4),
            granularity=Granularity.DAY,
            event="opened",
            participants=("bridge",),
        ),
        Attribution(path=path, line=9, column=2, text="x", verb="said", source="Ana Ruiz"),
        PersonClaim(path=path, line=11, column=1, text="y", person="Ana Ruiz", title="Mayor"),
    ]


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    claims = sample_claims()
    with ExtractionCache.open(tmp_path) as cache:
        cache.put_many([CacheEntry("h1", "archive/a.md", claims)])
        assert cache.get("h1", "archive/a.md") == claims
        assert cache.get("h2", "archive/a.md") is None
    with ExtractionCache.open(tmp_path) as cache:  # persisted across processes' opens
        assert cache.get("h1", "archive/a.md") == claims


def test_claims_read_twice_share_their_field_names(tmp_path: Path) -> None:
    # Hundreds of thousands of cached claims must not each carry a copy of the set.
    claims = sample_claims()
    with ExtractionCache.open(tmp_path) as cache:
        cache.put_many([CacheEntry("h1", "archive/a.md", claims)])
        first, second = cache.get("h1", "archive/a.md"), cache.get("h1", "archive/a.md")
    assert first is not None and second is not None and first == second == claims
    for a, b in zip(first, second, strict=True):
        assert a is not b and a.model_fields_set is b.model_fields_set


def test_some_claims_are_read_as_the_whole_list_gives_them(tmp_path: Path) -> None:
    claims = sample_claims("old/place.md")
    with ExtractionCache.open(tmp_path) as cache:
        cache.put_many([CacheEntry("h1", "old/place.md", claims)])
        whole = cache.get("h1", "new/place.md")
        some = cache.get_some("h1", "new/place.md", [1, 3])
        assert whole is not None and some == [whole[1], whole[3]]
        assert cache.get_some("h1", "new/place.md", [len(claims)]) is None
        assert cache.get_some("h2", "new/place.md", [0]) is None


def test_same_content_at_another_path_gets_that_path(tmp_path: Path) -> None:
    claims = sample_claims("old/place.md")
    with ExtractionCache.open(tmp_path) as cache:
        cache.put_many([CacheEntry("h1", "old/place.md", claims)])
        moved = cache.get("h1", "new/place.md")
    assert moved is not None
    assert [c.path for c in moved] == ["new/place.md"] * len(claims)
    assert [c.model_copy(update={"path": "old/place.md"}) for c in moved] == claims


def test_variant_is_part_of_the_key(tmp_path: Path) -> None:
    with ExtractionCache.open(tmp_path) as cache:
        cache.put_many([CacheEntry("h1", "a.md", sample_claims(), variant="md")])
        assert cache.get("h1", "a.md", variant="txt") is None
        assert cache.get("h1", "a.md", variant="md") is not None


def test_put_many_replaces_an_entry(tmp_path: Path) -> None:
    with ExtractionCache.open(tmp_path) as cache:
        cache.put_many([CacheEntry("h1", "a.md", sample_claims("a.md", salt=0))])
        cache.put_many([CacheEntry("h1", "a.md", sample_claims("a.md", salt=1))])
        assert len(cache) == 1
        assert cache.get("h1", "a.md") == sample_claims("a.md", salt=1)


def _filled(folder: Path, count: int = 300) -> None:
    with ExtractionCache.open(folder) as cache:
        cache.put_many(
            [CacheEntry(f"h{i}", f"a{i}.md", sample_claims(f"a{i}.md", i)) for i in range(count)]
        )


def test_garbage_file_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    _filled(tmp_path)
    (tmp_path / CACHE_FILE).write_bytes(b"not a database at all\n" * 500)
    cache, notes = open_cache(tmp_path)
    assert cache is not None
    with cache:
        assert len(cache) == 0
        assert any("rebuilt" in note.message for note in notes)
        cache.put_many([CacheEntry("h1", "a.md", sample_claims("a.md"))])
        assert cache.get("h1", "a.md") == sample_claims("a.md")


def test_truncated_file_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    _filled(tmp_path)
    file = tmp_path / CACHE_FILE
    data = file.read_bytes()
    assert len(data) > 20_000  # several pages, so the cut loses rows
    file.write_bytes(data[: len(data) // 2])
    with ExtractionCache.open(tmp_path) as cache:
        assert len(cache) == 0
        assert cache.get("h1", "a1.md") is None


def test_file_cut_to_a_header_is_rebuilt(tmp_path: Path) -> None:
    _filled(tmp_path)
    file = tmp_path / CACHE_FILE
    file.write_bytes(file.read_bytes()[:100])
    with ExtractionCache.open(tmp_path) as cache:
        assert len(cache) == 0


def test_other_checker_version_is_rebuilt(tmp_path: Path) -> None:
    with ExtractionCache.open(tmp_path, version="0.0.1+old") as cache:
        cache.put_many([CacheEntry("h1", "a.md", sample_claims("a.md"))])
    with ExtractionCache.open(tmp_path, version="0.0.2+new") as cache:
        assert cache.get("h1", "a.md") is None
        assert len(cache) == 0


def test_other_schema_version_is_rebuilt(tmp_path: Path) -> None:
    _filled(tmp_path, count=3)
    with sqlite3.connect(tmp_path / CACHE_FILE) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    connection.close()
    with ExtractionCache.open(tmp_path) as cache:
        assert len(cache) == 0


def test_foreign_table_layout_is_rebuilt(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / CACHE_FILE)
    connection.execute("CREATE TABLE meta (name TEXT)")
    connection.execute("CREATE TABLE claims (anything TEXT)")
    connection.commit()
    connection.close()
    with ExtractionCache.open(tmp_path) as cache:
        cache.put_many([CacheEntry("h1", "a.md", sample_claims("a.md"))])
        assert cache.get("h1", "a.md") == sample_claims("a.md")


def test_damaged_row_is_a_miss(tmp_path: Path) -> None:
    _filled(tmp_path, count=2)
    with sqlite3.connect(tmp_path / CACHE_FILE) as connection:
        connection.execute("UPDATE claims SET claims = '[{\"kind\": \"figure\"' WHERE sha256='h0'")
        connection.execute(
            "UPDATE claims SET claims = '[{\"kind\": \"mystery\"}]' WHERE sha256='h1'"
        )
    connection.close()
    with ExtractionCache.open(tmp_path) as cache:
        assert cache.get("h0", "a0.md") is None
        assert cache.get("h1", "a1.md") is None


def test_unwritable_folder_falls_back_with_a_diagnostic(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    with pytest.raises(CacheUnavailableError):
        ExtractionCache.open(blocker / "cache")
    cache, notes = open_cache(blocker / "cache")
    assert cache is None
    assert len(notes) == 1 and "without a cache" in notes[0].message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_falls_back(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        cache, notes = open_cache(folder)
    finally:
        folder.chmod(0o700)
    assert cache is None and notes


def test_failed_write_becomes_a_diagnostic(tmp_path: Path) -> None:
    cache = ExtractionCache.open(tmp_path)
    cache.close()  # every later statement fails, like a disk that went away
    cache.put_many([CacheEntry("h1", "a.md", sample_claims("a.md"))])
    assert not cache.writable
    assert [d.message.startswith("cache not written") for d in cache.diagnostics] == [True]


# The child fills the cache batch after batch until it is killed; each batch is one transaction.
_WRITER = textwrap.dedent(
    """
    import sys
    from checker.cache import CacheEntry, ExtractionCache
    from tests.test_cache import sample_claims

    cache = ExtractionCache.open(sys.argv[1])
    batch, size = 0, int(sys.argv[2])
    print("ready", flush=True)
    while True:
        claims = sample_claims("bulk.md") * 10
        cache.put_many(
            [CacheEntry(f"bulk-{batch}-{i}", "bulk.md", claims) for i in range(size)]
        )
        batch += 1
    """
)


def test_killed_writer_leaves_only_whole_batches(tmp_path: Path) -> None:
    kept = sample_claims("keep.md")
    with ExtractionCache.open(tmp_path) as cache:
        cache.put_many([CacheEntry("keep", "keep.md", kept)])
    size = 2000
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(tmp_path), str(size)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # Kill once the first batch is being written (the WAL grows), or after a time limit.
        wal = tmp_path / (CACHE_FILE + "-wal")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and wal.stat().st_size < 200_000:
            time.sleep(0.01)
        time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    with ExtractionCache.open(tmp_path) as cache:
        assert cache.get("keep", "keep.md") == kept
        bulk = len(cache) - 1
        assert bulk % size == 0  # whole batches or nothing, never half of one
        if bulk:
            assert cache.get("bulk-0-0", "bulk.md") == sample_claims("bulk.md") * 10


def test_cache_dir_comes_from_argument_then_env_then_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert resolve_cache_dir(tmp_path / "arg") == tmp_path / "arg"
    assert resolve_cache_dir() == tmp_path / "env"
    monkeypatch.delenv("CHECKER_CACHE_DIR")
    assert default_cache_dir() == tmp_path / "xdg" / "checker"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/invalid")
    assert default_cache_dir() == Path.home() / ".cache" / "checker"


def test_cache_dir_inside_an_input_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    with pytest.raises(CacheLocationError, match="never"):
        ensure_outside(tmp_path / "archive" / ".cache", [tmp_path / "archive"])
    with pytest.raises(CacheLocationError):
        ensure_outside(tmp_path / "archive", [tmp_path / "archive"])
    ensure_outside(tmp_path / "cache", [tmp_path / "archive"])  # a sibling is fine


def test_version_changes_with_a_data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "checker"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "data" / "words.toml").write_text("a = 1\n")
    monkeypatch.setattr(checker, "__file__", str(package / "__init__.py"))
    compute = cache_module._package_version.__wrapped__
    first = compute()
    assert first.startswith(checker.__version__ + "+")
    assert compute() == first
    (package / "data" / "words.toml").write_text("a = 2\n")
    assert compute() != first


def test_version_of_the_real_package_is_stable() -> None:
    assert extraction_version() == cache_module._package_version.__wrapped__()


def test_version_changes_with_the_users_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = extraction_version()
    monkeypatch.setenv("CHECKER_VOCABULARY", '{"titles": {"titles": ["harbour master"]}}')
    assert extraction_version() not in (plain, "")
    assert extraction_version().startswith(plain)


def _located(tmp_path: Path, folder: str, name: str, sha: str) -> CacheEntry:
    location = str(tmp_path.resolve() / folder / name)
    return CacheEntry(sha, f"{folder}/{name}", sample_claims(name), "v", location)


def _stored(folder: Path) -> set[tuple[str, str]]:
    connection = sqlite3.connect(folder / CACHE_FILE)
    try:
        return set(connection.execute("SELECT sha256, path FROM claims").fetchall())
    finally:
        connection.close()


def test_prune_drops_unused_rows_under_the_folder_only(tmp_path: Path) -> None:
    entries = [
        _located(tmp_path, "archive", "a.md", "new-a"),
        _located(tmp_path, "archive", "a.md", "old-a"),  # an earlier version of a.md
        _located(tmp_path, "archive", "sub/gone.md", "gone"),
        _located(tmp_path, "archive-2", "b.md", "b"),  # a sibling whose name starts alike
        _located(tmp_path, "other", "c.md", "c"),
    ]
    with ExtractionCache.open(tmp_path / "cache") as cache:
        cache.put_many(entries)
        removed = cache.prune(tmp_path / "archive", {("new-a", "v")})
        assert removed == 2
    assert _stored(tmp_path / "cache") == {
        ("new-a", "archive/a.md"),
        ("b", "archive-2/b.md"),
        ("c", "other/c.md"),
    }


def test_prune_keeps_a_row_whose_content_is_still_used(tmp_path: Path) -> None:
    with ExtractionCache.open(tmp_path / "cache") as cache:
        cache.put_many([_located(tmp_path, "archive", "old-name.md", "same")])
        # The file was renamed: the row's path is stale but its content is current.
        assert cache.prune(tmp_path / "archive", {("same", "v")}) == 0
        assert len(cache) == 1


def test_failed_prune_is_a_silent_no_op(tmp_path: Path) -> None:
    cache = ExtractionCache.open(tmp_path)
    cache.put_many([_located(tmp_path, "archive", "a.md", "a")])
    cache.close()  # every statement now fails
    assert cache.prune(tmp_path / "archive", set()) == 0
    assert cache.diagnostics == []
    assert cache.writable
    with ExtractionCache.open(tmp_path) as reopened:
        assert len(reopened) == 1


def test_location_defaults_to_the_resolved_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with ExtractionCache.open(tmp_path / "cache") as cache:
        cache.put_many([CacheEntry("h1", "archive/a.md", sample_claims("archive/a.md"))])
        assert cache.prune(tmp_path / "archive", set()) == 1


def test_cache_of_the_previous_layout_is_rebuilt(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / CACHE_FILE)
    connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    connection.execute(
        "CREATE TABLE claims (sha256 TEXT NOT NULL, variant TEXT NOT NULL, path TEXT NOT NULL,"
        " claims BLOB NOT NULL, PRIMARY KEY (sha256, variant))"
    )
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("schema", "1"), ("version", extraction_version())]
    )
    connection.execute("INSERT INTO claims VALUES ('h1', '', 'a.md', '[]')")
    connection.commit()
    connection.close()
    cache, notes = open_cache(tmp_path)
    assert cache is not None and notes == []  # stale, not damaged: rebuilt without a word
    with cache:
        assert cache.get("h1", "a.md") is None
        cache.put_many([CacheEntry("h1", "a.md", sample_claims("a.md"))])
        assert cache.get("h1", "a.md") == sample_claims("a.md")


def _opened_checked(monkeypatch: pytest.MonkeyPatch, folder: Path) -> bool:
    """Open and close the cache in `folder`; whether opening ran the integrity check."""
    seen: list[bool] = []
    connect = cache_module._connect

    def spy(path: Path, version: str, **options: bool) -> sqlite3.Connection:
        seen.append(not options.get("checked", False))
        return connect(path, version, **options)

    monkeypatch.setattr(cache_module, "_connect", spy)
    with ExtractionCache.open(folder):
        pass
    monkeypatch.setattr(cache_module, "_connect", connect)
    return seen[-1]


def test_a_cleanly_closed_cache_is_trusted_without_the_integrity_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(tmp_path)
    marker = tmp_path / (CACHE_FILE + CLEAN_SUFFIX)
    assert marker.exists()
    assert not _opened_checked(monkeypatch, tmp_path)
    with ExtractionCache.open(tmp_path) as cache:
        assert not marker.exists()  # open: a run killed now leaves the file to be checked
        assert cache.get("h1", "a1.md") == sample_claims("a1.md", 1)
    assert marker.exists()


def test_a_cache_not_closed_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filled(tmp_path)
    (tmp_path / (CACHE_FILE + CLEAN_SUFFIX)).unlink()  # as a killed run leaves it
    assert _opened_checked(monkeypatch, tmp_path)


def test_a_cache_written_after_closing_is_checked_and_rebuilt_when_damaged(
    tmp_path: Path,
) -> None:
    _filled(tmp_path)
    file = tmp_path / CACHE_FILE
    time.sleep(0.05)  # past the file system's clock tick: the write shows in the times
    data = bytearray(file.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    # Garbage over the pages after the first, the size unchanged: only the check can tell.
    data[page : len(data) - page] = b"\xa5" * (len(data) - 2 * page)
    file.write_bytes(bytes(data))
    cache, notes = open_cache(tmp_path)
    assert cache is not None
    with cache:
        assert any("rebuilt" in note.message for note in notes)
        assert len(cache) == 0


def test_a_stale_marker_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filled(tmp_path)
    marker = tmp_path / (CACHE_FILE + CLEAN_SUFFIX)
    marker.write_text("1 2 3 4", encoding="ascii")
    assert _opened_checked(monkeypatch, tmp_path)


def test_location_of_a_walked_path_is_the_resolved_folder_plus_the_rest(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "a").mkdir(parents=True)
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    with ExtractionCache.open(tmp_path / "cache") as cache:
        session = CacheSession(cache, tmp_path / "linked")
        file = str(tmp_path / "linked" / "a" / "x.md")
        assert session.location_of(file) == str(real / "a" / "x.md")
        assert session.location_of(Path(file)) == str(real / "a" / "x.md")
        assert session.location_of(str(tmp_path / "linkedx.md")) == str(tmp_path / "linkedx.md")
