"""Job titles and personal names: read them into parts so that different wordings compare.

"U.S. President", "President of the United States" and "US president" are one role; "Defense
Minister" and "Foreign Minister" are two. A title is read word by word against the phrase lists of
`data/role_aliases.toml` into country, rank, portfolio and office; words the lists do not know are
kept aside and only compared fuzzily when no office was recognised. Names match on their folded
form, or fuzzily when first name and surname both nearly agree (transliterations: "Mykhaylo").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from checker.compare.anchors import name_key as anchor_name_key
from checker.data import load_data

__all__ = [
    "ParsedTitle",
    "name_key",
    "parse_title",
    "same_person",
    "same_role",
    "surname",
    "titles_conflict",
]

_WORD = re.compile(r"[a-z0-9]+(?:[.'’-][a-z0-9]+)*\.?")
_FORMER = frozenset({"former", "ex", "ex-", "then-former"})
_FILLER = frozenset({"of", "the", "and", "for", "to", "a", "an"})
_MAX_PHRASE = 4


@dataclass(frozen=True)
class ParsedTitle:
    """A title read into parts; `None` where the title does not say."""

    text: str
    former: bool
    country: str | None
    rank: str | None
    office: str | None
    portfolio: str | None
    generic: bool  # only words like "leader", "official": says nothing about the office
    rest: tuple[str, ...]  # words no list knows, for the fuzzy fallback
    ambiguous: bool  # two offices or two countries: never compared strictly


@dataclass(frozen=True)
class _Lexicon:
    phrases: dict[tuple[str, ...], tuple[str, str]]  # words -> (kind, canonical)
    generic: frozenset[str]
    exclusive: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data("role_aliases")
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    for kind in ("portfolios", "ranks", "countries", "offices"):  # later kinds win a tie
        for canonical, spellings in data[kind].items():
            for spelling in [canonical, *spellings]:
                phrases[tuple(_words(spelling))] = (kind, canonical)
    return _Lexicon(
        phrases=phrases,
        generic=frozenset(data["generic"]["words"]),
        exclusive=frozenset(data["exclusive"]["offices"]),
    )


def _words(text: str) -> list[str]:
    """Lower-case words: "U.S." -> "us", "Ukraine's" -> "ukraine", "ex-chief" -> ex, chief."""
    folded = text.lower().replace("’", "'")
    words: list[str] = []
    for raw in _WORD.findall(folded):
        word = raw[:-2] if raw.endswith("'s") else raw
        word = word.replace(".", "")
        if word.startswith("ex-") and len(word) > 3:
            words.append("ex")
            word = word[3:]
        if word:
            words.append(word)
    return words


@lru_cache(maxsize=4096)
def parse_title(title: str) -> ParsedTitle:
    """Read `title` into country, rank, office and portfolio (see module docstring)."""
    lexicon = _lexicon()
    words = _words(title)
    former = False
    while words and words[0] in _FORMER:
        former = True
        words = words[1:]
    found: dict[str, list[str]] = {"countries": [], "ranks": [], "offices": [], "portfolios": []}
    rest: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(_MAX_PHRASE, len(words) - index), 0, -1):
            hit = lexicon.phrases.get(tuple(words[index : index + size]))
            if hit:
                found[hit[0]].append(hit[1])
                index += size
                break
        else:
            if words[index] not in _FILLER:
                rest.append(words[index])
            index += 1
    offices = list(dict.fromkeys(found["offices"]))
    countries = list(dict.fromkeys(found["countries"]))
    portfolios = list(dict.fromkeys(found["portfolios"]))
    generic = not offices and bool(rest) and all(w in lexicon.generic for w in rest)
    return ParsedTitle(
        text=title,
        former=former,
        country=countries[0] if len(countries) == 1 else None,
        rank=" ".join(dict.fromkeys(found["ranks"])) or None,
        office=offices[0] if len(offices) == 1 else None,
        portfolio=portfolios[0] if len(portfolios) == 1 else None,
        generic=generic,
        rest=tuple(rest),
        ambiguous=len(offices) > 1 or len(countries) > 1 or len(portfolios) > 1,
    )


def _optional_equal(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_role(a: str, b: str) -> bool:
    """Whether two titles (ignoring "former") can name the same role.

    Parts one title leaves out (country, portfolio) do not count against it: "President" is the
    same role as "President of the United States".
    """
    left, right = parse_title(a), parse_title(b)
    if left.office and right.office:
        return (
            left.office == right.office
            and left.rank == right.rank
            and _optional_equal(left.country, right.country)
            and _optional_equal(left.portfolio, right.portfolio)
        )
    if left.office or right.office or left.generic or right.generic:
        return False
    plain_left, plain_right = " ".join(left.rest), " ".join(right.rest)
    return bool(plain_left) and fuzz.token_sort_ratio(plain_left, plain_right) >= 90


def titles_conflict(a: str, b: str) -> bool:
    """Whether one person cannot hold both titles at about the same time.

    Conservative: unknown, generic or composite titles never conflict; a former role conflicts
    only with the same role held now; two current offices conflict when they are the same office
    with another portfolio, rank or country, or two offices that exclude each other.
    """
    left, right = parse_title(a), parse_title(b)
    if left.ambiguous or right.ambiguous or not left.office or not right.office:
        return False
    if left.former or right.former:
        return left.former != right.former and same_role(a, b)
    if left.office == right.office:
        return (
            left.rank != right.rank
            or not _optional_equal(left.portfolio, right.portfolio)
            or not _optional_equal(left.country, right.country)
        )
    if left.rank or right.rank or not _optional_equal(left.country, right.country):
        return False
    exclusive = _lexicon().exclusive
    offices = {left.office, right.office}
    return offices <= exclusive | {"minister"} and bool(offices & exclusive)


_HONORIFIC = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof"})


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A person's name folded for comparison as every name is (`checker.compare.anchors`:
    case, accents, punctuation), without honorifics."""
    return " ".join(w for w in anchor_name_key(name).split() if w not in _HONORIFIC)


def surname(name: str) -> str:
    key = name_key(name)
    return key.rsplit(" ", 1)[-1] if key else ""


def same_person(a: str, b: str) -> bool:
    """Whether two full names name the same person (exact after folding, or near-identical).

    Surname-only mentions are resolved by the caller, which knows what other names are around.
    """
    left, right = name_key(a), name_key(b)
    if not left or not right:
        return False
    if left == right:
        return True
    left_words, right_words = left.split(), right.split()
    if len(left_words) < 2 or len(right_words) < 2:
        return False
    return (
        fuzz.ratio(left_words[-1], right_words[-1]) >= 85
        and fuzz.ratio(left_words[0], right_words[0]) >= 80
        and fuzz.ratio(left, right) >= 90
    )
