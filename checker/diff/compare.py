"""What a claim is about (its content key) and whether two claims state the same fact.

The key decides which claims may pair between versions; the compared fields decide whether a
pair is a change. Both ignore wording that changes no fact: stop words, a source named in
full or in short, a title given on one side only. A figure is what its frame says it is about
(`checker.fingerprint.frame_key`), never the words of its sentence, so a reworded sentence
keeps its figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable
from functools import lru_cache

from checker.compat import dimension
from checker.data import load_data
from checker.fingerprint import frame_key
from checker.models import Attribution, Claim, DateClaim, Figure, Frame, PersonClaim
from checker.twins import mask_numbers

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset({"the", "a", "an", "of"})
# Where a primary anchor comes from when the figure's own sentence names it. One borrowed from
# the paragraph or the title follows the wording of other sentences: an edit there must not
# make this figure about someone else.
_NAMED = frozenset({"owner", "subject", "pronoun"})


def content_words(text: str | None) -> tuple[str, ...]:
    """The lowercased words of `text` without articles and "of": wording a key ignores."""
    return tuple(w for w in _WORD.findall((text or "").lower()) if w not in _STOP)


def period_label(start: dt.date | None, end: dt.date | None) -> str:
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


def named_anchor(frame: Frame | None) -> str:
    """The frame's primary anchor, lowercased, when the figure's own sentence names it; else ""."""
    if frame is None or not frame.has_primary or frame.anchor_from not in _NAMED:
        return ""
    return frame.anchor[0].lower()


def same_words(a: str, b: str) -> bool:
    """Two names of a frame's part are one when either is missing, or when the shorter one's
    words all occur in the longer ("Brask" and "Teodor Brask"), as with sources."""
    wa, wb = set(content_words(a)), set(content_words(b))
    return not wa or not wb or wa <= wb or wb <= wa


def counts_something(frame: Frame | None) -> bool:
    """Whether the frame says what a figure counts: an anchor alone (often the title's, shared
    by every bare figure of the article) says whom, not what."""
    return frame is not None and bool(frame.predicate or frame.attribute)


def _figure_about(claim: Figure) -> Hashable:
    if counts_something(claim.frame):
        return frame_key(claim.frame)
    # No frame to go by: the sentence's words stand for it, numbers masked so that a changed
    # value keeps the key; a reworded sentence then pairs through the similarity pass.
    return content_words(mask_numbers(claim.text))


def content_key(claim: Claim) -> Hashable:
    """What `claim` is about, never where it is: claims with equal keys may pair as one fact."""
    if isinstance(claim, Figure):
        period = (claim.period_start, claim.period_end)
        return (
            "figure",
            _figure_about(claim),
            period,
            claim.modality,
            claim.cumulative,
            dimension(claim.unit),
        )
    if isinstance(claim, DateClaim):
        return (
            "date",
            content_words(claim.happening),
            tuple(sorted(content_words(" ".join(claim.names)))),
        )
    if isinstance(claim, Attribution):
        if claim.quote:
            return ("attribution", "quote", content_words(claim.quote))
        source = set(content_words(" ".join(claim.source_chain) or claim.source))
        return (
            "attribution",
            "text",
            tuple(w for w in content_words(claim.text) if w not in source),
        )
    return ("person", content_words(claim.person))


def number(value: float | None) -> float | None:
    """`value` to 9 significant digits, so float noise from parsing never reads as a change."""
    return None if value is None else float(f"{value:.9g}")


def compared(claim: Claim) -> dict[str, object]:
    """The fields that make a claim's fact: a difference in any of them is a change."""
    if isinstance(claim, Figure):
        return {
            "value": number(claim.value),
            "low": number(claim.low),
            "high": number(claim.high),
            "qualifier": claim.qualifier.value,
            "unit": claim.unit,
            "source": claim.source,
            "superlative": _superlative(claim),
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
    return {"title": content_words(claim.title), "former": claim.former}


def _superlative(claim: Figure) -> tuple[str, dt.date | None] | None:
    """What the figure is called ("largest", since 2011), None when nothing."""
    if not claim.superlative:
        return None
    return (claim.superlative.lower(), claim.superlative_since)


def counted(old: Figure, new: Figure) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The parts of two figures' frames that say they count different things: the predicate,
    the attribute, the anchors their sentences name. A part the parse read on one side only
    ("carried 340 passengers", "340 passengers were on board": a verb with no event of its
    own) is no change, and neither is a shorter form of the same words ("teacher", "new
    teacher")."""
    if old.frame is None or new.frame is None:
        return (), ()
    parts = (
        (old.frame.predicate, new.frame.predicate),
        (old.frame.attribute, new.frame.attribute),
        (named_anchor(old.frame), named_anchor(new.frame)),
    )
    differ = [(a, b) for a, b in parts if not same_words(a, b)]
    return tuple(a for a, _ in differ), tuple(b for _, b in differ)


def _same_source(a: object, b: object) -> bool:
    """ "Fedorov" and "Defense Minister Mykhailo Fedorov" are one source: the shorter name's
    words all occur in the longer. A rewrite that names a source in full changes no fact."""
    if a is None or b is None:
        return a is b
    wa, wb = set(content_words(str(a))), set(content_words(str(b)))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def differences(old: Claim, new: Claim) -> tuple[str, ...]:
    """The names of the compared fields in which `old` and `new` state different facts."""
    before, after = compared(old), compared(new)
    if isinstance(old, Figure) and isinstance(new, Figure):
        # A period or subject edit reaches here through the similarity pass.
        before["period"], after["period"] = (
            period_label(old.period_start, old.period_end),
            period_label(new.period_start, new.period_end),
        )
        before["subject"], after["subject"] = counted(old, new)
    if isinstance(old, DateClaim) and isinstance(new, DateClaim):
        before["event"], after["event"] = (
            content_words(old.happening),
            content_words(new.happening),
        )
    if isinstance(old, PersonClaim) and isinstance(new, PersonClaim):
        before["person"], after["person"] = content_words(old.person), content_words(new.person)
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
