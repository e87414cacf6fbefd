"""Dates of events: "the previous mobilization in September 2022", "born on 7 November 1867",
"The decree, dated December 8".

A date in a sentence becomes a `DateClaim` only when an event word from `data/events.toml` dates
it, so that the date-mismatch rule compares like with like. The event word must sit next to the
date ("mobilization in September 2022", "the September 2022 call-up", "signed by Putin in
December"), or the sentence must open with the date ("In September, Putin announced the
mobilization"). Left out on purpose: the date of a citation (already on the Attribution), "as
of" dates and figure periods with no event word, "largest since 2011", hypothetical or denied
events ("a new mobilization", "denied any mobilization").

Participants, the heuristic: the first proper-noun span of the event's clause before the event
word (titles dropped, surnames and acronyms resolved; for "Google, founded in 1998," the name
the clause hangs on), agents after it ("signed by Putin", "founded by A, B and C in 1976") and
a direct object ("invaded Ukraine in"); a clause led by "He"/"She" takes the last person named,
one led by "it"/"the company"/"the firm" the article's topic entity (the first headline word
the article also names). Life dates in brackets ("Ada Lovelace (1815–1852)") are a birth and
a death. For events that are not personal (a
mobilization, an invasion, a signing) the topic entity is added as a further participant, so
that "Putin announced the mobilization" and "the previous mobilization" in an article about
Russia share "Russia". For a document ("The decree, dated ..."), who signed it earlier in the
article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.data import load_data
from checker.extract.context import ArticleContext, Source
from checker.extract.names import (
    NAME_SPAN,
    lower_words,
    name_data,
    proper_spans,
    resolve_entity,
)
from checker.extract.people import remember_person, split_title
from checker.extract.timex import TimeSpan, as_ranges, find_times, month_bounds, reanchor
from checker.models import DateClaim, Granularity, Sentence

__all__ = ["find_dates", "last_day", "written"]

_BARRIER = re.compile(r"[,;:“”\"()\[\]—–!?]|\.\s")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_SUPERLATIVE_SINCE = re.compile(
    r"\b(?:largest|biggest|highest|lowest|most|fewest|least|first|worst|best|smallest|greatest|"
    r"deadliest|strongest|weakest)\b[^,;.]{0,60}\bsince\s+(?:the\s+)?$",
    re.I,
)
_LEADING = re.compile(
    r"^\s*(?:(?:in|on|by|since|during|back\s+in|early\s+in|late\s+in|from)\s+)?"
    r"(?:the\s+)?(?:(?:beginning|start|end|middle)\s+of\s+)?$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;,]|\b(?:that|which|who|whereas|while|but)\b")
# The lookahead on the words' first letters rejects most offsets on one test.
_FUTURE = re.compile(
    r"\b(?=[wspeiau])(?:will|shall|set\s+to|scheduled|plans?\s+to|planned|expected\s+to|is\s+to|are\s+to|"
    r"aims?\s+to|intends?\s+to|upcoming)\b",
    re.I,
)
_AGENT_LIST = re.compile(
    rf"\s+by\s+(?:the\s+)?{NAME_SPAN}(?:,\s+{NAME_SPAN})*(?:,?\s+and\s+{NAME_SPAN})?"
    r"\s+(?:in|on|during)\s+(?:the\s+)?$"
)
# a name right after the event word: "invaded Ukraine", "signed by Putin"
_OBJECT = re.compile(r"\s+(?:by\s+)?(?:the\s+)?")
_PRONOUN = re.compile(
    r"^\s*(?P<word>he|she|it|they|the\s+(?:company|firm|organization|organisation|group|"
    r"country|state|band|club|team))\b",
    re.I,
)
# "Google, founded in 1998": the clause hangs on the name before its comma or relative pronoun.
_HANGS_ON = re.compile(r"\s*,?\s*(?:who|which|that)?\s*$")
_LIFE = re.compile(rf"(?P<name>{NAME_SPAN}),?\s*\((?P<born>born\s+)?(?P<body>[^()]{{4,60}})\)")
_DASH = re.compile(r"^\s*[-–—]\s*$|^\s*(?:to|until)\s*$")
_WORD_CHAR = re.compile(r"[\w-]")
_PLACE_GAP = re.compile(
    rf"\s+(?:(?:in|at|near)\s+(?:the\s+)?(?:{NAME_SPAN}|[a-z]+\s+of\s+{NAME_SPAN}),?\s+){{1,3}}"
    r"(?:on|in)\s+(?:the\s+)?$"
)
_MAX_GAP_WORDS = 4  # lowercase words between an event word and its date


@dataclass(frozen=True)
class _Event:
    key: str
    needs_object: bool
    own: bool
    person: bool


@dataclass(frozen=True)
class _Events:
    first_words: frozenset[str]  # a cheap test before the sentence is scanned
    by_first: dict[str, tuple[str, ...]]  # first word -> the phrases it starts, longest first
    by_word: dict[str, _Event]
    things: re.Pattern[str]
    skip: frozenset[str]
    ordinal: frozenset[str]
    negations: frozenset[str]


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


@lru_cache(maxsize=1)
def _events() -> _Events:
    data = load_data("events")
    by_word: dict[str, _Event] = {}
    for entry in data["event"]:
        event = _Event(
            entry["key"],
            bool(entry.get("object")),
            bool(entry.get("own")),
            bool(entry.get("person")),
        )
        for word in entry["words"]:
            by_word[_fold(word)] = event
    words = sorted(by_word, key=len, reverse=True)
    things = "|".join(
        sorted((re.escape(t) for t in data["things"]["words"]), key=len, reverse=True)
    )
    by_first: dict[str, list[str]] = {}
    for word in words:  # longest first, so "partial mobilization" wins over a shorter phrase
        by_first.setdefault(word.split()[0], []).append(word)
    return _Events(
        first_words=frozenset(re.split(r"[\s-]", w)[0] for w in words),
        by_first={k: tuple(v) for k, v in by_first.items()},
        by_word=by_word,
        things=re.compile(rf"(?<![\w-])({things})(?![\w-])", re.I),
        skip=frozenset(data["modifiers"]["skip"]),
        ordinal=frozenset(data["modifiers"]["ordinal"]),
        negations=frozenset(data["negations"]["words"]),
    )


@dataclass(frozen=True)
class _Trigger:
    begin: int
    end: int
    event: _Event


_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _triggers(text: str) -> list[_Trigger]:
    """Event words in the sentence, found word by word (a dictionary lookup per word is much
    faster than one alternation of every phrase)."""
    events = _events()
    if events.first_words.isdisjoint(lower_words(text)):
        return []
    folded = text.lower()
    found: list[_Trigger] = []
    by_first = events.by_first
    for token in _TOKEN.finditer(folded):
        # the dictionary first: most words start no event phrase
        phrases = by_first.get(token.group())
        if phrases is None:
            continue
        start = token.start()
        if start and folded[start - 1] in "-’'":
            continue
        for phrase in phrases:
            end = start + len(phrase)
            if folded.startswith(phrase, start) and not _WORD_CHAR.match(folded, end):
                found.append(_Trigger(start, end, events.by_word[phrase]))
                break
    return found


def _lower_words(gap: str) -> int:
    return sum(1 for w in _WORD.findall(gap) if w[0].islower())


_NEXT_CLAUSE = re.compile(r"[,;]|\b(?:and|but|or|then|while)\b", re.I)


def _adjacent(text: str, span: TimeSpan, trigger: _Trigger, times: list[TimeSpan]) -> int | None:
    """How far the event word is from the date, when they belong together.

    Another date in between takes the event word for itself: in "founded in 1868 and closed
    last year", "last year" does not date the founding."""
    low, high = min(trigger.end, span.stop), max(trigger.begin, span.begin)
    if any(low <= other.begin and other.stop <= high for other in times if other != span):
        return None
    if trigger.end <= span.begin:
        gap = text[trigger.end : span.begin]
        limit = _MAX_GAP_WORDS
        total = limit + 3
    elif span.stop <= trigger.begin:
        # "the September 2022 call-up", "In 1998 Google was founded"; but in "born in 1879
        # and died in 1955" the date closes the first event, not the next one
        gap = text[span.stop : trigger.begin]
        if _NEXT_CLAUSE.search(gap):
            return None
        limit = total = 2
    else:
        return None
    if _AGENT_LIST.match(gap):
        # "founded by Steve Jobs, Steve Wozniak and Ronald Wayne in April 1976"
        return len(gap)
    if trigger.event.person and trigger.end <= span.begin and _PLACE_GAP.match(gap):
        # "born in Ulm, in the Kingdom of Wurttemberg, on 14 March 1879": places may come first
        return len(gap)
    if _BARRIER.search(gap) or _lower_words(gap) > limit or len(_WORD.findall(gap)) > total:
        return None
    return len(gap)


def _words_before(text: str, position: int, count: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(0, position - 60) : position])][-count:]


@lru_cache(maxsize=1)
def _reporting_verb() -> re.Pattern[str]:
    verbs = sorted({f for forms in load_data("reporting_verbs")["verbs"].values() for f in forms})
    return re.compile(rf"\b(?:{'|'.join(verbs)})\b")


_AUXILIARY = frozenset(
    ["was", "were", "is", "are", "has", "have", "had", "will", "would", "be", "been"]
)


def _clause_start(text: str, position: int) -> int:
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    # "X said the institute was founded in 2007": a reporting verb followed by a clause with
    # its own verb starts a new clause ("Putin announced the mobilization in" does not).
    for match in _reporting_verb().finditer(text, start, position):
        if not _AUXILIARY.isdisjoint(text[match.end() : position].lower().split()):
            start = match.end()
    return start


def _thing(text: str, trigger: _Trigger) -> str | None:
    """The document or object an object-needing event is about: "signed a decree" -> decree."""
    events = _events()
    window_start = max(0, trigger.begin - 45)
    before = list(events.things.finditer(text, window_start, trigger.begin))
    after = events.things.search(text, trigger.end, min(len(text), trigger.end + 35))
    if after is not None and not _BARRIER.search(text[trigger.end : after.start()]):
        return after.group(1).lower()
    if before:
        return before[-1].group(1).lower()
    return None


def _entity(raw: str, context: ArticleContext) -> str | None:
    _title, rest, _former = split_title(raw)
    if not rest or rest in name_data().openers:
        return None
    return resolve_entity(rest, context)


def _looks_like_name(text: str) -> bool:
    data = name_data()
    words = [w for w in text.split() if w not in _NAME_PARTICLES]
    return 2 <= len(words) <= 4 and not any(
        w in data.not_person or w in data.openers or w in data.demonyms or not w[:1].isupper()
        for w in words
    )


# "Ludwig van Beethoven", "Charles de Gaulle": lowercase words inside a person's name.
_NAME_PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "der", "du", "la", "le", "bin"})


_LIFE_EVENT_AFTER = re.compile(r"(?:,\s+who)?\s+(?:was\s+)?(?:born|died)\b|\s*\(")


def _institution_key(text: str, key: str, participants: tuple[str, ...]) -> str:
    """ "The Perfendan library was founded" and "the hospital of Perfendan, founded": the town
    is the participant, but the library and the hospital are two foundings, not one."""
    if not participants:
        return key
    folded = text.lower()
    names = [p.lower() for p in participants]
    for match in _INSTITUTION.finditer(folded):
        before = folded[: match.start()].rstrip()
        after = folded[match.end() :]
        # "the hospital of Perfendan", "the orchestra in Narastor", "the Perfendan library"
        linked = _LINK.match(after)
        rest = after[linked.end() :] if linked else None
        if any(before.endswith(n) or (rest is not None and rest.startswith(n)) for n in names):
            return f"{match.group(0)} {key}"
    return key


_INSTITUTION = re.compile(
    r"\b(?:hospital|library|museum|orchestra|theatre|theater|school|college|university|church|"
    r"cathedral|company|club|team|newspaper|festival|park|zoo|bank|airline|factory|"
    r"bridge|tower|station|stadium|observatory|gallery|institute|academy|hotel|market|"
    r"airport|society|choir)\b"
)
_LINK = re.compile(r"\s+(?:of|in|at)\s+(?:the\s+)?")


def _looks_like_single_name(text: str) -> bool:
    data = name_data()
    return (
        " " not in text
        and text[:1].isupper()
        and text[1:].islower()
        and text not in data.not_person
        and text not in data.openers
        and text not in data.demonyms
        and text.lower() not in data.demonyms
    )


@lru_cache(maxsize=32)
def _headline_words(topic: str) -> tuple[str, ...]:
    words = [w.strip(".,;:!?\"“”'’") for w in topic.split()]
    return tuple(re.sub(r"['’]s$", "", w) for w in words if w)


def _topic_entity(context: ArticleContext) -> str | None:
    """The first headline word (or pair) that names something the article also names."""
    if not context.topic:
        return None
    data = name_data()
    words = _headline_words(context.topic)
    for index, word in enumerate(words):
        if not word[:1].isupper() or word in data.openers:
            continue
        pair = f"{word} {words[index + 1]}" if index + 1 < len(words) else ""
        for candidate in (word, pair):
            if not candidate:
                continue
            if candidate in context.people:
                return context.people[candidate]
            if candidate in data.demonyms:
                return data.demonyms[candidate]
            if candidate in context.seen:
                return resolve_entity(candidate, context)
    return None


def _subject(
    text: str, trigger: _Trigger, span: TimeSpan, clause_start: int, context: ArticleContext
) -> str | None:
    """The first name in the event's clause before the event word; for a relative or
    appositive clause ("Marie Curie, who was born ...", "Google, founded in 1998,") the name
    the clause hangs on."""
    spans = proper_spans(text)
    if not text[: trigger.begin].strip():
        # "Born in 1867 in Warsaw, Curie moved to Paris": the name after the opening phrase
        comma = text.find(",", span.stop)
        after = [f for f in spans if comma >= 0 and f.begin > comma]
        if after:
            if trigger.event.person and _looks_like_name(after[0].text):
                remember_person(after[0].text, context)
            return _entity(after[0].text, context)
    for found in spans:
        inside_date = span.begin <= found.begin < span.stop
        if clause_start <= found.begin and found.end <= trigger.begin and not inside_date:
            if trigger.event.person and _looks_like_name(found.text):
                remember_person(found.text, context)
            return _entity(found.text, context)
    head = _HANGS_ON.search(text, 0, clause_start)
    if head is None or clause_start == 0:
        return None
    for found in spans:
        if found.end == head.start() and not (span.begin <= found.begin < span.stop):
            if trigger.event.person and _looks_like_name(found.text):
                remember_person(found.text, context)
            return _entity(found.text, context)
    return None


def _participants(
    text: str,
    trigger: _Trigger,
    span: TimeSpan,
    subject: str | None,
    clause_start: int,
    thing: str | None,
    context: ArticleContext,
) -> tuple[str, ...]:
    names: list[str] = [subject] if subject else []

    def add(raw: str) -> None:
        name = _entity(raw, context)
        if name and name not in names:
            names.append(name)

    if not names:
        pronoun = _PRONOUN.match(text[clause_start:])
        if pronoun is not None:
            word = _fold(pronoun.group("word"))
            if word in ("he", "she") and context.last_person:
                names.append(context.last_person)
            elif word not in ("he", "she"):
                topic = _topic_entity(context)
                if topic:
                    names.append(topic)
    # agents ("founded by A, B and C", "signed by Putin") and a direct object ("invaded
    # Ukraine in"), between the event word and its date
    agents = _AGENT_LIST.match(text, trigger.end, span.begin) if trigger.end <= span.begin else None
    direct = _OBJECT.match(text, trigger.end) if trigger.end <= span.begin else None
    for found in proper_spans(text):
        if found.end > span.begin:
            continue
        if (agents is not None and trigger.end < found.begin) or (
            direct is not None and found.begin == direct.end()
        ):
            add(found.text)
    if not names and thing is not None and thing in context.things:
        names.extend(context.things[thing])
    if not trigger.event.own or not names:
        topic = _topic_entity(context)
        if topic and topic not in names:
            names.append(topic)
    return tuple(names)


def _remember_things(text: str, triggers: list[_Trigger], context: ArticleContext) -> None:
    """ "Putin has signed a decree": remember whose decree it is for "The decree, dated ..."."""
    if not any(trigger.event.needs_object for trigger in triggers):
        return  # most sentences: no need to find the names
    spans = proper_spans(text)
    for trigger in triggers:
        if not trigger.event.needs_object:
            continue
        thing = _thing(text, trigger)
        if thing is None:
            continue
        candidates = [s for s in spans if s.end <= trigger.begin]
        people = [s for s in candidates if _entity(s.text, context) in context.people.values()]
        chosen = people[:1] or candidates[:1]
        if chosen:
            name = _entity(chosen[0].text, context)
            if name:
                context.things[thing] = (name,)


def _is_person_subject(
    text: str, clause_start: int, subject: str | None, context: ArticleContext
) -> bool:
    """Births, deaths and elections belong to a person: a name, or "He"/"She"."""
    if subject is not None:
        if subject in context.people.values() or _looks_like_name(subject):
            return True
        # "Mozart was born", "Lovelace, who was born in 1816": one proper word right before
        # the birth or death, and not a place, an organisation or a demonym, is someone's name.
        at = text.find(subject)
        return _looks_like_single_name(subject) and bool(
            _LIFE_EVENT_AFTER.match(text, at + len(subject)) if at >= 0 else False
        )
    pronoun = _PRONOUN.match(text[clause_start:])
    return pronoun is not None and _fold(pronoun.group("word")) in ("he", "she")


def _is_headline(text: str) -> bool:
    """A Title Case line without a full stop: a headline or subheading."""
    if text.rstrip()[-1:] in ".!?\"”'’":
        return False
    long_words = [w for w in _WORD.findall(text) if len(w) >= 4]
    capitalized = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 4 and capitalized >= 0.7 * len(long_words)


def _is_denied(text: str, start: int, end: int) -> bool:
    negations = _events().negations
    window = _words_before(text, start, 4) + [w.lower() for w in _WORD.findall(text[start:end])]
    return any(w in negations for w in window)


def _pick_trigger(
    text: str, span: TimeSpan, triggers: list[_Trigger], times: list[TimeSpan]
) -> _Trigger | None:
    """The event word that dates `span`: the nearest adjacent one, else, for a sentence that
    opens with the date ("In September, ..."), the first one of the main clause."""
    scored = [(d, t) for t in triggers if (d := _adjacent(text, span, t, times)) is not None]
    if scored:
        return min(scored, key=lambda pair: pair[0])[1]
    if _LEADING.match(text[: span.begin]) and text[span.stop : span.stop + 1] == ",":
        main_end = span.stop + len(text[span.stop :].split(";")[0])
        later = [t for t in triggers if span.stop < t.begin < main_end]
        return later[0] if later else None
    return None


def _event_key(text: str, trigger: _Trigger, has_subject: bool) -> tuple[str, str | None] | None:
    """("decree signed", "decree"), ("second mobilization", None), or None to drop the date."""
    key = trigger.event.key
    if trigger.event.needs_object:
        thing = _thing(text, trigger)
        if thing is not None:
            return f"{thing} {key}", thing
        # "The Eiffel Tower was completed in 1889": a named subject is object enough
        return (key, None) if has_subject else None
    modifiers = _words_before(text, trigger.begin, 4)
    events = _events()
    if any(w in events.skip for w in modifiers):
        return None
    ordinal = next((w for w in modifiers if w in events.ordinal), None)
    return (f"{ordinal} {key}" if ordinal else key), None


def _life_dates(text: str, times: list[TimeSpan]) -> list[tuple[str, str, TimeSpan]]:
    """ "Marie Curie (7 November 1867 – 4 July 1934)" or "(1867–1934)": born and died."""
    found: list[tuple[str, str, TimeSpan]] = []
    for match in _LIFE.finditer(text):
        inside = [
            t for t in times if match.start("body") <= t.begin and t.stop <= match.end("body")
        ]
        name = match.group("name")
        if len(inside) == 2 and _DASH.match(text[inside[0].stop : inside[1].begin]):
            found += [(name, "born", inside[0]), (name, "died", inside[1])]
        elif (
            len(inside) == 1
            and inside[0].end.year > inside[0].start.year
            and match.group("born") is None
        ):
            whole = inside[0]
            born = TimeSpan(
                whole.start,
                whole.start.replace(month=12, day=31),
                whole.granularity,
                whole.begin,
                whole.stop,
                "around" if whole.relation == "around" else "on",  # "(c. 1850 – 1921)"
                True,
            )
            died = TimeSpan(
                whole.end.replace(month=1, day=1),
                whole.end,
                whole.granularity,
                whole.begin,
                whole.stop,
                "on",
                True,
            )
            found += [(name, "born", born), (name, "died", died)]
    return found


def find_dates(sentence: Sentence, context: ArticleContext, source: Source) -> list[DateClaim]:
    """Event dates in the sentence (see the module docstring for what counts)."""
    text = sentence.text
    if context.topic is None and sentence.index < 5 and _is_headline(text):
        # no title in the metadata: a headline among the first lines names the topic
        context.topic = text
    hits = [w for w in _headline_words(context.topic or "") if w not in context.seen and w in text]
    if hits and not _is_headline(text):
        context.seen.update(hits)
    times = _told_from_narrative(find_times(text, context.published), context)
    # "between 1820 and 1825" is one period, which "1823" does not contradict
    times = as_ranges(text, times)
    triggers = _triggers(text)
    if not times:
        _remember_things(text, triggers, context)
        return []
    has_parenthesis = "(" in text
    claims: list[DateClaim] = []

    def claim(span: TimeSpan, key: str | None, participants: tuple[str, ...], surface: str) -> None:
        claims.append(
            DateClaim(
                path=context.path,
                line=sentence.line,
                column=sentence.column,
                text=text,
                surface=surface,
                value_span=(span.begin, span.stop),
                sentence_index=sentence.index,
                paragraph=sentence.paragraph,
                source=source.name,
                source_chain=source.chain,
                source_affiliation=context.affiliation_of(source.name),
                date=span.start,
                end=span.end if span.end != span.start else None,
                granularity=span.granularity,
                event=key,
                participants=participants,
                relation=_relation(text, span, context),
                relative=span.deictic,
            )
        )

    used: set[tuple[int, int]] = set()
    if (not triggers and not has_parenthesis) or _is_headline(text):
        # Title Case capitalizes every word, so names and clauses cannot be read: the dates
        # are claims without an event.
        for span in times:
            claim(span, None, (), text[span.begin : span.stop])
        return claims
    if has_parenthesis:
        for name, key, span in _life_dates(text, times):
            person = remember_person(name, context) if _looks_like_name(name) else name
            claim(span, key, (person,), text[span.begin : span.stop])
            used.add((span.begin, span.stop))
    cited = set(context.citation_spans)
    # the pattern's one literal, in any case (ASCII only: "ſince" matches it too)
    may_be_superlative = not text.isascii() or "since" in text.lower()
    for span in times:
        if (span.begin, span.stop) in used:
            continue
        dated = None
        # a citation's date, an "as of" and "largest since 2011" date no event
        if (
            (span.begin, span.stop) not in cited
            and span.relation != "as of"
            and not (may_be_superlative and _SUPERLATIVE_SINCE.search(text[: span.begin]))
        ):
            dated = _dated_event(text, span, triggers, times, context)
        if dated is None:
            # Every date a reader would resolve is a claim; one with no event word beside it is
            # left for the frames to place, and the date rules leave it alone.
            claim(span, None, (), text[span.begin : span.stop])
        else:
            claim(span, *dated)
    _remember_things(text, triggers, context)
    return claims


def _told_from_narrative(times: list[TimeSpan], context: ArticleContext) -> list[TimeSpan]:
    """ "On March 3 the storm hit. The next day ...": relative dates told from the last day the
    article named at least as precisely (from the publication date when it named none), each
    date named becoming the one the next is told from."""
    told: list[TimeSpan] = []
    for span in times:
        if span.shift is not None and context.narrative is not None:
            anchor, precision = context.narrative
            # "the next day" needs a day to be told from; "later that year" any date
            if _PRECISION[precision] <= _PRECISION[_SHIFT_UNITS[span.shift[0]]]:
                span = reanchor(span, anchor)
        if span.granularity in _PRECISION:
            context.narrative = (span.start, span.granularity)
        told.append(span)
    return told


_PRECISION = {
    Granularity.DAY: 0,
    Granularity.WEEK: 1,
    Granularity.MONTH: 2,
    Granularity.QUARTER: 3,
    Granularity.SEASON: 3,
    Granularity.YEAR: 4,
}
_SHIFT_UNITS = {
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR,
}


def _dated_event(
    text: str,
    span: TimeSpan,
    triggers: list[_Trigger],
    times: list[TimeSpan],
    context: ArticleContext,
) -> tuple[str, tuple[str, ...], str] | None:
    """The event `span` dates, its participants and the words read, or None."""
    trigger = _pick_trigger(text, span, triggers, times)
    if trigger is None:
        return None
    start, end = min(trigger.begin, span.begin), max(trigger.end, span.stop)
    if _is_denied(text, start, end):
        return None
    clause_start = _clause_start(text, trigger.begin)
    subject = _subject(text, trigger, span, clause_start, context)
    if trigger.event.person and not _is_person_subject(text, clause_start, subject, context):
        return None  # "9,000 soldiers died in January" is a figure, not someone's death
    keyed = _event_key(text, trigger, subject is not None)
    if keyed is None:
        return None
    key, thing = keyed
    participants = _participants(text, trigger, span, subject, clause_start, thing, context)
    if thing is None and not trigger.event.person:
        key = _institution_key(text, key, participants)
    return key, participants, text[start:end]


def _relation(text: str, span: TimeSpan, context: ArticleContext) -> str:
    """ "planned" for a future event ("is set to begin on April 1"), else the preposition."""
    published = context.published
    if _FUTURE.search(text) and (published is None or span.end >= published):
        return "planned"
    return span.relation


def last_day(claim: DateClaim) -> dt.date:
    """The last day of a date claim's month or year, its day for a day (its `end` aside)."""
    start = claim.date
    if claim.granularity is Granularity.YEAR:
        return start.replace(month=12, day=31)
    if claim.granularity is Granularity.MONTH:
        return month_bounds(start.year, start.month)[1]
    return start


def written(claim: DateClaim) -> str | None:
    """The date's words as written, lower-cased, None when the claim does not say where they
    are."""
    start, end = claim.value_span
    return " ".join(claim.text[start:end].lower().split()) if end > start else None
