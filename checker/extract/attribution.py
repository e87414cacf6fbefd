"""Attributions: who a sentence credits, and through whom.

Forms read, each into one `Attribution` claim whose `source_chain` runs from the outermost
speaker inwards:

- "according to X", "according to X on November 30" (a cited date), "according to X, citing
  (a report by) Y" -> (X, Y);
- "X said/reported/estimated ..." with the verbs of `data/reporting_verbs.toml`, also inverted
  (", X wrote.", ", said X."), across an appositive ("Verstka, an independent site, claimed") and
  group nouns ("ISW experts argue");
- "X, citing Y, reported" -> (X, Y); "the official told Verstka" -> Verstka (an unnamed speaker
  is no comparable source, the outlet is);
- pronoun or "the institute"-led sentences ("He stated", "The outlet assessed") -> the source
  they refer back to;
- direct quotes in “…” or "..." with their speaker (verb "quote").

Names are canonical (see `names.canonical_source`); a person's title is dropped from the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.data import load_data
from checker.extract.context import ArticleContext, Source
from checker.extract.names import (
    NAME_SPAN,
    canonical_source,
    learn_acronyms,
    lower_words,
    name_data,
    strip_possessive,
    trim_openers,
)
from checker.extract.numbers import trie_pattern
from checker.extract.people import split_title
from checker.extract.timex import TimeSpan, find_times
from checker.models import Attribution, Sentence

__all__ = ["find_attributions", "source_for"]

_QUOTE = re.compile(r"[“\"](?P<quote>[^”\"]{3,600})[”\"]")
_SOURCE_END = re.compile(rf"(?:(?<![\w’'-])(?P<the>[Tt]he)\s+)?(?P<src>{NAME_SPAN})['’]?s?\s*$")
# Every character `_SOURCE_END` can match: ASCII letters and digits, ".-&'’" and whitespace
# (what `str.isspace` accepts, as `\s` does).
_SOURCE_CHARS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-&'’"
    " \t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SOURCE_START = re.compile(rf"\s*(?:(?P<the>[Tt]he)\s+)?(?P<src>{NAME_SPAN})(?P<poss>['’]s?)?")
_CITED_DATE_LEAD = re.compile(
    r"\s*(?:\(\s*[A-Z][A-Za-z.&]{1,9}\s*\)\s*)?(?:(?:published|released|issued)\s+)?"
    r"(?:on|in|dated|from)\s+(?:the\s+)?"
)
_CITING = re.compile(
    r",?\s*citing\s+(?:an?\s+|the\s+|its\s+)?(?:(?:new|recent|latest|own|fresh)\s+)?"
    r"(?:(?:report|reports|data|analysis|assessment|assessments|estimate|estimates|study|survey|"
    r"findings|figures|statement|research|sources)\s+(?:by|from|of|at)\s+)?"
)
_TRAILING_ACRONYM = re.compile(r"\s*\(\s*[A-Z][A-Za-z.&]{1,9}\s*\)\s*$")
# What follows a verb of saying when it reports: "wrote that", "questions whether", "noted:",
# a quote, the sentence end, "wrote in a report", "announced on Monday".
_COMPLEMENT = re.compile(
    r"\s*(?:(?:also\s+)?(?:that|whether|if|how|why|what)\b|[,:;“\"”]|[.!?]?\s*$"
    r"|in\s+(?:a|an|the|its|his|her|their)\s+\w+|on\s+[A-Z])"
)
_COLLECTION = re.compile(
    r"\s+(?:(?:new|the|latest|the\s+latest|recent|official|preliminary)\s+)*"
    r"(?:an?\s+)?(?:data|figures|estimates|statistics|report|study|survey|analysis|research"
    r"|assessment|census|poll)\s+(?:from|by|of|published\s+by|released\s+by|compiled\s+by)(?=\s)"
)
# "The figure, reported by Reuters, ...": a passive attribution
_PASSIVE_VERBS = "reported|published|estimated|released|compiled|calculated|cited|quoted"
_PASSIVE = re.compile(rf"\b(?P<verb>{_PASSIVE_VERBS})\s+by(?=\s)")
# The inverted form's verbs: ", said X."
_INVERTED_VERBS = "said|says|wrote|writes|added|adds|noted|notes|told|stated"
# Each pattern's verb stands between non-word characters, so it is one of the sentence's
# `lower_words`: a set test tells whether the pattern can match at all.
_PASSIVE_WORDS = frozenset(_PASSIVE_VERBS.split("|"))
_INVERTED_WORDS = frozenset(_INVERTED_VERBS.split("|"))
_WHOLE_NAME = re.compile(NAME_SPAN)
_COMMA_CITING = re.compile(r",\s*citing\s")
_APPOSITIVE_OPENER = re.compile(r",\s+(?:a|an|the|who|which)\s")
_TAIL_WORD = re.compile(r"\s+([\w-]+)\s*$")
_WORD_RUN = re.compile(r"[\w-]*")  # always matches, if only the empty string
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
# Nationality-style adjectives ("European assessments", "Russian officials") are no source.
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:an|ian|ean|ese|ish|ic|i)$")
_PREPOSITIONS = frozenset(
    [
        "on",
        "in",
        "at",
        "of",
        "by",
        "from",
        "to",
        "and",
        "or",
        "as",
        "that",
        "which",
        "who",
        "for",
        "with",
    ]
)


@dataclass(frozen=True)
class _VerbData:
    forms: frozenset[str]  # a cheap test before the verb regex runs
    strict: frozenset[str]  # forms that need a clause or quote after them
    verb: re.Pattern[str]
    between: frozenset[str]
    members: frozenset[str]
    pronouns: frozenset[str]
    anaphor: re.Pattern[str]
    inverted: re.Pattern[str]
    description: re.Pattern[str]  # "the water agency": an unnamed organisation
    anaphor_words: frozenset[str]  # last words of pronouns and anaphoric nouns
    media_nouns: frozenset[str]  # "the outlet": may stand for the last source, whatever its name


def _first_letters(words: list[str]) -> str:
    """A lookahead on the words' first letters, put before an alternation of them so that the
    engine rejects most offsets on one character; empty when a word starts with a non-letter."""
    firsts = sorted({w[0] for w in words})
    return f"(?=[{''.join(firsts)}])" if firsts and all(f.isalpha() for f in firsts) else ""


@lru_cache(maxsize=1)
def _verb_data() -> _VerbData:
    data = load_data("reporting_verbs")
    forms = sorted({f for fs in data["verbs"].values() for f in fs}, key=len, reverse=True)
    nouns = sorted(data["anaphora"]["nouns"], key=len, reverse=True)
    noun_alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    pronoun_alt = "|".join(data["anaphora"]["pronouns"])
    anaphor = re.compile(
        rf"(?:^|(?<=[\s,;“\"]))(?:(?P<pro>(?i:{pronoun_alt}))|(?:[Tt]he|[Tt]his|[Tt]hat)\s+"
        rf"(?:[a-z][\w-]*\s+)?(?P<noun>{noun_alt}))\s*$"
    )
    inverted = re.compile(
        rf"[,”\"]\s+(?P<verb>{_INVERTED_VERBS})\s+"
        rf"(?:(?P<the>[Tt]he)\s+)?(?P<pre>(?:[a-z][\w-]*\s+){{0,3}})(?P<src>{NAME_SPAN})"
        r"\s*[.!?]?[”\"]?$"
    )
    description = re.compile(
        rf"\s*(?:the|a|an)\s+(?P<desc>(?:[a-z][\w-]*\s+){{0,3}}?(?:{noun_alt}))(?![\w-])"
    )
    strict = frozenset(f for lemma in data["strict"]["verbs"] for f in data["verbs"][lemma])
    return _VerbData(
        forms=frozenset(forms),
        strict=strict,
        # A trie rather than ninety alternatives tried one after another at each word; its
        # greedy branches still prefer the longest form, as the longest-first alternation did.
        verb=re.compile(
            rf"{_first_letters(forms)}(?<![\w-])(?P<verb>{trie_pattern(forms)})(?![\w-])"
        ),
        between=frozenset(data["between"]["words"]),
        members=frozenset(data["members"]["words"]),
        pronouns=frozenset(data["anaphora"]["pronouns"]),
        anaphor=anaphor,
        inverted=inverted,
        description=description,
        media_nouns=frozenset(data["anaphora"]["media"]),
        anaphor_words=frozenset(n.split()[-1] for n in nouns)
        | frozenset(data["anaphora"]["pronouns"]),
    )


@dataclass
class _Found:
    position: int
    chain: tuple[str, ...]
    verb: str
    cited: TimeSpan | None = None
    quote: str | None = None


def _is_person(name: str, context: ArticleContext) -> bool:
    return name in context.people.values()


def _name(raw: str, context: ArticleContext, follower: str = "") -> str | None:
    """The canonical source name for a span, or None when the span is no source."""
    text = trim_openers(" ".join(raw.split()))
    title, rest, _former = split_title(text)
    rest = strip_possessive(rest)
    if not rest:
        return None
    if rest in context.people:
        return context.people[rest]
    if title is not None and len(rest.split()) >= 2:
        return rest
    data = name_data()
    bare = rest[4:] if rest[:4].lower() == "the " else rest
    if bare in data.demonyms or bare in data.openers:
        return None
    if " " not in bare and _ADJECTIVE.match(bare):
        words = follower.split()
        next_word = words[0].lower().strip('.,;:!?”"') if words else ""
        if next_word and next_word.isalpha() and next_word not in _PREPOSITIONS:
            return None
    return canonical_source(rest, context)


def _anaphor_chain(
    pronoun: str | None, noun: str | None, context: ArticleContext
) -> tuple[str, ...]:
    """What "He", "they" or "the institute" refers back to."""
    if pronoun:
        if pronoun.lower() in ("he", "she"):
            # the person named last, whether as a speaker or in passing
            return (context.last_person,) if context.last_person else ()
        return context.last_source.chain
    if noun:
        folded = " ".join(noun.lower().split())
        for name in reversed(context.recent_sources):
            if folded in name.lower():
                return (name,)
        # "the outlet", "the report": the last source itself, not whom it was citing. "The
        # company" or "the ministry" named nowhere stays unknown rather than borrow a source.
        if folded.rsplit(" ", 1)[-1] in _verb_data().media_nouns:
            return context.last_source.chain[:1]
    return ()


def _cited_date(text: str, position: int, times: list[TimeSpan]) -> TimeSpan | None:
    lead = _CITED_DATE_LEAD.match(text, position)
    if lead is None:
        return None
    for span in times:
        if span.begin == lead.end():
            return span
    return None


def _source_after(text: str, position: int, context: ArticleContext) -> tuple[str, int] | None:
    match = _SOURCE_START.match(text, position)
    if match is None:
        return None
    raw = (match.group("the") + " " if match.group("the") else "") + match.group("src")
    name = _name(raw, context, text[match.end() :])
    if name is None:
        return None
    return name, match.end()


def _described(text: str, position: int, context: ArticleContext) -> tuple[str, int] | None:
    """ "according to the institute" -> the institute named earlier; "according to the water
    agency" (named nowhere) -> "water agency", so that its date still dates the citation."""
    match = _verb_data().description.match(text, position)
    if match is None:
        return None
    description = " ".join(match.group("desc").split())
    noun = description.rsplit(" ", 1)[-1]
    for name in reversed(context.recent_sources):
        if noun in name.lower():
            return name, match.end()
    return description, match.end()


def _according(text: str, context: ArticleContext) -> list[_Found]:
    found: list[_Found] = []
    if "ccording" not in text:  # the pattern's one literal: most sentences skip it
        return found
    times = find_times(text, context.published)  # for a cited date
    for match in _ACCORDING.finditer(text):
        start = match.end()
        collection = _COLLECTION.match(text, start)
        if collection is not None:  # "according to data from the World Bank"
            start = collection.end()
        first = _source_after(text, start, context) or _described(text, start, context)
        if first is None:
            continue
        name, end = first
        chain = [name]
        cited = _cited_date(text, end, times)
        if cited is not None:
            end = cited.stop
        citing = _CITING.match(text, end)
        if citing is not None and citing.end() > end and "citing" in citing.group():
            second = _source_after(text, citing.end(), context)
            if second is not None:
                chain.append(second[0])
                cited = cited or _cited_date(text, second[1], times)
        found.append(_Found(match.start(), tuple(chain), "according to", cited))
    return found


def _citing_after_subject(text: str, context: ArticleContext) -> list[_Found]:
    """ "X, citing Y, reported ..." -> (X, Y)."""
    found: list[_Found] = []
    if "citing" not in text:
        return found
    times = find_times(text, context.published)  # for a cited date
    for citing in _COMMA_CITING.finditer(text):
        head = _source_end(text[max(0, citing.start() - 120) : citing.start()])
        if head is None or _ACCORDING.search(text[max(0, citing.start() - 160) : citing.start()]):
            continue
        raw = (head.group("the") + " " if head.group("the") else "") + head.group("src")
        first = _name(raw, context)
        tail = _CITING.match(text, citing.start())
        if first is None or tail is None:
            continue
        second = _source_after(text, tail.end(), context)
        chain = (first, second[0]) if second else (first,)
        cited = _cited_date(text, second[1], times) if second else None
        found.append(_Found(citing.start() - len(head.group()), chain, "citing", cited))
    return found


def _source_end(before: str) -> re.Match[str] | None:
    """`_SOURCE_END.search(before)`, started after the last character the pattern cannot match
    (found in C): from 0 the pattern, anchored at the end, is tried at each of up to 160
    offsets. A match never spans such a character, so the leftmost match is the same."""
    return _SOURCE_END.search(before, len(before.rstrip(_SOURCE_CHARS)))


def _tail_word(text: str) -> re.Match[str] | None:
    """`_TAIL_WORD.search(text)`, started where a match can start: the spaces before the last
    word. (From 0 it would scan the whole 160-character window, several times per verb.) The
    last word is measured on the reversed text, in C rather than a loop per character."""
    start = len(text.rstrip())
    run = _WORD_RUN.match(text[start - 1 :: -1]) if start else None
    if run is not None:
        start -= run.end()
    return _TAIL_WORD.search(text, len(text[:start].rstrip()))


def _strip_tail(before: str, words: frozenset[str]) -> tuple[str, bool]:
    stripped = False
    while True:
        match = _tail_word(before)
        if match is None or match.group(1).lower() not in words:
            return before, stripped
        before = before[: match.start()]
        stripped = True


def _may_end_in_source(before: str, data: _VerbData) -> bool:
    """A cheap test before the span regexes: does the text before a verb end in a capitalized
    word, a pronoun, an anaphoric noun or an appositive's comma?"""
    stripped = before.rstrip()
    if not stripped:
        return False
    if stripped[-1] in ",)":
        return True
    last = stripped.rsplit(None, 1)[-1].strip("’'s")
    return bool(last) and (last[0].isupper() or last.lower() in data.anaphor_words)


def _inside(position: int, quotes: list[tuple[int, int]]) -> bool:
    return any(b < position < e for b, e in quotes)


def _verb_sources(
    text: str, context: ArticleContext, quotes: list[tuple[int, int]]
) -> list[_Found]:
    data = _verb_data()
    found: list[_Found] = []
    present = data.forms.intersection(lower_words(text))
    if not present:
        return found
    # Every form is one lowercase word, so a match is an occurrence of a form the sentence
    # holds: the scan starts at the first such occurrence (a verb often comes late).
    start = min((p for p in (text.find(form) for form in present) if p >= 0), default=len(text))
    for match in data.verb.finditer(text, start):
        if _inside(match.start(), quotes):
            continue
        verb = match.group("verb")
        if verb in data.strict and not _COMPLEMENT.match(text, match.end()):
            continue
        before = text[max(0, match.start() - 160) : match.start()]
        before, _ = _strip_tail(before, data.between)
        # "the Center for ... Studies (CSIS) revealed": the acronym in brackets is no gap
        if before.rstrip().endswith(")"):  # the pattern's last character: skip its search
            before = _TRAILING_ACRONYM.sub("", before)
        spoken = before
        before, member = _strip_tail(before, data.members)
        before, _ = _strip_tail(before, data.between)
        outlet = None
        if verb in ("told", "tells", "tell"):
            after = _source_after(text, match.end(), context)
            outlet = after[0] if after else None
        elif not _may_end_in_source(before, data):
            continue
        chain: tuple[str, ...] = ()
        head = _source_end(before)
        if head is None and before.rstrip().endswith(","):
            # an appositive: "Verstka, an independent online news site, claimed"
            inner = before.rstrip()[:-1]
            comma = inner.rfind(",")
            if comma >= 0 and len(inner) - comma < 110 and _APPOSITIVE_OPENER.match(inner[comma:]):
                head = _source_end(inner[:comma])
            elif comma >= 0 and _WHOLE_NAME.fullmatch(inner[comma + 1 :].strip()):
                # "The head of the IAEA, Rafael Grossi, said": the name is the appositive
                head = _source_end(inner)
        if head is not None:
            raw = (head.group("the") + " " if head.group("the") else "") + head.group("src")
            name = _name(raw, context, "" if member else " " + verb)
            if name is not None and not (member and " " not in name and _ADJECTIVE.match(name)):
                chain = (name,)
        if not chain and outlet:
            chain = (outlet,)
        if not chain:
            anaphor = data.anaphor.search(spoken)
            if anaphor is not None:
                chain = _anaphor_chain(anaphor.group("pro"), anaphor.group("noun"), context)
        if chain:
            found.append(_Found(match.start(), chain, verb))
    words = lower_words(text)
    for passive in () if _PASSIVE_WORDS.isdisjoint(words) else _PASSIVE.finditer(text):
        if _inside(passive.start(), quotes):
            continue
        after = _source_after(text, passive.end(), context)
        if after is not None:
            found.append(_Found(passive.start(), (after[0],), passive.group("verb")))
    inverted = None if _INVERTED_WORDS.isdisjoint(words) else data.inverted.search(text)
    if inverted is not None:
        # "said analyst Maria Lind": a lowercase title goes with the name, then is dropped
        raw = inverted.group("pre") + inverted.group("src")
        if inverted.group("the"):
            raw = f"{inverted.group('the')} {raw}"
        name = _name(raw, context)
        if name is not None:
            found.append(_Found(inverted.start("verb"), (name,), inverted.group("verb")))
    return found


def _quotes(text: str) -> list[re.Match[str]]:
    if '"' not in text and "“" not in text:  # the pattern's opening marks: most sentences
        return []
    return [q for q in _QUOTE.finditer(text) if len(q.group("quote").split()) >= 3]


def _speaker_of(quote: re.Match[str], found: list[_Found], text: str) -> _Found | None:
    """The attribution next to a quote: right after it ("…,” X said) or just before it."""
    best: _Found | None = None
    best_gap = 10**9
    for item in found:
        if item.verb == "according to":
            gap = abs(item.position - quote.end())
        elif item.position >= quote.end():
            gap = item.position - quote.end()
        else:
            gap = quote.start() - item.position
        if gap < best_gap:
            best, best_gap = item, gap
    if best is None:
        return None
    # A quote filling most of the sentence belongs to the sentence's one speaker.
    if best_gap <= 60 or len(quote.group()) * 2 >= len(text):
        return best
    return None


def _dedupe(found: list[_Found]) -> list[_Found]:
    """Keep one attribution per outermost source, preferring the longest chain."""
    best: dict[str, _Found] = {}
    for item in found:
        key = item.chain[0]
        kept = best.get(key)
        if (
            kept is None
            or len(item.chain) > len(kept.chain)
            or (len(item.chain) == len(kept.chain) and item.cited and not kept.cited)
        ):
            best[key] = item
    return sorted(best.values(), key=lambda f: f.position)


def find_attributions(sentence: Sentence, context: ArticleContext) -> list[Attribution]:
    """Attribution claims in the sentence."""
    text = sentence.text
    learn_acronyms(text, context)
    # Dates are read only where a citation can carry one (most sentences have none to date):
    # the figure and date extractors read them from the same cache when they need them.
    quotes = _quotes(text)
    quote_spans = [q.span() for q in quotes]
    found = _according(text, context)
    found += _citing_after_subject(text, context)
    found += _verb_sources(text, context, quote_spans)
    if not found and not quotes:  # most sentences: nothing to credit
        return []
    found = _dedupe([f for f in found if f.chain])
    claims = [_claim(sentence, context, item) for item in found]
    for quote in quotes:
        speaker = _speaker_of(quote, found, text)
        if speaker is not None:
            item = _Found(
                quote.start(), speaker.chain, "quote", quote=quote.group("quote").strip(" ,.;:")
            )
            claims.append(_claim(sentence, context, item))
    return claims


def _claim(sentence: Sentence, context: ArticleContext, item: _Found) -> Attribution:
    return Attribution(
        path=context.path,
        line=sentence.line,
        column=sentence.column,
        text=sentence.text,
        surface=sentence.text[item.position : item.position + 80],
        sentence_index=sentence.index,
        paragraph=sentence.paragraph,
        source=item.chain[0],
        source_chain=item.chain,
        source_affiliation=context.affiliation_of(item.chain[0]),
        verb=item.verb,
        quote=item.quote,
        cited_date=item.cited.start if item.cited else None,
    )


def source_for(
    sentence: Sentence, attributions: list[Attribution], context: ArticleContext
) -> Source:
    """Who the sentence credits: an "according to" attribution first, else the first one.

    Pronoun- and "the institute"-led sentences were already resolved to the source they refer
    back to by `find_attributions`. The context remembers the result for the next sentence.
    """
    credited = [a for a in attributions if a.verb != "quote"] or attributions
    if not credited:
        return Source()
    chosen = next((a for a in credited if a.verb == "according to"), credited[0])
    source = Source(chosen.source_chain)
    context.last_source = source
    for name in source.chain:
        if name in context.recent_sources:
            context.recent_sources.remove(name)
        context.recent_sources.append(name)
    context.last_speaker = source.name
    if source.name is not None and _is_person(source.name, context):
        context.last_person = source.name
    return source
