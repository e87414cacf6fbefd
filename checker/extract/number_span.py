"""`NumberSpan`: one number read from a sentence, shared by the number readers."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NumberSpan"]


@dataclass(frozen=True)
class NumberSpan:
    """One number in a sentence: its value and where it is written."""

    value: float
    begin: int
    end: int
    spelled: bool = False  # written in words ("thirty-five thousand")
    plus: bool = False  # a trailing "+" ("400 000+"): at least
    words: int = 1  # how many number words a spelled number used ("one" alone is often a pronoun)
    fraction: bool = False
    floor: bool = False  # "hundreds of": an approximate floor, at least the value
    ordinal: bool = False  # a rank: "the 11th largest", "came fifth"
