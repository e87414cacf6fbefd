"""Anchors that match the way writers name things.

"Marina Augusta Baker", "Marina Baker" and "Baker" are one person; "ISW" is the "Institute for
the Study of War"; "U.S." is "US"; "Russia" and "Russian" anchor the same figures; "Tamsyn Korr"
is a misspelling of "Tamsin Korr". Two anchors (the names a claim is about) agree when every name
of the shorter one matches a name of the longer one: {Gaza} agrees with {Israel, Gaza}, but
{Athens} does not agree with {Gaza}, and {Sumatra, Indonesia} does not agree with {Aceh,
Indonesia}. A primary name (the owner or the subject: "Lindenhöhe is 80 km north of Berlin")
must match the other's primary name; see `anchors_agree`.

`cluster_anchors` turns that relation, which is not transitive, into groups: each anchor joins
the one longer anchor it agrees with; an anchor that agrees with two that disagree with each
other stays alone, because when unsure whether two claims are about the same thing the checker
stays quiet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from checker.data import load_data

__all__ = [
    "anchor_key",
    "anchors_agree",
    "cluster_anchors",
    "name_key",
    "names_match",
    "plain_words",
    "primary_key",
]

# How alike two spellings of a name of at least `_FUZZY_MIN` characters must be (rapidfuzz
# ratio) to be the same name: one letter in ten ("Tamsyn"/"Tamsin", "Ostrander"/"Ostrandr").
_FUZZY = 90.0
_FUZZY_MIN = 8
_SMALL_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "at", "to", "de", "la", "du"})
_NOT_WORD = re.compile(r"[^\w\s]")
_BRACKET = re.compile(r"\(([^()]*)\)")
_QUALIFIER = "~"  # marks the words of a name's bracket in its key
_DIGIT = re.compile(r"\d")
# Distinct anchors of a block above which `cluster_anchors` reads it through a name index.
_SCAN_LIMIT = 48
# The numerals of a regnal name ("Henry VIII", "Orhan II").
_REGNAL_NUMERALS = frozenset(
    {
        *("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii"),
        *("xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii"),
    }
)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    table: dict[str, str] = load_data("demonyms")["demonyms"]
    return {_fold(k): v for k, v in table.items()}


@lru_cache(maxsize=1)
def _other_things() -> frozenset[str]:
    words: list[str] = load_data("names")["other_things"]
    return frozenset(w.lower() for w in words)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace(".", "").replace("’", "'")
    plain = re.sub(r"'s\b|'$", "", plain.lower())
    return " ".join(_NOT_WORD.sub(" ", plain).split())


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The spelling-free form of a name: accents, dots, case and "the" dropped; a country and its
    people's adjective share one key ("Russia", "Russian", "Russians" -> "russian"). The words
    of a bracket that tells like-named things apart are marked ("Blue Hours (album)" -> "blue
    hours ~album"): they qualify the name, and the name alone may stand for it."""
    qualifier = " ".join(
        f"{_QUALIFIER}{w}" for part in _BRACKET.findall(name) for w in _fold(part).split()
    )
    key = _fold(_BRACKET.sub(" ", name))
    if key.startswith("the "):
        key = key[4:]
    key = _demonyms().get(key, key)
    return f"{key} {qualifier}" if qualifier and key else key or qualifier


def plain_words(key: str) -> list[str]:
    """A name key's words without its bracket's."""
    return [w for w in key.split() if not w.startswith(_QUALIFIER)]


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w not in _SMALL_WORDS)


def primary_key(name: str, aliases: Sequence[str] = ()) -> str:
    """The key of a primary name with the other names its article gives it ("Karl Ostrander,
    also spelt Carl Ostrander"): any of them matches."""
    return "|".join(dict.fromkeys(k for k in (name_key(name), *map(name_key, aliases)) if k))


def anchor_key(
    names: Sequence[str], *, has_primary: bool, aliases: Sequence[str] = ()
) -> tuple[str, ...]:
    """An anchor as `anchors_agree` compares it: the primary name's key with its aliases ("" when
    the anchor has no primary name), then the other names' keys, sorted."""
    keys = [name_key(name) for name in names]
    primary = primary_key(names[0], aliases) if has_primary and names else ""
    others = set(keys[1:] if primary else keys) - {"", keys[0] if primary else ""}
    return (primary, *sorted(others))


@lru_cache(maxsize=262144)
def names_match(first: str, second: str) -> bool:
    """Whether two names (keys from `name_key`, or `primary_key`s) can name the same person or
    thing."""
    if first == second:
        return True
    if "|" in first or "|" in second:
        return any(names_match(a, b) for a in first.split("|") for b in second.split("|"))
    a, b = first.split(), second.split()
    if len(a) > len(b):
        a, b = b, a
    if set(a) <= set(b) and a[-1] == b[-1]:
        return True  # "baker" / "marina baker" / "marina augusta baker"
    if set(a) <= set(b) and a[0] == b[0]:
        # "apple" / "apple inc", "orava" / "orava river", "blue hours" / "blue hours ~album";
        # but a place's name that goes on with a kind of building or body names another thing:
        # "orsk" / "orsk cathedral", "orsk" / "orsk airport"
        return not _other_things().intersection(set(b) - set(a))
    if len(a) == 1 and len(a[0]) >= 2 and a[0] == _initials(b) and len(b) >= 2:
        return True  # "isw" / "institute for the study of war"
    if regnal_names(a) & regnal_names(b):
        # "ghazi orhan ii" / "orhan ii of varsak": one ruler, named with his
        # epithet or his realm; "louis ii of bavaria" / "louis ii of hungary" are two
        first_realm, second_realm = _realm(a), _realm(b)
        return not first_realm or not second_realm or first_realm == second_realm
    if min(len(first), len(second)) >= _FUZZY_MIN and len(a) == len(b):
        if _DIGIT.search(first) or _DIGIT.search(second):
            return False  # "Nordlys X1" and "Nordlys X3", "T-72" and "T-80": other models
        if _REGNAL_NUMERALS.intersection(a) != _REGNAL_NUMERALS.intersection(b):
            return False  # "Henry VII" and "Henry VIII", "World War I" and "World War II"
        return fuzz.ratio(first, second) >= _FUZZY
    return False


def regnal_names(words: Sequence[str]) -> set[str]:
    """The regnal names within a name's words: a name and its numeral ("orhan ii")."""
    return {
        f"{name} {numeral}"
        for name, numeral in pairwise(words)
        if numeral in _REGNAL_NUMERALS and len(name) >= 3 and name not in _SMALL_WORDS
    }


def _realm(words: Sequence[str]) -> str:
    """What follows "of" in a name ("varsak" in "orhan ii of varsak"), "" for none."""
    return " ".join(words[words.index("of") + 1 :]) if "of" in words else ""


def _covered(short: Sequence[str], long: Sequence[str]) -> bool:
    return all(any(names_match(s, other) for other in long) for s in short)


def _meet(first: Sequence[str], second: Sequence[str]) -> bool:
    return any(names_match(a, b) for a in first for b in second)


def anchors_agree(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether two anchors are about the same thing. An anchor is a tuple of name keys: its
    primary name ("" when it has none), then its other names.

    With two primary names, they must match, and the other names must not tell two places or
    things apart (they share a name, or one side has none): "Lindenhöhe ... of Berlin" and
    "Lindenhöhe ... in Havelland ... of Berlin" agree. Otherwise every name of the shorter
    anchor must match a name of the longer one: {Gaza} and {Israel, Gaza} agree, {Sumatra,
    Indonesia} and {Aceh, Indonesia} do not.
    """
    (p1, *rest1), (p2, *rest2) = first or ("",), second or ("",)
    if p1 and p2:
        return names_match(p1, p2) and (not rest1 or not rest2 or _meet(rest1, rest2))
    names1 = [n for n in (p1, *rest1) if n]
    names2 = [n for n in (p2, *rest2) if n]
    if not names1 or not names2:
        return False
    if p1 or p2:
        # the side that names no primary must be covered by the side that does: {Gaza} is
        # about Israel's strike on Gaza, but {Papua, Manokwari} is not about Papua alone
        named, unnamed = (names1, names2) if p1 else (names2, names1)
        return _covered(unnamed, named)
    short, long = (names1, names2) if len(names1) <= len(names2) else (names2, names1)
    return _covered(short, long)


def cluster_anchors(anchors: Sequence[tuple[str, ...]]) -> list[int]:
    """A cluster number for each anchor (a tuple of name keys): anchors of one cluster agree.

    Anchors with a primary name, then longer anchors, come first and become the clusters; a
    later one joins the only cluster it agrees with, or stays alone when it agrees with none or
    with several.
    """
    distinct = sorted(set(anchors), key=lambda a: (not a[0], -len(a), a))
    # A large block is read through an index of its names (`anchor_reach.AnchorIndex`), so
    # that an anchor is tried only against the representatives whose names may match its own:
    # a block of many stories' anchors would otherwise take time quadratic in them. The index
    # builds on this module's matching, hence the import here.
    from checker.compare.anchor_reach import AnchorIndex

    index = AnchorIndex(distinct) if len(distinct) > _SCAN_LIMIT else None
    # (anchor, whether shorter anchors may join it): an ambiguous anchor is a cluster of its
    # own, and an anchor that agrees with it is ambiguous too.
    representatives: list[tuple[tuple[str, ...], bool]] = []
    position: dict[tuple[str, ...], int] = {}  # a representative -> its cluster
    cluster_of: dict[tuple[str, ...], int] = {}
    for anchor in distinct:
        if index is None:
            tried: Iterable[int] = range(len(representatives))
        else:
            tried = sorted(position[a] for a in index.candidates(anchor) if a in position)
        matches = [k for k in tried if anchors_agree(anchor, representatives[k][0])]
        if len(matches) == 1 and representatives[matches[0]][1]:
            cluster_of[anchor] = matches[0]
        else:
            cluster_of[anchor] = position[anchor] = len(representatives)
            representatives.append((anchor, not matches))
    return [cluster_of[a] for a in anchors]
