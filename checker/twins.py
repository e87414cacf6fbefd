"""Twin sentences: the same sentence in two articles but for a number, a date or a name.

A passage copied from one article into another, with one figure, date or source changed on the
way, is the commonest way a fact drifts. Rules compare such twins directly, even where their
ordinary grouping would not (a bare count such as "42 regions" says too little to be compared
with other counts, but not with its own copy).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar

from checker.compare.anchors import anchor_key, anchors_agree
from checker.models import Frame

T = TypeVar("T")

# Digits glued to letters name a model or a unit ("Nordlys X1", "T-72"): a changed one is
# another thing, not a changed figure, so they stay in the sentence.
_NUMBER = re.compile(
    r"(?<![A-Za-z])(?<![A-Za-z]-)\d(?:[\d,.\u00a0\u202f ]*\d)?"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozen)\b"
)
_MONTH = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_PUNCTUATION = re.compile(r"[^\w#@ ]+")
MIN_WORDS = 6  # words of a twin sentence that are not numbers or months
LONG_WORDS = 12  # as many words say enough without a name
# A capitalized word after the first one: a name, in a sentence not set in Title Case.
_NAME_INSIDE = re.compile(r"(?<=[\w,;:] )[A-Z][\w'’.-]*")
_MASKS = frozenset({"#", "@"})
_NAME_MASK = "\x00"  # where a name was; punctuation to `_PUNCTUATION`, so it goes with it
_THE_BEFORE_MASK = re.compile(r"\bthe\s+\x00")


def count_numbers(text: str) -> int:
    """How many numbers (digits or number words) `text` holds: a figure's place in its sentence."""
    return len(_NUMBER.findall(text.lower()))


def mask_numbers(text: str) -> str:
    """The sentence folded, each number replaced by "#"."""
    masked = _NUMBER.sub(" # ", text.lower())
    return " ".join(_PUNCTUATION.sub(" ", masked).split())


def mask_dates(text: str) -> str:
    """As `mask_numbers`, month names replaced by "@" too."""
    # Months are masked before punctuation goes: both see the same word boundaries (punctuation
    # and its replacing space are both non-word characters), and one folding pass is saved.
    masked = _MONTH.sub(" @ ", _NUMBER.sub(" # ", text.lower()))
    return " ".join(_PUNCTUATION.sub(" ", masked).split())


def mask_names(text: str, names: Iterable[str]) -> str:
    """The sentence folded with the given names (sources, speakers) taken out, with a "the"
    before them: a reader may keep it in one name ("The Valley Post") and not in another."""
    folded = text.lower()
    for name in sorted({n.lower() for n in names if n}, key=len, reverse=True):
        folded = folded.replace(name, f" {_NAME_MASK} ")
    folded = _THE_BEFORE_MASK.sub(" ", folded)
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def twins(items: Iterable[T], key: Callable[[T], Hashable | None]) -> Iterator[list[T]]:
    """Groups of items from at least two articles whose key is equal (items keyed None skipped).

    `key` should include the masked sentence; items need a `path`."""
    groups: dict[Hashable, list[T]] = defaultdict(list)
    for item in items:
        found = key(item)
        if found is not None:
            groups[found].append(item)
    for group in groups.values():
        if len({getattr(item, "path", None) for item in group}) > 1:
            yield group


def long_enough(masked: str, text: str) -> bool:
    """Whether a sentence (`text`, and `masked` its masked form) says enough, besides its
    numbers and dates, to be one article's copy of another's: "Sales rose 7% to $412 million
    from $385 million" and "In fiscal 2023, the company earned $41.2 million" are formulas
    that any two company reports share. A copy names someone or something, or is long."""
    words = sum(1 for word in masked.split() if word not in _MASKS)
    if words >= LONG_WORDS:
        return True
    return words >= MIN_WORDS and _NAME_INSIDE.search(text) is not None


def about_two_things(first: Frame | None, second: Frame | None) -> bool:
    """Whether two twin sentences' frames name two things their words leave unsaid: each has a
    primary anchor and the two disagree. "The treaty was signed on 3 March 1701 by Varnland and
    Ostia" in the article "Treaty of Orsk" and "... on 9 May 1744 ..." in "Treaty of Delm" are
    one template about two treaties, not a copy with its date changed."""
    if first is None or second is None or not first.has_primary or not second.has_primary:
        return False
    return not anchors_agree(
        anchor_key(first.anchor, has_primary=True, aliases=first.aliases),
        anchor_key(second.anchor, has_primary=True, aliases=second.aliases),
    )
