"""One number as a figure draft: its unit, its hedge, and ranges joined from two numbers.

`draft_of` turns a number into a `Draft` (the figure being assembled by the other figure
modules): the currency sign before it, the unit after it (`unit_at`: "27-kilometer", "square
miles", "J/m^2 per year"), the hedge before ("nearly", "at least") or after ("or more") and an
age ("aged 18 to 27"). `join` then merges "A to B" into one range, or keeps only B when a change
verb came first ("rose from A to B").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.extract.figure_words import word_lists
from checker.extract.numbers import NumberSpan
from checker.extract.timex import TimeSpan
from checker.models import Qualifier
from checker.normalize import canonical_unit, unit_for

# "630 km[1]": a note marker, no figure
FOOTNOTE = re.compile(r"(?<=[\w.,;:)%\]])\[(?:\d{1,3}|[a-z])\]")

_CURRENCY_BEFORE = re.compile(
    r"(?:US\$|C\$|A\$|NZ\$|HK\$|[$€£¥₽₴₹]|(?<![A-Za-z])(?:USD|EUR|GBP|JPY|CNY|RUB|UAH|INR|CHF|CAD|AUD"
    r"|NZD|HKD))\s?$"
)
_MILLION_CODE = re.compile(r" ?M(?P<c>USD|EUR|GBP|JPY|CHF|CAD|AUD)\b")
_CURRENCY_REACH = 5  # "NZ$ " and "USD " are the longest
_SCALE_AFTER_UNIT = re.compile(r"\s+(?P<w>million|billion|trillion|thousand|mln|bn)\b", re.I)
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
# "rose 5%", "fell by 3 points", "up 2%", "an increase of 4%", "up from 20,000": a change or an
# earlier level, not the level now. Verbs that take an object ("cut 500 jobs") need "by".
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?P<intransitive>rose|risen|rises|rise|fell|falls|fallen|grew|grows|grown|climbed|"
    r"climbs|jumped|jumps|slipped|slips|declined|declines|plunged|plunges|soared|soars|surged|"
    r"surges|tumbled|tumbles|slid|slides|sank|sinks|edged\s+(?:up|down))"
    r"(?:\s+(?:by|from))?"
    r"|(?:(?<=[,;(]\s)|(?<=[,;(])|(?:was|were|is|are|been|closed|ended|finished|and)\s+)(?:up|down)"
    r"(?:\s+(?:by|from))?"
    r"|(?P<transitive>increased|decreased|dropped|gained|lost|cut|raised|lowered|reduced|"
    r"boosted|added|shed)\s+(?:by|from)"
    r"|(?:an?\s+)?(?:increase|decrease|rise|drop|fall|gain|decline|jump|growth|loss|change)"
    r"\s+of)"
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|more\s+than\s+|over\s+)?$",
    re.I,
)
_CHANGE_REACH = 40
_AFTER_HEDGE = re.compile(r"^\s+or\s+(?P<w>more|so|fewer|less)\b", re.I)
_AGE_BEFORE = re.compile(r"(?:aged|ages|age of|ages of)\s+(?:between\s+)?$", re.I)
_ONE_SPACE = re.compile(r"[ \u00a0]?")
_POWER_BEFORE = re.compile(r"(?P<p>square|sq\.?|cubic)\s+", re.I)
_POWER_AFTER = re.compile(r"\s+(?P<p>squared|cubed)\b", re.I)
# "km/h", "per month", and "120 miles an hour", "$15 a day": a rate of time
_DIVIDED = re.compile(
    r"\s*(?:/|per\s+)|\s+an?\s+(?=(?:second|minute|hour|day|week|month|year)\b)", re.I
)
_INCH_CONTEXT = re.compile(r"^\s*(?:[.,;)]|$|thick|long|wide|tall|high|deep|gap|across)", re.I)
# "6 ft 4 in and plays": after feet, "in" is inches unless a phrase follows ("4 in the snow")
_FEET_BEFORE = re.compile(r"\b(?:ft|feet|foot)\.?\s+\d{1,2}(?:\.\d+)?$", re.I)
_PHRASE_AFTER = re.compile(r"^\s+(?:the|a|an|his|her|their|its|this|that|[A-Z0-9])\b")
_DURATION_ADJECTIVE = re.compile(
    r"(?:(?:consecutive|straight|full|successive|long|more|additional)\s+)?", re.I
)
_RANGE_GAP = re.compile(r"^-?\s*(?:to|through|-|–|—)\s*$|^\s+and\s+$", re.I)
_AND_GAP = re.compile(r"^\s+(?:and|or)\s+$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)


@dataclass
class Draft:
    """A figure being assembled; becomes a `Figure` at the end."""

    number: NumberSpan
    value: float
    begin: int  # start of the figure's words (hedge, currency sign, first number)
    end: int  # end of the number and its unit
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = Qualifier.EXACT
    unit: str | None = None
    noun: str | None = None  # the counted noun's lemma: "soldier"
    noun_end: int = -1
    age: bool = False
    restates: tuple[int, int] | None = None  # the span of the figure this one converts
    listed: int | None = None  # how many things the bracket after the counted noun names


def _inches(text: str, number_end: int, word_end: int) -> bool:
    """Whether "in" after a number is a unit: "3 in thick", "a 4 in." or, after feet, "6 ft 4
    in and plays"; not "4 in the snow"."""
    after = text[word_end:]
    if _INCH_CONTEXT.match(after):
        return True
    feet = _FEET_BEFORE.search(text[max(0, number_end - 16) : number_end])
    return feet is not None and not _PHRASE_AFTER.match(after)


def unit_at(
    text: str, position: int, *, allow_space: bool, digits: bool, divisors: int = 2
) -> tuple[str, int] | None:
    """The unit written at `position` (after a number) and where it ends, or None; up to
    `divisors` units after "/" or "per" divide it ("J/m^2 per year": J / (m² · year))."""
    words = word_lists()
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
        if surface == "in" and not (digits and _inches(text, position, symbol.end())):
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
    for _ in range(divisors):
        rate = _DIVIDED.match(text, end)
        second = (
            unit_at(text, rate.end(), allow_space=False, digits=True, divisors=0) if rate else None
        )
        if second is None:
            break
        unit = canonical_unit(f"({unit}) / ({second[0]})")
        end = second[1]
    return unit, end


def draft_of(text: str, number: NumberSpan, times: list[TimeSpan]) -> Draft | None:
    """The draft of one number: its currency or unit, its hedge and whether it is an age; None
    for a lone "one" (a pronoun: "one of them")."""
    words = word_lists()
    begin, end = number.begin, number.end
    unit: str | None = None
    currency = _CURRENCY_BEFORE.search(text[max(0, begin - _CURRENCY_REACH) : begin])
    if currency:
        unit = unit_for(currency.group().strip())
        begin -= len(currency.group())
    millions = _MILLION_CODE.match(text, end) if unit is None else None
    if millions is not None:
        # "30 MUSD", "120 MEUR": millions of a currency, as financial reports write them
        number = replace(number, value=number.value * 1e6)
        unit, end = unit_for(millions.group("c")), millions.end()
    # "1,342[1] km": a note marker copied from an encyclopedia between the number and its unit
    marker = FOOTNOTE.match(text, end)
    found = unit_at(
        text, marker.end() if marker else end, allow_space=True, digits=not number.spelled
    )
    if found and not text[found[1] : found[1] + 1].isdigit():
        if unit is None:
            unit, end = found
        elif found[0] and "/" in found[0]:
            end = found[1]
    elif number.spelled and number.words == 1 and number.value == 1 and not number.ordinal:
        return None  # "one of them", "no one": a pronoun, not a count
    value = number.value
    scale = _SCALE_AFTER_UNIT.match(text, end) if unit is not None and end > number.end else None
    if scale is not None and unit is not None and unit.isupper():
        value *= _SCALES[scale.group("w").lower()]  # "75 USD million"
        end = scale.end()
    if unit == "pound" and _money_context(text, begin):
        unit = canonical_unit(words.money_pound)  # "fined 10 pounds"
    draft = Draft(number=number, value=value, begin=begin, end=end, unit=unit)
    if unit is not None and "/" not in unit and unit.isupper():
        rate = _DIVIDED.match(text, end)
        second = (
            unit_at(text, rate.end(), allow_space=False, digits=True, divisors=0) if rate else None
        )
        if second:
            draft.unit = canonical_unit(f"({unit}) / ({second[0]})")
            draft.end = second[1]
    hedge = words.qualifiers.search(text[max(0, draft.begin - 30) : draft.begin])
    if hedge:
        kind = words.qualifier_kind[hedge.group("q").lower()]
        if kind is not Qualifier.RANGE:
            draft.qualifier = kind
        draft.begin -= len(text[max(0, draft.begin - 30) : draft.begin]) - hedge.start("q")
    if number.plus or number.floor:
        draft.qualifier = Qualifier.AT_LEAST
    change = _CHANGE_BEFORE.search(text, max(0, draft.begin - _CHANGE_REACH), draft.begin)
    if change is not None:
        draft.qualifier = Qualifier.CHANGE
    after = _AFTER_HEDGE.match(text[draft.end :])
    if after:
        draft.qualifier = {
            "more": Qualifier.AT_LEAST,
            "so": Qualifier.APPROX,
            "fewer": Qualifier.AT_MOST,
            "less": Qualifier.AT_MOST,
        }[after.group("w").lower()]
    window = text[max(0, draft.begin - 30) : draft.begin]
    # every match holds "age" in some case; no letter of it has an unusual case fold
    age = _AGE_BEFORE.search(window) if "age" in window.lower() else None
    if age and draft.unit is None:
        draft.age = True
        draft.unit = canonical_unit("year")
    return draft


def _money_context(text: str, begin: int) -> bool:
    """Whether a word of paying or costing comes shortly before `begin`."""
    window = re.split(r"[,;:()]", text[max(0, begin - 30) : begin].lower())[-1]
    return not word_lists().money_words.isdisjoint(re.findall(r"[a-z]+", window))


def join(text: str, drafts: list[Draft]) -> list[Draft]:
    """Merge "A to B" into one range; "from A to B" after a change verb keeps only B."""
    words = word_lists()
    joined: list[Draft] = []
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
                    joined.append(second)  # "rose from 10 to 20": a new value, not a range
                    index += 2
                    continue
                bare_second = first.unit is not None and second.unit is None
                if bare_second and first.value > second.value and gap.strip().lower() == "through":
                    # "flows for 241 km through three countries": a smaller bare number after
                    # "through" counts something else
                    joined.append(first)
                    index += 1
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
                )
                joined.append(merged)
                index += 2
                continue
            if _AND_GAP.match(gap) and first.unit is None and second.unit is not None:
                first.unit = second.unit  # "45 and 50 mg"
        joined.append(first)
        index += 1
    return joined
