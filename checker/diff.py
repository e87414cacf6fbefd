"""`checker diff OLD NEW`: which facts changed between two versions of a story.

Claims are matched between versions by what they are about (a content key), never by line:
editing a paragraph moves every line below it, yet the figures in them are the same facts.

    figure       (noun or subject, event, modifiers, period, modality, cumulative)
    date         (event, participants)
    attribution  the quote, or the sentence's words without the source
    person       the name

Matching runs in two passes. First, claims with equal keys pair up; a pair whose compared
fields (value, date, source, title...) agree is unchanged and not listed. Second, claims left
over on both sides pair up when their sentences read alike: an edit that moved a figure to
another month changes its key, yet the desk wants "changed", not "removed" plus "added".
A fact stated twice counts once, so a rewrite that drops a repetition changes nothing.

Diff reports, it does not judge: the command exits 0 whatever changed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz
from tabulate import tabulate

from checker.data import load_data
from checker.errors import CheckerError
from checker.extract import extract_article
from checker.load import load
from checker.models import (
    Article,
    Attribution,
    Claim,
    DateClaim,
    Diagnostic,
    Figure,
    PersonClaim,
)
from checker.report.escape import code_fence, markdown_inline, one_line

__all__ = [
    "Change",
    "ChangeKind",
    "ChangeSide",
    "DiffError",
    "DiffResult",
    "diff_claims",
    "diff_paths",
    "render_diff",
    "summary_line",
]

# Second pass: sentences at least this alike (rapidfuzz 0-100) hold the same claim, edited.
SIMILAR_SENTENCE = 75.0

Extractor = Callable[[Article], list[Claim]]


class DiffError(CheckerError):
    """OLD and NEW cannot be compared (a file against a folder)."""


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class ChangeSide(BaseModel):
    """One version of a changed claim: where it is, the sentence, and the fact in short."""

    model_config = ConfigDict(frozen=True)

    path: str
    line: int
    column: int = 1
    text: str
    fact: str  # "35,000 russian soldiers killed, 2025-12 (Mykhailo Fedorov)"
    claim: dict[str, object] | None = None  # every field of the claim, JSON-ready


class Change(BaseModel):
    model_config = ConfigDict(frozen=True)

    change: ChangeKind
    kind: Literal["figure", "date", "attribution", "person", "article"]
    field: str | None = None  # the first field that differs, for `changed`
    fields: tuple[str, ...] = ()  # every field that differs
    subject: str = ""
    detail: str = ""  # "value: 35,000 -> 53,000" for `changed`, the fact otherwise
    old: ChangeSide | None = None
    new: ChangeSide | None = None
    claims: int = 1  # claims this entry stands for (a whole article counts all of its own)


class DiffResult(BaseModel):
    old: str
    new: str
    changes: list[Change] = []
    diagnostics: list[Diagnostic] = []

    def count(self, change: ChangeKind) -> int:
        return sum(c.claims for c in self.changes if c.change is change)


# --- keys and compared fields ------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset({"the", "a", "an", "of"})


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall((text or "").lower()) if w not in _STOP)


def _period(start: dt.date | None, end: dt.date | None) -> str:
    """ "2025-12" for a whole month, "2025" for a whole year, else the days."""
    if start is None:
        return ""
    if end is None or end == start:
        return start.isoformat()
    after = end + dt.timedelta(days=1)
    if start.day == 1 and after.day == 1:
        if start.month == 1 and after.month == 1 and after.year == start.year + 1:
            return str(start.year)
        if (after.year * 12 + after.month) - (start.year * 12 + start.month) == 1:
            return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


def _key(claim: Claim) -> Hashable:
    if isinstance(claim, Figure):
        what: Hashable = (claim.noun, claim.event, tuple(sorted(claim.modifiers)))
        if what == (None, None, ()):
            what = _words(claim.subject)
        period = (claim.period_start, claim.period_end)
        return ("figure", what, period, claim.modality, claim.cumulative)
    if isinstance(claim, DateClaim):
        return ("date", _words(claim.event), tuple(sorted(_words(" ".join(claim.participants)))))
    if isinstance(claim, Attribution):
        if claim.quote:
            return ("attribution", "quote", _words(claim.quote))
        source = set(_words(" ".join(claim.source_chain) or claim.source))
        return ("attribution", "text", tuple(w for w in _words(claim.text) if w not in source))
    return ("person", _words(claim.person))


def _number(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.9g}")


def _compared(claim: Claim) -> dict[str, object]:
    """The fields that make a claim's fact: a difference in any of them is a change."""
    if isinstance(claim, Figure):
        return {
            "value": _number(claim.value),
            "low": _number(claim.low),
            "high": _number(claim.high),
            "qualifier": claim.qualifier.value,
            "unit": claim.unit,
            "source": claim.source,
        }
    if isinstance(claim, DateClaim):
        return {
            "date": claim.date,
            "end": claim.end,
            "granularity": claim.granularity.value,
            "relation": claim.relation,
            "source": claim.source,
        }
    if isinstance(claim, Attribution):
        return {
            "source": claim.source,
            "source_chain": claim.source_chain,
            "cited_date": claim.cited_date,
        }
    return {"title": _words(claim.title), "former": claim.former}


def _same_source(a: object, b: object) -> bool:
    """ "Fedorov" and "Defense Minister Mykhailo Fedorov" are one source: the shorter name's
    words all occur in the longer. A rewrite that names a source in full changes no fact."""
    if a is None or b is None:
        return a is b
    wa, wb = set(_words(str(a))), set(_words(str(b)))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _differences(old: Claim, new: Claim) -> tuple[str, ...]:
    before, after = _compared(old), _compared(new)
    if isinstance(old, Figure) and isinstance(new, Figure):
        # A period or subject edit reaches here through the similarity pass.
        before["period"], after["period"] = (
            _period(old.period_start, old.period_end),
            _period(new.period_start, new.period_end),
        )
        before["subject"], after["subject"] = _words(old.subject), _words(new.subject)
    if isinstance(old, DateClaim) and isinstance(new, DateClaim):
        before["event"], after["event"] = _words(old.event), _words(new.event)
    if isinstance(old, PersonClaim) and isinstance(new, PersonClaim):
        before["person"], after["person"] = _words(old.person), _words(new.person)
    return tuple(name for name, value in before.items() if not _same(name, value, after.get(name)))


@lru_cache(maxsize=1)
def _rank_words() -> frozenset[str]:
    return frozenset(load_data("title_ranks")["rank_words"])


def _same_title(old: set[str], new: set[str]) -> bool:
    """ "President" and "U.S. President" are one title; "Minister" and "Deputy Minister" are
    not: the longer may add places and bodies, never a word of rank."""
    if not (old <= new or new <= old):
        return False
    return not (old ^ new) & _rank_words()


def _same(name: str, old: object, new: object) -> bool:
    if name in _OPTIONAL and (not old or not new):
        # A source, title or chain given on one side only: a rewrite that moves the credit to
        # another sentence or drops a repeated title changes no fact, and precision comes first.
        return True
    if name == "source":
        return _same_source(old, new)
    if name == "title" and isinstance(old, tuple) and isinstance(new, tuple):
        return _same_title(set(old), set(new))
    if name == "source_chain" and isinstance(old, tuple) and isinstance(new, tuple):
        if len(old) != len(new):
            return True  # a link of the chain left out, not a different chain
        return all(_same_source(a, b) for a, b in zip(old, new, strict=True))
    return old == new


_OPTIONAL = frozenset({"source", "source_chain", "title", "cited_date", "period"})


# --- how a claim reads in a report -------------------------------------------------------


def _figure_value(claim: Figure) -> str:
    def num(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"

    if claim.low is not None and claim.high is not None and claim.low != claim.high:
        text = f"{num(claim.low)}-{num(claim.high)}"
    else:
        text = num(claim.value)
    if claim.qualifier.value not in ("exact", "range"):
        text = f"{claim.qualifier.value.replace('_', ' ')} {text}"
    return f"{text} {claim.unit}" if claim.unit else text


def _fact(claim: Claim) -> str:
    if isinstance(claim, Figure):
        parts = [_figure_value(claim), claim.subject or claim.noun or ""]
        period = _period(claim.period_start, claim.period_end)
        text = " ".join(p for p in parts if p) + (f", {period}" if period else "")
        if claim.modality.value != "fact":
            text += f" [{claim.modality.value}]"
    elif isinstance(claim, DateClaim):
        when = _period(claim.date, claim.end)
        text = f"{claim.event or 'event'} {claim.relation} {when}"
        if claim.participants:
            text += f" ({', '.join(claim.participants)})"
    elif isinstance(claim, Attribution):
        # The sentence is shown beside the fact already; the fact is who is credited.
        text = f'"{claim.quote}", ' if claim.quote else ""
        text += f"{claim.verb or 'credited'} {claim.source or 'no one'}"
        if len(claim.source_chain) > 1:
            text += f", citing {', '.join(claim.source_chain[1:])}"
        if claim.cited_date:
            text += f", on {claim.cited_date.isoformat()}"
        return text
    else:
        title = f"{'former ' if claim.former else ''}{claim.title or ''}".strip()
        text = f"{title} {claim.person}".strip()
    if claim.source and not isinstance(claim, PersonClaim):
        text += f" ({claim.source})"
    return text


def _shown(claim: Claim, name: str) -> str:
    """One compared field of `claim` as a reader would write it."""
    if isinstance(claim, Figure) and name in ("value", "low", "high", "qualifier", "unit"):
        return _figure_value(claim)
    if isinstance(claim, Figure) and name == "period":
        return _period(claim.period_start, claim.period_end) or "none"
    if isinstance(claim, DateClaim) and name in ("date", "end", "granularity"):
        return _period(claim.date, claim.end)
    value = getattr(claim, name, None)
    if isinstance(value, tuple):
        value = " ".join(str(v) for v in value)
    return "none" if value is None or value == "" else str(value)


def _detail(old: Claim, new: Claim, fields: Sequence[str]) -> str:
    """ "value: 35,000 → 53,000; source: NATO → ISW", each distinct change once (a figure's
    value, bounds and qualifier all read as one "at most 900,000")."""
    seen: dict[str, str] = {}
    for name in fields:
        shown = f"{_shown(old, name)} → {_shown(new, name)}"
        if shown not in seen.values():
            seen[name] = shown
    return "; ".join(f"{name}: {shown}" for name, shown in seen.items())


def _subject(claim: Claim) -> str:
    if isinstance(claim, Figure):
        return claim.subject or claim.noun or claim.unit or "figure"
    if isinstance(claim, DateClaim):
        return claim.event or "date"
    if isinstance(claim, Attribution):
        return claim.quote or claim.source or "attribution"
    return claim.person


def _side(claim: Claim) -> ChangeSide:
    return ChangeSide(
        path=claim.path,
        line=claim.line,
        column=claim.column,
        text=claim.text,
        fact=_fact(claim),
        claim=claim.model_dump(mode="json"),
    )


# --- matching ----------------------------------------------------------------------------


def _comparable(claims: Sequence[Claim]) -> list[Claim]:
    """The claims a diff compares, each fact once.

    An attribution whose sentence holds a figure or a date is skipped: that claim carries the
    same source, so a changed source is reported once, on the fact it is about. A person named
    without a title says nothing a diff can compare beyond the name, so only the first
    mention of a name counts unless a later one gives a title.
    """
    with_facts = {(c.path, c.sentence_index) for c in claims if isinstance(c, Figure | DateClaim)}
    titled = {_key(c) for c in claims if isinstance(c, PersonClaim) and c.title}
    kept: list[Claim] = []
    seen: set[Hashable] = set()
    for claim in claims:
        if isinstance(claim, Attribution) and (claim.path, claim.sentence_index) in with_facts:
            continue
        if isinstance(claim, PersonClaim) and not claim.title and _key(claim) in titled:
            continue
        identity = (_key(claim), tuple(_compared(claim).items()))
        if identity not in seen:
            seen.add(identity)
            kept.append(claim)
    return kept


def _similarity(a: Claim, b: Claim) -> float:
    return float(fuzz.token_sort_ratio(a.text, b.text))


def _pair(
    old: list[Claim], new: list[Claim], threshold: float
) -> tuple[list[tuple[Claim, Claim]], list[Claim], list[Claim]]:
    """Greedy best-first pairing by sentence similarity; pairs with equal facts go first."""
    candidates = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if a.kind != b.kind:
                continue
            score = _similarity(a, b)
            if score >= threshold:
                candidates.append((not _differences(a, b), score, -i, -j))
    candidates.sort(reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for _, _, neg_i, neg_j in candidates:
        i, j = -neg_i, -neg_j
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j]))
    left_old = [c for i, c in enumerate(old) if i not in used_old]
    left_new = [c for j, c in enumerate(new) if j not in used_new]
    return pairs, left_old, left_new


# A reworded sentence can make the extractor read another subject or miss the period; for
# figures paired as rewordings, only a change of value or source counts.
_REWORDED_NOISE = frozenset({"subject", "period"})


def _amount(claim: Figure) -> tuple[object, ...]:
    return (_number(claim.value), _number(claim.low), _number(claim.high), claim.unit)


def _pair_reworded(
    old: list[Claim], new: list[Claim]
) -> tuple[list[tuple[Claim, Claim]], list[Claim], list[Claim]]:
    """Third pass: a figure left over on both sides with the same amount and a word of its
    subject in common is one figure in a reworded sentence ("a 2-million-strong reserve" and
    "a reserve of 2 million"), not one removed and one added."""
    pairs: list[tuple[Claim, Claim]] = []
    rest_new = list(new)
    rest_old = []
    for a in old:
        match: Claim | None = None
        if isinstance(a, Figure):
            words = set(_words(a.subject)) | {a.noun or ""}
            for b in rest_new:
                if (
                    isinstance(b, Figure)
                    and _amount(a) == _amount(b)
                    and a.modality == b.modality
                    and words & (set(_words(b.subject)) | {b.noun or ""}) - {""}
                ):
                    match = b
                    break
        if match is None:
            rest_old.append(a)
        else:
            rest_new.remove(match)
            pairs.append((a, match))
    return pairs, rest_old, rest_new


def diff_claims(old: Sequence[Claim], new: Sequence[Claim]) -> list[Change]:
    """Added, removed and changed claims between two versions of one article."""
    by_key_old: dict[Hashable, list[Claim]] = defaultdict(list)
    by_key_new: dict[Hashable, list[Claim]] = defaultdict(list)
    for claim in _comparable(old):
        by_key_old[_key(claim)].append(claim)
    for claim in _comparable(new):
        by_key_new[_key(claim)].append(claim)

    pairs: list[tuple[Claim, Claim]] = []
    left_old: list[Claim] = []
    left_new: list[Claim] = []
    for key in by_key_old.keys() | by_key_new.keys():
        # Same key: any pairing will do (threshold 0); similarity only breaks ties.
        matched, rest_old, rest_new = _pair(by_key_old.get(key, []), by_key_new.get(key, []), 0)
        pairs += matched
        left_old += rest_old
        left_new += rest_new
    matched, left_old, left_new = _pair(left_old, left_new, SIMILAR_SENTENCE)
    pairs += matched
    reworded, left_old, left_new = _pair_reworded(left_old, left_new)

    changes = []
    for a, b in pairs + reworded:
        fields = _differences(a, b)
        if (a, b) in reworded:
            fields = tuple(f for f in fields if f not in _REWORDED_NOISE)
        if fields:
            changes.append(
                Change(
                    change=ChangeKind.CHANGED,
                    kind=b.kind,
                    field=fields[0],
                    fields=fields,
                    subject=_subject(b),
                    detail=_detail(a, b, fields),
                    old=_side(a),
                    new=_side(b),
                )
            )
    changes += [
        Change(
            change=ChangeKind.REMOVED,
            kind=c.kind,
            subject=_subject(c),
            detail=_fact(c),
            old=_side(c),
        )
        for c in left_old
    ]
    changes += [
        Change(
            change=ChangeKind.ADDED, kind=c.kind, subject=_subject(c), detail=_fact(c), new=_side(c)
        )
        for c in left_new
    ]
    return sorted(changes, key=_order)


def _order(change: Change) -> tuple[str, int, int]:
    side = change.new or change.old
    assert side is not None
    return (side.path, side.line, side.column)


# --- files and folders -------------------------------------------------------------------


def _claims_of(article: Article, extract: Extractor, diagnostics: list[Diagnostic]) -> list[Claim]:
    try:
        return extract(article)
    except Exception as error:  # one bad article must not end the diff
        diagnostics.append(Diagnostic(path=article.path, message=f"extraction failed: {error!r}"))
        return []


def _whole_article(article: Article, claims: int, change: ChangeKind) -> Change:
    side = ChangeSide(
        path=article.path,
        line=1,
        text=article.title or "",
        fact=f"article with {claims} claim{'s' if claims != 1 else ''}",
    )
    return Change(
        change=change,
        kind="article",
        subject=article.title or Path(article.path).name,
        old=side if change is ChangeKind.REMOVED else None,
        new=side if change is ChangeKind.ADDED else None,
        claims=claims,
    )


def _relative(article: Article, root: Path) -> str:
    try:
        return Path(article.path).relative_to(root).as_posix()
    except ValueError:
        return Path(article.path).name


def diff_paths(old: Path, new: Path, *, extract: Extractor = extract_article) -> DiffResult:
    """Compare two files, or two folders whose articles pair by relative path."""
    if old.is_dir() != new.is_dir():
        raise DiffError(f"cannot compare a file with a folder: {old} and {new}")
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
            count = len(_comparable(_claims_of(before, extract, result.diagnostics)))
            result.changes.append(_whole_article(before, count, ChangeKind.REMOVED))
        elif after is not None:
            count = len(_comparable(_claims_of(after, extract, result.diagnostics)))
            result.changes.append(_whole_article(after, count, ChangeKind.ADDED))
    return result


# --- output ------------------------------------------------------------------------------


def summary_line(result: DiffResult) -> str:
    """ "3 changed, 1 added, 0 removed claims" (plus whole articles, when any)."""
    line = (
        f"{result.count(ChangeKind.CHANGED)} changed, {result.count(ChangeKind.ADDED)} added, "
        f"{result.count(ChangeKind.REMOVED)} removed claims"
    )
    articles = [c for c in result.changes if c.kind == "article"]
    if articles:
        added = sum(c.change is ChangeKind.ADDED for c in articles)
        removed = len(articles) - added
        line += f" ({added} article{'s' if added != 1 else ''} added, {removed} removed)"
    return line


def _heading(change: Change) -> str:
    what = f"{change.change.value.capitalize()} {change.kind}"
    if change.fields:
        what += f" ({', '.join(change.fields)})"
    return f"### {what}: {markdown_inline(change.subject)}"


def _diff_line(sign: str, side: ChangeSide) -> str:
    where = f"{one_line(side.path)}:{side.line}"
    text = one_line(side.text) or one_line(side.fact)
    return f"{sign} {where}: {text}"


def _markdown(result: DiffResult) -> str:
    parts = [f"**{markdown_inline(summary_line(result))}**"]
    for change in result.changes:
        lines = []
        if change.old is not None:
            lines.append(_diff_line("-", change.old))
        if change.new is not None:
            lines.append(_diff_line("+", change.new))
        fence = code_fence(lines)
        parts.append(
            f"{_heading(change)}\n\n{markdown_inline(change.detail)}\n\n"
            f"{fence}diff\n" + "\n".join(lines) + f"\n{fence}"
        )
    return "\n\n".join(parts) + "\n"


def _cell(side: ChangeSide | None) -> str:
    if side is None:
        return ""
    head = f"{one_line(side.path)}:{side.line}\n" + textwrap.fill(one_line(side.fact), 40)
    return (
        head
        + "\n"
        + textwrap.fill(one_line(side.text), 50, initial_indent="  ", subsequent_indent="  ")
    )


def _table(result: DiffResult) -> str:
    parts = [summary_line(result)]
    if result.changes:
        rows = [
            [c.change.value, c.kind, ", ".join(c.fields), _cell(c.old), _cell(c.new)]
            for c in result.changes
        ]
        parts.append(
            tabulate(rows, headers=["change", "kind", "field", "old", "new"], tablefmt="grid")
        )
    return "\n".join(parts) + "\n"


def _json(result: DiffResult) -> str:
    data = [c.model_dump(mode="json") for c in result.changes]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_RENDERERS: dict[str, Callable[[DiffResult], str]] = {
    "markdown": _markdown,
    "table": _table,
    "json": _json,
}


def render_diff(result: DiffResult, fmt: str = "markdown") -> str:
    """The diff as `markdown`, `table` or `json` text."""
    try:
        return _RENDERERS[fmt](result)
    except KeyError:
        raise DiffError(f"unknown diff format {fmt!r}; known: {', '.join(_RENDERERS)}") from None
