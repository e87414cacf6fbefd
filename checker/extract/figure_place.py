"""Placing a figure in its sentence: the noun it borrows, the event, whose the things are.

After every figure of a sentence has read its own noun, `place` fills in what the words before
it say: the noun of "that number" (the previous figure) or of a head noun earlier in the clause
("Russian military losses ... reached 300,000"), a change ("rose by"), a comparative's "more
than", what happened (from the clause before), and the country the counted things belong to.
Measurements are handed to `figure_measure`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from checker.extract.context import ArticleContext
from checker.extract.figure_draft import Draft
from checker.extract.figure_measure import measure
from checker.extract.figure_noun import THAN
from checker.extract.figure_text import clause_after, clause_before, clause_start
from checker.extract.figure_words import demonym_of, lemma, word_lists
from checker.models import Figure

_ANAPHORA = re.compile(
    r"\b(?:that|this|the)\s+(?:number|figure|total|tally|count)\b[^.;]{0,40}$", re.I
)
# "an increase of 180,000" is a change, never a total.
_CHANGE_OF = re.compile(
    r"\b(?:increase|rise|decrease|drop|reduction|cut|jump|surge|growth|fall|decline)\s+of\s+$", re.I
)
_CHANGED_BY = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|dropped|climbed|jumped|declined)"
    r"\s+(?:by\s+)?$"
)
_PLAIN_WORDS = re.compile(r"[A-Za-z-]+")
_NAME_WORDS = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "from",
        "to",
        "into",
        "of",
        "near",
        "across",
        "inside",
        "outside",
        "against",
        "within",
    ]
)


def place(
    text: str, draft: Draft, drafts: list[Draft], context: ArticleContext, ends: list[int]
) -> None:
    """Borrow the noun when the figure has none; find the event and whose the things are.
    `ends` holds every draft's end, sorted."""
    words = word_lists()
    if draft.share_of is not None:
        target = draft.share_of
        draft.noun, draft.noun_surface = target.noun, target.noun_surface
        draft.modifiers = [m for m in target.modifiers]
        draft.event = target.event_after
        draft.unit = draft.unit or target.unit
    before = clause_before(text, draft.begin)
    # the last figure ending before this one, by bisection: linear in a sentence of thousands
    # of numbers would make the whole sentence quadratic
    before_count = bisect_right(ends, draft.begin)
    previous_end = ends[before_count - 1] if before_count else 0
    window_start = max(clause_start(text, draft.begin), previous_end)
    window = text[window_start : draft.begin]
    if draft.noun is None and draft.unit is None and not draft.change:
        if _ANAPHORA.search(window) and context.last_figure is not None:
            last = context.last_figure
            draft.noun, draft.noun_surface = last.noun, _plural_display(last)
            draft.modifiers = list(last.modifiers)
            draft.event = draft.event or last.event
        else:
            heads = list(words.head_phrase.finditer(window))
            if heads:
                head = heads[-1]
                draft.noun = lemma(head.group("n"))
                draft.noun_surface = head.group("n").lower()
                for token in reversed(window[: head.start()].split()[-3:]):
                    demonym = demonym_of(token)
                    folded = token.lower()
                    if demonym is None and (
                        folded not in words.adjectives or folded.endswith("ed")
                    ):
                        break  # only the words that qualify the noun: "Russian military losses"
                    if demonym and demonym not in draft.modifiers:
                        draft.modifiers.append(demonym)
    if draft.change and draft.noun is None:
        lead = re.search(
            r"(?:(?P<adj>[a-z-]+)\s+)?(?P<n>[a-z]+)\s+from\s+$", text[: draft.begin][-60:]
        )
        noun_phrase = re.search(
            r"(?:(?P<adj>[a-z-]+)\s+)?(?P<n>[a-z]+)\s+from\s+\S+\s+to\s+$", text[: draft.begin]
        )
        found = noun_phrase or lead
        if found and found.group("n") not in words.stop_words:
            draft.noun, draft.noun_surface = lemma(found.group("n")), found.group("n")
            adjective = found.group("adj")
            if (
                adjective
                and adjective not in words.stop_words
                and adjective not in words.change_verbs
            ):
                draft.modifiers.append(adjective)
    if draft.change:
        draft.modifiers.append("new")
    if _CHANGE_OF.search(text[max(0, draft.begin - 30) : draft.begin]) or _CHANGED_BY.search(
        text[max(0, draft.begin - 30) : draft.begin]
    ):
        draft.modifiers.append("change")
    measure(text, draft)
    if draft.noun == "casualty":
        draft.event = None
    elif draft.event is None:
        draft.event = draft.event_after or _event_before(window)
    if draft.comparative:
        than = THAN.search(clause_after(text, draft.end))
        other = (
            words.events.get(than.group("w").lower(), than.group("w").lower()) if than else "other"
        )
        draft.event = f"{draft.event or 'counted'} (more than {other})"
        draft.modifiers.append("excess")
    counts = draft.unit is None or "/" in draft.unit
    if counts and not draft.age and words.demonym_values.isdisjoint(draft.modifiers):
        owner = _owner(window if window.strip() else before)
        if owner:
            draft.modifiers.insert(0, owner)


def _plural_display(figure: Figure) -> str:
    subject = figure.subject.split()
    if figure.noun and subject:
        for word in subject:
            if lemma(word) == figure.noun:
                return word
    return figure.noun or ""


def _event_before(window: str) -> str | None:
    events = word_lists().events
    tokens = _PLAIN_WORDS.findall(window)[-6:]
    for token in reversed(tokens):
        event = events.get(token.lower())
        if event:
            return event
    return None


def _owner(window: str) -> str | None:
    """Whose the counted things are, from the clause before the figure.

    A country ("Ukraine ... sustained", "Russia's system") or a demonym naming a force ("Russian
    forces have suffered") counts; a demonym describing a person or a source ("Russian
    sociologist", "Russian officials") and a place ("in Ukraine") do not.
    """
    words = word_lists()
    tokens = _NAME_WORDS.findall(window)
    for index in range(len(tokens) - 1, -1, -1):
        demonym = demonym_of(tokens[index])
        if demonym is None:
            continue
        preceding = tokens[index - 1].lower() if index > 0 else ""
        if preceding in _LOCATIVE:
            continue
        folded = tokens[index].lower().removesuffix("'s").removesuffix("’s")
        if folded != demonym:
            return demonym  # a country or a plural people
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if lemma(following) in words.head_nouns or following in ("military", "army"):
            return demonym
    return None
