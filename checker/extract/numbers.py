"""Numbers as written in news text -> values: "35,000", "400 000", "1.2 million", "300K",
"$2.174T", "2 1/2", "½", "thirty-five thousand", "a hundred and two", "two thirds".

This module only reads numbers; deciding which of them are figures (not years, names,
ordinals) is `figure_filter.py`'s job. Everything is one pass of precompiled regexes: no nested
quantifiers over the same characters, so a long line of digits cannot make it backtrack.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.data import load_data
from checker.extract.names import lower_words
from checker.extract.number_joins import join_numbers, plural_floors, scaled_fractions
from checker.extract.number_span import NumberSpan
from checker.extract.ordinals import find_ranks

__all__ = ["NumberSpan", "find_numbers", "trie_pattern"]


_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_DIGITS = re.compile(
    # the lookahead rejects most positions on one character before the lookbehinds run
    # "USD115": a currency code may be glued to the digits
    r"(?=[-−\d])(?:(?<![\w.,/+^])|(?<=USD|EUR|GBP|CHF|CAD|AUD))(?<![A-Za-z][-−])"
    r"(?P<sign>[-−](?=\d))?"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d{1,3}(?:" + _GROUP_SPACE + r"\d{3})+(?![\d,])|\d+)"
    r"(?P<frac>\.\d+)?"
    r"(?P<exp>[eE][-+−]?\d+|\s?[×x]\s?10\^?[-−]?\d+)?"
)
_MIXED_FRACTION = re.compile(r"\s(?P<n>\d+)/(?P<d>\d+)(?![\d/])")
_SIMPLE_FRACTION = re.compile(r"/(?P<d>\d+)(?![\d/])")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
_ORDINAL_STARTS = ("st", "nd", "rd", "th")
_A_DIGIT = re.compile(r"\d")
_NOT_DIGIT = re.compile(r"\D")
_LETTER = re.compile(r"[A-Za-z]")
_AMBIGUOUS_FOLLOW = re.compile(r"[ \u00a0]\d")


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, float]]:
    data = load_data("scales")
    return {k: {w: float(v) for w, v in table.items()} for k, table in data.items()}


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    tables = _tables()
    return frozenset().union(
        *(tables[name] for name in ("cardinals", "tens", "multipliers", "denominators"))
    )


@lru_cache(maxsize=1)
def _suffix_firsts() -> frozenset[str]:
    return frozenset(suffix[0] for suffix in _tables()["scale_suffixes"])


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    tables = _tables()
    scale_words = sorted(tables["scale_words"], key=len, reverse=True)
    suffixes = sorted(tables["scale_suffixes"], key=len, reverse=True)
    scale = re.compile(r"(?:\s+|-)(?P<w>" + "|".join(scale_words) + r")\b", re.I)
    glued = re.compile(r"(?P<w>" + "|".join(suffixes) + r")(?![A-Za-z0-9])")
    words = (
        set(tables["cardinals"])
        | set(tables["tens"])
        | set(tables["multipliers"])
        | set(tables["denominators"])
    )
    spelled = re.compile(r"\b" + trie_pattern(sorted(words)) + r"\b", re.I)
    glyphs = re.compile("[" + "".join(tables["unicode_fractions"]) + "]")
    return scale, glued, spelled, glyphs


_Trie = dict[str, "_Trie"]


def trie_pattern(words: list[str]) -> str:
    """One regex for many words, branching letter by letter: a flat alternation of sixty words
    is tried word after word at every position of the text, a trie only along one path."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [
            re.escape(letter) + emit(child) for letter, child in sorted(node.items()) if letter
        ]
        if "" in node:
            if not branches:
                return ""
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


def _digit_value(match: re.Match[str]) -> float:
    integer, fraction, exponent, sign = match.group("int", "frac", "exp", "sign")
    if not integer.isdecimal():  # "35,000", "400 000"
        integer = _NOT_DIGIT.sub("", integer)
    value = float(integer + (fraction or ""))
    if exponent:
        power = re.sub(r"^.*?(?:10\^?|[eE])", "", exponent.replace("−", "-").replace(" ", ""))
        value *= 10.0 ** int(power)
    if sign:
        value = -value
    return value


def _find_digit_numbers(text: str, taken: list[tuple[int, int]]) -> list[NumberSpan]:
    first = _A_DIGIT.search(text)
    ascii_text = text.isascii()
    if first is None and ascii_text:  # most sentences: no digit, and no fraction glyph
        return []
    scale, glued, _, glyphs = _patterns()
    tables = _tables()
    found: list[NumberSpan] = []
    skip_until = -1
    # The pattern is tried at every offset; it cannot match before the first digit (or the
    # sign just before it), and without a digit not at all. Its lookbehinds still see the
    # text before the start.
    matches = _DIGITS.finditer(text, max(0, first.start() - 1)) if first else ()
    # Cheap tests before the regexes that read what follows each number: a fraction needs a
    # "/", a fraction glyph a non-ASCII character, an ordinal suffix its two letters.
    has_slash = "/" in text
    suffix_firsts = _suffix_firsts()
    for match in matches:
        begin, end = match.span()
        if begin < skip_until:
            continue
        value = _digit_value(match)
        fraction = False
        if text.startswith(_ORDINAL_STARTS, end) and _ORDINAL.match(text, end):
            continue
        plain = not match.group("frac")
        mixed = _MIXED_FRACTION.match(text, end) if plain and has_slash else None
        simple = _SIMPLE_FRACTION.match(text, end) if plain and text.startswith("/", end) else None
        glyph = None if ascii_text else glyphs.match(text, end)
        if mixed and int(mixed.group("d")) != 0:
            value += int(mixed.group("n")) / int(mixed.group("d"))
            end, fraction = mixed.end(), True
        elif simple:
            denominator = int(simple.group("d"))
            if denominator == 0:
                skip_until = simple.end()
                continue
            value /= denominator
            end, fraction = simple.end(), True
        elif glyph:
            value += tables["unicode_fractions"][glyph.group()]
            end, fraction = glyph.end(), True
        elif not match.group("frac") and _AMBIGUOUS_FOLLOW.match(text, end):
            # "245 23": neither a grouped thousand nor two clear numbers; read neither.
            follow = _DIGITS.match(text, end + 1)
            skip_until = follow.end() if follow else end + 2
            continue
        following = text[end : end + 1]
        # a scale word follows a space or a hyphen; a glued suffix starts with its own letter
        scaled = scale.match(text, end) if following == "-" or following.isspace() else None
        if scaled:
            value *= tables["scale_words"][scaled.group("w").lower()]
            end = scaled.end()
        else:
            suffix = glued.match(text, end) if following in suffix_firsts else None
            if suffix:
                value *= tables["scale_suffixes"][suffix.group("w")]
                end = suffix.end()
        plus = text.startswith("+", end) and not text[end + 1 : end + 2].isalnum()
        if plus:
            end += 1
        found.append(NumberSpan(value, begin, end, plus=plus, fraction=fraction))
        taken.append((begin, end))
        skip_until = end
    if ascii_text:
        return found
    for glyph_match in glyphs.finditer(text):
        begin = glyph_match.start()
        if any(b <= begin < e for b, e in taken):
            continue
        value = tables["unicode_fractions"][glyph_match.group()]
        found.append(NumberSpan(value, begin, glyph_match.end(), fraction=True))
    return found


_JOINERS = re.compile(r"^(?:\s+|-|\s*,\s*|\s+(?:and|&)\s+(?:an?\s+)?|\s*,\s+and\s+)$", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.I)
_AND_A = re.compile(r"\band\s+an?\s*$", re.I)


def _find_spelled_numbers(text: str, taken: list[tuple[int, int]]) -> list[NumberSpan]:
    _, _, spelled, _ = _patterns()
    runs: list[list[tuple[str, int, int]]] = []
    for match in spelled.finditer(text):
        if any(b <= match.start() < e for b, e in taken):
            continue
        word = (match.group().lower(), match.start(), match.end())
        if runs and _JOINERS.match(text[runs[-1][-1][2] : match.start()]):
            runs[-1].append(word)
        else:
            runs.append([word])
    found: list[NumberSpan] = []
    for run in runs:
        found.extend(_parse_run(text, run))
    return found


def _parse_run(text: str, run: list[tuple[str, int, int]]) -> list[NumberSpan]:
    """Read number words left to right; a word that cannot continue the number starts a new one."""
    tables = _tables()
    cardinals, tens = tables["cardinals"], tables["tens"]
    multipliers, denominators = tables["multipliers"], tables["denominators"]
    found: list[NumberSpan] = []
    index = 0
    while index < len(run):
        total = current = 0.0
        used = 0
        last = ""  # kind of the last word: card, teen, ten, mult, big, fraction
        start = end = run[index][1]
        fraction = False
        position = index
        while position < len(run):
            word, word_start, word_end = run[position]
            gap = text[end:word_start] if used else ""
            if used and _AND_A.search(gap):
                # "two and a half": only a fraction may follow "and a".
                if word in denominators and last in ("card", "teen", "ten", "mult", "big"):
                    current += 1 / denominators[word]
                    fraction, last, end = True, "fraction", word_end
                    used += 1
                break
            if used and gap.strip(" ,").lower() in ("and", "&") and last in ("card", "teen", "ten"):
                break
            if word in cardinals or word in tens:
                value = cardinals.get(word, tens.get(word, 0.0))
                if last in ("card", "teen") or (last == "ten" and value >= 10):
                    break
                current += value
                last = "ten" if word in tens else ("teen" if value >= 10 else "card")
            elif word in denominators:
                if last not in ("card", "teen", "ten"):
                    break
                current = current / denominators[word]
                fraction, last, end = True, "fraction", word_end
                used += 1
                break
            elif word in multipliers:
                factor = multipliers[word]
                if last == "":
                    article = _ARTICLE_BEFORE.search(text, max(0, word_start - 4), word_start)
                    if article is None:
                        break
                    start = article.start()  # "a hundred", "a dozen"
                if factor >= 1000:
                    total += (current or 1.0) * factor
                    current = 0.0
                    last = "big"
                else:
                    current = (current or 1.0) * factor
                    last = "mult"
            else:
                break
            end = word_end
            used += 1
            position += 1
        if used == 0:
            index += 1
            continue
        value = total + current
        found.append(NumberSpan(value, start, end, spelled=True, words=used, fraction=fraction))
        index = max(index + used, index + 1)
    return found


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number written in `text`, in digits or words, left to right."""
    taken: list[tuple[int, int]] = []
    found = _find_digit_numbers(text, taken)
    # "hundreds of", "half a million": whole phrases, read before their words are read alone
    for phrase in (*plural_floors(text), *scaled_fractions(text), *find_ranks(text)):
        if not any(b < phrase.end and phrase.begin < e for b, e in taken):
            found.append(phrase)
            taken.append((phrase.begin, phrase.end))
    # Most sentences hold no number word: a set test skips the spelled-number scan. Only for
    # ASCII text, where the word list (all lowercase ASCII letters) and the case-insensitive
    # pattern agree exactly on what a word is.
    if _LETTER.search(text) and (
        not text.isascii() or not _number_words().isdisjoint(lower_words(text))
    ):
        found.extend(_find_spelled_numbers(text, taken))
    found.sort(key=lambda n: n.begin)
    return join_numbers(text, found)
