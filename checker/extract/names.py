"""Proper-noun spans and the canonical names of sources and entities.

Shared by the attribution, people and date extractors. A *span* is a run of capitalized words
joined by the small connectors that live inside names ("Institute for the Study of War"); the
words that merely open a sentence ("However", "In") are trimmed off. Canonical names let two
articles that write "the CSIS", "CSIS's" and "Center for Strategic and International Studies
(CSIS)" credit the same source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.data import load_data
from checker.extract.context import ArticleContext
from checker.extract.timex import MONTHS

__all__ = [
    "CAP_WORD",
    "NAME_SPAN",
    "UPPER",
    "NameData",
    "canonical_source",
    "learn_acronyms",
    "lower_words",
    "name_data",
    "strip_possessive",
    "trim_openers",
]

# The capitals of the Latin alphabets, as a character class's content: "Łukasz", "Ömer" and
# "Šimon" open names as "Lukas" does.
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# A capitalized word: dotted initials ("U.S."), or a word starting with a capital. The
# possessive is left outside so that "ISW's reading" gives the span "ISW".
CAP_WORD = rf"(?:(?:[{UPPER}]\.){{2,}}|[{UPPER}][^\W_]*(?:-[^\W_]+)*)"
_CONNECTOR = r"(?:of|for|the|and|de|du|von|van|der|al|bin|da|di|del|la|le|&)"
# Connectors are lowercase and words capitalized, so the repetition cannot backtrack badly.
NAME_SPAN = rf"{CAP_WORD}(?:\s+(?:{_CONNECTOR}\s+){{0,2}}{CAP_WORD})*"
# Each pattern opens with a lookahead on its first character: the engine then rejects most
# offsets on one test instead of running the lookbehind first.
_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")
_ACRONYM_RE = re.compile(
    rf"(?=[{UPPER}])(?<![\w.’'-])(?P<name>{NAME_SPAN})\s*\(\s*(?P<acronym>[A-Z][A-Za-z&.]{{1,9}})\s*\)"
)
# "US-based", "Kremlin-backed": an adjective made of a name, not part of the following name.
_COMPOUND_ADJECTIVE = re.compile(r"^\S+-(?:based|led|backed|controlled|funded|owned|linked)$")
_WORD_END_CONNECTOR = re.compile(rf"(?:\s+{_CONNECTOR})+$")


@dataclass(frozen=True)
class NameData:
    openers: frozenset[str]
    not_person: frozenset[str]
    demonyms: dict[str, str]
    keep_the: dict[str, str]  # folded name without "the" -> canonical "The ..."
    newspaper_words: frozenset[str]
    aliases: dict[str, str]  # folded alias -> canonical


@lru_cache(maxsize=1)
def name_data() -> NameData:
    names = load_data("names")
    sources = load_data("sources")
    keep = {name[4:].lower(): name for name in sources["keep_the"]}
    return NameData(
        openers=frozenset(names["openers"]) | {m.capitalize() for m in MONTHS},
        not_person=frozenset(names["not_person_words"]),
        demonyms=dict(names["demonyms"]),
        keep_the=keep,
        newspaper_words=frozenset(sources["newspaper_words"]),
        aliases={k.lower(): v for k, v in sources["aliases"].items()},
    )


_LOWER_WORD = re.compile(r"[a-z]+")
# Bytes -> the same byte folded to lowercase for ASCII letters, a space for any other byte.
_FOLD_LETTERS = bytes(
    (byte | 0x20) if chr(byte).isascii() and chr(byte).isalpha() else 0x20 for byte in range(256)
)


@lru_cache(maxsize=64)
def lower_words(text: str) -> frozenset[str]:
    """The sentence's words, folded: each extractor tests its word list against it first."""
    if text.isascii():
        # Every sentence comes here once: one C translation and a split beat a regex, and for
        # ASCII text they read the same words. Not otherwise: lowercasing turns the Kelvin
        # sign into "k".
        return frozenset(text.encode().translate(_FOLD_LETTERS).decode().split())
    return frozenset(_LOWER_WORD.findall(text.lower()))


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def _trim(text: str, begin: int) -> tuple[str, int]:
    """Drop sentence openers and compound adjectives from the front of a span."""
    data = name_data()
    words = text.split(" ")
    offset = begin
    while words and (words[0] in data.openers or _COMPOUND_ADJECTIVE.match(words[0])):
        offset += len(words[0]) + 1
        words = words[1:]
        # a connector left at the front ("In the ...") goes too
        while words and words[0].islower():
            offset += len(words[0]) + 1
            words = words[1:]
    trimmed = " ".join(words)
    trimmed = _WORD_END_CONNECTOR.sub("", trimmed)
    return trimmed, offset


@lru_cache(maxsize=64)
def trim_openers(text: str) -> str:
    """ "As Reuters" -> "Reuters": sentence openers are no part of a name."""
    return _trim(text, 0)[0]


def learn_acronyms(text: str, context: ArticleContext) -> None:
    """Remember "Institute for the Study of War (ISW)" so a later "ISW" maps to the full name."""
    if "(" not in text:
        return
    for match in _ACRONYM_RE.finditer(text):
        name, _ = _trim(match.group("name"), match.start("name"))
        acronym = match.group("acronym").rstrip(".")
        if not name or " " not in name:
            continue
        # The acronym starts like the name (FSB for Federal Security Service is fine; a
        # bracketed aside like "(Photo)" is not an acronym).
        if acronym[0] != name[0] or not acronym[:2].isupper():
            continue
        context.acronyms[acronym] = name


def _drop_the(text: str) -> tuple[str, bool]:
    if text[:4].lower() == "the ":
        return text[4:].strip(), True
    return text, False


def canonical_source(raw: str, context: ArticleContext | None = None) -> str:
    """The name a source is reported under.

    Possessive and a leading "the" go, unless "The" is part of a newspaper's name; acronyms the
    article introduced expand; aliases from `data/sources.toml` apply last.
    """
    data = name_data()
    text = " ".join(strip_possessive(raw).split())
    text, _ = _drop_the(text)
    if context is not None and text in context.acronyms:
        text = context.acronyms[text]
    folded = text.lower()
    if folded in data.keep_the:
        return data.keep_the[folded]
    if folded in data.aliases:
        return data.aliases[folded]
    last = text.rsplit(" ", 1)[-1]
    if last in data.newspaper_words and " " in text:
        return "The " + text
    if context is not None and text in context.people:
        return context.people[text]
    return text
