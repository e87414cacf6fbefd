"""Split a Markdown file's front matter (YAML `---` or TOML `+++`) from its body.

Malformed front matter never costs the article: the body is still usable, so the caller gets
the body, no metadata and a message naming the parser's line in the source file. Only plain
scalar values are kept (strings, numbers, dates): a YAML alias bomb or a nested table cannot
blow up later when a value is turned into text.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

# The keys the checker reads (SPEC "Input"); anything else in the front matter is ignored.
KEYS = ("title", "date", "outlet", "author", "url")

_FENCES = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
# libyaml's loader is ten times faster than the pure-Python one and parses the same documents.
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
# Metadata is a handful of flat keys. Deeper nesting is hostile: libyaml recurses in C and a few
# tens of thousands of "[" crash the interpreter (no exception to catch), and tomllib raises
# RecursionError. So nesting is measured first, with a bound far below either limit.
MAX_DEPTH = 200
# The indentation and "- " / "? " indicators that start a line; each can open a YAML level.
_LEADING = re.compile(r"^[ \t?:-]*", re.M)
Scalar = str | int | float | bool | dt.date


@dataclass(frozen=True)
class FrontMatter:
    """The metadata found, the body after it and where the body starts in the file."""

    metadata: dict[str, Scalar] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # 1-based source line of the body's first line
    error: str | None = None  # a message for the user when the front matter could not be read


def split_front_matter(text: str) -> FrontMatter:
    """Separate front matter from the body; `text` has `\\n` line endings and no BOM."""
    first_end = text.find("\n")
    first = (text if first_end < 0 else text[:first_end]).rstrip()
    if first not in _FENCES or first_end < 0:
        return FrontMatter(body=text)
    kind, closers = _FENCES[first]
    found = _closing_fence(text, first_end + 1, closers)
    if found is None:
        # An opening fence with no closing one is more likely a horizontal rule than metadata.
        return FrontMatter(body=text)
    close, fence_start, body_start = found
    source = text[first_end + 1 : max(first_end + 1, fence_start - 1)]
    if not _looks_like_metadata(kind, source.split("\n")):
        # Two horizontal rules around prose, not metadata: keep every line as text.
        return FrontMatter(body=text)
    body = text[body_start:]
    body_line = close + 2
    try:
        raw = _parse(kind, source)
    except _FrontMatterError as error:
        return FrontMatter(body=body, body_line=body_line, error=str(error))
    if raw is None:
        return FrontMatter(body=body, body_line=body_line)
    if not isinstance(raw, dict):
        message = f"{kind.upper()} front matter is not a set of keys; metadata ignored"
        return FrontMatter(body=body, body_line=body_line, error=message)
    return FrontMatter(metadata=_pick(raw), body=body, body_line=body_line)


def _closing_fence(text: str, start: int, closers: tuple[str, ...]) -> tuple[int, int, int] | None:
    """(line index, offset of the fence line, offset just after it) of the first line from
    `start` on that closes the front matter; None when none does. Line by line from `start`,
    so the article's body is not split into lines only to be joined again."""
    index = 1
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.rstrip() in closers:
            return index, start, len(text) if end < 0 else end + 1
        if end < 0:
            return None
        start, index = end + 1, index + 1


_YAML_KEY = re.compile(r"^[A-Za-z_][\w-]{0,40}:(?:\s|$)")
_TOML_KEY = re.compile(r"^(?:[A-Za-z_\"'][\w\"'.-]{0,40}\s*=|\[)")


def _looks_like_metadata(kind: str, lines: list[str]) -> bool:
    """The first non-blank, non-comment line opens a key (`title:` / `title =`), or none is left."""
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        pattern = _TOML_KEY if kind == "toml" else _YAML_KEY
        return bool(pattern.match(stripped))
    return True


class _FrontMatterError(Exception):
    """The front matter did not parse; the message names the file line."""


def _nesting(source: str) -> int:
    """An upper bound on how deep `source` nests: open flow brackets plus a line's lead-in.

    Brackets inside quoted strings are counted too; that can only refuse a title made of dozens
    of brackets, never let a deep document through.
    """
    depth = deepest = 0
    # Most front matter has no flow brackets at all: skip the character walk then.
    for char in source if "[" in source or "{" in source else "":
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}" and depth:
            depth -= 1
    lead = max((len(m.group()) for m in _LEADING.finditer(source) if m.group()), default=0)
    return deepest + lead


def _parse(kind: str, source: str) -> Any:
    depth = _nesting(source)
    if depth > MAX_DEPTH:
        raise _FrontMatterError(
            f"malformed {kind.upper()} front matter: nested deeper than {MAX_DEPTH} levels"
        )
    if kind == "toml":
        try:
            return tomllib.loads(source)
        except RecursionError:
            raise _FrontMatterError("malformed TOML front matter: nested too deeply") from None
        except tomllib.TOMLDecodeError as error:
            message = str(error)
            found = _TOML_LINE.search(message)
            if found:
                # The parser counts from the first line after `+++`, i.e. file line 2.
                line = int(found.group(1)) + 1
                message = _TOML_LINE.sub(f"(line {line}, column {found.group(2)})", message)
            else:
                # "at end of document": the fence that closes the front matter.
                end = f"line {source.count(chr(10)) + 3}, the closing +++"
                message = message.replace("at end of document", end)
            raise _FrontMatterError(f"malformed TOML front matter: {message}") from None
    try:
        return yaml.load(source, Loader=_YAML_LOADER)  # a safe loader: no Python objects
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark else ""
        problem = error.problem or "invalid YAML"
        raise _FrontMatterError(f"malformed YAML front matter{where}: {problem}") from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        # PyYAML raises ValueError for impossible timestamps such as 2026-02-30.
        raise _FrontMatterError(f"malformed YAML front matter: {error}") from None


def _pick(raw: dict[Any, Any]) -> dict[str, Scalar]:
    """The known keys with scalar values; a list of authors becomes "A, B"."""
    picked: dict[str, Scalar] = {}
    for key, value in raw.items():
        name = str(key).strip().lower()
        if name not in KEYS:
            continue
        if isinstance(value, list):
            parts = [str(v).strip() for v in value if isinstance(v, str | int | float | dt.date)]
            if parts:
                picked[name] = ", ".join(p for p in parts if p)
        elif isinstance(value, str | int | float | bool | dt.date):
            picked[name] = value
    return picked
