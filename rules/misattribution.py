"""`misattribution`: the same figure or quote credited to different sources."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache, partial
from itertools import combinations

from rapidfuzz import fuzz

from checker.archive_keys import subject_group_keys
from checker.clusters import Reported, classes, evidence, first_fit, more
from checker.compare.anchors import names_match
from checker.group import group_figures
from checker.models import Attribution, Claim, Figure, Finding, Severity
from checker.pairs import nearby_pairs
from checker.rule import ArchiveKey, Rule, RuleContext, RuleOptions
from checker.titles import name_key as person_key
from checker.twins import long_enough, mask_names, twins

_WORD = re.compile(r"[A-Za-z0-9]+")
_MINOR = frozenset({"the", "of", "for", "and", "on", "in", "at", "a", "an", "to"})


class MisattributionOptions(RuleOptions):
    # How alike two quotes must be (rapidfuzz ratio on folded text) to be the same quote.
    quote_similarity: int = 90
    # Quotes shorter than this many words are too common to compare ("no comment").
    min_quote_words: int = 6
    # Relative difference under which two figures count as the same value (rounding).
    value_tolerance: float = 0.005


class Misattribution(Rule):
    """The same figure or quote is credited to different sources.

    ## What it does
    Finds a figure (same subject, period and value) or a quote (nearly the same words) that two
    articles credit to sources that cannot be the same. Sources compare flexibly: "ISW" is the
    "Institute for the Study of War"; a relay ("The Moscow Times, citing ISW") is compatible with
    either outlet.

    ## Why it matters
    Crediting a claim to the wrong source misleads readers about how reliable it is, and is a
    correction the source itself may demand.

    ## Flagged
    35,000 Russian soldiers killed in December credited to Ukraine's defense minister in one
    article and to NATO in another; a sentence copied from "The Moscow Times, citing ISW,
    reported ..." as "Reuters, citing ISW, reported ..." (same words, another relay).

    ## Not flagged
    The same figure credited to "ISW" and to "The Moscow Times, citing the Institute for the
    Study of War"; a figure with no source in one article (see repeated-passage); "reported"
    versus "said"; a figure "Ruiz said" in an article that introduces "Coastal Agency Director
    Lena Ruiz", and "the Coastal Agency says" in another (she speaks for it); a copy that names
    the same relay in short ("The Courier, citing ...").

    ## Options
    `quote_similarity` (default 90), `min_quote_words` (default 6), `value_tolerance` (default
    0.005, relative).
    """

    id = "misattribution"
    severity = Severity.ERROR
    Options = MisattributionOptions
    archive_indexed = True

    def archive_keys(self, claim: Claim) -> Iterator[ArchiveKey]:
        """A figure's subject group; a quote's first three words (quotes are compared within
        them); a credited sentence without its sources' names (a twin)."""
        yield from subject_group_keys(claim)
        if not isinstance(claim, Attribution):
            return
        if claim.quote:
            folded = _WORD.findall(claim.quote.lower())
            yield ArchiveKey(f"{self.id}/quote:{' '.join(folded[:3])}")
        twin = _source_twin_key(_masked_source, claim)
        if twin is not None:
            yield ArchiveKey(f"{self.id}/twin:{twin[0]}\x1f{twin[1]}")

    def check(self, context: RuleContext) -> Iterator[Finding]:
        reported = Reported()
        yield from self._figures(context, reported)
        yield from self._quotes(context, reported)
        yield from self._twin_findings(context, reported)

    def _twin_findings(self, context: RuleContext, reported: Reported) -> Iterator[Finding]:
        """One sentence in two articles credited to different sources ("..., according to
        Bloomberg" and "..., according to Reuters"), whatever it claims."""
        # Copies of a story repeat sentences verbatim: each distinct text is masked once.
        for twin in twins(context.attributions, partial(_source_twin_key, cache(_masked_source))):
            if not context.any_in_focus(twin):
                continue
            twin = sorted(twin, key=lambda a: (a.path, a.line))
            first = twin[0]
            for second in twin[1:]:
                if second.path == first.path:
                    continue
                if _credits_agree(first, second) and not _relayed_by_another(first, second):
                    continue
                if reported.covers(first, second):
                    continue
                yield self.finding(
                    f"the same sentence is credited to {_credit(first)} ({_where(first)}) "
                    f"but to {_credit(second)} ({_where(second)})",
                    [first, second],
                    subject=mask_names(first.text, _chain(first))[:60],
                )
                break

    def _figures(self, context: RuleContext, reported: Reported) -> Iterator[Finding]:
        assert isinstance(self.options, MisattributionOptions)
        sourced = [f for f in context.figures if f.source_chain or f.source]
        keyed: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
        for subject, figure in _subjects(context, sourced):
            period = (figure.period_start, figure.period_end, figure.period_granularity)
            keyed[(subject, period, figure.modality, figure.unit, figure.cumulative)].append(figure)
        seen: set[tuple[str, ...]] = set()
        for figures in keyed.values():
            if len(figures) < 2 or not context.any_in_focus(figures):
                continue
            relays = [f for f in figures if len(_chain(f)) > 1]
            # Copies of one sentence credit one figure alike: one class, paired once. The
            # sentence is part of the key because `_relayed` reads it.
            kinds = classes(figures, _figure_class)
            heads = [kind[0] for kind in kinds]
            memo: dict[int, list[Figure]] = {}
            for i, j in self._candidates(heads, context, kinds):
                first_kind, second_kind = kinds[i], kinds[j]
                if not self._same_value(heads[i], heads[j]):
                    continue
                if _relayed(heads[i], heads[j], relays):
                    continue
                pair = first_fit(first_kind, second_kind, _other_articles, _focus(context), memo)
                if pair is None:
                    continue
                first, second = pair
                marker = tuple(sorted([_where(first), _where(second)]))
                if marker in seen:
                    continue
                seen.add(marker)
                reported.add(first_kind, second_kind)
                yield self.finding(
                    f"{first.value:,.0f} {first.subject} is credited to "
                    f"{_credit(first)} ({_where(first)}{more(first_kind)}) but to "
                    f"{_credit(second)} ({_where(second)}{more(second_kind)})",
                    [*evidence(first, first_kind), *evidence(second, second_kind)],
                    subject=first.subject,
                )

    def _candidates(
        self, figures: Sequence[Figure], context: RuleContext, kinds: Sequence[Sequence[Figure]]
    ) -> list[tuple[int, int]]:
        """Index pairs (i < j) of class heads whose values may be the same, one class focused.

        Sorting by value and sweeping replaces all pairs: for sorted values a <= b, being within
        the relative tolerance t needs b - a <= t * max(|a|, |b|) <= t * (|a| + (b - a)), so no
        later value can match once b - a > t * |a| / (1 - t). Pairs come back in (i, j) order,
        the order of the all-pairs loop, so the first of two findings on one line still wins.
        """
        assert isinstance(self.options, MisattributionOptions)
        tolerance = self.options.value_tolerance

        def reach(low: float) -> float:
            spread = tolerance * abs(low) / (1 - tolerance) if tolerance < 1 else float("inf")
            return spread + 1e-9 * max(abs(low), 1.0)

        focused = [context.any_in_focus(kind) for kind in kinds]

        def wanted(i: int, j: int) -> bool:
            return focused[i] or focused[j]

        return nearby_pairs([figure.value for figure in figures], reach, wanted)

    def _same_value(self, first: Figure, second: Figure) -> bool:
        assert isinstance(self.options, MisattributionOptions)
        if first.qualifier != second.qualifier:
            return False
        pairs = [(first.value, second.value), (first.low, second.low), (first.high, second.high)]
        for a, b in pairs:
            if (a is None) != (b is None):
                return False
            if a is not None and b is not None:
                scale = max(abs(a), abs(b), 1e-9)
                if abs(a - b) / scale > self.options.value_tolerance:
                    return False
        return True

    def _quotes(self, context: RuleContext, reported: Reported) -> Iterator[Finding]:
        assert isinstance(self.options, MisattributionOptions)
        quotes: list[tuple[Attribution, str]] = []
        for claim in context.attributions:
            if claim.quote and (claim.source_chain or claim.source):
                folded = " ".join(_WORD.findall(claim.quote.lower()))
                if len(folded.split()) >= self.options.min_quote_words:
                    quotes.append((claim, folded))
        # Block on the quote's first three words, so that only likely pairs are scored.
        blocks: dict[str, list[tuple[Attribution, str]]] = defaultdict(list)
        for claim, folded in quotes:
            blocks[" ".join(folded.split()[:3])].append((claim, folded))
        folded_of = {id(claim): folded for claim, folded in quotes}
        for block in blocks.values():
            # Copies of one quote credited to one source agree: one class, never paired. The
            # sentence is part of the class because `_relayed` reads it.
            kinds = classes(
                (claim for claim, _ in block),
                lambda c: (*_quote_key(c, folded_of[id(c)]), c.text),
            )
            memo: dict[int, list[Attribution]] = {}
            for i, j in combinations(range(len(kinds)), 2):
                first_kind, second_kind = kinds[i], kinds[j]
                first_text, second_text = (
                    folded_of[id(first_kind[0])],
                    folded_of[id(second_kind[0])],
                )
                if fuzz.ratio(first_text, second_text) < self.options.quote_similarity:
                    continue
                if _relayed(first_kind[0], second_kind[0], ()):
                    # the same origin, or "a resident told AP" beside "Mara Velsen told the
                    # Associated Press": the outlet that was told, named in the other sentence
                    continue
                pair = first_fit(first_kind, second_kind, _other_articles, _focus(context), memo)
                if pair is None:
                    continue
                first, second = pair
                reported.add(first_kind, second_kind)
                yield self.finding(
                    f"the quote “{first.quote}” is credited to {_credit(first)} "
                    f"({_where(first)}{more(first_kind)}) but to {_credit(second)} "
                    f"({_where(second)}{more(second_kind)})",
                    [*evidence(first, first_kind), *evidence(second, second_kind)],
                    subject=first_text[:60],
                )


def _figure_class(figure: Figure) -> tuple[object, ...]:
    """What pairing a figure reads besides where it is: its value as stated, its credit, and
    its sentence."""
    chain = _chain(figure)
    if not sources_compatible(chain, chain):
        return (id(figure),)  # a source that folds to nothing agrees with nothing, as quotes
    return (figure.value, figure.low, figure.high, figure.qualifier, chain, figure.text)


def _other_articles(first: Claim, second: Claim) -> bool:
    return first.path != second.path


def _focus(context: RuleContext) -> Callable[[Claim], bool]:
    return lambda claim: context.in_focus(claim.path)


def _quote_key(claim: Attribution, folded: str) -> tuple[object, ...]:
    """Copies of one quote credited to one source agree: they share a key, and are not paired.
    A source whose name folds to nothing does not even agree with itself: its own key."""
    chain = _chain(claim)
    return (folded, chain) if sources_compatible(chain, chain) else (id(claim),)


def _subjects(context: RuleContext, figures: Sequence[Figure]) -> Iterator[tuple[str, Figure]]:
    """Each figure with its subject key, from the grouping by frame; a figure no group holds is
    about nothing the checker can name, and is left out."""
    groups = list(context.groups) or group_figures(list(context.figures))
    # By the group's place, not its key: two groups whose anchors differ but whose names join
    # alike ("Gaza" as the owner, "Gaza" as a place named) are two subjects.
    key_of: dict[int, str] = {}
    for number, group in enumerate(groups):
        for figure in group.figures:
            key_of[id(figure)] = str(number)
    for figure in figures:
        key = key_of.get(id(figure))
        if key is not None:
            yield key, figure


def _relayed(first: Claim, second: Claim, others: Sequence[Claim]) -> bool:
    """Whether the two credits can name one origin: directly, or through a third article's
    relay chain ("X, citing Y") that links X in one to Y in the other. `others` need only hold
    the claims with relay chains (the rest cannot link anything)."""
    left, right = _chain(first), _chain(second)
    if _credits_agree(first, second):
        return True
    if _named_beside(left, second.text) or _named_beside(right, first.text):
        # "The Alliance aims to ..., its coordinator Jana Vesela said" next to "The Alliance
        # said": the person speaks for the organisation her own sentence names.
        return True
    return any(
        len(_chain(other)) > 1
        and sources_compatible(left, _chain(other))
        and sources_compatible(right, _chain(other))
        for other in others
    )


def _credits_agree(first: Claim, second: Claim) -> bool:
    """Whether two claims' credits can name one origin: their chains share a link, or one
    credits a person whose title names the organisation the other credits ("Coastal Agency
    Director Lena Ruiz" speaks for "the Coastal Agency")."""
    left, right = _chain(first), _chain(second)
    return (
        sources_compatible(left, right)
        or _speaks_for(first.source_affiliation, right)
        or _speaks_for(second.source_affiliation, left)
    )


def _relayed_by_another(first: Claim, second: Claim) -> bool:
    """Whether a sentence and its copy cite one origin through two outlets that cannot be one:
    "The Moscow Times, citing ISW, reported" copied as "Reuters, citing ISW, reported". Two
    articles may each relay an origin, but not in the same words."""
    left, right = _chain(first), _chain(second)
    if len(left) < 2 or len(right) < 2:
        return False
    return sources_compatible(left[1:], right[1:]) and not same_source(left[0], right[0])


def _speaks_for(affiliation: str | None, chain: Sequence[str]) -> bool:
    return affiliation is not None and any(same_source(affiliation, name) for name in chain)


def _named_beside(chain: Sequence[str], sentence: str) -> bool:
    """Whether the other sentence names one of these sources too, as a speaker's affiliation."""
    folded = sentence.lower()
    return any(len(name) > 3 and name.lower() in folded for name in chain)


def _source_twin_key(
    masked_source: Callable[[str, tuple[str, ...]], str | None], claim: Attribution
) -> tuple[str, str] | None:
    """The sentence without its credited names (by `masked_source`), and which verb credits."""
    masked = masked_source(claim.text, _chain(claim))
    return None if masked is None else (masked, claim.verb or "")


def _masked_source(text: str, chain: tuple[str, ...]) -> str | None:
    """The sentence without the names in `chain`; None unless the sentence names its source
    itself (a "he said" credited from context is no copy's change) and is long enough."""
    folded = text.lower()
    if not any(name.lower() in folded for name in chain):
        return None
    masked = mask_names(text, chain)
    return masked if long_enough(masked, text) else None


def _chain(claim: Claim) -> tuple[str, ...]:
    """Who the claim credits; a name of one letter ("U" of a "U. S." the sentence splitter cut)
    names no one the checker can compare."""
    chain = claim.source_chain or ((claim.source,) if claim.source else ())
    return tuple(name for name in chain if sum(c.isalpha() for c in name) > 1)


def _credit(claim: Claim) -> str:
    chain = _chain(claim)
    return ", citing ".join(chain) if chain else "no one"


def _where(claim: Claim) -> str:
    return f"{claim.path}:{claim.line}"


@lru_cache(maxsize=4096)
def _folded(name: str) -> str:
    words = [w for w in _WORD.findall(name.lower()) if w not in {"the"}]
    return " ".join(words)


@lru_cache(maxsize=4096)
def _acronym(name: str) -> str:
    """ "Institute for the Study of War" -> "isw"; a name of one capitalised word is its own."""
    words = _WORD.findall(name)
    if len(words) == 1:
        return words[0].lower() if words[0].isupper() else ""
    return "".join(w[0] for w in words if w.lower() not in _MINOR).lower()


def same_source(a: str, b: str) -> bool:
    """Whether two source names name the same person or organisation."""
    left, right = _folded(a), _folded(b)
    if not left or not right:
        return False
    if left == right:
        return True
    left_acronym, right_acronym = _acronym(a), _acronym(b)
    if left_acronym and left_acronym in (right_acronym, right.replace(" ", "")):
        return True
    if right_acronym and right_acronym in (left_acronym, left.replace(" ", "")):
        return True
    # "ISW" inside "the Institute for the Study of War (ISW)"
    if left in right.split() or right in left.split():
        return True
    if names_match(person_key(a), person_key(b)):
        return True  # "Mr Gaskin" / "Inspector Gaskin"; "US Geological" / "US Geological Survey"
    return fuzz.token_set_ratio(left, right) >= 90 and min(len(left), len(right)) > 3


def sources_compatible(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether two chains can credit the same origin: they share any link (a relay "X, citing
    Y" agrees with a plain X and with a plain Y). An empty chain is compatible with anything."""
    if not first or not second:
        return True
    return any(same_source(a, b) for a in first for b in second)
