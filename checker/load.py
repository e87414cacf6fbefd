"""Files and folders -> Articles: metadata, body text, a map back to source lines, a date.

`load()` never raises for bad input and never writes: each file that cannot be used becomes a
`Diagnostic` a person can act on, and the rest of the run goes on. Decisions worth knowing:

- Folders are walked recursively in sorted order; hidden entries (".git", ".DS_Store") are
  skipped; a symlinked folder is followed once, so a link loop ends instead of spinning.
- A file reached twice (named directly and inside a folder, or through a link) loads once.
- Malformed front matter costs the metadata, not the article: the body is still checked, with
  a diagnostic naming the parser's line.
- An article over the size limit (`max_article_bytes`, `max-article-kb` in the config, 200 KB by
  default: a real news article is far smaller) is skipped with a diagnostic that names it, so
  no single input sets the run's time or memory. An HTML page may carry up to
  `MARKUP_ALLOWANCE` times the limit in markup; the limit applies to its text.
- Invalid UTF-8 skips the file (the byte offset is reported): guessing an encoding could turn
  figures into garbage. UTF-8 and UTF-16/32 byte-order marks are honoured.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import fnmatch
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from checker.frontmatter import split_front_matter
from checker.html_text import html_to_text
from checker.models import Article, DateSource, Diagnostic
from checker.pubdate import infer_date, parse_date_value

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_ARTICLE_KB",
    "HTML_SUFFIXES",
    "LoadResult",
    "WalkedFile",
    "load",
    "load_file",
    "parse_article",
    "walk",
]

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
# For `str.endswith`, which the walk asks of every file name (quicker than splitting it).
_ARTICLE_ENDINGS = tuple(ARTICLE_SUFFIXES)
DEFAULT_ARTICLE_KB = 200
# Bytes of an HTML page per byte of its text: scripts, styles and attributes are not prose.
MARKUP_ALLOWANCE = 10

# Terminal escape sequences and control characters are never prose. Left in, "\x1b[2J" reads
# as "2 J" (two joules) and "\x1b]0;" as a zero. Each is blanked with as many spaces, so every
# later line and column still points at the source. (The report package scrubs output on its
# own; the loader does not depend on it.) Each alternative is linear: no nested quantifiers.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: colors, cursor moves, erase
    r"|\x1b[\]P^_X][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC, DCS, PM, APC, SOS strings
    r"|\x1b[ -/]*[0-~]?"  # other escapes: ESC c, ESC 7 ...
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"  # the remaining C0 and C1 controls, DEL
)
# Every sequence above starts with one of these. Looking for a single character class is four
# times faster than trying the alternation at each offset, and nearly every file has none.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Skip(Exception):
    """One file cannot be used; the message is the diagnostic."""


def load(
    paths: Iterable[str | Path],
    *,
    excludes: Iterable[str] = (),
    max_article_kb: int = DEFAULT_ARTICLE_KB,
    note_skipped: bool = True,
) -> LoadResult:
    """Load every article under `paths`; bad files become diagnostics, never exceptions.

    `excludes` are glob patterns matched against a file's path, its path inside the folder
    being walked and its name ("drafts/*", "*.draft.md", "README.md"). `note_skipped`: say
    which files of a folder are not articles (one diagnostic per folder); False for an archive.
    `max_article_kb`: the size limit of one article's text, in KB (1,024 bytes).
    """
    result = LoadResult()
    patterns = tuple(excludes)
    seen: set[str] = set()
    for root in paths:
        root = _shown(Path(root))
        before = len(result.articles), len(result.diagnostics)
        for found in _walk(root, patterns, result.diagnostics, note_skipped=note_skipped):
            if found.identity in seen:
                continue
            seen.add(found.identity)
            article, notes = load_file(Path(found.path), max_article_kb=max_article_kb)
            result.diagnostics.extend(notes)
            if article is not None:
                result.articles.append(article)
        if root.is_dir() and (len(result.articles), len(result.diagnostics)) == before:
            message = "no article files in this folder"
            result.diagnostics.append(Diagnostic(path=str(root), message=message))
    return result


class WalkedFile(NamedTuple):
    """An article file found by `walk`: its path as `load` names it, its real path (one file
    reached twice is walked once), and its metadata with links followed (None when it could not
    be read: `load_file` then says why)."""

    path: str
    identity: str
    status: os.stat_result | None


def walk(
    root: str | Path, *, excludes: Iterable[str] = (), diagnostics: list[Diagnostic]
) -> Iterator[WalkedFile]:
    """The article files under `root` in `load`'s order, as `load` names them, each file once;
    files that are not articles are passed over silently, as in an archive. For a caller that
    decides file by file whether to read (`load_file`), from the metadata the walk met."""
    seen: set[str] = set()
    for found in _walk(_shown(Path(root)), tuple(excludes), diagnostics, note_skipped=False):
        if found.identity not in seen:
            seen.add(found.identity)
            yield found


def load_file(
    file: Path, *, max_article_kb: int = DEFAULT_ARTICLE_KB
) -> tuple[Article | None, list[Diagnostic]]:
    """One file found by `walk`, as `load` reads it: the article (None when it cannot be used)
    and the diagnostics."""
    try:
        return _load_file(file, max_article_kb * 1024)
    except _Skip as skip:
        return None, [Diagnostic(path=str(file), message=str(skip))]
    except Exception as error:  # a parser bug on one file must not end the whole run
        return None, [Diagnostic(path=str(file), message=_unexpected(error))]


def _shown(path: Path) -> Path:
    """`path` as reports show it: relative to the working folder when it lies inside it, so
    `$PWD/archive/a.md` and `archive/a.md` are one file in locations and fingerprints."""
    if not path.is_absolute():
        return path
    here = Path.cwd()
    try:
        return path.relative_to(here) if path != here else path
    except ValueError:
        return path


def parse_article(data: bytes, path: str) -> tuple[Article | None, list[Diagnostic]]:
    """One file's bytes -> an Article (or None) and what went wrong; the suffix picks the format."""
    try:
        return _parse(data, path)
    except _Skip as skip:
        return None, [Diagnostic(path=path, message=str(skip))]
    except Exception as error:  # as in load(): one file's surprise is that file's diagnostic
        return None, [Diagnostic(path=path, message=_unexpected(error))]


# --- walking ---------------------------------------------------------------------------------


def _walk(
    root: Path, excludes: tuple[str, ...], diagnostics: list[Diagnostic], *, note_skipped: bool
) -> Iterator[WalkedFile]:
    """Every article file under `root`, with its real path and metadata. Each file costs one
    `stat` (through `os.DirEntry`, which knows a folder without one); the real path comes from
    its folder's, so only links and folders are resolved."""
    if not root.exists():
        message = "broken link" if root.is_symlink() else "no such file or folder"
        diagnostics.append(Diagnostic(path=str(root), message=message))
        return
    if not root.is_dir():
        if _excluded(str(root), root.name, root.name, excludes):
            return
        if _is_article(root, diagnostics):
            yield WalkedFile(str(root), _identity(root), _stat(root))
        return
    visited: set[str] = set()
    skipped: list[Path] = []  # files that are not articles: one diagnostic for the folder
    # Depth-first with an explicit stack of sorted entry lists, so deep trees cannot hit the
    # recursion limit and the order is that of the sorted paths ("a/y.md" before "b.md").
    # Each level: its entries, its path as shown, its path inside `root`, and what a name in
    # it is joined to for its path as shown and its real path (joined once per folder: the
    # walk of a large archive is most of a warm check).
    stack: list[tuple[Iterator[os.DirEntry[str]], str, str, str]] = []
    top = str(root)
    opened = _entries(top, visited, diagnostics)
    if opened is not None:
        stack.append((opened[0], _prefix(top), "", os.path.join(opened[1], "")))
    while stack:
        entries, shown, inside, real = stack[-1]
        for entry in entries:  # left for a subfolder, and taken up again after it
            name = entry.name
            if name.startswith("."):
                continue
            path = shown + name
            if excludes:
                relative = f"{inside}/{name}" if inside else name
                if _excluded(path, relative, name, excludes):
                    continue
            try:
                is_dir = entry.is_dir()  # follows links, as a reader would expect
            except OSError:
                is_dir = False
            if is_dir:
                # A folder that is not a link lies at its parent's real path: only links are
                # resolved.
                known = None if entry.is_symlink() else real + name
                opened = _entries(path, visited, diagnostics, real=known)
                if opened is None:
                    continue
                relative = f"{inside}/{name}" if inside else name
                stack.append((opened[0], _prefix(path), relative, os.path.join(opened[1], "")))
                break
            try:
                status: os.stat_result | None = entry.stat()  # follows links
            except OSError as error:
                if error.errno in _MISSING:
                    # A dangling link; an article name must not hide that.
                    diagnostics.append(Diagnostic(path=path, message="broken link"))
                    continue
                status = None
            if not name.lower().endswith(_ARTICLE_ENDINGS):
                skipped.append(Path(path))
                continue
            identity = _identity(Path(path)) if entry.is_symlink() else real + name
            yield WalkedFile(path, identity, status)
        else:
            stack.pop()
    if note_skipped:
        _summarize_skipped(root, skipped, diagnostics)


def _prefix(folder: str) -> str:
    """What a name in `folder` is joined to for its path as shown ("." adds nothing)."""
    return "" if folder == "." else os.path.join(folder, "")


# What `Path.exists()` takes for a missing file rather than an error.
_MISSING = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def _entries(
    folder: str, visited: set[str], diagnostics: list[Diagnostic], *, real: str | None = None
) -> tuple[Iterator[os.DirEntry[str]], str] | None:
    """The folder's entries in sorted order, and its real path (`real` when the caller knows
    it); None for a folder already visited (a link loop) or unreadable."""
    real = os.path.realpath(folder) if real is None else real
    if real in visited:
        message = "skipped: folder already visited (link loop)"
        diagnostics.append(Diagnostic(path=folder, message=message))
        return None
    visited.add(real)
    try:
        with os.scandir(folder) as scan:
            return iter(sorted(scan, key=lambda e: e.name)), real
    except OSError as error:
        diagnostics.append(Diagnostic(path=folder, message=_os_reason(error)))
        return None


def _is_article(
    path: Path, diagnostics: list[Diagnostic], skipped: list[Path] | None = None
) -> bool:
    suffix = path.suffix.lower()
    if not path.exists():
        # A dangling link (exists() follows it); an article name must not hide that.
        diagnostics.append(Diagnostic(path=str(path), message="broken link"))
        return False
    if suffix in ARTICLE_SUFFIXES:
        return True
    if skipped is not None:
        skipped.append(path)
        return False
    diagnostics.append(Diagnostic(path=str(path), message=_not_article(path)))
    return False


def _not_article(path: Path) -> str:
    return f"skipped: not an article file ({path.suffix.lower() or 'no extension'})"


def _summarize_skipped(root: Path, skipped: list[Path], diagnostics: list[Diagnostic]) -> None:
    """One diagnostic for the files of a folder that are not articles (images, licences): a
    note per file would bury the ones that matter."""
    if skipped:
        kinds: dict[str, int] = {}
        for path in skipped:
            kind = path.suffix.lower() or "no extension"
            kinds[kind] = kinds.get(kind, 0) + 1
        listed = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        files = (
            "1 file that is not an article"
            if len(skipped) == 1
            else (f"{len(skipped)} files that are not articles")
        )
        message = f"skipped {files} ({listed})"
        diagnostics.append(Diagnostic(path=str(root), message=message))


def _excluded(path: str, relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    """Whether a glob matches the file's path, its path inside the folder walked or its name."""
    candidates = (path, relative, name)
    for pattern in patterns:
        bare = pattern.removeprefix("**/")
        if any(fnmatch.fnmatch(c, pattern) or fnmatch.fnmatch(c, bare) for c in candidates):
            return True
    return False


def _identity(path: Path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return str(path)


# --- one file --------------------------------------------------------------------------------


def _load_file(path: Path, limit: int) -> tuple[Article, list[Diagnostic]]:
    """One file, unless it or its text is over `limit` bytes (markup allowed for in HTML)."""
    max_bytes = limit * MARKUP_ALLOWANCE if path.suffix.lower() in HTML_SUFFIXES else limit
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A named pipe or device would block or never end.
            raise _Skip("skipped: not a regular file")
        if status.st_size > max_bytes:
            raise _Skip(_over_limit(status.st_size, limit))
        with path.open("rb") as handle:
            # Read one byte past the limit: a file can grow between stat() and read().
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise _Skip(_os_reason(error)) from None
    if len(data) > max_bytes:
        raise _Skip(_over_limit(len(data), limit))
    article, notes = _parse(data, str(path))
    if max_bytes > limit:  # markup is gone: the limit is on the text
        size = len(article.body.encode("utf-8", "replace"))
        if size > limit:
            raise _Skip(_over_limit(size, limit, what="of text "))
    return article, notes


def _over_limit(size: int, limit: int, *, what: str = "") -> str:
    return (
        f"skipped: {_kilobytes(size)} {what}is over the {_kilobytes(limit)} article limit"
        " (max-article-kb in the config)"
    )


def _parse(data: bytes, path: str) -> tuple[Article, list[Diagnostic]]:
    text = _decode(data)
    if not text.strip():
        raise _Skip("empty file skipped")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL_CHARACTER.search(text):
        text = _CONTROLS.sub(lambda m: " " * len(m.group()), text)
    suffix = Path(path).suffix.lower()
    notes: list[Diagnostic] = []
    metadata: dict[str, object] = {}
    if suffix in HTML_SUFFIXES:
        try:
            page = html_to_text(text)
        except Exception as error:  # the parser is lenient; anything it raises is a bad file
            raise _Skip(f"could not read HTML: {error}") from None
        body, line_numbers = page.text, page.line_numbers
        metadata = {"title": page.title, "date": page.date}
    elif suffix in MARKDOWN_SUFFIXES:
        front = split_front_matter(text)
        if front.error:
            notes.append(Diagnostic(path=path, message=f"{front.error}; article loaded without it"))
        metadata = dict(front.metadata)
        body = front.body
        line_numbers = tuple(range(front.body_line, front.body_line + body.count("\n") + 1))
    else:
        body = text
        line_numbers = tuple(range(1, body.count("\n") + 2))
    if not body.strip():
        raise _Skip("no article text (only front matter or markup); skipped")
    where = "HTML meta" if suffix in HTML_SUFFIXES else "front matter key"
    date, source = _publication_date(metadata.get("date"), body, path, notes, where=where)
    article = Article(
        path=path,
        title=_text(metadata.get("title")),
        outlet=_text(metadata.get("outlet")),
        author=_text(metadata.get("author")),
        url=_text(metadata.get("url")),
        date=date,
        date_source=source,
        body=body,
        line_numbers=line_numbers,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return article, notes


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise _Skip(
                    f"invalid {encoding.upper()} at byte offset {error.start}; file skipped"
                ) from None
    if b"\x00" in data:
        raise _Skip("binary file skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _Skip(
            f"invalid UTF-8 at byte offset {error.start} (line {line}); file skipped"
        ) from None


def _publication_date(
    value: object, body: str, path: str, notes: list[Diagnostic], *, where: str
) -> tuple[dt.date | None, DateSource]:
    if value is not None and value != "":
        date = parse_date_value(value)
        if date is not None:
            return date, DateSource.METADATA
        notes.append(
            Diagnostic(
                path=path,
                message=f"{where} 'date' is not a date ({value!r}); inferring it from the text",
            )
        )
    inferred = infer_date(body)
    if inferred is not None:
        return inferred, DateSource.INFERRED
    return None, DateSource.UNKNOWN


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _kilobytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{size / 1024:.1f} KB".replace(".0 KB", " KB")


def _unexpected(error: Exception) -> str:
    name = error.__class__.__name__
    detail = str(error)[:200]
    return f"could not load ({name}{': ' + detail if detail else ''}); file skipped"


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "cannot read: permission denied"
    if isinstance(error, IsADirectoryError):
        return "cannot read: is a folder"
    reason = error.strerror or error.__class__.__name__
    return f"cannot read: {reason[0].lower()}{reason[1:]}"
