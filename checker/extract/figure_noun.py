"""The noun a figure counts, read from the words after it.

`read_noun` walks the words following a number past demonyms and adjectives ("Russian",
"wounded"): the first other word is the counted noun, joined with the next one when they form
a compound ("troop losses"). "33 years old" is an age; "78,000 of the 300,000 soldiers" takes
the other figure's unit; "per day" makes a rate. What the figure is about (whose, which event,
what happened) is its frame's, read from the parse (`frames`); the counted noun serves the
figure reader's own checks: an age, a rank, a count its bracketed list restates.
"""

from __future__ import annotations

import re

from checker.extract.figure_draft import Draft
from checker.extract.figure_text import clause_after
from checker.extract.figure_words import demonym_of, lemma, word_lists
from checker.normalize import canonical_unit

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|[,;:()\"“”!?]|\d[\d,.]*")
# "more ... than were killed": what a comparative figure is compared with
_THAN = re.compile(r"\bthan\s+(?:were|was|had\s+been|have\s+been)?\s*(?P<w>[a-z]+)", re.I)
_RATE_AFTER = re.compile(
    r"^\s*(?:per|a|each|every)\s+(?P<u>day|week|month|year|hour|minute)\b", re.I
)
_YEAR = "year"  # `canonical_unit`'s spelling
_SHARE = re.compile(r"\s+of\s+(?:the|its|their|those|these)\s+", re.I)


def _is_plural(word: str) -> bool:
    return lemma(word) != word.lower()


class _Tokens:
    """The words after a figure, read one at a time: most figures need two or three of them,
    and reading all of the 90-character window was a tenth of the figure extractor's time."""

    def __init__(self, text: str, start: int, limit: int = 90) -> None:
        # no anchors nor lookarounds in `_WORD`, so bounds read like a slice of the text
        self._matches = _WORD.finditer(text, start, start + limit)
        self._read: list[tuple[str, int, int]] = []

    def get(self, index: int) -> tuple[str, int, int] | None:
        while len(self._read) <= index:
            match = next(self._matches, None)
            if match is None:
                return None
            self._read.append((match.group(), match.start(), match.end()))
        return self._read[index]


def read_noun(text: str, draft: Draft, drafts: list[Draft]) -> None:
    """Fill in the draft's counted noun and rate ("per day") from the words after it, or take
    the unit of the figure it is a share of ("78,000 of the 300,000 ...")."""
    words = word_lists()
    position = draft.end
    share = _SHARE.match(text, position)
    if share:
        target = next((d for d in drafts if d.begin == share.end()), None)
        if target is not None:
            draft.unit = draft.unit or target.unit
            return
    tokens = _Tokens(text, position)
    first = tokens.get(0)
    index = 0
    if (
        first is not None
        and first[0].lower() in ("more", "fewer", "less")
        and _THAN.search(clause_after(text, position))
    ):
        index = 1
    while (token := tokens.get(index)) is not None:
        word, begin, end = token
        folded = word.lower()
        if not word[0].isalpha():
            break
        if folded == "old" and draft.unit == _YEAR:
            draft.age = True  # "33 years old", "a 33-year-old"
            break
        demonym = demonym_of(word)
        if demonym:
            if folded.endswith("s") and folded in words.demonyms and folded != demonym:
                draft.noun, draft.noun_end = "person", end  # "40,000 Syrians"
                break
            index += 1
            continue
        if folded == "times":
            draft.noun, draft.noun_end = "time", end
            break
        if folded in words.stop_words:
            break
        # adverbs, adjectives and participles qualify the noun after them: "35,000 wounded
        # soldiers"; "5 killed and 10 hurt" counts no noun
        participle = folded.endswith("ed") and len(folded) > 4
        if (
            participle
            or folded == "dead"
            or folded.endswith("ly")
            or folded in words.adjectives
            or folded.endswith("-strong")
        ):
            index += 1
            continue
        if folded == "strong" and text[begin - 1 : begin] == "-":
            index += 1
            continue
        if draft.unit is not None and "/" not in draft.unit and not draft.age:
            break  # "2 km of road": the unit is what is measured
        noun, noun_end = lemma(word), end
        nxt = tokens.get(index + 1)
        if nxt and nxt[0][0].isalpha():
            nxt_word = nxt[0].lower()
            nxt_lemma = lemma(nxt_word)
            compound = nxt_lemma in words.head_nouns or (
                not _is_plural(word) and _is_plural(nxt_word) and nxt_word not in words.stop_words
            )
            if compound and not nxt_word.endswith(("ed", "ing")):
                noun, noun_end = nxt_lemma, nxt[2]
        draft.noun, draft.noun_end = noun, noun_end
        break
    anchor = draft.noun_end if draft.noun is not None else draft.end
    rate = _RATE_AFTER.match(text[anchor:]) if draft.noun is not None else None
    if rate and draft.unit is None:
        draft.unit = canonical_unit(f"1 / {rate.group('u').lower()}")
