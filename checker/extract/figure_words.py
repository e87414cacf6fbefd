"""The word lists a figure is read with, loaded once, and the word forms derived from them.

Every figure module asks `word_lists()` for its qualifiers, modality cues, head nouns, adjectives,
stop words, demonyms and unit spellings: the TOML files under `checker/data/` are read and
compiled into patterns on first use only. `lemma` and `demonym_of` turn a word into its base
form ("casualties" -> "casualty", "Russia's" -> "russian").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.data import load_data
from checker.models import Modality, Qualifier


@dataclass(frozen=True)
class WordLists:
    """The word lists, read once."""

    qualifiers: re.Pattern[str]
    qualifier_kind: dict[str, Qualifier]
    change_verbs: frozenset[str]
    modality: re.Pattern[str]
    modality_width: int | None  # the longest text a modality cue can match, when bounded
    # `modality` without IGNORECASE, for lowercased ASCII text, where it matches alike but
    # runs nearly three times faster; None when a cue has a capital (case would matter).
    modality_folded: re.Pattern[str] | None
    target_after: re.Pattern[str]
    demonyms: dict[str, str]
    irregular: dict[str, str]
    head_nouns: frozenset[str]
    adjectives: frozenset[str]
    stop_words: frozenset[str]
    unit_symbols: re.Pattern[str]
    unit_words: re.Pattern[str]
    money_words: frozenset[str]  # before "pounds": money, not a mass ("fined 10 pounds")
    money_pound: str


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    """The word lists of `checker/data/`, read and compiled on the first call only."""
    qualifiers = load_data("qualifiers")
    kinds: dict[str, Qualifier] = {}
    for name, kind in (
        ("approx", Qualifier.APPROX),
        ("at_least", Qualifier.AT_LEAST),
        ("at_most", Qualifier.AT_MOST),
    ):
        for phrase in qualifiers[name]:
            kinds[phrase.lower()] = kind
    kinds["between"] = Qualifier.RANGE
    kinds["from"] = Qualifier.RANGE
    phrases = sorted(kinds, key=len, reverse=True)
    qualifier_pattern = re.compile(
        r"(?:^|(?<=[\s(“\"]))(?P<q>" + "|".join(re.escape(p) for p in phrases) + r")\s+$", re.I
    )
    modality_data = load_data("modality")
    modalities = (Modality.TARGET, Modality.FORECAST, Modality.ESTIMATE)
    # One pattern, a named group per modality: a sentence is scanned once for all three. The
    # shared word boundary and a lookahead on the cues' first letters come first, so that the
    # engine tries the fifty alternatives only where a cue can start.
    firsts = {cue[0].lower() for kind in modalities for cue in modality_data[kind.value]}
    lead = f"(?=[{''.join(sorted(firsts))}])" if all(f.isalpha() for f in firsts) else ""
    modality_source = (
        rf"\b{lead}(?:"
        + "|".join(
            rf"(?P<{kind.value}>(?:" + "|".join(modality_data[kind.value]) + r")\b)"
            for kind in modalities
        )
        + ")"
    )
    modality = re.compile(modality_source, re.I)
    cues = [cue for kind in modalities for cue in modality_data[kind.value]]
    modality_folded = None if any(c != c.lower() for c in cues) else re.compile(modality_source)
    target_after = re.compile(
        r"[^.;,]{0,40}?\b(?:to be (?:drafted|recruited|mobili[sz]ed|called up|conscripted|enlisted)"
        r"|by (?:this|next|the end of)\b)",
        re.I,
    )
    nouns = load_data("figure_nouns")
    units = load_data("units")
    symbols = sorted(units["symbols"], key=len, reverse=True)
    unit_symbols = re.compile(
        r"(?P<u>" + "|".join(re.escape(s) for s in symbols) + r")(?![A-Za-z0-9])"
    )
    words = sorted(units["words"], key=len, reverse=True)
    unit_words = re.compile(
        r"(?P<u>" + "|".join(re.escape(w) for w in words) + r")(?![A-Za-z])", re.I
    )
    irregular = {k.lower(): v for k, v in nouns["irregular_plurals"].items()}
    heads = set(nouns["head_nouns"])
    demonyms = {k.lower(): v for k, v in load_data("demonyms")["demonyms"].items()}
    return WordLists(
        qualifiers=qualifier_pattern,
        qualifier_kind=kinds,
        change_verbs=frozenset(qualifiers["change_verbs"]),
        modality=modality,
        modality_folded=modality_folded,
        modality_width=_widest([cue for kind in modalities for cue in modality_data[kind.value]]),
        target_after=target_after,
        demonyms=demonyms,
        irregular=irregular,
        head_nouns=frozenset(heads),
        adjectives=frozenset(nouns["adjectives"]),
        stop_words=frozenset(nouns["stop_words"]),
        unit_symbols=unit_symbols,
        unit_words=unit_words,
        money_words=frozenset(units["money_context"]["words"]),
        money_pound=units["money_context"]["pounds"],
    )


def _widest(patterns: list[str]) -> int | None:
    """An upper bound on how much text any of `patterns` can match, or None when one repeats.

    Without a repeat (`*`, `+`, `{m,n}`) a pattern matches at most one character per character
    of its own text: a literal, a class, an escape or an optional letter."""
    if any(mark in pattern for pattern in patterns for mark in "*+{"):
        return None
    return max((len(pattern) for pattern in patterns), default=0)


def lemma(word: str) -> str:
    """A plural noun's singular, by table then by suffix: "casualties" -> "casualty"."""
    word = word.lower().strip("'’")
    irregular = word_lists().irregular
    if word in irregular:
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")) and len(word) > 3:
        return word[:-1]
    return word


def demonym_of(word: str) -> str | None:
    """The owner a capitalized word names ("Russians", "Ukraine's" -> "ukrainian"), or None."""
    if not word[:1].isupper():
        return None
    folded = word.lower().removesuffix("'s").removesuffix("’s")
    return word_lists().demonyms.get(folded)
