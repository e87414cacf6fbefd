"""People named with a title: "former U.S. President Donald Trump", "Dara Massicot, a defense
researcher at ...".

A PersonClaim is emitted only where the mention itself carries a title, because the
title-mismatch rule compares titles; a bare "Putin" says nothing about a role. Every full name
seen (titled, or introduced by a descriptor such as "Russian leader") is still remembered in
`context.people`, so that later surname-only mentions and pronouns resolve.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.data import load_data
from checker.extract.context import ArticleContext
from checker.extract.names import (
    NAME_SPAN,
    learn_acronyms,
    lower_words,
    name_data,
    strip_possessive,
)
from checker.models import PersonClaim, Sentence

__all__ = ["confirmed_headline_people", "find_people", "remember_person", "split_title"]

# Ordinary English words that are titles only when capitalized ("Major Ivanov", not "a major
# Russian city").
_AMBIGUOUS = frozenset(
    [
        "major",
        "general",
        "head",
        "chair",
        "captain",
        "representative",
        "deputy",
        "speaker",
        "author",
        "writer",
        "editor",
        "fellow",
        "king",
        "queen",
        "prince",
        "lieutenant",
        "marshal",
        "judge",
        "director",
        "commander",
        "founder",
    ]
)
_NAME_WORD = r"(?:[A-Z]\.\s?)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Za-z]+)*"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _qualifier_alternation(words: list[str]) -> str:
    # Capitalized qualifiers ("US", "Russian") match as written; lowercase ones in any case.
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        parts.append(f"(?i:{escaped})" if word.islower() else escaped)
    return "|".join(parts)


@dataclass(frozen=True)
class _Lexicon:
    titles: frozenset[str]  # folded, single-spaced
    longest_title: int  # in words
    qualifiers: frozenset[str]  # matched as written
    lower_qualifiers: frozenset[str]  # the lowercase ones, matched in any case
    descriptors: frozenset[str]
    former: frozenset[str]
    last_words: frozenset[str]  # last word of every title and descriptor, for a cheap test
    title_prefix: re.Pattern[str]  # a title at the start of a source span
    # The first run of letters of every title, for a set test before `title_prefix`; None
    # when a title has no letter.
    title_runs: frozenset[str] | None


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data("titles")
    titles = frozenset(" ".join(t.lower().split()) for t in data["titles"])
    qualifiers = _qualifier_alternation(data["qualifiers"])
    title_prefix = re.compile(
        rf"^(?:the\s+|The\s+)?(?P<former>\b(?i:former|ex)(?:\s+|-))?"
        rf"(?P<qual>(?:(?:{qualifiers})\s+){{0,3}})"
        rf"(?P<title>(?i:{_alternation(data['titles'])}))\s+(?=[A-Z])"
    )
    runs = [_LETTERS.search(t.lower()) for t in data["titles"]]
    return _Lexicon(
        title_runs=None if None in runs else frozenset(r.group() for r in runs if r),
        titles=titles,
        longest_title=max(len(t.split()) for t in titles),
        qualifiers=frozenset(data["qualifiers"]),
        lower_qualifiers=frozenset(q for q in data["qualifiers"] if q.islower()),
        descriptors=frozenset(" ".join(d.lower().split()) for d in data["descriptors"]),
        former=frozenset(data["former"]),
        last_words=frozenset(t.split()[-1] for t in titles)
        | frozenset(d.split()[-1] for d in data["descriptors"]),
        title_prefix=title_prefix,
    )


# A run of capitalized words (a name, possibly with a capitalized title in front of it).
_CAPITAL_RUN = re.compile(r"(?=[A-Z])(?<![\w’'.-])[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_TOKEN = re.compile(r"[\w’'.-]+")
_APPOSITIVE_LEAD = re.compile(r",\s+(?:a|an|the)\s+")
_OF_PART = re.compile(rf"\s+of\s+(?:the\s+)?({NAME_SPAN})")
_NAME_WORD_RE = re.compile(rf"^{_NAME_WORD}$")
_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class _Mention:
    name: str
    title: str
    former: bool
    surface: str
    remember_only: bool  # a descriptor ("Russian leader"), not a title
    # The organisation the title names: "Coastal Agency" in "Coastal Agency Director Lena Ruiz"
    # and in "Lena Ruiz, the director of the Coastal Agency"; "" for none.
    organization: str = ""


def _is_qualifier(token: str, lexicon: _Lexicon) -> bool:
    # "US" and "Russian" as written; "acting", "deputy" in any case
    return token in lexicon.qualifiers or token.lower() in lexicon.lower_qualifiers


def _title_ending(tokens: list[str], lexicon: _Lexicon) -> tuple[int, str, bool] | None:
    """The title (or descriptor) that `tokens` end with: (start index, kind, is_descriptor)."""
    for size in range(min(lexicon.longest_title, len(tokens)), 0, -1):
        words = tokens[len(tokens) - size :]
        folded = " ".join(words).lower()
        if folded in lexicon.titles:
            if size == 1 and folded in _AMBIGUOUS and words[0].islower():
                continue
            return len(tokens) - size, folded, False
        if folded in lexicon.descriptors:
            return len(tokens) - size, folded, True
    return None


def _qualified(tokens: list[str], start: int, lexicon: _Lexicon) -> tuple[int, bool]:
    """Extend a title leftwards over qualifiers and "former"; return (start, former)."""
    former = False
    while start > 0:
        token = tokens[start - 1]
        if token.lower() in lexicon.former:
            former = True
            start -= 1
            break
        if not _is_qualifier(token, lexicon):
            break
        start -= 1
    if not former and start > 0 and tokens[start - 1].lower() in lexicon.former:
        former = True
        start -= 1
    return start, former


def _split_former(tokens: list[str]) -> list[str]:
    # "ex-president" -> "ex-", "president"
    out: list[str] = []
    for token in tokens:
        if token.lower().startswith("ex-") and len(token) > 3:
            out.extend(["ex-", token[3:]])
        else:
            out.append(token)
    return out


def _mentions(text: str, context: ArticleContext) -> list[_Mention]:
    lexicon = _lexicon()
    found: list[_Mention] = []
    if lexicon.last_words.isdisjoint(lower_words(text)):
        return found
    # once per sentence, not per capitalized run: a long sentence would be quadratic
    has_ex = "ex-" in text or "Ex-" in text
    for run in _CAPITAL_RUN.finditer(text):
        words = run.group().split()
        # A cheap test first: a title ends with the word before the run or inside the run,
        # or an appositive follows the run.
        previous = text[max(0, run.start() - 30) : run.start()].rsplit(None, 1)[-1:]
        nearby = {w.lower() for w in words[:-1]}
        nearby.update(p.lower().rsplit("-", 1)[-1] for p in previous)
        if lexicon.last_words.isdisjoint(nearby) and not text.startswith(",", run.end()):
            continue
        before = _TOKEN.findall(text[max(0, run.start() - 70) : run.start()])[-6:]
        if has_ex:
            before = _split_former(before)
        # try the longest name first: title words may open the capitalized run
        for cut in range(len(words)):
            name_words = words[cut:]
            # a full stop after the name is the sentence's, not an initial's
            name = strip_possessive(" ".join(name_words[:4]).rstrip("."))
            if not all(_NAME_WORD_RE.match(w) for w in name.split()):
                continue
            if cut and name_words[0].lower() in lexicon.titles:
                continue  # "Deputy Mayor Jon Park": "Mayor" belongs to the title, not the name
            if not _valid_name(name, context):
                continue
            tokens = before + words[:cut]
            if not tokens:
                continue
            ending = _title_ending(tokens, lexicon)
            if ending is None:
                continue
            start, _kind, descriptor = ending
            qualified_start, former = _qualified(tokens, start, lexicon)
            title_tokens = [t for t in tokens[qualified_start:] if t.lower() not in lexicon.former]
            title = " ".join(title_tokens)
            surface = " ".join([*tokens[qualified_start:], name])
            # the capitalized words of the name's own run before the title: "Coastal Agency
            # Director"
            organization = _organization(tokens[len(before) : qualified_start])
            found.append(_Mention(name, title, former, surface, descriptor, organization))
            break
        else:
            appositive = _appositive(text, run, words, context, lexicon)
            if appositive is not None:
                found.append(appositive)
    return found


def _organization(words: list[str]) -> str:
    """The organisation named by capitalized words before a title, "" for none ("The" and a
    possessive dropped: "The Coastal Agency Director", "Vesland's Minister")."""
    if words and words[0] in ("The", "the"):
        words = words[1:]
    if not words or not all(word[:1].isupper() for word in words):
        return ""
    return strip_possessive(" ".join(words))


def _appositive(
    text: str,
    run: re.Match[str],
    words: list[str],
    context: ArticleContext,
    lexicon: _Lexicon,
) -> _Mention | None:
    """ "Dara Massicot, a defense researcher at ...", "Name, the president of France,"."""
    lead = _APPOSITIVE_LEAD.match(text, run.end())
    if lead is None:
        return None
    name = strip_possessive(" ".join(words[-4:]))
    if not _valid_name(name, context):
        return None
    tokens = _split_former(_TOKEN.findall(text[lead.end() : lead.end() + 80]))[:7]
    former = bool(tokens) and tokens[0].lower() in lexicon.former
    if former:
        tokens = tokens[1:]
    qualifiers: list[str] = []
    while tokens and _is_qualifier(tokens[0], lexicon) and len(qualifiers) < 3:
        qualifiers.append(tokens.pop(0))
    for size in range(min(lexicon.longest_title, len(tokens)), 0, -1):
        folded = " ".join(tokens[:size]).lower().rstrip(",.;:")
        if folded in lexicon.titles and tokens[size - 1][-1:] not in ("'", "’"):
            title = " ".join(qualifiers + tokens[:size]).rstrip(",.;:")
            consumed = text[lead.end() :]
            title_end = consumed.lower().find(folded.split()[-1]) + len(folded.split()[-1])
            of = _OF_PART.match(consumed, title_end)
            organization = ""
            if of is not None and not tokens[size - 1].endswith(","):
                title += f" of {of.group(1)}"
                organization = of.group(1)
            surface = text[run.start() : lead.end() + title_end]
            return _Mention(name, title, former, surface, False, organization)
        if folded in lexicon.descriptors:
            return _Mention(name, "", former, text[run.start() : lead.end()], True)
    return None


def _title_case(text: str) -> str:
    words = []
    for word in text.split():
        if word.lower() in ("of", "the", "and", "for", "in"):
            words.append(word.lower())
        elif word.islower():
            words.append("-".join(part.capitalize() for part in word.split("-")))
        else:
            words.append(word)
    if words:
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def _valid_name(name: str, context: ArticleContext) -> bool:
    """A person's name, not a place, an organisation or a sentence opener."""
    data = name_data()
    words = name.split()
    if any(w in data.openers or w in data.not_person or w in data.demonyms for w in words):
        return False
    return len(words) >= 2 or name in context.people


def remember_person(name: str, context: ArticleContext) -> str:
    """Record a full name (and its surname) and return the full name to report."""
    if name in context.people:
        full = context.people[name]
    else:
        full = name
        context.people[name] = full
        surname = name.split()[-1]
        context.people.setdefault(surname, full)
    context.last_person = full
    return full


def split_title(raw: str) -> tuple[str | None, str, bool]:
    """("Ukrainian Defense Minister", "Mykhailo Fedorov", False) from a titled mention."""
    text = " ".join(raw.split())
    lexicon = _lexicon()
    # Most spans are bare names: a set test skips the long pattern when no title's first run
    # of letters is a word of the span. ASCII only, where the pattern's case-insensitive
    # letters and lowercasing agree ("ſ" matches "s").
    runs = lexicon.title_runs
    if runs is not None and text.isascii() and runs.isdisjoint(_LETTERS.findall(text.lower())):
        return None, text, False
    match = lexicon.title_prefix.match(text)
    if match is None:
        return None, text, False
    title = _title_case(f"{match.group('qual')}{match.group('title')}")
    return title, text[match.end() :], bool(match.group("former"))


# Words a title-case headline leaves in lower case.
_HEADLINE_LOWER = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "off", "on",
    "or", "over", "per", "than", "the", "to", "up", "via", "vs", "with",
})  # fmt: skip
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _headline_case(text: str) -> bool:
    """ "Governor Declares State of Emergency Along the Vardan": every word capitalized but the
    small ones. A sentence has a word in lower case ("met", "has")."""
    words = _HEADLINE_WORD.findall(text)
    return len(words) >= 4 and all(w[0].isupper() or w in _HEADLINE_LOWER for w in words)


def find_people(sentence: Sentence, context: ArticleContext) -> list[PersonClaim]:
    """Titled people in the sentence; every full name is remembered in `context.people`.

    In a title-case headline a capital marks no name, so its titled people wait in
    `context.unconfirmed` until the body names them (`confirmed_headline_people`)."""
    text = sentence.text
    learn_acronyms(text, context)
    mentions = _mentions(text, context)
    headline = bool(mentions) and _headline_case(text)
    claims: list[PersonClaim] = []
    for mention in mentions:
        if headline:
            if mention.title and not mention.remember_only:
                context.unconfirmed.append(_claim(sentence, context, mention, mention.name))
            continue
        full = remember_person(mention.name, context)
        if mention.organization:
            context.affiliations[full] = mention.organization
        if mention.remember_only or not mention.title:
            continue
        claims.append(_claim(sentence, context, mention, full))
    return claims


def _claim(
    sentence: Sentence, context: ArticleContext, mention: _Mention, person: str
) -> PersonClaim:
    return PersonClaim(
        path=context.path,
        line=sentence.line,
        column=sentence.column,
        text=sentence.text,
        surface=mention.surface,
        sentence_index=sentence.index,
        paragraph=sentence.paragraph,
        person=person,
        title=_title_case(mention.title),
        former=mention.former,
    )


def confirmed_headline_people(
    context: ArticleContext, sentences: Sequence[Sentence]
) -> list[PersonClaim]:
    """The headline's titled people whom the rest of the article names too, as written or in
    full."""
    if not context.unconfirmed:
        return []  # nearly every article: no headline named a titled person
    body = " ".join(s.text for s in sentences if not _headline_case(s.text))
    return [
        claim.model_copy(update={"person": context.people.get(claim.person, claim.person)})
        for claim in context.unconfirmed
        if re.search(rf"(?<!\w){re.escape(claim.person)}(?!\w)", body)
    ]
