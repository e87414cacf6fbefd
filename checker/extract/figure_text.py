"""Reading the text around a position in a sentence: the clause that holds it, the clause after
it, the word just before it.

The figure modules ask these questions for every number of a sentence, so each is answered
without rescanning the sentence from its start (which would make a sentence of thousands of
numbers quadratic): clause breaks are found once per sentence and bisected.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

# The word ending one space (or two) before a position; see `last_word`.
LAST_WORD = re.compile(r"(?P<w>[A-Za-z][\w-]*)\s$")
_CLAUSE_END = re.compile(r"[;.!?]")
_CLAUSE_MARK = re.compile(r"[;:]")
_FULL_STOP = re.compile(r"\. ")


def last_word(text: str, position: int) -> re.Match[str] | None:
    """`LAST_WORD.search(text[:position])`, searched from where the match can start only: the
    run of word characters before the last one or two spaces. From 0, a sentence of thousands
    of numbers would be quadratic."""
    start = position
    while start > 0 and position - start < 2 and text[start - 1].isspace():
        start -= 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    return LAST_WORD.search(text, start, position)


def clause_after(text: str, position: int) -> str:
    """The text from `position` to the end of its clause (the next ";", ".", "!" or "?")."""
    rest = text[position:]
    stop = _CLAUSE_END.search(rest)
    return rest[: stop.start()] if stop else rest


@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """Offsets of every ";" or ":" and of every ". " in the sentence, read once per sentence."""
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    stops = [m.start() for m in _FULL_STOP.finditer(text)]
    return marks, stops


def clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts: after the last ";", ":" or ". " before it.
    (`rfind` per figure would rescan the sentence for every number it holds.)"""
    marks, stops = _clause_breaks(text)
    mark_index = bisect_left(marks, position)  # a mark at p ends before `position` when p < it
    stop_index = bisect_right(stops, position - 2)  # ". " at p ends by `position` if p <= it - 2
    stop = max(
        marks[mark_index - 1] if mark_index else -1, stops[stop_index - 1] if stop_index else -1
    )
    return stop + 1 if stop >= 0 else 0


def clause_before(text: str, position: int) -> str:
    """The text from the start of the clause holding `position` up to it."""
    return text[clause_start(text, position) : position]
