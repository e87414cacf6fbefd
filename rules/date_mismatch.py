"""`date-mismatch`: the same event given dates that cannot both hold."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache, partial

from rapidfuzz import fuzz

from checker.clusters import Reported, classes, evidence, first_fit, more
from checker.compare.anchors import (
    anchor_key,
    cluster_anchors,
    name_key,
    names_match,
    plain_words,
)
from checker.extract.dates import last_day, written
from checker.extract.frame_tree import process_predicate
from checker.extract.timex import find_times
from checker.group import canonical, happens_once, happens_once_to, one_time_kind
from checker.models import (
    Claim,
    DateClaim,
    DateSource,
    Finding,
    Frame,
    Granularity,
    Severity,
)
from checker.pairs import differing_pairs
from checker.rule import ArchiveKey, Rule, RuleContext, RuleOptions
from checker.twins import about_two_things, mask_dates, twins

# Words that set one occurrence of an event apart from another ("the previous mobilization",
# "a second wave"): two claims compare only when they carry the same such words.
_DISTINCT = re.compile(
    r"\b(new|previous|prior|earlier|later|latest|last|next|first|second|third|fourth|another|"
    r"former|original|initial|final|renewed|repeat|again)\b",
    re.I,
)
# Of these, the words that pick one occurrence for good: "first awarded in 1961" happens once,
# whatever the event ("the last award" or "the latest" moves on as the years go by).
_ONE_OCCURRENCE = frozenset({"first", "second", "third", "fourth", "initial", "original", "final"})
# Only point-in-time statements compare: "since 2011" or "by July" bound a period instead; a
# date that says how late something happened ("by 1902", "by" in `DateClaim.relation`) still
# compares as a date before a first ("held its first race in 1905").
_POINT_RELATIONS = frozenset({"on", "in", "dated", "of", "during", "between", "at", "around"})


_DATE_WORDS = re.compile(
    r"\b(?:\d[\d,.]*(?:st|nd|rd|th)?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|"
    r"sep\w*|oct\w*|nov\w*|dec\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)\b",
    re.I,
)
# Characters before the event's words that are read for "new", "previous", "second" ...
_MARKER_REACH = 40


class DateMismatchOptions(RuleOptions):
    # Also compare claims inside one article (in different sentences).
    same_article: bool = True
    # How alike two participants' names must be (rapidfuzz ratio) to be the same participant.
    participant_similarity: int = 90
    # For events that can recur: how alike the two sentences must be once dates are removed.
    recurring_similarity: int = 85


class DateMismatch(Rule):
    """The same event is given different dates.

    ## What it does
    Groups dates by what the parse says they date: the predicate ("bear", "found", "sign"),
    with the object of one that can recur ("sign" a decree), and compares those whose anchors
    agree. Dates compare at their granularity: a year agrees with every day inside it.

    ## Why it matters
    A birth date, a founding year or the day a decree was signed is checked by readers against
    other sources; two versions in our coverage mean at least one is wrong.

    ## Flagged
    "the company was founded in 1867" in one article and "founded in 1868" in another; "the
    medal was first awarded in 1961" and "first awarded in 1963" (an event that recurs, whose
    first occurrence happens once); "the novel was first published in 1971" and "published in
    1967" (before its first publication); "the first walk of the Tarn Walkers took place in
    2011" and "in 2009, the Tarn Walkers claimed to have organized walks" (walks by 2009, before
    the first of all walks); "the Battle of Harrow Ford was fought on 14 June
    1644" and "the battle took place on 4 June 1644" (a battle happens once); "built around
    1450" and "built in 1472" (an approximate year reaches ten years either way); "the treaty
    was signed on 3 March 1701" in the article "Treaty of Orsk" and "the Treaty of Orsk was signed
    on 13 March 1701" (alike once the names of what both are about are set aside).

    ## Not flagged
    "born in 1867" next to "born on 7 November 1867"; "September 2022" next to "Sept. 2022";
    "the previous mobilization in September 2022" next to "a new mobilization in 2026" (the
    words "previous" and "new" mark different events); "the museum in Narvel, founded in 1869"
    next to "the Narvel university was founded in 1944" (the town names where, the nouns say
    which); "the Hawks beat the Foxes on Sunday" in Monday's story and "... on Tuesday" in
    Wednesday's (each story's news: two games); "first released in 1971" next to "released in
    North America in 1975" (a later release); "the festival was held in June 2019, with
    forty bands" next to "in June 2021 the festival took place on the meadows" (a festival
    recurs, and the sentences differ); "the first walk in Canada took place in 2011" next to
    "walks in 41 English towns in 2009" (the first of some walks); "by 1908 the club had held
    races" next to "held its first race in 1905"; a claim with no event or no participant.

    ## Options
    `same_article` (default true): compare claims within one article too.
    `participant_similarity` (default 90): how alike participant names must be.
    """

    id = "date-mismatch"
    severity = Severity.ERROR
    Options = DateMismatchOptions
    archive_indexed = True

    def archive_keys(self, claim: Claim) -> Iterator[ArchiveKey]:
        """A dated event with its anchor (events are blocks whose anchors are clustered), and
        for every claim its sentence with dates and numbers masked (a twin sentence)."""
        if isinstance(claim, DateClaim):
            found = _event_key(claim)
            if found is not None:
                (predicate, attribute), anchor = found
                yield ArchiveKey(f"{self.id}/event:{predicate}\x1f{attribute}", anchor=anchor)
        masked = _date_twin_key(mask_dates, claim)
        if masked is not None:
            yield ArchiveKey(f"{self.id}/twin:{masked}")

    def check(self, context: RuleContext) -> Iterator[Finding]:
        assert isinstance(self.options, DateMismatchOptions)
        seen: set[tuple[str, ...]] = set()
        reported = Reported()
        # With a focus (`--against`), a pair of two unfocused claims only makes findings that
        # would be dropped.
        focused = {id(c): context.in_focus(c.path) for c in context.dates}
        # Per-claim work done once, not once per pair.
        markers = {
            id(c): _markers(c) | ({"first"} if c.frame is not None and c.frame.first else set())
            for c in context.dates
        }
        for (predicate, event, shared), claims in _blocks(context.dates):
            # Copies of a story state one date alike: claims equal in all the pair's decision
            # reads form one class, and classes are paired (`checker.clusters`). Two classes of
            # one period agree: only pairs across periods can disagree.
            kinds = classes(claims, partial(self._class_key, context, predicate, markers))
            memo: dict[int, list[DateClaim]] = {}
            for i, j in differing_pairs([_period(kind[0]) for kind in kinds]):
                first_kind, second_kind = kinds[i], kinds[j]
                first, second = first_kind[0], second_kind[0]
                if _overlap(first, second):
                    continue
                ordered = markers[id(first)] == markers[id(second)]
                earlier = None if ordered else _before_first(first, second, markers)
                if not ordered and earlier is None:
                    continue
                bounds = [c for c in (first, second) if c.relation == "by"]
                if bounds and bounds != [earlier]:
                    continue  # "by 1900" only says how late: it can only come before a first
                if not self._placed(first, context) or not self._placed(second, context):
                    continue
                words = written(first)
                if words is not None and words == written(second):
                    continue  # the same words read against two publication dates
                # an occurrence before the first is wrong only when it is of the same event:
                # "first appeared on television in 1990" and "appeared in a film in 1985" are two
                # ... but "the first walk took place in 2011" has no walk before it, whatever
                # else each sentence says: what took place names the event itself
                once = (
                    (_once(predicate, first) and _once(predicate, second))
                    or (ordered and bool(markers[id(first)] & _ONE_OCCURRENCE))
                    or (
                        earlier is not None
                        and _first_of_all(second if earlier is first else first, earlier)
                    )
                )
                if not once and (
                    _news_of_two_times(first, second, context) or not self._alike(first, second)
                ):
                    continue
                marker = (event, shared, *sorted([_label(first), _label(second)]))
                if marker in seen:
                    continue
                heads = first_fit(
                    first_kind, second_kind, self._may_pair, lambda c: focused[id(c)], memo
                )
                if heads is None:
                    continue
                seen.add(marker)
                head, other = heads
                reported.add(first_kind, second_kind)
                said = f"{_label(head)} ({head.path}:{head.line}{more(first_kind)})"
                against = f"{_label(other)} ({other.path}:{other.line}{more(second_kind)})"
                if earlier is first:
                    said, against = against, said
                yield self.finding(
                    f"{shared}, {event}: first {said} but already {against}"
                    if earlier is not None
                    else f"{shared}, {event}: {said} vs {against}",
                    [*evidence(head, first_kind), *evidence(other, second_kind)],
                    subject=f"{shared} {event}",
                )
        yield from self._twin_findings(context, reported)

    def _may_pair(self, first: DateClaim, second: DateClaim) -> bool:
        """Claims of one article compare only when the options say so, and never in one
        sentence."""
        assert isinstance(self.options, DateMismatchOptions)
        return first.path != second.path or (
            self.options.same_article and first.sentence_index != second.sentence_index
        )

    @staticmethod
    def _class_key(
        context: RuleContext,
        predicate: str,
        markers: dict[int, frozenset[str]],
        claim: DateClaim,
    ) -> tuple[object, ...]:
        """Everything a pair's decision reads of one claim, besides where it is."""
        placed = DateMismatch._placed(claim, context)
        alike: tuple[object, ...] = ()
        if not _once(predicate, claim):
            alike = (_undated(claim.text, ()), _reported_on(claim, context), *claim.names)
        period, words = _period(claim), written(claim)
        return (period, _label(claim), markers[id(claim)], placed, words, alike)

    def _twin_findings(self, context: RuleContext, reported: Reported) -> Iterator[Finding]:
        """One sentence in two articles with a date changed ("dismissed the talk on March 15"
        and "... on March 18"), whatever event it dates: the copy cannot be right twice."""
        sentences: dict[tuple[str, int], Claim] = {}
        framed: dict[tuple[str, int], Frame] = {}  # the first frame each sentence gives
        for claim in context.claims:
            sentences.setdefault((claim.path, claim.sentence_index), claim)
            frame = getattr(claim, "frame", None)
            if frame is not None:
                framed.setdefault((claim.path, claim.sentence_index), frame)
        # Copies of a story repeat sentences verbatim: each distinct text is masked once.
        twin_key = partial(_date_twin_key, cache(mask_dates))
        for twin in twins(sentences.values(), twin_key):
            if not context.any_in_focus(twin) or len({claim.text for claim in twin}) < 2:
                # Word-for-word copies state the same dates, or the same relative words read
                # against two publication dates (see below): nothing changed either way.
                continue
            stated: dict[tuple[tuple[dt.date, str], ...], list[Claim]] = {}
            spelled: dict[tuple[tuple[dt.date, str], ...], tuple[str, ...]] = {}
            for claim in twin:
                times = find_times(claim.text, context.published(claim.path))
                key = tuple((t.start, t.granularity.value) for t in times)
                stated.setdefault(key, []).append(claim)
                spelled[key] = tuple(claim.text[t.begin : t.stop] for t in times)
            if len(set(spelled.values())) < 2:
                # The same words ("this year", "in December") read against two publication
                # dates: a relative date, not a changed one.
                continue
            if len(stated) < 2 or len({len(k) for k in stated}) > 1:
                continue
            sides = sorted(stated.items(), key=lambda item: (-len(item[1]), item[1][0].path))
            main_dates, main = sides[0]
            for other_dates, other in sides[1:]:
                first, second = main[0], other[0]
                if reported.covers(first, second):
                    continue
                if about_two_things(
                    framed.get((first.path, first.sentence_index)),
                    framed.get((second.path, second.sentence_index)),
                ):
                    continue
                changed = [(a, b) for a, b in zip(main_dates, other_dates, strict=True) if a != b]
                was, now = changed[0]
                yield self.finding(
                    f"the same sentence dates it {_day_label(was)} ({first.path}:{first.line}) "
                    f"but {_day_label(now)} ({second.path}:{second.line})",
                    [first, second],
                    subject=mask_dates(first.text)[:60],
                )

    @staticmethod
    def _placed(claim: DateClaim, context: RuleContext) -> bool:
        """Whether the claim's date is known: written with its year, or read against a
        publication date the article's metadata gives (an inferred one can be years off)."""
        return not claim.relative or _metadata_date(claim, context) is not None

    def _alike(self, first: DateClaim, second: DateClaim) -> bool:
        assert isinstance(self.options, DateMismatchOptions)
        # The anchors already agree, so how each sentence names what they share says nothing:
        # "the treaty was signed" and "the Treaty of Orsk was signed" state one event. A name
        # only one of them gives ("arrested in Orsk") still tells two events apart.
        shared = (*_met(first.names, second.names), *_met(second.names, first.names))
        left, right = _undated(first.text, shared), _undated(second.text, shared)
        return fuzz.token_sort_ratio(left, right) >= self.options.recurring_similarity


def _before_first(
    first: DateClaim, second: DateClaim, markers: dict[int, frozenset[str]]
) -> DateClaim | None:
    """Of two claims of one event, one of its first occurrence ("was first published in 1971")
    and one that marks no occurrence: the plain one when it is dated before the first, a
    date that cannot hold ("published in 1967"); None otherwise (a later one may be a
    reprint, a second visit, a revival)."""
    for firsts, plain in ((first, second), (second, first)):
        said_first = firsts.frame is not None and firsts.frame.first
        if said_first and markers[id(firsts)] == {"first"} and not markers[id(plain)]:
            return plain if _period(plain)[1] < _period(firsts)[0] else None
    return None


def _first_of_all(firsts: DateClaim, plain: DateClaim) -> bool:
    """Whether the first is of all that the other says took place ("the first walk took place
    in 2011", "they organized walks in 2009"): no such event can come before it."""
    said, other = firsts.frame, plain.frame
    return (
        said is not None
        and other is not None
        and said.first_of_all
        and other.predicate == "occur"
        and said.attribute == other.attribute
    )


def _reported_on(claim: DateClaim, context: RuleContext) -> dt.date | None:
    """The publication date of the claim's article when the claim dates something the article
    reports as news (a day at most `_NEWS_DAYS` before the date its metadata gives), else
    None."""
    published = _metadata_date(claim, context)
    if published is None or claim.granularity is not Granularity.DAY:
        return None
    return published if dt.timedelta(0) <= published - claim.date <= _NEWS_DAYS else None


def _metadata_date(claim: DateClaim, context: RuleContext) -> dt.date | None:
    """The publication date of the claim's article when its metadata gives it; a date inferred
    from the text itself ("fought on 12 June 1644") can be years off."""
    article = context.articles.get(claim.path)
    if article is None or article.date_source is not DateSource.METADATA:
        return None
    return article.date


def _news_of_two_times(first: DateClaim, second: DateClaim, context: RuleContext) -> bool:
    """Whether two stories each report, as news, their own occurrence of an event that recurs:
    each dates it shortly before its own publication, and either the days are further apart
    than a story's news ("the prime minister visited Orsk on Tuesday" in February and "... on
    8 April" in April) or the later story has the later day ("beat the Celtics on Sunday" on
    Monday, "beat the Celtics on Tuesday" on Wednesday: two games). Two stories of one day, or
    a later story with an earlier day, tell of one occurrence two ways."""
    first_day, second_day = _reported_on(first, context), _reported_on(second, context)
    if first_day is None or second_day is None:
        return False
    if abs(first.date - second.date) > _NEWS_DAYS:
        return True
    return first_day != second_day and (first_day < second_day) == (first.date < second.date)


# How far back a story's news reaches.
_NEWS_DAYS = dt.timedelta(days=7)


def _met(names: Sequence[str], others: Sequence[str]) -> tuple[str, ...]:
    """The names of `names` that match one of `others`."""
    keys = [name_key(other) for other in others]
    return tuple(n for n in names if any(names_match(name_key(n), key) for key in keys))


@lru_cache(maxsize=4096)
def _undated(text: str, names: tuple[str, ...]) -> str:
    """The sentence without its dates and without the words of `names`, lower-cased: what
    two recurring events compare on."""
    words = {w for name in names for w in _WORD.findall(name.lower())}
    plain = _DATE_WORDS.sub(" ", text.lower())
    return _WORD.sub(lambda m: " " if m.group() in words else m.group(), plain)


_WORD = re.compile(r"\w+")


def _predicate(claim: DateClaim) -> str:
    """What happened on the date: the frame's predicate (the lemma of the verb the date hangs
    on, or of an infobox label: "Born 27 August 1968"), else a life date's event ("(8 September
    1838 – 2 March 1881)" after a name: born, died)."""
    frame = claim.frame
    if frame is not None and frame.predicate == "occur" and frame.attribute:
        # "her coronation took place on 2 June": what took place is an event a verb names too
        # ("she was crowned on 2 June"), when the synonym table knows the noun as that event
        named = canonical("predicates", frame.attribute)
        if named != frame.attribute or happens_once(named):
            return named
    if frame is not None and frame.predicate:
        return canonical("predicates", frame.predicate)
    if claim.event:
        return canonical("predicates", claim.event.split()[-1])
    return ""


def _blocks(
    claims: Sequence[DateClaim],
) -> Iterator[tuple[tuple[str, str, str], list[DateClaim]]]:
    """Claims of one event: the same predicate and object, and anchors that agree (clustered
    as figures are, `checker.compare.anchors`). Yields ((predicate, event label, anchor
    label), claims)."""
    by_event: dict[tuple[str, str], list[tuple[tuple[str, ...], DateClaim]]] = defaultdict(list)
    for claim in claims:
        found = _event_key(claim)
        if found is not None:
            occurrence, anchor = found
            by_event[occurrence].append((anchor, claim))
    for (predicate, attribute), members in by_event.items():
        clusters: dict[int, list[DateClaim]] = defaultdict(list)
        for (_, claim), cluster in zip(
            members, cluster_anchors([a for a, _ in members]), strict=True
        ):
            clusters[cluster].append(claim)
        for block in clusters.values():
            if len(block) > 1:
                # a life date's word ("born"), else the lemma ("found")
                said = next((c.event for c in block if c.event), None)
                if process_predicate(predicate):
                    said = predicate.replace(" begin", " began").replace(" end", " ended")
                elif predicate == "occur":
                    said = f"{attribute} took place".strip()
                # the lemma as written ("die"), not as the synonym table merges it ("kill")
                written_as = next(
                    (
                        c.frame.predicate
                        for c in block
                        if c.frame and c.frame.predicate not in ("", "occur")
                    ),
                    predicate,
                )
                event = said or " ".join(part for part in (written_as, attribute) if part)
                yield (predicate, event, _shared_name(block)), block


def _shared_name(block: Sequence[DateClaim]) -> str:
    """The first claim's name that every claim of the block names too, else its first name."""
    first, *rest = (claim.names for claim in block)
    shared = (
        name
        for name in first
        if all(any(names_match(name_key(name), name_key(o)) for o in names) for names in rest)
    )
    return next(shared, first[0])


def _event_key(claim: DateClaim) -> tuple[tuple[str, str], tuple[str, ...]] | None:
    """The claim's event (predicate, and the object of a predicate that can recur) and its
    anchor's name keys; None for a claim that dates no event of anyone."""
    if claim.relation not in _POINT_RELATIONS and claim.relation != "by":
        return None
    predicate = _predicate(claim)
    frame = claim.frame
    if frame is None and not claim.event:
        return None  # no life date, and the parse found no statement to date
    names = claim.names
    if not predicate or not names:
        return None
    # a life date's name, where the parse named no anchor, is the primary name
    from_frame = frame is not None and bool(frame.anchor)
    anchor = anchor_key(
        names,
        has_primary=not from_frame or (frame is not None and frame.has_primary),
        aliases=frame.aliases if frame is not None else (),
    )
    once = _once(predicate, claim)
    borrowed = frame is not None and frame.anchor_from in ("paragraph", "title")
    if once and anchor[0] and not borrowed:
        # what happens once to someone named in the sentence is theirs wherever it happened:
        # "Stroud died in 1978 in Cambridge" and "Anna Stroud (1901 – 1977) was a British
        # chemist"; "the plant opened in 1990" in a story about its company is the plant's
        anchor = anchor[:1]
    # the parse's object goes with a predicate that can recur ("signed a decree"). What
    # happens once is told apart by its anchor when the anchor is what it happened to ("Acme
    # was founded", "her birth", "the club" of the article "Halvard Rovers"); when the
    # clause's names only say where or whose ("the Narvel museum was founded", "the
    # university in Narvel"), the thing's noun says which
    recurs = not once
    named_around = frame is not None and frame.anchor_from == "clause"
    attribute = frame.attribute if frame is not None and (recurs or named_around) else ""
    named = plain_words(name_key(names[0]))
    if attribute and attribute in (named[:1] + named[-1:]):
        # "the cathedral was consecrated" of "Brask Cathedral", "the treaty was signed" of
        # "Treaty of Orsk": the anchor itself
        attribute = ""
    if attribute and canonical("predicates", attribute) == predicate:
        attribute = ""  # "construction of the dam was completed": the event's own noun
    return (predicate, attribute), anchor


def _once(predicate: str, claim: DateClaim) -> bool:
    """Whether the claim's event happens once to its anchor: by its predicate ("bear",
    "found"), or, for something said to take place, by the name of what took place ("the
    Battle of Kessel Ford was fought", "the battle took place" in its article; not "the Orsk
    Festival was held", nor "the explosion occurred" in a story about a town, where another
    explosion may be meant)."""
    if happens_once(predicate):
        return True
    if claim.names and happens_once_to(predicate, claim.names[0]):
        return True  # "SS Kestrel Bay sank": a ship sinks once
    if predicate != "occur" or not claim.names:
        return False
    return one_time_kind(plain_words(name_key(claim.names[0])))


def _period(claim: DateClaim) -> tuple[dt.date, dt.date]:
    """The days the claim allows: its period at its granularity, widened for a date said to be
    approximate ("born c. 1850" allows 1840 to 1860, so "born in 1862" is still flagged)."""
    first, last = claim.date, _last_day(claim)
    if claim.relation == "by":
        return dt.date.min, last
    if claim.relation != "around":
        return first, last
    slack = _CIRCA_REACH.get(claim.granularity, dt.timedelta(0))
    return max(dt.date.min, first - slack), min(dt.date.max, last + slack)


# How far an approximate date reaches beyond its own period, by granularity.
_CIRCA_REACH = {
    Granularity.DAY: dt.timedelta(days=15),
    Granularity.MONTH: dt.timedelta(days=91),
    Granularity.YEAR: dt.timedelta(days=3653),
    Granularity.DECADE: dt.timedelta(days=3653),
}


def _markers(claim: DateClaim) -> frozenset[str]:
    """Words marking which occurrence is meant, read in the event's words and just before them
    ("a second wave of mobilization on March 15"); the whole sentence when they are unknown."""
    text = claim.text
    low, high = 0, len(text)
    start = text.find(claim.surface) if claim.surface else -1
    if start >= 0:
        low, high = max(0, start - _MARKER_REACH), start + len(claim.surface)
    return frozenset(
        found.group().lower()
        for found in _DISTINCT.finditer(text, low, high)
        # a capitalized word inside the sentence belongs to a name ("the Fourth Generation")
        if found.start() == 0 or not found.group()[0].isupper()
    )


def _last_day(claim: DateClaim) -> dt.date:
    return claim.end if claim.end is not None else last_day(claim)


def _overlap(first: DateClaim, second: DateClaim) -> bool:
    """Whether both dates can hold: their periods, at their granularities, share a day."""
    (first_start, first_end), (second_start, second_end) = _period(first), _period(second)
    return first_start <= second_end and second_start <= first_end


def _date_twin_key(mask: Callable[[str], str], claim: Claim) -> str | None:
    """The sentence with its dates and numbers masked (by `mask`), when it is long enough to be
    a copy rather than a stock line ("The mayor visited Brezno on May 2." recurs with other
    dates)."""
    masked = mask(claim.text)
    if len(masked.split()) < _DATE_TWIN_WORDS or not ("@" in masked or "#" in masked):
        return None
    return masked


_DATE_TWIN_WORDS = 10


def _day_label(stated: tuple[dt.date, str]) -> str:
    day, granularity = stated
    if granularity == "year":
        return str(day.year)
    if granularity == "month":
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


def _label(claim: DateClaim) -> str:
    if claim.relation == "around":
        return "c. " + _exact_label(claim)
    if claim.relation == "by":
        return "by " + _exact_label(claim)
    return _exact_label(claim)


def _exact_label(claim: DateClaim) -> str:
    if claim.granularity in (Granularity.DECADE, Granularity.CENTURY):
        start, end = claim.value_span
        if end > start:
            return " ".join(claim.text[start:end].split())  # "the early 1960s", as written
    text = _day_label((claim.date, claim.granularity.value))
    if claim.end is not None and claim.end != last_day(claim):
        text += f" to {claim.end.isoformat()}"
    return text
