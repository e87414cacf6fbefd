"""Figures -> subject groups: the same thing counted or measured, about the same anchor.

Two figures are compared only when their frames agree (`checker/extract/frames.py`):

- the **attribute** (what is counted or measured) and the **predicate** (what happened to it)
  are equal once lemmatized and corrected by the small override tables of `synonyms.toml`
  ("troop" = "soldier"; "die" = "kill"; "casualty" stays apart from both);
- their units share a dimension (1.5 km meets 1,500 m; a percentage never meets a count);
- their **anchors** agree (`checker.compare.anchors`): "Marina Baker" and "Baker", "ISW" and
  the Institute for the Study of War, {Gaza} and {Israel, Gaza}; never {Athens} and {Gaza}.

A figure without a frame, without an anchor, or whose frame says nothing of what it counts
(no attribute and no predicate, and no unit to say what it measures) is never grouped: when
unsure whether two claims are about the same thing, the checker stays quiet. Period and
modality are not part of the key: rules bucket a group by them.

Grouping is two steps, so that a cluster can do the first: figures are grouped by their exact
`RawKey` (block and anchor name keys), then the distinct raw keys of each block are clustered
by anchor agreement (`groups_from_raw`). The work is (figures + distinct anchors per block
squared), and a block holds a handful of distinct anchors however many figures it has.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from checker.compare.anchors import anchor_key, cluster_anchors, name_key
from checker.compat import LASTING_DIMENSIONS, compatible, dimension
from checker.data import load_data
from checker.extract.frame_tree import process_predicate, word_lists
from checker.models import Figure, Frame

__all__ = [
    "RawKey",
    "SubjectGroup",
    "canonical",
    "group_figures",
    "groups_from_raw",
    "happens_once",
    "happens_once_to",
    "one_time_kind",
    "raw_key",
]


@dataclass(frozen=True)
class SubjectGroup:
    """Figures about the same subject (attribute, predicate, anchor, unit dimension), across
    articles. Period and modality are NOT part of this key: rules bucket by them."""

    key: tuple[str, ...]  # (attribute, predicate, anchor name keys, unit dimension)
    label: str  # display form: "Russian soldiers killed (Russian)"
    figures: tuple[Figure, ...]


@lru_cache(maxsize=1)
def _one_time_events() -> frozenset[str]:
    return frozenset(load_data("one_time_events")["events"])


@lru_cache(maxsize=1)
def _one_time_kinds() -> frozenset[str]:
    return frozenset(load_data("one_time_events")["kinds"])


def one_time_kind(words: Sequence[str]) -> bool:
    """Whether words that name an event ("battle of kessel ford", "1927 tour of vesland") name
    one that happens once: a kind of event that does, or an event named with its year."""
    return any(w in _one_time_kinds() or (len(w) == 4 and w.isdigit()) for w in words)


def happens_once_to(predicate: str, name: str) -> bool:
    """Whether the event happens once to what the name names, by the kind of thing the name
    says it is: "sink" to a ship ("SS Kestrel Bay sank"), not to a company's shares."""
    words = name.split()
    ship = bool(words) and words[0] in word_lists().ship_prefixes
    return ship and canonical("predicates", predicate) in _ship_events()


@lru_cache(maxsize=1)
def _ship_events() -> frozenset[str]:
    return frozenset(load_data("one_time_events")["ship_events"])


def happens_once(predicate: str) -> bool:
    """ "bear", "die", "kill", "found", "lay down": what happens once to its anchor, so a date
    or a count of it holds whenever it is stated; so does the start or the end of a process
    that is anchored to one thing ("production of the Vero K5 began")."""
    return process_predicate(predicate) or canonical("predicates", predicate) in _one_time_events()


def _event_words(predicate: str) -> str:
    """The predicate without the verbs that only say a measurement is stated ("covers")."""
    return "" if predicate in word_lists().size_verbs else predicate


# Anchors that come from around the sentence, not from it.
_WEAK_ANCHORS = frozenset({"paragraph", "title"})


@lru_cache(maxsize=4)
def _table(name: str) -> dict[str, str]:
    """Lemma -> canonical lemma for one table of `synonyms.toml`."""
    table: dict[str, list[str]] = load_data("synonyms").get(name, {})
    lookup: dict[str, str] = {}
    for canon, spellings in table.items():
        lookup[canon] = canon
        for spelling in spellings:
            lookup[spelling] = canon
    return lookup


@lru_cache(maxsize=8)
def _word_set(table: str, key: str) -> frozenset[str]:
    """One list of `synonyms.toml` ("causatives", "verbs")."""
    words: list[str] = load_data("synonyms").get(table, {}).get(key, [])
    return frozenset(words)


@lru_cache(maxsize=16384)
def canonical(table: str, phrase: str) -> str:
    """A lemma phrase after the override table: the whole phrase, else its head (last) word."""
    lookup = _table(table)
    if phrase in lookup:
        return lookup[phrase]
    words = phrase.split()
    if len(words) > 1 and words[-1] in lookup:
        return " ".join([*words[:-1], lookup[words[-1]]])
    return phrase


class RawKey(NamedTuple):
    """A figure's exact grouping key: its block (attribute, predicate, dimension) and its
    anchor's name keys. Figures with the same raw key always end in the same group."""

    attribute: str
    predicate: str
    dimension: str
    anchor: tuple[str, ...]  # the primary name key ("" for none), then the others, sorted

    @property
    def block(self) -> tuple[str, str, str]:
        return (self.attribute, self.predicate, self.dimension)


def raw_key(figure: Figure) -> RawKey | None:
    """The raw key of one figure; None when it cannot be compared with anything."""
    frame = figure.frame
    if frame is None or not frame.anchor or frame.setting or frame.joined:
        # a figure set in a place ("at Marlow Tech, where he ran for 5,912 yards") may be one
        # season's or one venue's, which the other side does not say; a total over several
        # ("the embassies in Arden and Molk") is not the figure of one of them
        return None
    unit_dimension = dimension(figure.unit)
    # a thing's size holds whatever the time; "fell 2,000 feet" or "rushed for 404 yards" is
    # an event's, and has a predicate
    lasting = unit_dimension in LASTING_DIMENSIONS and not _event_words(frame.predicate)
    if frame.scope and figure.period_start is None and not figure.cumulative and not lasting:
        # "this season", "since Week 11", "yesterday" in an undated article, or a date the
        # figure's own period was not read from: a time the checker could not tie to the
        # figure, so two such figures may cover different times
        return None
    attribute, predicate = _plain_words(frame)
    if figure.unit and unit_dimension.startswith("["):
        if attribute in word_lists().size_nouns:
            attribute = word_lists().size_axis.get(attribute, "")
        predicate = _event_words(predicate)
    counted = unit_dimension.startswith(("count", "dimensionless"))
    borrowed = frame.anchor_from in _WEAK_ANCHORS and figure.period_start is None
    if counted and not predicate and (not attribute or borrowed):
        # A bare number says nothing of what it counts; "42 regions" and "31 regions" in one
        # story, with nothing that happened to them, no name of their own and no time, may be
        # two sets. A dated count ("140 homes" in the March 2024 floods) is the count
        # of its period.
        return None
    anchor = anchor_key(frame.anchor, has_primary=frame.has_primary, aliases=frame.aliases)
    if not any(anchor):
        return None
    if not anchor[0] and not attribute and not counted:
        # "75 km west of Manokwari" with nothing said of what is that far: the place is where
        # the distance is measured from, not what it is about
        return None
    return RawKey(attribute, predicate, unit_dimension, anchor)


def _plain_words(frame: Frame) -> tuple[str, str]:
    """The frame's attribute and predicate after the override tables: synonyms, then the
    phrases said other ways (see `synonyms.toml`)."""
    attribute = canonical("attributes", frame.attribute)
    predicate = canonical("predicates", frame.predicate)
    people_events = _word_set("people_events", "predicates")
    caused = canonical("predicates", attribute)
    if predicate in _word_set("causatives", "verbs") and caused in people_events:
        predicate, attribute = caused, ""  # "the storm caused 41 deaths": 41 killed
    if attribute in _word_set("lives", "nouns") and predicate in _word_set("lives", "verbs"):
        predicate, attribute = "kill", ""  # "with the loss of 1,198 lives": 1,198 killed
    if not attribute and predicate in people_events:
        attribute = "person"  # "14 were killed" counts people, as "killed 14 people" does
    # "employs 4,500 people" is its number of employees, "seats 21,000" its capacity
    said_with = _table("verb_attributes")
    said = said_with.get(f"{frame.predicate} {frame.attribute}".strip()) or said_with.get(
        f"{predicate} {attribute}".strip()
    )
    return (said, "") if said is not None else (attribute, predicate)


def _label(key: RawKey, figures: Sequence[Figure]) -> str:
    what = next((f.subject for f in figures if f.subject), "")
    if not what:
        what = " ".join(part for part in (key.attribute, key.predicate) if part)
    anchor = next((f.frame.anchor for f in figures if f.frame is not None and f.frame.anchor), ())
    said = name_key(what)
    missing = [name for name in anchor if name_key(name) not in said]
    return f"{what} ({', '.join(missing)})" if missing else what


def groups_from_raw(
    raw_groups: Iterable[tuple[RawKey, Sequence[tuple[int, Figure]]]],
) -> list[SubjectGroup]:
    """Subject groups from figures already grouped by raw key, in any order of raw keys.

    Each figure comes with its global order index (article order, then claim order); within a
    block, anchors are clustered (`cluster_anchors`) and raw groups of one cluster merged, each
    group listing its figures by index, so the result does not depend on how the raw groups
    were built (in one process or on a cluster).
    """
    blocks: dict[tuple[str, str, str], list[tuple[RawKey, Sequence[tuple[int, Figure]]]]] = {}
    for raw, members in raw_groups:
        if members:
            blocks.setdefault(raw.block, []).append((raw, members))
    groups: list[SubjectGroup] = []
    for entries in blocks.values():
        entries.sort(key=itemgetter(0))
        clusters = cluster_anchors([raw.anchor for raw, _ in entries])
        merged: dict[int, list[tuple[int, Figure]]] = {}
        first_raw: dict[int, RawKey] = {}
        for (raw, members), cluster in zip(entries, clusters, strict=True):
            merged.setdefault(cluster, []).extend(members)
            first_raw.setdefault(cluster, raw)
        for cluster, members in merged.items():
            raw = first_raw[cluster]
            figures = _unambiguous([figure for _, figure in sorted(members, key=itemgetter(0))])
            if not figures:
                continue
            names = ",".join(name for name in raw.anchor if name)
            key = (raw.attribute, raw.predicate, names, raw.dimension)
            groups.append(SubjectGroup(key=key, label=_label(raw, figures), figures=figures))
    groups.sort(key=lambda group: group.key)
    return groups


def _unambiguous(figures: list[Figure]) -> tuple[Figure, ...]:
    """The group without the sentences that give it two values that cannot both hold ("three
    of the seven bullets", "25 points and 16 rebounds" read alike): there the frame does not
    tell the figures apart, so neither can be compared with anything. Two values of two
    periods ("from 7,900 in 2001 to 8,402 in 2011") both hold."""
    by_sentence: dict[tuple[str, int, int, int], list[Figure]] = {}
    for figure in figures:
        where = (figure.path, figure.line, figure.column, figure.sentence_index)
        by_sentence.setdefault(where, []).append(figure)
    ambiguous = {
        key
        for key, members in by_sentence.items()
        if len(members) > 1
        and any(
            not compatible(a, b) and _period(a) == _period(b)
            for a in members
            for b in members
            if a is not b
        )
    }
    if not ambiguous:
        return tuple(figures)
    return tuple(
        f for f in figures if (f.path, f.line, f.column, f.sentence_index) not in ambiguous
    )


def _period(figure: Figure) -> tuple[object, object]:
    return figure.period_start, figure.period_end


def group_figures(figures: Sequence[Figure]) -> list[SubjectGroup]:
    """Figures sharing a frame, in a deterministic order (by key)."""
    raw_groups: dict[RawKey, list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(figures):
        key = raw_key(figure)
        if key is not None:
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
