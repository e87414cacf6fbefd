"""Figures: numbers that count or measure something, with what they count and when.

`find_figures` reads the numbers of a sentence (`numbers.py`), drops those that are not figures
(years and dates found by `timex`, times of day, numbers inside names such as "F-16", ordinals),
joins ranges ("between 170,000 and 200,000", "8- to 16-meter"), reads the hedge before each
("nearly", "at least", "up to") and the unit or counted noun after it, then places it: what
happened to the things counted, whose they are, whether it is a fact, an estimate, a target or a
forecast, which period it covers and when it held. Word lists live in `checker/data/*.toml`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from checker.data import load_data
from checker.extract.context import ArticleContext, Source
from checker.extract.figure_time import (
    RIVAL_REACH,
    TIME_REACH,
    Superlative,
    record_anchors,
    report_dates,
    superlatives,
    timing,
)
from checker.extract.intervals import Disjoint
from checker.extract.numbers import NumberSpan, find_numbers
from checker.extract.timex import TimeSpan, find_times
from checker.models import Figure, Modality, Qualifier, Sentence
from checker.normalize import canonical_unit, parse_unit, unit_for

__all__ = ["find_figures", "lemma"]

_TIME_OF_DAY = re.compile(
    r"(?=\d)(?<![\d.])(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s?(?:[ap]\.m\.|[ap]m)\b", re.I
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|[,;:()\"“”!?]|\d[\d,.]*")
_RANGE_GAP = re.compile(r"^-?\s*(?:to|through|-|–|—)\s*$|^\s+and\s+$", re.I)
_AND_GAP = re.compile(r"^\s+(?:and|or)\s+$", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:US\$|[$€£¥₽₴₹])\s?$")
_AFTER_HEDGE = re.compile(r"^\s+or\s+(?P<w>more|so|fewer|less)\b", re.I)
_AGE_BEFORE = re.compile(
    r"(?:(?P<who>\w+)\s+)?(?:aged|ages|age of|ages of)\s+(?:between\s+)?$", re.I
)
_ANAPHORA = re.compile(
    r"\b(?:that|this|the)\s+(?:number|figure|total|tally|count)\b[^.;]{0,40}$", re.I
)
_THAN = re.compile(r"\bthan\s+(?:were|was|had\s+been|have\s+been)?\s*(?P<w>[a-z]+)", re.I)
_EVENT_AFTER = re.compile(
    r"^\s*(?:(?:who|that|which)\s+)?(?:(?:were|was|are|is|have|has|had|been|being|to\s+be|be)\s+)*"
    r"(?P<w>[A-Za-z-]+(?:\s+(?:up|down))?)",
    re.I,
)
_RATE_AFTER = re.compile(
    r"^\s*(?:per|a|each|every)\s+(?P<u>day|week|month|year|hour|minute)\b", re.I
)
_GLUED_LETTER = re.compile(r"[A-Za-z]")
_LAST_WORD = re.compile(r"(?P<w>[A-Za-z][\w-]*)\s$")
_ONE_SPACE = re.compile(r"[ \u00a0]?")
_POWER_BEFORE = re.compile(r"(?P<p>square|sq\.?|cubic)\s+", re.I)
_POWER_AFTER = re.compile(r"\s+(?P<p>squared|cubed)\b", re.I)
_DIVIDED = re.compile(r"\s*(?:/|per\s+)", re.I)
_SHARE = re.compile(r"\s+of\s+(?:the|its|their|those|these)\s+", re.I)
_TIME_LEAD = re.compile(r"\s+(?:from|in|of)\s+")
_CLAUSE_END = re.compile(r"[;.!?]")
_CLAUSE_MARK = re.compile(r"[;:]")
_FULL_STOP = re.compile(r"\. ")
_PLAIN_WORDS = re.compile(r"[A-Za-z-]+")
_NAME_WORDS = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_AGO = re.compile(r"\s+(?:years?|months?|weeks?|days?)\s+ago\b", re.I)
_ATTRIBUTE_OF = re.compile(r"\b(?P<n>[a-z]+)\s+of\s+(?:[a-z]+\s+){0,2}$")
_SUBJECT_CHANGED = re.compile(
    r"\b(?P<n>[a-z]+)\s+(?:rose|fell|grew|increased|decreased|dropped|climbed|reached|totaled|"
    r"totalled|stood at|jumped|declined)\s+(?:by\s+|to\s+|at\s+)?(?:[a-z]+\s+)?$"
)
_CHANGED_BY = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|dropped|climbed|jumped|declined)"
    r"\s+(?:by\s+)?$"
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
_SENTENCE_OPENERS = frozenset(
    ["another", "only", "just", "nearly", "some", "all", "those", "these", "almost"]
)
_A_DIGIT = re.compile(r"\d")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_SCAN_AT_MOST = 8  # spans a sentence's numbers are tested against one by one
_UNCERTAINTY_MARKS = ("+/-", "±")  # "9.83 +/- 0.01": the error bar is no figure
# "an increase of 180,000" is a change, never a total.
_CHANGE_OF = re.compile(
    r"\b(?:increase|rise|decrease|drop|reduction|cut|jump|surge|growth|fall|decline)\s+of\s+$", re.I
)
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
_INCH_CONTEXT = re.compile(r"^\s*(?:[.,;)]|$|thick|long|wide|tall|high|deep|gap|across)", re.I)
_DURATION_ADJECTIVE = re.compile(
    r"(?:(?:consecutive|straight|full|successive|long|more|additional)\s+)?", re.I
)
_UNIT_WORD_TAIL = re.compile(r"[A-Za-z]")
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


@dataclass(frozen=True)
class _Words:
    """The word lists, read once."""

    qualifiers: re.Pattern[str]
    qualifier_kind: dict[str, Qualifier]
    change_verbs: frozenset[str]
    modality: re.Pattern[str]
    modality_width: int | None  # the longest text a modality cue can match, when bounded
    target_after: re.Pattern[str]
    demonyms: dict[str, str]
    demonym_values: frozenset[str]  # what the demonyms map to, for a set test
    irregular: dict[str, str]
    head_nouns: frozenset[str]
    adjectives: frozenset[str]
    stop_words: frozenset[str]
    sentence_adverbs: frozenset[str]
    events: dict[str, str]
    unit_symbols: re.Pattern[str]
    unit_words: re.Pattern[str]
    head_phrase: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
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
    modality = re.compile(
        rf"\b{lead}(?:"
        + "|".join(
            rf"(?P<{kind.value}>(?:" + "|".join(modality_data[kind.value]) + r")\b)"
            for kind in modalities
        )
        + ")",
        re.I,
    )
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
    head_forms = {h + "s" for h in heads} | heads | {k for k, v in irregular.items() if v in heads}
    head_forms |= {k for k in irregular if " " in k}
    head_forms |= {h[:-1] + "ies" for h in heads if h.endswith("y")}
    head_phrase = re.compile(
        r"\b(?P<n>"
        + "|".join(sorted((re.escape(h) for h in head_forms), key=len, reverse=True))
        + r")\b",
        re.I,
    )
    demonyms = {k.lower(): v for k, v in load_data("demonyms")["demonyms"].items()}
    return _Words(
        qualifiers=qualifier_pattern,
        qualifier_kind=kinds,
        change_verbs=frozenset(qualifiers["change_verbs"]),
        modality=modality,
        modality_width=_widest([cue for kind in modalities for cue in modality_data[kind.value]]),
        target_after=target_after,
        demonyms=demonyms,
        demonym_values=frozenset(demonyms.values()),
        irregular=irregular,
        head_nouns=frozenset(heads),
        adjectives=frozenset(nouns["adjectives"]),
        stop_words=frozenset(nouns["stop_words"]),
        sentence_adverbs=frozenset(nouns["sentence_adverbs"]),
        events={k.lower(): v for k, v in nouns["events"].items()},
        unit_symbols=unit_symbols,
        unit_words=unit_words,
        head_phrase=head_phrase,
    )


def lemma(word: str) -> str:
    """A plural noun's singular, by table then by suffix: "casualties" -> "casualty"."""
    word = word.lower().strip("'’")
    irregular = _words().irregular
    if word in irregular:
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")) and len(word) > 3:
        return word[:-1]
    return word


def _is_plural(word: str) -> bool:
    return lemma(word) != word.lower()


@dataclass
class _Draft:
    """A figure being assembled; becomes a `Figure` at the end."""

    number: NumberSpan
    value: float
    begin: int  # start of the figure's words (hedge, currency sign, first number)
    end: int  # end of the number and its unit
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = Qualifier.EXACT
    unit: str | None = None
    noun: str | None = None
    noun_surface: str | None = None
    noun_end: int = -1
    modifiers: list[str] = field(default_factory=list)
    event: str | None = None
    event_after: str | None = None
    share_of: _Draft | None = None  # "78,000 of the 300,000 mobilized soldiers"
    comparative: bool = False
    change: bool = False
    age: bool = False
    age_who: str | None = None
    attribute: str | None = None  # what a measurement measures: "length", "wingspan", "revenue"


def find_figures(sentence: Sentence, context: ArticleContext, source: Source) -> list[Figure]:
    """The figures of one sentence, in the order they are written."""
    text = sentence.text
    numbers = find_numbers(text)
    if not numbers:
        return []
    times = find_times(text, context.published)
    record_anchors(text, times, context)
    drafts = [d for d in (_draft(text, n, times) for n in _keep(text, numbers, times)) if d]
    drafts = _join(text, drafts)
    if not drafts:
        return []
    for draft in drafts:
        _read_noun(text, draft, drafts, times)
    ends = sorted(d.end for d in drafts)
    for draft in drafts:
        _place(text, draft, drafts, context, ends)
    marks = superlatives(text, times)
    cues = _modality_cues(text, max(d.begin for d in drafts))
    layout = _Layout.of(text, drafts, times, marks)
    figures = [_build(sentence, context, source, text, d, layout, cues) for d in drafts]
    for figure in figures:
        if figure.noun is not None:
            context.last_figure = figure
    return figures


# --- which numbers are figures ---------------------------------------------------------------


def _keep(text: str, numbers: list[NumberSpan], times: list[TimeSpan]) -> list[NumberSpan]:
    dates = [(t.begin, t.stop) for t in times]
    # a time of day starts with a digit: search from the first one only
    first_digit = _A_DIGIT.search(text)
    clock = (
        [m.span() for m in _TIME_OF_DAY.finditer(text, first_digit.start())] if first_digit else []
    )
    if len(dates) + len(clock) <= _SCAN_AT_MOST:
        # a handful of spans (nearly every sentence) is scanned faster than bisected
        blocked: list[Disjoint | None] = []
        scanned = dates + clock
    else:
        # Each list is disjoint in itself: tested by bisection, a sentence of thousands of
        # numbers stays linear. (A list that overlaps itself is scanned.)
        blocked = [Disjoint.of(dates), Disjoint.of(clock)]
        scanned = (dates if blocked[0] is None else []) + (clock if blocked[1] is None else [])
    kept: list[NumberSpan] = []
    for number in numbers:
        if blocked and any(
            spans is not None and spans.overlaps(number.begin, number.end) for spans in blocked
        ):
            continue
        if _overlaps_any(number, scanned):
            continue
        if _in_name(text, number) or _after_uncertainty(text, number.begin):
            continue
        if _AGO.match(text, number.end):
            continue  # "13 months ago" is a date, even when no publication date resolves it
        kept.append(number)
    return kept


def _overlaps_any(number: NumberSpan, spans: list[tuple[int, int]]) -> bool:
    # a loop, not `any()` over a generator: called for every number, mostly with one or two spans
    for begin, stop in spans:  # noqa: SIM110
        if number.begin < stop and begin < number.end:
            return True
    return False


def _after_uncertainty(text: str, position: int) -> bool:
    """Whether only whitespace separates `position` from a "+/-" or "±" before it. (A regex
    search ending in `\\s*$` over the whole head would make a sentence of many numbers
    quadratic.)"""
    start = position
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return text.endswith(_UNCERTAINTY_MARKS, 0, start)


def _last_word(text: str, position: int) -> re.Match[str] | None:
    """`_LAST_WORD.search(text[:position])`, searched from where the match can start only: the
    run of word characters before the last one or two spaces. From 0, a sentence of thousands
    of numbers would be quadratic."""
    start = position
    while start > 0 and position - start < 2 and text[start - 1].isspace():
        start -= 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    return _LAST_WORD.search(text, start, position)


def _in_name(text: str, number: NumberSpan) -> bool:
    """ "Voyager 2", "English 101", "06F6": a number that names rather than counts."""
    after = text[number.end : number.end + 1]
    if after and _GLUED_LETTER.match(after) and not number.spelled:
        glued = _unit_at(text, number.end, allow_space=False, digits=True)
        return glued is None
    if number.spelled or number.fraction:
        return False
    written = text[number.begin : number.end]
    if not written.isdigit() or len(written) > 4:
        return False
    match = _last_word(text, number.begin)
    if match is None:
        return False
    word = match.group("w")
    words = _words()
    folded = word.lower()
    if not word[0].isupper() or folded in words.qualifier_kind or folded in words.stop_words:
        return False
    if folded in words.adjectives or folded in _SENTENCE_OPENERS or _demonym(word):
        return False
    return _unit_at(text, number.end, allow_space=True, digits=True) is None


# --- one number: hedge, unit ---------------------------------------------------------------


def _unit_at(
    text: str, position: int, *, allow_space: bool, digits: bool
) -> tuple[str, int] | None:
    """The unit written at `position` (after a number) and where it ends, or None."""
    words = _words()
    start = position
    if text.startswith("-", start) and text[start + 1 : start + 2].isalpha():
        start += 1  # "27-kilometer", "two-year"
    gap = _ONE_SPACE.match(text, start)
    spaced = gap.end() if gap else start
    if spaced > start and not allow_space:
        return None
    start = spaced
    square = _POWER_BEFORE.match(text, start)
    power = ""
    if square:
        power = " ** 3" if square.group("p").lower() == "cubic" else " ** 2"
        start = square.end()
    symbol = words.unit_symbols.match(text, start)
    word_match = _DURATION_ADJECTIVE.match(text, start)
    word_start = word_match.end() if word_match else start
    word = words.unit_words.match(text, word_start) or words.unit_words.match(text, start)
    chosen: tuple[str, int] | None = None
    if word:
        expression = unit_for(word.group("u"))
        if expression:
            chosen = (expression, word.end())
    if chosen is None and symbol:
        surface = symbol.group("u")
        if surface == "in" and (not digits or not _INCH_CONTEXT.match(text[symbol.end() :])):
            return None
        expression = unit_for(surface)
        if expression:
            chosen = (expression, symbol.end())
    if chosen is None:
        return None
    unit, end = chosen
    if power:
        unit = canonical_unit(f"({unit}){power}")
    tail = _POWER_AFTER.match(text, end)
    if tail:
        unit = canonical_unit(f"({unit}) ** {2 if tail.group('p').lower() == 'squared' else 3}")
        end = tail.end()
    for _ in range(2):  # "J/m^2 per year": at most two divisors
        rate = _DIVIDED.match(text, end)
        second = _unit_at(text, rate.end(), allow_space=False, digits=True) if rate else None
        if second is None:
            break
        unit = canonical_unit(f"({unit}) / ({second[0]})")
        end = second[1]
    return unit, end


def _draft(text: str, number: NumberSpan, times: list[TimeSpan]) -> _Draft | None:
    words = _words()
    begin, end = number.begin, number.end
    unit: str | None = None
    currency = _CURRENCY_BEFORE.search(text[max(0, begin - 4) : begin])
    if currency:
        unit = unit_for(currency.group().strip())
        begin -= len(currency.group())
    found = _unit_at(text, end, allow_space=True, digits=not number.spelled)
    if found and not text[found[1] : found[1] + 1].isdigit():
        if unit is None:
            unit, end = found
        elif found[0] and "/" in found[0]:
            end = found[1]
    elif number.spelled and number.words == 1 and number.value == 1:
        return None  # "one of them", "no one": a pronoun, not a count
    draft = _Draft(number=number, value=number.value, begin=begin, end=end, unit=unit)
    if unit is not None and "/" not in unit and unit in ("USD", "EUR", "GBP", "JPY"):
        rate = _DIVIDED.match(text, end)
        second = _unit_at(text, rate.end(), allow_space=False, digits=True) if rate else None
        if second:
            draft.unit = canonical_unit(f"({unit}) / ({second[0]})")
            draft.end = second[1]
    hedge = words.qualifiers.search(text[max(0, draft.begin - 30) : draft.begin])
    if hedge:
        kind = words.qualifier_kind[hedge.group("q").lower()]
        if kind is not Qualifier.RANGE:
            draft.qualifier = kind
        draft.begin -= len(text[max(0, draft.begin - 30) : draft.begin]) - hedge.start("q")
    if number.plus:
        draft.qualifier = Qualifier.AT_LEAST
    after = _AFTER_HEDGE.match(text[draft.end :])
    if after:
        draft.qualifier = {
            "more": Qualifier.AT_LEAST,
            "so": Qualifier.APPROX,
            "fewer": Qualifier.AT_MOST,
            "less": Qualifier.AT_MOST,
        }[after.group("w").lower()]
    age = _AGE_BEFORE.search(text[max(0, draft.begin - 30) : draft.begin])
    if age and draft.unit is None:
        draft.age = True
        draft.unit = canonical_unit("year")
        who = age.group("who")
        draft.age_who = who.lower() if who and who.lower() not in words.stop_words else None
    return draft


# --- ranges and changes --------------------------------------------------------------------


def _join(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Merge "A to B" into one range; "from A to B" after a change verb keeps only B."""
    words = _words()
    joined: list[_Draft] = []
    index = 0
    while index < len(drafts):
        first = drafts[index]
        second = drafts[index + 1] if index + 1 < len(drafts) else None
        if second is not None:
            gap = text[
                first.end : second.number.begin if second.begin > first.end else second.begin
            ]
            gap = text[first.end : second.begin]
            opener = text[first.begin : first.number.begin].strip().lower()
            between = opener.startswith("between") or _BETWEEN_BEFORE.search(
                text[max(0, first.begin - 10) : first.begin]
            )
            units_fit = first.unit is None or second.unit is None or first.unit == second.unit
            is_range = bool(_RANGE_GAP.match(gap)) and units_fit
            if is_range and gap.strip().lower() == "and" and not between:
                is_range = False
            if is_range:
                lead = text[max(0, first.begin - 40) : first.begin].lower().split()
                came_from = opener.startswith("from") or (lead and lead[-1] == "from")
                verbs = lead[-5:]
                if came_from and any(v in words.change_verbs for v in verbs):
                    second.change = True
                    joined.append(second)
                    index += 2
                    continue
                low, high = sorted((first.value, second.value))
                merged = replace(
                    second,
                    value=(low + high) / 2,
                    low=low,
                    high=high,
                    qualifier=Qualifier.RANGE,
                    begin=first.begin,
                    unit=second.unit or first.unit,
                    age=first.age or second.age,
                    age_who=first.age_who or second.age_who,
                )
                joined.append(merged)
                index += 2
                continue
            if _AND_GAP.match(gap) and first.unit is None and second.unit is not None:
                first.unit = second.unit  # "45 and 50 mg"
        joined.append(first)
        index += 1
    return joined


# --- what is counted -----------------------------------------------------------------------


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


def _demonym(word: str) -> str | None:
    if not word[:1].isupper():
        return None
    folded = word.lower().removesuffix("'s").removesuffix("’s")
    return _words().demonyms.get(folded)


def _read_noun(text: str, draft: _Draft, drafts: list[_Draft], times: list[TimeSpan]) -> None:
    words = _words()
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
        and _THAN.search(_clause_after(text, position))
    ):
        draft.comparative = True
        index = 1
    while (token := tokens.get(index)) is not None:
        word, begin, end = token
        folded = word.lower()
        if not word[0].isalpha():
            break
        demonym = _demonym(word)
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
    events = _words().events
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


def _clause_after(text: str, position: int) -> str:
    rest = text[position:]
    stop = _CLAUSE_END.search(rest)
    return rest[: stop.start()] if stop else rest


@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """Offsets of every ";" or ":" and of every ". " in the sentence, read once per sentence."""
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    stops = [m.start() for m in _FULL_STOP.finditer(text)]
    return marks, stops


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts: after the last ";", ":" or ". " before it.
    (`rfind` per figure would rescan the sentence for every number it holds.)"""
    marks, stops = _clause_breaks(text)
    mark_index = bisect_left(marks, position)  # a mark at p ends before `position` when p < it
    stop_index = bisect_right(stops, position - 2)  # ". " at p ends by `position` if p <= it - 2
    stop = max(
        marks[mark_index - 1] if mark_index else -1, stops[stop_index - 1] if stop_index else -1
    )
    return stop + 1 if stop >= 0 else 0


def _clause_before(text: str, position: int) -> str:
    return text[_clause_start(text, position) : position]


def _place(
    text: str, draft: _Draft, drafts: list[_Draft], context: ArticleContext, ends: list[int]
) -> None:
    """Borrow the noun when the figure has none; find the event and whose the things are.
    `ends` holds every draft's end, sorted."""
    words = _words()
    if draft.share_of is not None:
        target = draft.share_of
        draft.noun, draft.noun_surface = target.noun, target.noun_surface
        draft.modifiers = [m for m in target.modifiers]
        draft.event = target.event_after
        draft.unit = draft.unit or target.unit
    before = _clause_before(text, draft.begin)
    # the last figure ending before this one, by bisection: linear in a sentence of thousands
    # of numbers would make the whole sentence quadratic
    before_count = bisect_right(ends, draft.begin)
    previous_end = ends[before_count - 1] if before_count else 0
    window_start = max(_clause_start(text, draft.begin), previous_end)
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
                    demonym = _demonym(token)
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
    _measure(text, draft)
    if draft.noun == "casualty":
        draft.event = None
    elif draft.event is None:
        draft.event = draft.event_after or _event_before(window)
    if draft.comparative:
        than = _THAN.search(_clause_after(text, draft.end))
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


def _measure(text: str, draft: _Draft) -> None:
    """What a measurement or a noun-less figure is about: "a wingspan of 79.8 m", "2,737 metres
    long", and whose it is, the sentence's named subject ("The Golden Gate Bridge is ...").
    Without them every length in the corpus would be one subject and disagree with every other."""
    words = _words()
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
        if not (_demonym(first) or opener or first in _MONTH_NAMES):
            draft.modifiers.insert(0, name.lower())


def _place_name(name: str) -> str:
    """ "Amazon River" -> "Amazon", "Mount Kilimanjaro" -> "Kilimanjaro"; a name that is only
    generic words stays as it is."""
    kept = [w for w in name.split() if w.lower() not in _GENERIC_PLACE_WORDS]
    return " ".join(kept) if kept else name


def _context_hint(text: str, draft: _Draft) -> str | None:
    words = _words()
    after = _OF_PHRASE.match(text, draft.end)
    if after:
        for word in reversed(after.group("p").replace('"', " ").replace("”", " ").split()):
            word = word.strip("“")
            if word not in words.stop_words and word not in words.adjectives:
                return lemma(word)
    before = _LAST_WORD.search(text, max(0, draft.begin - 30), draft.begin)
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


def _plural_display(figure: Figure) -> str:
    subject = figure.subject.split()
    if figure.noun and subject:
        for word in subject:
            if lemma(word) == figure.noun:
                return word
    return figure.noun or ""


def _event_before(window: str) -> str | None:
    events = _words().events
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
    words = _words()
    tokens = _NAME_WORDS.findall(window)
    for index in range(len(tokens) - 1, -1, -1):
        demonym = _demonym(tokens[index])
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


# --- modality, period, as-of, superlative -------------------------------------------------


def _widest(patterns: list[str]) -> int | None:
    """An upper bound on how much text any of `patterns` can match, or None when one repeats.

    Without a repeat (`*`, `+`, `{m,n}`) a pattern matches at most one character per character
    of its own text: a literal, a class, an escape or an optional letter."""
    if any(mark in pattern for pattern in patterns for mark in "*+{"):
        return None
    return max((len(pattern) for pattern in patterns), default=0)


def _modality_cues(text: str, until: int) -> list[tuple[int, Modality]]:
    """Where each modality cue ends in the sentence, read once for all its figures.

    Only cues ending by `until` (the last figure's start) are ever used; the scan stops where no
    cue starting by then can reach, one character past it so word boundaries read the same."""
    words = _words()
    stop = len(text)
    if words.modality_width is not None:
        stop = min(stop, until + words.modality_width + 1)
    cues = [
        (match.end(), Modality(match.lastgroup))
        for match in words.modality.finditer(text, 0, stop)
        if match.lastgroup
    ]
    cues.sort(key=lambda cue: cue[0])
    return cues


def _modality(text: str, draft: _Draft, cues: list[tuple[int, Modality]]) -> Modality:
    """The nearest cue before the figure in its clause; "to be drafted" or "by this summer" after
    it make it a target whatever came before."""
    if _words().target_after.match(text, draft.end):
        return Modality.TARGET
    clause_start = _clause_start(text, draft.begin)
    best = Modality.FACT
    for end, kind in cues:
        if end > draft.begin:
            break
        if end >= clause_start:
            best = kind
    return best


_DURATIONS = ("second", "minute", "hour", "day", "week", "month", "year")


@dataclass(frozen=True)
class _Layout:
    """What every figure of a sentence needs to know about the others, worked out once per
    sentence: per figure, it would make a sentence of thousands of numbers quadratic."""

    drafts: list[_Draft]
    begins: list[int]  # the drafts' begins, in draft order
    ordered: bool  # whether `begins` is sorted, for bisection
    reach: int  # how far (in characters) another figure can matter to a figure's timing
    times: list[TimeSpan]
    time_begins: list[int]  # the times' begins; `find_times` returns them sorted
    times_ordered: bool
    longest_time: int
    report: list[tuple[TimeSpan, dt.date]]
    excluded: list[TimeSpan]
    superlatives: dict[int, list[Superlative]]  # id(draft) -> the marks nearest to it

    @classmethod
    def of(
        cls, text: str, drafts: list[_Draft], times: list[TimeSpan], marks: list[Superlative]
    ) -> _Layout:
        begins = [d.begin for d in drafts]
        ordered = begins == sorted(begins)
        longest_time = max((t.stop - t.begin for t in times), default=0)
        longest_draft = max((d.end - d.begin for d in drafts), default=0)
        time_begins = [t.begin for t in times]
        nearest: dict[int, list[Superlative]] = {}
        counted = [d for d in drafts if d.unit is None or d.unit not in _DURATIONS]
        for mark in marks:
            closest = min(counted, key=lambda d: abs(d.begin - mark.offset), default=None)
            if closest is not None:
                nearest.setdefault(id(closest), []).append(mark)
        return cls(
            drafts=drafts,
            begins=begins,
            ordered=ordered,
            reach=RIVAL_REACH + longest_time + longest_draft,
            times=times,
            time_begins=time_begins,
            times_ordered=time_begins == sorted(time_begins),
            longest_time=longest_time,
            report=report_dates(text, times, min(begins)),
            excluded=[m.since_span for m in marks if m.since_span is not None],
            superlatives=nearest,
        )

    def others(self, draft: _Draft) -> list[tuple[int, int]]:
        """The other figures near enough to `draft` to compete for its dates (all of them
        when the drafts are out of order)."""
        low, high = 0, len(self.drafts)
        if self.ordered:
            low = bisect_left(self.begins, draft.begin - self.reach)
            high = bisect_right(self.begins, draft.end + self.reach)
        return [(d.begin, d.end) for d in self.drafts[low:high] if d is not draft]

    def times_near(self, draft: _Draft) -> list[TimeSpan]:
        """The dates near enough to `draft` to be its period or cue (see `TIME_REACH`)."""
        if not self.times_ordered:
            return self.times
        low = bisect_left(self.time_begins, draft.begin - TIME_REACH - self.longest_time)
        high = bisect_right(self.time_begins, draft.end + TIME_REACH)
        return self.times[low:high]


def _build(
    sentence: Sentence,
    context: ArticleContext,
    source: Source,
    text: str,
    draft: _Draft,
    layout: _Layout,
    cues: list[tuple[int, Modality]],
) -> Figure:
    superlative: str | None = None
    superlative_since: dt.date | None = None
    for mark in layout.superlatives.get(id(draft), ()):
        superlative, superlative_since = mark.word, mark.since
    when = timing(
        text,
        (draft.begin, draft.end),
        layout.others(draft),
        layout.times_near(draft),
        context,
        layout.excluded,
        layout.report,
    )
    low, high = _bounds(draft)
    modality = _modality(text, draft, cues)
    modifiers = tuple(dict.fromkeys(draft.modifiers))
    noun = draft.noun
    subject_noun = draft.noun_surface or ""
    if draft.age:
        noun = "age"
        subject_noun = "age"
        modifiers = tuple(
            dict.fromkeys(([draft.age_who] if draft.age_who else []) + list(modifiers))
        )
    if draft.attribute and not subject_noun:
        modifiers = (*modifiers, draft.attribute)
        subject_noun = " "  # the attribute names the measurement; the unit would split km from mi
    parts = [*modifiers, subject_noun or (draft.unit or ""), draft.event or ""]
    subject = " ".join(p for p in parts if p.strip()).strip()
    return Figure(
        path=context.path,
        line=sentence.line,
        column=sentence.column,
        text=text,
        surface=text[draft.begin : draft.end],
        sentence_index=sentence.index,
        paragraph=sentence.paragraph,
        source=source.name,
        source_chain=source.chain,
        value=draft.value,
        low=low,
        high=high,
        qualifier=draft.qualifier,
        unit=draft.unit,
        noun=noun,
        modifiers=modifiers,
        event=draft.event,
        subject=subject,
        modality=modality,
        period_start=when.period_start,
        period_end=when.period_end,
        period_granularity=when.granularity,
        cumulative=when.cumulative,
        as_of=when.as_of,
        superlative=superlative,
        superlative_since=superlative_since,
    )


def _bounds(draft: _Draft) -> tuple[float | None, float | None]:
    if draft.qualifier is Qualifier.RANGE:
        return draft.low, draft.high
    if draft.qualifier is Qualifier.EXACT:
        return draft.value, draft.value
    if draft.qualifier is Qualifier.AT_LEAST:
        return draft.value, None
    if draft.qualifier is Qualifier.AT_MOST:
        return None, draft.value
    return None, None
