"""Figures -> subject groups: the same thing counted, across articles.

The subject key of a figure is `(noun, event, owners, dimension)`:

- noun: the counted noun after the synonym table (`troop`, `serviceman` -> `soldier`); a figure
  with a unit and no noun uses its subject text instead, so that "1.5 km bridge" and "3 km road"
  stay apart;
- event: what happened to it after the table (`dead`, `died` -> `killed`);
- owners: the sorted modifiers (`russian`), after the modifier table;
- dimension: the unit's pint dimensionality ("count" for counted nouns), so 1.5 km meets 1,500 m.

Period and modality are deliberately NOT in the key: rules bucket a group by them.

Blocking keeps the work near-linear. Exact table lookups resolve most words. A word the tables
do not know is compared with rapidfuzz only against the distinct words already seen in its block:
nouns within the block of the same (event, dimension), events within the block of the same
dimension. A block holds a handful of distinct words however many claims there are, so the cost
is (claims x distinct words per block), not claims squared. Spellings that differ only by spaces
or hyphens always match. Otherwise the fuzzy threshold is high, the first letter must agree and
words with digits never match fuzzily: "killed" and "skilled", "T-72" and "T-80" are close as
strings but not as facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from checker.compat import dimension
from checker.data import load_data
from checker.models import Figure

__all__ = ["FUZZY_THRESHOLD", "SubjectGroup", "canonical", "group_figures", "subject_key"]

FUZZY_THRESHOLD = 92.0
_SPACE = re.compile(r"[\s_]+")
_JUNK = re.compile(r"[^\w\s.'-]")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class SubjectGroup:
    """Figures about the same subject (what is counted, what happened to it, whose, in what unit),
    across articles. Period and modality are NOT part of this key: rules bucket by them."""

    key: tuple[str, ...]
    label: str  # display form: "russian soldiers killed"
    figures: tuple[Figure, ...]


@lru_cache(maxsize=8)
def _table(name: str) -> dict[str, str]:
    """Spelling -> canonical form for one table of `synonyms.toml`."""
    table: dict[str, list[str]] = load_data("synonyms").get(name, {})
    lookup: dict[str, str] = {}
    for canon, spellings in table.items():
        lookup[_clean(canon)] = canon
        for spelling in spellings:
            lookup[_clean(spelling)] = canon
    return lookup


@lru_cache(maxsize=1)
def _properties() -> frozenset[str]:
    words: list[str] = load_data("synonyms").get("properties", {}).get("words", [])
    return frozenset(words)


def _clean(word: str) -> str:
    return _SPACE.sub(" ", _JUNK.sub("", word.lower())).strip().replace("-", " ")


def _singular(word: str) -> str:
    """A light singular for words the extractor left plural ("servicemen", "casualties")."""
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def canonical(table: str, word: str | None) -> tuple[str, bool]:
    """(canonical form, found in the table?) for a noun, event or modifier."""
    if not word:
        return ("", True)
    cleaned = _clean(word)
    lookup = _table(table)
    if cleaned in lookup:
        return (lookup[cleaned], True)
    if table == "nouns":
        last = cleaned.rsplit(" ", 1)
        last[-1] = _singular(last[-1])
        single = " ".join(last)
        if single in lookup:
            return (lookup[single], True)
        return (single, False)
    return (cleaned, False)


def _noun_part(figure: Figure) -> tuple[str, bool]:
    if figure.noun:
        return canonical("nouns", figure.noun)
    if figure.unit and figure.subject:
        # A measurement: the subject text says what was measured, once the unit's own words
        # are taken out ("kilometer" alone names no thing, and two such figures must not meet).
        # Property words alone ("length") do not say which bridge either.
        unit_words = {_singular(w) for w in _WORD.findall(figure.unit.lower())}
        words = [w for w in _clean(figure.subject).split() if _singular(w) not in unit_words]
        if all(w in _properties() for w in words):
            return ("", True)
        return (" ".join(words), True)
    return ("", True)


def _owners(modifiers: Iterable[str]) -> str:
    return ",".join(sorted({canonical("modifiers", m)[0] for m in modifiers if m.strip()}))


class _Block:
    """The distinct words seen in one block, for fuzzy matching of unknown words.

    Each distinct word is resolved once (`resolved`), and fuzzy candidates are further split by
    first letter, so even a block with thousands of distinct nouns stays cheap.
    """

    def __init__(self) -> None:
        self.resolved: dict[str, str] = {}
        self.squeezed: dict[str, str] = {}
        self.by_initial: dict[str, list[str]] = {}

    def resolve(self, word: str, known: bool) -> str:
        if not word:
            return word
        if word in self.resolved:
            return self.resolved[word]
        squeezed = word.replace(" ", "")
        result = self.squeezed.get(squeezed)  # "draft-dodger", "draft dodger", "draftdodger"
        if result is None and not known and not _DIGIT.search(word):
            # Words with digits never match fuzzily: "T-72" and "T-80" are different tanks.
            candidates = self.by_initial.get(word[0], [])
            match = process.extractOne(
                word, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
            )
            result = match[0] if match else None
        if result is None:
            result = word
            self.squeezed[squeezed] = word
            if not _DIGIT.search(word):
                self.by_initial.setdefault(word[0], []).append(word)
        self.resolved[word] = result
        return result


def subject_key(figure: Figure) -> tuple[str, str, str, str] | None:
    """The table-normalized key of one figure (no fuzzy step); None when it names no subject."""
    noun, _ = _noun_part(figure)
    event, _ = canonical("events", figure.event)
    if not noun and not event:
        return None
    return (noun, event, _owners(figure.modifiers), dimension(figure.unit))


def _label(key: tuple[str, ...], figures: Sequence[Figure]) -> str:
    for figure in figures:
        if figure.subject:
            return figure.subject
    noun, event, owners, _ = key
    return " ".join(part for part in (owners.replace(",", " "), noun, event) if part)


def group_figures(figures: Sequence[Figure]) -> list[SubjectGroup]:
    """Figures sharing a subject key, in a deterministic order (by key)."""
    event_blocks: dict[str, _Block] = {}
    noun_blocks: dict[tuple[str, str], _Block] = {}
    members: dict[tuple[str, ...], list[Figure]] = {}
    for figure in figures:
        noun, noun_known = _noun_part(figure)
        event, event_known = canonical("events", figure.event)
        if not noun and not event:
            continue  # a bare number: nothing to compare it with
        unit_dimension = dimension(figure.unit)
        event = event_blocks.setdefault(unit_dimension, _Block()).resolve(event, event_known)
        block = noun_blocks.setdefault((event, unit_dimension), _Block())
        noun = block.resolve(noun, noun_known)
        key = (noun, event, _owners(figure.modifiers), unit_dimension)
        members.setdefault(key, []).append(figure)
    return [
        SubjectGroup(key=key, label=_label(key, group), figures=tuple(group))
        for key, group in sorted(members.items())
    ]


def register_figures(facts: object) -> list[Figure]:
    """The facts register's figures, when a register with `figure_claims()` is loaded."""
    method = getattr(facts, "figure_claims", None)
    if facts is None or not callable(method):
        return []
    return [claim for claim in method() if isinstance(claim, Figure)]


def groups_of(
    figures: Sequence[Figure],
    prepared: Sequence[SubjectGroup] = (),
    extra: Sequence[Figure] = (),
) -> Sequence[SubjectGroup]:
    """The engine's groups when it built them and nothing is added, else group afresh."""
    if prepared and not extra:
        return prepared
    return group_figures([*figures, *extra])
