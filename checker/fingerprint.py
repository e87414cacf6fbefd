"""A finding's fingerprint: what a baseline remembers, so an accepted finding stays accepted.

It hashes what the finding is about, never where the words happen to sit: the rule, the
subject, and for each claim its content key (`claim_key`: value, unit, its frame's anchor,
predicate and attribute, period and source; a date and its frame; a person and title; who is
credited) with the file's
stable path (`stable_path`: relative to the repository's root, else to the working folder).
Line numbers, the other words of the sentence and the spelling of the path on the command line
(`example/a.md`, `./example/a.md`, `$PWD/example/a.md`) leave it unchanged.

`fingerprint` is the one function every finding's fingerprint comes from, and `claim_key` the
one place that reads a claim for it (its frame when the parse gave one, else its subject).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from checker.models import (
    Attribution,
    Claim,
    DateClaim,
    Evidence,
    Figure,
    Frame,
    PersonClaim,
)

_SEPARATOR = "\x1f"


@lru_cache(maxsize=1024)
def _repository_root(folder: str) -> str | None:
    """The nearest folder at or above `folder` holding `.git`, if any."""
    current = Path(folder)
    for candidate in (current, *current.parents):
        if (candidate / ".git").exists():
            return str(candidate)
    return None


def stable_path(path: str) -> str:
    """`path` as the same string however it was spelled: relative to its repository's root,
    else to the working folder when inside it, else absolute; forward slashes."""
    absolute = Path(os.path.abspath(path))
    root = _repository_root(str(absolute.parent))
    base = Path(root) if root is not None else Path.cwd()
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def frame_key(frame: Frame | None) -> tuple[str, ...]:
    """What a figure or date is about, from its frame: the primary anchor, the predicate and
    the attribute (not the clause's other names or the scope's words, which follow the
    wording)."""
    if frame is None:
        return ("", "", "")
    anchor = frame.anchor[0] if frame.has_primary else ""
    return (anchor.lower(), frame.predicate, frame.attribute)


def claim_key(claim: Claim) -> tuple[str, ...]:
    """What a claim says, without the words around it."""
    if isinstance(claim, Figure):
        period = f"{claim.period_start or ''}..{claim.period_end or ''}"
        return (
            "figure",
            _number(claim.value),
            _number(claim.low),
            _number(claim.high),
            claim.unit or "",
            *(frame_key(claim.frame) if claim.frame else (claim.subject or claim.noun or "",)),
            claim.modality.value,
            period,
            "cumulative" if claim.cumulative else "",
            claim.source or "",
        )
    if isinstance(claim, DateClaim):
        end = claim.end.isoformat() if claim.end else ""
        return (
            "date",
            claim.date.isoformat(),
            end,
            *(frame_key(claim.frame) if claim.frame else (claim.event or "",)),
            ",".join(claim.participants),
            claim.source or "",
        )
    if isinstance(claim, PersonClaim):
        return ("person", claim.person, claim.title or "", "former" if claim.former else "")
    if isinstance(claim, Attribution):
        return ("attribution", claim.source or "", claim.verb or "", claim.quote or "")
    return (claim.kind,)


def evidence_key(evidence: Evidence) -> tuple[str, ...]:
    """A piece of evidence that is no claim (a facts-register line): its file and text."""
    return ("line", " ".join(evidence.text.lower().split()), _number(evidence.value))


def fingerprint(
    rule_id: str,
    subject: str,
    claims: Sequence[Claim],
    extra: Iterable[Evidence] = (),
) -> str:
    """The fingerprint of a finding of `rule_id` about `subject` from `claims` (plus evidence
    that is not a claim, such as a register line)."""
    pieces = sorted(
        [_SEPARATOR.join((stable_path(c.path), *claim_key(c))) for c in claims]
        + [_SEPARATOR.join((stable_path(e.path), *evidence_key(e))) for e in extra]
    )
    text = _SEPARATOR.join([rule_id, " ".join(subject.lower().split()), *pieces])
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def combined(fingerprints: Iterable[str]) -> str:
    """One fingerprint for findings merged into one (see `checker.consolidate`)."""
    text = _SEPARATOR.join(sorted(set(fingerprints)))
    return hashlib.sha256(text.encode()).hexdigest()[:20]
