"""Files and folders -> Articles (minimal version; the full loader replaces it)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.models import Article, Diagnostic

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load(paths: Iterable[str | Path]) -> LoadResult:
    """Load every article under `paths`; bad files become diagnostics, never exceptions."""
    result = LoadResult()
    for root in paths:
        root = Path(root)
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if file.is_file() and file.suffix.lower() in ARTICLE_SUFFIXES:
                data = file.read_bytes()
                body = data.decode("utf-8")
                result.articles.append(
                    Article(
                        path=str(file),
                        body=body,
                        line_numbers=tuple(range(1, body.count("\n") + 2)),
                        sha256=hashlib.sha256(data).hexdigest(),
                    )
                )
    return result
