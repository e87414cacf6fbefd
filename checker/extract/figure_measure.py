"""What a measurement measures and of what: "a wingspan of 79.8 m", "2,737 metres long".

A figure with a unit (or without a counted noun) gets an attribute (length, height, cost,
revenue, or the unit's kind of quantity plus the nearest word saying of what) and the name of
the thing measured ("The Golden Gate Bridge is ...", "the Kessel Bridge, which is ..."), so that
unrelated lengths or durations never land in one subject.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from checker.extract.figure_draft import Draft
from checker.extract.figure_text import LAST_WORD
from checker.extract.figure_words import demonym_of, lemma, word_lists
from checker.normalize import parse_unit

_ATTRIBUTE_OF = re.compile(r"\b(?P<n>[a-z]+)\s+of\s+(?:[a-z]+\s+){0,2}$")
_SUBJECT_CHANGED = re.compile(
    r"\b(?P<n>[a-z]+)\s+(?:rose|fell|grew|increased|decreased|dropped|climbed|reached|totaled|"
    r"totalled|stood at|jumped|declined)\s+(?:by\s+|to\s+|at\s+)?(?:[a-z]+\s+)?$"
)
_DIMENSION_AFTER = re.compile(
    r"\)?\s+(?:\([^)]*\)\s+)?(?P<d>long|tall|high|deep|wide|thick|across|in diameter|in length|"
    r"in height|in area|old)\b",
    re.I,
)
_DIMENSIONS = {
    "long": "length",
    "in length": "length",
    "tall": "height",
    "high": "height",
    "in height": "height",
    "deep": "depth",
    "wide": "width",
    "across": "width",
    "thick": "thickness",
    "in diameter": "diameter",
    "in area": "area",
    "old": "age",
}
_DIMENSION_NAMES = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[time]": "duration",
    "[temperature]": "temperature",
    "dimensionless": "share",
}
_VERB_ATTRIBUTE = re.compile(
    r"\b(?P<v>cost|costs|costing|worth|valued at|priced at|sold for|spent|paid|raised|earned)"
    r"\s+(?:[a-z]+\s+){0,2}$"
)
_VERB_ATTRIBUTES = {
    "cost": "cost",
    "costs": "cost",
    "costing": "cost",
    "worth": "value",
    "valued at": "value",
    "priced at": "price",
    "sold for": "price",
    "spent": "spending",
    "paid": "payment",
    "raised": "funding",
    "earned": "earnings",
}
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?P<n>[a-z]+)")
_OF_PHRASE = re.compile(r"\s+(?:of|in)\s+[\"“]?(?P<p>(?:[a-z-]+[\"”]?\s+[\"“]?){0,2}[a-z-]+)")
_VAGUE_NOUNS = frozenset(
    ["total", "number", "sum", "figure", "count", "tally", "out", "one", "each"]
)
_ENTITY = re.compile(
    r"^(?:(?:In|At|By|On|For|Since)\b(?:[^,]|(?<=\d),(?=\d)){0,40},\s+)?(?:(?:[Tt]he|An?)\s+)?"
    r"(?P<e>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,4})"
    r"(?:['’]s\b|(?=\s*,|\s+(?:is|was|are|were|has|had|have|stands|stood|measures|measured|covers|"
    r"covered|spans|spanned|rises|rose|runs|ran|reaches|reached|lies|weighs|weighed|holds|held|"
    r"employs|employed|costs?|earned|reported|recorded|sold|counts|counted)\b))"
)
# "the Kessel Bridge, which is 1,420 metres long": the name the relative clause hangs on.
_RELATIVE_ENTITY = re.compile(
    r"(?:^|\s)(?:the\s+|The\s+)?(?P<e>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,4}),"
    r"\s+(?:which|that)\s+(?:is|was|covers|covered|stands|stood|measures|measured|spans|runs|"
    r"rises|reaches|lies|weighs)\b[^,;]{0,40}$"
)
# "rises 5,895 metres", "stands 300 m", "at an altitude of 4,000 m": a height, not a length.
_HEIGHT_BEFORE = re.compile(
    r"\b(?:rises|rose|stands|stood|towers|towering|soars|altitude of|elevation of|height of)"
    r"\s+(?:to\s+|at\s+|some\s+|about\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_HEIGHT_SUPERLATIVE = re.compile(r"\b(?:tallest|highest)\b", re.I)
# Words naming the kind of place rather than the place: "the Amazon River" and "the Amazon",
# "Mount Kilimanjaro" and "Kilimanjaro" are one subject.
_GENERIC_PLACE_WORDS = frozenset(["river", "mount", "mt.", "mt", "lake", "the"])
_SIZE_NAMES = frozenset(["length", "area", "volume", "mass"])
_MONTH_NAMES = frozenset(calendar.month_name[1:])


def measure(text: str, draft: Draft) -> None:
    """What a measurement or a noun-less figure is about: "a wingspan of 79.8 m", "2,737 metres
    long", and whose it is, the sentence's named subject ("The Golden Gate Bridge is ...").
    Without them every length in the corpus would be one subject and disagree with every other."""
    words = word_lists()
    if draft.noun is not None and draft.unit is None:
        return
    if draft.age:
        return
    attribute: str | None = None
    of = _ATTRIBUTE_OF.search(text, max(0, draft.begin - 40), draft.begin)
    if of and of.group("n").lower() not in words.stop_words | _VAGUE_NOUNS:
        attribute = of.group("n").lower()
    dimension = _DIMENSION_AFTER.match(text, draft.end)
    if attribute is None and dimension:
        attribute = _DIMENSIONS[dimension.group("d").lower()]
    if attribute is None and draft.unit is not None and _dimension_name(draft.unit) == "length":
        before = text[max(0, draft.begin - 40) : draft.begin]
        if _HEIGHT_BEFORE.search(before) or _HEIGHT_SUPERLATIVE.search(text):
            attribute = "height"
    verb = _VERB_ATTRIBUTE.search(text, max(0, draft.begin - 40), draft.begin)
    if attribute is None and verb:
        attribute = _VERB_ATTRIBUTES[verb.group("v")]
    if attribute is None and draft.unit is not None:
        changed = _SUBJECT_CHANGED.search(text, max(0, draft.begin - 40), draft.begin)
        if changed and changed.group("n").lower() not in words.stop_words:
            attribute = changed.group("n").lower()
    relative = _RELATIVE_ENTITY.search(text, 0, draft.begin)
    entity = relative or _ENTITY.match(text)
    if attribute is None and draft.unit is not None:
        # Only the kind of quantity is known ("duration"): add the nearest word that says of
        # what, so that unrelated lengths or durations never land in one subject. A named
        # thing's size needs none: "Lake Vattern covers 1,893 km2 of southern Sweden".
        dimension_name = _dimension_name(draft.unit)
        sized = entity is not None and dimension_name in _SIZE_NAMES
        hint = _context_hint(text, draft) if draft.unit != "percent" and not sized else None
        if hint == dimension_name:
            hint = None
        attribute = " ".join(p for p in (dimension_name, hint) if p) or None
    share = _SHARE_OF.match(text, draft.end) if draft.unit == "percent" else None
    if share and share.group("n") not in words.stop_words:
        draft.modifiers.append(lemma(share.group("n")))
    if draft.noun is None and draft.unit is None and attribute is not None:
        draft.noun, draft.noun_surface = lemma(attribute), attribute
    elif attribute is not None:
        draft.attribute = attribute
    if entity and (draft.noun is None or draft.unit is not None):
        # "Dubai's Burj Khalifa" is the Burj Khalifa
        name = _place_name(re.split(r"['’]s\s+", entity.group("e"))[-1])
        first = name.split()[0]
        folded = first.lower()
        opener = folded in words.stop_words or folded in words.sentence_adverbs
        if not (demonym_of(first) or opener or first in _MONTH_NAMES):
            draft.modifiers.insert(0, name.lower())


def _place_name(name: str) -> str:
    """ "Amazon River" -> "Amazon", "Mount Kilimanjaro" -> "Kilimanjaro"; a name that is only
    generic words stays as it is."""
    kept = [w for w in name.split() if w.lower() not in _GENERIC_PLACE_WORDS]
    return " ".join(kept) if kept else name


def _context_hint(text: str, draft: Draft) -> str | None:
    words = word_lists()
    after = _OF_PHRASE.match(text, draft.end)
    if after:
        for word in reversed(after.group("p").replace('"', " ").replace("”", " ").split()):
            word = word.strip("“")
            if word not in words.stop_words and word not in words.adjectives:
                return lemma(word)
    before = LAST_WORD.search(text, max(0, draft.begin - 30), draft.begin)
    if before:
        word = before.group("w").lower()
        if word not in words.stop_words and word not in words.qualifier_kind:
            return word
    return None


@lru_cache(maxsize=256)
def _dimension_name(unit: str) -> str | None:
    try:
        dimensionality = str(parse_unit(unit).dimensionality)
    except ValueError:
        return None
    if dimensionality.startswith("[currency"):
        return "amount"
    return _DIMENSION_NAMES.get(dimensionality, dimensionality.strip("[]") or None)
