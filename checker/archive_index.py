"""The archive index: each stored article's claims filed under the keys the rules compare on.

A check of a few drafts against a large archive needs only the archive claims that could meet
a draft's claim in some rule. Each rule says which keys it compares on (`Rule.archive_keys`,
`checker.rule.ArchiveKey`); the index files every stored article under the keys of its claims,
in the extraction cache's SQLite file (`checker.cache`): one row per key and article, with the
positions of the article's claims filed under it, so that a check reads the claims that share a
key with the drafts and nothing else. A key is stored as a 64-bit hash of its name: two names
that collide only make a few claims read for nothing (any claim read beyond those needed is
harmless: the rules find the same, see `checker.indexed_archive`).

The keys come from the rule modules, which the extraction version does not cover; the index
is stamped with a hash of them (`index_version`) and rebuilt from the stored claims, never
re-extracted, when they change. Every article's keys are written in the transaction that
marks it indexed, so an interrupted run leaves each article either indexed or not.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

from checker.cache import ExtractionCache, create_index_tables, forget_anchors, transaction
from checker.compare.anchor_reach import AnchorIndex, anchor_names, reach
from checker.compare.anchors import (
    _FUZZY,
    _FUZZY_MIN,
    _initials,
    anchors_agree,
    regnal_names,
)
from checker.models import Claim
from checker.rule import ArchiveKey, Rule

__all__ = ["ArchiveIndex", "IndexRow", "Selection", "index_version", "indexed_rules", "keys_of"]

# Anchors are stored as their name keys joined by a character no name key holds, after one
# that marks an anchored key (an anchor of one empty name is still an anchor).
_JOIN = "\x1f"
_ANCHORED = "\x1e"
# What starts the terms that remember a name's near spellings (`_StoredBlock._spelt_like`).
_SPELT_AS = "\u2248"
# A name of more distinct words than this is filed under its first and last word alone.
_SUBSET_WORDS = 6
# The layout of the index tables: another layout is dropped and made again (from the claims).
_LAYOUT = "4"


class IndexRow(NamedTuple):
    """One key of one article: the hash of its name, its highest rank there, its anchor ("" for
    none), and the positions of the claims filed under it ("0,3,4")."""

    key: int
    rank: int
    anchor: str
    claims: str


@lru_cache(maxsize=1)
def index_version() -> str:
    """A hash of the built-in rule modules, whose `archive_keys` make the index."""
    import rules

    digest = hashlib.sha256(_LAYOUT.encode() + b"\0")
    for file in sorted(Path(rules.__file__).resolve().parent.glob("*.py")):
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def indexed_rules() -> list[Rule]:
    """The built-in rules with their default options: the keys never depend on options."""
    from rules import get_rules

    return [rule() for rule in get_rules() if rule.archive_indexed]


def key_hash(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), signed=True)


def keys_of(rules: Sequence[Rule], claims: Iterable[Claim]) -> list[ArchiveKey]:
    """Every key the rules file `claims` under, once each."""
    found: dict[ArchiveKey, None] = {}
    for claim in claims:
        for rule in rules:
            for key in rule.archive_keys(claim):
                found.setdefault(key)
    return list(found)


def rows_of(rules: Sequence[Rule], claims: Sequence[Claim]) -> list[IndexRow]:
    """The index rows of one article's claims."""
    ranked: dict[tuple[int, str], tuple[int, list[int]]] = {}
    for position, claim in enumerate(claims):
        for rule in rules:
            for key in rule.archive_keys(claim):
                where = (key_hash(key.name), _stored(key.anchor))
                rank, positions = ranked.get(where, (key.rank, []))
                if not positions or positions[-1] != position:
                    positions.append(position)
                ranked[where] = (max(rank, key.rank), positions)
    return [
        IndexRow(key, rank, anchor, ",".join(map(str, positions)))
        for (key, anchor), (rank, positions) in ranked.items()
    ]


def _stored(anchor: tuple[str, ...] | None) -> str:
    return "" if anchor is None else _ANCHORED + _JOIN.join(anchor)


def _anchor(stored: str) -> tuple[str, ...]:
    return tuple(stored[1:].split(_JOIN))


class Selection(NamedTuple):
    """What the rules must read of the archive: per article (id), the positions of its claims
    to read; the names of keys too crowded to read (`RuleContext.crowded`); the anchors each
    anchored block reached (by key hash); and the claims met through `follow` keys."""

    claims: dict[int, set[int]]
    crowded: set[str]
    reached: dict[int, set[tuple[str, ...]]]
    followed: dict[int, set[int]]

    def add(self, article: int, positions: str, into: dict[int, set[int]] | None = None) -> None:
        target = self.claims if into is None else into
        target.setdefault(article, set()).update(map(int, positions.split(",")))


class ArchiveIndex:
    """The index tables of one open `ExtractionCache`."""

    def __init__(self, cache: ExtractionCache) -> None:
        self._cache = cache
        self._connection = cache.connection

    @property
    def connection(self) -> sqlite3.Connection:
        return self._connection

    def prepare(self) -> None:
        """Drop an index made by other rule modules (the claims stay)."""
        version = index_version()
        row = self._connection.execute("SELECT value FROM meta WHERE key = 'index'").fetchone()
        if row is not None and row[0] == version:
            return
        with transaction(self._connection):
            for table in ("keys", "indexed", "anchor_terms", "walks"):
                self._connection.execute(f"DROP TABLE IF EXISTS {table}")
            create_index_tables(self._connection)
            self._connection.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('index', ?)", (version,)
            )

    def content(self, number: int) -> tuple[str, str, str | None]:
        """The (sha256, variant) of a filed article and the note its figure cap gave."""
        sha, variant, note = self._connection.execute(
            "SELECT sha256, variant, note FROM indexed WHERE id = ?", (number,)
        ).fetchone()
        return sha, variant, note

    def notes(self) -> dict[int, str]:
        """Article id -> the note its figure cap gave, of the filed articles that have one."""
        rows = self._connection.execute("SELECT id, note FROM indexed WHERE note IS NOT NULL")
        return dict(rows)

    def walked(self, root: str, digest: bytes) -> list[int] | None:
        """The ids of the articles of the files a walk of `root` with this digest met, in its
        order, as `remember_walk` stored them; None when no such walk is stored."""
        row = self._connection.execute(
            "SELECT ids FROM walks WHERE root = ? AND digest = ?", (root, digest)
        ).fetchone()
        return None if row is None else array("q", row[0]).tolist()

    def remember_walk(self, root: str, digest: bytes, ids: Sequence[int]) -> None:
        """Store a walk of `root` that met only files known and filed, with their articles'
        ids, in walk order. Any later change to the files recorded or the articles filed
        forgets it (the tables' triggers: see `checker.cache`). A failed write only costs the
        next run its lookups."""
        if not self._cache.writable:
            return
        blob = array("q", ids).tobytes()
        with contextlib.suppress(sqlite3.Error), transaction(self._connection):
            self._connection.execute(
                "INSERT OR REPLACE INTO walks (root, digest, ids) VALUES (?, ?, ?)",
                (root, digest, blob),
            )

    def ids(self, contents: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """(sha256, variant) -> article id of those of `contents` that are filed."""
        found: dict[tuple[str, str], int] = {}
        for sha, variant in contents:
            row = self._connection.execute(
                "SELECT id FROM indexed WHERE sha256 = ? AND variant = ?", (sha, variant)
            ).fetchone()
            if row is not None:
                found[sha, variant] = row[0]
        return found

    def add(self, articles: Sequence[tuple[str, str, str | None, Sequence[IndexRow]]]) -> None:
        """Index articles, each (sha256, variant, cap note, rows), in one transaction."""
        if not articles or not self._cache.writable:
            return
        with transaction(self._connection):
            for sha, variant, note, rows in articles:
                old = self._connection.execute(
                    "SELECT key, anchor FROM keys WHERE anchor != '' AND article IN"
                    " (SELECT id FROM indexed WHERE sha256 = ? AND variant = ?)",
                    (sha, variant),
                ).fetchall()
                self._connection.execute(
                    "DELETE FROM keys WHERE article IN"
                    " (SELECT id FROM indexed WHERE sha256 = ? AND variant = ?)",
                    (sha, variant),
                )
                cursor = self._connection.execute(
                    "INSERT OR REPLACE INTO indexed (sha256, variant, note) VALUES (?, ?, ?)",
                    (sha, variant, note),
                )
                number = cursor.lastrowid
                self._connection.executemany(
                    "INSERT OR IGNORE INTO keys (key, rank, anchor, article, claims)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [(row.key, row.rank, row.anchor, number, row.claims) for row in rows],
                )
                anchored = [row for row in rows if row.anchor]
                self._connection.executemany(
                    "INSERT OR IGNORE INTO anchor_terms (key, term, anchor) VALUES (?, ?, ?)",
                    [
                        *(
                            (row.key, term, row.anchor)
                            for row in anchored
                            for term in _terms(_anchor(row.anchor))
                        ),
                        *(
                            (row.key, term, "")
                            for row in anchored
                            for term in _spelt_terms(_anchor(row.anchor))
                        ),
                    ],
                )
                forget_anchors(self._connection, old)
                for hashed in {row.key for row in anchored}:
                    self._connection.execute(
                        "DELETE FROM anchor_terms WHERE key = ? AND term >= ? AND term < ?",
                        (hashed, *_bounds(_SPELT_AS)),
                    )

    def select(self, wanted: Iterable[ArchiveKey], current: Mapping[int, object]) -> Selection:
        """What the rules must read of the archive for checked claims with keys `wanted`:
        `current` holds the ids of the archive's indexed articles (no other is ever chosen)."""
        plain: dict[tuple[int, int, int], ArchiveKey] = {}
        blocks: dict[int, list[tuple[str, ...]]] = defaultdict(list)
        for key in wanted:
            if key.anchor is not None:
                blocks[key_hash(key.name)].append(key.anchor)
            else:
                plain.setdefault((key_hash(key.name), key.floor, key.cap), key)
        selection = Selection({}, set(), {}, {})
        for (hashed, floor, cap), key in plain.items():
            rows = self._connection.execute(
                "SELECT article, claims FROM keys WHERE key = ? AND rank >= ?", (hashed, floor)
            )
            found = _current_rows(rows, current, cap)
            if cap and len(found) > cap:
                selection.crowded.add(key.name)
                continue
            for number, positions in found:
                selection.add(number, positions)
                if key.follow:
                    selection.add(number, positions, selection.followed)
        self.reach(blocks, current, selection)
        return selection

    def reach(
        self,
        blocks: Mapping[int, Sequence[tuple[str, ...]]],
        current: Mapping[int, object],
        selection: Selection,
    ) -> None:
        """Add to `selection` the claims of each block (by key hash) that the clustering of
        the wanted anchors reaches."""
        for hashed, wanted in blocks.items():
            block = _StoredBlock(self._connection, hashed, current, AnchorIndex(wanted))
            if not block.any_current():
                continue
            reached = reach(block, wanted)
            selection.reached.setdefault(hashed, set()).update(reached)
            for anchor in reached:
                for number, positions in block.rows(anchor):
                    selection.add(number, positions)
            if self._cache.writable:
                block.remember_spellings()

    def anchored_keys(self, claims: Mapping[int, set[int]]) -> dict[int, list[tuple[str, ...]]]:
        """The anchored keys (block hash -> anchors) of some claims (article -> positions)."""
        blocks: dict[int, list[tuple[str, ...]]] = defaultdict(list)
        for number, positions in claims.items():
            rows = self._connection.execute(
                "SELECT key, anchor, claims FROM keys WHERE article = ? AND anchor != ''",
                (number,),
            )
            for hashed, stored, filed in rows:
                if positions.intersection(map(int, filed.split(","))):
                    blocks[hashed].append(_anchor(stored))
        return blocks


def _current_rows(
    rows: Iterable[tuple[int, str]], current: Mapping[int, object], cap: int
) -> list[tuple[int, str]]:
    """The rows of current articles, up to one past `cap` (0: all): a stock phrase filed by
    thousands of articles is known to be crowded without reading them all."""
    found: list[tuple[int, str]] = []
    for number, positions in rows:
        if number in current:
            found.append((number, positions))
            if len(found) == cap + 1 and cap:
                break
    return found


def _terms(anchor: tuple[str, ...]) -> set[str]:
    """What the names of a stored anchor are found by (see `_StoredBlock.neighbours`): each
    name itself, its words (see `_name_terms`), its initials and its regnal names."""
    terms: set[str] = set()
    for name in anchor_names(anchor):
        words = name.split()
        terms.add("=" + name)
        terms.update(_name_terms(words, stored=True))
        if len(words) >= 2:
            terms.add("^" + _initials(words))
        terms.update("%" + regnal for regnal in regnal_names(words))
    return terms


def _name_terms(words: list[str], *, stored: bool) -> set[str]:
    """The terms by which names of the block that may match a name by their words meet it.

    `names_match` pairs two names when the words of the shorter are all among the other's and
    they share the first or the last word. So the stored name is filed under each set of its
    words that holds that shared word (marked `<` first, `>` last), which a name of fewer words
    looks up with its own set; and under its own set of words (`[`, `]`), which a name of more
    words looks up with each of its sets. A name of many words would have too many sets:
    stored, it is filed under its first and last word alone (`<`, `>` with no set), which every
    name looks up; looked up, it reads every stored name with its first or last word (`(`,
    `)`, under which every name is filed). Coarser, and rare.
    """
    first, last, distinct = words[0], words[-1], set(words)
    own = " ".join(sorted(distinct))
    many = len(distinct) > _SUBSET_WORDS
    if stored:
        terms = {"(" + first, ")" + last, "[" + first + _JOIN + own, "]" + last + _JOIN + own}
        if many:
            terms.update(("<" + first, ">" + last))
        else:
            terms |= _edge_sets(first, last, distinct, "<", ">")
        return terms
    terms = {"<" + first, ">" + last}  # the stored names of many words
    if many:
        terms.update(("(" + first, ")" + last))
    else:
        terms.update(("<" + first + _JOIN + own, ">" + last + _JOIN + own))
        terms |= _edge_sets(first, last, distinct, "[", "]")
    return terms


def _edge_sets(first: str, last: str, words: set[str], before: str, after: str) -> set[str]:
    """A term for each set of `words` that holds the first word (after `before`), and each that
    holds the last (after `after`)."""
    terms: set[str] = set()
    for edge, mark in ((first, before), (last, after)):
        rest = sorted(words - {edge})
        for size in range(len(rest) + 1):
            for chosen in combinations(rest, size):
                terms.add(mark + edge + _JOIN + " ".join(sorted((edge, *chosen))))
    return terms


def _spelt_terms(anchor: tuple[str, ...]) -> set[str]:
    """The block's list of long names, which may be misspelt: each after its word count, so
    that a range of terms holds the names of one word count. Filed under no anchor (the
    name's own term finds its anchors), and left when no anchor holds the name any more: such
    a name matches no anchor."""
    return {
        _spelt(len(name.split()), len(name)) + name
        for name in anchor_names(anchor)
        if len(name) >= _FUZZY_MIN
    }


def _spelt(words: int, length: int) -> str:
    """The prefix of a long name's term: its word count (and length, which orders the names
    of one word count)."""
    return f"~{words:03d}{length:06d}"


def _long_names_range(words: int) -> tuple[str, str]:
    """The range the terms of the block's long names of `words` words sort in."""
    return _spelt(words, 0), _spelt(words + 1, 0)


class _StoredBlock:
    """The anchors of one block in the index (those of `current` articles) and the in-memory
    `extra` ones, as `reach` reads them: the neighbours of an anchor are found through the
    stored terms of its names, so only the anchors that could agree with it are read."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        hashed: int,
        current: Mapping[int, object],
        extra: AnchorIndex,
    ) -> None:
        self._connection = connection
        self._hashed = hashed
        self._current = current
        self._extra = extra
        self._rows: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self._neighbours: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = {}
        self._long_names: dict[int, list[str]] = {}  # word count -> the block's long names
        self._learnt: dict[str, set[str]] = {}  # a name -> the long names spelt like it

    def any_current(self) -> bool:
        rows = self._connection.execute("SELECT article FROM keys WHERE key = ?", (self._hashed,))
        return any(number in self._current for (number,) in rows)

    def rows(self, anchor: tuple[str, ...]) -> list[tuple[int, str]]:
        """(article, claim positions) of the current articles filed under this anchor."""
        found = self._rows.get(anchor)
        if found is None:
            rows = self._connection.execute(
                "SELECT article, claims FROM keys WHERE key = ? AND anchor = ?",
                (self._hashed, _stored(anchor)),
            )
            found = [(number, claims) for number, claims in rows if number in self._current]
            self._rows[anchor] = found
        return found

    def neighbours(self, anchor: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
        """The anchors of the block that agree with `anchor`, either way round: those whose
        names share a term with its names (a superset of the names `names_match` accepts, as
        in `AnchorIndex`), kept when they agree and some current article is filed under them.

        Two anchors that both have a primary name agree only when those match (`anchors_agree`),
        so the other names of an anchor with a primary look only for anchors without one: the
        many stories' anchors that share a ministry or a town with it are not read."""
        known = self._neighbours.get(anchor)
        if known is not None:
            return known
        primary = set(anchor_names(anchor[:1]))
        of_any: set[str] = set()  # terms of the primary's names (of every name, with none)
        of_unnamed: set[str] = set()  # terms that look for anchors without a primary only
        candidates: set[str] = set()
        for name in anchor_names(anchor):
            words = name.split()
            terms = of_any if name in primary or not primary else of_unnamed
            terms.update(_name_terms(words, stored=False))
            if len(words) == 1:
                terms.add("^" + name)
            else:  # a stored name of one word that is its initials
                initials = _initials(words)
                terms.add("[" + initials + _JOIN + initials)
            terms.update("%" + regnal for regnal in regnal_names(words))
            if len(name) >= _FUZZY_MIN:
                candidates.update(self._spelt_like(name, len(words)))
        candidates.update(self._with_terms(of_any))
        candidates.update(self._with_terms(of_unnamed, _bounds(_ANCHORED + _JOIN)))
        found = set(self._extra.neighbours(anchor))
        for stored in candidates:
            other = _anchor(stored)
            if other == anchor or other in found:
                continue
            if (anchors_agree(anchor, other) or anchors_agree(other, anchor)) and self.rows(other):
                found.add(other)
        result = frozenset(found)
        self._neighbours[anchor] = result
        return result

    def _with_terms(self, terms: set[str], within: tuple[str, str] | None = None) -> set[str]:
        """The stored anchors filed under any of `terms`, those in the range `within` only."""
        if not terms:
            return set()
        listed = sorted(terms)
        marks = ",".join("?" * len(listed))
        query = f"SELECT DISTINCT anchor FROM anchor_terms WHERE key = ? AND term IN ({marks})"
        if within is not None:
            query += " AND anchor >= ? AND anchor < ?"
        rows = self._connection.execute(query, (self._hashed, *listed, *(within or ())))
        return {stored for (stored,) in rows}

    def _spelt_like(self, name: str, words: int) -> set[str]:
        """Stored anchors with a long name of as many words that `fuzz.ratio` puts within
        `_FUZZY` of `name`. The block's long names of that word count are read once, unless
        the index remembers which are spelt like `name` (see `remember_spellings`)."""
        low, high = _bounds(_SPELT_AS + name + _JOIN)
        remembered = self._connection.execute(
            "SELECT term FROM anchor_terms WHERE key = ? AND term >= ? AND term < ?",
            (self._hashed, low, high),
        ).fetchall()
        if remembered:
            spelt = {term[len(low) :] for (term,) in remembered} - {""}
        else:
            names = self._long_names.get(words)
            if names is None:
                start, end = _long_names_range(words)
                rows = self._connection.execute(
                    "SELECT term FROM anchor_terms WHERE key = ? AND term >= ? AND term < ?",
                    (self._hashed, start, end),
                )
                names = [term[len(start) :] for (term,) in rows]
                self._long_names[words] = names
            found = process.extract(
                name, names, scorer=fuzz.ratio, score_cutoff=_FUZZY - 0.01, limit=None
            )
            spelt = {choice for choice, _, _ in found}
            self._learnt[name] = spelt
        if not spelt:
            return set()
        terms = ["=" + choice for choice in spelt]
        marks = ",".join("?" * len(terms))
        anchors = self._connection.execute(
            f"SELECT DISTINCT anchor FROM anchor_terms WHERE key = ? AND term IN ({marks})",
            (self._hashed, *terms),
        )
        return {stored for (stored,) in anchors}

    def remember_spellings(self) -> None:
        """Store the near spellings this block worked out, so that the next check of the same
        names reads them instead of the block's long names: each as a term of the name and
        one spelling, and one with no spelling that says the list is whole. `ArchiveIndex.add`
        forgets them when the block gains names. A failed write only costs the next check."""
        learnt, self._learnt = self._learnt, {}
        rows = [
            (self._hashed, _SPELT_AS + name + _JOIN + spelling, "")
            for name, spelt in learnt.items()
            for spelling in ("", *spelt)
        ]
        if not rows:
            return
        with contextlib.suppress(sqlite3.Error), transaction(self._connection):
            # Another run may have filed names in the block since they were read (names are
            # only ever added): then what was worked out is not remembered.
            for words in {len(name.split()) for name in learnt}:
                if self._count_long_names(words) != len(self._long_names[words]):
                    return
            self._connection.executemany(
                "INSERT OR IGNORE INTO anchor_terms (key, term, anchor) VALUES (?, ?, ?)", rows
            )

    def _count_long_names(self, words: int) -> int:
        start, end = _long_names_range(words)
        row = self._connection.execute(
            "SELECT COUNT(*) FROM anchor_terms WHERE key = ? AND term >= ? AND term < ?",
            (self._hashed, start, end),
        ).fetchone()
        return int(row[0])


def _bounds(prefix: str) -> tuple[str, str]:
    """The range every term starting with `prefix` sorts in."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
