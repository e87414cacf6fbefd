"""What a figure counts, read from the words after it.

`read_noun` walks the words following a number: demonyms and adjectives become modifiers
("Russian", "wounded"), the first other word is the counted noun, joined with the next one when
they form a compound ("troop losses"); "78,000 of the 300,000 soldiers" points at the other
figure, "more ... than" marks a comparative, and a past participle after the noun ("homes
damaged") says what happened to the things counted.
"""

from __future__ import annotations

import re

from checker.extract.figure_draft import Draft
from checker.extract.figure_text import clause_after
from checker.extract.figure_words import demonym_of, lemma, word_lists
from checker.extract.timex import TimeSpan
from checker.normalize import canonical_unit

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|[,;:()\"“”!?]|\d[\d,.]*")
# "more ... than were killed": what a comparative figure is compared with
THAN = re.compile(r"\bthan\s+(?:were|was|had\s+been|have\s+been)?\s*(?P<w>[a-z]+)", re.I)
_EVENT_AFTER = re.compile(
    r"^\s*(?:(?:who|that|which)\s+)?(?:(?:were|was|are|is|have|has|had|been|being|to\s+be|be)\s+)*"
    r"(?P<w>[A-Za-z-]+(?:\s+(?:up|down))?)",
    re.I,
)
_RATE_AFTER = re.compile(
    r"^\s*(?:per|a|each|every)\s+(?P<u>day|week|month|year|hour|minute)\b", re.I
)
_SHARE = re.compile(r"\s+of\s+(?:the|its|their|those|these)\s+", re.I)
_TIME_LEAD = re.compile(r"\s+(?:from|in|of)\s+")
_DROPPED_ADJECTIVES = frozenset(
    [
        "military",
        "armed",
        "total",
        "combined",
        "such",
        "other",
        "further",
        "possible",
        "potential",
        "estimated",
        "confirmed",
        "reported",
        "official",
        "human",
        "own",
        "regular",
        "serious",
        "severe",
        "particularly",
        "heavy",
        "consecutive",
        "full",
        "straight",
        "first",
        "last",
        "next",
        "past",
        "previous",
    ]
)


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


def read_noun(text: str, draft: Draft, drafts: list[Draft], times: list[TimeSpan]) -> None:
    """Fill in the draft's noun, modifiers, event after the noun and rate ("per day") from the
    words after it, or point it at the figure it is a share of."""
    words = word_lists()
    position = draft.end
    share = _SHARE.match(text, position)
    if share:
        target = next((d for d in drafts if d.begin == share.end()), None)
        if target is not None:
            draft.share_of = target
            return
    tokens = _Tokens(text, position)
    first = tokens.get(0)
    index = 0
    if (
        first is not None
        and first[0].lower() in ("more", "fewer", "less")
        and THAN.search(clause_after(text, position))
    ):
        draft.comparative = True
        index = 1
    while (token := tokens.get(index)) is not None:
        word, begin, end = token
        folded = word.lower()
        if not word[0].isalpha():
            break
        demonym = demonym_of(word)
        if demonym:
            if demonym not in draft.modifiers:
                draft.modifiers.append(demonym)
            if folded.endswith("s") and folded in words.demonyms and folded != demonym:
                draft.noun, draft.noun_surface, draft.noun_end = "person", "people", end
                break
            index += 1
            continue
        if folded == "times":
            draft.noun, draft.noun_surface, draft.noun_end = "time", "times", end
            break
        if folded in words.stop_words:
            break
        if folded in words.events and (folded.endswith("ed") or folded in ("dead", "wounded")):
            draft.event = words.events[folded]
            index += 1
            continue
        if folded.endswith("ly"):
            index += 1
            continue
        if folded in words.adjectives or folded.endswith("-strong"):
            if folded not in _DROPPED_ADJECTIVES and not folded.endswith("-strong"):
                draft.modifiers.append(folded)
            index += 1
            continue
        if folded == "strong" and text[begin - 1 : begin] == "-":
            index += 1
            continue
        if draft.unit is not None and "/" not in draft.unit and not draft.age:
            break  # "2 km of road": the unit is what is measured
        noun, surface, noun_end = lemma(word), folded, end
        nxt = tokens.get(index + 1)
        if nxt and nxt[0][0].isalpha():
            nxt_word = nxt[0].lower()
            nxt_lemma = lemma(nxt_word)
            compound = nxt_lemma in words.head_nouns or (
                not _is_plural(word) and _is_plural(nxt_word) and nxt_word not in words.stop_words
            )
            if compound and nxt_word not in words.events and not nxt_word.endswith(("ed", "ing")):
                draft.modifiers.append(noun)
                noun, surface, noun_end = nxt_lemma, nxt_word, nxt[2]
        draft.noun, draft.noun_surface, draft.noun_end = noun, surface, noun_end
        break
    anchor = draft.noun_end if draft.noun is not None else draft.end
    draft.event_after = _event_after(text, anchor, times)
    rate = _RATE_AFTER.match(text[anchor:]) if draft.noun is not None else None
    if rate and draft.unit is None:
        draft.unit = canonical_unit(f"1 / {rate.group('u').lower()}")


def _event_after(text: str, position: int, times: list[TimeSpan]) -> str | None:
    events = word_lists().events
    skip = _TIME_LEAD.match(text, position)
    if skip:
        span = next((t for t in times if t.begin == skip.end()), None)
        if span is not None:
            position = span.stop
    match = _EVENT_AFTER.match(text[position : position + 40])
    if match is None:
        return None
    word = match.group("w").lower()
    if not word:
        return None
    known = events.get(word) or events.get(word.split()[0])
    if known:
        return known
    # Any past participle right after the counted noun says what happened to it: "homes
    # damaged", "residents have been vaccinated". Reporting verbs credit, they do not happen.
    head = word.split()[0]
    if head.endswith("ed") and len(head) > 4 and head not in _NOT_EVENTS:
        return head
    return None


_NOT_EVENTS = frozenset(
    ["reported", "estimated", "stated", "claimed", "noted", "announced", "added", "confirmed",
     "included", "based", "expected", "needed", "required", "planned", "scheduled", "listed",
     "recorded", "counted", "registered", "compared", "combined", "related", "located",
     "involved", "affected", "aged", "used"]
)  # fmt: skip
