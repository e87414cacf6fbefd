"""Whether words report the past: past-tense verbs, by the word lists of `data/tense.toml`.

The parse knows tense too, but the readers that ask (a yearless date's year, a report set after
its article) run on sentences the parse never sees.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.data import load_data

__all__ = ["is_past_form", "looks_ahead_pattern"]


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = load_data("tense")
    future = sorted(data["future"], key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in future) + r")\b", re.I)
    return pattern, frozenset(data["irregular_past"]), frozenset(data["not_past"])


def looks_ahead_pattern() -> re.Pattern[str]:
    """Words that look ahead ("will", "plans", "scheduled"): a sentence with one reports no
    past fact."""
    return _words()[0]


def is_past_form(word: str) -> bool:
    """A past-tense verb ("rose", "raised"), `word` lowercased; "hundred" and "need" are not."""
    _, irregular, not_past = _words()
    return word in irregular or (len(word) > 4 and word.endswith("ed") and word not in not_past)
