"""An on-disk cache of extracted claims, so that re-checking against a large archive is fast.

Entries are keyed by an article's content hash (`Article.sha256`) plus a small `variant` (what
else the extraction depends on: file kind, publication date, title), and the whole file is
stamped with the checker's *extraction version*: `checker.__version__` plus a hash of the
package's sources and data files. Any code or word-list change therefore invalidates the cache.

The cache is a single SQLite file. It is never trusted blindly: a file that is not a database,
fails `PRAGMA quick_check`, carries another schema or another extraction version is rebuilt from
scratch, and a row whose JSON no longer validates is treated as a miss. Each `put_many` is one
transaction (WAL journal), so a process killed mid-write leaves the previous state intact.
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
from typing import NamedTuple, Self

from pydantic import TypeAdapter, ValidationError

from checker.errors import CheckerError
from checker.models import Article, Claim, Diagnostic

# Bump when the table layout or the stored JSON's shape changes in a way the version hash misses.
SCHEMA_VERSION = "1"
CACHE_FILE = "extractions.sqlite3"
ENV_VAR = "CHECKER_CACHE_DIR"
# SQLite side files that belong to CACHE_FILE and must go with it when it is rebuilt.
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# Source kinds whose content shapes extraction; anything else in the package does not.
_VERSIONED_SUFFIXES = frozenset({".py", ".toml"})

_CLAIMS = TypeAdapter(list[Claim])


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


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """`__version__` plus a hash of every source and data file of the checker package."""
    import checker

    root = Path(checker.__file__).resolve().parent
    digest = hashlib.sha256(checker.__version__.encode())
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
            try:
                connection = _connect(path, version)
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
        try:
            row = self._connection.execute(
                "SELECT path, claims FROM claims WHERE sha256 = ? AND variant = ?",
                (sha256, variant),
            ).fetchone()
        except sqlite3.Error:
            return None  # a read that fails is a miss; the fresh extraction is correct anyway
        if row is None:
            return None
        stored_path, payload = row
        try:
            claims = _CLAIMS.validate_json(payload)
        except (ValidationError, ValueError):
            return None  # a damaged row is never trusted; put_many will replace it
        if stored_path != path:
            claims = [claim.model_copy(update={"path": path}) for claim in claims]
        return claims

    def put_many(self, items: Iterable[CacheEntry]) -> None:
        """Store every entry in one transaction: all of them land, or none do."""
        if not self.writable:
            return
        rows = [(item.sha256, item.variant, item.path, _encode(item.claims)) for item in items]
        if not rows:
            return
        try:
            with _transaction(self._connection):
                self._connection.executemany(
                    "INSERT OR REPLACE INTO claims (sha256, variant, path, claims)"
                    " VALUES (?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.Error as error:
            # Disk full, lost permissions, a lock held too long: go on without writing.
            self.writable = False
            self.diagnostics.append(
                Diagnostic(path=str(self.path), message=f"cache not written: {error}")
            )

    def __len__(self) -> int:
        (count,) = self._connection.execute("SELECT count(*) FROM claims").fetchone()
        return int(count)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_cache(folder: str | Path) -> tuple[ExtractionCache | None, list[Diagnostic]]:
    """The cache, or None with a diagnostic saying why the run goes on without one."""
    try:
        cache = ExtractionCache.open(folder)
    except CacheUnavailableError as error:
        return None, [Diagnostic(path=str(folder), message=f"{error}; running without a cache")]
    notes, cache.diagnostics = cache.diagnostics, []
    return cache, notes


def _connect(path: Path, version: str, *, reset: bool = False) -> sqlite3.Connection:
    """A connection to a verified cache file; raises _Stale or sqlite3.DatabaseError otherwise."""
    # Autocommit mode: transactions are explicit (see _transaction), so DDL is atomic too.
    connection = sqlite3.connect(path, timeout=10.0, isolation_level=None)
    try:
        # Fails with "file is not a database" on garbage; WAL keeps readers off writers' toes.
        connection.execute("PRAGMA journal_mode=WAL").fetchone()
        connection.execute("PRAGMA synchronous=NORMAL")
        with _transaction(connection):
            if reset:
                connection.execute("DROP TABLE IF EXISTS meta")
                connection.execute("DROP TABLE IF EXISTS claims")
            _create_schema(connection, version)
        found = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if found.get("schema") != SCHEMA_VERSION or found.get("version") != version:
            raise _Stale
        (verdict,) = connection.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {verdict}")
    except BaseException:
        connection.close()
        raise
    return connection


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
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
    # Leaving out None fields (every optional field defaults to None) makes warm runs parse
    # about a third less JSON; the round-trip test guards that assumption.
    return _CLAIMS.dump_json(list(claims), exclude_none=True)


def _create_schema(connection: sqlite3.Connection, version: str) -> None:
    connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS claims (sha256 TEXT NOT NULL, variant TEXT NOT NULL,"
        " path TEXT NOT NULL, claims BLOB NOT NULL, PRIMARY KEY (sha256, variant))"
    )
    # Only a brand-new file takes our stamp; an existing one keeps its own, to be compared.
    connection.executemany(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
        [("schema", SCHEMA_VERSION), ("version", version)],
    )


def _is_unwritable(error: sqlite3.Error) -> bool:
    message = str(error).lower()
    return "readonly" in message or "unable to open" in message or "read-only" in message


def _remove(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
