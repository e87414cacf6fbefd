"""The archive index finds an anchor's neighbours in its stored terms as `AnchorIndex` does."""

from __future__ import annotations

import random
from pathlib import Path

from checker.archive_index import ArchiveIndex, IndexRow, _stored, _StoredBlock, key_hash
from checker.cache import ExtractionCache
from checker.compare.anchor_reach import AnchorIndex, reach
from tests.compare.test_anchor_reach import NAMES, _anchor

# Long names one letter apart, and of other word counts and lengths: `fuzz.ratio` decides.
SPELT = ["harbour commission", "harbor commission", "harbourcommission", "marielle ostrander"]
SPELT += ["mariele ostrandr", "marielle ostrander jr", "ostrander"]
# Names of more distinct words than are filed by their sets, and names they hold.
SPELT += ["the institute for the study of modern war and peace", "the institute", "peace"]
SPELT += ["the harbour institute of modern war and peace studies", "war and peace"]


def _random_anchor(rng: random.Random) -> tuple[str, ...]:
    if rng.random() < 0.3:
        names = sorted({rng.choice(SPELT + NAMES) for _ in range(rng.randint(1, 2))})
        return ("", *names) if rng.random() < 0.5 else tuple(names)
    return _anchor(rng)


def _filled(folder: Path, articles: list[list[tuple[str, ...]]]) -> ArchiveIndex:
    cache = ExtractionCache.open(folder, version="test")
    index = ArchiveIndex(cache)
    index.prepare()
    block = key_hash("block")
    index.add(
        [
            (f"a{n}", "", None, [IndexRow(block, 0, _stored(anchor), "0") for anchor in anchors])
            for n, anchors in enumerate(articles)
        ]
    )
    return index


def test_stored_neighbours_are_those_of_the_current_articles_and_the_wanted(
    tmp_path: Path,
) -> None:
    for seed in range(40):
        rng = random.Random(seed)
        articles = [
            sorted({_random_anchor(rng) for _ in range(rng.randint(1, 6))})
            for _ in range(rng.randint(1, 12))
        ]
        index = _filled(tmp_path / str(seed), articles)
        ids = index.ids((f"a{n}", "") for n in range(len(articles)))
        current = {ids[(f"a{n}", "")]: None for n in range(len(articles)) if rng.random() < 0.8}
        present = {
            anchor
            for n, anchors in enumerate(articles)
            if ids[(f"a{n}", "")] in current
            for anchor in anchors
        }
        wanted = sorted({_random_anchor(rng) for _ in range(rng.randint(1, 3))})
        memory = AnchorIndex(sorted(present))
        for anchor in wanted:
            memory.add(anchor)
        # The second block reads the near spellings the first remembered.
        for _ in range(2):
            stored = _StoredBlock(index.connection, key_hash("block"), current, AnchorIndex(wanted))
            for anchor in sorted(present | set(wanted)):
                assert stored.neighbours(anchor) == memory.neighbours(anchor), (seed, anchor)
            assert reach(stored, wanted) == reach(memory, wanted), seed
            stored.remember_spellings()
        index.connection.close()


def test_remembered_spellings_are_forgotten_when_the_block_gains_names(tmp_path: Path) -> None:
    index = _filled(tmp_path, [[("", "harbour commission")]])
    block = key_hash("block")
    wanted = ("", "harbor commission")
    first = _StoredBlock(index.connection, block, {1: None, 2: None}, AnchorIndex([wanted]))
    assert first.neighbours(wanted) == {("", "harbour commission")}
    first.remember_spellings()
    index.add([("a1", "", None, [IndexRow(block, 0, _stored(("", "harbour commision")), "0")])])
    again = _StoredBlock(index.connection, block, {1: None, 2: None}, AnchorIndex([wanted]))
    assert again.neighbours(wanted) == {("", "harbour commission"), ("", "harbour commision")}
    index.connection.close()


def test_a_pruned_article_takes_the_terms_only_it_held(tmp_path: Path) -> None:
    shared, own = ("", "harbour commission"), ("", "marielle ostrander")
    index = _filled(tmp_path, [[shared, own], [shared]])
    cache = ExtractionCache.open(tmp_path, version="test")
    try:
        cache.put_many([])
        location = str(tmp_path / "archive" / "a.md")
        cache.connection.execute(
            "INSERT INTO claims VALUES ('a0', '', 'a.md', ?, '[]')", (location,)
        )
        assert cache.prune(tmp_path / "archive", set()) == 1
        rows = cache.connection.execute("SELECT anchor FROM anchor_terms WHERE anchor != ''")
        anchors = {row[0] for row in rows}
        assert anchors == {_stored(shared)}
    finally:
        cache.close()
        index.connection.close()


def test_spellings_worked_out_before_another_run_filed_names_are_not_remembered(
    tmp_path: Path,
) -> None:
    index = _filled(tmp_path, [[("", "harbour commission")]])
    block = key_hash("block")
    wanted = ("", "harbor commission")
    first = _StoredBlock(index.connection, block, {1: None, 2: None}, AnchorIndex([wanted]))
    assert first.neighbours(wanted) == {("", "harbour commission")}
    other = ArchiveIndex(ExtractionCache.open(tmp_path, version="test"))  # another run
    other.add([("a1", "", None, [IndexRow(block, 0, _stored(("", "harbour commision")), "0")])])
    other.connection.close()
    first.remember_spellings()  # too late: the block has a name it did not read
    again = _StoredBlock(index.connection, block, {1: None, 2: None}, AnchorIndex([wanted]))
    assert again.neighbours(wanted) == {("", "harbour commission"), ("", "harbour commision")}
    index.connection.close()


def test_a_stored_walk_is_forgotten_when_the_files_or_the_filed_articles_change(
    tmp_path: Path,
) -> None:
    index = _filled(tmp_path, [[("", "harbour commission")]])
    connection = index.connection
    changes = [
        "INSERT INTO files VALUES ('/archive/a.md', 1, 2, 3, 4, 'a0', '')",
        "UPDATE files SET size = 5",
        "DELETE FROM files",
        "INSERT INTO indexed (sha256, variant) VALUES ('a1', '')",
        "UPDATE indexed SET note = 'capped'",
        "DELETE FROM indexed WHERE sha256 = 'a1'",
    ]
    for change in changes:
        index.remember_walk("/archive", b"digest", [1, 2])
        assert index.walked("/archive", b"digest") == [1, 2]
        assert index.walked("/archive", b"other") is None
        connection.execute(change)
        assert index.walked("/archive", b"digest") is None, change
    index.remember_walk("/archive", b"digest", [1])
    index.add([("a2", "", None, [IndexRow(key_hash("block"), 0, "", "0")])])
    assert index.walked("/archive", b"digest") is None
    connection.close()
