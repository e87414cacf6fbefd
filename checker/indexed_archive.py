"""`--against` through the archive index: read only the archive articles the check needs.

A warm check of one draft against a large archive would otherwise read, parse and hand to the
rules every archive article. Here the archive is walked and each file's metadata compared with
what the index recorded of it (`files`: size, times, inode), so an unchanged file is known by
its content hash without being read; new and changed files are read, extracted (or found in
the cache by content) and indexed (`checker.archive_index`). Then the checked claims' keys
select the archive articles the rules must see, and only those are read.

Looking each file up costs more than walking the archive, so a run that finds every file
known and filed, and none gone, stores its walk: a digest of each file's path and metadata
in walk order, with the files' article ids. A later walk of the same digest met the same
files, unchanged, so it takes those ids without a lookup. Any write to the files recorded or
the articles filed forgets every stored walk (triggers in `checker.cache`).

The findings are those of reading the whole archive (the test holds the two paths together):
every rule that can look at the archive says what it compares on (`Rule.archive_keys`), and a
rule that does not say (a plugin), a facts register with figures (they regroup the subjects)
or a Dask engine (it groups on its cluster) takes the whole-archive path instead.

A file's metadata is trusted only when its modification time lies well before it was read
(the same rule as git's "racy" files): a write in the same clock tick as the read would leave
the time unchanged.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from checker.archive_index import ArchiveIndex, Selection, indexed_rules, keys_of, rows_of
from checker.cache import (
    CacheSession,
    ExtractionCache,
    article_variant,
    file_signature,
    folder_bounds,
    transaction,
)
from checker.engine import CheckSettings, Extraction, extract_all
from checker.extract import extract_article
from checker.figure_cap import cap_figures
from checker.group import register_figures
from checker.load import HTML_SUFFIXES, LoadResult, load_file, walk
from checker.models import Article, Claim, Diagnostic
from checker.rule import Rule

__all__ = ["indexable", "read_archive"]

Progress = Callable[[int], None]

# A modification time this close to the moment the file was read may hide a later write.
_RACY_NS = 2_000_000_000
# Articles indexed per transaction: an interrupted run keeps most of its work.
_BATCH = 200


def indexable(rules: Sequence[Rule], settings: CheckSettings) -> bool:
    """Whether the index can serve these rules: all built-in ones that say what they read,
    and no facts-register figure to regroup the subjects with."""
    built_in = {type(rule) for rule in indexed_rules()}
    if any(type(rule) not in built_in for rule in rules):
        return False
    return not register_figures(settings.facts)


class _Known(NamedTuple):
    """An archive file whose content the index recorded: its article's id in the index, when
    its claims are filed."""

    path: str
    sha256: str
    variant: str
    number: int | None


# What the index recorded of a file, by the file's location and metadata (`_Signed`): its
# content (sha256, variant) and, when its claims are filed, its article id.
_Signed = tuple[str, int, int, int, int]
_Recorded = tuple[str, str, int | None]


@dataclass
class _Walk:
    known: list[_Known] = field(default_factory=list)
    fresh: list[tuple[Article, os.stat_result | None]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    locations: set[str] = field(default_factory=set)
    order: dict[str, int] = field(default_factory=dict)  # path -> place in the walk
    digest: bytes = b""  # of the files walked (`_walked`)


class _Walked(NamedTuple):
    """One walk of the archive: its article files in walk order with their metadata, the
    digest of both (`_walked`), and what the walk could not read."""

    files: list[tuple[str, os.stat_result | None]]
    digest: bytes
    diagnostics: list[Diagnostic]


class _Current(NamedTuple):
    """The archive as the index serves it: the files known by their metadata (article id,
    path), in walk order, and those read by this run and filed (id -> path); each file's
    place in the walk; the files that could not be filed (read whole, with their claims); the
    diagnostics of the walk and of the files read."""

    known: Sequence[tuple[int, str]]
    order: dict[str, int]
    fresh: Mapping[int, str]
    unfiled: Sequence[tuple[Article, list[Claim]]]
    diagnostics: Sequence[Diagnostic]


class _Recorder:
    """The cache session `extract_all` reads, remembering each article's claims as it goes."""

    def __init__(self, session: CacheSession) -> None:
        self.session = session
        self.claims: dict[str, list[Claim]] = {}

    def lookup(self, article: Article) -> list[Claim] | None:
        claims = self.session.lookup(article)
        if claims is not None:
            self.claims[article.path] = claims
        return claims

    def store(self, article: Article, claims: list[Claim]) -> None:
        self.claims[article.path] = claims
        self.session.store(article, claims)

    def finish(self) -> list[Diagnostic]:
        return self.session.finish()


def read_archive(
    checked: Extraction,
    archive: Path,
    cache: ExtractionCache,
    settings: CheckSettings,
    *,
    exclude: set[Path],
    progress: Progress | None = None,
) -> Extraction:
    """The archive articles under `archive` that the rules must read to check `checked`, with
    their claims, in the order a whole-archive read gives them; the diagnostics of the whole
    archive. `exclude`: resolved files not to read as archive (the checked ones). Brings the
    index up to date and prunes the cache under `archive` on the way."""
    index = ArchiveIndex(cache)
    index.prepare()
    session = CacheSession(cache, archive)
    root = folder_bounds(archive)[0]
    diagnostics: list[Diagnostic] = []
    hashed = hashlib.sha256()
    files = list(_walked(archive, settings, exclude, hashed, diagnostics))
    walk = _Walked(files, hashed.digest(), diagnostics)
    ids = index.walked(root, walk.digest)
    if ids is None:
        current = _update(checked, archive, root, index, session, settings, walk, progress)
    else:
        # Every file is as the run that stored this walk met it: known and filed.
        if progress is not None:
            progress(len(checked.articles) + len(files))
        order = {path: place for place, (path, _) in enumerate(files)}
        known = [(number, path) for number, (path, _) in zip(ids, files, strict=True)]
        current = _Current(known, order, {}, (), diagnostics)
    return _read(index, checked, current, settings, session)


def _update(
    checked: Extraction,
    archive: Path,
    root: str,
    index: ArchiveIndex,
    session: CacheSession,
    settings: CheckSettings,
    walk: _Walked,
    progress: Progress | None,
) -> _Current:
    """Bring the index up to date with the archive as `walk` met it: read, extract and file
    the new and changed files, and prune the cache of what is gone. When nothing was, store
    the walk: the next run that walks the same files knows them all without a lookup each."""
    cache = session.cache
    recorded = _recorded_files(index, archive)
    found = _walk(archive, walk, recorded, session, settings)
    rules = indexed_rules()
    done = len(checked.articles)
    if progress is not None:
        progress(done + len(found.known))

    # Files the index knows but whose claims it never filed (another version of the rules):
    # filed from the stored claims; a stored row that is gone means reading the file again.
    pending: list[tuple[str, str, str, list[Claim]]] = []
    known: list[_Known] = []
    for entry in found.known:
        if entry.number is not None:
            known.append(entry)
            continue
        claims = cache.get(entry.sha256, entry.path, variant=entry.variant)
        if claims is None:
            article, problems = load_file(Path(entry.path), max_article_kb=settings.max_article_kb)
            found.diagnostics.extend(problems)
            if article is not None:
                found.fresh.append((article, None))
            continue
        known.append(entry)
        pending.append((entry.sha256, entry.variant, str(entry.path), claims))

    # New and changed files: extracted (or found in the cache by content), then indexed.
    recorder = _Recorder(session)
    fresh = [article for article, _ in found.fresh]
    extracted = extract_all(
        LoadResult(articles=fresh),
        _shifted(progress, done + len(found.known)),
        jobs=settings.jobs,
        cache=recorder,
        extract=extract_article,
    )
    for article in fresh:
        claims = recorder.claims.get(article.path)
        if claims is not None:
            pending.append((article.sha256, article_variant(article), article.path, claims))
    _index(index, rules, pending)
    _remember_files(cache, session, found.fresh, recorder.claims)

    # The walk met exactly the files recorded, all unchanged and filed: the cache holds
    # nothing under the archive that this run would prune, and no file is gone.
    changed = bool(fresh or pending or len(found.known) != len(recorded))
    if changed:
        for entry in known:
            session.keep_key(entry.sha256, entry.variant)
        for article in fresh:
            session.keep(article)
        for article in checked.articles:
            session.keep(article)  # a checked file inside the archive stays current
        session.prune()
        _forget_files(cache, (signed[0] for signed in recorded), found.locations)

    filed = index.ids({(sha, variant) for sha, variant, _, _ in pending})
    ids: list[tuple[int, str]] = []
    for entry in known:
        number = entry.number
        if number is None:  # filed by this run, unless the cache could not be written
            number = filed.get((entry.sha256, entry.variant))
        if number is not None:
            ids.append((number, entry.path))
    if not changed and ids and len(ids) == len(found.order):  # every file known and filed
        index.remember_walk(root, found.digest, [number for number, _ in ids])
    read: dict[int, str] = {}
    unfiled: list[tuple[Article, list[Claim]]] = []
    for article in fresh:
        number = filed.get((article.sha256, article_variant(article)))
        if number is not None:
            read[number] = article.path
        elif article.path in recorder.claims:  # the cache could not be written: read whole
            unfiled.append((article, recorder.claims[article.path]))
    diagnostics = [*found.diagnostics, *extracted.diagnostics]
    return _Current(ids, found.order, read, unfiled, diagnostics)


def _read(
    index: ArchiveIndex,
    checked: Extraction,
    current: _Current,
    settings: CheckSettings,
    session: CacheSession,
) -> Extraction:
    """The archive articles the rules must read to check `checked`, with their claims."""
    assert settings.rules is not None  # resolved by the caller
    by_id = {**dict(current.known), **current.fresh}
    wanted, context = _select(index, settings.rules, checked.claims, by_id, settings, session)
    for article, claims in current.unfiled:
        context.articles.append(article)
        context.claims.extend(cap_figures(claims, article.path)[0])
    _in_walk_order(context, current.order)
    # The cap notes of the files not read: those read say it again as they are extracted.
    noted = index.notes()
    notes = [Diagnostic(path=path, message=noted[n]) for n, path in current.known if n in noted]
    context.diagnostics = [*current.diagnostics, *notes]
    context.crowded = frozenset(wanted.crowded)
    return context


def _walked(
    archive: Path,
    settings: CheckSettings,
    exclude: set[Path],
    digest: hashlib._Hash,
    diagnostics: list[Diagnostic],
) -> Iterator[tuple[str, os.stat_result | None]]:
    """Every article file of the archive in walk order, with its metadata, each added to
    `digest`: two walks of one folder with one digest met the same files with the same
    metadata, in the same order, under the same article limit (it decides which are read)."""
    excluded = {str(path) for path in exclude}
    digest.update(b"%d\n" % settings.max_article_kb)
    for file, identity, status in walk(
        archive, excludes=settings.excludes, diagnostics=diagnostics
    ):
        if identity in excluded:
            continue
        # A path holds no NUL and metadata no line break: the lines tell the files apart.
        line = (
            f"{file}\0\n"
            if status is None
            else f"{file}\0{status.st_size} {status.st_mtime_ns} {status.st_ctime_ns}"
            f" {status.st_ino}\n"
        )
        digest.update(line.encode("utf-8", "surrogateescape"))
        yield file, status


def _walk(
    archive: Path,
    walk: _Walked,
    recorded: dict[_Signed, _Recorded],
    session: CacheSession,
    settings: CheckSettings,
) -> _Walk:
    """Every article file the walk met: known by its recorded metadata, or read."""
    found = _Walk(diagnostics=list(walk.diagnostics), digest=walk.digest)
    limit = settings.max_article_kb * 1024
    location_of = session.location_of
    for file, status in walk.files:
        location = location_of(file)
        found.locations.add(location)
        found.order[file] = len(found.order)
        if status is not None and _within(file, status.st_size, limit):
            row = recorded.get((location, *file_signature(status)))
            if row is not None:
                found.known.append(_Known(file, *row))
                continue
        article, notes = load_file(Path(file), max_article_kb=settings.max_article_kb)
        found.diagnostics.extend(notes)
        if article is not None:
            found.fresh.append((article, status))
    if not found.known and not found.fresh and not found.diagnostics and archive.is_dir():
        found.diagnostics.append(
            Diagnostic(path=str(archive), message="no article files in this folder")
        )
    return found


def _within(file: str, size: int, limit: int) -> bool:
    """Whether a file of `size` bytes is sure to be under the article limit unread: an HTML
    file's text may be longer than its bytes (UTF-16), so it is read near the limit."""
    if size <= limit // 2:
        return True
    return size <= limit and os.path.splitext(file)[1].lower() not in HTML_SUFFIXES


def _recorded_files(index: ArchiveIndex, archive: Path) -> dict[_Signed, _Recorded]:
    """What the index recorded of each file under the archive, by its location and metadata."""
    rows = index.connection.execute(
        "SELECT f.location, f.size, f.mtime_ns, f.ctime_ns, f.inode, f.sha256, f.variant, i.id"
        " FROM files f LEFT JOIN indexed i ON i.sha256 = f.sha256 AND i.variant = f.variant"
        " WHERE f.location = ? OR (f.location >= ? AND f.location < ?)",
        folder_bounds(archive),
    )
    return {row[:5]: row[5:] for row in rows}


def _index(
    index: ArchiveIndex, rules: Sequence[Rule], pending: Sequence[tuple[str, str, str, list[Claim]]]
) -> None:
    """File the pending articles' claims, as the rules will see them (past the figure cap)."""
    for start in range(0, len(pending), _BATCH):
        batch = []
        for sha, variant, path, claims in pending[start : start + _BATCH]:
            kept, note = cap_figures(claims, path)
            rows = rows_of(rules, kept)
            batch.append((sha, variant, None if note is None else note.message, rows))
        index.add(batch)


def _remember_files(
    cache: ExtractionCache,
    session: CacheSession,
    fresh: Sequence[tuple[Article, os.stat_result | None]],
    stored: dict[str, list[Claim]],
) -> None:
    """Record the metadata of the files read, unless their time is too recent to trust."""
    if not cache.writable:
        return
    now = time.time_ns()
    rows = [
        (
            session.location(article),
            *file_signature(status),
            article.sha256,
            article_variant(article),
        )
        for article, status in fresh
        if status is not None
        and article.path in stored
        and article.sha256
        and now - status.st_mtime_ns > _RACY_NS
    ]
    if rows:
        with transaction(cache.connection):
            cache.connection.executemany(
                "INSERT OR REPLACE INTO files (location, size, mtime_ns, ctime_ns, inode,"
                " sha256, variant) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )


def _forget_files(cache: ExtractionCache, recorded: Iterable[str], seen: set[str]) -> None:
    """Drop the records of files under the archive (`recorded`: their locations, as the run
    found them) that this walk did not meet."""
    if not cache.writable:
        return
    gone = [(location,) for location in recorded if location not in seen]
    if gone:
        with transaction(cache.connection):
            cache.connection.executemany("DELETE FROM files WHERE location = ?", gone)


def _select(
    index: ArchiveIndex,
    rules: Sequence[Rule],
    claims: Sequence[Claim],
    current: dict[int, str],
    settings: CheckSettings,
    session: CacheSession,
) -> tuple[Selection, Extraction]:
    """What to read of the archive (`current`: its articles' ids and paths), and the archive
    articles read with only the claims that share a key with a checked claim; claims met
    through a `follow` key bring their anchored keys as if checked. `rules` are the run's own:
    a key's floor may follow their options."""
    selection = index.select(keys_of(rules, claims), current)
    if selection.followed:
        index.reach(index.anchored_keys(selection.followed), current, selection)
    read = Extraction()
    for number, positions in selection.claims.items():
        article, _ = load_file(Path(current[number]), max_article_kb=settings.max_article_kb)
        if article is None:
            continue
        read.articles.append(article)
        sha, variant, note = index.content(number)
        if (article.sha256, article_variant(article)) != (sha, variant):
            # Changed since it was indexed: its positions say nothing; all of it is read.
            read.claims.extend(_claims(article, session))
            continue
        # With no figure past the cap, the positions filed are those stored: only the claims
        # at them are read from the cache.
        some = None
        if note is None:
            some = session.cache.get_some(sha, article.path, sorted(positions), variant=variant)
        if some is None:
            found = _claims(article, session)
            some = [claim for n, claim in enumerate(found) if n in positions]
        read.claims.extend(some)
    return selection, read


def _claims(article: Article, session: CacheSession) -> Sequence[Claim]:
    """An archive article's claims as the rules see them: from the cache, else extracted."""
    stored = session.lookup(article)
    if stored is None:
        # `extract_article` is read from this module at call time, so tests may swap it here.
        fresh = extract_all(LoadResult(articles=[article]), cache=session, extract=extract_article)
        return fresh.claims
    return cap_figures(stored, article.path)[0]


def _in_walk_order(extraction: Extraction, order: dict[str, int]) -> None:
    """Articles and claims in the order a whole-archive read gives them: the rules' order of
    work (which of two equal findings is reported) follows it."""
    extraction.articles.sort(key=lambda article: order[article.path])
    place = {id(claim): n for n, claim in enumerate(extraction.claims)}
    extraction.claims.sort(key=lambda claim: (order[claim.path], place[id(claim)]))


def _shifted(progress: Progress | None, offset: int) -> Progress | None:
    if progress is None or not offset:
        return progress
    return lambda done: progress(offset + done)
