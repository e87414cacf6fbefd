"""Diffing files and folders: load both versions, pair articles, extract and match claims.

Two files pair whatever their names; in folders, articles pair by relative path, and an
article on one side only is reported whole. One article that fails to extract becomes a
diagnostic, not the end of the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checker.diff.match import comparable, diff_claims
from checker.diff.models import Change, ChangeKind, ChangeSide, DiffError, DiffResult
from checker.extract import extract_article
from checker.load import load
from checker.models import Article, Claim, Diagnostic
from checker.nlp import require_model

Extractor = Callable[[Article], list[Claim]]


def _claims_of(article: Article, extract: Extractor, diagnostics: list[Diagnostic]) -> list[Claim]:
    try:
        return extract(article)
    except Exception as error:  # one bad article must not end the diff
        diagnostics.append(Diagnostic(path=article.path, message=f"extraction failed: {error!r}"))
        return []


def _whole_article(article: Article, claims: list[Claim], change: ChangeKind) -> list[Change]:
    """An article on one side only: a heading entry, then each of its claims (every claim the
    summary counts is listed)."""
    entries = diff_claims(claims, []) if change is ChangeKind.REMOVED else diff_claims([], claims)
    count = len(entries)
    listed = f"{count} claim{'s' if count != 1 else ''}" + (", listed below" if count else "")
    name = article.title or Path(article.path).name
    side = ChangeSide(path=article.path, line=1, text=article.title or "", fact=listed)
    heading = Change(
        change=change,
        kind="article",
        subject=name,
        detail=f"{name} ({listed})",
        old=side if change is ChangeKind.REMOVED else None,
        new=side if change is ChangeKind.ADDED else None,
        claims=0,
    )
    return [heading, *entries]


def _relative(article: Article, root: Path) -> str:
    try:
        return Path(article.path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(article.path).name


def diff_paths(old: Path, new: Path, *, extract: Extractor = extract_article) -> DiffResult:
    """Compare two files, or two folders whose articles pair by relative path."""
    if old.is_dir() != new.is_dir():
        raise DiffError(f"cannot compare a file with a folder: {old} and {new}")
    if extract is extract_article:
        require_model()
    loaded_old, loaded_new = load([old]), load([new])
    result = DiffResult(
        old=str(old),
        new=str(new),
        diagnostics=[*loaded_old.diagnostics, *loaded_new.diagnostics],
    )
    if not old.is_dir():
        # Two files pair whatever their names: "v1.md" against "v2.md".
        olds = dict.fromkeys([""], loaded_old.articles[0]) if loaded_old.articles else {}
        news = dict.fromkeys([""], loaded_new.articles[0]) if loaded_new.articles else {}
    else:
        olds = {_relative(a, old): a for a in loaded_old.articles}
        news = {_relative(a, new): a for a in loaded_new.articles}
    for name in sorted(olds.keys() | news.keys()):
        before, after = olds.get(name), news.get(name)
        if before is not None and after is not None:
            result.changes += diff_claims(
                _claims_of(before, extract, result.diagnostics),
                _claims_of(after, extract, result.diagnostics),
            )
        elif before is not None:
            claims = comparable(_claims_of(before, extract, result.diagnostics))
            result.changes += _whole_article(before, claims, ChangeKind.REMOVED)
        elif after is not None:
            claims = comparable(_claims_of(after, extract, result.diagnostics))
            result.changes += _whole_article(after, claims, ChangeKind.ADDED)
    return result
