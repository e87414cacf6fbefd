"""`repeated-passage`: a claim-bearing passage repeated nearly verbatim across articles."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from checker.data import load_data
from checker.extract.timex import MONTHS
from checker.models import Claim, Evidence, Finding, Severity
from checker.rule import ArchiveKey, Rule, RuleContext, RuleOptions

_WORD = re.compile(r"[a-z0-9]+")
_SHINGLE = 5


class RepeatedPassageOptions(RuleOptions):
    # How alike two sentences must be (rapidfuzz ratio on folded text).
    similarity: int = 90
    # Shorter sentences repeat by chance ("He said the figure was wrong").
    min_words: int = 12
    # Gap (in sentence positions) still joined into one run of repeated sentences.
    max_gap: int = 2


@dataclass(slots=True)
class _Sentence:
    path: str
    index: int
    line: int
    column: int
    text: str
    folded: str
    sources: set[str] = field(default_factory=set)


class RepeatedPassage(Rule):
    """A claim-bearing passage is repeated across articles.

    ## What it does
    Finds sentences that carry a figure, date or attribution and appear nearly word for word
    (ratio 90 or more, at least 12 words) in two articles. Consecutive repeated sentences are
    reported once, as a passage. When the copy drops the source the original credited, the
    finding is a warning instead of a note. A text that many articles carry word for word (a
    reprinted wire story) is reported once per copy, against the earliest article that carries
    it, and a text that differs from it, once, between the two texts' earliest articles.

    ## Why it matters
    Reused passages carry their facts with them: if the original is corrected, the copy is not.
    A copy that loses its "according to" presents a second-hand claim as the outlet's own.

    ## Flagged
    The paragraph on 35,000 soldiers killed in December and the 50,000 goal, repeated in two
    articles of the same outlet.

    ## Not flagged
    Two articles reporting the same figure in their own words; a short stock sentence; a
    repeated sentence that carries no claim (a donation appeal); one formula filled in for two
    stories ("Figures from the port authority show that 3,400 containers in Velmora were held
    up", and "2,950 containers in Brask"), each naming a place the other does not.

    ## Options
    `similarity` (default 90), `min_words` (default 12), `max_gap` (default 2 sentences).
    """

    id = "repeated-passage"
    severity = Severity.INFO
    Options = RepeatedPassageOptions
    archive_indexed = True

    def archive_keys(self, claim: Claim) -> Iterator[ArchiveKey]:
        """The five-word shingles of the claim's sentence, ranked by its length in words: a
        shingle carried by more than `_STOCK_PHRASE` sentences is a stock phrase, so past that
        only the count matters, and only sentences of `min_words` count."""
        assert isinstance(self.options, RepeatedPassageOptions)
        words = _folded(claim.text).split()
        for shingle in _shingles(" ".join(words)):
            yield ArchiveKey(
                _shingle_key(shingle),
                rank=len(words),
                floor=self.options.min_words,
                cap=_STOCK_PHRASE,
            )

    def check(self, context: RuleContext) -> Iterator[Finding]:
        assert isinstance(self.options, RepeatedPassageOptions)
        sentences = self._sentences(context)
        pairs = self._pairs(sentences, context)
        for run in _runs(pairs, self.options.max_gap):
            yield self._finding(context, run)

    def _sentences(self, context: RuleContext) -> list[_Sentence]:
        assert isinstance(self.options, RepeatedPassageOptions)
        min_words = self.options.min_words
        by_key: dict[tuple[str, int], _Sentence | None] = {}
        # A story told in the same words folds to the same text again and again: fold once.
        folds: dict[str, tuple[str, int]] = {}
        for claim in context.claims:
            key = (claim.path, claim.sentence_index)
            if key in by_key:
                sentence = by_key[key]
            else:
                text = claim.text
                fold = folds.get(text)
                if fold is None:
                    words = _WORD.findall(text.lower())
                    fold = folds[text] = (" ".join(words), len(words))
                # Too short to count as a passage: no sentence kept, so no sources gathered.
                sentence = (
                    _Sentence(
                        claim.path, claim.sentence_index, claim.line, claim.column, text, fold[0]
                    )
                    if fold[1] >= min_words
                    else None
                )
                by_key[key] = sentence
            if sentence is not None and claim.kind != "person":
                if claim.source_chain:
                    sentence.sources.update(claim.source_chain)
                elif claim.source:
                    sentence.sources.add(claim.source)
        return [s for s in by_key.values() if s is not None]

    def _pairs(
        self, sentences: Sequence[_Sentence], context: RuleContext
    ) -> list[tuple[_Sentence, _Sentence]]:
        """Sentence pairs from two articles, alike enough; with a focus, one side focused.

        A run (one finding) joins pairs of the same two articles only, so a pair of two
        unfocused articles can never end up in a finding that touches the focus.
        """
        assert isinstance(self.options, RepeatedPassageOptions)
        # Sentences with the same folded text share every shingle and every score, and a story
        # told in the same words repeats its texts across many articles: candidates are found
        # and scored per pair of distinct texts, then spread over the sentences that carry them.
        copies: dict[str, list[int]] = {}
        for number, sentence in enumerate(sentences):
            copies.setdefault(sentence.folded, []).append(number)
        texts = list(copies)
        paths = [sentence.path for sentence in sentences]
        # Each text's carriers, earliest article first: the first is the text's original.
        undated = dt.date.max
        carriers = [
            sorted(numbers, key=lambda n: (context.published(paths[n]) or undated, paths[n], n))
            for numbers in copies.values()
        ]
        focused = [context.in_focus(path) for path in paths]
        wanted = [any(focused[n] for n in numbers) for numbers in carriers]
        similarity = self.options.similarity
        alike: list[tuple[int, int]] = []
        candidates = self._candidate_texts(texts, carriers, wanted, context.crowded)
        for first, second in candidates:
            if not (wanted[first] or wanted[second]) or not _alike(
                texts[first], texts[second], similarity
            ):
                continue
            if first != second and _other_names(
                sentences[carriers[first][0]].text, sentences[carriers[second][0]].text
            ):
                continue
            # A wire story reprinted word for word by many outlets is one text: each copy is
            # reported once, against the text's original, and a text that differs from
            # another once, between their originals; not every copy against every other.
            if first == second:
                original, *others = carriers[first]
                found = [(original, b) for b in others]
            else:
                original = carriers[first][0]
                other = next((b for b in carriers[second] if paths[b] != paths[original]), None)
                found = [] if other is None else [(original, other)]
            alike.extend(
                (a, b) if paths[a] < paths[b] else (b, a)
                for a, b in found
                if paths[a] != paths[b] and (focused[a] or focused[b])
            )
        return [(sentences[a], sentences[b]) for a, b in sorted(alike)]

    def _candidate_texts(
        self,
        texts: Sequence[str],
        carriers: Sequence[Sequence[int]],
        wanted: Sequence[bool],
        crowded: frozenset[str],
    ) -> Iterator[tuple[int, int]]:
        """Pairs (i <= j) of distinct texts that share a rare five-word shingle, (i, i) when a
        text is carried by several sentences; `wanted` texts are those that may pair at all."""
        shingles = [_shingles(text) for text in texts]
        # With a focus, only shingles of focused sentences can pair a focused sentence; the
        # counts of those are still complete, so the stock-phrase cap below sees true counts.
        keep: set[tuple[str, ...]] | None = None
        if not all(wanted):
            keep = set().union(*(h for h, w in zip(shingles, wanted, strict=True) if w))
        postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for number, found in enumerate(shingles):
            for shingle in found if keep is None else found & keep:
                postings[shingle].append(number)
        # Stock phrases (see _STOCK_PHRASE) say nothing; a shingle of one sentence pairs nothing.
        # Under `--against`, a shingle more archive sentences carry than the cap was not read.
        rare = {
            shingle: numbers
            for shingle, numbers in postings.items()
            if 1 < sum(len(carriers[n]) for n in numbers) <= _STOCK_PHRASE
            and (not crowded or _shingle_key(shingle) not in crowded)
        }
        del postings
        for number, found in enumerate(shingles):
            partners: set[int] = set()
            for shingle in found:
                numbers = rare.get(shingle)
                if numbers is not None:
                    partners.update(numbers)
            for other in partners:
                if other > number or (other == number and len(carriers[number]) > 1):
                    yield number, other

    def _alike(self, first: str, second: str) -> bool:
        """Nearly the same sentence, or one copied inside the other: "The agency said the river
        crested at 7.4 meters" copied as "The river crested at 7.4 meters" (the attribution cut)."""
        assert isinstance(self.options, RepeatedPassageOptions)
        return _alike(first, second, self.options.similarity)

    def _finding(self, context: RuleContext, run: Sequence[tuple[_Sentence, _Sentence]]) -> Finding:
        first_side = [a for a, _ in run]
        second_side = [b for _, b in run]
        left, right = first_side[0].path, second_side[0].path
        left_date, right_date = context.published(left), context.published(right)
        # The later article is the copy; without dates, either side may be.
        if left_date and right_date and right_date < left_date:
            original, copy = second_side, first_side
        else:
            original, copy = first_side, second_side
        had = set().union(*(s.sources for s in original))
        kept = set().union(*(s.sources for s in copy))
        # "Quinn said" copied as "he said" or "an officer said" keeps an attribution, even one
        # the extractor could not name.
        dropped = bool(had) and not kept and not _credits_someone(copy)
        if not dropped and not (left_date and right_date and left_date != right_date):
            # Undated or same-day pair: a source dropped on either side still counts.
            dropped = bool(kept) and not had and not _credits_someone(original)
            if dropped:
                original, copy = copy, original
                had = kept
        count = len(run)
        what = "A sentence" if count == 1 else f"A passage of {count} sentences"
        message = f"{what} repeated nearly verbatim: {_span(original)} and {_span(copy)}"
        if dropped:
            message += f"; the copy drops the attribution to {', '.join(sorted(had))}"
        evidence = [_evidence(s) for s in original] + [_evidence(s) for s in copy]
        return self.finding(
            message,
            [],
            subject=original[0].folded[:60],
            extra=evidence,
            severity=Severity.WARNING if dropped else None,
        )


@lru_cache(maxsize=1)
def _reporting_verb() -> re.Pattern[str]:
    forms = {f for fs in load_data("reporting_verbs")["verbs"].values() for f in fs}
    words = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{words}|according to)\b", re.I)


def _credits_someone(sentences: Sequence[_Sentence]) -> bool:
    return any(_reporting_verb().search(s.text) for s in sentences)


# A shingle in more sentences than this is a stock phrase, not a sign of copying.
_STOCK_PHRASE = 50
# A copy inside a longer sentence must still be most of it: a short stock clause is no passage.
_CONTAINED_SHARE = 0.6


def _alike(first: str, second: str, similarity: int) -> bool:
    """See `RepeatedPassage._alike`; a plain function, as it is called for every candidate."""
    ratio = fuzz.ratio(first, second)
    if ratio >= similarity:
        return True
    short, long = len(first), len(second)
    if short > long:
        first, second, short, long = second, first, long, short
    if short < _CONTAINED_SHARE * long:
        return False
    cutoff = max(similarity, 95)
    # partial_ratio is the costly score and almost never passes: rule it out first with what
    # `ratio` already tells. partial_ratio >= cutoff needs a window of the longer text whose
    # longest common subsequence with the shorter is at least cutoff / (200 - cutoff) of it,
    # and no window shares more than the whole longer text does. ratio is
    # 200 * LCS / (total length); half a character of slack absorbs float rounding.
    if ratio * (short + long) / 200 < cutoff * short / (200 - cutoff) - 0.5:
        return False
    return fuzz.partial_ratio(first, second) >= cutoff


def _other_names(first: str, second: str) -> bool:
    """Whether each sentence names someone or something the other does not: one formula
    filled in for two stories ("Figures from the agency show that 4,080 workers in Velm were
    laid off"), not a copy. A copy that drops its credit still names all the other does."""
    one, other = _names(first), _names(second)
    return bool(one - other) and bool(other - one)


@lru_cache(maxsize=4096)
def _names(text: str) -> frozenset[str]:
    """The capitalized words of a sentence after its first word, months and days aside."""
    found = _CAPITALIZED.findall(text)[1 if text[:1].isupper() else 0 :]
    return frozenset(w for w in found if w.lower() not in _CALENDAR_WORDS)


_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*")
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _shingle_key(shingle: tuple[str, ...]) -> str:
    return "repeated-passage/shingle:" + " ".join(shingle)


def _shingles(folded: str) -> set[tuple[str, ...]]:
    """The sentence's runs of _SHINGLE words."""
    words = folded.split()
    return set(zip(*(words[i:] for i in range(_SHINGLE)), strict=False))


def _runs(
    pairs: Sequence[tuple[_Sentence, _Sentence]], max_gap: int
) -> list[list[tuple[_Sentence, _Sentence]]]:
    """Join pairs that follow each other in both articles into runs, one finding per run."""
    ordered = sorted(pairs, key=lambda p: (p[0].path, p[1].path, p[0].index, p[1].index))
    runs: list[list[tuple[_Sentence, _Sentence]]] = []
    for pair in ordered:
        if runs:
            last_a, last_b = runs[-1][-1]
            if (
                last_a.path == pair[0].path
                and last_b.path == pair[1].path
                and 0 < pair[0].index - last_a.index <= max_gap
                and 0 < pair[1].index - last_b.index <= max_gap
            ):
                runs[-1].append(pair)
                continue
        runs.append([pair])
    return runs


def _span(sentences: Sequence[_Sentence]) -> str:
    first, last = sentences[0], sentences[-1]
    lines = str(first.line) if first.line == last.line else f"{first.line}-{last.line}"
    return f"{first.path}:{lines}"


def _evidence(sentence: _Sentence) -> Evidence:
    return Evidence(
        path=sentence.path,
        line=sentence.line,
        column=sentence.column,
        text=sentence.text,
        source=", ".join(sorted(sentence.sources)) or None,
    )
