"""An on-disk cache of extracted claims, so that re-checking against a large archive is fast.

Entries are keyed by an article's content hash (`Article.sha256`) plus a small `variant` (what
else the extraction depends on: file kind, publication date, title), and the whole file is
stamped with the checker's *extraction version*: `checker.__version__` plus a hash of the
package's sources and data files. Any code or word-list change therefore invalidates the cache.

The cache is a single SQLite file. It is never trusted blindly: a file that is not a database,
fails `PRAGMA quick_check`, carries another schema or another extraction version is rebuilt from
scratch, and a row whose JSON no longer validates is treated as a miss. Each `put_many` is one
transaction (WAL journal), so a process killed mid-write leaves the previous state intact.

The integrity check reads the whole file (half a second for a 10,000-article archive), so it is
skipped when the file is provably as a run left it on closing: closing writes a marker beside
the file (`CLEAN_SUFFIX`) holding the file's size, times and inode, and opening takes the marker
away. A file whose marker is missing (a run that did not close: killed, crashed, still open
elsewhere) or does not match (the file was written, truncated or replaced since), or that has a
write-ahead log left over, is checked again.

Pruning keeps the file from growing with every edit of the archive. Each row also records the
file it came from as an absolute path with the archive folder resolved (`location`), so runs
from different working folders agree on it. After a `--against` run read an archive,
`CacheSession.prune` deletes, in one transaction, every row whose location lies under that
archive folder but whose (content, variant) key the run did not use: older versions of an edited
article, and articles deleted, renamed or now excluded. Rows of other folders (one cache folder
may serve several archives) are left alone, and a row whose content is still current somewhere
in the archive is kept whatever its recorded path. A failed prune changes nothing and says
nothing: the next run simply prunes again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, Protocol, Self

from pydantic import TypeAdapter, ValidationError

from checker.data import OVERLAY_VARIABLE
from checker.errors import CheckerError
from checker.models import Article, Claim, Diagnostic, share_field_names

# Bump when the table layout or the stored JSON's shape changes in a way the version hash misses.
# "2": the `location` column and its index, for pruning. "3": the archive index's tables.
SCHEMA_VERSION = "3"
CACHE_FILE = "extractions.sqlite3"
ENV_VAR = "CHECKER_CACHE_DIR"
# Beside CACHE_FILE after a run closed it: the file's metadata then (see the module).
CLEAN_SUFFIX = ".clean"
# SQLite side files that belong to CACHE_FILE and must go with it when it is rebuilt.
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal", CLEAN_SUFFIX)
# Source kinds whose content shapes extraction; anything else in the package does not.
_VERSIONED_SUFFIXES = frozenset({".py", ".toml"})
# New entries written between two transactions: an interrupted cold run keeps most of its work.
WRITE_BATCH = 200

_CLAIMS = TypeAdapter(list[Claim])
_CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)
# Tables of the archive index, made and dropped with the cache's own.
INDEX_TABLES = ("indexed", "keys", "files", "anchor_terms", "walks")


class CacheError(CheckerError):
    """The extraction cache cannot be used as asked."""


class CacheLocationError(CacheError):
    """The cache folder lies inside a checked folder or the archive; we never write there."""


class CacheUnavailableError(CacheError):
    """The cache folder or file cannot be created or written (read-only disk, permissions)."""


class CacheEntry(NamedTuple):
    sha256: str
    path: str
    claims: Sequence[Claim]
    variant: str = ""
    # The file as an absolute, resolved path (what pruning compares); "" means resolve `path`.
    location: str = ""


class ClaimStore(Protocol):
    """What `engine.extract_all` needs of a cache: hits by article, and somewhere to put misses."""

    def lookup(self, article: Article) -> list[Claim] | None:
        """The article's claims when known, else None (the article is then extracted)."""
        ...

    def store(self, article: Article, claims: list[Claim]) -> None:
        """Remember a fresh extraction (it may be written later, in a batch)."""
        ...

    def finish(self) -> list[Diagnostic]:
        """Write what is pending; the problems met, once (they become the run's diagnostics)."""
        ...


class _Stale(Exception):
    """The file is a sound database from another schema or checker version."""


def default_cache_dir() -> Path:
    """`$CHECKER_CACHE_DIR`, else `$XDG_CACHE_HOME/checker`, else `~/.cache/checker`."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    # The XDG spec says relative values are invalid and must be ignored.
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "checker"
    return Path.home() / ".cache" / "checker"


def resolve_cache_dir(cache_dir: str | Path | None = None) -> Path:
    """The explicit argument wins over the environment and the default."""
    return Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()


def ensure_outside(cache_dir: Path, folders: Iterable[str | Path]) -> None:
    """Refuse a cache folder inside (or equal to) any of `folders`: inputs are never written."""
    resolved = cache_dir.resolve()
    for folder in folders:
        root = Path(folder).resolve()
        if not root.is_dir():
            continue  # a checked file cannot contain the cache
        if resolved == root or resolved.is_relative_to(root):
            raise CacheLocationError(
                f"cache folder {cache_dir} is inside {folder}, which the checker reads and never"
                f" writes; choose another with --cache-dir or {ENV_VAR}"
            )


def extraction_version() -> str:
    """`__version__` plus a hash of every source and data file of the checker package and of
    the user's vocabulary (`[vocabulary]`): claims read with other words are other claims."""
    version = _package_version()
    added = os.environ.get(OVERLAY_VARIABLE, "")
    if not added:
        return version
    return f"{version}.{hashlib.sha256(added.encode()).hexdigest()[:12]}"


@lru_cache(maxsize=1)
def _package_version() -> str:
    import checker
    from checker.nlp import model_identity

    root = Path(checker.__file__).resolve().parent
    digest = hashlib.sha256(checker.__version__.encode())
    # the model makes the frames: another model, other claims
    digest.update((model_identity() or "no model").encode() + b"\0")
    for file in sorted(root.rglob("*")):
        if file.suffix in _VERSIONED_SUFFIXES and "__pycache__" not in file.parts:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return f"{checker.__version__}+{digest.hexdigest()[:16]}"


def article_variant(article: Article) -> str:
    """What extraction reads besides the raw bytes: the same bytes as .txt and .md may differ."""
    suffix = Path(article.path).suffix.lower()
    parts = (suffix, str(article.date), article.date_source.value, article.title or "")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


class ExtractionCache:
    """Claims per article content, in one SQLite file; use `ExtractionCache.open(folder)`."""

    def __init__(self, connection: sqlite3.Connection, path: Path, notes: list[str]):
        self._connection = connection
        self.path = path
        self.writable = True
        # Problems met after opening (a failed write): the caller turns them into diagnostics.
        self.diagnostics: list[Diagnostic] = [
            Diagnostic(path=str(path), message=note) for note in notes
        ]

    @classmethod
    def open(cls, folder: str | Path, *, version: str | None = None) -> ExtractionCache:
        """Open or create the cache in `folder`; rebuild it when corrupt or from another version.

        Raises CacheUnavailableError when the folder or file cannot be created or written.
        """
        folder = Path(folder)
        path = folder / CACHE_FILE
        version = version or extraction_version()
        notes: list[str] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            trusted = _closed_cleanly(path)
            try:
                connection = _connect(path, version, checked=trusted)
            except _Stale:
                connection = _connect(path, version, reset=True)
            except sqlite3.DatabaseError as error:
                if _is_unwritable(error):
                    raise
                notes.append(f"cache file was unreadable ({error}); rebuilt")
                _remove(path)
                connection = _connect(path, version)
        except (OSError, sqlite3.Error) as error:
            raise CacheUnavailableError(f"cannot use cache folder {folder}: {error}") from error
        return cls(connection, path, notes)

    def get(self, sha256: str, path: str, *, variant: str = "") -> list[Claim] | None:
        """The claims stored for this content, with `path` written in; None on a miss."""
        row = self._row(sha256, variant)
        if row is None:
            return None
        stored_path, payload = row
        try:
            claims = _decode(payload)
        except (ValidationError, ValueError):
            return None  # a damaged row is never trusted; put_many will replace it
        return _placed(claims, stored_path, path)

    def get_some(
        self, sha256: str, path: str, positions: Sequence[int], *, variant: str = ""
    ) -> list[Claim] | None:
        """The claims at `positions` of those `get` gives, read without validating the others;
        None on a miss or a position past the end."""
        row = self._row(sha256, variant)
        if row is None:
            return None
        stored_path, payload = row
        lines = payload.split(b"\n") if payload else []
        try:
            claims = [_CLAIM.validate_json(lines[position]) for position in positions]
        except (ValidationError, ValueError, IndexError):
            return None
        return _placed(claims, stored_path, path)

    def _row(self, sha256: str, variant: str) -> tuple[str, bytes] | None:
        try:
            row = self._connection.execute(
                "SELECT path, claims FROM claims WHERE sha256 = ? AND variant = ?",
                (sha256, variant),
            ).fetchone()
        except sqlite3.Error:
            return None  # a read that fails is a miss; the fresh extraction is correct anyway
        if row is None:
            return None
        payload = row[1]  # a row written by hand may hold text
        return row[0], payload if isinstance(payload, bytes) else str(payload).encode()

    def put_many(self, items: Iterable[CacheEntry]) -> None:
        """Store every entry in one transaction: all of them land, or none do."""
        if not self.writable:
            return
        rows = [
            (
                item.sha256,
                item.variant,
                item.path,
                item.location or str(Path(item.path).resolve()),
                _encode(item.claims),
            )
            for item in items
        ]
        if not rows:
            return
        try:
            with transaction(self._connection):
                self._connection.executemany(
                    "INSERT OR REPLACE INTO claims (sha256, variant, path, location, claims)"
                    " VALUES (?, ?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.Error as error:
            # Disk full, lost permissions, a lock held too long: go on without writing.
            self.writable = False
            self.diagnostics.append(
                Diagnostic(path=str(self.path), message=f"cache not written: {error}")
            )

    def prune(self, folder: str | Path, keep: Iterable[tuple[str, str]]) -> int:
        """Delete the rows located under `folder` whose (sha256, variant) is not in `keep`.

        `folder` is resolved here; locations are compared as stored. One transaction; any
        failure leaves the file as it was and is not reported (pruning only saves space).
        Returns how many rows went.
        """
        if not self.writable:
            return 0
        wanted = set(keep)
        try:
            root, low, high = folder_bounds(folder)
            with transaction(self._connection):
                found = self._connection.execute(
                    "SELECT sha256, variant FROM claims"
                    " WHERE location = ? OR (location >= ? AND location < ?)",
                    (root, low, high),
                ).fetchall()
                gone = [key for key in found if key not in wanted]
                if gone:
                    self._forget(gone, (root, low, high))
        except (sqlite3.Error, OSError, RuntimeError):  # RuntimeError: a symlink loop
            return 0
        return len(gone)

    def _forget(self, gone: list[tuple[str, str]], under: tuple[str, str, str]) -> None:
        """Delete the claims of `gone` with everything the archive index holds of them, and
        the index's record of the files under a folder (`under`: see `prune`) that held them."""
        connection = self._connection
        connection.executemany("DELETE FROM claims WHERE sha256 = ? AND variant = ?", gone)
        ids = [
            row
            for key in gone
            for row in connection.execute(
                "SELECT id FROM indexed WHERE sha256 = ? AND variant = ?", key
            )
        ]
        anchors = {
            tuple(row)
            for (number,) in ids
            for row in connection.execute(
                "SELECT key, anchor FROM keys WHERE article = ? AND anchor != ''", (number,)
            )
        }
        connection.executemany("DELETE FROM keys WHERE article = ?", ids)
        connection.executemany("DELETE FROM indexed WHERE id = ?", ids)
        forget_anchors(connection, anchors)
        root, low, high = under
        connection.executemany(
            "DELETE FROM files WHERE sha256 = ? AND variant = ?"
            " AND (location = ? OR (location >= ? AND location < ?))",
            [(*key, root, low, high) for key in gone],
        )

    @property
    def connection(self) -> sqlite3.Connection:
        """The open database, for the archive index (`checker.archive_index`), which keeps its
        tables in the same file and the same transactions."""
        return self._connection

    def __len__(self) -> int:
        (count,) = self._connection.execute("SELECT count(*) FROM claims").fetchone()
        return int(count)

    def close(self) -> None:
        """Close the file and, when this was its last open connection, mark it as closed cleanly
        (the next run then trusts it without the integrity check)."""
        self._connection.close()
        _mark_clean(self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class CacheSession:
    """One run's use of an `ExtractionCache`, as the `ClaimStore` that `extract_all` reads.

    Articles without a content hash are never looked up or stored (there is no safe key). With
    `root` (the archive folder as given to `--against`), locations are that folder resolved once
    plus each article's path inside it, and `prune` may afterwards drop what the run superseded.
    """

    def __init__(
        self, cache: ExtractionCache, root: str | Path | None = None, *, batch: int = WRITE_BATCH
    ):
        self.cache = cache
        self._root = None if root is None else Path(root)
        self._resolved_root = None if root is None else Path(root).resolve()
        # The same, as text ending in a separator: `location_of` of a path that starts with
        # the first is the second plus the rest, with no path object made.
        self._prefixes = (
            None
            if self._root is None or self._resolved_root is None
            else (os.path.join(self._root, ""), os.path.join(self._resolved_root, ""))
        )
        self._batch = batch
        self._pending: list[CacheEntry] = []
        # (sha256, variant) of every article the run met: what is current, never pruned.
        self._used: set[tuple[str, str]] = set()

    def lookup(self, article: Article) -> list[Claim] | None:
        if not article.sha256:
            return None
        return self.cache.get(article.sha256, article.path, variant=self.keep(article))

    def store(self, article: Article, claims: list[Claim]) -> None:
        if not article.sha256:
            return
        variant = article_variant(article)
        entry = CacheEntry(article.sha256, article.path, claims, variant, self.location(article))
        self._pending.append(entry)
        if len(self._pending) >= self._batch:
            self._flush()

    def finish(self) -> list[Diagnostic]:
        self._flush()
        notes, self.cache.diagnostics = self.cache.diagnostics, []
        return notes

    def keep(self, article: Article) -> str:
        """Mark the article's current content as in use (so `prune` spares it); its variant."""
        variant = article_variant(article)
        if article.sha256:
            self._used.add((article.sha256, variant))
        return variant

    def keep_key(self, sha256: str, variant: str) -> None:
        """Mark a content as in use, known by its key (an archive file the index knows)."""
        self._used.add((sha256, variant))

    def prune(self) -> int:
        """Drop rows under `root` that no article of this run uses; 0 without a root."""
        if self._root is None:
            return 0
        self._flush()
        return self.cache.prune(self._root, self._used)

    def location(self, article: Article) -> str:
        """The article's file as stored for pruning: absolute, with the archive folder resolved."""
        return self.location_of(article.path)

    def location_of(self, file: str | Path) -> str:
        """`location` of the article read from `file`."""
        if self._prefixes is not None and isinstance(file, str):
            given, resolved = self._prefixes
            if file.startswith(given):
                return resolved + file[len(given) :]
        path = Path(file)
        if self._root is not None and self._resolved_root is not None:
            with contextlib.suppress(ValueError):
                return str(self._resolved_root / path.relative_to(self._root))
        return str(path.resolve())

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        self.cache.put_many(pending)


def _placed(claims: list[Claim], stored_path: str, path: str) -> list[Claim]:
    """Stored claims with `path` written in, sharing their field-name sets."""
    if stored_path != path:
        claims = [claim.model_copy(update={"path": path}) for claim in claims]
    share_field_names(claims)
    return claims


def open_cache(folder: str | Path) -> tuple[ExtractionCache | None, list[Diagnostic]]:
    """The cache, or None with a diagnostic saying why the run goes on without one."""
    try:
        cache = ExtractionCache.open(folder)
    except CacheUnavailableError as error:
        return None, [Diagnostic(path=str(folder), message=f"{error}; running without a cache")]
    notes, cache.diagnostics = cache.diagnostics, []
    return cache, notes


def folder_bounds(folder: str | Path) -> tuple[str, str, str]:
    """The folder resolved, and the range every location under it sorts in: between root + sep
    and root + the character after sep, so the location index answers the prefix query
    without a scan."""
    root = str(Path(folder).resolve())
    low = root.rstrip(os.sep) + os.sep
    return root, low, low[:-1] + chr(ord(os.sep) + 1)


def file_signature(status: os.stat_result) -> tuple[int, int, int, int]:
    """What tells that a file was written, truncated or replaced: its size, times and inode."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def _signature(path: Path) -> str:
    return " ".join(map(str, file_signature(path.stat())))


def _closed_cleanly(path: Path) -> bool:
    """Whether `path` is as a run left it on closing; the marker goes either way, so a run that
    does not close leaves the file to be checked."""
    marker = path.with_name(path.name + CLEAN_SUFFIX)
    try:
        recorded = marker.read_text(encoding="ascii")
        marker.unlink()
        wal = path.with_name(path.name + "-wal")
        return not wal.exists() and recorded == _signature(path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            marker.unlink()
        return False


def _mark_clean(path: Path) -> None:
    """Record the closed file's metadata, unless another connection still has it open (its
    write-ahead log is still there): failing to write the marker only costs a check."""
    if path.with_name(path.name + "-wal").exists():
        return
    marker = path.with_name(path.name + CLEAN_SUFFIX)
    with contextlib.suppress(OSError):
        temporary = marker.with_name(f"{marker.name}.{os.getpid()}")
        temporary.write_text(_signature(path), encoding="ascii")
        temporary.replace(marker)


def _connect(
    path: Path, version: str, *, reset: bool = False, checked: bool = False
) -> sqlite3.Connection:
    """A connection to a verified cache file; raises _Stale or sqlite3.DatabaseError otherwise.
    `checked`: the file is known sound (closed cleanly), so its integrity check is skipped."""
    # Autocommit mode: transactions are explicit (see _transaction), so DDL is atomic too.
    connection = sqlite3.connect(path, timeout=10.0, isolation_level=None)
    try:
        # Fails with "file is not a database" on garbage; WAL keeps readers off writers' toes.
        connection.execute("PRAGMA journal_mode=WAL").fetchone()
        connection.execute("PRAGMA synchronous=NORMAL")
        with transaction(connection):
            if reset:
                for table in ("meta", "claims", *INDEX_TABLES):
                    connection.execute(f"DROP TABLE IF EXISTS {table}")
            _create_schema(connection, version)
        found = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if found.get("schema") != SCHEMA_VERSION or found.get("version") != version:
            raise _Stale
        if not checked:
            (verdict,) = connection.execute("PRAGMA quick_check").fetchone()
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {verdict}")
        # Only now: on a file of an older layout the column would not exist yet (it is _Stale).
        with transaction(connection):
            connection.execute("CREATE INDEX IF NOT EXISTS claims_location ON claims (location)")
    except BaseException:
        connection.close()
        raise
    return connection


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (including the schema's DDL)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        # SQLite may already have rolled back (disk full); never mask the original error.
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _encode(claims: Sequence[Claim]) -> bytes:
    """One claim per line (compact JSON holds no line break), so that `get_some` decodes only
    the lines it wants: decoding is most of reading an archive article's claims."""
    # Leaving out None fields (every optional field defaults to None) makes warm runs parse
    # about a third less JSON; the round-trip test guards that assumption.
    return b"\n".join(_CLAIM.dump_json(claim, exclude_none=True) for claim in claims)


def _decode(payload: bytes) -> list[Claim]:
    return _CLAIMS.validate_json(b"[" + payload.replace(b"\n", b",") + b"]")


def _create_schema(connection: sqlite3.Connection, version: str) -> None:
    connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    connection.execute(
        # `location` before the large `claims` column: reading it never walks overflow pages.
        "CREATE TABLE IF NOT EXISTS claims (sha256 TEXT NOT NULL, variant TEXT NOT NULL,"
        " path TEXT NOT NULL, location TEXT NOT NULL, claims BLOB NOT NULL,"
        " PRIMARY KEY (sha256, variant))"
    )
    # The archive index (`checker.archive_index`): which stored articles are indexed (and the
    # note their figure cap gave), the keys their claims are filed under, and the files of
    # archives as last seen, so an unchanged file is known without reading it.
    connection.execute(
        "CREATE TABLE IF NOT EXISTS files (location TEXT PRIMARY KEY, size INTEGER NOT NULL,"
        " mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,"
        " sha256 TEXT NOT NULL, variant TEXT NOT NULL) WITHOUT ROWID"
    )
    create_index_tables(connection)
    # Only a brand-new file takes our stamp; an existing one keeps its own, to be compared.
    connection.executemany(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
        [("schema", SCHEMA_VERSION), ("version", version)],
    )


def create_index_tables(connection: sqlite3.Connection) -> None:
    """The archive index's own tables (`checker.archive_index`), which it drops and makes again
    when its layout or the rules change: which stored articles are indexed (and the note their
    figure cap gave), the keys their claims are filed under, the terms the names of their
    anchors are found by, and the walks of archives that met only known files."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS indexed (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL,"
        " variant TEXT NOT NULL, note TEXT, UNIQUE (sha256, variant))"
    )
    connection.execute(
        "CREATE TABLE IF NOT EXISTS keys (key INTEGER NOT NULL, anchor TEXT NOT NULL,"
        " rank INTEGER NOT NULL, article INTEGER NOT NULL, claims TEXT NOT NULL,"
        " PRIMARY KEY (key, anchor, rank, article)) WITHOUT ROWID"
    )
    connection.execute("CREATE INDEX IF NOT EXISTS keys_article ON keys (article)")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS anchor_terms (key INTEGER NOT NULL, term TEXT NOT NULL,"
        " anchor TEXT NOT NULL, PRIMARY KEY (key, term, anchor)) WITHOUT ROWID"
    )
    # Walks of archives that met only files known and filed, with their articles' ids: valid
    # while the files recorded and the articles filed are as they were, so any change to them
    # forgets every walk, whichever code makes it.
    connection.execute(
        "CREATE TABLE IF NOT EXISTS walks (root TEXT PRIMARY KEY, digest BLOB NOT NULL,"
        " ids BLOB NOT NULL)"
    )
    for table in ("files", "indexed"):
        for change in ("INSERT", "UPDATE", "DELETE"):
            connection.execute(
                f"CREATE TRIGGER IF NOT EXISTS {table}_{change.lower()}_forgets_walks"
                f" AFTER {change} ON {table} BEGIN DELETE FROM walks; END"
            )


def forget_anchors(connection: sqlite3.Connection, anchors: Iterable[tuple[int, str]]) -> None:
    """Drop the terms of anchored keys (key, stored anchor) that no article is filed under any
    more; within the caller's transaction."""
    connection.executemany(
        "DELETE FROM anchor_terms WHERE key = ?1 AND anchor = ?2"
        " AND NOT EXISTS (SELECT 1 FROM keys WHERE key = ?1 AND anchor = ?2)",
        anchors,
    )


def _is_unwritable(error: sqlite3.Error) -> bool:
    message = str(error).lower()
    return "readonly" in message or "unable to open" in message or "read-only" in message


def _remove(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
