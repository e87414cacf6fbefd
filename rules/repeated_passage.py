"""`repeated-passage`: a claim-bearing passage repeated nearly verbatim across articles."""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz

from checker.models import Evidence, Finding, Severity
from checker.rule import Rule, RuleContext, RuleOptions

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
    finding is a warning instead of a note.

    ## Why it matters
    Reused passages carry their facts with them: if the original is corrected, the copy is not.
    A copy that loses its "according to" presents a second-hand claim as the outlet's own.

    ## Flagged
    The paragraph on 35,000 soldiers killed in December and the 50,000 goal, repeated in two
    articles of the same outlet.

    ## Not flagged
    Two articles reporting the same figure in their own words; a short stock sentence; a
    repeated sentence that carries no claim (a donation appeal).

    ## Options
    `similarity` (default 90), `min_words` (default 12), `max_gap` (default 2 sentences).
    """

    id = "repeated-passage"
    severity = Severity.INFO
    Options = RepeatedPassageOptions

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
        # Sentences with the same folded text share every shingle and every score: they are
        # shingled once and each pair of distinct texts is scored once (see `_alike_ids`).
        text_ids: dict[str, int] = {}
        texts: list[str] = []
        ids: list[int] = []
        for sentence in sentences:
            number = text_ids.get(sentence.folded)
            if number is None:
                number = text_ids[sentence.folded] = len(texts)
                texts.append(sentence.folded)
            ids.append(number)
        text_shingles = [_shingles(text) for text in texts]
        shingles = [text_shingles[number] for number in ids]
        path_ids: dict[str, int] = {}
        paths = [path_ids.setdefault(sentence.path, len(path_ids)) for sentence in sentences]
        focused = [context.in_focus(sentence.path) for sentence in sentences]
        # With a focus, only shingles of focused sentences can pair a focused sentence; the
        # postings of those are still complete, so the stock-phrase cap below sees true counts.
        wanted: set[int] | None = None
        if context.focus is not None:
            wanted = set().union(*(h for h, f in zip(shingles, focused, strict=True) if f))
        postings: dict[int, list[int]] = defaultdict(list)
        for number, hashes in enumerate(shingles):
            for value in hashes if wanted is None else hashes & wanted:
                postings[value].append(number)
        candidates: set[tuple[int, int]] = set()
        everything = context.focus is None
        for numbers in postings.values():
            if len(numbers) > 50:  # a stock phrase everywhere says nothing about copying
                continue
            # Postings are in ascending sentence order, so each pair comes out as (low, high).
            candidates.update(
                (a, b)
                for a, b in combinations(numbers, 2)
                if paths[a] != paths[b] and (everything or focused[a] or focused[b])
            )
        # Only a pair of texts that both occur more than once can come up again: remembering
        # just those keeps the memo small (one entry per scored pair is ~700,000 entries on
        # 10,000 generated articles).
        copies = [0] * len(texts)
        for number in ids:
            copies[number] += 1
        scores: dict[tuple[int, int], bool] = {}
        alike: list[tuple[int, int]] = []
        for low, high in candidates:
            a, b = (low, high) if sentences[low].path < sentences[high].path else (high, low)
            first, second = ids[a], ids[b]
            if copies[first] > 1 and copies[second] > 1:
                same = scores.get((first, second))
                if same is None:
                    same = scores[first, second] = self._alike(texts[first], texts[second])
            else:
                same = self._alike(texts[first], texts[second])
            if same:
                alike.append((a, b))
        del candidates, scores
        return [(sentences[a], sentences[b]) for a, b in sorted(alike)]

    def _alike(self, first: str, second: str) -> bool:
        """Nearly the same sentence, or one copied inside the other: "The agency said the river
        crested at 7.4 meters" copied as "The river crested at 7.4 meters" (the attribution cut)."""
        assert isinstance(self.options, RepeatedPassageOptions)
        ratio = fuzz.ratio(first, second)
        if ratio >= self.options.similarity:
            return True
        shorter, longer = sorted((first, second), key=len)
        if len(shorter) < _CONTAINED_SHARE * len(longer):
            return False
        cutoff = max(self.options.similarity, 95)
        # partial_ratio is the costly score and almost never passes: rule it out first with
        # what `ratio` already tells. partial_ratio >= cutoff needs a window of `longer` whose
        # longest common subsequence with `shorter` is at least cutoff / (200 - cutoff) of
        # `shorter`, and no window shares more than the whole of `longer` does. ratio is
        # 200 * LCS / (total length); half a character of slack absorbs float rounding.
        common = ratio * (len(shorter) + len(longer)) / 200
        if common < cutoff * len(shorter) / (200 - cutoff) - 0.5:
            return False
        return fuzz.partial_ratio(shorter, longer) >= cutoff

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
        dropped = bool(had) and not kept
        if not dropped and not (left_date and right_date and left_date != right_date):
            # Undated or same-day pair: a source dropped on either side still counts.
            dropped = bool(kept) and not had
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


# A copy inside a longer sentence must still be most of it: a short stock clause is no passage.
_CONTAINED_SHARE = 0.6


def _shingles(folded: str) -> set[int]:
    """Hashes of the sentence's runs of _SHINGLE words."""
    words = folded.split()
    return {
        zlib.crc32(" ".join(words[i : i + _SHINGLE]).encode())
        for i in range(len(words) - _SHINGLE + 1)
    }


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
