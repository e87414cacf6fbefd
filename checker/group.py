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

Only the fuzzy step depends on the order figures come in, and it only reads a figure's raw key
(`RawKey`: the table-normalized words, whether the tables knew them, owners, dimension). So
grouping is two steps: group figures by raw key (exact, and anywhere: the Dask engine does it
on its cluster), then resolve the distinct raw keys in the order of their first figure and
merge those that resolve alike (`groups_from_raw`). `group_figures` is both steps in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from checker.compat import dimension
from checker.data import load_data
from checker.models import Figure

__all__ = [
    "FUZZY_THRESHOLD",
    "RawKey",
    "SubjectGroup",
    "canonical",
    "group_figures",
    "groups_from_raw",
    "raw_key",
    "resolve_keys",
    "subject_key",
]

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


class RawKey(NamedTuple):
    """A figure's subject key after the tables, before the fuzzy step, with the `known` flags
    that step reads. Figures with the same raw key always end in the same group, so a cluster
    can group by it (exact, hashable, cheap to send) and leave only the fuzzy step to one place.
    """

    noun: str
    noun_known: bool
    event: str
    event_known: bool
    owners: str
    dimension: str


def raw_key(figure: Figure) -> RawKey | None:
    """The raw key of one figure; None when it names no subject (a bare number)."""
    noun, noun_known = _noun_part(figure)
    event, event_known = canonical("events", figure.event)
    if not noun and not event:
        return None
    owners = _owners(figure.modifiers)
    return RawKey(noun, noun_known, event, event_known, owners, dimension(figure.unit))


def subject_key(figure: Figure) -> tuple[str, str, str, str] | None:
    """The table-normalized key of one figure (no fuzzy step); None when it names no subject."""
    key = raw_key(figure)
    return None if key is None else (key.noun, key.event, key.owners, key.dimension)


def resolve_keys(raw_keys: Iterable[RawKey]) -> dict[RawKey, tuple[str, str, str, str]]:
    """The subject key of each distinct raw key: the fuzzy step, once per raw key.

    `raw_keys` must come in the order of their first figures: an unknown spelling is matched
    against the words seen before it, so the first spelling seen names the group.
    """
    # Resolving only the distinct raw keys, in order of first appearance, gives what resolving
    # every figure in order gives: a figure whose raw key was seen before asks each block for a
    # word it has already resolved (its event in the same dimension's block, then, the event
    # resolving as before, its noun in the same (event, dimension) block), which is a hit in
    # `_Block.resolved`: the same answer, and no block changes.
    event_blocks: dict[str, _Block] = {}
    noun_blocks: dict[tuple[str, str], _Block] = {}
    resolved: dict[RawKey, tuple[str, str, str, str]] = {}
    for raw in raw_keys:
        if raw in resolved:
            continue
        event = event_blocks.setdefault(raw.dimension, _Block()).resolve(raw.event, raw.event_known)
        block = noun_blocks.setdefault((event, raw.dimension), _Block())
        noun = block.resolve(raw.noun, raw.noun_known)
        resolved[raw] = (noun, event, raw.owners, raw.dimension)
    return resolved


def _label(key: tuple[str, ...], figures: Sequence[Figure]) -> str:
    for figure in figures:
        if figure.subject:
            return figure.subject
    noun, event, owners, _ = key
    return " ".join(part for part in (owners.replace(",", " "), noun, event) if part)


def groups_from_raw(
    raw_groups: Iterable[tuple[RawKey, Sequence[tuple[int, Figure]]]],
) -> list[SubjectGroup]:
    """Subject groups from figures already grouped by raw key, in any order of raw keys.

    Each figure comes with its global order index (article order, then claim order): raw keys
    are resolved in the order of their first figure, groups that resolve alike are merged and
    each group lists its figures by index, so the result is `group_figures` of the figures in
    index order however the raw groups were built (in one process or on a cluster).
    """
    ordered = sorted(
        ((raw, members) for raw, members in raw_groups if members),
        key=lambda item: min(index for index, _ in item[1]),
    )
    resolved = resolve_keys(raw for raw, _ in ordered)
    merged: dict[tuple[str, ...], list[tuple[int, Figure]]] = {}
    for raw, members in ordered:
        merged.setdefault(resolved[raw], []).extend(members)
    groups: list[SubjectGroup] = []
    for key, members in sorted(merged.items()):
        figures = tuple(figure for _, figure in sorted(members, key=itemgetter(0)))
        groups.append(SubjectGroup(key=key, label=_label(key, figures), figures=figures))
    return groups


def group_figures(figures: Sequence[Figure]) -> list[SubjectGroup]:
    """Figures sharing a subject key, in a deterministic order (by key)."""
    raw_groups: dict[RawKey, list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(figures):
        key = raw_key(figure)
        if key is not None:  # a bare number has nothing to be compared with
            raw_groups.setdefault(key, []).append((index, figure))
    return groups_from_raw(raw_groups.items())


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
